"""The life of a participant's socket: it opens, keeps its heartbeat, closes. Presence is
derived from these rows (presence.py); every open and close is a change of who is in the
room, and goes to the room as one (services.room_people_changed)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from balintroom.accounts.models import User

from .models import Connection
from .services import room_people_changed, room_version


def connection_open(*, room_id: int, user: User, channel_name: str) -> None:
    """Record the socket; the room's new state goes to everyone in it, her too."""
    room_people_changed(room_id=room_id, first=lambda: Connection.objects.create(
        room_id=room_id, user=user, channel_name=channel_name))


def connection_close(*, channel_name: str) -> None:
    with transaction.atomic():
        connection = Connection.objects.filter(channel_name=channel_name,
                                               closed_at__isnull=True).first()
        if connection is None:
            return
        room_people_changed(room_id=connection.room_id, first=lambda: Connection.objects.filter(
            pk=connection.pk).update(closed_at=timezone.now()))


def connection_seen(*, channel_name: str, room_id: int) -> int | None:
    """Keep the socket's heartbeat fresh; returns the room's version for the pong."""
    Connection.objects.filter(
        channel_name=channel_name, closed_at__isnull=True,
        last_seen__lt=timezone.now() - timedelta(seconds=10),
    ).update(last_seen=timezone.now())
    return room_version(room_id=room_id)
