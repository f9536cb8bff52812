"""The questionnaire we ship, in our own words: the review's questions (METHOD.md), asked
of a whole stretch of the group's work rather than of one case. Its texts are translated
when shown; what is stored is this English wording."""

from typing import Any

from django.utils.translation import gettext_noop as N_

SHIPPED_KEY = "balintroom-review"

REVIEW_QUESTIONNAIRE: dict[str, Any] = {
    "name": N_("Looking back on the group (Balint Room)"),
    "language": "en",
    "source": N_("Balint Room's own wording, after the review questions of a Balint group. "
                 "Not a validated instrument."),
    "scale": {"min": 1, "max": 5, "low": N_("not at all"), "high": N_("very much")},
    "items": [
        {"key": "u1", "text": N_("When a case was told, I wanted to give advice or find a "
                                 "solution quickly.")},
        {"key": "u2", "text": N_("I found it hard to stay with not knowing.")},
        {"key": "u3", "text": N_("I could let a case stay open, without a solution."),
         "reverse": True},
        {"key": "f1", "text": N_("I noticed my own feelings while the group explored a "
                                 "case.")},
        {"key": "f2", "text": N_("I could say in the group what I felt.")},
        {"key": "f3", "text": N_("The feelings in the group helped me understand the person "
                                 "in the case.")},
        {"key": "m1", "text": N_("I recognised in myself what the presenter felt.")},
        {"key": "m2", "text": N_("I saw how the feelings in the group related to the "
                                 "relationship in the case.")},
        {"key": "b1", "text": N_("The group helped me see my relationships with the people "
                                 "I work with differently.")},
        {"key": "b2", "text": N_("What I heard in the group changed how I work.")},
        {"key": "b3", "text": N_("I feel safe enough in the group to bring a case.")},
    ],
    "scales": [
        {"key": "urge", "name": N_("Urge to solve"), "items": ["u1", "u2", "u3"]},
        {"key": "feelings", "name": N_("Attention to feelings"), "items": ["f1", "f2", "f3"]},
        {"key": "resonance", "name": N_("Resonance with the presenter"),
         "items": ["m1", "m2"]},
        {"key": "benefit", "name": N_("What the work gives"), "items": ["b1", "b2", "b3"]},
    ],
}
