"""Who may be in a meeting's room, in which role, and what the room needs to read.

One definition of who is in the room: the group's members who have accepted its
confidentiality agreement as it reads now. The room page, the socket's handshake, the
room state sent to every socket and the rules of every action all ask `room_circle` or
`room_admission`, so that a member who must accept a changed agreement, or who was
removed, is out of all of them at once.
"""

from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet
from django.http import Http404

from balintroom.accounts.models import User
from balintroom.core.prepared import Prepared
from balintroom.groups.models import Meeting, Membership
from balintroom.groups.selectors import agreed, has_agreed, meeting_for_member
from balintroom.method.formats import PartKind
from balintroom.method.round import Status

from .models import Room, Round


def room_circle(group_id: int | OuterRef) -> QuerySet[Membership]:
    """Everyone who may be in the rooms of the group's meetings."""
    return agreed(Membership.objects.filter(group_id=group_id))


def room_circles(group_ids: set[int]) -> QuerySet[Membership]:
    """As room_circle, for several groups at once."""
    return agreed(Membership.objects.filter(group_id__in=group_ids))


@dataclass(frozen=True)
class Admission:
    room: Room
    meeting: Meeting
    membership: Membership

    @property
    def admitted(self) -> bool:
        """False for a member who must accept the group's agreement (again) first."""
        return has_agreed(self.membership)


def room_admission(user: User, meeting_id: int) -> Admission:
    """The room of a meeting of one of her groups, or 404. A room exists for every meeting
    from the moment it is scheduled (groups' meeting_scheduled)."""
    meeting, membership = meeting_for_member(user, meeting_id)
    room = Room.objects.filter(meeting=meeting).first()
    if room is None:
        raise Http404
    room.meeting = meeting
    return Admission(room=room, meeting=meeting, membership=membership)


@dataclass(frozen=True)
class Entry:
    room_id: int
    group_id: int
    role: str


def room_entries(asks: list[tuple[int, int]]) -> list[Entry | None]:
    """For each (person, meeting): the meeting's room, its group and her role there, if
    she is in its circle now (as room_admission); else None. Two statements for all of
    a moment's sockets (four thousand of them after a restart). A cancelled meeting's
    room is not entered."""
    rooms = {meeting_id: (room_id, group_id) for room_id, meeting_id, group_id in
             Room.objects.filter(meeting_id__in={m for _u, m in asks},
                                 meeting__cancelled_at__isnull=True)
             .values_list("pk", "meeting_id", "meeting__group_id")}
    roles = {(group_id, user_id): role for group_id, user_id, role in
             room_circles({group_id for _r, group_id in rooms.values()})
             .filter(user_id__in={u for u, _m in asks})
             .values_list("group_id", "user_id", "role")}
    entries: list[Entry | None] = []
    for user_id, meeting_id in asks:
        room = rooms.get(meeting_id)
        role = roles.get((room[1], user_id)) if room is not None else None
        entries.append(Entry(room[0], room[1], role) if room is not None and role else None)
    return entries


_VERSION = Prepared(lambda room: Room.objects.filter(pk=room).values_list("version")[:1],
                    "room")


def room_versions(room_ids: list[int]) -> dict[int, int]:
    """Each room's version now (for the pings: a page that is behind asks again)."""
    versions = {}
    for room_id in set(room_ids):
        rows = _VERSION.rows(room=room_id)
        if rows:
            versions[room_id] = int(rows[0][0])
    return versions


def room_for_display_or_none(meeting_id: int, token: str) -> Room | None:
    if not token:
        return None
    return Room.objects.select_related("meeting__group").filter(
        meeting_id=meeting_id, display_token=token).first()



def earlier_cases(group_id: int) -> list[Round]:
    """The group's cases from earlier rounds, for a follow-up: newest first."""
    return list(
        Round.objects.filter(
            room__meeting__group_id=group_id, kind=PartKind.ROUND,
            status=Status.ENDED, presenter__isnull=False,
        ).select_related("room__meeting").order_by("-ended_at")[:30]
    )


def cases_of_meeting(meeting_id: int) -> list[Round]:
    """The cases presented in a meeting's Balint rounds, in their order."""
    return list(Round.objects.filter(
        room__meeting_id=meeting_id, kind=PartKind.ROUND, presenter__isnull=False,
        started_at__isnull=False).select_related("presenter").order_by("number"))
