from django.urls import reverse

from .conftest import PASSWORD, logged_in_user_id, make_user


def test_it_shows_the_form_inside_our_layout(client, db):
    html = client.get(reverse("account_login")).content.decode()
    assert 'class="site-header"' in html
    assert 'name="login"' in html and 'name="password"' in html
    assert reverse("account_reset_password") in html
    # In the product's words, each field labelled and with a hint for password managers.
    assert "<h1>Sign in</h1>" in html and "Forgot your password?" in html
    assert '<label for="id_login">Email address:</label>' in html
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html
    assert '<label for="id_remember">Keep me signed in on this device</label>' in html
    assert "placeholder=" not in html and "Remember Me" not in html


def test_it_logs_in(client, db):
    anna = make_user("anna@example.org", "Anna")
    response = client.post(reverse("account_login"), {"login": "anna@example.org",
                                                      "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert logged_in_user_id(client) == str(anna.pk)


def test_it_ignores_the_case_of_the_address(client, db):
    anna = make_user("anna@example.org", "Anna")
    client.post(reverse("account_login"), {"login": "Anna@EXAMPLE.org", "password": PASSWORD})
    assert logged_in_user_id(client) == str(anna.pk)


def test_it_rejects_a_wrong_password(client, db):
    make_user("anna@example.org", "Anna")
    response = client.post(reverse("account_login"), {"login": "anna@example.org",
                                                      "password": "not-her-password"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="errorlist nonfield"' in html
    assert "not correct" in html
    assert logged_in_user_id(client) is None


def test_it_rejects_an_unknown_address_with_the_same_error(client, db):
    response = client.post(reverse("account_login"), {"login": "nobody@example.org",
                                                      "password": PASSWORD})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert logged_in_user_id(client) is None


def test_it_follows_next_within_the_site_only(client, db):
    make_user("anna@example.org", "Anna")
    response = client.post(reverse("account_login") + "?next=https://evil.example/",
                           {"login": "anna@example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/"


def test_it_refuses_an_inactive_user(client, db):
    anna = make_user("anna@example.org", "Anna")
    anna.is_active = False
    anna.save()
    client.post(reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD})
    assert logged_in_user_id(client) is None
