from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from balintroom.accounts.http import AuthedRequest
from balintroom.core.middleware import video_policies
from balintroom.groups.selectors import meeting_format_for, next_meeting_of, prompt_cards_for
from balintroom.method.round import RoundError

from .display import DISPLAY_COOKIE_AGE, TOKEN_MAX, display_cookie_name, display_key
from .selectors import room_admission, room_for_display_or_none
from .services import room_renew_display_token
from .texts import room_texts
from .video import embedded_video

CALL_AHEAD = timedelta(minutes=15)


@login_required
def meeting_room(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    admission = room_admission(request.user, meeting_id)
    room, meeting, membership = admission.room, admission.meeting, admission.membership
    if meeting.cancelled:
        messages.info(request, _("This meeting was cancelled."))
        return redirect("group_detail", group_id=meeting.group_id)
    if not admission.admitted:
        messages.info(request, _("Please accept the group's confidentiality agreement first."))
        return redirect(reverse("group_agreement", args=[meeting.group_id])
                        + "?" + urlencode({"next": request.path}))
    video = embedded_video(meeting, request.user.name)
    # The group's own call link at the top of the page from a quarter of an hour before
    # the meeting until its end; lower down before that.
    now = timezone.now()
    call_now = (meeting.online and bool(meeting.video_link) and video is None
                and meeting.starts_at - CALL_AHEAD <= now <= meeting.ends_at)
    display_url = None
    if membership.leads:
        # The key in the fragment, which no server sees (live/display.py).
        display_url = request.build_absolute_uri(
            reverse("meeting_display", args=[meeting.pk])) + "#" + room.display_token
    response = render(request, "live/room.html", {
        "meeting": meeting,
        "group": meeting.group,
        "membership": membership,
        "display_url": display_url,
        "next_meeting": next_meeting_of(meeting),
        "room_config": {
            "meeting": meeting.pk,
            "me": request.user.pk,
            "role": membership.role,
            "display": False,
            "socket": f"/ws/meeting/{meeting.pk}/",
            # After accepting a changed agreement she comes back here.
            "agreement": reverse("group_agreement", args=[meeting.group_id])
            + "?" + urlencode({"next": request.path}),
            # Where a leader who ends the meeting goes: what is left to do.
            "after": reverse("meeting_after", args=[meeting.pk]) if membership.leads else None,
            "group": meeting.group.name,
        },
        "room_texts": room_texts(meeting_format=meeting_format_for(meeting),
                                 online=meeting.online, served=meeting.group.served),
        "prompt_cards": [{"id": c.pk, "text": c.text} for c in prompt_cards_for(meeting.group)]
        if membership.leads else [],
        "video": video,
        "call_now": call_now,
    })
    if video:
        for header, value in video_policies(video["origin"]).items():
            response[header] = value
    return response


@require_http_methods(["GET", "POST"])
def meeting_display(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The display opens from a link whose key is in the fragment: the page posts it once
    (live/display.py), and shows the room from then on."""
    if request.method == "POST":
        token = request.POST.get("key", "")[:TOKEN_MAX]
        if room_for_display_or_none(meeting_id, token) is None:  # a wrong or renewed key
            return render(request, "live/display_open.html", {}, status=404)
        response: HttpResponse = redirect("meeting_display", meeting_id=meeting_id)
        response.status_code = 303
        response.set_cookie(
            display_cookie_name(meeting_id), token,
            max_age=int(DISPLAY_COOKIE_AGE.total_seconds()), httponly=True, samesite="Strict",
            secure=settings.SESSION_COOKIE_SECURE)
        return response
    token = display_key(request.COOKIES, meeting_id)
    room = room_for_display_or_none(meeting_id, token)
    if room is None:
        response = render(request, "live/display_open.html", {})
    else:
        meeting = room.meeting
        response = render(request, "live/display.html", {
            "meeting": meeting,
            "room_config": {
                "meeting": meeting.pk,
                "me": None,
                "role": "display",
                "display": True,
                "socket": f"/ws/meeting/{meeting.pk}/display/",
            },
            "room_texts": room_texts(meeting_format=meeting_format_for(meeting),
                                     online=meeting.online, served=meeting.group.served),
        })
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_POST
def display_token_renew(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    admission = room_admission(request.user, meeting_id)
    room, meeting = admission.room, admission.meeting
    if not admission.admitted or not admission.membership.leads:
        raise Http404
    try:
        room_renew_display_token(room=room, by=request.user)
    except RoundError:
        raise Http404 from None  # no longer a leader of this group
    messages.success(request, _("The display link was renewed. The old link no longer works."))
    return redirect("meeting_room", meeting_id=meeting.pk)
