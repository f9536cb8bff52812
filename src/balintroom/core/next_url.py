"""Where a page sends her back to after a form: an address of this site only, never
another's (an open redirect)."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def ours(request: HttpRequest, wanted: str) -> str:
    """`wanted` if it is an address of this site, else ""."""
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()},
                                                   require_https=request.is_secure()):
        return wanted
    return ""
