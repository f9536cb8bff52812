"""The room display's key, kept out of every address.

A display (the shared screen of an in-person group) has no account: its key is the room's
display token. Web servers and proxies log every address they serve, the WebSocket's
too, so the key travels in the link's fragment (which browsers never send), is posted
once by the page, and from then on rides in a cookie of the display's own."""

from collections.abc import Mapping
from datetime import timedelta

# Long enough for an evening and a forgotten screen the next morning; a renewed link
# makes it worthless at once.
DISPLAY_COOKIE_AGE = timedelta(hours=24)
TOKEN_MAX = 64


def display_cookie_name(meeting_id: int) -> str:
    return f"display-{meeting_id}"


def display_key(cookies: Mapping[str, str], meeting_id: int) -> str:
    """The key this display was given for this meeting, or "" (never matches a room)."""
    key = cookies.get(display_cookie_name(meeting_id), "")
    return key if 0 < len(key) <= TOKEN_MAX else ""
