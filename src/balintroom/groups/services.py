"""Everything that changes groups, memberships, invitations and meetings."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from allauth.account.models import EmailAddress
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from balintroom.accounts.audit import audit
from balintroom.accounts.models import AuditKind, User
from balintroom.method.agenda import (
    MEETING_FORMATS,
    FormatError,
    MeetingFormat,
    check_fits,
    custom_format,
)
from balintroom.method.roles import Role, may_change_role, may_remove
from balintroom.method.served import CONFIDENTIALITY, Served

from .models import (
    BalintGroup,
    CalendarFeed,
    Candidate,
    CandidateStatus,
    CaseAhead,
    CustomFormat,
    Invitation,
    Meeting,
    MeetingSeries,
    MeetingSetting,
    Membership,
    NoticeKind,
    Openness,
    PromptCard,
    Recurrence,
    _feed_token,
    custom_format_id,
)
from .notices import REMOVED, leaders_of, notices_withdraw, notify
from .recurrence import local_start, rule_dates
from .signals import meeting_scheduled, members_changed
from .wording import default_prompt_cards, worded

INVITATION_SALT = "balintroom.invitation"


def _announce_members_changed(group_id: int) -> None:
    """Once committed, open rooms of the group learn who is in it now."""
    transaction.on_commit(lambda: members_changed.send(sender=BalintGroup, group_id=group_id))


def group_create(*, by: User, name: str, description: str = "", setting: str,
                 language: str = "en", served: str = Served.PATIENTS,
                 video_link: str = "", reminder_hours: int = 24,
                 video_embedded: bool = False, openness: str = Openness.SLOW_OPEN,
                 places: int = 8, starts_on: date | None = None,
                 ends_on: date | None = None) -> BalintGroup:
    with translation.override(language):
        confidentiality_text = worded(CONFIDENTIALITY, served)
    with transaction.atomic():
        group = BalintGroup(name=name, description=description, setting=setting,
                            language=language, served=served, video_link=video_link,
                            reminder_hours=reminder_hours, video_embedded=video_embedded,
                            openness=openness, places=places, starts_on=starts_on,
                            ends_on=ends_on,
                            confidentiality_text=confidentiality_text)
        group.full_clean()
        group.save()
        # Whoever starts a group sets its frame, and so has agreed to it.
        Membership.objects.create(group=group, user=by, role=Role.LEADER,
                                  agreed_at=timezone.now())
        prompt_cards_ensure(group)
    return group


def _plain_text(text: str) -> str:
    # Browsers send a textarea's lines with \r\n: the same words typed again are no change.
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def group_update(*, group: BalintGroup, by: User | None = None,
                 **fields: str | int | bool | date | None) -> BalintGroup:
    """Change a group. A changed confidentiality agreement must be accepted again by
    everyone but the leader who changed it (by). A group that now serves others has its
    default agreement and prompt cards worded for them."""
    old_text = _plain_text(group.confidentiality_text)
    old_served = group.served
    if "confidentiality_text" in fields:
        fields["confidentiality_text"] = _plain_text(str(fields["confidentiality_text"]))
    for name, value in fields.items():
        setattr(group, name, value)
    if group.served != old_served:
        # An agreement still in the words we gave it names whom the group now serves; one
        # the leaders worded is theirs. Either way a changed text is accepted again.
        with translation.override(group.language):
            if _plain_text(group.confidentiality_text) == _plain_text(
                    worded(CONFIDENTIALITY, old_served)):
                group.confidentiality_text = worded(CONFIDENTIALITY, group.served)
    group.full_clean()
    with transaction.atomic():
        group.save()
        if group.served != old_served:
            _prompt_cards_reword(group, old_served)
        if _plain_text(group.confidentiality_text) != old_text:
            others = Membership.objects.filter(group=group)
            if by is not None:
                others = others.exclude(user=by)
                Membership.objects.filter(group=group, user=by).update(agreed_at=timezone.now())
            others.update(agreed_at=None)
            _announce_members_changed(group.pk)
    return group


def membership_agree(*, membership: Membership) -> Membership:
    """She accepts the group's confidentiality agreement as it reads now."""
    if membership.agreed_at is None:
        membership.agreed_at = timezone.now()
        membership.save(update_fields=["agreed_at"])
        _announce_members_changed(membership.group_id)
    return membership


