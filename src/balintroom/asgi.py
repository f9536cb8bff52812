import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balintroom.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.sessions import CookieMiddleware  # noqa: E402

from balintroom.accounts.sockets import (  # noqa: E402
    SocketAuthMiddleware,
    SocketSessionMiddleware,
)
from balintroom.core.websocket import SameOriginValidator  # noqa: E402
from balintroom.live.lifespan import lifespan  # noqa: E402
from balintroom.live.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        # Only this site's own pages open sockets (scheme, host and port): another
        # site's page cannot open a room with the member's cookie.
        # Who she is: found for all the sockets opening at a moment together
        # (accounts/sockets.py), in place of Channels' AuthMiddlewareStack.
        "websocket": SameOriginValidator(
            CookieMiddleware(SocketSessionMiddleware(SocketAuthMiddleware(
                URLRouter(websocket_urlpatterns))))
        ),
        # The process's heartbeat, and its sockets closed when it stops.
        "lifespan": lifespan,
    }
)

# Last, once everything the server needs is loaded: see core/server_tuning.py.
from balintroom.core.server_tuning import tune_for_server  # noqa: E402

tune_for_server()
