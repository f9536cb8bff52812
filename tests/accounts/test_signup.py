from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from balintroom.accounts.models import User

from .conftest import PASSWORD, link_in, logged_in_user_id, make_user


def _sign_up(client, email="nina@example.org"):
    return client.post(reverse("account_signup"), {
        "email": email, "password1": PASSWORD, "password2": PASSWORD,
    })


def test_it_shows_the_form_inside_our_layout(client, db):
    response = client.get(reverse("account_signup"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html
    assert 'name="email"' in html and 'name="password1"' in html
    assert '<form method="post" class="card"' in html
    assert "<h1>Create your account</h1>" in html and "Sign Up" not in html
    assert 'autocomplete="email"' in html and html.count('autocomplete="new-password"') == 2


def test_it_signs_up_confirms_and_logs_in(client, db):
    response = _sign_up(client, "Nina@Example.org")
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("account_email_verification_sent")
    assert logged_in_user_id(client) is None  # verification is mandatory

    user = User.objects.get(email="nina@example.org")
    assert user.check_password(PASSWORD)
    assert not EmailAddress.objects.get(user=user).verified

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nina@example.org"]
    link = link_in(message)

    response = client.get(link)
    assert response.status_code == 200
    assert "nina@example.org" in response.content.decode()
    assert logged_in_user_id(client) is None  # following a link alone confirms nothing

    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert logged_in_user_id(client) == str(user.pk)


def test_it_does_not_log_in_before_confirmation(client, db):
    _sign_up(client)
    client.logout()
    mail.outbox.clear()

    response = client.post(reverse("account_login"), {
        "login": "nina@example.org", "password": PASSWORD,
    })
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("account_email_verification_sent")
    assert logged_in_user_id(client) is None
    assert len(mail.outbox) == 1  # a fresh confirmation link


def test_it_rejects_a_bad_confirmation_key(client, db):
    _sign_up(client)
    url = reverse("account_confirm_email", args=["not-a-key"])
    response = client.get(url)
    assert response.status_code == 200
    assert "expired or is invalid" in response.content.decode()
    assert client.post(url).status_code == 404
    assert not EmailAddress.objects.filter(verified=True).exists()
    assert logged_in_user_id(client) is None


def test_it_does_not_create_a_second_account_for_a_known_address(client, db):
    lena = make_user("lena@example.org", "Lena")
    _sign_up(client, "LENA@example.org")
    assert User.objects.filter(email__iexact="lena@example.org").count() == 1
    assert logged_in_user_id(client) is None
    # The owner hears about it; the page does not tell a stranger the address is taken.
    assert [m.to for m in mail.outbox] == [["lena@example.org"]]
    lena.refresh_from_db()
    assert lena.check_password(PASSWORD)


def test_it_rejects_mismatched_passwords(client, db):
    response = client.post(reverse("account_signup"), {
        "email": "nina@example.org", "password1": PASSWORD, "password2": PASSWORD + "x",
    })
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not User.objects.filter(email="nina@example.org").exists()
    assert mail.outbox == []
