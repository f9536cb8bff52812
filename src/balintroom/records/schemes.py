"""Credit schemes and leader pathways as data, and the one evaluator that reads them.

Plain Python, no Django. A scheme is a dict (JSON-shaped) with its rules; each rule has a
kind from the small vocabulary below, its numbers, and the source and date it comes from.
The shipped ones live in records/scheme_data/*.py; an organisation keeps its own copies,
edited as JSON and checked by `parse` before they are saved. No rule is a code branch: a
chamber that counts differently changes a number, not the program.

Kinds for a member's credit (type "credit"):
  total           minutes, units (45 min), double_hours (90 min), hours (60 min) or
                  sessions attended, in a setting (any, in_person, online), at least `min`
  span_months     first to last attended session at least `min` whole months
  first_last_in_person   the group's first and last meeting are in person
  online_session_max_minutes   no online meeting lasts longer than `max`
  closed_group    nobody joins after the first meeting
  fixed_leader    one leader leads every meeting
  session_count   the schedule has at least `min` (and at most `max`) meetings
  monthly         one meeting in each calendar month, month after month
Any rule may say `"when": "any_online"`: it applies only when a meeting is online.

Kinds for a leader's pathway (type "pathway"):
  activity_total  of an activity (led, co_led, led_or_co_led, participated, intensive,
                  supervision, leader_seminar, other): sessions, minutes, units,
                  double_hours, hours, cases or months (calendar months with some), at
                  least `min`
  per_year        at least `min` of the activity in each of the first `years` years
  in_person_share at least `percent` of the activity's minutes in person
A rule with `"required": false` is desirable, not required.
"""

import importlib
import json
import pkgutil
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from fractions import Fraction
from functools import cache
from typing import Any

from . import hours, scheme_data

CREDIT = "credit"
PATHWAY = "pathway"
CREDIT_KINDS = ("total", "span_months", "first_last_in_person", "online_session_max_minutes",
                "closed_group", "fixed_leader", "session_count", "monthly")
PATHWAY_KINDS = ("activity_total", "per_year", "in_person_share")
MEASURES = ("minutes", "units", "double_hours", "hours", "sessions")
PATHWAY_MEASURES = (*MEASURES, "cases", "months")
RULE_SETTINGS = ("any", "in_person", "online")
ACTIVITIES = ("led", "co_led", "led_or_co_led", "participated", "intensive", "supervision",
              "leader_seminar", "other")
WHEN = ("always", "any_online")
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,47}$")
TEXT_MAX = 600

# What each kind needs besides id, kind, text, source and source_date.
_PARAMS: dict[str, dict[str, tuple[type, ...]]] = {
    "total": {"measure": (str,), "setting": (str,), "min": (int, float)},
    "span_months": {"min": (int,)},
    "first_last_in_person": {},
    "online_session_max_minutes": {"max": (int,)},
    "closed_group": {},
    "fixed_leader": {},
    "session_count": {"min": (int,)},
    "monthly": {},
    "activity_total": {"activity": (str,), "measure": (str,), "min": (int, float)},
    "per_year": {"activity": (str,), "measure": (str,), "min": (int, float), "years": (int,)},
    "in_person_share": {"activity": (str,), "percent": (int, float)},
}
_OPTIONAL: dict[str, dict[str, tuple[type, ...]]] = {"session_count": {"max": (int,)}}


