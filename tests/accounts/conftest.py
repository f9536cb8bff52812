import re

from django.core.mail import EmailMessage

from tests.conftest import PASSWORD, make_user  # noqa: F401  (re-exported for the tests here)


def link_in(message: EmailMessage) -> str:
    """The path of the one link to this site in an email."""
    match = re.search(r"https?://testserver(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def logged_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")
