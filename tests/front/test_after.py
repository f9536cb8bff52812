"""What is left to do after a meeting, on one page for its leaders: attendance pre-filled
from the room and confirmed in one tap, the debrief, the cases to follow up."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from balintroom.groups.services import meeting_schedule
from balintroom.method.round import Action
from balintroom.records.models import AttendanceRecord
from tests.conftest import Cast
from tests.live.test_services import act
from tests.records.conftest import visit

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def after_url(cast: Cast) -> str:
    return reverse("meeting_after", args=[cast.meeting.pk])


@pytest.fixture
def ended(cast: Cast) -> Cast:
    """Anna presented "the night call"; the leader ended the meeting. The leader and Anna
    were in the room; Ben gave no notice."""
    cast.meeting.starts_at = timezone.now() - timedelta(minutes=50)
    cast.meeting.save()
    visit(cast.meeting, cast.leader)
    visit(cast.meeting, cast.member, start=5)
    act(cast, cast.member, Action.VOLUNTEER, label="the night call")
    act(cast, cast.leader, Action.CHOOSE_PRESENTER, user=cast.member.pk)
    act(cast, cast.leader, Action.START)
    act(cast, cast.leader, Action.END_MEETING)
    return cast


def test_it_holds_what_is_left_to_do_right_after_the_end(ended: Cast) -> None:
    page = client_for(ended.leader).get(after_url(ended)).content.decode()
    assert 'id="roll-call"' in page and 'id="confirm-attendance"' in page
    assert "the night call" in page and "Anna" in page  # a case to follow up
    assert reverse("meeting_debrief", args=[ended.meeting.pk]) in page
    assert reverse("meeting_create", args=[ended.group.pk]) in page  # no next meeting yet


def test_attendance_is_confirmed_in_one_tap_and_leads_back_here(ended: Cast) -> None:
    client = client_for(ended.leader)
    # The one tap: the form as the page pre-filled it, sent unchanged.
    page = client.get(after_url(ended)).content.decode()
    data = {"next": after_url(ended)}
    for line in page.split('type="radio"')[1:]:
        if "checked" in line.split(">")[0]:
            name = line.split('name="')[1].split('"')[0]
            data[name] = line.split('value="')[1].split('"')[0]
    response = client.post(reverse("attendance_confirm", args=[ended.meeting.pk]), data)
    assert response.status_code == 302 and response["Location"] == after_url(ended)
    records = {r.user.name: r.status for r in AttendanceRecord.objects.filter(
        meeting=ended.meeting).select_related("user")}
    # Online: who was in the room is present, the others absent, as the leader saw it.
    assert records["Lena"] == "present" and records["Anna"] == "present"
    assert records["Ben"] == "absent"
    assert "Confirmed: 2 of 6 present." in client.get(after_url(ended)).content.decode()


def test_before_the_end_it_says_the_meeting_goes_on(cast: Cast) -> None:
    page = client_for(cast.leader).get(after_url(cast)).content.decode()
    assert "The meeting is still going on." in page
    assert 'id="roll-call"' not in page


def test_the_next_meeting_is_named(ended: Cast) -> None:
    meeting_schedule(group=ended.group, starts_at=timezone.now() + timedelta(days=7),
                     duration_minutes=90, setting="online")
    page = client_for(ended.leader).get(after_url(ended)).content.decode()
    assert "The next meeting:" in page


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_only_the_groups_leaders_see_it(ended: Cast, who: str) -> None:
    assert client_for(getattr(ended, who)).get(after_url(ended)).status_code == 404


def test_anonymous_is_sent_to_sign_in(ended: Cast) -> None:
    response = client_for(None).get(after_url(ended))
    assert response.status_code == 302 and "login" in response["Location"]
