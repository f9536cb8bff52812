"""Permission-scoped reads. Every page fetches what it shows through these, so that an
outsider gets 404 whatever she guesses: members see their own records, leaders their
group's, coordinators the groups of their organisation and nothing said in them."""

from dataclasses import dataclass
from datetime import date, tzinfo

from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.groups.models import BalintGroup, Meeting, Membership
from balintroom.groups.selectors import (
    leading_membership_for,
    members_of,
    membership_for,
    past_meetings,
    upcoming_meetings,
)
from balintroom.live.models import Round
from balintroom.method.formats import PartKind
from balintroom.method.roles import Role

from . import eiv, hours, schemes, services
from .models import (
    AbsenceNotice,
    AttendanceRecord,
    AttendanceStatus,
    Certificate,
    CertificateIssuer,
    CertificateStatus,
    GroupScheme,
    LogbookEntry,
    MeetingConfirmation,
    Organisation,
    OrganisationGroup,
    OrganisationScheme,
    Signer,
)

__all__ = ["leading_membership_for", "membership_for"]


# Meetings and attendance


def meeting_for_leader(user: User, meeting_id: int) -> tuple[Meeting, Membership]:
    # Its series too: a meeting's VNR and CME points may be the series'.
    meeting = Meeting.objects.select_related("group", "series").filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    return meeting, leading_membership_for(user, meeting.group_id)


def meeting_for_member(user: User, meeting_id: int) -> tuple[Meeting, Membership]:
    meeting = Meeting.objects.select_related("group").filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    return meeting, membership_for(user, meeting.group_id)


def confirmation_of(meeting: Meeting) -> MeetingConfirmation | None:
    return MeetingConfirmation.objects.filter(meeting=meeting).select_related(
        "confirmed_by").first()


def records_of_meeting(meeting: Meeting) -> list[AttendanceRecord]:
    rank = {Role.LEADER.value: 0, Role.CO_LEADER.value: 1}
    records = list(AttendanceRecord.objects.filter(meeting=meeting).select_related(
        "user").prefetch_related("corrections__by"))
    records.sort(key=lambda r: (rank.get(r.role, 2), r.user.name.lower()))
    return records


def record_in_meeting(meeting: Meeting, record_id: int) -> AttendanceRecord:
    record = AttendanceRecord.objects.filter(meeting=meeting, pk=record_id).select_related(
        "user", "meeting").first()
    if record is None:
        raise Http404
    return record


# The EIV report of an accredited meeting

EIV_UNCONFIRMED, EIV_NO_VNR = "attendance", "vnr"


def eiv_report_of(meeting: Meeting, *, tz: tzinfo) -> tuple[eiv.EivReport | None, list[str]]:
    """The meeting's report for the chamber, or None and what it still lacks: confirmed
    attendance (who was there is known only then) and a VNR, its own or its series'."""
    missing = []
    if not MeetingConfirmation.objects.filter(meeting=meeting).exists():
        missing.append(EIV_UNCONFIRMED)
    if not meeting.effective_vnr:
        missing.append(EIV_NO_VNR)
    if missing:
        return None, missing
    present = AttendanceRecord.objects.filter(
        meeting=meeting, status=AttendanceStatus.PRESENT).select_related("user")
    return eiv.eiv_report(vnr=meeting.effective_vnr,
                          day=hours.local_date(meeting.starts_at, tz),
                          points=meeting.effective_cme_points,
                          present=[(r.user.name, r.user.efn) for r in present]), []


@dataclass
class MeetingLine:
    meeting: Meeting
    confirmed: bool
    present: int
    notices: int


def meetings_overview(group: BalintGroup) -> tuple[list[MeetingLine], list[MeetingLine]]:
    """Past meetings (newest first) and those still ahead, with what the leader needs."""
    confirmed = set(MeetingConfirmation.objects.filter(meeting__group=group).values_list(
        "meeting_id", flat=True))
    present = dict(AttendanceRecord.objects.filter(
        meeting__group=group, status=AttendanceStatus.PRESENT).values_list(
        "meeting_id").annotate(n=Count("pk")).values_list("meeting_id", "n"))
    notices = dict(AbsenceNotice.objects.filter(meeting__group=group).values_list(
        "meeting_id").annotate(n=Count("pk")).values_list("meeting_id", "n"))

    def line(meeting: Meeting) -> MeetingLine:
        return MeetingLine(meeting, meeting.pk in confirmed, present.get(meeting.pk, 0),
                           notices.get(meeting.pk, 0))

    return ([line(m) for m in past_meetings(group)],
            [line(m) for m in upcoming_meetings(group)])


