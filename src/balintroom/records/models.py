import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balintroom.groups.models import BalintGroup, Meeting, RoleChoice

from . import hours


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class AttendanceSetting(models.TextChoices):
    ONLINE = hours.ONLINE, _("Online")
    IN_PERSON = hours.IN_PERSON, _("In person")


class AttendanceSource(models.TextChoices):
    ROOM = "room", _("Live room")
    ROLL_CALL = "roll_call", _("Roll call")


class MeetingConfirmation(models.Model):
    """A leader confirmed the attendance of a meeting; from then on it changes only by
    corrections, each with a reason."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE,
                                   related_name="attendance_confirmation")
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, related_name="+")
    confirmed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"attendance of meeting #{self.meeting_id}"


class AttendanceRecord(models.Model):
    """One person at one meeting, as confirmed and as corrected since. `room_minutes` keeps
    what the live room recorded, whatever a correction made of it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE,
                                related_name="attendance_records")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="attendance_records")
    # Her role at that meeting: who led it stays known after roles change.
    role = models.CharField(max_length=16, choices=RoleChoice.choices)
    status = models.CharField(_("status"), max_length=16, choices=AttendanceStatus.choices)
    setting = models.CharField(_("setting"), max_length=16, choices=AttendanceSetting.choices)
    minutes = models.PositiveIntegerField(_("minutes"), default=0)
    source = models.CharField(max_length=16, choices=AttendanceSource.choices)
    room_minutes = models.PositiveIntegerField(null=True, blank=True)
    stepped_out_minutes = models.PositiveIntegerField(default=0)
    joined_at = models.DateTimeField(null=True, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, related_name="+")
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meeting__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_record_per_meeting"),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in AttendanceStatus]),
                name="record_status_known"),
            models.CheckConstraint(
                condition=Q(setting__in=[s.value for s in AttendanceSetting]),
                name="record_setting_known"),
            # Nobody attends longer than the longest meeting; the absent attend nothing.
            models.CheckConstraint(condition=Q(minutes__lte=12 * 60), name="record_minutes_sane"),
            models.CheckConstraint(
                condition=Q(status=AttendanceStatus.PRESENT) | Q(minutes=0),
                name="record_absent_has_no_minutes"),
        ]

    def __str__(self) -> str:
        return f"attendance #{self.pk}"

    def as_session(self) -> hours.Session:
        return hours.Session(self.meeting.starts_at, self.minutes, self.setting)


class AttendanceCorrection(models.Model):
    """A change to a confirmed record: what it was, what it became, who, when and why."""

    record = models.ForeignKey(AttendanceRecord, on_delete=models.CASCADE,
                               related_name="corrections")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                           related_name="+")
    at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(_("reason"), max_length=300)
    old_status = models.CharField(max_length=16)
    old_minutes = models.PositiveIntegerField()
    old_setting = models.CharField(max_length=16)
    new_status = models.CharField(max_length=16)
    new_minutes = models.PositiveIntegerField()
    new_setting = models.CharField(max_length=16)

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="correction_has_reason"),
        ]

    def __str__(self) -> str:
        return f"correction #{self.pk}"


class AbsenceNotice(models.Model):
    """A member tells the leaders ahead of a meeting that she cannot come."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE,
                                related_name="absence_notices")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    # Optional, short, and seen by the leaders: the form says so.
    note = models.CharField(_("note for the leaders"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_notice_per_meeting"),
        ]

    def __str__(self) -> str:
        return f"notice #{self.pk}"


def new_join_code() -> str:
    return secrets.token_urlsafe(9)


class Organisation(models.Model):
    """A training programme, institute or society that holds several groups. Its
    coordinators see attendance, hours and certificates of those groups, nothing else."""

    name = models.CharField(_("name"), max_length=160)
    # A leader links her group with this code, so that no group is seen by a coordinator
    # without its leader's doing.
    join_code = models.CharField(max_length=32, unique=True, default=new_join_code)
    created_at = models.DateTimeField(default=timezone.now)
    coordinators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                          related_name="coordinated_organisations")
    groups = models.ManyToManyField(BalintGroup, through="OrganisationGroup", blank=True,
                                    related_name="organisations")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationGroup(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE)
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "group"],
                                    name="group_once_per_organisation"),
        ]

    def __str__(self) -> str:
        return f"{self.group} in {self.organisation}"


class OrganisationScheme(models.Model):
    """An organisation's own scheme or pathway, or its copy of a shipped one with its own
    numbers (same key: it stands in for the shipped one in the organisation's groups).
    `definition` is checked by records.schemes.parse before every save."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="schemes")
    key = models.CharField(max_length=48)
    definition = models.JSONField()
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")

    class Meta:
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"],
                                    name="scheme_key_once_per_organisation"),
        ]

    def __str__(self) -> str:
        return self.key


