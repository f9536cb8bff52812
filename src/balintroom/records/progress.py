"""How progress on a rule reads, in pages and PDFs alike: "12 of 30 units", "6 months
needed, 4 so far". The figures come from schemes.evaluate and evaluate_pathway; this only
words them, so that a member sees at a glance what is still asked of her."""

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import schemes
from .numbers import figure

# What a rule counts, as the reader says it. "units" are of 45 minutes: the scheme's own
# text says so next to the figures.
_MEASURES = {
    "minutes": gettext_lazy("minutes"),
    "units": gettext_lazy("units"),
    "double_hours": gettext_lazy("double hours"),
    "hours": gettext_lazy("hours"),
    "sessions": gettext_lazy("sessions"),
    "cases": gettext_lazy("case discussions"),
    "months": gettext_lazy("months"),
}

# For a pathway's count of sessions, what was done: "1 of 3 intensives".
_ACTIVITY_SESSIONS = {
    "led": gettext_lazy("meetings led"),
    "co_led": gettext_lazy("meetings co-led"),
    "led_or_co_led": gettext_lazy("meetings led or co-led"),
    "participated": gettext_lazy("Balint group meetings attended"),
    "intensive": gettext_lazy("intensives"),
    "supervision": gettext_lazy("supervision sessions"),
    "leader_seminar": gettext_lazy("leader seminars"),
}


def _counted(measure: str, setting: str = "any") -> str:
    what = str(_MEASURES.get(measure, measure))
    if setting == "in_person":
        return _("%(what)s in person") % {"what": what}
    if setting == "online":
        return _("%(what)s online") % {"what": what}
    return what


def status_word(result: schemes.Result) -> str:
    if result.status == schemes.MET:
        return _("met")
    if result.status == schemes.BROKEN:
        return _("broken")
    if result.status == schemes.NOT_APPLICABLE:
        return _("does not apply")
    return _("not yet")


def amount(result: schemes.Result) -> str:
    """The rule's figures in words, or "" when it has none (a rule about the schedule)."""
    if result.have is None or result.need is None:
        return ""
    have, need = figure(result.have), figure(result.need)
    rule = result.rule
    if rule.kind == "span_months":
        return ngettext("%(need)s month needed, %(have)s so far",
                        "%(need)s months needed, %(have)s so far",
                        int(result.need)) % {"need": need, "have": have}
    if rule.kind == "per_year":
        return ngettext("%(have)s of %(need)s year", "%(have)s of %(need)s years",
                        int(result.need)) % {"have": have, "need": need}
    if rule.kind == "in_person_share":
        return _("%(have)s%% in person, %(need)s%% needed") % {"have": have, "need": need}
    if rule.kind == "session_count":
        if result.status == schemes.BROKEN and result.have > result.need:
            return _("%(have)s meetings, at most %(need)s") % {"have": have, "need": need}
        what = str(_MEASURES["sessions"])
    elif rule.kind == "activity_total" and rule.number("measure") == "sessions":
        what = str(_ACTIVITY_SESSIONS.get(str(rule.number("activity")), _MEASURES["sessions"]))
    else:
        what = _counted(str(rule.number("measure")), str(rule.number("setting") or "any"))
    return _("%(have)s of %(need)s %(what)s") % {"have": have, "need": need, "what": what}


def still_open(results: Sequence[schemes.Result]) -> list[str]:
    """What a required rule still asks, in words: each open rule's figures, then how many
    other rules (about the group's schedule) are not met. Empty when all are met."""
    found, others = [], 0
    for result in results:
        if not result.rule.required or result.met:
            continue
        words = amount(result)
        if words:
            found.append(words)
        else:
            others += 1
    if others:
        found.append(ngettext("%(count)s rule about the group's meetings",
                              "%(count)s rules about the group's meetings", others)
                     % {"count": others})
    return found
