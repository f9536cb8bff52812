"""A stranger who knows a clinician's address guesses her password: the guessing is slowed,
she is told by e-mail, and at her own devices she still signs in. The counters live in a
cache every server process shares."""

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from .conftest import PASSWORD, logged_in_user_id, make_user

ADDRESS = "anna@example.org"
TOO_MANY = "Too many wrong passwords for this address."


@pytest.fixture
def limits(settings):
    """The limits as in production (the test settings turn them off)."""
    settings.ACCOUNT_RATE_LIMITS = {}
    settings.SITE_URL = "https://balint.example.org"
    caches["default"].clear()
    yield
    caches["default"].clear()


def sign_in(client: Client, password: str) -> str:
    response = client.post(reverse("account_login"), {"login": ADDRESS, "password": password})
    return response.content.decode() if response.status_code == 200 else ""


def her_own_phone() -> Client:
    """A browser she has signed in on before, and signed out of since."""
    phone = Client(REMOTE_ADDR="10.0.0.2")
    phone.post(reverse("account_login"), {"login": ADDRESS, "password": PASSWORD})
    phone.post(reverse("account_logout"))
    assert logged_in_user_id(phone) is None
    return phone


def test_a_strangers_guessing_does_not_lock_her_out(db, limits) -> None:
    anna = make_user(ADDRESS, "Anna")
    phone = her_own_phone()
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(5):
        assert TOO_MANY not in sign_in(stranger, "guess")
    # The stranger is slowed down now, even with the right password ...
    assert TOO_MANY in sign_in(stranger, PASSWORD)
    assert logged_in_user_id(stranger) is None
    # ... and so is any new browser, for a while ...
    assert TOO_MANY in sign_in(Client(REMOTE_ADDR="198.51.100.7"), PASSWORD)
    # ... but she signs in at her own phone.
    sign_in(phone, PASSWORD)
    assert logged_in_user_id(phone) == str(anna.pk)


def test_she_is_told_once_by_email(db, limits) -> None:
    make_user(ADDRESS, "Anna")
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(8):
        sign_in(stranger, "guess")
    # One warning, not one per attempt, in words that do not alarm without cause.
    assert [message.to for message in mail.outbox] == [[ADDRESS]]
    body = mail.outbox[0].body
    assert "wrong passwords for your Balint Room account" in body
    assert "where you have signed in before you can still sign in" in body
    assert "https://balint.example.org/accounts/password/reset/" in body
    assert "guess" not in body


def test_nobody_is_told_about_an_address_without_an_account(db, limits) -> None:
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(6):
        page = sign_in(stranger, "guess")
    assert TOO_MANY in page  # the same answer as for an account: nothing is given away
    assert mail.outbox == []


def test_her_own_devices_are_slowed_too_when_guessed_from_there(db, limits) -> None:
    make_user(ADDRESS, "Anna")
    phone = her_own_phone()
    for _attempt in range(5):
        sign_in(phone, "guess")
    assert TOO_MANY in sign_in(phone, PASSWORD)
    assert logged_in_user_id(phone) is None


def test_a_device_cookie_of_another_account_is_no_key_to_this_one(db, limits) -> None:
    make_user(ADDRESS, "Anna")
    make_user("ben@example.org", "Ben")
    bens = Client(REMOTE_ADDR="10.0.0.3")
    bens.post(reverse("account_login"), {"login": "ben@example.org", "password": PASSWORD})
    bens.post(reverse("account_logout"))
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(5):
        sign_in(stranger, "guess")
    assert TOO_MANY in sign_in(bens, PASSWORD)


def test_the_counters_are_shared_by_every_server_process(db, settings) -> None:
    """Not in a process's memory: in the database (or Redis when configured), where a
    second process - here a second cache client - reads the same count."""
    from django.core.cache import CacheHandler

    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    caches["default"].set("attempts", 3)
    other_process = CacheHandler()["default"]
    assert other_process is not caches["default"]
    assert other_process.get("attempts") == 3
