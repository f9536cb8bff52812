"""E-mails to the members between meetings: meetings scheduled, changed or cancelled, and
reminders before each one.

A notice is written in the same transaction as the change it tells of (`notify`), or by
the run that finds a meeting due for its reminder (`reminders_due`); `notices_send` sends
what is pending. Each notice is claimed - committed - before the mail server is asked,
so that neither a second run nor the run after a crash sends it again: a notice whose
sending was cut off is not repeated but counted as unknown (an e-mail twice confuses; a
calendar subscription still has the meeting). Nothing confidential is in an e-mail: the
group's name, when and where, the room's address."""

import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from balintroom.accounts.models import User
from balintroom.method.roles import LEADING_ROLES, role_label

from .calendar import notice_calendar
from .models import REMINDER_CHOICES, Meeting, MeetingSeries, Membership, Notice, NoticeKind

log = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "balintroom.unsubscribe"
# A role notice's detail when she is no longer in the group.
REMOVED = "removed"
# What carries a calendar file: the schedule's changes.
WITH_CALENDAR = (NoticeKind.SCHEDULED, NoticeKind.CHANGED, NoticeKind.CANCELLED)
# A notice that failed this many times is tried no more (each failure is in the log; the
# calendar feed still has the change).
MAX_ATTEMPTS = 5
# A claim this old without a sent mark: the run was cut off, it is not known if it went.
CLAIM_LOST_AFTER = timedelta(minutes=30)


def notify(*, kind: str, group_id: int, meeting: Meeting | None = None,
           series: MeetingSeries | None = None, starts_at: datetime,
           sequence: int = 0, to: Iterable[int] | None = None,
           about: User | None = None, actor: User | None = None,
           detail: str = "") -> None:
    """A notice to every member of the group, or to those given (`to`); called inside the
    transaction of the change it tells of."""
    subject = f"m{meeting.pk}" if meeting is not None else f"s{series.pk if series else 0}"
    stamp = f"{starts_at.timestamp():.0f}"
    person = about.pk if about is not None else 0
    if to is None:
        to = Membership.objects.filter(group_id=group_id).values_list("user_id", flat=True)
    Notice.objects.bulk_create([
        Notice(kind=kind, user_id=user_id, group_id=group_id, meeting=meeting, series=series,
               starts_at=starts_at, sequence=sequence, about=about, actor=actor,
               detail=detail,
               key=f"{kind}:{subject}:{sequence}:{stamp}:{person}:{detail}:{user_id}")
        for user_id in to
    ], ignore_conflicts=True)


def notices_withdraw(*, kind: str, meeting: Meeting, about: User) -> None:
    """What she took back before it went is not sent (a notice already claimed or sent
    stays as it is)."""
    Notice.objects.filter(kind=kind, meeting=meeting, about=about,
                          claimed_at__isnull=True).delete()


def leaders_of(group_id: int) -> list[int]:
    leading = [role.value for role in LEADING_ROLES]
    return list(Membership.objects.filter(group_id=group_id, role__in=leading)
                .values_list("user_id", flat=True))


def reminders_due(now: datetime | None = None) -> int:
    """A reminder for each member of each meeting that starts within its group's reminder
    time and has none yet; how many were written."""
    now = now or timezone.now()
    longest = timedelta(hours=max(hours for hours, _label in REMINDER_CHOICES))
    meetings = (Meeting.objects.filter(starts_at__gt=now, starts_at__lte=now + longest,
                                       cancelled_at__isnull=True, group__reminder_hours__gt=0)
                .select_related("group"))
    made = 0
    for meeting in meetings:
        if meeting.starts_at > now + timedelta(hours=meeting.group.reminder_hours):
            continue
        day = timezone.localdate(meeting.starts_at)
        users = [membership.user_id for membership in Membership.objects.filter(
            group_id=meeting.group_id, user__email_reminders=True)
            if not membership.paused_on(day)]  # on pause: not expected
        rows = Notice.objects.bulk_create([
            Notice(kind=NoticeKind.REMINDER, user_id=user_id, group_id=meeting.group_id,
                   meeting=meeting, starts_at=meeting.starts_at,
                   key=f"reminder:m{meeting.pk}:{meeting.starts_at.timestamp():.0f}:{user_id}")
            for user_id in users
        ], ignore_conflicts=True)
        made += len(rows)
    return made


@dataclass
class Sent:
    sent: int = 0
    failed: int = 0
    # Overtaken before they went (a reminder for a meeting since cancelled): not sent.
    overtaken: int = 0
    unknown: int = 0


def _claim(notice_id: int) -> bool:
    with transaction.atomic():
        return Notice.objects.filter(pk=notice_id, claimed_at__isnull=True).update(
            claimed_at=timezone.now(), attempts=F("attempts") + 1) == 1


