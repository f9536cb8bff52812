from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse


@login_required
def meeting_room(request: HttpRequest, meeting_id: int) -> HttpResponse:
    raise NotImplementedError


def meeting_display(request: HttpRequest, meeting_id: int, token: str) -> HttpResponse:
    raise NotImplementedError


@login_required
def display_token_renew(request: HttpRequest, meeting_id: int) -> HttpResponse:
    raise NotImplementedError
