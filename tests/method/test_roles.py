"""Roles in a group and the advice on its size (4 to 8 members besides the leaders)."""

import pytest

from balintroom.method.roles import (
    LEADING_ROLES,
    RECOMMENDED_MEMBERS,
    ROLE_LABELS,
    Role,
    group_size_advice,
    leads,
    may_change_role,
    may_remove,
)


def test_it_knows_leader_co_leader_and_member():
    assert [role.value for role in Role] == ["leader", "co_leader", "member"]


def test_it_labels_every_role_for_a_person():
    assert set(ROLE_LABELS) == set(Role)
    assert ROLE_LABELS == {
        Role.LEADER: "Leader",
        Role.CO_LEADER: "Co-leader",
        Role.MEMBER: "Member",
    }


def test_it_lets_leader_and_co_leader_lead():
    assert {Role.LEADER, Role.CO_LEADER} == LEADING_ROLES


@pytest.mark.parametrize("role", [Role.LEADER, Role.CO_LEADER, "leader", "co_leader"])
def test_it_says_leaders_lead(role):
    assert leads(role) is True


@pytest.mark.parametrize(
    "role", [Role.MEMBER, "member", None, "", "presenter", "LEADER", "co-leader", "display"]
)
def test_it_says_members_and_outsiders_do_not_lead(role):
    assert leads(role) is False


def test_it_recommends_four_to_eight_members():
    assert RECOMMENDED_MEMBERS == (4, 8)


@pytest.mark.parametrize("count", range(4, 9))
def test_it_gives_no_advice_for_four_to_eight_members(count):
    assert group_size_advice(count) is None


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_it_advises_a_group_with_fewer_than_four_members(count):
    advice = group_size_advice(count)
    assert advice
    assert "4 to 8 members" in advice
    assert "fewer" in advice


@pytest.mark.parametrize("count", [9, 10, 12, 30])
def test_it_advises_a_group_with_more_than_eight_members(count):
    advice = group_size_advice(count)
    assert advice
    assert "4 to 8 members" in advice
    assert "more" in advice


ALL = list(Role)


@pytest.mark.parametrize("target", ALL)
@pytest.mark.parametrize("new", ALL)
def test_it_lets_the_leader_give_any_role(target, new):
    assert may_change_role(actor=Role.LEADER, target=target, new=new)


@pytest.mark.parametrize("target", ALL)
@pytest.mark.parametrize("new", ALL)
def test_it_lets_no_member_change_roles(target, new):
    assert not may_change_role(actor=Role.MEMBER, target=target, new=new)


def test_it_lets_a_co_leader_make_no_leader_and_touch_no_leader():
    allowed = {(target, new) for target in ALL for new in ALL
               if may_change_role(actor=Role.CO_LEADER, target=target, new=new)}
    assert allowed == {(Role.CO_LEADER, Role.CO_LEADER), (Role.CO_LEADER, Role.MEMBER),
                       (Role.MEMBER, Role.CO_LEADER), (Role.MEMBER, Role.MEMBER)}


def test_it_lets_a_co_leader_remove_members_and_co_leaders_but_not_a_leader():
    assert may_remove(actor=Role.CO_LEADER, target=Role.MEMBER)
    assert may_remove(actor=Role.CO_LEADER, target=Role.CO_LEADER)
    assert not may_remove(actor=Role.CO_LEADER, target=Role.LEADER)
    assert all(may_remove(actor=Role.LEADER, target=target) for target in ALL)
    assert not any(may_remove(actor=Role.MEMBER, target=target) for target in ALL)
