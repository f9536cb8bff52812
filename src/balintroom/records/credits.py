"""A member's credit record across her groups: every session a leader confirmed, her
certificates, and her progress toward each scheme her groups count toward; for someone who
leads, her pathways beside it. Reads only: everything here is the signed-in person's own,
so no other person's id is ever taken.

The schemes she follows are those of the groups she attends or attended as a member. Each
is evaluated once over her sessions in all of her groups that count toward it: the hours
and the months add up across groups. The rules about a group's schedule (closed, one
leader, first and last in person...) stay each group's own, so a scheme's schedule rule is
met only if every one of those groups meets it."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import tzinfo

from balintroom.accounts.models import User
from balintroom.groups.models import BalintGroup, Membership
from balintroom.method.roles import Role

from . import hours, schemes, selectors
from .models import AttendanceRecord, AttendanceStatus, Certificate

# The rules that count her own sessions; every other credit rule is about a group's schedule.
_HER_OWN = ("total", "span_months")
# When groups disagree on a schedule rule, the worst answer stands.
_WORST_FIRST = (schemes.BROKEN, schemes.OPEN, schemes.MET, schemes.NOT_APPLICABLE)


@dataclass
class GroupSessions:
    group: BalintGroup
    records: list[AttendanceRecord]
    totals: hours.Totals


@dataclass
class SchemeProgress:
    offered: selectors.OfferedScheme
    results: list[schemes.Result]
    # The groups whose sessions count toward it (none for a leader's pathway).
    groups: list[BalintGroup] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(r.met for r in self.results if r.rule.required)


@dataclass
class LeaderRecord:
    pathways: list[SchemeProgress]
    led: hours.Totals


@dataclass
class CreditRecord:
    user: User
    groups: list[GroupSessions]
    totals: hours.Totals
    certificates: list[Certificate]
    progress: list[SchemeProgress]
    leader: LeaderRecord | None


def sessions_attended(user: User) -> list[AttendanceRecord]:
    """Her confirmed sessions as a member of a group, oldest first. A meeting she led or
    co-led is leading, not attending: it counts toward her pathways instead."""
    return list(AttendanceRecord.objects.filter(
        user=user, role=Role.MEMBER, status=AttendanceStatus.PRESENT, minutes__gt=0,
    ).select_related("meeting__group").order_by("meeting__starts_at", "pk"))


def _groups_followed(user: User, records: Sequence[AttendanceRecord]) -> list[GroupSessions]:
    """The groups she attended, and those she is a member of with nothing confirmed yet
    (her progress there starts at nought), in the order she began them."""
    by_group: dict[int, GroupSessions] = {}
    for record in records:
        group = record.meeting.group
        entry = by_group.setdefault(group.pk, GroupSessions(group, [], hours.Totals()))
        entry.records.append(record)
    for membership in Membership.objects.filter(user=user, role=Role.MEMBER).select_related(
            "group").order_by("group__name"):
        by_group.setdefault(membership.group_id,
                            GroupSessions(membership.group, [], hours.Totals()))
    for entry in by_group.values():
        entry.totals = hours.totals(r.as_session() for r in entry.records)
    return list(by_group.values())


def _worst(results: Sequence[schemes.Result]) -> schemes.Result:
    worst = min(results, key=lambda r: _WORST_FIRST.index(r.status))
    meetings = tuple(sorted(when for r in results for when in r.meetings))
    return schemes.Result(worst.rule, worst.status, worst.have, worst.need, meetings)


def evaluate_across(scheme: schemes.Scheme,
                    parts: Sequence[tuple[Sequence[schemes.Meeting], Sequence[hours.Session]]],
                    tz: tzinfo) -> list[schemes.Result]:
    """schemes.evaluate over several groups, each given as (its schedule, her sessions in
    it): her totals and span over all her sessions, each schedule rule per group."""
    everything = [s for _schedule, sessions in parts for s in sessions]
    every_meeting = [m for schedule, _sessions in parts for m in schedule]
    combined = schemes.evaluate(scheme, schedule=every_meeting, attended=everything, tz=tz)
    if len(parts) < 2:
        return combined
    per_group = [schemes.evaluate(scheme, schedule=schedule, attended=sessions, tz=tz)
                 for schedule, sessions in parts]
    return [result if result.rule.kind in _HER_OWN or result.status == schemes.NOT_APPLICABLE
            else _worst([found[index] for found in per_group])
            for index, result in enumerate(combined)]


def scheme_progress(groups: Sequence[GroupSessions], tz: tzinfo) -> list[SchemeProgress]:
    """Her progress toward each scheme that one of her groups counts toward."""
    chosen: dict[tuple[int | None, str], tuple[selectors.OfferedScheme, list[GroupSessions]]]
    chosen = {}
    for entry in groups:
        for offered in selectors.group_schemes(entry.group):
            organisation = offered.organisation.pk if offered.organisation else None
            key = (organisation, offered.scheme.key)
            chosen.setdefault(key, (offered, []))[1].append(entry)
    schedules: dict[int, list[schemes.Meeting]] = {}
    found = []
    for offered, counted in chosen.values():
        parts = []
        for entry in counted:
            if entry.group.pk not in schedules:
                schedules[entry.group.pk] = selectors.group_schedule(entry.group)
            parts.append((schedules[entry.group.pk], [r.as_session() for r in entry.records]))
        found.append(SchemeProgress(offered, evaluate_across(offered.scheme, parts, tz),
                                    [entry.group for entry in counted]))
    return found


def leader_record(user: User, tz: tzinfo) -> LeaderRecord | None:
    """For someone who leads or has led, or keeps a logbook: her pathways, evaluated as in
    her logbook. None for everyone else."""
    led = selectors.meetings_led(user)
    if not (led or selectors.leads_any_group(user) or selectors.logbook_entries(user).exists()):
        return None
    activities = selectors.leader_activities(user, tz)
    pathways = [SchemeProgress(o, schemes.evaluate_pathway(o.scheme, activities))
                for o in selectors.pathways_for(user)]
    return LeaderRecord(pathways, hours.totals(m.record.as_session() for m in led))


def credit_record(user: User, tz: tzinfo) -> CreditRecord:
    records = sessions_attended(user)
    groups = _groups_followed(user, records)
    return CreditRecord(
        user=user,
        groups=groups,
        totals=hours.totals(r.as_session() for r in records),
        certificates=list(selectors.certificates_of_member(user)),
        progress=scheme_progress(groups, tz),
        leader=leader_record(user, tz),
    )