class SchemeError(ValueError):
    """The data is not a scheme; `problems` says every reason found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    text: str
    source: str
    source_date: str
    params: Mapping[str, Any] = field(default_factory=dict)
    when: str = "always"
    required: bool = True
    note: str = ""

    def number(self, name: str) -> Any:
        return self.params.get(name)


@dataclass(frozen=True)
class Scheme:
    key: str
    type: str
    name: str
    summary: str
    rules: tuple[Rule, ...]
    checked_on: str = ""
    notes: str = ""
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def sources(self) -> list[str]:
        seen: list[str] = []
        for rule in self.rules:
            if rule.source not in seen:
                seen.append(rule.source)
        return seen


def _text(data: Mapping[str, Any], name: str, problems: list[str], where: str,
          *, required: bool = True) -> str:
    value = data.get(name, "")
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(f"{where}: '{name}' must be a text" + (" and not empty" if required
                                                                else ""))
        return ""
    if len(value) > TEXT_MAX:
        problems.append(f"{where}: '{name}' is longer than {TEXT_MAX} characters")
    return value.strip()


def _rule(data: Any, number: int, scheme_type: str, problems: list[str]) -> Rule | None:
    where = f"rule {number}"
    if not isinstance(data, dict):
        problems.append(f"{where}: must be an object")
        return None
    rule_id = data.get("id")
    if isinstance(rule_id, str) and rule_id:
        where = f"rule '{rule_id}'"
    else:
        problems.append(f"{where}: 'id' must be a text")
    kind = data.get("kind")
    kinds = CREDIT_KINDS if scheme_type == CREDIT else PATHWAY_KINDS
    if not isinstance(kind, str) or kind not in kinds:
        problems.append(f"{where}: 'kind' must be one of {', '.join(kinds)}")
        return None
    text = _text(data, "text", problems, where)
    source = _text(data, "source", problems, where)
    source_date = _text(data, "source_date", problems, where)
    note = _text(data, "note", problems, where, required=False)
    when = data.get("when", "always")
    if when not in WHEN:
        problems.append(f"{where}: 'when' must be one of {', '.join(WHEN)}")
    required = data.get("required", True)
    if not isinstance(required, bool):
        problems.append(f"{where}: 'required' must be true or false")
    params: dict[str, Any] = {}
    expected = {**_PARAMS[kind], **_OPTIONAL.get(kind, {})}
    for name, types in expected.items():
        if name not in data:
            if name in _PARAMS[kind]:
                problems.append(f"{where}: '{name}' is missing")
            continue
        value = data[name]
        if isinstance(value, bool) or not isinstance(value, types):
            problems.append(f"{where}: '{name}' has the wrong type")
            continue
        if isinstance(value, int | float) and value < 0:
            problems.append(f"{where}: '{name}' cannot be negative")
        params[name] = value
    known = {"id", "kind", "text", "source", "source_date", "note", "when", "required",
             *expected}
    for name in sorted(set(data) - known):
        problems.append(f"{where}: unknown field '{name}'")
    measures = MEASURES if scheme_type == CREDIT else PATHWAY_MEASURES
    if "measure" in params and params["measure"] not in measures:
        problems.append(f"{where}: 'measure' must be one of {', '.join(measures)}")
    if "setting" in params and params["setting"] not in RULE_SETTINGS:
        problems.append(f"{where}: 'setting' must be one of {', '.join(RULE_SETTINGS)}")
    if "activity" in params and params["activity"] not in ACTIVITIES:
        problems.append(f"{where}: 'activity' must be one of {', '.join(ACTIVITIES)}")
    if kind == "per_year" and params.get("years", 1) < 1:
        problems.append(f"{where}: 'years' must be at least 1")
    if kind == "in_person_share" and params.get("percent", 0) > 100:
        problems.append(f"{where}: 'percent' cannot be above 100")
    if kind == "session_count" and "max" in params and params["max"] < params.get("min", 0):
        problems.append(f"{where}: 'max' is below 'min'")
    if not isinstance(rule_id, str):
        return None
    return Rule(id=rule_id, kind=kind, text=text, source=source, source_date=source_date,
                params=params, when=when if when in WHEN else "always",
                required=required if isinstance(required, bool) else True, note=note)


def parse(data: Any) -> Scheme:
    """The scheme the data describes, or SchemeError with every problem found."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise SchemeError(["a scheme must be a JSON object"])
    key = data.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        problems.append("'key' must be 2 to 48 lower-case letters, digits or dashes")
    scheme_type = data.get("type")
    if scheme_type not in (CREDIT, PATHWAY):
        problems.append("'type' must be 'credit' or 'pathway'")
        scheme_type = CREDIT
    name = _text(data, "name", problems, "scheme")
    summary = _text(data, "summary", problems, "scheme", required=False)
    checked_on = _text(data, "checked_on", problems, "scheme", required=False)
    notes = _text(data, "notes", problems, "scheme", required=False)
    for extra in sorted(set(data) - {"key", "type", "name", "summary", "checked_on", "notes",
                                     "rules"}):
        problems.append(f"scheme: unknown field '{extra}'")
    raw_rules = data.get("rules")
    rules: list[Rule] = []
    if not isinstance(raw_rules, list) or not raw_rules:
        problems.append("'rules' must be a list with at least one rule")
    else:
        for number, raw in enumerate(raw_rules, start=1):
            rule = _rule(raw, number, scheme_type, problems)
            if rule is not None:
                rules.append(rule)
        ids = [rule.id for rule in rules]
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(f"rule id '{duplicate}' is used twice")
    if problems:
        raise SchemeError(problems)
    assert isinstance(key, str)
    return Scheme(key=key, type=scheme_type, name=name, summary=summary, rules=tuple(rules),
                  checked_on=checked_on, notes=notes, data=json.loads(json.dumps(data)))


