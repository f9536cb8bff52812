import importlib

from django.contrib.auth.hashers import identify_hasher
from django.test import override_settings
from django.urls import reverse

from balintroom.accounts.models import User

from .conftest import PASSWORD, make_user

# tests.settings swaps in MD5 for speed; these tests look at what production runs.
PRODUCTION_HASHERS = importlib.import_module("balintroom.settings").PASSWORD_HASHERS


def test_it_puts_argon2_first_in_production():
    assert PRODUCTION_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_it_stores_new_passwords_with_argon2(db):
    anna = make_user("anna@example.org", "Anna")
    assert anna.password.startswith("argon2$")
    assert identify_hasher(anna.password).algorithm == "argon2"
    assert anna.check_password(PASSWORD)


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_it_upgrades_an_older_hash_on_login(client, db):
    anna = make_user("anna@example.org", "Anna")
    with override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS[1:]):
        anna.set_password(PASSWORD)
        anna.save()
    assert anna.password.startswith("pbkdf2_sha256$")

    client.post(reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(anna.pk)
    assert User.objects.get(pk=anna.pk).password.startswith("argon2$")