def notices_send(*, limit: int = 500) -> Sent:
    """Send what is pending, each notice once."""
    result = Sent()
    result.unknown = Notice.objects.filter(
        sent_at__isnull=True, claimed_at__lt=timezone.now() - CLAIM_LOST_AFTER).count()
    pending = (Notice.objects.filter(claimed_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
               .order_by("created_at", "pk").values_list("pk", flat=True)[:limit])
    for notice_id in list(pending):
        if not _claim(notice_id):
            continue  # another run has it
        notice = (Notice.objects.select_related("user", "group", "meeting", "meeting__series",
                                                "series", "series__group")
                  .get(pk=notice_id))
        try:
            message = _message(notice)
            if message is None:
                result.overtaken += 1
            else:
                message.send()
        except (smtplib.SMTPException, OSError) as exc:
            # Tried again at the next run; the log names the notice, never its content.
            log.warning("notice #%s (%s) not sent: %s", notice.pk, notice.kind,
                        type(exc).__name__)
            Notice.objects.filter(pk=notice.pk).update(claimed_at=None)
            result.failed += 1
            continue
        Notice.objects.filter(pk=notice.pk).update(sent_at=timezone.now())
        result.sent += message is not None
    return result


def unsubscribe_token(user: User, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_from_token(token: str) -> tuple[User, str] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") != NoticeKind.REMINDER:
        return None
    user_id = data.get("u")
    if not isinstance(user_id, int):
        return None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    return (user, data["k"]) if user is not None else None


def _stale(notice: Notice) -> bool:
    """A notice the meeting has overtaken: a reminder for a meeting since cancelled or
    moved, a change since changed again (the newer notice tells it)."""
    meeting = notice.meeting
    if notice.kind == NoticeKind.ROLE:
        return notice.about is None
    if notice.kind == NoticeKind.FULL_NAME:
        return bool(notice.user.legal_name)  # she gave it before the mail went
    if meeting is None and notice.series is None:
        return True  # what it spoke of is gone (its group's meetings deleted)
    if notice.kind == NoticeKind.REMINDER:
        return (meeting is None or meeting.cancelled or meeting.starts_at != notice.starts_at
                or meeting.starts_at <= timezone.now())
    if notice.kind in (NoticeKind.ABSENCE, NoticeKind.ATTENDANCE, NoticeKind.CASE_AHEAD):
        return meeting is None
    if notice.kind == NoticeKind.CHANGED:
        return meeting is None or meeting.sequence != notice.sequence
    return False


def _message(notice: Notice) -> EmailMultiAlternatives | None:
    if _stale(notice):
        return None
    user, group = notice.user, notice.group
    language = user.language or group.language or settings.LANGUAGE_CODE
    site = settings.SITE_URL.rstrip("/")
    meeting = notice.meeting
    context = {
        "user": user, "group": group, "meeting": meeting, "series": notice.series,
        "starts_at": notice.starts_at, "kind": notice.kind, "about": notice.about,
        "actor": notice.actor, "role": role_label(notice.detail),
        "removed": notice.detail == REMOVED,
        "group_link": site + reverse("group_detail", args=[group.pk]),
        "room_link": (site + reverse("meeting_room", args=[meeting.pk])
                      if meeting is not None else ""),
        "calendar_link": site + reverse("calendar"),
        "profile_link": site + reverse("profile"),
        "absence_link": site + reverse("records_group", args=[group.pk]),
        "records_link": site + reverse("records_group", args=[group.pk]),
        "count": notice.series.meetings.count() if notice.series is not None else 0,
    }
    headers: dict[str, str] = {}
    if notice.kind == NoticeKind.REMINDER:
        unsubscribe = site + reverse("unsubscribe",
                                     args=[unsubscribe_token(user, NoticeKind.REMINDER)])
        context["unsubscribe_link"] = unsubscribe
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
    with translation.override(language), timezone.override(ZoneInfo(user.timezone)):
        subject = " ".join(render_to_string(
            f"groups/email/{notice.kind}_subject.txt", context).split())
        body = render_to_string(f"groups/email/{notice.kind}_body.txt", context)
    message = EmailMultiAlternatives(subject, body, None, [user.email], headers=headers)
    if notice.kind in WITH_CALENDAR:
        whole_series = notice.kind == NoticeKind.SCHEDULED and notice.series is not None
        ics = notice_calendar(meeting=meeting, series=notice.series,
                              whole_series=whole_series, starts_at=notice.starts_at,
                              attendee=user.email, language=language)
        method = "CANCEL" if b"METHOD:CANCEL" in ics else "REQUEST"
        message.attach("meeting.ics", ics, f"text/calendar; charset=utf-8; method={method}")
    return message


# A notice is kept this long after it went (or was given up on), for "did the reminder
# go out?"; then only the calendar and the group page have it.
NOTICE_RETENTION = timedelta(days=90)


def notices_purge_old(now: datetime | None = None) -> int:
    cutoff = (now or timezone.now()) - NOTICE_RETENTION
    done = Notice.objects.filter(created_at__lt=cutoff).exclude(
        sent_at__isnull=True, claimed_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
    deleted, _detail = done.delete()
    return deleted