def invitation_create(*, group: BalintGroup, email: str, by: User) -> Invitation:
    refuse_archived(group)
    email = email.strip().lower()
    if Membership.objects.filter(group=group, user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already a member of this group.") % {"email": email})
    with transaction.atomic():
        # A new invitation to the same address replaces the open one, so that the
        # latest link is the one that works.
        Invitation.objects.filter(
            group=group, email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=timezone.now())
        invitation = Invitation(group=group, email=email, invited_by=by)
        invitation.full_clean()
        invitation.save()
        # Not the address: the log says an invitation went out, the group page says to whom.
        audit(AuditKind.INVITATION_SENT, actor_id=by.pk, group_id=group.pk,
              detail=f"invitation {invitation.pk}")
    return invitation


# An invitation that was not taken up holds the address of someone who is not a member:
# kept this long after it ran out or was withdrawn, for the leader's "did I invite her?".
INVITATION_RETENTION = timedelta(days=90)


def invitations_purge_old(now: datetime | None = None) -> int:
    cutoff = (now or timezone.now()) - INVITATION_RETENTION
    deleted, _detail = Invitation.objects.filter(accepted_at__isnull=True).filter(
        Q(expires_at__lt=cutoff) | Q(revoked_at__lt=cutoff)).delete()
    return deleted


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk}, salt=INVITATION_SALT, compress=True)


def invitation_from_token(token: str) -> Invitation | None:
    """The invitation a link stands for, or None for a forged or mangled link."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("i"), int):
        return None
    return Invitation.objects.select_related("group").filter(pk=data["i"]).first()


def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def invitation_check(*, invitation: Invitation, user: User | None = None) -> None:
    """Raise ValidationError unless the invitation can be accepted now (by user, if given).

    Each error carries a code ("used", "revoked", "expired", "wrong_email") so that a page
    can answer "gone" for a dead link and "bad request" for the wrong account.
    """
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if invitation.revoked_at is not None:
        raise ValidationError(_("This invitation has been withdrawn."), code="revoked")
    if invitation.expires_at <= timezone.now():
        raise ValidationError(
            _("This invitation has expired. Ask the leader of the group for a new one."),
            code="expired",
        )
    if user is not None and not user_has_verified_email(user, invitation.email):
        raise ValidationError(
            _("This invitation was sent to another email address. Log in with the "
              "address it was sent to."),
            code="wrong_email",
        )


def invitation_accept(*, invitation: Invitation, user: User, agreed: bool) -> Membership:
    """She joins; only with the group's confidentiality agreement accepted (agreed)."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        invitation_check(invitation=invitation, user=user)
        if not agreed:
            raise ValidationError(
                _("To join, accept the group's confidentiality agreement."), code="not_agreed")
        membership, _created = Membership.objects.get_or_create(
            group=invitation.group, user=user, defaults={"role": Role.MEMBER}
        )
        membership.agreed_at = timezone.now()
        membership.save(update_fields=["agreed_at"])
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        audit(AuditKind.INVITATION_ACCEPTED, user_id=user.pk, actor_id=user.pk,
              group_id=invitation.group_id, detail=f"invitation {invitation.pk}")
        _announce_members_changed(invitation.group_id)
    return membership


def user_has_verified_email(user: User, email: str) -> bool:
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def _leaders_left(group: BalintGroup, *, without: Membership) -> int:
    return (
        Membership.objects.filter(group=group, role=Role.LEADER).exclude(pk=without.pk).count()
    )


def _role_of(user: User, group: BalintGroup) -> str | None:
    return (Membership.objects.filter(group=group, user=user)
            .values_list("role", flat=True).first())


