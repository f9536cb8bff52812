"""A demo group for trying a round in several browser windows."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.groups.models import BalintGroup, Meeting, MeetingSetting, Membership, Setting
from balintroom.groups.services import meeting_schedule, prompt_cards_ensure
from balintroom.live.models import Room
from balintroom.live.services import room_act
from balintroom.method.agenda import MEETING_FORMATS
from balintroom.method.roles import Role
from balintroom.method.room import Args
from balintroom.method.round import Action

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
    prompt_cards_ensure(group)
    accounts = []
    people = {}
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
        people[handle] = user
    _earlier_meeting(group, leader=people["leader"], presenter=people["ben"])
    meeting = meeting_schedule(
        group=group, starts_at=timezone.now(),
        duration_minutes=MEETING_FORMATS[format_key].minutes,
        setting=MeetingSetting.ONLINE, format_key=format_key,
    )
    token = Room.objects.filter(meeting=meeting).values_list("display_token", flat=True).get()
    return Demo(group=group, meeting=meeting, display_token=token, accounts=accounts)


def _earlier_meeting(group: BalintGroup, *, leader: User, presenter: User) -> Meeting:
    """A meeting two weeks ago where Ben presented "the night call", to follow up today:
    its round run through the room as the leader would have run it."""
    earlier = meeting_schedule(group=group, starts_at=timezone.now() - timedelta(days=14),
                               duration_minutes=45, setting=MeetingSetting.ONLINE,
                               format_key="classic")
    room_act(meeting_id=earlier.pk, by=presenter, action=Action.VOLUNTEER,
             args=Args(label="the night call"))
    version = room_act(meeting_id=earlier.pk, by=leader, action=Action.CHOOSE_PRESENTER,
                       args=Args(user=presenter.pk),
                       expected_version=Room.objects.get(meeting=earlier).version)
    version = room_act(meeting_id=earlier.pk, by=leader, action=Action.START,
                       expected_version=version)
    room_act(meeting_id=earlier.pk, by=leader, action=Action.END, expected_version=version)
    return earlier
