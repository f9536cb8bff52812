"""Who opens a socket, found for all the sockets opening at one moment together.

Channels' AuthMiddleware finds each socket's person on its own: a crossing to a database
thread, the session read, the user read - one after another for the four thousand pages
that reconnect after a restart. This reads the sessions of all the sockets opening at the
moment in one query and their people in another, through the sockets' database thread
(core/hops.py), with Django's own checks: the session not expired, its backend known,
the account active, and the session's hash still the account's (a changed password
signs every other device out)."""

from importlib import import_module
from typing import Any

from channels.middleware import BaseMiddleware
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from balintroom.core.hops import HopQueue

from .models import User

# Only the database session store is read directly; with another, Channels' own way.
DATABASE_SESSIONS = "django.contrib.sessions.backends.db"


def _hash_holds(user: User, session_hash: str | None) -> bool:
    if not session_hash:
        return False
    return constant_time_compare(session_hash, user.get_session_auth_hash()) or any(
        constant_time_compare(session_hash, fallback)
        for fallback in user.get_session_auth_fallback_hash())


def people_of_sessions(keys: list[str]) -> list[User | AnonymousUser]:
    """For each session key, its signed-in person, or an anonymous one."""
    rows = Session.objects.filter(session_key__in=set(keys), expire_date__gt=timezone.now())
    store = SessionStore()
    signed_in: dict[str, tuple[int, str | None]] = {}
    for key, data in rows.values_list("session_key", "session_data"):
        values = store.decode(data)
        try:
            user_id = int(values[SESSION_KEY])
        except (KeyError, TypeError, ValueError):
            continue
        if values.get(BACKEND_SESSION_KEY) in settings.AUTHENTICATION_BACKENDS:
            signed_in[key] = (user_id, values.get(HASH_SESSION_KEY))
    users = User.objects.in_bulk({user_id for user_id, _hash in signed_in.values()})
    people: list[User | AnonymousUser] = []
    for key in keys:
        user_id, session_hash = signed_in.get(key, (0, None))
        user = users.get(user_id)
        people.append(user if user is not None and user.is_active
                      and _hash_holds(user, session_hash) else AnonymousUser())
    return people


_PEOPLE: HopQueue[str, User | AnonymousUser] = HopQueue(people_of_sessions)


class SocketSessionMiddleware:
    """In place of Channels' SessionMiddleware (under its CookieMiddleware): the socket's
    session, to read. A socket never writes its session, so nothing needs to wrap every
    message it sends to save it, as Channels' wrapper does (a twentieth of the server's
    time in a burst of room changes: bench/run.py with BENCH_PROFILE=1)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        # Made without reading it: the session is read only if asked (a socket with
        # another session engine than the database's, in SocketAuthMiddleware).
        store = import_module(settings.SESSION_ENGINE).SessionStore
        key = scope.get("cookies", {}).get(settings.SESSION_COOKIE_NAME)
        return await self.inner({**scope, "session": store(key)}, receive, send)


class SocketAuthMiddleware(BaseMiddleware):
    """In place of Channels' AuthMiddleware (under SocketSessionMiddleware)."""

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        scope = dict(scope)
        key = scope.get("cookies", {}).get(settings.SESSION_COOKIE_NAME, "")
        if settings.SESSION_ENGINE != DATABASE_SESSIONS:
            from channels.auth import get_user

            scope["user"] = await get_user(scope)
        else:
            scope["user"] = await _PEOPLE.submit(key) if key else AnonymousUser()
        return await super().__call__(scope, receive, send)