def expected_at(meeting: Meeting) -> tuple[list[Membership], list[AbsenceNotice]]:
    """Who is expected at a meeting ahead, and who gave notice."""
    notices = list(AbsenceNotice.objects.filter(meeting=meeting).select_related("user"))
    away = {n.user_id for n in notices}
    members = Membership.objects.filter(group_id=meeting.group_id).select_related("user")
    expected = sorted((m for m in members if m.user_id not in away),
                      key=lambda m: m.user.name.lower())
    return expected, notices


def my_upcoming(group: BalintGroup, user: User) -> list[tuple[Meeting, AbsenceNotice | None]]:
    meetings = upcoming_meetings(group)
    mine = {n.meeting_id: n for n in AbsenceNotice.objects.filter(
        user=user, meeting__in=[m.pk for m in meetings])}
    now = timezone.now()
    return [(m, mine.get(m.pk)) for m in meetings if m.starts_at > now]


# Hours


def records_of_group(group: BalintGroup) -> QuerySet[AttendanceRecord]:
    return AttendanceRecord.objects.filter(meeting__group=group).select_related(
        "meeting", "user").order_by("meeting__starts_at", "pk")


def sessions_of(group: BalintGroup, user: User) -> list[hours.Session]:
    return [r.as_session() for r in records_of_group(group).filter(user=user)]


@dataclass
class HoursLine:
    user: User
    totals: hours.Totals
    periods: dict[str, hours.Totals]


def hours_table(group: BalintGroup, *, tz: tzinfo, period: str, first: date | None = None,
                last: date | None = None) -> list[HoursLine]:
    """Per person: totals in the chosen dates, and per month, quarter or year."""
    by_user: dict[int, tuple[User, list[hours.Session]]] = {}
    for record in records_of_group(group):
        entry = by_user.setdefault(record.user_id, (record.user, []))
        entry[1].append(record.as_session())
    lines = []
    for user, sessions in by_user.values():
        chosen = hours.within(sessions, tz, first, last)
        lines.append(HoursLine(user, hours.totals(chosen), hours.by_period(chosen, tz, period)))
    lines.sort(key=lambda line: line.user.name.lower())
    return lines


# Schemes


def group_schedule(group: BalintGroup) -> list[schemes.Meeting]:
    """Every meeting of the group, held or planned, as the scheme rules see it: for a
    confirmed meeting who led it and who was a member then; for the others, the group as
    it is now."""
    now_members = Membership.objects.filter(group=group)
    leaders_now = frozenset(m.user_id for m in now_members if m.role == Role.LEADER)
    roster_now = frozenset(m.user_id for m in now_members if m.role == Role.MEMBER)
    by_meeting: dict[int, list[AttendanceRecord]] = {}
    for record in AttendanceRecord.objects.filter(meeting__group=group):
        by_meeting.setdefault(record.meeting_id, []).append(record)
    schedule = []
    for meeting in group.meetings.order_by("starts_at"):
        records = by_meeting.get(meeting.pk)
        if records:
            leaders = frozenset(r.user_id for r in records if r.role == Role.LEADER
                                and r.status == AttendanceStatus.PRESENT)
            roster = frozenset(r.user_id for r in records if r.role == Role.MEMBER)
        else:
            leaders, roster = leaders_now, roster_now
        schedule.append(schemes.Meeting(meeting.starts_at, meeting.duration_minutes,
                                        meeting.setting, leaders, roster))
    return schedule


def organisations_of_group(group: BalintGroup) -> QuerySet[Organisation]:
    return Organisation.objects.filter(organisationgroup__group=group).order_by("name")


@dataclass
class OfferedScheme:
    scheme: schemes.Scheme
    organisation: Organisation | None

    @property
    def value(self) -> str:
        """The form value that names it: the key, after the organisation's id if any."""
        return f"{self.organisation.pk}:{self.scheme.key}" if self.organisation else (
            self.scheme.key)


