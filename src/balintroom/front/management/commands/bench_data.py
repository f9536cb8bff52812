"""Benchmark data: N groups of eight (a leader, a co-leader, six members), each with a
meeting whose round has started, and a signed-in session for every account.

For `make bench` only. It prints session cookies, which no other command does: never run
it against a database that holds real people.
"""

import json
import secrets
from datetime import timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.groups.models import BalintGroup, MeetingSetting, Membership, Setting
from balintroom.groups.services import meeting_schedule
from balintroom.live import services
from balintroom.live.models import Room
from balintroom.method.roles import Role
from balintroom.method.room import Args
from balintroom.method.round import Action

ROLES = [Role.LEADER, Role.CO_LEADER] + [Role.MEMBER] * 6
SESSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


class Command(BaseCommand):
    help = "Create benchmark groups with running rounds; print them and session cookies as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--groups", type=int, default=10)
        parser.add_argument("--tag", default=secrets.token_hex(3),
                            help="makes the accounts' addresses unique")
        parser.add_argument("--output", help="write the JSON to this file, not stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        count, tag = options["groups"], options["tag"]
        if not 1 <= count <= 5000:
            raise ValueError("--groups must be between 1 and 5000")
        password = secrets.token_urlsafe(12)
        # One hash for all: hashing 8 x N passwords one by one would take minutes.
        hashed = make_password(password)
        groups = _create(count, tag, hashed)
        result = {"password": password, "session_cookie": settings.SESSION_COOKIE_NAME,
                  "groups": groups}
        text = json.dumps(result)
        if options["output"]:
            with open(options["output"], "w") as f:
                f.write(text)
        else:
            self.stdout.write(text)


def _create(count: int, tag: str, hashed: str) -> list[dict[str, Any]]:
    now = timezone.now()
    with transaction.atomic():
        groups = BalintGroup.objects.bulk_create([
            BalintGroup(name=f"Bench group {tag} {i}", setting=Setting.ONLINE)
            for i in range(count)
        ])
        users = User.objects.bulk_create([
            User(email=f"bench-{tag}-{i}-{j}@bench.balintroom.example",
                 display_name=f"Person {i}.{j}", password=hashed)
            for i in range(count) for j in range(len(ROLES))
        ])
        EmailAddress.objects.bulk_create([
            EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
        ])
        Membership.objects.bulk_create([
            Membership(group=groups[k // len(ROLES)], user=u, role=ROLES[k % len(ROLES)],
                       agreed_at=now)
            for k, u in enumerate(users)
        ])
        meetings = [
            # The classic format: one round of five phases.
            meeting_schedule(group=g, starts_at=now, duration_minutes=90,
                             setting=MeetingSetting.ONLINE, format_key="classic")
            for g in groups
        ]
        cookies = _sessions(users)
    out = []
    for i, (group, meeting) in enumerate(zip(groups, meetings, strict=True)):
        members = users[i * len(ROLES):(i + 1) * len(ROLES)]
        leader, presenter = members[0], members[2]
        version = Room.objects.get(meeting=meeting).version
        version = services.room_act(meeting_id=meeting.pk, by=leader,
                                    action=Action.CHOOSE_PRESENTER, args=Args(user=presenter.pk),
                                    expected_version=version)
        version = services.room_act(meeting_id=meeting.pk, by=leader, action=Action.START,
                                    expected_version=version)
        out.append({
            "group": group.pk, "meeting": meeting.pk, "version": version,
            "members": [{"user": u.pk, "email": u.email, "role": ROLES[j].value,
                         "session": cookies[u.pk]} for j, u in enumerate(members)],
        })
    return out


def _sessions(users: list[User]) -> dict[int, str]:
    """A signed-in session per account, as the login form would leave it."""
    store = SessionStore()
    expires = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    rows, keys = [], {}
    for user in users:
        key = secrets.token_hex(16)
        data = {SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: SESSION_BACKEND,
                HASH_SESSION_KEY: user.get_session_auth_hash()}
        rows.append(Session(session_key=key, session_data=store.encode(data),
                            expire_date=expires))
        keys[user.pk] = key
    Session.objects.bulk_create(rows)
    return keys
