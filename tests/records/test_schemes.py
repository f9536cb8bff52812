"""Every kind of rule, the shipped schemes and pathways, and the schedule warnings. Plain
Python, no database."""

import copy
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from balintroom.records import schemes
from balintroom.records.hours import Session
from balintroom.records.schemes import Activity, Meeting

BERLIN = ZoneInfo("Europe/Berlin")
LENA, CARL, ANNA, BEN, OLGA = 1, 2, 3, 4, 9


def psgv() -> schemes.Scheme:
    return schemes.shipped()["de-psgv-balint"]


def rule(scheme: schemes.Scheme, rule_id: str) -> schemes.Rule:
    return next(r for r in scheme.rules if r.id == rule_id)


def results(scheme: schemes.Scheme, **kwargs: object) -> dict[str, schemes.Result]:
    found = schemes.evaluate(scheme, tz=BERLIN, **kwargs)  # type: ignore[arg-type]
    return {r.rule.id: r for r in found}


def monthly(count: int, *, setting: str = "in_person", minutes: int = 90,
            first: datetime = datetime(2026, 1, 13, 17, 0, tzinfo=UTC),
            roster: frozenset[int] = frozenset({ANNA, BEN}),
            leaders: frozenset[int] = frozenset({LENA})) -> list[Meeting]:
    meetings = []
    for n in range(count):
        year, month = first.year + (first.month - 1 + n) // 12, (first.month - 1 + n) % 12 + 1
        meetings.append(Meeting(first.replace(year=year, month=month), minutes, setting,
                                leaders, roster))
    return meetings


def attended(meetings: list[Meeting], minutes: int | None = None) -> list[Session]:
    return [Session(m.starts_at, m.duration_minutes if minutes is None else minutes, m.setting)
            for m in meetings]


# The data


def test_every_shipped_scheme_parses_and_names_its_sources() -> None:
    shipped = schemes.shipped()
    assert {"de-psgv-balint", "abs-abfm-pi-online", "generic-hours-months", "dbg-leader",
            "abs-leader", "bsanz-leader"} <= set(shipped)
    for scheme in shipped.values():
        assert scheme.checked_on
        for each in scheme.rules:
            assert each.text and each.source and each.source_date, (scheme.key, each.id)


def test_the_german_numbers_are_the_published_ones() -> None:
    scheme = psgv()
    assert rule(scheme, "hours").params == {"measure": "units", "setting": "any", "min": 30}
    assert rule(scheme, "span").params["min"] == 6
    assert rule(scheme, "in-person-hours").params["min"] == 15
    assert rule(scheme, "online-max-90").params["max"] == 90
    assert {r.id for r in scheme.rules if r.when == "any_online"} == {
        "in-person-hours", "first-last-in-person", "online-max-90", "closed-group",
        "fixed-leader"}


def test_parse_lists_every_problem() -> None:
    data = copy.deepcopy(dict(psgv().data))
    data["key"] = "Bad Key"
    data["rules"][0]["min"] = "thirty"
    data["rules"][1]["kind"] = "span_years"
    data["rules"][2]["source"] = ""
    data["rules"][3]["colour"] = "red"
    data["rules"].append(dict(data["rules"][4]))
    with pytest.raises(schemes.SchemeError) as caught:
        schemes.parse(data)
    problems = "\n".join(caught.value.problems)
    assert "'key' must be" in problems
    assert "rule 'hours': 'min' has the wrong type" in problems
    assert "'kind' must be one of" in problems
    assert "rule 'in-person-hours': 'source' must be a text and not empty" in problems
    assert "unknown field 'colour'" in problems
    assert "rule id 'online-max-90' is used twice" in problems


def test_parse_refuses_what_is_not_a_scheme() -> None:
    for data in ([], {"key": "x1", "type": "credit", "name": "X", "rules": []},
                 {"key": "x1", "type": "exam", "name": "X", "rules": [{}]}):
        with pytest.raises(schemes.SchemeError):
            schemes.parse(data)


def test_a_changed_number_changes_the_verdict() -> None:
    data = copy.deepcopy(dict(psgv().data))
    meetings = monthly(4)
    span = next(r for r in data["rules"] if r.get("id") == "span")
    assert results(schemes.parse(data), schedule=meetings,
                   attended=attended(meetings))["span"].status == schemes.OPEN
    span["min"] = 3  # the KVs that accept three months
    found = results(schemes.parse(data), schedule=meetings, attended=attended(meetings))
    assert found["span"].status == schemes.MET


# Rules for members


def test_thirty_units_over_six_months_in_person() -> None:
    meetings = monthly(8)  # 8 x 90 min = 16 units in person, January to August
    found = results(psgv(), schedule=meetings, attended=attended(meetings))
    assert found["hours"].status == schemes.OPEN
    assert (found["hours"].have, found["hours"].need) == (16, 30)
    assert found["span"].status == schemes.MET
    # Without an online meeting the online rules do not apply.
    assert found["first-last-in-person"].status == schemes.NOT_APPLICABLE
    assert found["in-person-hours"].met
    meetings = monthly(15)
    found = results(psgv(), schedule=meetings, attended=attended(meetings))
    assert all(r.met for r in found.values())


