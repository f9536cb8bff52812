import secrets
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balintroom.method.agenda import NAME_MAX, MeetingFormat, custom_format
from balintroom.method.console import PROMPT_CARD_MAX
from balintroom.method.roles import Role
from balintroom.method.served import CONFIDENTIALITY, Served

from .cme import validate_cme_points, validate_vnr
from .wording import SERVED_CHOICES, worded


class Setting(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    MIXED = "mixed", _("Mixed")


class RoleChoice(models.TextChoices):
    LEADER = Role.LEADER.value, _("Leader")
    CO_LEADER = Role.CO_LEADER.value, _("Co-leader")
    MEMBER = Role.MEMBER.value, _("Member")


# The agreement's words before a group chose whom it serves; an early migration words the
# agreements of the groups it finds with it.
DEFAULT_CONFIDENTIALITY_TEXT = CONFIDENTIALITY[Served.PATIENTS]


def default_confidentiality_text() -> str:
    """The agreement of a group that has not chosen whom it serves (groups_create words
    it for the group's choice)."""
    return worded(CONFIDENTIALITY, Served.PATIENTS)


REMINDER_CHOICES = [
    (0, _("No reminder")),
    (2, _("2 hours before")),
    (24, _("A day before")),
    (48, _("Two days before")),
    (72, _("Three days before")),
]


class Openness(models.TextChoices):
    SLOW_OPEN = "slow_open", _("Slowly open: a new member joins when a place is free")
    CLOSED = "closed", _("Closed: the same members from the first meeting to the last")


class BalintGroup(models.Model):
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    setting = models.CharField(_("setting"), max_length=16, choices=Setting.choices)
    language = models.CharField(
        _("language of the group"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    # Whom the members serve: every text that names them says it so (method/served.py).
    served = models.CharField(_("whom the members serve"), max_length=16,
                              choices=SERVED_CHOICES, default=Served.PATIENTS.value)
    video_link = models.URLField(_("video-call link"), blank=True)
    # Online meetings in the installation's own video call (settings.JITSI_URL), inside
    # the room, instead of a call link of the group's.
    video_embedded = models.BooleanField(_("the video call inside the room"), default=False)
    # The group's year: from its first meeting to its closing one (as the leaders plan it).
    starts_on = models.DateField(_("the group starts on"), null=True, blank=True)
    ends_on = models.DateField(_("the group ends on"), null=True, blank=True)
    # Once it has ended: read-only, its records kept for the certificates they carry.
    archived_at = models.DateTimeField(null=True, blank=True)
    openness = models.CharField(_("who may join"), max_length=16, choices=Openness.choices,
                                default=Openness.SLOW_OPEN)
    # Members' places (leaders not counted): the method's four to eight.
    places = models.PositiveSmallIntegerField(_("places for members"), default=8)
    # How long before a meeting its members are reminded by e-mail; 0: not at all.
    reminder_hours = models.PositiveSmallIntegerField(
        _("reminder before each meeting"), default=24, choices=REMINDER_CHOICES)
    confidentiality_text = models.TextField(
        _("confidentiality agreement"), max_length=2000, default=default_confidentiality_text
    )
    # Set once the group has its prompt cards, so that a leader who removes them all is not
    # given the defaults again.
    prompt_cards_given = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Balint group")
        verbose_name_plural = _("Balint groups")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=RoleChoice.choices, default=RoleChoice.MEMBER
    )
    joined_at = models.DateTimeField(default=timezone.now)
    # When she accepted the group's confidentiality agreement; None until she has, and again
    # after the leaders change its text.
    agreed_at = models.DateTimeField(null=True, blank=True)
    # A pause (parental leave, a sabbatical): she keeps her place; in those days she is
    # not reminded and the roll call counts her excused.
    paused_from = models.DateField(_("pause from"), null=True, blank=True)
    paused_until = models.DateField(_("pause until"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group"),
            models.CheckConstraint(
                condition=Q(role__in=[r.value for r in Role]), name="membership_role_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.group} ({self.role})"

    @property
    def leads(self) -> bool:
        return self.role in (Role.LEADER, Role.CO_LEADER)

    def paused_on(self, day: date) -> bool:
        return (self.paused_from is not None and self.paused_until is not None
                and self.paused_from <= day <= self.paused_until)


def _invitation_expiry() -> datetime:
    return timezone.now() + timedelta(days=settings.INVITATION_DAYS)


class Invitation(models.Model):
    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["group", "email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"invitation #{self.pk}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class MeetingSetting(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")


class Recurrence(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Once a month, on the same weekday (for example the first Tuesday)")
    DATES = "dates", _("On dates I give (a block seminar over several days)")


SERIES_MAX_MEETINGS = 60

# None, or more than nothing and at most groups/cme.py's maximum; no VNR, or its 19 digits
# (that they are digits, full_clean checks).
CME_POINTS_SANE = Q(cme_points__isnull=True) | Q(cme_points__gt=0, cme_points__lte=50)
VNR_SANE = Q(vnr="") | Q(Exact(Length("vnr"), 19))


class MeetingSeries(models.Model):
    """A group's meetings at a regular time: the rule a calendar reads (RRULE), and the
    meetings it made. The local time is kept in `zone` across daylight-saving changes:
    a group that meets at 19:00 meets at 19:00 in winter and in summer."""

    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="series")
    recurrence = models.CharField(_("how often"), max_length=16, choices=Recurrence.choices)
    first_date = models.DateField(_("first meeting"))
    start_time = models.TimeField(_("starts at"))
    zone = models.CharField(_("time zone"), max_length=64)
    count = models.PositiveSmallIntegerField(_("number of meetings"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"))
    # For a series on given dates: those dates (ISO, local), a calendar's RDATE.
    dates = models.JSONField(default=list, blank=True)
    # The dates (ISO, local) taken out of the series: a calendar's EXDATE.
    skipped = models.JSONField(default=list, blank=True)
    # Raised at every change of the rule or its exceptions, as a calendar's SEQUENCE.
    sequence = models.PositiveIntegerField(default=0)
    # An accredited series: the chamber's event number and points (groups/cme.py), for
    # each of its meetings that has none of its own.
    vnr = models.CharField(_("VNR"), max_length=19, blank=True, validators=[validate_vnr])
    cme_points = models.DecimalField(_("CME points"), max_digits=4, decimal_places=1,
                                     null=True, blank=True, validators=[validate_cme_points])
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(count__gte=1, count__lte=SERIES_MAX_MEETINGS),
                name="series_count_sane"),
            models.CheckConstraint(condition=CME_POINTS_SANE, name="series_cme_points_sane"),
            models.CheckConstraint(condition=VNR_SANE, name="series_vnr_sane"),
        ]

    def __str__(self) -> str:
        return f"series #{self.pk}"


class Meeting(models.Model):
    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="meetings")
    series = models.ForeignKey(MeetingSeries, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="meetings")
    # Its date in the series (local), which stays when the meeting is moved: a calendar's
    # RECURRENCE-ID.
    occurrence = models.DateField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # The group's closing meeting: its last, where the group takes its leave.
    closing = models.BooleanField(_("the group's closing meeting"), default=False)
    cancel_reason = models.CharField(_("reason"), max_length=200, blank=True)
    # Raised at every change, as a calendar's SEQUENCE: calendar programs take the newest.
    sequence = models.PositiveIntegerField(default=0)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=90)
    setting = models.CharField(_("setting"), max_length=16, choices=MeetingSetting.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_link = models.URLField(_("video-call link"), blank=True)
    # The key of a shipped format (method.agenda.MEETING_FORMATS) or "custom-<id>" for one
    # of the group's CustomFormats; the services check that it exists and fits.
    format_key = models.CharField(_("format"), max_length=32, default="classic")
    # An accredited meeting (groups/cme.py); empty: its series' number and points, if any.
    vnr = models.CharField(_("VNR"), max_length=19, blank=True, validators=[validate_vnr])
    cme_points = models.DecimalField(_("CME points"), max_digits=4, decimal_places=1,
                                     null=True, blank=True, validators=[validate_cme_points])
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=10, duration_minutes__lte=12 * 60),
                name="meeting_duration_sane",
            ),
            models.CheckConstraint(condition=CME_POINTS_SANE, name="meeting_cme_points_sane"),
            models.CheckConstraint(condition=VNR_SANE, name="meeting_vnr_sane"),
        ]

    def __str__(self) -> str:
        return f"meeting #{self.pk}"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def online(self) -> bool:
        return self.setting == MeetingSetting.ONLINE

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None

    # Its own VNR and points, else its series': a series accredited as a whole passes
    # them to every meeting, and one meeting may still have its own.
    @property
    def effective_vnr(self) -> str:
        if self.vnr or self.series_id is None:
            return self.vnr
        assert self.series is not None
        return self.series.vnr

    @property
    def effective_cme_points(self) -> Decimal | None:
        if self.cme_points is not None or self.series_id is None:
            return self.cme_points
        assert self.series is not None
        return self.series.cme_points


CUSTOM_KEY_PREFIX = "custom-"


class CustomFormat(models.Model):
    """A format a group's leaders composed. The phases are the specifications
    method.agenda.custom_format takes (name, minutes, rule, speaks, sits_back), checked by
    it before every save."""

    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE,
                              related_name="custom_formats")
    name = models.CharField(_("name"), max_length=NAME_MAX)
    phases = models.JSONField(_("phases"), default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        return f"{CUSTOM_KEY_PREFIX}{self.pk}"

    @property
    def meeting_format(self) -> MeetingFormat:
        return custom_format(key=self.key, name=self.name, phases=self.phases)

    @property
    def minutes(self) -> int:
        return self.meeting_format.minutes


def custom_format_id(format_key: str) -> int | None:
    """The CustomFormat a meeting's format_key names, or None for any other key."""
    number = format_key.removeprefix(CUSTOM_KEY_PREFIX)
    if number == format_key or not number.isascii() or not number.isdigit():
        return None
    return int(number)


class PromptCard(models.Model):
    """A short intervention the leader can show the room ("Back to the relationship")."""

    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE,
                              related_name="prompt_cards")
    text = models.CharField(_("text"), max_length=PROMPT_CARD_MAX)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="prompt_card_has_text"),
        ]

    def __str__(self) -> str:
        return self.text


