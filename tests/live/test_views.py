"""The room page, the room display page and renewing the display link."""

import json
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from balintroom.live.models import Room
from balintroom.live.services import room_create
from balintroom.method.formats import CLASSIC_ROUND

pytestmark = pytest.mark.django_db

PHASE_NAMES = [phase.name for phase in CLASSIC_ROUND.phases]


def client_for(user: Any | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def json_script(html: str, element_id: str) -> Any:
    match = re.search(
        rf'<script id="{element_id}" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, f"no #{element_id} on the page"
    return json.loads(match.group(1))


def room_url(cast: Any) -> str:
    return reverse("meeting_room", args=[cast.meeting.pk])


def display_url(cast: Any, token: str) -> str:
    """The link a leader copies: the key in the fragment, which no server receives."""
    return reverse("meeting_display", args=[cast.meeting.pk]) + "#" + token


def open_display(cast: Any, token: str, meeting: Any = None) -> tuple[Client, Any]:
    """What the display's page does with its link: post the fragment's key, follow on."""
    client = client_for(None)
    url = reverse("meeting_display", args=[(meeting or cast.meeting).pk])
    assert not token or token not in client.get(url).content.decode()
    return client, client.post(url, {"key": token}, follow=True)


def renew_url(cast: Any) -> str:
    return reverse("display_token_renew", args=[cast.meeting.pk])


@pytest.fixture
def room(cast: Any) -> Room:
    return room_create(meeting=cast.meeting)


# --- the room page -----------------------------------------------------------------------

def test_a_member_opens_the_room(cast):
    response = client_for(cast.member).get(room_url(cast))
    assert response.status_code == 200
    html = response.content.decode()
    texts = json_script(html, "room-texts")
    assert [texts["phases"][p.key]["name"] for p in CLASSIC_ROUND.phases] == PHASE_NAMES
    assert all(texts["phases"][p.key]["rule"] for p in CLASSIC_ROUND.phases)
    config = json_script(html, "room-config")
    assert config == {
        "meeting": cast.meeting.pk, "me": cast.member.pk, "role": "member", "display": False,
        "socket": f"/ws/meeting/{cast.meeting.pk}/",
        "agreement": f"/groups/{cast.group.pk}/agreement/?next=%2Fm%2F{cast.meeting.pk}%2Froom%2F",
        "after": None, "group": "Tuesday GPs",
    }


def test_a_member_sees_no_display_link_and_no_leader_controls(cast, room):
    html = client_for(cast.member).get(room_url(cast)).content.decode()
    assert room.display_token not in html
    assert "/display/" not in html
    assert 'id="console"' not in html
    # The dock's steering buttons are there, hidden until the state says she steers (a
    # back-up standing in); the console is not there at all.
    assert 'id="primary-button"' in html


@pytest.mark.parametrize("who", ["leader", "coleader"])
def test_leaders_see_the_display_link_and_the_controls(cast, room, who):
    html = client_for(getattr(cast, who)).get(room_url(cast)).content.decode()
    link = "http://testserver" + display_url(cast, room.display_token)
    assert f'value="{link}"' in html
    assert renew_url(cast) in html
    assert 'id="console"' in html and 'id="primary-button"' in html


def test_the_outsider_gets_404(cast, room):
    assert client_for(cast.outsider).get(room_url(cast)).status_code == 404


def test_an_unknown_meeting_gets_404(cast):
    url = reverse("meeting_room", args=[cast.meeting.pk + 1000])
    assert client_for(cast.leader).get(url).status_code == 404


def test_anonymous_is_sent_to_log_in(cast):
    response = client_for(None).get(room_url(cast))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=" in response.url


# --- the display page --------------------------------------------------------------------

def test_the_display_page_opens_with_the_right_token(cast, room):
    client, response = open_display(cast, room.display_token)
    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("meeting_display", args=[cast.meeting.pk]),
                                        303)]
    assert response.headers["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    config = json_script(html, "room-config")
    assert config["display"] is True
    assert config["role"] == "display"
    assert config["me"] is None
    assert config["socket"] == f"/ws/meeting/{cast.meeting.pk}/display/"
    texts = json_script(html, "room-texts")
    assert [texts["phases"][p.key]["name"] for p in CLASSIC_ROUND.phases] == PHASE_NAMES
    # Only the stage: no names of the group, and the key in no address of the page.
    for user in (cast.leader, cast.coleader, *cast.members):
        assert user.display_name not in html
    assert room.display_token not in html
    cookie = client.cookies[f"display-{cast.meeting.pk}"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    # Opened again (a reload, the next evening's screen): the cookie is enough.
    again = client.get(reverse("meeting_display", args=[cast.meeting.pk]))
    assert json_script(again.content.decode(), "room-config")["display"] is True


def test_the_display_key_never_appears_in_an_address(cast, room):
    """Web servers and proxies log every address, WebSocket paths too."""
    html = client_for(cast.leader).get(room_url(cast)).content.decode()
    assert f"/display/#{room.display_token}\"" in html
    for path in [reverse("meeting_display", args=[cast.meeting.pk]),
                 f"/ws/meeting/{cast.meeting.pk}/display/"]:
        assert room.display_token not in path
    client, response = open_display(cast, room.display_token)
    assert all(room.display_token not in url for url, _code in response.redirect_chain)


def test_the_display_page_without_a_key_asks_for_the_link_again(cast, room):
    response = client_for(None).get(reverse("meeting_display", args=[cast.meeting.pk]))
    html = response.content.decode()
    assert "This display link is incomplete or no longer valid." in html
    assert 'id="room-config"' not in html


@pytest.mark.parametrize("token", ["wrong", "x" * 32, "", "y" * 5000])
def test_the_display_page_with_a_wrong_token_is_404(cast, room, token):
    client, response = open_display(cast, token)
    assert response.status_code == 404
    assert "This display link is incomplete or no longer valid." in response.content.decode()
    assert not client.cookies.get(f"display-{cast.meeting.pk}")


def test_the_token_of_one_meeting_does_not_open_another(cast, room):
    from balintroom.groups.models import Meeting

    other = Meeting.objects.create(group=cast.other_group, starts_at=cast.meeting.starts_at,
                                   duration_minutes=90, setting="in_person")
    room_create(meeting=other)
    _client, response = open_display(cast, room.display_token, meeting=other)
    assert response.status_code == 404
    # Nor does the cookie of one meeting open another's display.
    client, _response = open_display(cast, room.display_token)
    html = client.get(reverse("meeting_display", args=[other.pk])).content.decode()
    assert 'id="room-config"' not in html


# --- renewing the display link -----------------------------------------------------------

def test_the_leader_renews_the_display_link(cast, room):
    screen, opened = open_display(cast, room.display_token)
    assert opened.status_code == 200
    client = client_for(cast.leader)
    response = client.post(renew_url(cast), follow=True)
    assert response.redirect_chain == [(room_url(cast), 302)]
    renewed = Room.objects.get(pk=room.pk)
    assert renewed.display_token != room.display_token
    assert open_display(cast, room.display_token)[1].status_code == 404
    # The screen that had the old link no longer shows the room.
    html = screen.get(reverse("meeting_display", args=[cast.meeting.pk])).content.decode()
    assert 'id="room-config"' not in html
    assert open_display(cast, renewed.display_token)[1].status_code == 200
    html = response.content.decode()
    assert display_url(cast, renewed.display_token) in html
    assert "renewed" in html  # the message says so


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_others_cannot_renew_the_display_link(cast, room, who):
    response = client_for(getattr(cast, who)).post(renew_url(cast))
    assert response.status_code == 404
    assert Room.objects.get(pk=room.pk).display_token == room.display_token


def test_renewing_needs_a_post(cast, room):
    assert client_for(cast.leader).get(renew_url(cast)).status_code == 405
    assert Room.objects.get(pk=room.pk).display_token == room.display_token


def test_renewing_needs_a_login(cast, room):
    response = client_for(None).post(renew_url(cast))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert Room.objects.get(pk=room.pk).display_token == room.display_token


def test_renewing_checks_csrf(cast, room):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.leader)
    assert client.post(renew_url(cast)).status_code == 403
    assert Room.objects.get(pk=room.pk).display_token == room.display_token
