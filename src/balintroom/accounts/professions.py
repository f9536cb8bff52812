"""The professions a member picks from: Balint work is open to everyone whose work is a
relationship with the people they serve. "other" asks for her own words."""

from django.utils.translation import gettext_lazy as _

PROFESSIONS = {
    "physician": _("Physician"),
    "psychotherapist": _("Psychotherapist"),
    "psychologist": _("Psychologist"),
    "nurse": _("Nurse"),
    "midwife": _("Midwife"),
    "therapist": _("Therapist (physiotherapy, occupational, speech)"),
    "social_worker": _("Social worker"),
    "social_pedagogue": _("Social pedagogue"),
    "counsellor": _("Counsellor"),
    "supervisor": _("Supervisor or coach"),
    "teacher": _("Teacher"),
    "educator": _("Educator (childcare, youth work)"),
    "clergy": _("Priest, minister or chaplain"),
    "lawyer": _("Lawyer"),
    "judge": _("Judge"),
    "mediator": _("Mediator"),
    "student": _("Student or trainee"),
    "other": _("Other"),
}
OTHER = "other"
PROFESSION_CHOICES = [("", "—"), *PROFESSIONS.items()]
