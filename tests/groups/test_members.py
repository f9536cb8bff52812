import pytest
from django.test import Client

from balintroom.groups.models import Membership
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, password_given, text

LAST_LEADER = "A group always keeps at least one leader"


def membership(cast: Cast, user) -> Membership:
    return Membership.objects.get(group=cast.group, user=user)


def role_url(cast: Cast, user) -> str:
    return f"/groups/{cast.group.pk}/members/{membership(cast, user).pk}/role/"


def remove_url(cast: Cast, user) -> str:
    return f"/groups/{cast.group.pk}/members/{membership(cast, user).pk}/remove/"


def leave_url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/leave/"


def roles(cast: Cast) -> dict[str, str]:
    return {m.user.email: m.role for m in Membership.objects.filter(group=cast.group)}


# Changing a role


def test_it_changes_a_role(client: Client, cast: Cast) -> None:
    password_given(client, cast.leader)
    response = client.post(role_url(cast, cast.member), {"role": "co_leader"}, follow=True)
    assert membership(cast, cast.member).role == "co_leader"
    assert "The role of Anna is now: Co-leader." in text(response)


ONLY_LEADER = "Only the group&#x27;s leader"


def test_it_lets_the_coleader_make_a_member_co_leader(client: Client, cast: Cast) -> None:
    password_given(client, cast.coleader)
    client.post(role_url(cast, cast.member), {"role": "co_leader"})
    assert membership(cast, cast.member).role == "co_leader"


@pytest.mark.parametrize("target,role", [("member", "leader"), ("coleader", "leader"),
                                         ("leader", "member"), ("leader", "co_leader")])
def test_it_lets_only_the_leader_make_leaders_or_change_one(
        client: Client, cast: Cast, target: str, role: str) -> None:
    before = roles(cast)
    password_given(client, cast.coleader)
    response = client.post(role_url(cast, getattr(cast, target)), {"role": role}, follow=True)
    assert ONLY_LEADER in text(response)
    assert roles(cast) == before


def test_a_co_leader_cannot_take_the_group_from_its_leader(client: Client,
                                                           cast: Cast) -> None:
    # The hole that was found: promote herself, then remove the leader.
    password_given(client, cast.coleader)
    client.post(role_url(cast, cast.coleader), {"role": "leader"})
    client.post(remove_url(cast, cast.leader))
    assert roles(cast)[cast.leader.email] == "leader"
    assert roles(cast)[cast.coleader.email] == "co_leader"


def test_a_co_leader_sees_no_controls_on_the_leaders_row(client: Client, cast: Cast) -> None:
    password_given(client, cast.coleader)
    page = text(client.get(f"/groups/{cast.group.pk}/"))
    assert role_url(cast, cast.leader) not in page
    assert remove_url(cast, cast.leader) not in page
    assert role_url(cast, cast.member) in page and remove_url(cast, cast.member) in page
    member_row = page[page.index(role_url(cast, cast.member)):]
    member_row = member_row[:member_row.index("</form>")]
    assert 'value="leader"' not in member_row and 'value="co_leader"' in member_row


def test_the_leaders_and_the_person_hear_of_every_role_change(
        client: Client, cast: Cast, mailbox) -> None:
    from django.core.management import call_command

    password_given(client, cast.leader)
    client.post(role_url(cast, cast.member), {"role": "co_leader"})
    client.post(remove_url(cast, cast.members[1]))
    call_command("send_reminders")
    leaders = {cast.leader.email, cast.coleader.email}
    anna = cast.member.email
    promoted = [m for m in mailbox.messages if "Anna" in str(m["Subject"])]
    assert {str(m["To"]) for m in promoted} == leaders | {anna}
    body = promoted[0].get_body().get_content()
    assert "Lena made Anna Co-leader in Tuesday GPs" in body
    removed = [m for m in mailbox.messages if "Ben" in str(m["Subject"])]
    # Anna leads now, so she hears of it too; Ben hears that he was removed.
    assert {str(m["To"]) for m in removed} == leaders | {anna, cast.members[1].email}
    assert "Lena removed Ben from Tuesday GPs" in removed[0].get_body().get_content()


