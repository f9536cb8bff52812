from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import membership_for


@login_required
def group_create(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError


@login_required
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    membership = membership_for(request.user, group_id)
    return render(request, "groups/detail.html", {"membership": membership})


@login_required
def invitation_accept_pending(request: HttpRequest, invitation_id: int) -> HttpResponse:
    raise NotImplementedError