@cache
def shipped() -> dict[str, Scheme]:
    """The schemes and pathways that come with Balint Room, by key."""
    package = scheme_data
    found: dict[str, Scheme] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        scheme = parse(module.SCHEME)
        if scheme.key in found:
            raise SchemeError([f"two shipped schemes have the key {scheme.key!r}"])
        found[scheme.key] = scheme
    return dict(sorted(found.items()))


# Evaluation


MET, OPEN, BROKEN, NOT_APPLICABLE = "met", "open", "broken", "not_applicable"


@dataclass(frozen=True)
class Meeting:
    """A meeting of the group's schedule, held or planned. `leaders` are those who led it
    (for a planned one, the group's leaders now); `roster` its members."""

    starts_at: datetime
    duration_minutes: int
    setting: str
    leaders: frozenset[int] = frozenset()
    roster: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Result:
    rule: Rule
    status: str
    have: Fraction | None = None
    need: Fraction | None = None
    # The meetings that break the rule, for the leader to find them.
    meetings: tuple[datetime, ...] = ()

    @property
    def met(self) -> bool:
        return self.status in (MET, NOT_APPLICABLE)


def _measure(value_minutes: int, sessions: int, measure: str) -> Fraction:
    if measure == "minutes":
        return Fraction(value_minutes)
    if measure == "units":
        return hours.units(value_minutes)
    if measure == "double_hours":
        return hours.double_hours(value_minutes)
    if measure == "hours":
        return Fraction(value_minutes, 60)
    if measure == "sessions":
        return Fraction(sessions)
    raise ValueError(f"unknown measure {measure!r}")


def _total(sessions: Sequence[hours.Session], rule: Rule) -> Fraction:
    setting = rule.params["setting"]
    chosen = [s for s in sessions if setting == "any" or s.setting == setting]
    found = hours.totals(chosen)
    return _measure(found.minutes, found.sessions, rule.params["measure"])


def _span(sessions: Sequence[hours.Session], tz: tzinfo) -> Fraction:
    days = sorted(hours.local_date(s.starts_at, tz) for s in sessions if s.minutes > 0)
    if not days:
        return Fraction(0)
    return Fraction(hours.months_between(days[0], days[-1]))


def _schedule_rule(rule: Rule, schedule: Sequence[Meeting], tz: tzinfo) -> Result:
    ordered = sorted(schedule, key=lambda m: m.starts_at)
    if rule.kind == "session_count":
        count = Fraction(len(ordered))
        low, high = rule.params["min"], rule.params.get("max")
        if high is not None and count > high:
            return Result(rule, BROKEN, count, Fraction(high))
        return Result(rule, MET if count >= low else OPEN, count, Fraction(low))
    if not ordered:
        return Result(rule, OPEN)
    bad: list[datetime] = []
    if rule.kind == "first_last_in_person":
        bad = [m.starts_at for m in {ordered[0], ordered[-1]}
               if m.setting != hours.IN_PERSON]
    elif rule.kind == "online_session_max_minutes":
        bad = [m.starts_at for m in ordered
               if m.setting == hours.ONLINE and m.duration_minutes > rule.params["max"]]
    elif rule.kind == "closed_group":
        first = ordered[0].roster
        bad = [m.starts_at for m in ordered[1:] if not m.roster <= first]
    elif rule.kind == "fixed_leader":
        common = frozenset.intersection(*(m.leaders for m in ordered))
        if not common:
            bad = [m.starts_at for m in ordered if m.leaders != ordered[0].leaders] or [
                ordered[0].starts_at]
    elif rule.kind == "monthly":
        months = [hours.period_key(m.starts_at, tz, "month") for m in ordered]
        for before, after, meeting in zip(months, months[1:], ordered[1:], strict=False):
            year, month = (int(x) for x in before.split("-"))
            expected = f"{year + month // 12}-{month % 12 + 1:02d}"
            if after != expected:
                bad.append(meeting.starts_at)
    else:
        raise ValueError(f"not a schedule rule: {rule.kind}")
    return Result(rule, BROKEN if bad else MET, meetings=tuple(sorted(bad)))


