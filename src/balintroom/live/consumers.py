"""The room's WebSocket: on connect the state her arrival made (a display: the room as it
stands), then every new state, handed to it by the process's hub (hub.py); actions in,
each answered with an error or followed by the broadcast state. What it asks of the
database goes to the sockets' database thread (core/hops.py).

Client messages are JSON objects: {"action": ..., "expected_version": n, ...} (requests.py
lists what each action accepts). Anything else gets {"type": "error", ...} and changes
nothing; so does anything that goes wrong on the server's side, and the socket stays.
"""

import contextlib
import itertools
import json
import logging
import time
import traceback
from typing import Any

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

from balintroom.accounts.models import users_with_second_factor
from balintroom.core.hops import HopQueue, in_database_thread
from balintroom.groups.selectors import label_check_of
from balintroom.method.roles import LEADING_ROLES
from balintroom.method.room import StaleVersion
from balintroom.method.round import RoundError

from . import services
from .broadcast import Broadcast, broadcasts_held, room_group_name, session_mark
from .connections import (
    SocketChange,
    SocketClosed,
    SocketOpened,
    connections_apply,
    this_process,
)
from .display import display_key
from .hub import hub
from .models import Room
from .requests import ID_MAX, BadRequest, MayIdentify, request_parse, storable
from .roomstate import (
    CLOSE_AGREEMENT,
    CLOSE_DISPLAY_RENEWED,
    CLOSE_FORBIDDEN,
    CLOSE_SIGNED_OUT,
    view_kind,
)
from .selectors import room_circle, room_entries, room_versions
from .snapshot import state_at

log = logging.getLogger(__name__)

LEADER_MESSAGE_MAX = 500
# Each socket may send a few messages a second, and a burst now and then (a leader's
# quick clicks, the first pings); beyond that its messages are refused until it slows.
MESSAGES_PER_SECOND = 5.0
MESSAGES_BURST = 20.0


# A socket asking in: its meeting, its person, and the display's key (None: a person's).
Ask = tuple[int, Any, str | None]


def _admissions(asks: list[Ask]) -> list[tuple[int, int] | None]:
    """For each socket asking in, its room and group, if she (or the display) may be in it
    now; a moment's sockets in a few statements, not a few each."""
    people = [(user.pk, meeting_id) for meeting_id, user, token in asks
              if token is None and user is not None and user.is_authenticated]
    entries = dict(zip(people, room_entries(people), strict=True))
    # A leader's room is behind her second factor, as her pages are (front/middleware.py).
    leading = {user_id for (user_id, _m), entry in entries.items()
               if entry is not None and entry.role in LEADING_ROLES}
    without_factor = (leading - users_with_second_factor(leading)
                      if settings.TWO_FACTOR_REQUIRED and leading else set())
    answers: list[tuple[int, int] | None] = []
    for meeting_id, user, token in asks:
        if token is not None:
            row = Room.objects.filter(meeting_id=meeting_id, display_token=token).values_list(
                "pk", "meeting__group_id").first() if token else None
            answers.append((int(row[0]), int(row[1])) if row is not None else None)
            continue
        entry = (entries.get((user.pk, meeting_id))
                 if user is not None and user.is_authenticated else None)
        answers.append((entry.room_id, entry.group_id)
                       if entry is not None and user.pk not in without_factor else None)
    return answers


def _snapshot_text(ask: tuple[int, int | None]) -> tuple[str, int, str | None]:
    room_id, user_id = ask
    room = Room.objects.select_related("meeting").get(pk=room_id)
    built = state_at(room_id=room.pk, version=room.version,
                     display_token=room.display_token, group_id=room.meeting.group_id,
                     format_key=room.meeting.format_key, rows_version=room.rows_version)
    kind = built.view_kind(user_id)
    text = built.texts(server_time=time.time())[kind] if kind is not None else ""
    return text, built.version, kind


