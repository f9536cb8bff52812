"""Who may open a room's socket, for a moment's sockets together: the same answers as one
by one (room_admission), in two statements however many ask."""

from django.utils import timezone

from balintroom.groups.models import Meeting, Membership
from balintroom.live.selectors import Entry, room_entries
from balintroom.live.services import room_create
from tests.conftest import Cast


def test_a_moments_sockets_are_let_in_or_not_in_two_statements(
        cast: Cast, django_assert_max_num_queries) -> None:
    room = room_create(meeting=cast.meeting)
    cancelled = Meeting.objects.create(group=cast.group, starts_at=cast.meeting.starts_at,
                                       duration_minutes=90, setting="online",
                                       cancelled_at=timezone.now())
    room_create(meeting=cancelled)
    Membership.objects.filter(group=cast.group, user=cast.members[3]).update(agreed_at=None)
    asks = [(cast.leader.pk, cast.meeting.pk), (cast.members[0].pk, cast.meeting.pk),
            (cast.outsider.pk, cast.meeting.pk),  # not of the group
            (cast.members[3].pk, cast.meeting.pk),  # has not accepted the agreement
            (cast.members[0].pk, cancelled.pk), (cast.members[0].pk, 999_999)]
    with django_assert_max_num_queries(2):
        entries = room_entries(asks)
    group = cast.group.pk
    assert entries == [Entry(room.pk, group, "leader"), Entry(room.pk, group, "member"),
                       None, None, None, None]