def _applies(rule: Rule, schedule: Sequence[Meeting]) -> bool:
    return rule.when == "always" or any(m.setting == hours.ONLINE for m in schedule)


def evaluate(scheme: Scheme, *, schedule: Sequence[Meeting],
             attended: Sequence[hours.Session], tz: tzinfo) -> list[Result]:
    """A member's progress: her attended sessions against the totals and the span, and
    the group's schedule against the rules about the group."""
    if scheme.type != CREDIT:
        raise ValueError("evaluate takes a credit scheme; use evaluate_pathway")
    results = []
    for rule in scheme.rules:
        if not _applies(rule, schedule):
            results.append(Result(rule, NOT_APPLICABLE))
        elif rule.kind == "total":
            have, need = _total(attended, rule), Fraction(rule.params["min"])
            results.append(Result(rule, MET if have >= need else OPEN, have, need))
        elif rule.kind == "span_months":
            have, need = _span(attended, tz), Fraction(rule.params["min"])
            results.append(Result(rule, MET if have >= need else OPEN, have, need))
        else:
            results.append(_schedule_rule(rule, schedule, tz))
    return results


def schedule_warnings(scheme: Scheme, *, schedule: Sequence[Meeting],
                      tz: tzinfo) -> list[Result]:
    """What in the group's schedule (held and planned meetings) breaks a rule, assuming a
    member who comes to every meeting for its whole length. Empty when all is well."""
    everyone = [hours.Session(m.starts_at, m.duration_minutes, m.setting) for m in schedule]
    warnings = []
    for result in evaluate(scheme, schedule=schedule, attended=everyone, tz=tz):
        if result.rule.required and result.status in (OPEN, BROKEN):
            warnings.append(Result(result.rule, BROKEN, result.have, result.need,
                                   result.meetings))
    return warnings


# Leader pathways


@dataclass(frozen=True)
class Activity:
    """One thing a leader did toward her accreditation: a meeting she led, co-led or took
    part in, or an entry of her logbook (an intensive, a supervision session...)."""

    kind: str
    day: date
    minutes: int
    cases: int = 0
    in_person: bool | None = None


def _of(activities: Iterable[Activity], activity: str) -> list[Activity]:
    kinds = {"led", "co_led"} if activity == "led_or_co_led" else {activity}
    return [a for a in activities if a.kind in kinds]


def _amount(chosen: Sequence[Activity], measure: str) -> Fraction:
    if measure == "cases":
        return Fraction(sum(a.cases for a in chosen))
    if measure == "months":
        return Fraction(len({(a.day.year, a.day.month) for a in chosen}))
    return _measure(sum(a.minutes for a in chosen), len(chosen), measure)


def evaluate_pathway(scheme: Scheme, activities: Sequence[Activity]) -> list[Result]:
    if scheme.type != PATHWAY:
        raise ValueError("evaluate_pathway takes a pathway")
    start = min((a.day for a in activities), default=None)
    results = []
    for rule in scheme.rules:
        chosen = _of(activities, rule.params["activity"])
        if rule.kind == "activity_total":
            have = _amount(chosen, rule.params["measure"])
            need = Fraction(rule.params["min"])
            results.append(Result(rule, MET if have >= need else OPEN, have, need))
        elif rule.kind == "per_year":
            years = rule.params["years"]
            good = 0
            if start is not None:
                for year in range(years):
                    first = hours.add_months(start, 12 * year)
                    last = hours.add_months(start, 12 * (year + 1))
                    in_year = [a for a in chosen if first <= a.day < last]
                    if _amount(in_year, rule.params["measure"]) >= Fraction(rule.params["min"]):
                        good += 1
            results.append(Result(rule, MET if good >= years else OPEN, Fraction(good),
                                  Fraction(years)))
        elif rule.kind == "in_person_share":
            total = sum(a.minutes for a in chosen)
            in_person = sum(a.minutes for a in chosen if a.in_person)
            have = Fraction(100 * in_person, total) if total else Fraction(0)
            need = Fraction(rule.params["percent"])
            results.append(Result(rule, MET if total and have >= need else OPEN, have, need))
    return results
