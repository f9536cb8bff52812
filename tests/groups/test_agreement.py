"""The confidentiality agreement: accepted on joining, and again after the leaders change
it."""

from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from balintroom.groups import selectors, services
from balintroom.groups.models import BalintGroup, Invitation, Membership
from tests.conftest import Cast, make_user
from tests.groups.helpers import assert_login_redirect, text

DEFAULT_START = "What is said in this group stays in this group."


@pytest.fixture(autouse=True)
def members_not_yet_agreed(cast: Cast) -> None:
    """The cast has all agreed; here they start as members of a group whose agreement
    came after they joined."""
    Membership.objects.all().update(agreed_at=None)


def url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/agreement/"


def membership(cast: Cast, user) -> Membership:
    return Membership.objects.get(group=cast.group, user=user)


def agree_all(cast: Cast) -> None:
    Membership.objects.filter(group=cast.group).update(agreed_at=timezone.now())


def edit(cast: Cast, **fields: str) -> dict[str, str]:
    group = cast.group
    return {"name": group.name, "description": group.description, "setting": group.setting,
            "language": group.language, "served": group.served,
            "video_link": group.video_link,
            "confidentiality_text": group.confidentiality_text, **fields}


# Starting a group


def test_it_counts_the_creator_as_agreed(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    client.post("/groups/new/", {"name": "Thursday nurses", "setting": "online",
                                 "language": "en", "served": "people"})
    group = BalintGroup.objects.get(name="Thursday nurses")
    assert group.confidentiality_text.startswith(DEFAULT_START)
    creator = Membership.objects.get(group=group)
    assert creator.agreed_at is not None
    assert selectors.has_agreed(creator)
    page = text(client.get(f"/groups/{group.pk}/"))
    assert "You have not yet accepted" not in page


def test_it_words_the_agreement_in_the_groups_language(cast: Cast) -> None:
    group = services.group_create(by=cast.outsider, name="Dienstagsgruppe", setting="online",
                                  language="de")
    assert group.confidentiality_text.startswith(
        "Was in dieser Gruppe gesagt wird, bleibt in dieser Gruppe.")


# Joining


def invitation(cast: Cast) -> Invitation:
    return services.invitation_create(group=cast.group, email="eva@example.org",
                                      by=cast.leader)


def test_it_shows_the_agreement_with_the_invitation(client: Client, cast: Cast) -> None:
    cast.group.confidentiality_text = "Nothing leaves this room."
    cast.group.save()
    path = f"/invite/{services.invitation_token(invitation(cast))}/"
    assert "Nothing leaves this room." in text(client.get(path))  # before logging in, too
    client.force_login(make_user("eva@example.org", "Eva"))
    page = text(client.get(path))
    assert "Nothing leaves this room." in page
    assert "I accept the group&#x27;s confidentiality agreement" in page
    assert 'type="checkbox" name="agree"' in page


def test_it_does_not_join_without_the_agreement(client: Client, cast: Cast) -> None:
    sent = invitation(cast)
    eva = make_user("eva@example.org", "Eva")
    client.force_login(eva)
    path = f"/invite/{services.invitation_token(sent)}/"
    for data in ({}, {"agree": ""}):
        response = client.post(path, data)
        assert response.status_code == 200
        assert "To join, accept the group&#x27;s confidentiality agreement." in text(response)
        assert not Membership.objects.filter(group=cast.group, user=eva).exists()
    sent.refresh_from_db()
    assert sent.accepted_at is None


def test_it_joins_with_the_agreement(client: Client, cast: Cast) -> None:
    sent = invitation(cast)
    eva = make_user("eva@example.org", "Eva")
    client.force_login(eva)
    response = client.post(f"/invitations/{sent.pk}/", {"agree": "on", "display_name": "Eva"},
                           follow=True)
    assert "Welcome to Tuesday GPs." in text(response)
    joined = membership(cast, eva)
    assert joined.agreed_at is not None
    assert "You have not yet accepted" not in text(response)


def test_it_refuses_joining_without_the_agreement_in_the_service(cast: Cast) -> None:
    eva = make_user("eva@example.org", "Eva")
    with pytest.raises(ValidationError, match="accept the group's confidentiality agreement"):
        services.invitation_accept(invitation=invitation(cast), user=eva, agreed=False)
    assert not Membership.objects.filter(user=eva).exists()


# The agreement page


def test_it_lets_a_member_accept_the_agreement(client: Client, cast: Cast) -> None:
    client.force_login(cast.member)
    group_page = text(client.get(f"/groups/{cast.group.pk}/"))
    assert "You have not yet accepted the group's confidentiality agreement." in group_page
    assert f'href="{url(cast)}"' in group_page

    page = text(client.get(url(cast)))
    assert DEFAULT_START in page
    assert "I accept the agreement" in page
    response = client.post(url(cast), follow=True)
    assert "You have accepted the group&#x27;s confidentiality agreement." in text(response)
    assert "You have not yet accepted" not in text(response)
    assert selectors.has_agreed(membership(cast, cast.member))

    again = text(client.get(url(cast)))
    assert "You accepted this agreement on" in again
    assert "I accept the agreement" not in again


def test_it_keeps_the_first_date_of_agreement(client: Client, cast: Cast) -> None:
    agree_all(cast)
    before = membership(cast, cast.member).agreed_at
    client.force_login(cast.member)
    client.post(url(cast))
    assert membership(cast, cast.member).agreed_at == before


def test_it_asks_everyone_again_when_the_text_changes(client: Client, cast: Cast) -> None:
    agree_all(cast)
    client.force_login(cast.coleader)
    response = client.post(f"/groups/{cast.group.pk}/edit/",
                           edit(cast, confidentiality_text="Nothing leaves this room.\r\n"
                                                           "Not even a name."), follow=True)
    assert "The other members will be asked to accept the changed" in text(response)
    cast.group.refresh_from_db()
    assert cast.group.confidentiality_text == "Nothing leaves this room.\nNot even a name."
    agreed = {m.user for m in Membership.objects.filter(group=cast.group)
              if selectors.has_agreed(m)}
    assert agreed == {cast.coleader}  # who wrote it has agreed to it

    client.force_login(cast.leader)
    assert "You have not yet accepted" in text(client.get(f"/groups/{cast.group.pk}/"))
    assert "Not even a name." in text(client.get(url(cast)))
    # The other group is untouched.
    assert Membership.objects.get(user=cast.outsider).agreed_at is None


def test_it_keeps_agreements_when_the_text_stays(client: Client, cast: Cast) -> None:
    cast.group.confidentiality_text = "Line one.\nLine two."
    cast.group.save()
    agree_all(cast)
    client.force_login(cast.leader)
    response = client.post(f"/groups/{cast.group.pk}/edit/",
                           edit(cast, name="Renamed",
                                confidentiality_text="Line one.\r\nLine two.  "),
                           follow=True)
    assert "asked to accept" not in text(response)
    assert all(m.agreed_at for m in Membership.objects.filter(group=cast.group))


def test_it_needs_an_agreement_text(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    response = client.post(f"/groups/{cast.group.pk}/edit/",
                           edit(cast, confidentiality_text="  "))
    assert response.status_code == 200
    assert "This field is required." in text(response)
    cast.group.refresh_from_db()
    assert cast.group.confidentiality_text.startswith(DEFAULT_START)


def test_it_shows_the_agreement_in_the_edit_form(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    page = text(client.get(f"/groups/{cast.group.pk}/edit/"))
    assert 'name="confidentiality_text"' in page
    assert DEFAULT_START in page


# Who may


def test_it_hides_the_agreement_from_outsiders(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    assert client.get(url(cast)).status_code == 404
    assert client.post(url(cast)).status_code == 404
    assert Membership.objects.get(user=cast.outsider).agreed_at is None


def test_it_requires_login_for_the_agreement(client: Client, cast: Cast) -> None:
    assert_login_redirect(client.get(url(cast)), url(cast))
    assert_login_redirect(client.post(url(cast)), url(cast))


def test_it_takes_get_and_post_only_on_the_agreement(client: Client, cast: Cast) -> None:
    client.force_login(cast.member)
    assert client.put(url(cast)).status_code == 405
    assert membership(cast, cast.member).agreed_at is None


def test_it_checks_csrf_on_the_agreement(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.member)
    assert client.post(url(cast)).status_code == 403
    assert membership(cast, cast.member).agreed_at is None


def test_accepting_from_the_room_leads_back_into_it(client: Client, cast: Cast) -> None:
    Membership.objects.filter(user=cast.member).update(agreed_at=None)
    client.force_login(cast.member)
    room = f"/m/{cast.meeting.pk}/room/"
    asked = client.get(room)
    assert asked.status_code == 302 and asked["Location"].endswith(f"?next={quote(room, '')}")
    page = client.get(asked["Location"]).content.decode()
    assert f'name="next" value="{room}"' in page
    back = client.post(url(cast), {"next": room})
    assert back.status_code == 302 and back["Location"] == room
    assert client.get(room).status_code == 200


@pytest.mark.parametrize("elsewhere", ["https://evil.example/room/", "//evil.example/"])
def test_it_never_leads_to_another_site(client: Client, cast: Cast, elsewhere: str) -> None:
    Membership.objects.filter(user=cast.member).update(agreed_at=None)
    client.force_login(cast.member)
    response = client.post(url(cast), {"next": elsewhere})
    assert response["Location"] == f"/groups/{cast.group.pk}/"
