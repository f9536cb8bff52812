"""The cast of every test: a group led by Lena (leader) and Carl (co-leader) with four
members, and Olga, who leads a group of her own and must see nothing of Lena's."""

from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.groups.models import BalintGroup, Meeting, Membership
from balintroom.groups.services import meeting_schedule, prompt_cards_ensure
from balintroom.method.roles import Role

# Every session checks that it left the machine's Redis and PostgreSQL running.
pytest_plugins = ["tests.support.guard"]

PASSWORD = "a-long-test-password-42"


def make_user(email: str, name: str = "") -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, display_name=name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@dataclass
class Cast:
    group: BalintGroup
    leader: User
    coleader: User
    members: list[User]
    outsider: User
    other_group: BalintGroup
    meeting: Meeting

    @property
    def member(self) -> User:
        return self.members[0]


@pytest.fixture
def cast(db: None) -> Cast:
    return make_cast()


def make_cast(tag: str = "") -> Cast:
    """The cast, in groups of their own; `tag` makes their addresses unique, for a test
    that needs several casts."""
    def address(name: str) -> str:
        return f"{name}{'.' + tag if tag else ''}@example.org"

    group = BalintGroup.objects.create(name="Tuesday GPs", setting="online")
    leader = make_user(address("lena"), "Lena")
    coleader = make_user(address("carl"), "Carl")
    now = timezone.now()
    Membership.objects.create(group=group, user=leader, role=Role.LEADER, agreed_at=now)
    Membership.objects.create(group=group, user=coleader, role=Role.CO_LEADER, agreed_at=now)
    members = []
    for name in ("Anna", "Ben", "Clara", "David"):
        user = make_user(address(name.lower()), name)
        Membership.objects.create(group=group, user=user, role=Role.MEMBER, agreed_at=now)
        members.append(user)
    other_group = BalintGroup.objects.create(name="Olga's group", setting="in_person")
    prompt_cards_ensure(other_group)
    outsider = make_user(address("olga"), "Olga")
    Membership.objects.create(group=other_group, user=outsider, role=Role.LEADER,
                              agreed_at=now)
    prompt_cards_ensure(group)  # as group_create gives them
    meeting = meeting_schedule(group=group, starts_at=timezone.now(), duration_minutes=90,
                               setting="online", format_key="classic")
    return Cast(group=group, leader=leader, coleader=coleader, members=members,
                outsider=outsider, other_group=other_group, meeting=meeting)
