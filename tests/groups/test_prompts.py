"""Prompt cards: the short interventions a leader shows the room, a set each group edits."""

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.test import Client

from balintroom.groups import selectors, services
from balintroom.groups.models import BalintGroup, PromptCard
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, text

ENGLISH = [
    "Back to the relationship",
    "No solutions yet",
    "What might the patient feel?",
    "What is it like to be this doctor?",
    "Let's stay with the feelings",
    "What part do the ward and the practice play?",
    "What is happening in the group right now?",
]
GERMAN = [
    "Zurück zur Beziehung",
    "Noch keine Lösungen",
    "Was könnte die Patient:in fühlen?",
    "Wie ist es, diese Ärzt:in zu sein?",
    "Bleiben wir bei den Gefühlen",
    "Welche Rolle spielen Station und Praxis?",
    "Was geschieht gerade in der Gruppe?",
]


def url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/prompts/"


def card_url(cast: Cast, card: PromptCard, action: str = "") -> str:
    return f"/groups/{cast.group.pk}/prompts/{card.pk}/{action}"


def texts(group: BalintGroup) -> list[str]:
    return [card.text for card in PromptCard.objects.filter(group=group)]


def card(cast: Cast, text: str) -> PromptCard:
    return PromptCard.objects.get(group=cast.group, text=text)


# The defaults


