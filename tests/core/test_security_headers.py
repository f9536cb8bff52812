"""Nothing from a third party, ever, and nothing inline: the CSP forbids both, and a group's
pages must not tell anyone else who is meeting."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.conftest import make_user

ALLOWED_SOURCES = {"'self'", "'none'", "data:"}
URL_ATTRIBUTE = re.compile(
    r"""\b(?:src|href|action|srcset|poster|formaction|data|xlink:href)\s*=\s*["']?\s*([^"'\s>]*)""",
    re.IGNORECASE,
)
INLINE_HANDLER = re.compile(r"""<[^>]*\son[a-z]+\s*=""", re.IGNORECASE)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)

ANONYMOUS_PAGES = ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
MEMBER_PAGES = ["/accounts/profile/", "/accounts/logout/", "/accounts/password/change/"]


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def external_urls(html: str) -> list[str]:
    """Every URL in an attribute that points away from this site."""
    return [url for url in URL_ATTRIBUTE.findall(html)
            if re.match(r"(?:https?:)?//", url, re.IGNORECASE)]


def inline_code(html: str) -> list[str]:
    """Inline scripts, styles and event handlers: the CSP would block them in the browser."""
    found = []
    if re.search(r"<style\b", html, re.IGNORECASE):
        found.append("<style>")
    if re.search(r"""<[^>]*\sstyle\s*=""", html, re.IGNORECASE):
        found.append("style=")
    found += [f"on*= in {m.group(0)[:60]}" for m in INLINE_HANDLER.finditer(html)]
    for attrs in SCRIPT_TAG.findall(html):
        # A JSON data block is not executed, and so is allowed.
        if "src=" not in attrs and 'type="application/json"' not in attrs:
            found.append(f"<script{attrs}>")
    if re.search(r"javascript:", html, re.IGNORECASE):
        found.append("javascript:")
    return found


def _pages(client):
    for url in ANONYMOUS_PAGES:
        yield url, client.get(url)
    client.force_login(make_user("anna@example.org", "Anna"))
    for url in MEMBER_PAGES:
        yield url, client.get(url)


def test_it_sends_a_strict_policy_on_every_page(client, db):
    for url, response in _pages(client):
        assert response.status_code == 200, url
        policy = csp_directives(response.headers["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert policy["object-src"] == ["'none'"], url
        for name, sources in policy.items():
            assert set(sources) <= ALLOWED_SOURCES, (url, name, sources)
        assert response.headers["X-Frame-Options"] == "DENY", url
        assert response.headers["X-Content-Type-Options"] == "nosniff", url
        assert response.headers["Referrer-Policy"] == "same-origin", url


def test_it_references_nothing_outside_the_site(client, db):
    for url, response in _pages(client):
        html = response.content.decode()
        assert external_urls(html) == [], url
        assert not re.search(r"https?://", html), url


def test_it_has_no_inline_script_or_style(client, db):
    for url, response in _pages(client):
        assert inline_code(response.content.decode()) == [], url


def test_it_loads_no_stylesheet_from_elsewhere():
    css = Path(finders.find("balintroom/site.css")).read_text()
    assert not re.search(r"https?:|@import|url\(\s*['\"]?//", css)


@pytest.mark.parametrize("html, found", [
    ('<img src="https://cdn.example/x.png">', ["https://cdn.example/x.png"]),
    ("<a href='//cdn.example/'>", ["//cdn.example/"]),
    ('<link href="/static/site.css">', []),
])
def test_it_finds_external_urls(html, found):
    assert external_urls(html) == found


@pytest.mark.parametrize("html, found", [
    ("<script>alert(1)</script>", True),
    ('<p style="color: red">', True),
    ("<style>p {}</style>", True),
    ('<button onclick="x()">', True),
    ('<script src="/static/x.js"></script>', False),
    ('<script type="application/json">{}</script>', False),
])
def test_it_finds_inline_code(html, found):
    assert bool(inline_code(html)) is found


def test_no_page_of_a_group_or_room_is_kept_by_a_browser_or_proxy(client, cast):
    """A shared computer on a ward: after signing out, the back button shows nothing."""
    from django.urls import reverse

    client.force_login(cast.member)
    for url in [f"/groups/{cast.group.pk}/", reverse("meeting_room", args=[cast.meeting.pk]),
                "/", "/accounts/profile/", reverse("meeting_display", args=[cast.meeting.pk])]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url


def test_static_files_stay_cacheable(client, db):
    response = client.get("/static/live/room.js")
    assert "no-store" not in response.get("Cache-Control", "")
