"""The room's WebSocket: a snapshot on connect, then every new state; actions in, each
answered with an error or followed by the broadcast state.

Client messages are JSON objects: {"action": ..., "expected_version": n, ...}. Anything
else gets {"type": "error", ...} and changes nothing.
"""

import json
import logging
import time
from collections.abc import Callable
from typing import Any

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

from balintroom.groups.models import Membership
from balintroom.method.round import Action, RoundError

from . import services
from .broadcast import (
    Broadcast,
    broadcasts_held,
    leaders_group_name,
    room_group_name,
    send_broadcasts,
)
from .models import Room
from .snapshot import sendable_state

log = logging.getLogger(__name__)

# Close codes the page understands: it stops reconnecting and says why.
CLOSE_FORBIDDEN = 4403
CLOSE_DISPLAY_RENEWED = 4410
LEADER_MESSAGE_MAX = 500


def _room_for(meeting_id: int) -> Room | None:
    return Room.objects.select_related("meeting").filter(meeting_id=meeting_id).first()


@database_sync_to_async
def _participant_room(meeting_id: int, user: Any) -> tuple[Room | None, str | None]:
    if user is None or not user.is_authenticated:
        return None, None
    # Only members who accepted the group's confidentiality agreement enter the room.
    membership = Membership.objects.filter(
        group__meetings__id=meeting_id, user=user, agreed_at__isnull=False
    ).values_list("role", flat=True).first()
    if membership is None:
        return None, None
    from balintroom.groups.models import Meeting

    meeting = Meeting.objects.get(pk=meeting_id)
    return services.room_for_meeting(meeting), membership


@database_sync_to_async
def _display_room(meeting_id: int, token: str) -> Room | None:
    room = _room_for(meeting_id)
    if room is None or not token or room.display_token != token:
        return None
    return room


@database_sync_to_async
def _snapshot_text(room_id: int, *, user_id: int | None) -> tuple[str, int, str]:
    room = Room.objects.select_related("meeting").get(pk=room_id)
    built = sendable_state(room)
    kind = built.view_kind(user_id=user_id)
    return built.texts(server_time=time.time())[kind], built.version, kind


def _holding_broadcasts(work: Callable[..., Any]) -> Callable[..., tuple[Any, list[Broadcast]]]:
    """Database work that returns the broadcasts it made, for the event loop to send."""
    def run(*args: Any, **kwargs: Any) -> tuple[Any, list[Broadcast]]:
        with broadcasts_held() as held:
            result = work(*args, **kwargs)
        return result, held
    return run


_room_act = database_sync_to_async(_holding_broadcasts(services.room_act))
_connection_open = database_sync_to_async(_holding_broadcasts(services.connection_open))
_connection_close = database_sync_to_async(_holding_broadcasts(services.connection_close))