def test_it_gives_a_new_group_the_default_cards(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    client.post("/groups/new/", {"name": "Thursday nurses", "setting": "online",
                                 "language": "en", "served": "patients"})
    group = BalintGroup.objects.get(name="Thursday nurses")
    assert texts(group) == ENGLISH


def test_it_gives_a_german_group_german_cards(cast: Cast) -> None:
    group = services.group_create(by=cast.outsider, name="Dienstagsgruppe", setting="online",
                                  language="de")
    assert texts(group) == GERMAN


def test_groups_made_before_cards_came_with_a_group_get_them_once(db: None) -> None:
    old = BalintGroup.objects.create(name="Since 2019", setting="in_person", language="de")
    migration = importlib.import_module(
        "balintroom.groups.migrations.0003_prompt_cards_for_every_group")
    migration.give_cards(django_apps, None)
    assert texts(old) == GERMAN
    migration.give_cards(django_apps, None)
    assert PromptCard.objects.filter(group=old).count() == len(GERMAN)


def test_reading_a_groups_cards_writes_nothing(
        cast: Cast, django_assert_num_queries: Any) -> None:
    group = BalintGroup.objects.create(name="Made by hand", setting="online")
    with django_assert_num_queries(1):
        assert selectors.prompt_cards_for(group) == []
    assert not PromptCard.objects.filter(group=group).exists()


def test_it_does_not_bring_back_cards_a_group_removed(cast: Cast) -> None:
    for each in selectors.prompt_cards_for(cast.group):
        services.prompt_card_delete(card=each)
    assert selectors.prompt_cards_for(cast.group) == []
    group = BalintGroup.objects.get(pk=cast.group.pk)  # a fresh copy, as the room has
    assert selectors.prompt_cards_for(group) == []


# The page


def test_it_shows_the_cards_to_a_leader(client: Client, cast: Cast) -> None:
    client.force_login(cast.coleader)
    response = client.get(url(cast))
    assert response.status_code == 200
    page = text(response)
    for each in ENGLISH[:2]:
        assert each in page
    assert "Let&#x27;s stay with the feelings" in page
    first = card(cast, "Back to the relationship")
    assert f'action="{card_url(cast, first)}"' in page
    assert f'action="{card_url(cast, first, "delete/")}"' in page


def test_it_adds_a_card(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    response = client.post(url(cast) + "add/", {"text": "  Who  is not   here today? "},
                           follow=True)
    assert "The card was added." in text(response)
    assert texts(cast.group) == [*ENGLISH, "Who is not here today?"]


def test_it_edits_a_card(client: Client, cast: Cast) -> None:
    selectors.prompt_cards_for(cast.group)
    first = card(cast, "Back to the relationship")
    client.force_login(cast.leader)
    response = client.post(card_url(cast, first), {"text": "Back to the patient"}, follow=True)
    assert "The card was saved." in text(response)
    assert texts(cast.group)[0] == "Back to the patient"


def test_it_removes_a_card(client: Client, cast: Cast) -> None:
    selectors.prompt_cards_for(cast.group)
    second = card(cast, "No solutions yet")
    client.force_login(cast.leader)
    response = client.post(card_url(cast, second, "delete/"), follow=True)
    assert "The card “No solutions yet” was removed." in text(response)
    assert texts(cast.group) == [ENGLISH[0], *ENGLISH[2:]]


def test_it_moves_cards(client: Client, cast: Cast) -> None:
    selectors.prompt_cards_for(cast.group)
    client.force_login(cast.leader)
    client.post(card_url(cast, card(cast, "No solutions yet"), "move/"), {"direction": "up"})
    assert texts(cast.group)[:3] == [ENGLISH[1], ENGLISH[0], ENGLISH[2]]
    client.post(card_url(cast, card(cast, "No solutions yet"), "move/"), {"direction": "down"})
    assert texts(cast.group) == ENGLISH
    # The first cannot go further up, the last not further down.
    client.post(card_url(cast, card(cast, ENGLISH[0]), "move/"), {"direction": "up"})
    client.post(card_url(cast, card(cast, ENGLISH[-1]), "move/"), {"direction": "down"})
    assert texts(cast.group) == ENGLISH
    response = client.post(card_url(cast, card(cast, ENGLISH[2]), "move/"),
                           {"direction": "sideways"}, follow=True)
    assert "Move the card up or down." in text(response)
    assert texts(cast.group) == ENGLISH


def test_it_moves_a_card_after_one_was_removed(cast: Cast) -> None:
    cards = selectors.prompt_cards_for(cast.group)
    services.prompt_card_delete(card=cards[1])
    services.prompt_card_add(group=cast.group, text="New")
    services.prompt_card_move(card=card(cast, "New"), up=True)
    assert texts(cast.group) == [ENGLISH[0], *ENGLISH[2:6], "New", ENGLISH[6]]


@pytest.mark.parametrize(("typed", "message"), [
    ("", "This field is required."),
    ("   ", "This field is required."),
    ("x" * 121, "Ensure this value has at most 120 characters (it has 121)."),
])
def test_it_refuses_a_bad_card(client: Client, cast: Cast, typed: str, message: str) -> None:
    selectors.prompt_cards_for(cast.group)
    first = card(cast, ENGLISH[0])
    client.force_login(cast.leader)

    added = client.post(url(cast) + "add/", {"text": typed})
    assert added.status_code == 200
    assert message in text(added)
    assert "Please correct what is marked below." in text(added)

    edited = client.post(card_url(cast, first), {"text": typed})
    assert edited.status_code == 200
    assert message in text(edited)
    assert texts(cast.group) == ENGLISH


def test_it_keeps_the_number_of_cards_sensible(client: Client, cast: Cast) -> None:
    for number in range(services.PROMPT_CARDS_MAX - len(ENGLISH)):
        services.prompt_card_add(group=cast.group, text=f"Card {number}")
    client.force_login(cast.leader)
    assert "Add a card" not in text(client.get(url(cast)))
    response = client.post(url(cast) + "add/", {"text": "One more"})
    assert "A group has at most 30 prompt cards." in text(response)
    assert PromptCard.objects.filter(group=cast.group).count() == 30


# Who may


def actions(cast: Cast, target: PromptCard) -> list[tuple[str, str, dict[str, str]]]:
    return [
        ("get", url(cast), {}),
        ("post", url(cast) + "add/", {"text": "Mine"}),
        ("post", card_url(cast, target), {"text": "Mine"}),
        ("post", card_url(cast, target, "move/"), {"direction": "down"}),
        ("post", card_url(cast, target, "delete/"), {}),
    ]


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_it_hides_the_cards_from_members_and_outsiders(client: Client, cast: Cast,
                                                       who: str) -> None:
    selectors.prompt_cards_for(cast.group)
    target = card(cast, ENGLISH[0])
    client.force_login(getattr(cast, who))
    for method, address, data in actions(cast, target):
        assert getattr(client, method)(address, data).status_code == 404, address
    assert texts(cast.group) == ENGLISH


def test_it_hides_a_card_behind_the_outsiders_own_group(client: Client, cast: Cast) -> None:
    selectors.prompt_cards_for(cast.group)
    target = card(cast, ENGLISH[0])
    client.force_login(cast.outsider)
    base = f"/groups/{cast.other_group.pk}/prompts/{target.pk}/"
    assert client.post(base, {"text": "Mine"}).status_code == 404
    assert client.post(base + "move/", {"direction": "down"}).status_code == 404
    assert client.post(base + "delete/").status_code == 404
    assert texts(cast.group) == ENGLISH


def test_it_requires_login_for_the_cards(client: Client, cast: Cast) -> None:
    selectors.prompt_cards_for(cast.group)
    target = card(cast, ENGLISH[0])
    for method, address, data in actions(cast, target):
        assert_login_redirect(getattr(client, method)(address, data), address)
    assert texts(cast.group) == ENGLISH


def test_it_changes_cards_by_post_only(client: Client, cast: Cast) -> None:
    selectors.prompt_cards_for(cast.group)
    target = card(cast, ENGLISH[0])
    client.force_login(cast.leader)
    for address in (url(cast) + "add/", card_url(cast, target),
                    card_url(cast, target, "move/"), card_url(cast, target, "delete/")):
        assert client.get(address).status_code == 405
    assert texts(cast.group) == ENGLISH


def test_it_links_the_cards_for_leaders_only(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    assert f'href="{url(cast)}"' in text(client.get(f"/groups/{cast.group.pk}/"))
    client.force_login(cast.member)
    assert url(cast) not in text(client.get(f"/groups/{cast.group.pk}/"))
