"""The leader's console: the prompt cards she can show the room, as data."""

from .served import PROMPT_BE, PROMPT_FEEL, PROMPT_INSTITUTION, Worded
from .text import _

# A leader's brief interventions, as METHOD.md names them, in their order; a Worded card
# is worded for whom the group serves (served.py). A group edits its own set.
DEFAULT_PROMPT_CARDS: tuple[str | Worded, ...] = (
    _("Back to the relationship"),
    _("No solutions yet"),
    PROMPT_FEEL,
    PROMPT_BE,
    _("Let's stay with the feelings"),
    PROMPT_INSTITUTION,
    _("What is happening in the group right now?"),
)
PROMPT_CARD_MAX = 120
