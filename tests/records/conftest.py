"""Records tests: past meetings of the cast's group, visits to their live rooms, and
clients for the cast."""

from datetime import datetime, timedelta

from django.test import Client
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.groups.models import BalintGroup, Meeting
from balintroom.live.models import Connection, StepOut
from balintroom.live.services import room_create


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def past_meeting(group: BalintGroup, *, days_ago: float = 7, setting: str = "online",
                 minutes: int = 90, starts_at: datetime | None = None) -> Meeting:
    start = starts_at or (timezone.now() - timedelta(days=days_ago)).replace(microsecond=0)
    return Meeting.objects.create(group=group, starts_at=start, duration_minutes=minutes,
                                  setting=setting)


def visit(meeting: Meeting, user: User, *, start: int = 0, end: int | None = None,
          number: int = 0) -> Connection:
    """A connection to the meeting's room from `start` to `end` minutes after it began."""
    room = room_create(meeting=meeting)
    opened = meeting.starts_at + timedelta(minutes=start)
    closed = meeting.starts_at + timedelta(minutes=meeting.duration_minutes if end is None
                                           else end)
    return Connection.objects.create(room=room, user=user, opened_at=opened, last_seen=closed,
                                     closed_at=closed,
                                     channel_name=f"test.{meeting.pk}.{user.pk}.{number}")


def step_out(meeting: Meeting, user: User, *, start: int, end: int | None) -> StepOut:
    room = room_create(meeting=meeting)
    out = meeting.starts_at + timedelta(minutes=start)
    back = None if end is None else meeting.starts_at + timedelta(minutes=end)
    return StepOut.objects.create(room=room, user=user, signalled_at=out, stepped_out_at=out,
                                  returned_at=back)
