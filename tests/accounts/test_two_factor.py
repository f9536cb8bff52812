"""Two-factor sign-in (allauth's MFA): required of those who lead a group, coordinate a
programme or administer the site; optional for members. An authenticator app's codes,
recovery codes; each change in the audit log."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from cryptography.fernet import Fernet
from django.test import Client
from django.urls import reverse

from balintroom.accounts.models import AuditEvent
from tests.conftest import PASSWORD, Cast


@pytest.fixture(autouse=True)
def required(settings) -> None:
    settings.TWO_FACTOR_REQUIRED = True
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]


def code(secret: str) -> str:
    """What the app shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def signed_in(user) -> Client:
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    return client


def activate_app(client: Client) -> str:
    """What she does with her phone: scan the code, type what the app shows."""
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp")).content.decode()
    secret = client.session[SECRET_SESSION_KEY]
    assert secret in page  # shown for typing in, beside the QR code
    response = client.post(reverse("mfa_activate_totp"), {"code": code(secret)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return secret


def test_a_leader_sets_up_a_second_factor_before_anything_else(cast: Cast) -> None:
    client = signed_in(cast.leader)
    response = client.get(f"/groups/{cast.group.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_index")
    assert "You lead a group: please set up two-factor sign-in first" in (
        response.content.decode())
    activate_app(client)
    assert client.get(f"/groups/{cast.group.pk}/").status_code == 200


@pytest.mark.parametrize("who", ["coleader", "outsider"])  # the outsider leads her own group
def test_every_leader_is_asked(cast: Cast, who: str) -> None:
    response = signed_in(getattr(cast, who)).get("/")
    assert response.status_code == 302 and response["Location"] == reverse("mfa_index")


def test_a_member_may_but_need_not(cast: Cast) -> None:
    client = signed_in(cast.members[0])
    assert client.get(f"/groups/{cast.group.pk}/").status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200


def test_signing_in_asks_for_the_apps_code_and_refuses_a_wrong_one(cast: Cast) -> None:
    secret = activate_app(signed_in(cast.leader))
    client = Client()
    response = client.post(reverse("account_login"), {"login": cast.leader.email,
                                                      "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # the password alone is not enough
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    client.post(reverse("mfa_authenticate"), {"code": code(secret)})
    assert client.session["_auth_user_id"] == str(cast.leader.pk)
    assert client.get(f"/groups/{cast.group.pk}/").status_code == 200


def test_a_recovery_code_works_once(cast: Cast) -> None:
    client = signed_in(cast.leader)
    activate_app(client)
    page = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    codes = re.findall(r"\b[0-9a-f]{8}\b", page)
    assert len(set(codes)) >= 10
    for attempt in range(2):
        other = Client()
        other.post(reverse("account_login"), {"login": cast.leader.email, "password": PASSWORD})
        other.post(reverse("mfa_authenticate"), {"code": codes[0]})
        signed = other.session.get("_auth_user_id") == str(cast.leader.pk)
        assert signed == (attempt == 0)


def test_each_change_of_the_second_factor_is_in_the_audit_log(
        cast: Cast, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        activate_app(signed_in(cast.leader))
    kinds = set(AuditEvent.objects.filter(user_id=cast.leader.pk)
                .values_list("kind", flat=True))
    assert "two_factor_changed" in kinds
    assert Authenticator.objects.filter(user=cast.leader, type="totp").exists()


def test_the_requirement_can_be_turned_off(cast: Cast, settings) -> None:
    settings.TWO_FACTOR_REQUIRED = False
    assert signed_in(cast.leader).get(f"/groups/{cast.group.pk}/").status_code == 200


def test_the_apps_key_is_stored_encrypted_and_rotates_with_the_notes_keys(
        cast: Cast, settings) -> None:
    from io import StringIO

    from django.core.management import call_command

    secret = activate_app(signed_in(cast.leader))
    stored = Authenticator.objects.get(user=cast.leader, type="totp").data["secret"]
    assert secret not in stored  # a database backup alone gives no codes
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(),
                                      *settings.FIELD_ENCRYPTION_KEYS]
    out = StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    assert "2 two-factor secret(s)" in out.getvalue()  # the app's key, the codes' seed
    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS[:1]  # the old key gone
    client = Client()
    client.post(reverse("account_login"), {"login": cast.leader.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": code(secret)})
    assert client.session["_auth_user_id"] == str(cast.leader.pk)



@pytest.mark.django_db(transaction=True)
async def test_a_leaders_room_socket_needs_her_second_factor_too(cast: Cast) -> None:
    """Her pages send her to set it up; a socket opened by hand is refused as well."""
    from asgiref.sync import sync_to_async

    from balintroom.live.services import room_create
    from tests.live.test_consumer import headers_for, join, refused_handshake, room_path

    await sync_to_async(room_create)(meeting=cast.meeting)
    assert await refused_handshake(room_path(cast), await headers_for(cast.leader)) == 4403
    anna = await join(cast, cast.members[0])  # a member needs none
    await anna.close()
    await sync_to_async(Authenticator.objects.create)(user=cast.leader, type="totp",
                                                      data={"secret": "set up"})
    lena = await join(cast, cast.leader)
    await lena.close()