def schemes_offered(group: BalintGroup, kind: str = schemes.CREDIT) -> list[OfferedScheme]:
    offered = [OfferedScheme(s, None) for s in schemes.shipped().values() if s.type == kind]
    for organisation in organisations_of_group(group):
        for own in OrganisationScheme.objects.filter(organisation=organisation):
            try:
                scheme = schemes.parse(own.definition)
            except schemes.SchemeError:
                continue
            if scheme.type == kind:
                offered.append(OfferedScheme(scheme, organisation))
    return offered


def group_schemes(group: BalintGroup) -> list[OfferedScheme]:
    chosen = []
    for row in GroupScheme.objects.filter(group=group).select_related("organisation"):
        scheme = services.scheme_resolve(row.key, row.organisation)
        if scheme is not None:
            chosen.append(OfferedScheme(scheme, row.organisation))
    return chosen


@dataclass
class Progress:
    offered: OfferedScheme
    results: list[schemes.Result]

    @property
    def complete(self) -> bool:
        return all(r.met for r in self.results if r.rule.required)


def member_progress(group: BalintGroup, user: User, tz: tzinfo) -> list[Progress]:
    schedule = group_schedule(group)
    attended = sessions_of(group, user)
    return [Progress(o, schemes.evaluate(o.scheme, schedule=schedule, attended=attended, tz=tz))
            for o in group_schemes(group)]


def schedule_warnings(group: BalintGroup, tz: tzinfo) -> list[Progress]:
    schedule = group_schedule(group)
    found = []
    for offered in group_schemes(group):
        warnings = schemes.schedule_warnings(offered.scheme, schedule=schedule, tz=tz)
        if warnings:
            found.append(Progress(offered, warnings))
    return found


# Certificates


def certificates_of_group(group: BalintGroup) -> QuerySet[Certificate]:
    return Certificate.objects.filter(group=group).select_related("member")


def certificate_for_leader(user: User, certificate_id: int) -> Certificate:
    certificate = Certificate.objects.filter(pk=certificate_id).select_related(
        "group", "member").first()
    if certificate is None or certificate.group_id is None:
        raise Http404
    leading_membership_for(user, certificate.group_id)
    return certificate


def certificate_for_reader(user: User, certificate_id: int) -> Certificate:
    """A released certificate, for its member, a leader of its group or a coordinator of
    the group's organisation; a draft only for the leaders."""
    certificate = Certificate.objects.filter(pk=certificate_id).select_related(
        "group", "member").first()
    if certificate is None:
        raise Http404
    released = certificate.status != CertificateStatus.DRAFT
    if released and certificate.member_id == user.pk:
        return certificate
    group_id = certificate.group_id
    if group_id is not None and Membership.objects.filter(
            group_id=group_id, user=user, role__in=[Role.LEADER, Role.CO_LEADER]).exists():
        return certificate
    if released and group_id is not None and Organisation.objects.filter(
            coordinators=user, organisationgroup__group_id=group_id).exists():
        return certificate
    raise Http404


def certificate_by_code(code: str) -> Certificate | None:
    """For the public page: a released certificate (approved or revoked), else None."""
    if not code or len(code) > 40:
        return None
    return Certificate.objects.filter(code=code).exclude(status=CertificateStatus.DRAFT).first()


def certificates_of_member(user: User) -> QuerySet[Certificate]:
    return Certificate.objects.filter(member=user).exclude(
        status=CertificateStatus.DRAFT).select_related("group")


# Organisations


