from django.urls import reverse

from .conftest import logged_in_user_id, make_user


def test_it_requires_post(client, db):
    anna = make_user("anna@example.org", "Anna")
    client.force_login(anna)
    response = client.get(reverse("account_logout"))
    # GET only asks; a link or an <img> elsewhere cannot sign anyone out.
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="post" class="card" action="/accounts/logout/">' in html
    assert logged_in_user_id(client) == str(anna.pk)


def test_it_logs_out_on_post(client, db):
    anna = make_user("anna@example.org", "Anna")
    client.force_login(anna)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert logged_in_user_id(client) is None


def test_it_offers_the_logout_form_in_the_header(client, db):
    client.force_login(make_user("anna@example.org", "Anna"))
    html = client.get(reverse("profile")).content.decode()
    assert '<form method="post" action="/accounts/logout/" class="inline">' in html
