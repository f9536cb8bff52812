from django.urls import reverse

from .conftest import make_user

URL = "/accounts/profile/"


def _user(client, language):
    user = make_user("anna@example.org", "Anna")
    user.language = language
    user.save()
    client.force_login(user)
    return user


def _assert_language(response, code):
    assert response.status_code == 200
    assert response.headers["Content-Language"] == code
    assert f'<html lang="{code}">' in response.content.decode()


def test_it_speaks_the_profile_language(client, db):
    _user(client, "de")
    _assert_language(client.get(URL, headers={"Accept-Language": "en"}), "de")


def test_it_follows_the_browser_when_the_profile_says_nothing(client, db):
    _user(client, "")
    _assert_language(client.get(URL, headers={"Accept-Language": "de-DE,de;q=0.9"}), "de")


def test_it_speaks_english_to_an_english_browser(client, db):
    _user(client, "")
    _assert_language(client.get(URL, headers={"Accept-Language": "en-GB,en;q=0.9"}), "en")


def test_it_prefers_the_profile_over_the_browser(client, db):
    _user(client, "en")
    _assert_language(client.get(URL, headers={"Accept-Language": "de"}), "en")


def test_it_follows_the_browser_for_anonymous_visitors(client, db):
    response = client.get(reverse("account_login"), headers={"Accept-Language": "de"})
    _assert_language(response, "de")
    assert "Accept-Language" in response.headers["Vary"]


def test_it_changes_the_language_of_the_next_page_on_save(client, db):
    _user(client, "")
    response = client.post(URL, {"display_name": "Anna", "profession": "", "language": "de",
                                 "timezone": "Europe/Berlin"},
                           headers={"Accept-Language": "en"}, follow=True)
    _assert_language(response, "de")
