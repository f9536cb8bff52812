"""allauth's pages render inside our base.html, with our CSS classes and nothing inline."""

import re

from django.core import mail
from django.urls import reverse

from tests.core.test_security_headers import external_urls, inline_code

from .conftest import PASSWORD, link_in, make_user

ANONYMOUS = [
    "account_login", "account_signup", "account_reset_password", "account_reset_password_done",
    "account_email_verification_sent", "account_reset_password_from_key_done",
]
SIGNED_IN = ["account_logout", "account_change_password", "account_email"]


def _assert_our_layout(response, name):
    assert response.status_code == 200, name
    html = response.content.decode()
    assert 'class="site-header"' in html, name
    assert 'class="site-footer"' in html, name
    assert 'href="/static/balintroom/site.css"' in html, name
    assert re.search(r'<main id="main" class="page account (entrance|manage)">', html), name
    assert re.search(r"<title>\s*\S.*\s- Balint Room</title>", html, re.DOTALL), name
    assert html.count("<html") == 1 and html.count("<body") == 1, name
    assert inline_code(html) == [], name
    assert external_urls(html) == [], name
    return html


def test_it_renders_the_entrance_pages_in_our_layout(client, db):
    for name in ANONYMOUS:
        _assert_our_layout(client.get(reverse(name)), name)


def test_it_renders_the_account_pages_in_our_layout(client, db):
    client.force_login(make_user("anna@example.org", "Anna"))
    for name in SIGNED_IN:
        _assert_our_layout(client.get(reverse(name)), name)


def test_it_renders_the_emailed_pages_in_our_layout(client, db):
    client.post(reverse("account_signup"), {"email": "nina@example.org",
                                            "password1": PASSWORD, "password2": PASSWORD})
    _assert_our_layout(client.get(link_in(mail.outbox[0])), "confirm email")

    make_user("anna@example.org", "Anna")
    client.post(reverse("account_reset_password"), {"email": "anna@example.org"})
    html = _assert_our_layout(client.get(link_in(mail.outbox[-1]), follow=True), "reset key")
    assert 'name="password1"' in html


def test_it_styles_forms_and_buttons_with_our_classes(client, db):
    html = client.get(reverse("account_login")).content.decode()
    assert '<form method="post" class="card" action="/accounts/login/">' in html
    assert '<div class="actions">' in html

    client.force_login(make_user("anna@example.org", "Anna"))
    html = client.get(reverse("account_email")).content.decode()
    assert re.search(r'<button\s+class="secondary"[^>]*name="action_send"', html)
    assert re.search(r'<button\s+class="danger"[^>]*name="action_remove"', html)
    assert '<span class="badge">' in html


def test_it_shows_form_errors_as_our_errorlist(client, db):
    response = client.post(reverse("account_login"), {"login": "not-an-address",
                                                      "password": ""})
    assert 'class="errorlist' in response.content.decode()
