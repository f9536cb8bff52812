"""Small helpers for the groups tests."""

from urllib.parse import quote

from django.http import HttpResponse


def text(response: HttpResponse) -> str:
    return response.content.decode()


def assert_login_redirect(response: HttpResponse, path: str) -> None:
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert quote(path, safe="/") in response["Location"]
