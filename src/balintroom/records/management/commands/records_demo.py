"""A demo group with a record: past meetings (some in the live room, some in person),
their attendance confirmed but for the last one, a meeting ahead with a notice of absence,
and an organisation with a coordinator. For trying the records pages and for the browser
tests; never run it against a database that holds real people (it prints passwords)."""

import json
import secrets
from datetime import timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.groups.models import BalintGroup, Meeting, MeetingSetting, Membership, Setting
from balintroom.groups.services import meeting_schedule
from balintroom.live.models import Connection, Room, StepOut
from balintroom.method.roles import Role
from balintroom.records import services
from balintroom.records.models import Organisation, OrganisationGroup

PEOPLE = [
    (Role.LEADER, "leader", "Dr. Lena Leader"),
    (Role.CO_LEADER, "coleader", "Dr. Carl Co-Leader"),
    (Role.MEMBER, "anna", "Anna Weber"),
    (Role.MEMBER, "ben", "Ben Müller"),
    (Role.MEMBER, "clara", "Clara Nowak"),
    (Role.MEMBER, "david", "David Łukasiewicz"),
]


def _account(handle: str, name: str, tag: str) -> tuple[User, str, str]:
    email = f"{handle}{'-' + tag if tag else ''}@records.balintroom.example"
    user = User.objects.filter(email=email).first() or User(email=email)
    # The demo's names are full names: certificates can be made for everyone at once.
    user.display_name = user.legal_name = name
    password = "-".join(secrets.token_urlsafe(4) for _ in range(3))
    user.set_password(password)
    user.save()
    EmailAddress.objects.update_or_create(user=user, email=email,
                                          defaults={"verified": True, "primary": True})
    return user, email, password


class Command(BaseCommand):
    help = "Create a demo group with past meetings and attendance; print it (--json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tag", default="", help="makes the accounts' addresses unique")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        result = _create(options["tag"])
        if options["json"]:
            self.stdout.write(json.dumps(result))
            return
        self.stdout.write(f"Group {result['group']}; meeting to confirm: "
                          f"{result['unconfirmed_meeting']}")
        for account in result["accounts"]:
            self.stdout.write(f"  {account['role']:<12} {account['email']:<44} "
                              f"{account['password']}")


@transaction.atomic
def _create(tag: str) -> dict[str, Any]:
    group = BalintGroup.objects.create(
        name=f"Records demo {secrets.token_hex(2)}", setting=Setting.MIXED,
        description="A demo group with a record of attendance.")
    accounts, users = [], {}
    joined = timezone.now() - timedelta(days=200)
    for role, handle, name in PEOPLE:
        user, email, password = _account(handle, name, tag)
        Membership.objects.create(group=group, user=user, role=role, agreed_at=joined,
                                  joined_at=joined)
        accounts.append({"role": role.value, "email": email, "password": password})
        users[handle] = user
    coordinator, email, password = _account("coordinator", "Cora Coordinator", tag)
    accounts.append({"role": "coordinator", "email": email, "password": password})
    organisation = Organisation.objects.create(name=f"Demo training programme {tag}".strip())
    organisation.coordinators.add(coordinator)
    OrganisationGroup.objects.create(organisation=organisation, group=group,
                                     added_by=users["leader"])

    now = timezone.now().replace(second=0, microsecond=0)
    plan = [  # days ago, setting
        (120, MeetingSetting.IN_PERSON), (90, MeetingSetting.ONLINE),
        (60, MeetingSetting.ONLINE), (30, MeetingSetting.IN_PERSON),
        (2, MeetingSetting.ONLINE),
    ]
    meetings = []
    for days, setting in plan:
        meeting = meeting_schedule(group=group, starts_at=now - timedelta(days=days),
                                   duration_minutes=90, setting=setting,
                                   format_key="double_hour")
        meetings.append(meeting)
        if setting == MeetingSetting.ONLINE:
            _room_visits(meeting, users)
    # Ben tells the leaders he cannot come next week.
    ahead = meeting_schedule(group=group, starts_at=now + timedelta(days=7),
                             duration_minutes=90, setting=MeetingSetting.IN_PERSON,
                             format_key="double_hour")
    services.absence_notice_give(meeting=ahead, user=users["ben"], note="On call that night")
    for meeting in meetings[:-1]:
        roll_call = {u.pk: "present" for u in users.values()}
        roll_call[users["david"].pk] = "absent"
        services.attendance_confirm(meeting=meeting, by=users["leader"], roll_call=roll_call)
    return {
        "group": group.pk,
        "organisation": organisation.pk,
        "unconfirmed_meeting": meetings[-1].pk,
        "meeting_ahead": ahead.pk,
        "people": {handle: user.pk for handle, user in users.items()},
        "accounts": accounts,
    }


def _room_visits(meeting: Meeting, users: dict[str, User]) -> None:
    """Everyone but Clara and David in the live room; Anna leaves after an hour, Ben steps
    out for ten minutes under the Lindauer rule."""
    # A record of who was there, written as history (the room of a past meeting).
    room = Room.objects.get(meeting=meeting)
    start, end = meeting.starts_at, meeting.ends_at
    for handle in ("leader", "coleader", "anna", "ben"):
        leaves = start + timedelta(minutes=60) if handle == "anna" else end
        Connection.objects.create(room=room, user=users[handle],
                                  channel_name=f"demo.{meeting.pk}.{handle}",
                                  opened_at=start - timedelta(minutes=2), last_seen=leaves,
                                  closed_at=leaves)
    StepOut.objects.create(room=room, user=users["ben"],
                           signalled_at=start + timedelta(minutes=20),
                           stepped_out_at=start + timedelta(minutes=20),
                           returned_at=start + timedelta(minutes=30))
