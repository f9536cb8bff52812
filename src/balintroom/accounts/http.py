from django.http import HttpRequest

from balintroom.accounts.models import User


class AuthedRequest(HttpRequest):
    """The request of a view behind @login_required: its user is a real user."""

    user: User
