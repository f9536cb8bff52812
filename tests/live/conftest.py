# The room fixtures (a room; a chosen presenter; a running round) serve every live test.
from tests.live.test_services import chosen, room, running  # noqa: F401
