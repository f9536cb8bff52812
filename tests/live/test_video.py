"""The installation's own video call in the room: offered to a group only where the
installation has one (JITSI_URL), embedded only in the rooms of the groups that chose it,
and only that origin let into the page."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from balintroom.live.services import room_create
from balintroom.live.video import video_room_name

pytestmark = pytest.mark.django_db
JITSI = "https://meet.example.org"


@pytest.fixture
def online(cast: Any) -> Any:
    cast.meeting.setting = "online"
    cast.meeting.video_link = "https://zoom.example.org/j/1"
    cast.meeting.save()
    room_create(meeting=cast.meeting)
    return cast


def page(user: Any, meeting_id: int) -> Any:
    client = Client()
    client.force_login(user)
    return client.get(reverse("meeting_room", args=[meeting_id]))


def test_a_group_that_chose_the_call_meets_in_the_room(online: Any, settings: Any) -> None:
    settings.JITSI_URL = JITSI
    online.group.video_embedded = True
    online.group.save()
    response = page(online.member, online.meeting.pk)
    html = response.content.decode()
    assert f'<script src="{JITSI}/external_api.js"></script>' in html
    assert video_room_name(online.meeting.pk) in html
    assert "zoom.example.org" not in html  # one call, not two
    policy = response["Content-Security-Policy"]
    assert f"script-src 'self' {JITSI};" in policy and f"frame-src {JITSI};" in policy
    assert response["Permissions-Policy"].startswith(f'camera=("{JITSI}"), microphone=("{JITSI}")')


@pytest.mark.parametrize("case", ["no_call_here", "group_did_not_choose", "in_person"])
def test_otherwise_the_room_embeds_nothing(online: Any, settings: Any, case: str) -> None:
    settings.JITSI_URL = "" if case == "no_call_here" else JITSI
    online.group.video_embedded = case != "group_did_not_choose"
    online.group.save()
    if case == "in_person":
        online.meeting.setting = "in_person"
        online.meeting.place = "Room 2"
        online.meeting.save()
    response = page(online.member, online.meeting.pk)
    html = response.content.decode()
    assert "external_api.js" not in html and "meet.example.org" not in html
    assert "frame-src 'none'" in response["Content-Security-Policy"]
    assert response["Permissions-Policy"] == "camera=(), microphone=(), geolocation=()"


def test_the_call_is_not_for_an_outsider(online: Any, settings: Any) -> None:
    settings.JITSI_URL = JITSI
    online.group.video_embedded = True
    online.group.save()
    assert page(online.outsider, online.meeting.pk).status_code == 404


def test_the_group_form_offers_the_call_only_where_there_is_one(cast: Any,
                                                                 settings: Any) -> None:
    client = Client()
    client.force_login(cast.leader)
    url = reverse("group_edit", args=[cast.group.pk])
    settings.JITSI_URL = ""
    assert 'name="video_embedded"' not in client.get(url).content.decode()
    settings.JITSI_URL = JITSI
    assert 'name="video_embedded"' in client.get(url).content.decode()
    client.post(url, {"name": cast.group.name, "setting": "online", "language": "en",
                      "served": "patients", "video_embedded": "on",
                      "confidentiality_text": cast.group.confidentiality_text})
    cast.group.refresh_from_db()
    assert cast.group.video_embedded


def test_the_groups_own_call_link_is_at_the_top_when_the_meeting_is_near(online: Any,
                                                                         settings: Any) -> None:
    from datetime import timedelta

    from django.utils import timezone

    settings.JITSI_URL = ""
    # The cast's meeting is under way: the link leads the page.
    html = page(online.member, online.meeting.pk).content.decode()
    assert "Join the video call" in html
    assert html.index("Join the video call") < html.index('id="stage"')
    # A week ahead it waits lower down, as a plain link.
    online.meeting.starts_at = timezone.now() + timedelta(days=7)
    online.meeting.save()
    html = page(online.member, online.meeting.pk).content.decode()
    assert "Join the video call" not in html and "Open the video call" in html
