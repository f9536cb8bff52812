"""Pages for groups, members, invitations and meetings.

Every object comes through a permission-scoped selector: membership_for for pages every
member may open, leading_membership_for for leaders' pages, so that anyone else gets 404.
"""

import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.internal.flows import reauthentication
from allauth.core.exceptions import ReauthenticationRequired
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from balintroom.accounts.forms import NameForm, NewAccountForm
from balintroom.accounts.http import AuthedRequest
from balintroom.accounts.models import User
from balintroom.accounts.services import AddressTaken, account_create_verified
from balintroom.core.next_url import ours
from balintroom.method.roles import Role, group_size_advice, may_change_role, may_remove

from . import notices, selectors, services
from .calendar import feed_meetings, meetings_calendar
from .forms import (
    AgreementForm,
    CandidateForm,
    CustomFormatForm,
    GroupEditForm,
    GroupForm,
    IntakeForm,
    InvitationForm,
    MeetingForm,
    PauseForm,
    PromptCardForm,
    RoleForm,
    SeriesForm,
    phase_formset,
    phase_specs,
)
from .models import (
    BalintGroup,
    CustomFormat,
    Invitation,
    Meeting,
    MeetingSetting,
    Membership,
    PromptCard,
    RoleChoice,
    Setting,
)

logger = logging.getLogger(__name__)


# Status of the page for an invitation that cannot be accepted: a dead link is gone for
# good (410); the right link opened in the wrong account is a bad request (400).
PROBLEM_STATUS = {"used": 410, "revoked": 410, "expired": 410, "wrong_email": 400}


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


