from enum import StrEnum

from .text import _


class Role(StrEnum):
    LEADER = "leader"
    CO_LEADER = "co_leader"
    MEMBER = "member"


ROLE_LABELS = {
    Role.LEADER: _("Leader"),
    Role.CO_LEADER: _("Co-leader"),
    Role.MEMBER: _("Member"),
}

def role_label(value: str) -> str:
    """The role as a person reads it, in the language active now ("" if unknown)."""
    try:
        return str(ROLE_LABELS[Role(value)])
    except ValueError:
        return ""


LEADING_ROLES = frozenset({Role.LEADER, Role.CO_LEADER})


def leads(role: Role | str | None) -> bool:
    return role in LEADING_ROLES


# The method names 4 to 8 members besides the leaders; outside that the
# group page warns and still allows it.
RECOMMENDED_MEMBERS = (4, 8)


def group_size_advice(member_count: int) -> str | None:
    low, high = RECOMMENDED_MEMBERS
    if member_count < low:
        return _("A Balint group works best with 4 to 8 members; this group has fewer.")
    if member_count > high:
        return _("A Balint group works best with 4 to 8 members; this group has more.")
    return None


# Who may change whose role. The leader holds the group: a co-leader shares the leading
# of the meetings but cannot make leaders, nor change or remove a leader - else she could
# make herself leader and remove the one who founded the group.


def may_change_role(*, actor: Role | str, target: Role | str, new: Role | str) -> bool:
    if not leads(actor):
        return False
    if actor == Role.LEADER:
        return True
    return target != Role.LEADER and new != Role.LEADER


def may_remove(*, actor: Role | str, target: Role | str) -> bool:
    return actor == Role.LEADER or (actor == Role.CO_LEADER and target != Role.LEADER)