def test_a_crash_course_does_not_span_the_months() -> None:
    start = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    meetings = [Meeting(start + timedelta(hours=2 * n), 90, "in_person") for n in range(15)]
    found = results(psgv(), schedule=meetings, attended=attended(meetings))
    assert found["hours"].status == schemes.MET
    assert found["span"].status == schemes.OPEN
    assert found["span"].have == 0


def test_a_member_who_stepped_out_has_fewer_units() -> None:
    meetings = monthly(15)
    sessions = attended(meetings)
    sessions[3] = Session(sessions[3].starts_at, 80, "in_person")  # out for 10 minutes
    found = results(psgv(), schedule=meetings, attended=sessions)
    assert found["hours"].have == Fraction(15 * 90 - 10, 45)
    assert found["hours"].status == schemes.OPEN


def test_online_rules_apply_once_a_meeting_is_online() -> None:
    meetings = monthly(15)
    meetings[5] = Meeting(meetings[5].starts_at, 120, "online", frozenset({LENA}),
                          frozenset({ANNA, BEN}))
    meetings[14] = Meeting(meetings[14].starts_at, 90, "online", frozenset({LENA}),
                           frozenset({ANNA, BEN}))
    found = results(psgv(), schedule=meetings, attended=attended(meetings))
    assert found["first-last-in-person"].status == schemes.BROKEN
    assert found["first-last-in-person"].meetings == (meetings[14].starts_at,)
    assert found["online-max-90"].status == schemes.BROKEN
    assert found["online-max-90"].meetings == (meetings[5].starts_at,)
    assert found["closed-group"].status == schemes.MET
    assert found["fixed-leader"].status == schemes.MET


def test_at_least_fifteen_hours_in_person_with_online_sessions() -> None:
    meetings = monthly(1) + monthly(13, setting="online",
                                    first=datetime(2026, 2, 10, 17, tzinfo=UTC)) + monthly(
        1, first=datetime(2027, 3, 9, 17, tzinfo=UTC))
    found = results(psgv(), schedule=meetings, attended=attended(meetings))
    assert found["in-person-hours"].status == schemes.OPEN
    assert found["in-person-hours"].have == 4
    assert found["first-last-in-person"].status == schemes.MET


def test_a_closed_group_has_no_newcomers() -> None:
    meetings = monthly(3, setting="online")
    meetings[2] = Meeting(meetings[2].starts_at, 90, "online", frozenset({LENA}),
                          frozenset({ANNA, BEN, OLGA}))
    found = results(psgv(), schedule=meetings, attended=[])
    assert found["closed-group"].status == schemes.BROKEN
    assert found["closed-group"].meetings == (meetings[2].starts_at,)
    # Someone leaving does not open the group.
    meetings[2] = Meeting(meetings[2].starts_at, 90, "online", frozenset({LENA}),
                          frozenset({ANNA}))
    assert results(psgv(), schedule=meetings, attended=[])["closed-group"].met


def test_a_fixed_leader_leads_every_meeting() -> None:
    meetings = monthly(3, setting="online", leaders=frozenset({LENA, CARL}))
    meetings[1] = Meeting(meetings[1].starts_at, 90, "online", frozenset({CARL}),
                          frozenset({ANNA, BEN}))
    assert results(psgv(), schedule=meetings, attended=[])["fixed-leader"].met  # Carl
    meetings[2] = Meeting(meetings[2].starts_at, 90, "online", frozenset({LENA}),
                          frozenset({ANNA, BEN}))
    assert results(psgv(), schedule=meetings, attended=[])["fixed-leader"].status == (
        schemes.BROKEN)


def test_eight_monthly_meetings_six_attended() -> None:
    scheme = schemes.shipped()["abs-abfm-pi-online"]
    meetings = monthly(8, setting="online", minutes=60)
    sessions = attended(meetings)
    sessions[1] = Session(sessions[1].starts_at, 0, "online")
    sessions[6] = Session(sessions[6].starts_at, 0, "online")
    found = results(scheme, schedule=meetings, attended=sessions)
    assert all(r.met for r in found.values())
    assert found["attended"].have == 6
    sessions[7] = Session(sessions[7].starts_at, 0, "online")
    assert results(scheme, schedule=meetings, attended=sessions)["attended"].status == (
        schemes.OPEN)


def test_monthly_means_one_meeting_in_each_month() -> None:
    scheme = schemes.shipped()["abs-abfm-pi-online"]
    meetings = monthly(8, setting="online")
    skipped = meetings[:3] + [Meeting(m.starts_at + timedelta(days=31), 90, "online")
                              for m in meetings[3:]]
    found = results(scheme, schedule=skipped, attended=[])
    assert found["monthly"].status == schemes.BROKEN
    # December to January is the next month.
    winter = monthly(2, first=datetime(2026, 12, 8, 18, tzinfo=UTC))
    assert results(scheme, schedule=winter, attended=[])["monthly"].met
    nine = monthly(9, setting="online")
    assert results(scheme, schedule=nine, attended=[])["eight-meetings"].status == (
        schemes.BROKEN)


