"""The edge of every WebSocket: only pages of this site may open one, and a path that
leads nowhere is refused cleanly."""

from typing import Any
from urllib.parse import urlsplit

from channels.generic.websocket import AsyncWebsocketConsumer
from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host

DEFAULT_PORTS = {"http": 80, "https": 443}

Scope = dict[str, Any]


def _origin(url: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(url.strip().lower())
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or port is None:
        return None
    return parts.scheme, parts.hostname, port


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def same_origin(scope: Scope) -> bool:
    """Whether the socket was opened by a page of this site: its Origin has the scheme,
    host and port the socket was asked for on (the Host header, itself one of
    ALLOWED_HOSTS), or is one of CSRF_TRUSTED_ORIGINS. Another site's page, or this site
    on another port or over plain http when the site is https, is refused: its scripts
    could otherwise open a room with the member's cookie."""
    origin = _origin(_header(scope, b"origin") or "")
    if origin is None:
        return False
    if origin in {_origin(trusted) for trusted in settings.CSRF_TRUSTED_ORIGINS}:
        return True
    host = _header(scope, b"host")
    if not host:
        return False
    domain, _port = split_domain_port(host)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return False
    scheme = "https" if scope.get("scheme") == "wss" else "http"
    return origin == _origin(f"{scheme}://{host}")


class SameOriginValidator:
    def __init__(self, application: Any) -> None:
        self.application = application

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> Any:
        if scope["type"] == "websocket" and not same_origin(scope):
            return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)


class NoSuchSocket(AsyncWebsocketConsumer):
    """Every WebSocket path that leads nowhere: refused at the handshake (403), instead
    of the router's error and a traceback in the log."""

    async def connect(self) -> None:
        await self.close()