class RoomConsumer(AsyncWebsocketConsumer):
    room_id: int
    group_name: str
    user: Any
    user_id: int | None = None
    language: str = settings.LANGUAGE_CODE
    is_display: bool = False
    display_token: str = ""
    last_version: int = 0
    in_leaders_group: bool = False

    async def connect(self) -> None:
        kwargs = self.scope["url_route"]["kwargs"]
        meeting_id = int(kwargs["meeting_id"])
        token = kwargs.get("token")
        if token is not None:
            room = await _display_room(meeting_id, token)
            self.is_display = True
            self.display_token = token
            self.user = None
        else:
            self.user = self.scope.get("user")
            room, _role = await _participant_room(meeting_id, self.user)
        if room is None:
            # Refusing before accept answers the handshake with 403.
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.room_id = room.pk
        # Read on every room state: plain values, not the lazy user object each time.
        self.user_id = None if self.is_display else self.user.pk
        self.language = self._language()
        self.group_name = room_group_name(room.pk)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()
        if not self.is_display:
            message, broadcasts = await _connection_open(
                room_id=self.room_id, user=self.user, channel_name=self.channel_name
            )
            if message is not None:
                # The state broadcast for her arrival is hers too; the copy that comes
                # back through the channel layer is then skipped by its version.
                await self.room_state(message)
            await send_broadcasts(broadcasts)
            if message is not None:
                return
        await self.send_snapshot()

    async def dispatch(self, message: dict[str, Any]) -> None:
        """As Channels' own, without its hop to the database thread before every message
        (to close stale connections): this consumer reaches the database only through
        database_sync_to_async, which closes them itself. With eight room states to
        deliver per change, those hops took a change from 1.6 to 2.1 ms of server CPU
        (bench/run.py, one process, 200 changes a second)."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def disconnect(self, code: int) -> None:
        if not hasattr(self, "group_name"):
            return
        await self.channel_layer.group_discard(self.group_name, self.channel_name)
        await self._follow_leaders(False)
        if not self.is_display:
            _nothing, broadcasts = await _connection_close(channel_name=self.channel_name)
            await send_broadcasts(broadcasts)

    async def send_snapshot(self) -> None:
        text, version, kind = await _snapshot_text(
            self.room_id, user_id=self.user_id)
        self.last_version = max(self.last_version, version)
        await self._follow_leaders(kind == "leader")
        await self.send(text_data=text)

    async def room_state(self, event: dict[str, Any]) -> None:
        if self.is_display and event["display_token"] != self.display_token:
            await self.close(code=CLOSE_DISPLAY_RENEWED)
            return
        if not self.is_display and self.user_id not in event["members"]:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        # Messages can overtake each other across processes; never send an older state.
        if event["version"] <= self.last_version:
            return
        self.last_version = event["version"]
        if self.is_display:
            kind = "display"
        elif self.user_id in event["outside"]:
            kind = "outside"
        elif self.user_id in event["leaders"]:
            kind = "leader"
        else:
            kind = "member"
        await self._follow_leaders(kind == "leader")
        await self.send(text_data=event["texts"][kind])

    async def _follow_leaders(self, leads: bool) -> None:
        """Leaders (and only they) hear the leaders' private channel."""
        if leads == self.in_leaders_group:
            return
        name = leaders_group_name(self.room_id)
        if leads:
            await self.channel_layer.group_add(name, self.channel_name)
        else:
            await self.channel_layer.group_discard(name, self.channel_name)
        self.in_leaders_group = leads

    async def leader_message(self, event: dict[str, Any]) -> None:
        if self.in_leaders_group:
            await self.send(text_data=json.dumps({
                "type": "leader_message", "from": event["from"], "from_id": event["from_id"],
                "text": event["text"], "at": event["at"],
            }))

    async def error(self, code: str, message: str, **extra: Any) -> None:
        await self.send(text_data=json.dumps(
            {"type": "error", "code": code, "message": message, **extra}
        ))

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        with translation.override(self.language):
            await self._receive(text_data, bytes_data)

    def _language(self) -> str:
        """The profile's language, else the first the browser accepts that we speak."""
        language = getattr(self.user, "language", None) if self.user is not None else None
        if language:
            return str(language)
        headers = dict(self.scope.get("headers", []))
        accept = headers.get(b"accept-language", b"").decode("latin-1")
        for code, _quality in parse_accept_lang_header(accept):
            try:
                return translation.get_supported_language_variant(code)
            except LookupError:
                continue
        return settings.LANGUAGE_CODE

    async def _receive(self, text_data: str | None, bytes_data: bytes | None) -> None:
        if text_data is None:
            await self.error("malformed", _("Messages must be JSON text."))
            return
        if len(text_data.encode()) > settings.WS_MAX_MESSAGE_BYTES:
            await self.error("too_large", _("That message is too large."))
            return
        try:
            message = json.loads(text_data)
        except (ValueError, RecursionError):
            await self.error("malformed", _("That message could not be read."))
            return
        if not isinstance(message, dict) or not isinstance(message.get("action"), str):
            await self.error("malformed", _("That message could not be read."))
            return
        name = message["action"]
        if name == "ping":
            # The pong carries the room's version: a page that missed a broadcast (the
            # channel layer delivers at most once) sees it is behind and asks again.
            if self.is_display:
                version = await database_sync_to_async(services.room_version)(
                    room_id=self.room_id)
            else:
                version = await database_sync_to_async(services.connection_seen)(
                    channel_name=self.channel_name, room_id=self.room_id)
            await self.send(text_data=json.dumps(
                {"type": "pong", "id": message.get("id"), "server_time": time.time(),
                 "version": version}
            ))
            return
        if name == "snapshot":
            await self.send_snapshot()
            return
        if self.is_display:
            await self.error("forbidden", _("The room display only shows the room."))
            return
        if name == "leader_message":
            await self._relay_leader_message(message)
            return
        try:
            action = Action(name)
        except ValueError:
            await self.error("unknown_action", _("Unknown action."))
            return
        args = {k: v for k, v in message.items()
                if k in ("label", "user", "minutes", "urgency", "round", "card", "on", "keep")}
        try:
            _version, broadcasts = await _room_act(
                meeting_id=int(self.scope["url_route"]["kwargs"]["meeting_id"]),
                by=self.user, action=action, args=args,
                expected_version=message.get("expected_version"),
            )
            await send_broadcasts(broadcasts)
        except services.MayIdentify as exc:
            await self.error("may_identify", _(exc.message), action=name,
                             findings=exc.findings, label=args.get("label", ""))
        except services.StaleVersion as exc:
            await self.error("stale", _(exc.message))
            await self.send_snapshot()
        except RoundError as exc:
            # method/ only marks its messages; they are translated here, for this person.
            await self.error("refused", _(exc.message), action=name)

    async def _relay_leader_message(self, message: dict[str, Any]) -> None:
        """The leaders' private channel: passed from leader to leader, stored nowhere."""
        text = message.get("text")
        if not isinstance(text, str) or not text.strip() or len(text) > LEADER_MESSAGE_MAX:
            await self.error("refused", _("Write a short message (at most %(max)s characters).")
                             % {"max": LEADER_MESSAGE_MAX})
            return
        if not await _still_leads(self.room_id, self.user):
            await self.error("refused", _("Only the leader or co-leader can do that."))
            return
        await self.channel_layer.group_send(leaders_group_name(self.room_id), {
            "type": "leader.message", "from": self.user.name, "from_id": self.user.pk,
            "text": text.strip(), "at": time.time(),
        })


@database_sync_to_async
def _still_leads(room_id: int, user: Any) -> bool:
    return Membership.objects.filter(
        group__meetings__room__id=room_id, user=user, role__in=["leader", "co_leader"]
    ).exists()