def _tell_of_role_change(membership: Membership, *, by: User, detail: str) -> None:
    """The group's leaders, and the person herself, hear of it by e-mail: a change nobody
    expected is seen the same day."""
    to = set(leaders_of(membership.group_id)) | {membership.user_id}
    notify(kind=NoticeKind.ROLE, group_id=membership.group_id, starts_at=timezone.now(),
           to=sorted(to), about=membership.user, actor=by, detail=detail)
    audit(AuditKind.MEMBER_REMOVED if detail == REMOVED else AuditKind.ROLE_CHANGED,
          user_id=membership.user_id, actor_id=by.pk, group_id=membership.group_id,
          detail="" if detail == REMOVED else detail)


def membership_change_role(*, membership: Membership, role: str, by: User) -> Membership:
    if role not in {r.value for r in Role}:
        raise ValidationError(_("Unknown role."))
    with transaction.atomic():
        # Lock the group's memberships so two leaders demoting each other at once
        # cannot leave the group without one.
        list(Membership.objects.select_for_update().filter(group=membership.group))
        membership.refresh_from_db()
        actor = _role_of(by, membership.group)
        if actor is None or not may_change_role(actor=actor, target=membership.role,
                                                new=role):
            raise ValidationError(_("Only the group's leader makes leaders and changes a "
                                    "leader's role."))
        if (membership.role == Role.LEADER and role != Role.LEADER
                and _leaders_left(membership.group, without=membership) == 0):
            raise ValidationError(_("A group always keeps at least one leader."))
        if membership.role == role:
            return membership
        membership.role = role
        membership.save(update_fields=["role"])
        _tell_of_role_change(membership, by=by, detail=role)
        _announce_members_changed(membership.group_id)
    return membership


PAUSE_LONGEST = timedelta(days=3 * 366)


def membership_pause(*, membership: Membership, paused_from: date,
                     paused_until: date) -> Membership:
    """She keeps her place while away; the pause ends by itself on its last day."""
    if paused_until < paused_from:
        raise ValidationError(_("The pause ends after it begins."))
    if paused_until < timezone.localdate():
        raise ValidationError(_("This pause would already be over."))
    if paused_until - paused_from > PAUSE_LONGEST:
        raise ValidationError(_("A pause lasts at most three years."))
    membership.paused_from, membership.paused_until = paused_from, paused_until
    membership.save(update_fields=["paused_from", "paused_until"])
    return membership


def membership_resume(*, membership: Membership) -> Membership:
    membership.paused_from = membership.paused_until = None
    membership.save(update_fields=["paused_from", "paused_until"])
    return membership


def membership_end(*, membership: Membership, by: User) -> None:
    """A member leaves (by herself), or a leader removes her."""
    with transaction.atomic():
        list(Membership.objects.select_for_update().filter(group=membership.group))
        # Read the roles again under the lock: they may have changed since the page was shown.
        current = (Membership.objects.filter(pk=membership.pk)
                   .select_related("user", "group").first())
        if current is None:
            return
        actor = _role_of(by, current.group)
        if by.pk != current.user_id and (
                actor is None or not may_remove(actor=actor, target=current.role)):
            raise ValidationError(_("Only the group's leader removes a leader."))
        # A group that has ended needs no leader any more: its last one may go.
        if (current.role == Role.LEADER and current.group.archived_at is None
                and _leaders_left(current.group, without=current) == 0):
            raise ValidationError(
                _("A group always keeps at least one leader. Make someone else leader first.")
            )
        current.delete()
        _tell_of_role_change(current, by=by, detail=REMOVED)
        _announce_members_changed(current.group_id)


def default_format_key(duration_minutes: int) -> str:
    return "double_hour" if duration_minutes == 90 else "classic"


def _format_messages(error: FormatError) -> list[str]:
    return error.translated(_)


def _check_meeting_format(meeting: Meeting) -> None:
    """Refuse a format the group does not have, or one longer than the meeting. A custom
    format's row is locked, so that it cannot be deleted while the meeting is saved."""
    fmt: MeetingFormat | None = MEETING_FORMATS.get(meeting.format_key)
    custom_id = custom_format_id(meeting.format_key)
    if fmt is None and custom_id is not None:
        custom = CustomFormat.objects.select_for_update().filter(
            group_id=meeting.group_id, pk=custom_id).first()
        fmt = custom.meeting_format if custom is not None else None
    if fmt is None:
        raise ValidationError({"format_key": _("Choose one of the formats.")})
    try:
        check_fits(fmt, meeting_minutes=meeting.duration_minutes)
    except FormatError as error:
        raise ValidationError({"format_key": _format_messages(error)}) from None


