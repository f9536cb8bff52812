from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext

from .forms import ProfileForm
from .models import User


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    # Always the signed-in user's own row, fetched afresh: a rejected form must not leave
    # half-applied values on request.user (the header shows its name).
    assert isinstance(request.user, User)
    user = User.objects.get(pk=request.user.id)
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        # The next page speaks the new language; so should the note that says it was saved.
        language = user.language or translation.get_language_from_request(request)
        with translation.override(language):
            messages.success(request, gettext("Your profile is saved."))
        return redirect("profile")
    return render(request, "accounts/profile.html", {"form": form})

