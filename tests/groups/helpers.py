"""Small helpers for the groups tests."""

from urllib.parse import quote

from django.http import HttpResponse


def text(response: HttpResponse) -> str:
    return response.content.decode()


def assert_login_redirect(response: HttpResponse, path: str) -> None:
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert quote(path, safe="/") in response["Location"]


def password_given(client, user) -> None:  # type: ignore[no-untyped-def]
    """Signed in, and her password given again a moment ago (as a role change asks)."""
    from django.urls import reverse

    from tests.conftest import PASSWORD

    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
