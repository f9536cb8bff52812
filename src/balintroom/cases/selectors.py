"""Permission-scoped reads of case material. A note is only ever fetched with its author as
part of the query, so a leader, an admin or another member who guesses its id gets 404."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.groups.models import BalintGroup, Meeting, Membership
from balintroom.groups.selectors import meeting_for_member, member_names
from balintroom.live.models import Round
from balintroom.method.roles import LEADING_ROLES

from .models import CasePolicy, LeaderDebrief, NotesOptIn, PrivateNote, default_retention_days


def retention_days_of(group: BalintGroup) -> int:
    try:
        return group.case_policy.retention_days
    except CasePolicy.DoesNotExist:
        return default_retention_days()


def notes_expire_at(meeting: Meeting) -> datetime:
    """When a meeting's private notes are deleted: the group's retention after its end."""
    return meeting.ends_at + timedelta(days=retention_days_of(meeting.group))


def notes_expired(meeting: Meeting, *, now: datetime | None = None) -> bool:
    return notes_expire_at(meeting) <= (now or timezone.now())


def notes_meeting_for(user: User, meeting_id: int) -> tuple[Meeting, Membership]:
    """A meeting of one of the user's groups, or 404."""
    return meeting_for_member(user, meeting_id)


def people_names_of(meeting: Meeting) -> list[str]:
    """The names of the meeting group's members and leaders, as the group sees them. For
    the identifier check only: the group's own people are not patients."""
    return member_names(meeting.group_id)


def notes_opted_in(user: User, meeting: Meeting) -> bool:
    return NotesOptIn.objects.filter(user=user, meeting=meeting).exists()


def _own_notes(user: User) -> QuerySet[PrivateNote]:
    if not user.is_authenticated:
        return PrivateNote.objects.none()
    return PrivateNote.objects.filter(author=user)


def notes_of(user: User, meeting: Meeting, *, now: datetime | None = None) -> list[PrivateNote]:
    """The user's own notes for a meeting, unless their time is over (purge may be late)."""
    if notes_expired(meeting, now=now):
        return []
    return list(_own_notes(user).filter(meeting=meeting))


def note_for_author(user: User, meeting: Meeting, note_id: int) -> PrivateNote:
    note = _own_notes(user).filter(meeting=meeting, pk=note_id).first()
    if note is None or notes_expired(meeting):
        raise Http404
    return note


def notes_for_export(user: User, *, now: datetime | None = None) -> list[PrivateNote]:
    """All of the user's notes not yet expired, in every meeting, groups she left included:
    they are hers."""
    now = now or timezone.now()
    notes = (
        _own_notes(user)
        .select_related("meeting__group__case_policy")
        .order_by("meeting__starts_at", "created_at", "pk")
    )
    return [note for note in notes if not notes_expired(note.meeting, now=now)]


@dataclass(frozen=True)
class MeetingNotes:
    meeting: Meeting
    count: int
    expires_at: datetime


def meetings_with_notes(user: User, *, now: datetime | None = None) -> list[MeetingNotes]:
    counts: dict[int, int] = {}
    meetings: dict[int, Meeting] = {}
    for note in notes_for_export(user, now=now):
        counts[note.meeting_id] = counts.get(note.meeting_id, 0) + 1
        meetings[note.meeting_id] = note.meeting
    return [MeetingNotes(meeting=m, count=counts[pk], expires_at=notes_expire_at(m))
            for pk, m in meetings.items()]


def presenter_round_numbers(user: User, meeting: Meeting) -> list[int]:
    """The rounds of this meeting in which the user presented."""
    return list(
        Round.objects.filter(room__meeting=meeting, presenter=user)
        .order_by("number").values_list("number", flat=True)
    )


# The leaders' debrief: the leaders and co-leaders of the meeting's group, nobody else.


def debrief_meeting_for(user: User, meeting_id: int) -> Meeting:
    """A meeting of a group the user leads or co-leads, or 404 (members included)."""
    meeting, membership = meeting_for_member(user, meeting_id)
    if not membership.leads:
        raise Http404
    return meeting


def debrief_of(meeting: Meeting) -> LeaderDebrief | None:
    """The meeting's debrief; only for a meeting from debrief_meeting_for."""
    return LeaderDebrief.objects.select_related("updated_by").filter(meeting=meeting).first()


def has_debrief(meeting: Meeting) -> bool:
    """Whether the meeting has a debrief; only for a meeting from debrief_meeting_for."""
    return LeaderDebrief.objects.filter(meeting=meeting).exists()


def _led_meetings(user: User) -> QuerySet[Meeting]:
    if not user.is_authenticated:
        return Meeting.objects.none()
    return Meeting.objects.filter(
        group__memberships__user=user,
        group__memberships__role__in=[role.value for role in LEADING_ROLES],
    )


def debriefs_for_leader(user: User) -> list[LeaderDebrief]:
    """The debriefs of every meeting of the groups she leads or co-leads, newest meeting
    first. The list shows none of the text, so it is not even loaded (nor decrypted)."""
    return list(
        LeaderDebrief.objects.filter(meeting__in=_led_meetings(user))
        .defer("text")
        .select_related("meeting__group", "updated_by")
        .order_by("-meeting__starts_at", "-pk")
    )


def meetings_without_debrief(user: User, *, limit: int = 10,
                             now: datetime | None = None) -> list[Meeting]:
    """The latest meetings she leads that have begun and have no debrief yet."""
    return list(
        _led_meetings(user)
        .filter(starts_at__lte=now or timezone.now())
        .exclude(pk__in=LeaderDebrief.objects.values("meeting_id"))
        .select_related("group")
        .order_by("-starts_at", "-pk")[:limit]
    )
