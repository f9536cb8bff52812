"""The review in the room: her private answer, the group's summary, the presenter's
mirror. Each page is whole when opened alone (a phone after the round) and a fragment
when the room page asks for it (the header FRAGMENT_HEADER), to put in its review card."""

from datetime import date as date_type

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from balintroom.accounts.http import AuthedRequest
from balintroom.groups.selectors import leading_membership_for, member_names
from balintroom.live.display import display_key
from balintroom.live.selectors import room_for_display_or_none

from .development import group_development, own_history
from .forms import MirrorForm, ReviewForm
from .plots import bar_svg, column_svg, line_svg
from .selectors import (
    ReviewPlace,
    mirror_of,
    own_review,
    reached_review,
    review_place,
    review_round_on_display,
    review_summary,
)
from .services import SUMMARY_MIN, ReviewError, review_answer, review_mirror
from .vocabulary import FEELINGS, SIMILAR

FRAGMENT_HEADER = "X-Balintroom-Fragment"


def _fragment(request: HttpRequest) -> bool:
    return request.headers.get(FRAGMENT_HEADER) == "1"


def _show(request: AuthedRequest, place: ReviewPlace, *, form: ReviewForm | None = None,
          mirror_form: MirrorForm | None = None, error: str = "", status: int = 200
          ) -> HttpResponse:
    summary = review_summary(place.round)
    own = own_review(request.user, place.round)
    if form is None and own is None and place.open:
        form = ReviewForm()
    mirror = mirror_of(request.user, place.round) if place.presents else None
    named = [key for key, _count in summary.feelings]
    if mirror_form is None and place.presents and named:
        mirror_form = MirrorForm(named=named, served=place.meeting.group.served,
                                 initial={"recognised": mirror or []})
    context = {
        "place": place, "meeting": place.meeting, "group": place.meeting.group,
        "summary": summary, "form": form if own is None else None, "own": own,
        "mirror_form": mirror_form, "mirror": mirror, "error": error,
        "feelings": FEELINGS, "similar": SIMILAR,
        "template": "reflection/_bare.html" if _fragment(request) else "base.html",
    }
    return render(request, "reflection/review.html", context, status=status)


@login_required
@sensitive_post_parameters()
@sensitive_variables()
@require_http_methods(["GET", "POST"])
def review(request: AuthedRequest, meeting_id: int, number: int) -> HttpResponse:
    place = review_place(request.user, meeting_id, number)
    if request.method == "GET":
        return _show(request, place)
    form = ReviewForm(request.POST, known_names=member_names(place.meeting.group_id))
    if not form.is_valid():
        return _show(request, place, form=form, status=400)
    try:
        review_answer(place=place, by=request.user, answer=form.answer())
    except ReviewError as error:
        return _show(request, place, error=str(error), status=400)
    if _fragment(request):
        return _show(request, place)
    messages.success(request, _("Thank you. Your answer counts in the group's summary "
                                "without your name."))
    return redirect("review", meeting_id=meeting_id, number=number)


@login_required
@require_POST
def review_mirror_save(request: AuthedRequest, meeting_id: int, number: int) -> HttpResponse:
    place = review_place(request.user, meeting_id, number)
    named = [key for key, _count in review_summary(place.round).feelings]
    form = MirrorForm(request.POST, named=named, served=place.meeting.group.served)
    if not place.presents or not form.is_valid():
        return _show(request, place, mirror_form=form if place.presents else None,
                     error="" if place.presents else _("Only the presenter of this case can "
                                                       "do this."), status=400)
    try:
        review_mirror(place=place, by=request.user, recognised=form.cleaned_data["recognised"])
    except ReviewError as error:
        return _show(request, place, error=str(error), status=400)
    if _fragment(request):
        return _show(request, place)
    messages.success(request, _("Kept for you alone."))
    return redirect("review", meeting_id=meeting_id, number=number)


@require_GET
def review_on_display(request: HttpRequest, meeting_id: int, number: int) -> HttpResponse:
    """The summary on the room's display: the same sums, with the display's key."""
    room = room_for_display_or_none(meeting_id, display_key(request.COOKIES, meeting_id))
    if room is None:
        return HttpResponse(status=404)
    round_ = review_round_on_display(room, number)
    response = render(request, "reflection/_summary.html", {
        "summary": review_summary(round_), "feelings": FEELINGS, "similar": SIMILAR,
        "reached": reached_review(round_, room.meeting), "display": True})
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _short(day: date_type) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


SCALE_TICKS = [(1.0, "1"), (3.0, "3"), (5.0, "5")]


def _scale_plot(id_prefix: str, title: str, description: str,
                points: list[tuple[str, float | None]]) -> SafeString:
    """A 1-5 answer over time."""
    return line_svg(id_prefix=id_prefix, title=title, description=description, points=points,
                    y_min=1, y_max=5, y_ticks=SCALE_TICKS)


@login_required
@require_GET
def group_development_page(request: AuthedRequest, group_id: int) -> HttpResponse:
    """The group over its last twelve months, for its leaders."""
    membership = leading_membership_for(request.user, group_id)
    group = membership.group
    development = group_development(group)
    points = development.meetings
    plots = {
        "urge": _scale_plot(
            "urge", _("Urge to solve"),
            _("The group's mean urge to solve the case, 1 (none) to 5 (strong), "
              "at each meeting."),
            [(_short(p.day), p.urge) for p in points]),
        "helped": _scale_plot(
            "helped", _("How much the process helped"),
            _("The group's mean, 1 (not at all) to 5 (very much), at each "
              "meeting."),
            [(_short(p.day), p.helped) for p in points]),
        "attendance": column_svg(
            id_prefix="attendance", title=_("Attendance"),
            description=_("Who was present at each meeting, as confirmed."),
            points=[(_short(p.day), None if p.present is None else float(p.present))
                    for p in points]),
        "cases": bar_svg(
            id_prefix="cases", title=_("Cases brought"),
            description=_("How many cases each member brought in the last twelve months."),
            bars=[(line.user.name, float(line.cases)) for line in development.cases]),
        "feelings": bar_svg(
            id_prefix="feelings", title=_("Feelings named in the reviews"),
            description=_("How often each feeling was named, in all the reviews the "
                          "summaries show."),
            bars=[(str(word), float(n)) for word, n in development.feelings[:8]]),
    }
    return render(request, "reflection/development.html", {
        "group": group, "membership": membership, "development": development,
        "plots": plots, "summary_min": SUMMARY_MIN,
    })


@login_required
@require_GET
def my_reviews(request: AuthedRequest) -> HttpResponse:
    """Her own answers over time: only she sees them."""
    lines = own_history(request.user)
    answered = [line for line in lines if line.answer]
    plots = {
        "urge": _scale_plot(
            "my-urge", _("My urge to solve"),
            _("Your answer, 1 (none) to 5 (strong), at each review."),
            [(_short(line.day), line.answer.get("urge")) for line in answered]),
        "helped": _scale_plot(
            "my-helped", _("How much it helped me"),
            _("Your answer, 1 (not at all) to 5 (very much), at each review."),
            [(_short(line.day), line.answer.get("helped")) for line in answered]),
    } if answered else {}
    return render(request, "reflection/my_reviews.html", {
        "lines": list(reversed(lines)), "plots": plots})
