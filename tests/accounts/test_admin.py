from django.urls import reverse

from balintroom.accounts.models import User

from .conftest import PASSWORD, make_user


def _staff(client):
    admin = make_user("root@example.org", "Root")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    return admin


def test_it_lists_users(client, db):
    _staff(client)
    make_user("anna@example.org", "Dr. Anna Weber")
    response = client.get(reverse("admin:accounts_user_changelist"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "anna@example.org" in html and "Dr. Anna Weber" in html
    assert "column-is_staff" in html


def test_it_searches_by_email(client, db):
    _staff(client)
    make_user("anna@example.org", "Anna")
    make_user("ben@example.org", "Ben")
    response = client.get(reverse("admin:accounts_user_changelist"), {"q": "anna@"})
    html = response.content.decode()
    assert "anna@example.org" in html
    assert "ben@example.org" not in html


def test_it_shows_the_change_page(client, db):
    _staff(client)
    anna = make_user("anna@example.org", "Anna")
    response = client.get(reverse("admin:accounts_user_change", args=[anna.pk]))
    assert response.status_code == 200
    assert 'name="timezone"' in response.content.decode()


def test_it_adds_a_user(client, db):
    _staff(client)
    response = client.post(reverse("admin:accounts_user_add"), {
        "email": "Nina@Example.org", "usable_password": "true",
        "password1": PASSWORD, "password2": PASSWORD,
    })
    assert response.status_code == 302
    nina = User.objects.get(email="nina@example.org")
    assert nina.check_password(PASSWORD)


def test_it_refuses_a_second_account_differing_in_case(client, db):
    _staff(client)
    make_user("anna@example.org", "Anna")
    response = client.post(reverse("admin:accounts_user_add"), {
        "email": "ANNA@example.org", "usable_password": "true",
        "password1": PASSWORD, "password2": PASSWORD,
    })
    assert response.status_code == 200
    assert User.objects.filter(email__iexact="anna@example.org").count() == 1


def test_it_is_closed_to_members(client, db):
    client.force_login(make_user("anna@example.org", "Anna"))
    response = client.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 302
    assert client.get(response.headers["Location"]).status_code == 403


def test_it_signs_staff_in_through_allauth(client, db):
    response = client.get(reverse("admin:login") + "?next=/admin/")
    assert response.status_code == 302
    assert response.headers["Location"] == f"{reverse('account_login')}?next=%2Fadmin%2F"
    assert client.post(reverse("admin:login"), {"username": "x", "password": "y"}
                       ).status_code == 302
