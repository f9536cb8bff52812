import pytest
from django.test import Client

from balintroom.groups.models import BalintGroup, Membership
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, text

URL = "/groups/new/"

VALID = {
    "name": "Thursday nurses",
    "description": "Nurses from the ward, every second Thursday.",
    "setting": "mixed",
    "language": "en",
    "served": "people",
    "video_link": "https://meet.example.org/thursday",
}


def test_it_requires_login(client: Client, db: None) -> None:
    assert_login_redirect(client.get(URL), URL)
    assert_login_redirect(client.post(URL, VALID), URL)
    assert not BalintGroup.objects.filter(name="Thursday nurses").exists()


def test_it_shows_the_form(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="name"' in text(response)
    assert "Start the group" in text(response)


def test_it_creates_a_group_led_by_its_creator(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    response = client.post(URL, VALID, follow=True)
    group = BalintGroup.objects.get(name="Thursday nurses")
    assert response.redirect_chain[-1][0] == f"/groups/{group.pk}/"
    assert group.setting == "mixed"
    assert group.video_link == "https://meet.example.org/thursday"
    membership = Membership.objects.get(group=group)
    assert (membership.user, membership.role) == (cast.outsider, "leader")
    page = text(response)
    assert "Thursday nurses" in page
    assert "Nurses from the ward" in page
    assert "Invite someone" in page  # she leads it


def test_it_needs_a_name_and_a_setting(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    response = client.post(URL, {**VALID, "name": "", "setting": ""})
    assert response.status_code == 200
    assert text(response).count("This field is required.") == 2
    assert not BalintGroup.objects.filter(description=VALID["description"]).exists()


@pytest.mark.parametrize("link", ["not a link", "ftp://files.example.org/x", "javascript:alert(1)"])
def test_it_rejects_a_malformed_video_link(client: Client, cast: Cast, link: str) -> None:
    client.force_login(cast.outsider)
    response = client.post(URL, {**VALID, "video_link": link})
    assert response.status_code == 200
    assert "Enter a valid URL." in text(response)
    assert not BalintGroup.objects.filter(name="Thursday nurses").exists()


def test_it_rejects_put(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    assert client.put(URL).status_code == 405


# Editing


def edit_url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/edit/"


def edited(cast: Cast, **fields: str) -> dict[str, str]:
    """The edit form as sent: it also holds the group's confidentiality agreement."""
    return {**VALID, "confidentiality_text": cast.group.confidentiality_text, **fields}


def test_it_lets_a_leader_edit_the_group(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    form = client.get(edit_url(cast))
    assert form.status_code == 200
    assert 'value="Tuesday GPs"' in text(form)
    response = client.post(edit_url(cast), edited(cast, name="Tuesday GPs (Leipzig)"),
                           follow=True)
    cast.group.refresh_from_db()
    assert cast.group.name == "Tuesday GPs (Leipzig)"
    assert cast.group.setting == "mixed"
    assert "Tuesday GPs (Leipzig)" in text(response)


def test_it_lets_the_coleader_edit_the_group(client: Client, cast: Cast) -> None:
    client.force_login(cast.coleader)
    client.post(edit_url(cast), edited(cast, name="Renamed"))
    cast.group.refresh_from_db()
    assert cast.group.name == "Renamed"


def test_it_keeps_the_group_on_bad_input(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    response = client.post(edit_url(cast), edited(cast, name="", video_link="nope"))
    assert response.status_code == 200
    assert "This field is required." in text(response)
    assert "Enter a valid URL." in text(response)
    cast.group.refresh_from_db()
    assert cast.group.name == "Tuesday GPs"
    assert cast.group.video_link == ""


def test_it_hides_editing_from_members(client: Client, cast: Cast) -> None:
    client.force_login(cast.member)
    assert client.get(edit_url(cast)).status_code == 404
    assert client.post(edit_url(cast), edited(cast, name="Mine now")).status_code == 404
    cast.group.refresh_from_db()
    assert cast.group.name == "Tuesday GPs"
    assert "Edit the group" not in text(client.get(f"/groups/{cast.group.pk}/"))


def test_it_hides_editing_from_outsiders(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    assert client.get(edit_url(cast)).status_code == 404
    assert client.post(edit_url(cast), edited(cast, name="Mine now")).status_code == 404
    cast.group.refresh_from_db()
    assert cast.group.name == "Tuesday GPs"


def test_it_requires_login_to_edit(client: Client, cast: Cast) -> None:
    assert_login_redirect(client.get(edit_url(cast)), edit_url(cast))
    assert_login_redirect(client.post(edit_url(cast), edited(cast)), edit_url(cast))