def test_the_generic_scheme_counts_n_hours_over_m_months() -> None:
    scheme = schemes.shipped()["generic-hours-months"]
    meetings = monthly(7)
    found = results(scheme, schedule=meetings, attended=attended(meetings))
    assert found["hours"].have == 14 and found["hours"].status == schemes.OPEN
    meetings = monthly(10)
    assert all(r.met for r in results(scheme, schedule=meetings,
                                      attended=attended(meetings)).values())


# Warnings for the leader's plan


def test_the_schedule_warns_before_a_rule_is_broken() -> None:
    meetings = monthly(12) + monthly(3, setting="online", minutes=120,
                                     first=datetime(2027, 1, 12, 17, tzinfo=UTC))
    warnings = {r.rule.id: r for r in schemes.schedule_warnings(psgv(), schedule=meetings,
                                                                tz=BERLIN)}
    assert set(warnings) == {"first-last-in-person", "online-max-90"}
    assert len(warnings["online-max-90"].meetings) == 3


def test_the_schedule_warns_when_it_cannot_reach_the_hours() -> None:
    meetings = monthly(10)
    warnings = {r.rule.id: r for r in schemes.schedule_warnings(psgv(), schedule=meetings,
                                                                tz=BERLIN)}
    assert set(warnings) == {"hours"}
    assert (warnings["hours"].have, warnings["hours"].need) == (20, 30)
    assert schemes.schedule_warnings(psgv(), schedule=monthly(15), tz=BERLIN) == []


# Leader pathways


def led(day: date, minutes: int = 90, cases: int = 2, in_person: bool = True,
        kind: str = "led") -> Activity:
    return Activity(kind, day, minutes, cases, in_person)


def pathway(key: str, activities: list[Activity]) -> dict[str, schemes.Result]:
    return {r.rule.id: r for r in schemes.evaluate_pathway(schemes.shipped()[key], activities)}


def test_bsanz_counts_cases_meetings_and_supervision_per_year() -> None:
    start = date(2024, 1, 15)
    activities = [led(start + timedelta(days=14 * n), cases=2 if n % 2 else 1,
                      kind="led" if n % 3 else "co_led", in_person=n % 4 != 0)
                  for n in range(20)]
    activities += [Activity("supervision", start + timedelta(days=30 * n), 60)
                   for n in range(30)]
    activities += [Activity("intensive", date(2024, 3, 1), 1200),
                   Activity("intensive", date(2025, 3, 1), 1200)]
    found = pathway("bsanz-leader", activities)
    assert found["cases"].have == 30 and found["cases"].met
    assert found["meetings"].have == 20 and found["meetings"].met
    assert found["intensives"].met
    # 30 sessions a month apart: 13, 12 and 5 in the three years from the start.
    assert found["supervision"].have == 2 and found["supervision"].status == schemes.OPEN
    assert found["co-lead"].status == schemes.OPEN and not found["co-lead"].rule.required
    assert found["face-to-face"].have == 75


def test_abs_counts_months_led_and_intensives() -> None:
    activities = [led(date(2024, 1, 10) + timedelta(days=30 * n)) for n in range(25)]
    activities += [Activity("supervision", date(2024, 2, 1) + timedelta(days=60 * n), 60)
                   for n in range(12)]
    activities += [Activity("intensive", date(2024, 1, 1), 1440)] * 2
    found = pathway("abs-leader", activities)
    assert found["monthly-leading"].have >= 24 and found["monthly-leading"].met
    assert found["supervision"].met
    assert found["intensives"].status == schemes.OPEN and found["intensives"].have == 2


def test_dbg_counts_double_hours_of_participation_and_seminars() -> None:
    activities = [Activity("participated", date(2020, 1, 1) + timedelta(days=7 * n), 90)
                  for n in range(104)]
    activities += [Activity("leader_seminar", date(2023, 1, 1) + timedelta(days=90 * n), 450)
                   for n in range(6)]
    found = pathway("dbg-leader", activities)
    assert found["participation"].have == 104 and found["participation"].status == (
        schemes.OPEN)
    assert found["seminars"].met
    assert found["seminar-hours"].have == 30 and found["seminar-hours"].met


def test_an_empty_logbook_is_open_everywhere() -> None:
    for key in ("dbg-leader", "abs-leader", "bsanz-leader"):
        assert all(r.status == schemes.OPEN for r in pathway(key, []).values())


def test_evaluators_refuse_the_wrong_type() -> None:
    with pytest.raises(ValueError):
        schemes.evaluate_pathway(psgv(), [])
    with pytest.raises(ValueError):
        schemes.evaluate(schemes.shipped()["dbg-leader"], schedule=[], attended=[], tz=BERLIN)