def test_it_keeps_the_last_leader(client: Client, cast: Cast) -> None:
    before = roles(cast)
    password_given(client, cast.leader)
    response = client.post(role_url(cast, cast.leader), {"role": "member"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/groups/{cast.group.pk}/"
    assert f'class="message error">{LAST_LEADER}.' in text(response)
    assert roles(cast) == before


def test_it_lets_a_leader_step_down_once_another_leads(client: Client, cast: Cast) -> None:
    password_given(client, cast.leader)
    client.post(role_url(cast, cast.coleader), {"role": "leader"})
    client.post(role_url(cast, cast.leader), {"role": "member"})
    assert membership(cast, cast.leader).role == "member"
    assert membership(cast, cast.coleader).role == "leader"
    # No longer a leader, she lost the leaders' tools.
    assert client.post(role_url(cast, cast.leader), {"role": "leader"}).status_code == 404


def test_it_rejects_an_unknown_role(client: Client, cast: Cast) -> None:
    before = roles(cast)
    password_given(client, cast.leader)
    response = client.post(role_url(cast, cast.member), {"role": "king"}, follow=True)
    assert "Choose one of the roles." in text(response)
    assert roles(cast) == before


def test_it_does_not_let_a_member_change_roles(client: Client, cast: Cast) -> None:
    before = roles(cast)
    client.force_login(cast.member)
    assert client.post(role_url(cast, cast.member), {"role": "leader"}).status_code == 404
    assert client.post(role_url(cast, cast.leader), {"role": "member"}).status_code == 404
    assert roles(cast) == before


def test_it_does_not_let_an_outsider_change_roles(client: Client, cast: Cast) -> None:
    before = roles(cast)
    client.force_login(cast.outsider)
    assert client.post(role_url(cast, cast.member), {"role": "leader"}).status_code == 404
    assert roles(cast) == before


def test_it_does_not_reach_into_another_group(client: Client, cast: Cast) -> None:
    # Olga leads her own group; Anna's membership id in Lena's group must not work there.
    client.force_login(cast.outsider)
    mid = membership(cast, cast.member).pk
    url = f"/groups/{cast.other_group.pk}/members/{mid}/role/"
    assert client.post(url, {"role": "leader"}).status_code == 404
    assert membership(cast, cast.member).role == "member"


def test_a_role_change_asks_for_her_password_again_and_then_is_done(
        client: Client, cast: Cast) -> None:
    from tests.conftest import PASSWORD

    client.force_login(cast.leader)  # signed in this morning; the password not given since
    response = client.post(role_url(cast, cast.member), {"role": "co_leader"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert membership(cast, cast.member).role == "member"
    response = client.post(response["Location"], {"password": PASSWORD}, follow=True)
    # What she sent is carried out once she has given it.
    assert membership(cast, cast.member).role == "co_leader"
    assert "The role of Anna is now: Co-leader." in text(response)


def test_it_changes_roles_by_post_only(client: Client, cast: Cast) -> None:
    password_given(client, cast.leader)
    assert client.get(role_url(cast, cast.member)).status_code == 405


def test_it_requires_login_to_change_a_role(client: Client, cast: Cast) -> None:
    url = role_url(cast, cast.member)
    assert_login_redirect(client.post(url, {"role": "leader"}), url)
    assert membership(cast, cast.member).role == "member"


# Removing a member


def test_it_asks_before_removing(client: Client, cast: Cast) -> None:
    password_given(client, cast.leader)
    response = client.get(remove_url(cast, cast.member) + "confirm/")
    assert response.status_code == 200
    assert "Remove Anna from Tuesday GPs?" in text(response)
    assert membership(cast, cast.member)


def test_it_removes_a_member(client: Client, cast: Cast) -> None:
    password_given(client, cast.leader)
    response = client.post(remove_url(cast, cast.member), follow=True)
    assert not Membership.objects.filter(group=cast.group, user=cast.member).exists()
    page = text(response)
    assert "Anna is no longer in the group." in page
    members = page[page.index('id="members-title"'):]
    assert "Anna" not in members
    client.force_login(cast.member)
    assert client.get(f"/groups/{cast.group.pk}/").status_code == 404


def test_a_co_leader_cannot_remove_the_leader(client: Client, cast: Cast) -> None:
    before = roles(cast)
    password_given(client, cast.coleader)
    response = client.post(remove_url(cast, cast.leader), follow=True)
    assert f'class="message error">{ONLY_LEADER} removes a leader.' in text(response)
    assert roles(cast) == before


def test_it_does_not_remove_the_last_leader(client: Client, cast: Cast) -> None:
    password_given(client, cast.leader)
    client.post(role_url(cast, cast.coleader), {"role": "leader"})
    Membership.objects.filter(group=cast.group, user=cast.leader).update(role="member")
    before = roles(cast)
    password_given(client, cast.coleader)  # the only leader now
    response = client.post(remove_url(cast, cast.coleader), follow=True)
    assert f'class="message error">{LAST_LEADER}' in text(response)
    assert roles(cast) == before


@pytest.mark.parametrize("suffix", ["", "confirm/"])
def test_it_does_not_let_a_member_remove(client: Client, cast: Cast, suffix: str) -> None:
    before = roles(cast)
    client.force_login(cast.member)
    url = remove_url(cast, cast.members[1]) + suffix
    assert (client.post(url) if not suffix else client.get(url)).status_code == 404
    assert roles(cast) == before


@pytest.mark.parametrize("suffix", ["", "confirm/"])
def test_it_does_not_let_an_outsider_remove(client: Client, cast: Cast, suffix: str) -> None:
    before = roles(cast)
    client.force_login(cast.outsider)
    url = remove_url(cast, cast.member) + suffix
    assert (client.post(url) if not suffix else client.get(url)).status_code == 404
    assert roles(cast) == before


def test_it_removes_by_post_only(client: Client, cast: Cast) -> None:
    password_given(client, cast.leader)
    assert client.get(remove_url(cast, cast.member)).status_code == 405
    assert membership(cast, cast.member)


def test_it_requires_login_to_remove(client: Client, cast: Cast) -> None:
    url = remove_url(cast, cast.member)
    assert_login_redirect(client.post(url), url)
    assert_login_redirect(client.get(url + "confirm/"), url + "confirm/")
    assert membership(cast, cast.member)


# Leaving


def test_it_asks_before_leaving(client: Client, cast: Cast) -> None:
    client.force_login(cast.member)
    response = client.get(leave_url(cast) + "confirm/")
    assert response.status_code == 200
    assert "Leave Tuesday GPs?" in text(response)
    assert f'action="{leave_url(cast)}"' in text(response)
    assert membership(cast, cast.member)


def test_it_lets_a_member_leave(client: Client, cast: Cast) -> None:
    client.force_login(cast.member)
    response = client.post(leave_url(cast), follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert "You have left Tuesday GPs." in text(response)
    assert not Membership.objects.filter(group=cast.group, user=cast.member).exists()
    assert client.get(f"/groups/{cast.group.pk}/").status_code == 404


def test_it_lets_the_coleader_leave(client: Client, cast: Cast) -> None:
    password_given(client, cast.coleader)
    client.post(leave_url(cast))
    assert not Membership.objects.filter(group=cast.group, user=cast.coleader).exists()


def test_it_keeps_the_last_leader_in(client: Client, cast: Cast) -> None:
    password_given(client, cast.leader)
    confirm = text(client.get(leave_url(cast) + "confirm/"))
    assert "make someone else leader first" in confirm
    response = client.post(leave_url(cast), follow=True)
    assert response.redirect_chain[-1][0] == f"/groups/{cast.group.pk}/"
    assert f'class="message error">{LAST_LEADER}. Make someone else leader first.' in text(
        response)
    assert membership(cast, cast.leader).role == "leader"


def test_it_does_not_let_an_outsider_leave_someone_elses_group(client: Client,
                                                               cast: Cast) -> None:
    before = roles(cast)
    client.force_login(cast.outsider)
    assert client.get(leave_url(cast) + "confirm/").status_code == 404
    assert client.post(leave_url(cast)).status_code == 404
    assert roles(cast) == before


def test_it_leaves_by_post_only(client: Client, cast: Cast) -> None:
    client.force_login(cast.member)
    assert client.get(leave_url(cast)).status_code == 405
    assert membership(cast, cast.member)


def test_it_requires_login_to_leave(client: Client, cast: Cast) -> None:
    assert_login_redirect(client.post(leave_url(cast)), leave_url(cast))
    assert_login_redirect(client.get(leave_url(cast) + "confirm/"), leave_url(cast) + "confirm/")


def test_it_checks_csrf(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.member)
    assert client.post(leave_url(cast)).status_code == 403
    assert membership(cast, cast.member)


def test_the_last_leader_may_leave_a_group_that_has_ended(client: Client, cast: Cast) -> None:
    from balintroom.groups.services import group_archive

    Membership.objects.filter(group=cast.group, user=cast.coleader).update(role="member")
    group_archive(group=cast.group)
    client.force_login(cast.leader)
    client.post(leave_url(cast))
    assert not Membership.objects.filter(group=cast.group, user=cast.leader).exists()
