"""A German physician's EFN in her profile: checked as a chamber issues it (15 digits, the
country, the Luhn check digit), with a message that says what is wrong; her full name for
certificates beside it."""

import pytest
from django.test import Client
from django.urls import reverse

from balintroom.accounts.efn import efn_problem, luhn_holds
from tests.conftest import make_user

# The Bavarian chamber's prefix (80 physician, 276 Germany, 090), a running number and the
# digit that makes the Luhn sum come right.
VALID = "802760901234566"


def test_the_example_is_a_real_one() -> None:
    assert luhn_holds(VALID)
    assert efn_problem(VALID) == ""


@pytest.mark.parametrize("typed,problem", [
    ("80276090123456", "An EFN has 15 digits; this has 14."),
    ("8027609012345670", "An EFN has 15 digits; this has 16."),
    ("80276O901234566", "An EFN has digits only"),
    ("８０２７６０９０１２３４５６６", "An EFN has digits only"),
    ("800000901234566", "Digits 3 to 5 of an EFN are the country"),
    ("802760901234567", "The last digit, the check digit, does not fit the others"),
    ("802760901234656", "The last digit, the check digit, does not fit the others"),  # swapped
])
def test_what_is_wrong_is_said(typed: str, problem: str) -> None:
    assert efn_problem(typed).startswith(problem)


def profile_post(client: Client, **fields: str):  # type: ignore[no-untyped-def]
    data = {"display_name": "Anna", "profession": "", "language": "", "timezone": "Europe/Berlin",
            "email_reminders": "on", "legal_name": "", "efn": "", **fields}
    return client.post(reverse("profile"), data, follow=True)


def test_she_enters_her_efn_as_her_card_prints_it(db) -> None:
    anna = make_user("anna@example.org", "Anna")
    client = Client()
    client.force_login(anna)
    response = profile_post(client, efn=" 80 276 090 123456 6 ", legal_name=" Dr. med.  Anna Weber")
    assert "Your profile is saved." in response.content.decode()
    anna.refresh_from_db()
    assert (anna.efn, anna.legal_name) == (VALID, "Dr. med. Anna Weber")


def test_a_wrong_efn_is_refused_with_the_reason_and_nothing_is_saved(db) -> None:
    anna = make_user("anna@example.org", "Anna")
    client = Client()
    client.force_login(anna)
    response = profile_post(client, efn="802760901234567", display_name="Anna B.")
    page = response.content.decode()
    assert "the check digit, does not fit the others" in page
    anna.refresh_from_db()
    assert anna.efn == "" and anna.display_name == "Anna"
