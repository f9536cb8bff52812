"""A demo group for trying a round in several browser windows."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.groups.models import BalintGroup, Meeting, MeetingSetting, Membership, Setting
from balintroom.live.models import Round
from balintroom.live.services import room_for_meeting
from balintroom.method.agenda import MEETING_FORMATS
from balintroom.method.formats import PartKind
from balintroom.method.roles import Role
from balintroom.method.round import Status

DEMO_PEOPLE = [
    (Role.LEADER, "leader", "Dr. Lena Leader", "General practitioner"),
    (Role.CO_LEADER, "coleader", "Dr. Carl Co-Leader", "Psychotherapist"),
    (Role.MEMBER, "anna", "Anna", "Nurse"),
    (Role.MEMBER, "ben", "Ben", "General practitioner"),
    (Role.MEMBER, "clara", "Clara", "Social worker"),
    (Role.MEMBER, "david", "David", "Paediatrician"),
]


@dataclass
class Demo:
    group: BalintGroup
    meeting: Meeting
    display_token: str
    accounts: list[tuple[str, str, str]]


def _password() -> str:
    return "-".join(secrets.token_urlsafe(4) for _ in range(3))


@transaction.atomic
def demo_create(*, tag: str = "", format_key: str = "double_hour") -> Demo:
    """A new group each time, with fresh passwords for the six demo accounts."""
    suffix = secrets.token_hex(2)
    group = BalintGroup.objects.create(
        name=f"Demo Balint group {suffix}", setting=Setting.MIXED,
        description="A demo group to try a Balint round.",
    )
    accounts = []
    for role, handle, name, profession in DEMO_PEOPLE:
        email = f"{handle}{'-' + tag if tag else ''}@demo.balintroom.example"
        user = User.objects.filter(email=email).first() or User(email=email)
        user.display_name = name
        user.profession = profession
        password = _password()
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        Membership.objects.create(group=group, user=user, role=role, agreed_at=timezone.now())
        accounts.append((role.value, email, password))
        if handle == "ben":
            ben = user
    _earlier_meeting(group, presenter=ben)
    meeting = Meeting.objects.create(
        group=group, starts_at=timezone.now(),
        duration_minutes=MEETING_FORMATS[format_key].minutes,
        setting=MeetingSetting.ONLINE, format_key=format_key,
    )
    room = room_for_meeting(meeting)
    return Demo(group=group, meeting=meeting, display_token=room.display_token, accounts=accounts)


def _earlier_meeting(group: BalintGroup, *, presenter: User) -> None:
    """A meeting two weeks ago where Ben presented "the night call", to follow up today."""
    starts_at = timezone.now() - timedelta(days=14)
    earlier = Meeting.objects.create(group=group, starts_at=starts_at, duration_minutes=45,
                                     setting=MeetingSetting.ONLINE, format_key="classic")
    room = room_for_meeting(earlier)
    Round.objects.create(room=room, number=1, kind=PartKind.ROUND, presenter=presenter,
                         label="the night call", status=Status.ENDED, phase_index=4,
                         started_at=starts_at, ended_at=starts_at + timedelta(minutes=45))
    room.part_index = 1
    room.save(update_fields=["part_index"])