def _acts(acts: list[services.Act]) -> list[list[Broadcast] | Exception]:
    """The actions of a moment in one transaction (services.rooms_act); each gets the
    broadcast of its own change (none if it changed nothing), or its refusal."""
    with broadcasts_held() as held:
        results = services.rooms_act(acts)
    made = {(message["room"], message["version"]): (group, message) for group, message in held}
    answers: list[list[Broadcast] | Exception] = []
    for result in results:
        if isinstance(result, Exception):
            answers.append(result)
            continue
        # The first to have made this version of the room sends it; an action after it
        # that changed nothing sends nothing.
        broadcast = made.pop((result.room_id, result.version), None)
        answers.append([broadcast] if broadcast is not None else [])
    return answers


def _sockets_apply(changes: list[SocketChange]) -> list[list[Broadcast]]:
    """The batch's broadcasts go to the first change's caller, who sends them."""
    with broadcasts_held() as held:
        connections_apply(changes)
    return [held] + [[] for _change in changes[1:]]


def _versions(room_ids: list[int]) -> list[int | None]:
    found = room_versions(room_ids)
    return [found.get(room_id) for room_id in room_ids]


# A moment's actions go to the database in transactions of at most this many: the states
# of the first are on their way to the sockets while the next are written (bench/run.py:
# with all of a burst of 100 in one, every page waited for the last of them).
ACTIONS_TOGETHER = 16

# What is cheaper done together: sockets opening and closing (one new state per room, not
# per socket, after a restart), who may open them (one crossing to the database thread
# for a moment's handshakes), and the versions a moment's pings ask for.
_ADMISSIONS: HopQueue[Ask, tuple[int, int] | None] = HopQueue(_admissions)
_ACTIONS: HopQueue[services.Act, list[Broadcast]] = HopQueue(_acts, most=ACTIONS_TOGETHER)
_SOCKETS: HopQueue[SocketChange, list[Broadcast]] = HopQueue(_sockets_apply)
_VERSIONS: HopQueue[int, int | None] = HopQueue(_versions)
_socket_numbers = itertools.count(1)


