"""Professions from a list, with her own words where she wants them: shown to her group,
counted into a mixed group's picture, and on her certificate in its language."""

import importlib

import pytest
from django.test import Client
from django.urls import reverse

from balintroom.accounts.models import User
from tests.conftest import Cast, make_user

pytestmark = pytest.mark.django_db

PROFILE = "/accounts/profile/"


def profile_data(**changes: str) -> dict[str, str]:
    return {"display_name": "Eva", "profession_kind": "", "profession": "", "language": "",
            "timezone": "Europe/Berlin", **changes}


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_she_picks_her_profession_from_the_list(db: None) -> None:
    eva = make_user("eva@example.org", "Eva")
    response = signed_in(eva).post(PROFILE, profile_data(profession_kind="judge"))
    assert response.status_code == 302
    eva.refresh_from_db()
    assert eva.profession_kind == "judge" and eva.profession_shown == "Judge"


def test_other_asks_for_her_own_words(db: None) -> None:
    eva = make_user("eva@example.org", "Eva")
    refused = signed_in(eva).post(PROFILE, profile_data(profession_kind="other"))
    assert "Say which profession, in a few words." in refused.content.decode()
    eva.refresh_from_db()
    assert eva.profession_kind == ""
    signed_in(eva).post(PROFILE, profile_data(profession_kind="other",
                                              profession="family mediator"))
    eva.refresh_from_db()
    assert eva.profession_shown == "family mediator"


def test_a_profession_not_on_the_list_is_refused(db: None) -> None:
    eva = make_user("eva@example.org", "Eva")
    response = signed_in(eva).post(PROFILE, profile_data(profession_kind="astronaut"))
    assert "Select a valid choice" in response.content.decode()


def test_a_mixed_group_shows_its_mix(cast: Cast) -> None:
    kinds = ["social_worker", "social_worker", "judge", "teacher"]
    for user, kind in zip(cast.members, kinds, strict=True):
        user.profession_kind = kind
        user.save()
    page = signed_in(cast.member).get(reverse("group_detail", args=[cast.group.pk]))
    html = page.content.decode()
    assert "A mixed group:" in html
    assert "Social worker 2 &middot; Judge 1 &middot; Teacher 1" in html


def test_a_group_of_one_profession_shows_no_mix(cast: Cast) -> None:
    for user in cast.members:
        user.profession_kind = "physician"
        user.save()
    html = signed_in(cast.member).get(reverse("group_detail", args=[cast.group.pk])
                                      ).content.decode()
    assert "A mixed group:" not in html and "Physician" in html


def test_the_words_written_before_become_a_profession_of_the_list() -> None:
    migration = importlib.import_module(
        "balintroom.accounts.migrations.0007_profession_from_a_list")
    cases = {"General practitioner": "physician", "Ärztin für Allgemeinmedizin": "physician",
             "hospice nurse": "nurse", "Sozialpädagogin": "social_pedagogue",
             "Familienrichter": "judge", "ärztliche Psychotherapeutin": "psychotherapist",
             "Grundschullehrerin": "teacher", "beekeeper": "other", "": ""}
    assert {text: migration.kind_of(text) for text in cases} == cases