def refuse_archived(group: BalintGroup) -> None:
    if group.archived_at is not None:
        raise ValidationError(_("This group has ended; its records are kept, and nothing "
                                "new is planned in it."))


def group_archive(*, group: BalintGroup) -> BalintGroup:
    """The group has ended: it keeps its records (attendance, hours, certificates) and
    takes no new meetings, invitations or members."""
    refuse_archived(group)
    if group.meetings.filter(starts_at__gt=timezone.now(), cancelled_at__isnull=True).exists():
        raise ValidationError(_("Meetings are still planned: cancel them first, or hold "
                                "them."))
    group.archived_at = timezone.now()
    group.save(update_fields=["archived_at"])
    return group


def meeting_schedule(*, group: BalintGroup, starts_at: datetime, duration_minutes: int,
                     setting: str, place: str = "", video_link: str = "",
                     format_key: str | None = None, series: MeetingSeries | None = None,
                     occurrence: date | None = None, closing: bool = False, vnr: str = "",
                     cme_points: Decimal | None = None) -> Meeting:
    refuse_archived(group)
    # The group's link is the default for an online meeting; a meeting in person gets a
    # link only when the leader gives one.
    default_link = group.video_link if setting == MeetingSetting.ONLINE else ""
    meeting = Meeting(group=group, starts_at=starts_at, duration_minutes=duration_minutes,
                      setting=setting, place=place, video_link=video_link or default_link,
                      format_key=format_key or default_format_key(duration_minutes),
                      series=series, occurrence=occurrence, closing=closing, vnr=vnr,
                      cme_points=cme_points)
    meeting.full_clean()
    with transaction.atomic():
        _check_meeting_format(meeting)
        meeting.save()
        meeting_scheduled.send(sender=Meeting, meeting=meeting)
        if series is None and meeting.starts_at > timezone.now():
            notify(kind=NoticeKind.SCHEDULED, group_id=group.pk, meeting=meeting,
                   starts_at=meeting.starts_at)
    return meeting


# What the members' calendars and e-mails do not show: a change to it is told to nobody.
UNANNOUNCED_FIELDS = frozenset({"vnr", "cme_points"})


def meeting_update(*, meeting: Meeting, **fields: object) -> Meeting:
    changed = [name for name, value in fields.items()
               if getattr(meeting, name) != value and name not in UNANNOUNCED_FIELDS]
    for name, value in fields.items():
        setattr(meeting, name, value)
    if changed:
        meeting.sequence += 1
    meeting.full_clean()
    with transaction.atomic():
        _check_meeting_format(meeting)
        meeting.save()
        if changed and meeting.starts_at > timezone.now():
            notify(kind=NoticeKind.CHANGED, group_id=meeting.group_id, meeting=meeting,
                   starts_at=meeting.starts_at, sequence=meeting.sequence)
    return meeting


def _refuse_begun(meeting: Meeting) -> None:
    # Once a meeting has begun, its room, rounds and presence are the group's record
    # (attendance, hours): only a meeting still ahead may be cancelled or skipped.
    if meeting.starts_at <= timezone.now():
        raise ValidationError(
            _("This meeting has already begun, so it stays in the group's record.")
        )


CANCEL_REASON_MAX = 200


def meeting_cancel(*, meeting: Meeting, reason: str = "") -> Meeting:
    """The meeting stays in the members' calendars, marked cancelled, with the reason."""
    _refuse_begun(meeting)
    if meeting.cancelled_at is not None:
        raise ValidationError(_("This meeting is already cancelled."))
    reason = " ".join(reason.split())
    if len(reason) > CANCEL_REASON_MAX:
        raise ValidationError(_("Keep the reason to %(max)d characters.")
                              % {"max": CANCEL_REASON_MAX})
    meeting.cancelled_at = timezone.now()
    meeting.cancel_reason = reason
    meeting.sequence += 1
    with transaction.atomic():
        meeting.save(update_fields=["cancelled_at", "cancel_reason", "sequence"])
        notify(kind=NoticeKind.CANCELLED, group_id=meeting.group_id, meeting=meeting,
               starts_at=meeting.starts_at, sequence=meeting.sequence)
    return meeting


