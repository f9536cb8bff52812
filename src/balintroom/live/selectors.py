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
from balintroom.groups.models import Meeting, Membership
from balintroom.groups.selectors import agreed, has_agreed, meeting_for_member
from balintroom.method.formats import PartKind
from balintroom.method.round import Status

from .models import Room, Round


def room_circle(group_id: int | OuterRef) -> QuerySet[Membership]:
    """Everyone who may be in the rooms of the group's meetings."""
    return agreed(Membership.objects.filter(group_id=group_id))


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


def room_for_display(meeting_id: int, token: str) -> Room:
    room = Room.objects.select_related("meeting__group").filter(
        meeting_id=meeting_id, display_token=token
    ).first()
    if room is None or not token:
        raise Http404
    return room


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
