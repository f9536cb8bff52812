"""The words a participant picks from in the review: feelings that come up in a Balint
group, in the person's own language. Keys are stored, never the words, so that answers
given in German and in Greek count together."""

from collections.abc import Mapping

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


def feelings_ranked(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """Known feelings, most often named first; equal counts in the words' order, so that
    the order tells nothing of who named them first."""
    return sorted(((key, n) for key, n in counts.items() if key in FEELINGS),
                  key=lambda item: (-item[1], str(FEELINGS[item[0]])))
