"""The words a participant picks from in the review: feelings that come up in a Balint
group, in the person's own language. Keys are stored, never the words, so that answers
given in German and in Greek count together."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

FEELINGS: dict[str, Promise] = {
    "helpless": _("helpless"),
    "angry": _("angry"),
    "irritated": _("irritated"),
    "sad": _("sad"),
    "anxious": _("anxious"),
    "guilty": _("guilty"),
    "ashamed": _("ashamed"),
    "overwhelmed": _("overwhelmed"),
    "bored": _("bored, distant"),
    "confused": _("confused"),
    "protective": _("protective"),
    "tender": _("warm, tender"),
    "curious": _("curious"),
    "hopeful": _("hopeful"),
    "relieved": _("relieved"),
    "rejected": _("rejected"),
}

# Did she feel something like what the presenter felt?
SIMILAR: dict[str, Promise] = {
    "yes": _("Yes"),
    "partly": _("Partly"),
    "no": _("No"),
}

SCALE = range(1, 6)