# Groups


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request: AuthedRequest) -> HttpResponse:
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        group = services.group_create(by=request.user, **form.cleaned_data)
        messages.success(request, _("Your group is ready. Invite its members."))
        return redirect("group_detail", group_id=group.pk)
    return render(request, "groups/group_form.html", {"form": form, "group": None})


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    initial = {name: getattr(group, name) for name in GroupEditForm.Meta.fields}
    form = GroupEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        agreement = group.confidentiality_text
        try:
            services.group_update(group=group, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The group was saved."))
            if group.confidentiality_text != agreement:
                messages.info(request, _("The other members will be asked to accept the "
                                         "changed confidentiality agreement."))
            return redirect("group_detail", group_id=group.pk)
    return render(request, "groups/group_form.html", {"form": form, "group": group})


@dataclass
class UpcomingMeeting:
    meeting: Meeting
    # One of the next few, where a member may say she may bring a case.
    open: bool
    cases_ahead: list[User]


def _detail_context(membership: Membership, *, invite_form: InvitationForm | None = None
                    ) -> dict[str, object]:
    group = membership.group
    members = list(selectors.members_of(group))
    # The method counts "4 to 8 members, plus a leader (often two)": leader and co-leader
    # are not counted, everyone with the role member is.
    member_count = sum(1 for m in members if m.role == Role.MEMBER)
    upcoming = selectors.upcoming_meetings(group)
    # Who may bring a case, on the next meetings (those shown open on the page).
    offers = selectors.cases_ahead(upcoming[:3])
    rows = [UpcomingMeeting(meeting=meeting, open=meeting.pk in offers,
                            cases_ahead=[offer.user for offer in offers.get(meeting.pk, [])])
            for meeting in upcoming]
    context: dict[str, object] = {
        "group": group,
        "membership": membership,
        "agreed": selectors.has_agreed(membership),
        "members": members,
        "member_count": member_count,
        "size_advice": group_size_advice(member_count),
        "profession_mix": selectors.profession_mix(members),
        "upcoming": rows,
        "past": selectors.past_meetings(group),
        "now": timezone.now(),
        "today": timezone.localdate(),
    }
    if membership.leads:
        # What this leader may do with each row: a co-leader sees no controls on a
        # leader's row and is not offered the leader's role.
        for member in members:
            member.role_options = [  # type: ignore[attr-defined]
                (value, label) for value, label in RoleChoice.choices
                if may_change_role(actor=membership.role, target=member.role, new=value)]
            member.removable = (  # type: ignore[attr-defined]
                member.pk != membership.pk
                and may_remove(actor=membership.role, target=member.role))
        context.update({
            "invite_form": invite_form or InvitationForm(),
            "invitations": selectors.open_invitations(group),
        })
    return context


@login_required
def group_detail(request: AuthedRequest, group_id: int) -> HttpResponse:
    membership = selectors.membership_for(request.user, group_id)
    return render(request, "groups/detail.html", _detail_context(membership))


@login_required
def group_leave_confirm(request: AuthedRequest, group_id: int) -> HttpResponse:
    membership = selectors.membership_for(request.user, group_id)
    return render(request, "groups/leave_confirm.html",
                  {"group": membership.group, "membership": membership})


@login_required
@require_POST
def group_leave(request: AuthedRequest, group_id: int) -> HttpResponse:
    membership = selectors.membership_for(request.user, group_id)
    try:
        services.membership_end(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("group_detail", group_id=group_id)
    messages.success(request, _("You have left %(group)s.") % {"group": membership.group.name})
    return redirect("home")


# Members


def _ask_password_again(request: HttpRequest) -> None:
    """Who leads a group is a matter of its records: a role change or a removal asks the
    leader for her password again (unless she gave it in the last few minutes). allauth
    keeps the form she sent and carries it out once she has."""
    if reauthentication.is_reauthentication_required(request, app=""):
        raise ReauthenticationRequired()


@login_required
@require_POST
def member_role_change(request: AuthedRequest, group_id: int,
                       membership_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    member = selectors.member_in_group(group, membership_id)
    _ask_password_again(request)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles."))
        return redirect("group_detail", group_id=group_id)
    try:
        services.membership_change_role(membership=member, role=form.cleaned_data["role"],
                                         by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The role of %(name)s is now: %(role)s.") % {
            "name": member.user.name, "role": member.get_role_display()})
    return redirect("group_detail", group_id=group_id)


@login_required
@require_http_methods(["GET", "POST"])
def member_pause(request: AuthedRequest, group_id: int, membership_id: int) -> HttpResponse:
    """A pause of her membership: set by the leaders, or by herself."""
    member = selectors.member_pausable(request.user, group_id, membership_id)
    form = PauseForm(request.POST if request.method == "POST" else None, initial={
        "paused_from": member.paused_from or timezone.localdate(),
        "paused_until": member.paused_until})
    if request.method == "POST" and request.POST.get("resume"):
        services.membership_resume(membership=member)
        messages.success(request, _("%(name)s is back in the group.") % {
            "name": member.user.name})
        return redirect("group_detail", group_id=group_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_pause(membership=member, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The pause is noted; the place stays %(name)s's.") % {
                "name": member.user.name})
            return redirect("group_detail", group_id=group_id)
    return render(request, "groups/member_pause.html",
                  {"group": member.group, "member": member, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def group_archive(request: AuthedRequest, group_id: int) -> HttpResponse:
    """The group has ended: a leader archives it (the page asks first)."""
    group = selectors.leading_membership_for(request.user, group_id).group
    if request.method == "POST":
        try:
            services.group_archive(group=group)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The group has ended. Its records are kept."))
        return redirect("group_detail", group_id=group_id)
    return render(request, "groups/group_archive_confirm.html", {"group": group})


@login_required
def member_remove_confirm(request: AuthedRequest, group_id: int,
                          membership_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    member = selectors.member_in_group(group, membership_id)
    return render(request, "groups/member_remove_confirm.html",
                  {"group": group, "member": member})


@login_required
@require_POST
def member_remove(request: AuthedRequest, group_id: int,
                  membership_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    member = selectors.member_in_group(group, membership_id)
    _ask_password_again(request)
    try:
        services.membership_end(membership=member, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("group_detail", group_id=group_id)
    messages.success(request, _("%(name)s is no longer in the group.") % {
        "name": member.user.name})
    if member.user_id == request.user.pk:
        return redirect("home")
    return redirect("group_detail", group_id=group_id)


# Invitations


def _send_invitation(request: HttpRequest, invitation: Invitation) -> bool:
    """Send the link; False if the mail server refused (the invitation stays open)."""
    link = settings.SITE_URL + reverse(
        "invitation_accept", args=[services.invitation_token(invitation)])
    context = {
        "group": invitation.group,
        "inviter": request.user,
        "link": link,
        "expires_at": invitation.expires_at,
    }
    # In the group's language; the expiry date reads in the inviting leader's time zone,
    # which the text names, because the recipient's is not known yet.
    with translation.override(invitation.group.language):
        subject = render_to_string("groups/email/invitation_subject.txt", context)
        body = render_to_string("groups/email/invitation_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [invitation.email])
    except (smtplib.SMTPException, OSError):
        logger.exception("invitation #%s: the email could not be sent", invitation.pk)
        return False
    return True


def _send_invitation_and_say(request: HttpRequest, invitation: Invitation) -> None:
    if _send_invitation(request, invitation):
        messages.success(request, _("The invitation was sent to %(email)s.") % {
            "email": invitation.email})
    else:
        messages.warning(request, _(
            "The invitation to %(email)s was saved, but the email could not be sent. "
            "Invite the address again later to send a new link.") % {
            "email": invitation.email})


@login_required
@require_POST
def invitation_create(request: AuthedRequest, group_id: int) -> HttpResponse:
    membership = selectors.leading_membership_for(request.user, group_id)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                group=membership.group, email=form.cleaned_data["email"], by=request.user)
        except ValidationError as error:
            form.add_error("email", error)
        else:
            _send_invitation_and_say(request, invitation)
            return redirect("group_detail", group_id=group_id)
    return render(request, "groups/detail.html",
                  _detail_context(membership, invite_form=form))


@login_required
@require_POST
def invitation_revoke(request: AuthedRequest, group_id: int,
                      invitation_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    invitation = selectors.invitation_in_group(group, invitation_id)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("The invitation to %(email)s was withdrawn.") % {
        "email": invitation.email})
    return redirect("group_detail", group_id=group_id)


def _invitation_page(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """The invitation page behind both the emailed link and the dashboard's notice: one
    short flow to the group, for someone new and for someone with an account."""
    user = request.user if request.user.is_authenticated else None
    if (user is not None and invitation.accepted_by_id == user.pk
            and selectors.groups_for_user(user).filter(pk=invitation.group_id).exists()):
        # She opened her own, already accepted link again: take her to the group.
        messages.info(request, _("You are a member of this group."))
        return redirect("group_detail", group_id=invitation.group_id)
    try:
        services.invitation_check(invitation=invitation, user=user)
        if user is None:
            return _join_with_new_account(request, invitation)
        return _join_signed_in(request, invitation, user)
    except ValidationError as error:
        return render(request, "groups/invitation_problem.html", {
            "group": invitation.group,
            "problem": _error_text(error),
            "wrong_email": error.code == "wrong_email",
        }, status=PROBLEM_STATUS.get(error.code or "", 400))


def _invitation_form_page(request: HttpRequest, invitation: Invitation, *,
                          name_form: NameForm, agreement: AgreementForm,
                          has_account: bool = False) -> HttpResponse:
    return render(request, "groups/invitation.html", {
        "invitation": invitation, "group": invitation.group, "name_form": name_form,
        "form": agreement, "has_account": has_account,
    })


def _join_with_new_account(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """The link reached her address, which is proven: her account is made here, with the
    name the group will know her by, and she joins at once - no second e-mail to confirm."""
    data = request.POST if request.method == "POST" else None
    name_form = NewAccountForm(data, instance=User(email=invitation.email))
    agreement = AgreementForm(data)
    has_account = User.objects.filter(email__iexact=invitation.email).exists()
    if has_account or data is None or not (name_form.is_valid() and agreement.is_valid()):
        return _invitation_form_page(request, invitation, name_form=name_form,
                                     agreement=agreement, has_account=has_account)
    inviter_zone = invitation.invited_by.timezone if invitation.invited_by else ""
    try:
        with transaction.atomic():
            user = account_create_verified(
                email=invitation.email, password=name_form.cleaned_data["password1"],
                display_name=name_form.cleaned_data["display_name"],
                profession=name_form.cleaned_data["profession"],
                profession_kind=name_form.cleaned_data["profession_kind"],
                timezone=(name_form.cleaned_data["timezone"] or inviter_zone
                          or settings.TIME_ZONE))
            services.invitation_accept(invitation=invitation, user=user, agreed=True)
    except AddressTaken:
        return _invitation_form_page(request, invitation, name_form=name_form,
                                     agreement=agreement, has_account=True)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return _welcome(request, invitation)


def _join_signed_in(request: HttpRequest, invitation: Invitation, user: User) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    # Her own row, fetched afresh: a rejected form must not leave half-applied values on
    # request.user (the header shows its name).
    name_form = NameForm(data, instance=User.objects.get(pk=user.pk))
    agreement = AgreementForm(data)
    if data is None or not (name_form.is_valid() and agreement.is_valid()):
        return _invitation_form_page(request, invitation, name_form=name_form,
                                     agreement=agreement)
    with transaction.atomic():
        name_form.save()
        services.invitation_accept(invitation=invitation, user=user, agreed=True)
    return _welcome(request, invitation)


def _welcome(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    messages.success(request, _("Welcome to %(group)s.") % {"group": invitation.group.name})
    return redirect("group_detail", group_id=invitation.group_id)


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    # Open to anyone holding the link, so that an invited person can sign up first; a
    # forged or mangled link is simply not there.
    invitation = services.invitation_from_token(token)
    if invitation is None:
        raise Http404
    return _invitation_page(request, invitation)


@login_required
@require_http_methods(["GET", "POST"])
def invitation_accept_pending(request: AuthedRequest,
                              invitation_id: int) -> HttpResponse:
    invitation = selectors.invitation_for_user(request.user, invitation_id)
    return _invitation_page(request, invitation)


# Meetings


def _new_meeting_initial(group: BalintGroup) -> dict[str, object]:
    """A new meeting as most are: where the group meets, a double hour."""
    in_person = group.setting == Setting.IN_PERSON
    return {"setting": MeetingSetting.IN_PERSON if in_person else MeetingSetting.ONLINE,
            "duration_minutes": 90, "format_key": services.default_format_key(90)}


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    form = MeetingForm(request.POST or None, group=group, initial=_new_meeting_initial(group))
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_schedule(group=group, **form.meeting_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The meeting was scheduled."))
            return redirect("group_detail", group_id=group_id)
    return render(request, "groups/meeting_form.html",
                  {"form": form, "group": group, "meeting": None})


@login_required
@require_http_methods(["GET", "POST"])
def series_create(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    form = SeriesForm(request.POST or None, group=group, initial=_new_meeting_initial(group))
    if request.method == "POST" and form.is_valid():
        try:
            series = services.series_create(group=group, **form.series_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, ngettext(
                "%(count)d meeting was scheduled.", "%(count)d meetings were scheduled.",
                series.count) % {"count": series.count})
            return redirect("group_detail", group_id=group_id)
    return render(request, "groups/series_form.html", {"form": form, "group": group})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: AuthedRequest, group_id: int,
                 meeting_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    meeting = selectors.meeting_in_group(group, meeting_id)
    local_start = timezone.localtime(meeting.starts_at)
    initial = {
        "date": local_start.date(), "time": local_start.time(),
        "duration_minutes": meeting.duration_minutes, "setting": meeting.setting,
        "place": meeting.place, "video_link": meeting.video_link,
        "format_key": meeting.format_key, "closing": meeting.closing,
        "vnr": meeting.vnr, "cme_points": meeting.cme_points,
    }
    form = MeetingForm(request.POST or None, group=group, initial=initial,
                       current_start=meeting.starts_at, series=meeting.series)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, **form.meeting_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The meeting was changed."))
            return redirect("group_detail", group_id=group_id)
    # Sent here to give the meeting its VNR (from the EIV report): that part unfolded.
    return render(request, "groups/meeting_form.html",
                  {"form": form, "group": group, "meeting": meeting,
                   "cme_open": "cme" in request.GET})


@login_required
def meeting_cancel_confirm(request: AuthedRequest, group_id: int,
                           meeting_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    meeting = selectors.meeting_in_group(group, meeting_id)
    return render(request, "groups/meeting_cancel_confirm.html",
                  {"group": group, "meeting": meeting})


def _meeting_change(request: AuthedRequest, group_id: int, meeting_id: int,
                    change: Callable[[Meeting], object], done: str) -> HttpResponse:
    """A leader's change to one meeting of her group, said back on the group's page."""
    group = selectors.leading_membership_for(request.user, group_id).group
    meeting = selectors.meeting_in_group(group, meeting_id)
    try:
        change(meeting)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, done)
    return redirect("group_detail", group_id=group_id)


@login_required
@require_POST
def meeting_cancel(request: AuthedRequest, group_id: int,
                   meeting_id: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    return _meeting_change(
        request, group_id, meeting_id,
        lambda meeting: services.meeting_cancel(meeting=meeting, reason=reason),
        _("The meeting was cancelled."))


@login_required
@require_POST
def meeting_skip(request: AuthedRequest, group_id: int, meeting_id: int) -> HttpResponse:
    return _meeting_change(request, group_id, meeting_id,
                           lambda meeting: services.meeting_skip(meeting=meeting),
                           _("The date was taken out of the series."))


# The waiting list


def _candidates_page(request: AuthedRequest, group: BalintGroup, *,
                     form: CandidateForm | None = None) -> HttpResponse:
    return render(request, "groups/candidates.html", {
        "group": group, "form": form or CandidateForm(), "intake_form": IntakeForm(),
        "candidates": group.candidates.all(), "free": services.free_places(group),
    }, status=200)


@login_required
@require_http_methods(["GET", "POST"])
def candidates(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    if request.method == "GET":
        return _candidates_page(request, group)
    form = CandidateForm(request.POST)
    if form.is_valid():
        try:
            services.candidate_add(group=group, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(request, _("%(name)s is on the waiting list.") % {
                "name": form.cleaned_data["name"]})
            return redirect("candidates", group_id=group_id)
    return _candidates_page(request, group, form=form)


@login_required
@require_POST
def candidate_step(request: AuthedRequest, group_id: int, candidate_id: int) -> HttpResponse:
    """The next step with one candidate: plan the intake conversation, note it held,
    invite her, or take her off the list."""
    group = selectors.leading_membership_for(request.user, group_id).group
    candidate = selectors.candidate_in_group(group, candidate_id)
    step = request.POST.get("step", "")
    try:
        if step == "intake":
            intake = IntakeForm(request.POST)
            if not intake.is_valid():
                raise ValidationError(_("Give the date and time of the conversation."))
            services.candidate_plan_intake(candidate=candidate, at=intake.at())
            messages.success(request, _("The intake conversation is planned."))
        elif step == "held":
            services.candidate_intake_held(candidate=candidate)
            messages.success(request, _("The intake conversation is noted as held."))
        elif step == "invite":
            invitation = services.candidate_invite(candidate=candidate, by=request.user)
            _send_invitation_and_say(request, invitation)
        elif step == "remove":
            services.candidate_remove(candidate=candidate)
            messages.success(request, _("%(name)s is off the waiting list.") % {
                "name": candidate.name})
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("candidates", group_id=group_id)


# "I may bring a case"


@login_required
@require_POST
def case_ahead(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting, _membership = selectors.meeting_for_member(request.user, meeting_id)
    if request.POST.get("withdraw"):
        services.case_ahead_withdraw(meeting=meeting, user=request.user)
        messages.success(request, _("Noted: you do not bring a case this time."))
    else:
        try:
            services.case_ahead_offer(meeting=meeting, user=request.user)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The leaders know that you may bring a case."))
    return redirect("group_detail", group_id=meeting.group_id)


# Her calendar


@login_required
def calendar_page(request: AuthedRequest) -> HttpResponse:
    feed = selectors.calendar_feed_of(request.user)
    address = subscribe = None
    if feed is not None:
        address = settings.SITE_URL.rstrip("/") + reverse("calendar_feed", args=[feed.token])
        # webcal: calendar programs (Apple's, Outlook, Thunderbird) open it as a subscription.
        subscribe = "webcal://" + address.split("://", 1)[1]
    return render(request, "groups/calendar.html", {"address": address,
                                                    "subscribe": subscribe})


@login_required
@require_POST
def calendar_new_address(request: AuthedRequest) -> HttpResponse:
    had_one = selectors.calendar_feed_of(request.user) is not None
    services.calendar_address_renew(user=request.user)
    messages.success(request, _("Your new calendar address is below; the old one no longer "
                                "works.") if had_one else _("Your calendar address is below."))
    return redirect("calendar")


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    # Open to whoever holds the address (a calendar program signs in to nothing); an
    # unknown or replaced address is simply not there.
    user = selectors.calendar_feed_owner(token)
    language = user.language or settings.LANGUAGE_CODE
    body = meetings_calendar(feed_meetings(user.pk), language=language)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="balint-groups.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


# E-mails she may turn off


@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    # The link in a reminder: no sign-in needed, and looking at it changes nothing.
    found = notices.unsubscribe_from_token(token)
    if found is None:
        raise Http404
    user, _kind = found
    if request.method == "POST":
        services.reminders_stop(user=user)
        return render(request, "groups/unsubscribe.html", {"done": True})
    return render(request, "groups/unsubscribe.html", {"done": False,
                                                       "email": user.email})


# The confidentiality agreement


@login_required
@require_http_methods(["GET", "POST"])
def group_agreement(request: AuthedRequest, group_id: int) -> HttpResponse:
    membership = selectors.membership_for(request.user, group_id)
    # Where she was going when she was asked to accept it (the room), if it is ours.
    next_url = ours(request, request.POST.get("next") or request.GET.get("next") or "")
    if request.method == "POST":
        services.membership_agree(membership=membership)
        messages.success(request, _("You have accepted the group's confidentiality agreement."))
        return redirect(next_url or reverse("group_detail", args=[group_id]))
    return render(request, "groups/agreement.html", {
        "group": membership.group, "membership": membership, "next": next_url,
        "agreed": selectors.has_agreed(membership)})


# Custom formats


@login_required
def custom_formats(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    return render(request, "groups/formats.html", {
        "group": group, "formats": selectors.custom_formats_of(group)})


def _custom_format_form(request: AuthedRequest, group: BalintGroup,
                        custom: CustomFormat | None) -> HttpResponse:
    """The page that composes a format, new (custom None) or existing."""
    if request.method != "POST":
        form = CustomFormatForm(initial={"name": custom.name} if custom else None)
        phases = phase_formset(custom=custom)
    else:
        form = CustomFormatForm(request.POST)
        adding = "add_phase" in request.POST
        phases = phase_formset(request.POST, add_row=adding)
        if not adding and form.is_valid() and phases.is_valid():
            name, specs = form.cleaned_data["name"], phase_specs(phases)
            try:
                if custom is None:
                    services.custom_format_create(group=group, name=name, phases=specs)
                else:
                    services.custom_format_update(custom=custom, name=name, phases=specs)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The format %(name)s was saved.") % {
                    "name": " ".join(name.split())})
                return redirect("custom_formats", group_id=group.pk)
    return render(request, "groups/format_form.html", {
        "group": group, "custom": custom, "form": form, "phases": phases})


@login_required
@require_http_methods(["GET", "POST"])
def custom_format_create(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    return _custom_format_form(request, group, None)


@login_required
@require_http_methods(["GET", "POST"])
def custom_format_edit(request: AuthedRequest, group_id: int,
                       format_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    custom = selectors.custom_format_in_group(group, format_id)
    return _custom_format_form(request, group, custom)


@login_required
def custom_format_delete_confirm(request: AuthedRequest, group_id: int,
                                 format_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    custom = selectors.custom_format_in_group(group, format_id)
    return render(request, "groups/format_delete_confirm.html",
                  {"group": group, "custom": custom})


@login_required
@require_POST
def custom_format_delete(request: AuthedRequest, group_id: int,
                         format_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    custom = selectors.custom_format_in_group(group, format_id)
    try:
        services.custom_format_delete(custom=custom)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The format %(name)s was deleted.") % {"name": custom.name})
    return redirect("custom_formats", group_id=group_id)


# Prompt cards


def _prompt_cards_page(request: HttpRequest, group: BalintGroup, *,
                       add_form: PromptCardForm | None = None,
                       bound: PromptCardForm | None = None,
                       bound_card: PromptCard | None = None) -> HttpResponse:
    """The cards, each with its own small form; a form sent with a mistake is shown again
    in its place."""
    rows = []
    for card in selectors.prompt_cards_for(group):
        if bound is not None and bound_card is not None and card.pk == bound_card.pk:
            rows.append((card, bound))
        else:
            rows.append((card, PromptCardForm(initial={"text": card.text},
                                              auto_id=f"card-{card.pk}-%s")))
    return render(request, "groups/prompts.html", {
        "group": group, "rows": rows,
        "add_form": add_form or PromptCardForm(auto_id="new-card-%s"),
        "max_cards": services.PROMPT_CARDS_MAX,
    })


@login_required
def prompt_cards(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    return _prompt_cards_page(request, group)


@login_required
@require_POST
def prompt_card_add(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    form = PromptCardForm(request.POST, auto_id="new-card-%s")
    if form.is_valid():
        try:
            services.prompt_card_add(group=group, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, _("The card was added."))
            return redirect("prompt_cards", group_id=group_id)
    return _prompt_cards_page(request, group, add_form=form)


@login_required
@require_POST
def prompt_card_edit(request: AuthedRequest, group_id: int,
                     card_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    card = selectors.prompt_card_in_group(group, card_id)
    form = PromptCardForm(request.POST, auto_id=f"card-{card.pk}-%s")
    if form.is_valid():
        try:
            services.prompt_card_update(card=card, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, _("The card was saved."))
            return redirect("prompt_cards", group_id=group_id)
    return _prompt_cards_page(request, group, bound=form, bound_card=card)


@login_required
@require_POST
def prompt_card_delete(request: AuthedRequest, group_id: int,
                       card_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    card = selectors.prompt_card_in_group(group, card_id)
    services.prompt_card_delete(card=card)
    messages.success(request, _("The card “%(text)s” was removed.") % {"text": card.text})
    return redirect("prompt_cards", group_id=group_id)


@login_required
@require_POST
def prompt_card_move(request: AuthedRequest, group_id: int,
                     card_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    card = selectors.prompt_card_in_group(group, card_id)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, _("Move the card up or down."))
    else:
        services.prompt_card_move(card=card, up=direction == "up")
    return redirect("prompt_cards", group_id=group_id)
