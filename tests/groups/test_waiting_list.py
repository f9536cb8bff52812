"""A slowly open group's waiting list: someone is put on it, has her intake conversation
with a leader, and is invited when a place is free; a closed group takes nobody new once
it has begun. Only the leaders see the list or change it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from balintroom.groups.models import Candidate, Invitation
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, text


@pytest.fixture(autouse=True)
def site_url(settings) -> None:
    settings.SITE_URL = "https://balint.example.org"


def list_url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/candidates/"


def step_url(cast: Cast, candidate: Candidate) -> str:
    return f"/groups/{cast.group.pk}/candidates/{candidate.pk}/"


def test_from_the_waiting_list_to_the_invitation(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    response = client.post(list_url(cast), {"name": "Jonas Keller",
                                            "email": "Jonas@Example.org"}, follow=True)
    assert "Jonas Keller is on the waiting list." in text(response)
    jonas = Candidate.objects.get()
    assert jonas.email == "jonas@example.org" and jonas.status == "waiting"
    day = (timezone.localdate() + timedelta(days=3)).isoformat()
    client.post(step_url(cast, jonas), {"step": "intake", "date": day, "time": "17:30"})
    jonas.refresh_from_db()
    assert jonas.status == "intake" and jonas.intake_at is not None
    client.post(step_url(cast, jonas), {"step": "held"})
    mail.outbox.clear()
    response = client.post(step_url(cast, jonas), {"step": "invite"}, follow=True)
    assert "The invitation was sent to jonas@example.org." in text(response)
    jonas.refresh_from_db()
    assert jonas.status == "invited"
    assert Invitation.objects.filter(group=cast.group, email="jonas@example.org").exists()
    assert len(mail.outbox) == 1 and "/invite/" in mail.outbox[0].body
    response = client.post(step_url(cast, jonas), {"step": "remove"}, follow=True)
    assert "Jonas Keller is off the waiting list." in text(response)
    assert not Candidate.objects.exists()


def test_no_invitation_without_a_free_place_or_into_a_closed_group_that_began(
        client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    client.post(list_url(cast), {"name": "Jonas", "email": "jonas@example.org"})
    jonas = Candidate.objects.get()
    jonas.status = "ready"
    jonas.save()
    cast.group.places = len(cast.members)  # every place taken
    cast.group.save()
    response = client.post(step_url(cast, jonas), {"step": "invite"}, follow=True)
    assert "No place is free" in text(response)
    cast.group.places, cast.group.openness = 8, "closed"
    cast.group.save()  # the cast's meeting has begun
    response = client.post(step_url(cast, jonas), {"step": "invite"}, follow=True)
    assert "This group is closed" in text(response)
    assert not Invitation.objects.filter(email="jonas@example.org").exists()
    jonas.refresh_from_db()
    assert jonas.status == "ready"


@pytest.mark.parametrize(("data", "message"), [
    ({"name": "Jonas", "email": "not an address"}, "Enter a valid email address."),
    ({"name": "", "email": "jonas@example.org"}, "This field is required."),
    ({"name": "Anna again", "email": "MEMBER"}, "is already a member of this group."),
])
def test_a_wrong_entry_is_named_and_adds_nobody(client: Client, cast: Cast,
                                                data: dict[str, str], message: str) -> None:
    if data["email"] == "MEMBER":
        data = {**data, "email": cast.members[0].email}
    client.force_login(cast.leader)
    response = client.post(list_url(cast), data)
    assert response.status_code == 200
    assert message in text(response)
    assert not Candidate.objects.exists()


def test_a_past_intake_time_or_an_unknown_step_changes_nothing(client: Client,
                                                                cast: Cast) -> None:
    client.force_login(cast.leader)
    client.post(list_url(cast), {"name": "Jonas", "email": "jonas@example.org"})
    jonas = Candidate.objects.get()
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    for data, message in [
        ({"step": "intake", "date": yesterday, "time": "10:00"},
         "This date and time are in the past."),
        ({"step": "intake", "date": "", "time": ""},
         "Give the date and time of the conversation."),
        ({"step": "promote"}, "Unknown action."),
    ]:
        response = client.post(step_url(cast, jonas), data, follow=True)
        assert message in text(response)
        jonas.refresh_from_db()
        assert jonas.status == "waiting" and jonas.intake_at is None


def test_only_the_leaders_see_or_change_the_list(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    client.post(list_url(cast), {"name": "Jonas", "email": "jonas@example.org"})
    jonas = Candidate.objects.get()
    for someone in (cast.members[0], cast.outsider):
        client.force_login(someone)
        assert client.get(list_url(cast)).status_code == 404
        assert client.post(list_url(cast), {"name": "X", "email": "x@example.org"}
                           ).status_code == 404
        assert client.post(step_url(cast, jonas), {"step": "remove"}).status_code == 404
    client.logout()
    assert_login_redirect(client.get(list_url(cast)), list_url(cast))
    assert Candidate.objects.count() == 1
    # Nor does another group's leader reach this group's candidate through her own group.
    client.force_login(cast.outsider)
    other = f"/groups/{cast.other_group.pk}/candidates/{jonas.pk}/"
    assert client.post(other, {"step": "remove"}).status_code == 404
    assert Candidate.objects.count() == 1
