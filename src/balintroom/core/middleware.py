from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


# Nothing from a third party: hospitals run behind strict proxies, and a group's pages
# must not tell anyone else who is meeting. 'self' covers the room's WebSocket. The one
# exception is the room of a group that meets in the installation's own video call: its
# page lets in that origin, and nothing else (video_policies).
def content_security_policy(video_origin: str = "") -> str:
    extra = f" {video_origin}" if video_origin else ""
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self'{extra}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "media-src 'self'",
            f"frame-src {video_origin}" if video_origin else "frame-src 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


CONTENT_SECURITY_POLICY = content_security_policy()
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()"


def video_policies(video_origin: str) -> dict[str, str]:
    """The headers of a page that embeds the call: the camera and microphone delegated
    to that origin's frame alone."""
    return {
        "Content-Security-Policy": content_security_policy(video_origin),
        "Permissions-Policy": (f'camera=("{video_origin}"), microphone=("{video_origin}"), '
                               f'display-capture=("{video_origin}"), geolocation=()'),
    }


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Every page of ours may hold a group's names, a meeting, a note: no browser or
        # proxy keeps a copy (a shared computer on a ward, the back button after signing
        # out). Static files are served before this (WhiteNoise) and stay cacheable; a
        # view that says otherwise keeps its own header.
        if "Cache-Control" not in response.headers:
            add_never_cache_headers(response)
        return response
