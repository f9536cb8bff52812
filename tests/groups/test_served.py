"""A group says whom its members serve, and every text that names them says it so: the
agreement, the prompt cards, the room, the identifier check's warning. A medical group
reads as before."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from balintroom.groups import services
from balintroom.groups.models import PromptCard
from balintroom.live.requests import MayIdentify, request_parse
from tests.conftest import Cast

pytestmark = pytest.mark.django_db

PATIENT = re.compile(r"patient|doctor|arzt|ärzt", re.IGNORECASE)


def cards_of(group: Any) -> list[str]:
    return list(PromptCard.objects.filter(group=group).order_by("position")
                .values_list("text", flat=True))


def test_a_teachers_group_speaks_of_pupils_from_its_first_page(cast: Cast) -> None:
    group = services.group_create(by=cast.outsider, name="Teachers", setting="online",
                                  served="pupils")
    assert "no pupil, parent or colleague can be recognised" in group.confidentiality_text
    cards = cards_of(group)
    assert {"What might the pupil feel?", "What is it like to be this teacher?",
            "What part do the school and the parents play?"} <= set(cards)
    assert not PATIENT.search(group.confidentiality_text + " ".join(cards))


def test_a_medical_group_reads_as_before(cast: Cast) -> None:
    group = services.group_create(by=cast.outsider, name="GPs", setting="online")
    assert group.served == "patients"
    assert "so that no patient can be recognised" in group.confidentiality_text
    assert {"What might the patient feel?", "What is it like to be this doctor?"} <= set(
        cards_of(group))


@pytest.mark.parametrize("served, word", [
    ("pupils", "Schüler"), ("residents", "Bewohner"), ("clients", "Klient")])
def test_in_german_the_agreement_names_them(cast: Cast, served: str, word: str) -> None:
    group = services.group_create(by=cast.outsider, name="Gruppe", setting="online",
                                  language="de", served=served)
    assert word in group.confidentiality_text
    assert not PATIENT.search(group.confidentiality_text + " ".join(cards_of(group)))


def test_serving_others_rewords_the_default_cards_and_keeps_the_leaders_own(
        cast: Cast) -> None:
    group = cast.group
    services.prompt_card_add(group=group, text="Who is missing from the room?")
    services.group_update(group=group, by=cast.leader, served="clients")
    cards = cards_of(group)
    assert "What might the client feel?" in cards
    assert "What might the patient feel?" not in cards
    assert "Who is missing from the room?" in cards


def test_serving_others_rewords_the_default_agreement_to_be_accepted_again(
        cast: Cast) -> None:
    services.group_update(group=cast.group, by=cast.leader, served="residents")
    cast.group.refresh_from_db()
    assert "no resident or relative can be recognised" in cast.group.confidentiality_text
    member = cast.group.memberships.get(user=cast.member)
    assert member.agreed_at is None  # she reads it again before she enters the room
    services.group_update(group=cast.group, by=cast.leader, confidentiality_text="Ours.")
    services.group_update(group=cast.group, by=cast.leader, served="clients")
    cast.group.refresh_from_db()
    assert cast.group.confidentiality_text == "Ours."


def test_the_room_speaks_of_them(cast: Cast) -> None:
    services.group_update(group=cast.group, by=cast.leader, served="pupils")
    for membership in cast.group.memberships.all():
        services.membership_agree(membership=membership)
    for user in (cast.member, cast.leader):
        client = Client()
        client.force_login(user)
        page = client.get(reverse("meeting_room", args=[cast.meeting.pk])).content.decode()
        assert "I may know this pupil" in page and "may know the pupil." in page
        assert not PATIENT.search(page), PATIENT.search(page)


def test_the_label_check_names_them() -> None:
    with pytest.raises(MayIdentify) as found:
        request_parse({"action": "volunteer", "label": "Frau Quist aus Kiel"},
                      served="parties")
    assert found.value.args[0] == (
        "This label may identify someone in the case. Edit it, or keep it as it is.")
    with translation.override("de"), pytest.raises(MayIdentify) as found:
        request_parse({"action": "volunteer", "label": "Frau Quist aus Kiel"},
                      served="pupils")
    assert "Schüler" in found.value.args[0]


def test_the_group_form_asks_whom_the_members_serve(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.leader)
    page = client.get(reverse("group_create")).content.decode()
    assert "Whom the members serve" in page and "Pupils (schools, education)" in page
    response = client.post(reverse("group_create"), {
        "name": "Judges", "setting": "online", "language": "en", "served": "tenants",
        "reminder_hours": "24", "openness": "slow_open", "places": "8"})
    assert "Select a valid choice" in response.content.decode()