class RoomConsumer(AsyncWebsocketConsumer):
    # No channel of its own: the process's hub (hub.py) subscribes once per room and hands
    # this socket its room's messages. Channels gives a consumer no channel when its
    # layer alias names no layer.
    channel_layer_alias = "balintroom.live.no-layer-per-socket"

    room_id: int
    meeting_id: int
    group_id: int
    # The group's own people, whom a case label may name without a warning: read when
    # she first sends a label, not by every socket that opens.
    known_names: list[str] | None = None
    served: str = ""
    socket_name: str = ""
    user: Any
    user_id: int | None = None
    language: str = settings.LANGUAGE_CODE
    is_display: bool = False
    display_token: str = ""
    # Her sign-in (live/broadcast.session_mark): when it ends, this socket closes.
    session: str = ""
    last_version: int = 0
    in_leaders_group: bool = False
    joined: bool = False
    allowance: float = MESSAGES_BURST
    allowance_at: float = 0.0

    async def connect(self) -> None:
        kwargs = self.scope["url_route"]["kwargs"]
        self.meeting_id = int(kwargs["meeting_id"])
        token = (display_key(self.scope.get("cookies", {}), self.meeting_id)
                 if kwargs.get("display") else None)
        self.is_display = token is not None
        self.display_token = token or ""
        self.user = None if self.is_display else self.scope.get("user")
        session = self.scope.get("session")
        key = getattr(session, "session_key", None) if not self.is_display else None
        self.session = session_mark(key) if key else ""
        admitted: tuple[int, int] | None = None
        if 0 < self.meeting_id < ID_MAX:
            admitted = await _ADMISSIONS.submit((self.meeting_id, self.user, token))
        if admitted is None:
            # Refusing before accept answers the handshake with 403.
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.room_id, self.group_id = admitted
        # Read on every room state: plain values, not the lazy user object each time.
        self.user_id = None if self.is_display else self.user.pk
        self.language = self._language()
        self.allowance_at = time.monotonic()
        # Hearing the room before its state is read: no change can fall in between.
        await hub().join(self.room_id, self)
        self.joined = True
        await self.accept()
        if self.is_display:
            await self.send_snapshot()
            return
        # Her arrival is a new state of the room, which she gets with everyone in it; the
        # sockets opening at the same moment (a room's pages after a restart) are written
        # with hers, and make one state.
        self.socket_name = f"{this_process().key}.{next(_socket_numbers)}"
        try:
            await self._sockets_changed(SocketOpened(
                room_id=self.room_id, user_id=self.user.pk, name=self.socket_name))
        except Exception as exc:  # noqa: BLE001 - she still gets the room as it stands
            log.error("arrival not recorded: %s", type(exc).__name__)
            await self.send_snapshot()

    async def dispatch(self, message: dict[str, Any]) -> None:
        """As Channels' own, without its hop to the database thread before every message
        (to close stale connections): this consumer reaches the database only through
        its hop queues, which close them themselves."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def disconnect(self, code: int) -> None:
        if not self.joined:
            return
        self.joined = False
        await hub().leave(self.room_id, self)
        if self.socket_name:
            with contextlib.suppress(Exception):
                # The others learn she left from the next state, or their pings.
                await self._sockets_changed(SocketClosed(name=self.socket_name))

    async def _sockets_changed(self, change: SocketChange) -> None:
        await self._pass_on(await _SOCKETS.submit(change))

    async def send_snapshot(self) -> None:
        text, version, kind = await in_database_thread(_snapshot_text, (self.room_id, self.user_id))
        if kind is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.last_version = max(self.last_version, version)
        self.in_leaders_group = kind == "leader"
        await self.send(text_data=text)

    async def resync(self) -> None:
        with contextlib.suppress(Exception):  # a socket closing meanwhile
            await self.send_snapshot()

    async def room_state(self, event: dict[str, Any]) -> None:
        if self.is_display and event["display_token"] != self.display_token:
            await self.close(code=CLOSE_DISPLAY_RENEWED)
            return
        kind = view_kind(self.user_id, members=event["members"], leaders=event["leaders"],
                         outside=event["outside"])
        if kind is None:
            # Removed from the group, or asked to accept its changed agreement first.
            self.in_leaders_group = False
            await self.close(code=event_close_code(event, self.user_id))
            return
        # Messages can overtake each other across processes; never send an older state.
        if event["version"] <= self.last_version:
            return
        self.last_version = event["version"]
        # Leaders (and only they) hear the leaders' private channel.
        self.in_leaders_group = kind == "leader"
        await self.send(text_data=event["texts"][kind])

    async def session_ended(self, event: dict[str, Any]) -> None:
        if self.session and event["session"] == self.session:
            await self.close(code=CLOSE_SIGNED_OUT)

    async def review_tally(self, event: dict[str, Any]) -> None:
        """A round's review has another answer: the page fetches the summary again."""
        await self.send(text_data=json.dumps({
            "type": "review", "round": event["round"], "answered": event["answered"],
            "shown": event["shown"]}))

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
            if not self._within_budget():
                await self.error("too_fast", _("Too many messages at once. Wait a moment."))
                return
            try:
                await self._receive(text_data, bytes_data)
            except Exception as exc:  # noqa: BLE001 - the socket must outlive any one message
                # The exception's text can quote what was sent (a case label): log its
                # kind and where it happened, never its message.
                log.error("room message failed: %s\n%s", type(exc).__name__,
                          "".join(traceback.format_tb(exc.__traceback__)))
                await self.error("server_error", _(
                    "Something went wrong on our side; nothing was changed. Try again."))

    def _within_budget(self) -> bool:
        """A token bucket: MESSAGES_PER_SECOND, up to MESSAGES_BURST at once."""
        now = time.monotonic()
        self.allowance = min(MESSAGES_BURST,
                             self.allowance + (now - self.allowance_at) * MESSAGES_PER_SECOND)
        self.allowance_at = now
        if self.allowance < 1:
            return False
        self.allowance -= 1
        return True

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
        if len(text_data.encode("utf-8", "surrogatepass")) > settings.WS_MAX_MESSAGE_BYTES:
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
            await self._pong(message.get("id"))
            return
        if name == "snapshot":
            await self.send_snapshot()
            return
        if name == "leader_message" and not self.is_display:
            await self._relay_leader_message(message)
            return
        if self.known_names is None and message.get("label") and not self.is_display:
            self.known_names, self.served = await in_database_thread(label_check_of,
                                                                     self.group_id)
        try:
            request = request_parse(message, known_names=self.known_names or (),
                                    served=self.served)
            broadcasts = await _ACTIONS.submit(services.Act(
                self.meeting_id, self.user, request.action, request.args,
                request.expected_version))
        except MayIdentify as exc:
            await self.error("may_identify", _(exc.message), action=name,
                             findings=exc.findings, label=exc.label)
        except StaleVersion as exc:
            await self.error("stale", _(exc.message))
            await self.send_snapshot()
        except BadRequest as exc:
            code = "unknown_action" if exc.message == _("Unknown action.") else "refused"
            await self.error(code, _(exc.message), action=name)
        except RoundError as exc:
            # method/ only marks its messages; they are translated here, for this person.
            await self.error("refused", _(exc.message), action=name)
        else:
            await self._pass_on(broadcasts)

    async def _pass_on(self, broadcasts: list[Broadcast]) -> None:
        """Send the room the states a change made. The change is stored by now, and this
        process's sockets have it; if the channel layer cannot take it to the others
        (Redis away), their pages see they are behind at their next ping, and ask."""
        try:
            await hub().publish(broadcasts)
        except Exception as exc:  # noqa: BLE001 - any failure of the layer
            log.error("room state not sent to the other processes: %s", type(exc).__name__)

    async def _pong(self, ping_id: Any) -> None:
        """The pong carries the room's version: a page that missed a broadcast (the
        channel layer delivers at most once) sees it is behind and asks again."""
        version = await _VERSIONS.submit(self.room_id)
        if not isinstance(ping_id, int | str | None) or isinstance(ping_id, bool):
            ping_id = None
        await self.send(text_data=json.dumps(
            {"type": "pong", "id": ping_id, "server_time": time.time(), "version": version}))

    async def _relay_leader_message(self, message: dict[str, Any]) -> None:
        """The leaders' private channel: passed from leader to leader, stored nowhere."""
        text = message.get("text")
        if not isinstance(text, str) or not text.strip() or len(text) > LEADER_MESSAGE_MAX \
                or not storable(text.replace("\n", " ")):
            await self.error("refused", _("Write a short message (at most %(max)s characters).")
                             % {"max": LEADER_MESSAGE_MAX})
            return
        if not await in_database_thread(_still_leads, (self.group_id, self.user)):
            await self.error("refused", _("Only the leader or co-leader can do that."))
            return
        await hub().publish([(room_group_name(self.room_id), {
            "type": "leader.message", "room": self.room_id, "from": self.user.name,
            "from_id": self.user.pk, "text": text.strip(), "at": time.time(),
        })])


def event_close_code(event: dict[str, Any], user_id: int | None) -> int:
    """Why someone no longer in the room is sent away (the page says it)."""
    return CLOSE_AGREEMENT if user_id in event.get("unagreed", ()) else CLOSE_FORBIDDEN


def _still_leads(ask: tuple[int, Any]) -> bool:
    group_id, user = ask
    return room_circle(group_id).filter(user=user, role__in=list(LEADING_ROLES)).exists()