def _feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """Her private calendar address: whoever has it sees when and where her groups meet
    (nothing of what is said). A new address replaces the old one, which stops working."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"calendar feed #{self.pk}"


class NoticeKind(models.TextChoices):
    SCHEDULED = "scheduled", _("Meetings scheduled")
    CHANGED = "changed", _("A meeting changed")
    CANCELLED = "cancelled", _("A meeting cancelled")
    REMINDER = "reminder", _("Reminder")
    CASE_AHEAD = "case_ahead", _("May bring a case")
    ABSENCE = "absence", _("Notice of absence")
    ATTENDANCE = "attendance", _("Attendance confirmed")
    ROLE = "role", _("A role changed")
    FULL_NAME = "full_name", _("Full name for a certificate")


class Notice(models.Model):
    """An e-mail to one person, written with the change it tells of (in the same
    transaction) and sent by `balintroom send-reminders`. `key` makes each notice once;
    `claimed_at`, committed before the mail server is asked, keeps a second run - or the
    run after a crash - from sending it again. What it says is read when it is sent (the
    meeting as it stands), in her language and time zone; nothing confidential."""

    kind = models.CharField(max_length=16, choices=NoticeKind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, null=True,
                               blank=True, related_name="+")
    # Whom a notice to the leaders is about (who cannot come, whose role changed).
    about = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True,
                              blank=True, related_name="+")
    # Who made the change (a role change), and what it was: the role given, or "" when she
    # was removed from the group. Read when it is sent, a later change would rewrite it.
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+")
    detail = models.CharField(max_length=16, blank=True)
    # The time the notice speaks of (a date taken out of a series has no meeting left).
    starts_at = models.DateTimeField()
    sequence = models.PositiveIntegerField(default=0)
    key = models.CharField(max_length=120, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["claimed_at", "created_at"],
                                name="notice_pending")]

    def __str__(self) -> str:
        return f"notice #{self.pk} ({self.kind})"


class CaseAhead(models.Model):
    """"I may bring a case" to a meeting ahead, so that the leaders can plan the evening.
    Only that: what the case is, is told in the room."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="cases_ahead")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "user"],
                                               name="one_case_ahead_per_person")]

    def __str__(self) -> str:
        return f"case ahead #{self.pk}"


class CandidateStatus(models.TextChoices):
    WAITING = "waiting", _("On the waiting list")
    INTAKE = "intake", _("Intake conversation planned")
    READY = "ready", _("Intake conversation held")
    INVITED = "invited", _("Invited")


class Candidate(models.Model):
    """Someone who would like to join: on the waiting list, in the order she came, until
    an intake conversation with a leader and an invitation. Only the leaders see her."""

    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="candidates")
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"))
    status = models.CharField(max_length=16, choices=CandidateStatus.choices,
                              default=CandidateStatus.WAITING)
    intake_at = models.DateTimeField(_("intake conversation"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["group", "email"],
                                               name="one_candidacy_per_address")]

    def __str__(self) -> str:
        return f"candidate #{self.pk}"