# Series


def series_create(*, group: BalintGroup, recurrence: str, first_date: date,
                  start_time: time, zone: str, count: int, duration_minutes: int,
                  setting: str, place: str = "", video_link: str = "",
                  format_key: str | None = None,
                  dates: list[date] | None = None, vnr: str = "",
                  cme_points: Decimal | None = None) -> MeetingSeries:
    """A series and its meetings, each at the same local time in the zone: regular, or on
    the dates given (a block seminar over several days). An accredited series keeps its
    VNR and points itself: its meetings have them unless given their own."""
    refuse_archived(group)
    given = sorted({day.isoformat() for day in dates or []})
    if recurrence == Recurrence.DATES:
        if len(given) < 2:
            raise ValidationError({"dates": _("Give at least two dates.")})
        first_date, count = date.fromisoformat(given[0]), len(given)
    series = MeetingSeries(group=group, recurrence=recurrence, first_date=first_date,
                           start_time=start_time, zone=zone, count=count,
                           duration_minutes=duration_minutes,
                           dates=given if recurrence == Recurrence.DATES else [], vnr=vnr,
                           cme_points=cme_points)
    series.full_clean()
    if local_start(first_date, start_time, zone) < timezone.now():
        raise ValidationError({"first_date": _("This date and time are in the past.")})
    with transaction.atomic():
        series.save()
        for day in rule_dates(recurrence, first_date, count, series.dates):
            meeting_schedule(group=group, starts_at=local_start(day, start_time, zone),
                             duration_minutes=duration_minutes, setting=setting, place=place,
                             video_link=video_link, format_key=format_key, series=series,
                             occurrence=day)
        notify(kind=NoticeKind.SCHEDULED, group_id=group.pk, series=series,
               starts_at=local_start(first_date, start_time, zone))
    return series


def meeting_skip(*, meeting: Meeting) -> None:
    """A date taken out of its series (a holiday): as if it had never been in it."""
    series = meeting.series
    if series is None or meeting.occurrence is None:
        raise ValidationError(_("Only a meeting of a series can be skipped."))
    _refuse_begun(meeting)
    with transaction.atomic():
        series = MeetingSeries.objects.select_for_update().get(pk=series.pk)
        series.skipped = sorted({*series.skipped, meeting.occurrence.isoformat()})
        series.sequence += 1
        series.save(update_fields=["skipped", "sequence"])
        notify(kind=NoticeKind.CANCELLED, group_id=meeting.group_id, series=series,
               starts_at=local_start(meeting.occurrence, series.start_time, series.zone),
               sequence=series.sequence)
        meeting.delete()


# The waiting list


def free_places(group: BalintGroup) -> int:
    members = Membership.objects.filter(group=group, role=Role.MEMBER).count()
    return max(0, group.places - members)


