from django.urls import reverse

from balintroom.accounts.models import User

from .conftest import make_user

URL = "/accounts/profile/"


def _data(**changes):
    data = {"display_name": "Dr. Anna Weber", "profession": "general practitioner",
            "language": "", "timezone": "Europe/Vienna"}
    data.update(changes)
    return data


def _login(client, email="anna@example.org", name="Anna"):
    user = make_user(email, name)
    client.force_login(user)
    return user


def test_it_is_named_profile():
    assert reverse("profile") == URL


def test_it_shows_the_form(client, db):
    _login(client)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Anna"' in html
    for name in ("display_name", "profession", "language", "timezone"):
        assert f'name="{name}"' in html
    assert '<option value="Europe/Berlin" selected>Berlin</option>' in html
    assert '<optgroup label="America">' in html
    assert "anna@example.org" in html


def test_it_saves(client, db):
    anna = _login(client)
    response = client.post(URL, _data())
    assert response.status_code == 302
    assert response.headers["Location"] == URL
    anna.refresh_from_db()
    assert anna.display_name == "Dr. Anna Weber"
    assert anna.profession == "general practitioner"
    assert anna.language == ""
    assert anna.timezone == "Europe/Vienna"
    response = client.get(URL)
    assert "Your profile is saved." in response.content.decode()
    assert "Dr. Anna Weber" in response.content.decode()  # the header shows the new name


def test_it_tidies_whitespace(client, db):
    anna = _login(client)
    client.post(URL, _data(display_name="  Dr.   Anna  Weber ", profession=" nurse "))
    anna.refresh_from_db()
    assert anna.display_name == "Dr. Anna Weber"
    assert anna.profession == "nurse"


def test_it_accepts_blank_name_and_profession(client, db):
    anna = _login(client)
    client.post(URL, _data(display_name="", profession=""))
    anna.refresh_from_db()
    assert anna.display_name == "" and anna.profession == ""
    assert anna.name == "anna"


def _assert_rejected(client, user, data, field):
    before = User.objects.values().get(pk=user.pk)
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was saved." in html
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert User.objects.values().get(pk=user.pk) == before
    return html


def test_it_rejects_an_unknown_timezone(client, db):
    anna = _login(client)
    html = _assert_rejected(client, anna, _data(timezone="Mars/Olympus_Mons"), "timezone")
    assert "Choose a time zone from the list." in html


def test_it_rejects_a_technical_zone_name(client, db):
    anna = _login(client)
    _assert_rejected(client, anna, _data(timezone="localtime"), "timezone")


def test_it_rejects_an_unknown_language(client, db):
    anna = _login(client)
    html = _assert_rejected(client, anna, _data(language="tlh"), "language")
    assert "Choose a language from the list." in html


def test_it_rejects_a_too_long_name(client, db):
    anna = _login(client)
    html = _assert_rejected(client, anna, _data(display_name="A" * 81), "display_name")
    assert "at most 80 characters" in html
    # The header keeps the saved name, not the rejected one.
    assert "A" * 81 not in html.split("<main")[0]


def test_it_keeps_an_existing_alias_zone(client, db):
    anna = _login(client)
    anna.timezone = "US/Eastern"
    anna.save()
    response = client.post(URL, _data(timezone="US/Eastern", display_name="Anna W."))
    assert response.status_code == 302
    anna.refresh_from_db()
    assert (anna.display_name, anna.timezone) == ("Anna W.", "US/Eastern")


def test_it_changes_only_the_own_profile(client, db):
    anna = make_user("anna@example.org", "Anna")
    olga = _login(client, "olga@example.org", "Olga")
    response = client.post(URL, _data(
        display_name="Olga K.", id=anna.pk, pk=anna.pk, user=anna.pk,
        email="anna@example.org", is_staff="on", is_superuser="on",
    ))
    assert response.status_code == 302
    anna.refresh_from_db()
    olga.refresh_from_db()
    assert anna.display_name == "Anna"
    assert olga.display_name == "Olga K."
    assert olga.email == "olga@example.org"
    assert not olga.is_staff and not olga.is_superuser
    response = client.get(URL + f"?id={anna.pk}")
    assert "anna@example.org" not in response.content.decode()


def test_it_requires_login(client, db):
    anna = make_user("anna@example.org", "Anna")
    for response in (client.get(URL), client.post(URL, _data())):
        assert response.status_code == 302
        assert response.headers["Location"] == f"{reverse('account_login')}?next={URL}"
    anna.refresh_from_db()
    assert anna.display_name == "Anna"