def organisations_for_coordinator(user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(coordinators=user).order_by("name")


def organisation_for_coordinator(user: User, organisation_id: int) -> Organisation:
    if not user.is_authenticated:
        raise Http404
    organisation = Organisation.objects.filter(pk=organisation_id, coordinators=user).first()
    if organisation is None:
        raise Http404
    return organisation


def groups_of_organisation(organisation: Organisation) -> QuerySet[BalintGroup]:
    return BalintGroup.objects.filter(organisationgroup__organisation=organisation).order_by(
        "name")


def group_in_organisation(organisation: Organisation, group_id: int) -> BalintGroup:
    if not OrganisationGroup.objects.filter(organisation=organisation,
                                            group_id=group_id).exists():
        raise Http404
    return BalintGroup.objects.get(pk=group_id)


def organisation_of_group(group: BalintGroup, organisation_id: int) -> Organisation:
    organisation = organisations_of_group(group).filter(pk=organisation_id).first()
    if organisation is None:
        raise Http404
    return organisation


def organisation_scheme(organisation: Organisation, key: str) -> OrganisationScheme:
    own = OrganisationScheme.objects.filter(organisation=organisation, key=key).first()
    if own is None:
        raise Http404
    return own


# Leader logbook


@dataclass
class LedMeeting:
    record: AttendanceRecord
    cases: int


def meetings_led(user: User) -> list[LedMeeting]:
    """Meetings she led or co-led, from the confirmed records, with how many case rounds
    each held (a count only: nothing of what was said)."""
    records = list(AttendanceRecord.objects.filter(
        user=user, role__in=[Role.LEADER, Role.CO_LEADER], status=AttendanceStatus.PRESENT,
        minutes__gt=0).select_related("meeting__group").order_by("-meeting__starts_at"))
    counts = dict(Round.objects.filter(
        room__meeting_id__in=[r.meeting_id for r in records], kind=PartKind.ROUND,
        started_at__isnull=False).values_list("room__meeting_id").annotate(
        n=Count("pk")).values_list("room__meeting_id", "n"))
    return [LedMeeting(r, counts.get(r.meeting_id, 0)) for r in records]


def logbook_entries(user: User) -> QuerySet[LogbookEntry]:
    return LogbookEntry.objects.filter(user=user)


def logbook_entry_of(user: User, entry_id: int) -> LogbookEntry:
    entry = LogbookEntry.objects.filter(user=user, pk=entry_id).first()
    if entry is None:
        raise Http404
    return entry


def leader_activities(user: User, tz: tzinfo) -> list[schemes.Activity]:
    activities = [
        schemes.Activity(led.record.role if led.record.role == Role.CO_LEADER else "led",
                         hours.local_date(led.record.meeting.starts_at, tz),
                         led.record.minutes, led.cases,
                         led.record.setting == hours.IN_PERSON)
        for led in meetings_led(user)
    ]
    attended = AttendanceRecord.objects.filter(
        user=user, role=Role.MEMBER, status=AttendanceStatus.PRESENT,
        minutes__gt=0).select_related("meeting")
    activities += [schemes.Activity("participated", hours.local_date(r.meeting.starts_at, tz),
                                    r.minutes, 0, r.setting == hours.IN_PERSON)
                   for r in attended]
    activities += [schemes.Activity(e.kind, e.date, e.minutes, e.cases, e.in_person)
                   for e in logbook_entries(user)]
    return activities


def pathways_for(user: User) -> list[OfferedScheme]:
    """The shipped pathways, and those of the organisations of the groups she leads."""
    offered = [OfferedScheme(s, None) for s in schemes.shipped().values()
               if s.type == schemes.PATHWAY]
    organisations = Organisation.objects.filter(
        organisationgroup__group__memberships__user=user,
        organisationgroup__group__memberships__role__in=[Role.LEADER, Role.CO_LEADER],
    ).distinct()
    for organisation in organisations:
        for own in OrganisationScheme.objects.filter(organisation=organisation):
            try:
                scheme = schemes.parse(own.definition)
            except schemes.SchemeError:
                continue
            if scheme.type == schemes.PATHWAY:
                offered.append(OfferedScheme(scheme, organisation))
    return offered


def leads_any_group(user: User) -> bool:
    return Membership.objects.filter(user=user,
                                     role__in=[Role.LEADER, Role.CO_LEADER]).exists()


def issuer_of(group: BalintGroup) -> CertificateIssuer | None:
    return CertificateIssuer.objects.select_related("logo").filter(group=group).first()


def signer_of(user: User) -> Signer | None:
    return Signer.objects.select_related("signature").filter(user=user).first()


def signing_leader(user: User) -> Signer | None:
    """How she signs certificates, for her own page: whoever leads or co-leads a group
    signs them; anyone else gets 404."""
    if not leads_any_group(user):
        raise Http404
    return signer_of(user)


def members_without_full_name(group: BalintGroup) -> list[str]:
    """The names of the group's members whose certificates wait for their full name."""
    return [m.user.name for m in members_of(group)
            if m.role == Role.MEMBER and not m.user.legal_name]
