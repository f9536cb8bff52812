"""The leader's console: the prompt cards she can show the room, as data."""

from .text import _

# A leader's brief interventions, as METHOD.md names them. A group edits its own set.
DEFAULT_PROMPT_CARDS = (
    _("Back to the relationship"),
    _("No solutions yet"),
    _("What might the patient feel?"),
    _("What is it like to be this doctor?"),
    _("Let's stay with the feelings"),
    _("What is happening in the group right now?"),
)
PROMPT_CARD_MAX = 120