def candidate_add(*, group: BalintGroup, name: str, email: str) -> Candidate:
    name, email = " ".join(name.split()), email.strip().lower()
    if Membership.objects.filter(group=group, user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already a member of this group.") % {"email": email})
    if Candidate.objects.filter(group=group, email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already on the waiting list.") % {"email": email})
    candidate = Candidate(group=group, name=name, email=email)
    candidate.full_clean()
    candidate.save()
    return candidate


def candidate_plan_intake(*, candidate: Candidate, at: datetime) -> Candidate:
    if at <= timezone.now():
        raise ValidationError(_("This date and time are in the past."))
    candidate.intake_at, candidate.status = at, CandidateStatus.INTAKE
    candidate.save(update_fields=["intake_at", "status"])
    return candidate


def candidate_intake_held(*, candidate: Candidate) -> Candidate:
    candidate.status = CandidateStatus.READY
    candidate.save(update_fields=["status"])
    return candidate


def candidate_invite(*, candidate: Candidate, by: User) -> Invitation:
    """Her invitation, when a place is free - and, in a closed group, only before its first
    meeting has taken place."""
    group = candidate.group
    if free_places(group) < 1:
        raise ValidationError(_("No place is free: the group has its %(places)d members.")
                              % {"places": group.places})
    if group.openness == Openness.CLOSED and group.meetings.filter(
            starts_at__lt=timezone.now(), cancelled_at__isnull=True).exists():
        raise ValidationError(_("This group is closed: it has begun, and nobody new joins "
                                "until it starts anew."))
    with transaction.atomic():
        invitation = invitation_create(group=group, email=candidate.email, by=by)
        candidate.status = CandidateStatus.INVITED
        candidate.save(update_fields=["status"])
    return invitation


def candidate_remove(*, candidate: Candidate) -> None:
    candidate.delete()


# "I may bring a case"


def case_ahead_offer(*, meeting: Meeting, user: User) -> CaseAhead:
    """She may bring a case to this meeting: the leaders are told (no more than that)."""
    if meeting.starts_at <= timezone.now() or meeting.cancelled:
        raise ValidationError(_("This is said before a meeting that takes place."))
    with transaction.atomic():
        offer, created = CaseAhead.objects.get_or_create(meeting=meeting, user=user)
        if created:
            notify(kind=NoticeKind.CASE_AHEAD, group_id=meeting.group_id, meeting=meeting,
                   starts_at=meeting.starts_at, to=leaders_of(meeting.group_id), about=user)
    return offer


def case_ahead_withdraw(*, meeting: Meeting, user: User) -> None:
    with transaction.atomic():
        CaseAhead.objects.filter(meeting=meeting, user=user).delete()
        notices_withdraw(kind=NoticeKind.CASE_AHEAD, meeting=meeting, about=user)


# Calendar addresses


def reminders_stop(*, user: User) -> None:
    """No more reminders before meetings (the unsubscribe link; the profile has the same
    switch on her own row)."""
    User.objects.filter(pk=user.pk).update(email_reminders=False)


def calendar_address_renew(*, user: User) -> CalendarFeed:
    """Her private calendar address, new: the one before (if any) stops working."""
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"token": _feed_token(), "created_at": timezone.now()})
    return feed


# Custom formats


def _checked_phases(*, name: str, phases: Any) -> tuple[str, list[dict[str, Any]]]:
    """The name and phases as custom_format accepts them, or ValidationError with every
    problem it found."""
    try:
        fmt = custom_format(key="custom", name=name, phases=phases)
    except FormatError as error:
        raise ValidationError(_format_messages(error)) from None
    specs = [
        {"name": p.name, "minutes": p.minutes, "rule": p.rule, "speaks": p.speaks.value,
         "sits_back": p.presenter_sits_back}
        for part in fmt.parts for p in part.phases
    ]
    return fmt.name, specs


def _meetings_not_ended(custom: CustomFormat) -> list[Meeting]:
    now = timezone.now()
    # No meeting lasts longer than 12 hours (Meeting's duration constraint).
    recent = custom.group.meetings.filter(
        format_key=custom.key, starts_at__gte=now - timedelta(hours=12)).order_by("starts_at")
    return [meeting for meeting in recent if meeting.ends_at > now]


def _when(meeting: Meeting) -> str:
    return date_format(timezone.localtime(meeting.starts_at), "DATETIME_FORMAT")


def custom_format_create(*, group: BalintGroup, name: str, phases: Any) -> CustomFormat:
    name, specs = _checked_phases(name=name, phases=phases)
    custom = CustomFormat(group=group, name=name, phases=specs)
    custom.full_clean()
    custom.save()
    return custom