class GroupScheme(models.Model):
    """A scheme a group's hours count toward, as shipped (organisation empty) or as an
    organisation of the group defines it."""

    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=48)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True,
                                     blank=True, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "key"], name="scheme_once_per_group"),
        ]

    def __str__(self) -> str:
        return self.key


def new_certificate_code() -> str:
    # 128 random bits: unguessable, and short enough to type from paper.
    return secrets.token_urlsafe(16)


class CertificateStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    REVOKED = "revoked", _("Revoked")


class Certificate(models.Model):
    """A certificate of attendance. `content` is what it states, fixed when it was drafted;
    the verification page shows that and nothing else."""

    code = models.CharField(max_length=40, unique=True, default=new_certificate_code)
    group = models.ForeignKey(BalintGroup, on_delete=models.SET_NULL, null=True,
                              related_name="+")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                               null=True, related_name="certificates")
    status = models.CharField(max_length=16, choices=CertificateStatus.choices,
                              default=CertificateStatus.DRAFT)
    content = models.JSONField()
    period_start = models.DateField()
    period_end = models.DateField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in CertificateStatus]),
                name="certificate_status_known"),
            models.CheckConstraint(
                condition=Q(status=CertificateStatus.DRAFT) | Q(approved_at__isnull=False),
                name="certificate_released_was_approved"),
            models.CheckConstraint(
                condition=~Q(status=CertificateStatus.REVOKED) | Q(revoked_at__isnull=False),
                name="certificate_revoked_has_date"),
            models.CheckConstraint(condition=Q(period_start__lte=models.F("period_end")),
                                   name="certificate_period_ordered"),
        ]

    def __str__(self) -> str:
        return f"certificate #{self.pk}"


class LogbookKind(models.TextChoices):
    INTENSIVE = "intensive", _("Intensive")
    SUPERVISION = "supervision", _("Supervision session")
    LEADER_SEMINAR = "leader_seminar", _("Leader seminar")
    LED = "led", _("Group led elsewhere")
    CO_LED = "co_led", _("Group co-led elsewhere")
    PARTICIPATED = "participated", _("Balint group attended elsewhere")
    OTHER = "other", _("Other")


class LogbookEntry(models.Model):
    """What a leader adds to her logbook beyond the meetings Balint Room records."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="logbook_entries")
    kind = models.CharField(_("kind"), max_length=24, choices=LogbookKind.choices)
    date = models.DateField(_("date"))
    minutes = models.PositiveIntegerField(_("minutes"))
    cases = models.PositiveSmallIntegerField(_("case discussions"), default=0)
    in_person = models.BooleanField(_("in person"), default=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(minutes__gt=0, minutes__lte=100 * 60),
                                   name="logbook_minutes_sane"),
            models.CheckConstraint(condition=Q(kind__in=[k.value for k in LogbookKind]),
                                   name="logbook_kind_known"),
        ]

    def __str__(self) -> str:
        return f"logbook entry #{self.pk}"


class StoredImage(models.Model):
    """An image a certificate prints (a logo, a signature), kept by its content's hash: a
    certificate names the image it was made with, and a later upload never changes it."""

    sha256 = models.CharField(max_length=64, primary_key=True)
    png = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"image {self.sha256[:12]}"


class CertificateIssuer(models.Model):
    """Who issues a group's certificates: the institute, society or practice, as an
    accrediting body reads it on the certificate."""

    group = models.OneToOneField(BalintGroup, on_delete=models.CASCADE,
                                 related_name="certificate_issuer")
    name = models.CharField(_("issuing organisation"), max_length=160)
    address = models.TextField(_("address"), max_length=400, blank=True)
    logo = models.ForeignKey(StoredImage, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name


class Signer(models.Model):
    """How a leader signs the certificates she approves: her qualification as she states
    it, and an image of her signature."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="certificate_signer")
    qualification = models.CharField(_("your qualification"), max_length=160, blank=True)
    signature = models.ForeignKey(StoredImage, on_delete=models.PROTECT, null=True,
                                  blank=True, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"signer #{self.pk}"
