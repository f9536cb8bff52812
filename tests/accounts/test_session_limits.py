"""A sign-in ends: after a while without a page on a shared computer, and in any case some
hours after it began; "keep me signed in" lasts longer, on her own device."""

import pytest
from django.test import Client
from django.urls import reverse

from balintroom.accounts.middleware import SEEN_COOKIE, SIGNED_IN_AT

from .conftest import PASSWORD, logged_in_user_id, make_user


def signed_in(remember: bool = False) -> Client:
    client = Client()
    data = {"login": "anna@example.org", "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    client.post(reverse("account_login"), data)
    assert logged_in_user_id(client) is not None
    return client


def move_sign_in_back(client: Client, seconds: int) -> None:
    session = client.session
    session[SIGNED_IN_AT] -= seconds
    session.save()


@pytest.fixture
def anna(db):
    return make_user("anna@example.org", "Anna")


def test_an_active_sign_in_goes_on(anna) -> None:
    client = signed_in()
    assert client.get("/").status_code == 200
    assert logged_in_user_id(client) == str(anna.pk)
    assert client.cookies[SEEN_COOKIE]["max-age"] == 120 * 60


def test_two_hours_without_a_page_sign_her_out(anna) -> None:
    client = signed_in()
    move_sign_in_back(client, 121 * 60)
    del client.cookies[SEEN_COOKIE]  # the browser let it expire: 120 minutes
    response = client.get("/groups/new/", follow=True)
    assert logged_in_user_id(client) is None
    assert response.redirect_chain[0][0].startswith(reverse("account_login"))
    assert "next=/groups/new/" in response.redirect_chain[0][0]
    assert "signed out after 120 minutes without activity" in response.content.decode()


def test_a_forged_or_old_seen_cookie_does_not_keep_her_in(anna) -> None:
    client = signed_in()
    move_sign_in_back(client, 3 * 3600)
    client.cookies[SEEN_COOKIE] = "1:forged"
    client.get("/")
    assert logged_in_user_id(client) is None


def test_no_sign_in_lasts_longer_than_twelve_hours(anna) -> None:
    client = signed_in()
    move_sign_in_back(client, 12 * 3600 + 60)
    response = client.get("/", follow=True)  # her seen cookie is fresh: she was active
    assert logged_in_user_id(client) is None
    assert "Please sign in again." in response.content.decode()


def test_keep_me_signed_in_lasts_two_weeks_without_an_idle_limit(anna) -> None:
    client = signed_in(remember=True)
    move_sign_in_back(client, 3 * 86400)
    del client.cookies[SEEN_COOKIE]
    client.get("/")
    assert logged_in_user_id(client) == str(anna.pk)
    move_sign_in_back(client, 12 * 86400)
    client.get("/")
    assert logged_in_user_id(client) is None


def test_the_limits_are_the_operators_to_set(anna, settings) -> None:
    settings.SESSION_IDLE_MINUTES = 15
    client = signed_in()
    move_sign_in_back(client, 16 * 60)
    del client.cookies[SEEN_COOKIE]
    client.get("/")
    assert logged_in_user_id(client) is None


def test_the_seen_cookie_of_someone_else_on_this_browser_does_not_count(anna) -> None:
    from django.core import signing

    from balintroom.accounts.middleware import SEEN_SALT

    client = signed_in()
    move_sign_in_back(client, 3 * 3600)
    client.cookies[SEEN_COOKIE] = signing.dumps(anna.pk + 1, salt=SEEN_SALT)
    client.get("/")
    assert logged_in_user_id(client) is None