def custom_format_update(*, custom: CustomFormat, name: str, phases: Any) -> CustomFormat:
    name, specs = _checked_phases(name=name, phases=phases)
    minutes = sum(spec["minutes"] for spec in specs)
    with transaction.atomic():
        custom = CustomFormat.objects.select_for_update().get(pk=custom.pk)
        for meeting in _meetings_not_ended(custom):
            # The room runs through the format's phases by number; they must not change
            # under a round in progress.
            if meeting.starts_at <= timezone.now():
                raise ValidationError(_(
                    "A meeting with this format is going on now. Change the format after "
                    "the meeting."))
            if minutes > meeting.duration_minutes:
                raise ValidationError(_(
                    "The format would take %(format)s minutes, longer than the meeting on "
                    "%(date)s (%(meeting)s minutes) that uses it.") % {
                    "format": minutes, "date": _when(meeting),
                    "meeting": meeting.duration_minutes})
        custom.name = name
        custom.phases = specs
        custom.full_clean()
        custom.save()
    return custom


def custom_format_delete(*, custom: CustomFormat) -> None:
    with transaction.atomic():
        custom = CustomFormat.objects.select_for_update().get(pk=custom.pk)
        using = _meetings_not_ended(custom)
        if using:
            raise ValidationError(_(
                "The meeting on %(date)s uses this format. Choose another format for it "
                "first.") % {"date": _when(using[0])})
        custom.delete()


# Prompt cards

# Enough for any leader's repertoire; the room shows them as buttons.
PROMPT_CARDS_MAX = 30


def prompt_cards_ensure(group: BalintGroup) -> None:
    """Give a group the default prompt cards, in its language, unless it has had its
    cards already (a group that removed them all keeps none)."""
    if group.prompt_cards_given:
        return
    with transaction.atomic():
        # Locked, so that two first visits cannot both add the defaults.
        locked = BalintGroup.objects.select_for_update().get(pk=group.pk)
        if not locked.prompt_cards_given:
            with translation.override(locked.language):
                texts = default_prompt_cards(locked.served)
            PromptCard.objects.bulk_create(
                PromptCard(group=locked, text=text, position=number)
                for number, text in enumerate(texts)
            )
            locked.prompt_cards_given = True
            locked.save(update_fields=["prompt_cards_given"])
    group.prompt_cards_given = True


def _prompt_cards_reword(group: BalintGroup, old_served: str) -> None:
    """The group now serves others: its default cards that name whom it serves, as the
    group has them still, say it the new way. Cards the leaders wrote stay as they are."""
    with translation.override(group.language):
        reworded = {old: new for old, new in zip(default_prompt_cards(old_served),
                                                 default_prompt_cards(group.served),
                                                 strict=True) if old != new}
    for card in PromptCard.objects.filter(group=group, text__in=list(reworded)):
        prompt_card_update(card=card, text=reworded[card.text])


def _card_text(text: str) -> str:
    return " ".join(text.split())


def prompt_card_add(*, group: BalintGroup, text: str) -> PromptCard:
    prompt_cards_ensure(group)
    with transaction.atomic():
        BalintGroup.objects.select_for_update().get(pk=group.pk)
        cards = PromptCard.objects.filter(group=group)
        if cards.count() >= PROMPT_CARDS_MAX:
            raise ValidationError(_("A group has at most %(max)s prompt cards.") % {
                "max": PROMPT_CARDS_MAX})
        last = cards.aggregate(last=Max("position"))["last"]
        card = PromptCard(group=group, text=_card_text(text),
                          position=0 if last is None else last + 1)
        card.full_clean()
        card.save()
    return card


def prompt_card_update(*, card: PromptCard, text: str) -> PromptCard:
    card.text = _card_text(text)
    card.full_clean()
    card.save(update_fields=["text"])
    return card


def prompt_card_delete(*, card: PromptCard) -> None:
    card.delete()


def prompt_card_move(*, card: PromptCard, up: bool) -> None:
    """Swap the card with the one before (up) or after it; the positions are numbered
    afresh, so that gaps and ties left by removed cards do not matter."""
    with transaction.atomic():
        cards = list(PromptCard.objects.select_for_update().filter(group_id=card.group_id))
        index = next((i for i, c in enumerate(cards) if c.pk == card.pk), None)
        if index is None:
            return
        other = index - 1 if up else index + 1
        if 0 <= other < len(cards):
            cards[index], cards[other] = cards[other], cards[index]
        for position, each in enumerate(cards):
            each.position = position
        PromptCard.objects.bulk_update(cards, ["position"])
