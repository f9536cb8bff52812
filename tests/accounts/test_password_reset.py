from django.core import mail
from django.urls import reverse
from django.utils.http import int_to_base36

from .conftest import PASSWORD, link_in, logged_in_user_id, make_user

NEW_PASSWORD = "another-long-password-77"


def _request_reset(client, email="anna@example.org"):
    return client.post(reverse("account_reset_password"), {"email": email})


def _set_new_password(client, link):
    response = client.get(link)
    # allauth moves the key out of the URL into the session before showing the form.
    assert response.status_code == 302
    form_url = response.headers["Location"]
    assert "set-password" in form_url
    response = client.get(form_url)
    assert response.status_code == 200
    assert 'name="password1"' in response.content.decode()
    return client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})


def test_it_resets_the_password_by_email(client, db):
    anna = make_user("anna@example.org", "Anna")
    response = _request_reset(client, "Anna@example.org")
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("account_reset_password_done")
    assert client.get(response.headers["Location"]).status_code == 200

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org"]
    response = _set_new_password(client, link_in(mail.outbox[0]))
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("account_reset_password_from_key_done")
    assert client.get(response.headers["Location"]).status_code == 200

    anna.refresh_from_db()
    assert anna.check_password(NEW_PASSWORD)
    assert logged_in_user_id(client) is None

    client.post(reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD})
    assert logged_in_user_id(client) is None
    client.post(reverse("account_login"), {"login": "anna@example.org",
                                           "password": NEW_PASSWORD})
    assert logged_in_user_id(client) == str(anna.pk)


def test_it_accepts_a_link_only_once(client, db):
    make_user("anna@example.org", "Anna")
    _request_reset(client)
    link = link_in(mail.outbox[0])
    _set_new_password(client, link)

    response = client.get(link, follow=True)
    html = response.content.decode()
    assert 'name="password1"' not in html
    assert reverse("account_reset_password") in html


def test_it_rejects_a_forged_link(client, db):
    anna = make_user("anna@example.org", "Anna")
    link = f"/accounts/password/reset/key/{int_to_base36(anna.pk)}-forged-key/"
    response = client.get(link, follow=True)
    assert 'name="password1"' not in response.content.decode()


def test_it_sends_no_reset_link_for_an_unknown_address(client, db):
    response = _request_reset(client, "nobody@example.org")
    # Same answer as for a known address: the page does not reveal who has an account.
    assert response.headers["Location"] == reverse("account_reset_password_done")
    assert all("/password/reset/key/" not in m.body for m in mail.outbox)


def test_it_rejects_a_weak_new_password(client, db):
    anna = make_user("anna@example.org", "Anna")
    _request_reset(client)
    response = client.get(link_in(mail.outbox[0]))
    form_url = response.headers["Location"]
    response = client.post(form_url, {"password1": "12345678", "password2": "12345678"})
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    anna.refresh_from_db()
    assert anna.check_password(PASSWORD)
