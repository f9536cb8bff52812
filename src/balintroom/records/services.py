"""Everything that changes attendance, notices, schemes, certificates, logbooks and
organisations. Reads of the live room go through `room_presence`; nothing here writes to
groups or live."""

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from balintroom.accounts.audit import audit
from balintroom.accounts.models import AuditKind, User
from balintroom.groups.models import (
    BalintGroup,
    Meeting,
    MeetingSetting,
    Membership,
    NoticeKind,
)
from balintroom.groups.notices import leaders_of, notices_withdraw, notify
from balintroom.live.models import Connection, Room, StepOut
from balintroom.method.roles import Role

from . import hours, images, schemes
from .models import (
    AbsenceNotice,
    AttendanceCorrection,
    AttendanceRecord,
    AttendanceSource,
    AttendanceStatus,
    Certificate,
    CertificateIssuer,
    CertificateStatus,
    GroupScheme,
    LogbookEntry,
    LogbookKind,
    MeetingConfirmation,
    Organisation,
    OrganisationGroup,
    OrganisationScheme,
    Signer,
    StoredImage,
    new_join_code,
)

# Attendance


def meeting_end(meeting: Meeting) -> datetime:
    """When the meeting ended: when the leader ended it in the room, or its scheduled end."""
    ended = Room.objects.filter(meeting=meeting).values_list("ended_at", flat=True).first()
    return ended or meeting.ends_at


def meeting_over(meeting: Meeting) -> bool:
    return meeting_end(meeting) <= timezone.now()


def meeting_minutes(meeting: Meeting) -> int:
    """How long the meeting lasted: to the leader's end of it, at most as scheduled."""
    lasted = (min(meeting_end(meeting), meeting.ends_at) - meeting.starts_at).total_seconds()
    return max(0, round(lasted / 60))


def room_presence(meeting: Meeting) -> dict[int, hours.Presence]:
    """What the live room recorded of each person who opened it: the union of her
    connections, clipped to the meeting (to its end in the room, if the leader ended it
    early), less the time she stepped out. A reconnect within the grace period is no
    absence, as in the room itself."""
    room = Room.objects.filter(meeting=meeting).first()
    if room is None:
        return {}
    ends_at = min(room.ended_at or meeting.ends_at, meeting.ends_at)
    now = timezone.now()
    stale = timedelta(seconds=settings.PRESENCE_STALE_SECONDS)
    connections: dict[int, list[hours.Interval]] = defaultdict(list)
    rows = Connection.objects.filter(room=room).values_list(
        "user_id", "opened_at", "closed_at", "last_seen")
    for user_id, opened_at, closed_at, last_seen in rows:
        if closed_at is None:
            # Still open, or its server process died: then its last heartbeat is its end.
            closed_at = now if last_seen + stale >= now else last_seen
        connections[user_id].append((opened_at, closed_at))
    outside: dict[int, list[hours.Interval]] = defaultdict(list)
    steps = StepOut.objects.filter(room=room, stepped_out_at__isnull=False).values_list(
        "user_id", "stepped_out_at", "returned_at")
    for user_id, out_at, back_at in steps:
        if out_at is not None:
            outside[user_id].append((out_at, back_at or ends_at))
    bridge = timedelta(seconds=settings.PRESENCE_GRACE_SECONDS)
    return {
        user_id: hours.presence(connections=intervals, stepped_out=outside[user_id],
                                starts_at=meeting.starts_at, ends_at=ends_at,
                                bridge=bridge)
        for user_id, intervals in connections.items()
    }


@dataclass
class RosterLine:
    """One person as the leader sees her before confirming a meeting."""

    user: User
    role: str
    presence: hours.Presence | None
    notice: AbsenceNotice | None
    # Whether people come without a device (in person, mixed): then those expected are
    # present unless the leader says otherwise; online, whoever never opened the room is not.
    in_the_room: bool = False
    minutes: int = 0  # how long the meeting lasted
    paused: bool = False  # on a pause that day (she keeps her place)

    @property
    def opened_room(self) -> bool:
        return self.presence is not None and self.presence.opened_room

    @property
    def partly(self) -> bool:
        """Present for part of the meeting only."""
        return self.presence is not None and 0 < self.presence.minutes < self.minutes

    @property
    def default_status(self) -> str:
        if self.opened_room:
            return AttendanceStatus.PRESENT
        if self.notice or self.paused:
            return AttendanceStatus.EXCUSED
        return AttendanceStatus.PRESENT if self.in_the_room else AttendanceStatus.ABSENT


def meeting_roster(meeting: Meeting) -> list[RosterLine]:
    """The group's members now, and anyone else who was in the room, leaders first."""
    presence = room_presence(meeting)
    notices = {n.user_id: n for n in AbsenceNotice.objects.filter(meeting=meeting)}
    in_the_room = meeting.setting != MeetingSetting.ONLINE
    minutes = meeting_minutes(meeting)
    rank = {Role.LEADER.value: 0, Role.CO_LEADER.value: 1, Role.MEMBER.value: 2}
    lines = []
    seen: set[int] = set()
    memberships = Membership.objects.filter(group_id=meeting.group_id).select_related("user")
    for membership in memberships:
        seen.add(membership.user_id)
        lines.append(RosterLine(membership.user, membership.role,
                                presence.get(membership.user_id),
                                notices.get(membership.user_id), in_the_room, minutes,
                                paused=membership.paused_on(
                                    timezone.localdate(meeting.starts_at))))
    for user in User.objects.filter(pk__in=set(presence) - seen):
        lines.append(RosterLine(user, Role.MEMBER, presence[user.pk], notices.get(user.pk),
                                in_the_room, minutes))
    lines.sort(key=lambda line: (rank.get(line.role, 3), line.user.name.lower()))
    return lines


def attendance_confirm(*, meeting: Meeting, by: User,
                       roll_call: dict[int, str]) -> list[AttendanceRecord]:
    """Record the meeting's attendance. Whoever opened the room is present for the minutes
    the room recorded; for everyone else the leader's roll call says present (for the
    whole meeting, in its setting), absent or excused."""
    if not meeting_over(meeting):
        raise ValidationError(_("Attendance is confirmed once the meeting is over."))
    valid = {s.value for s in AttendanceStatus}
    for status in roll_call.values():
        if status not in valid:
            raise ValidationError(_("Choose present, absent or excused for everyone."))
    now = timezone.now()
    lasted = meeting_minutes(meeting)
    try:
        with transaction.atomic():
            MeetingConfirmation.objects.create(meeting=meeting, confirmed_by=by,
                                               confirmed_at=now)
            records = []
            for line in meeting_roster(meeting):
                record = AttendanceRecord(meeting=meeting, user=line.user, role=line.role,
                                          setting=meeting.setting, confirmed_by=by,
                                          confirmed_at=now)
                if line.presence is not None and line.opened_room:
                    record.status = AttendanceStatus.PRESENT
                    record.source = AttendanceSource.ROOM
                    record.minutes = record.room_minutes = line.presence.minutes
                    record.stepped_out_minutes = line.presence.stepped_out_minutes
                    record.joined_at = line.presence.joined_at
                    record.left_at = line.presence.left_at
                else:
                    record.status = roll_call.get(line.user.pk, line.default_status)
                    record.source = AttendanceSource.ROLL_CALL
                    record.minutes = lasted if record.status == AttendanceStatus.PRESENT else 0
                records.append(record)
            AttendanceRecord.objects.bulk_create(records)
            # Each one present hears that her hours are on record.
            notify(kind=NoticeKind.ATTENDANCE, group_id=meeting.group_id, meeting=meeting,
                   starts_at=meeting.starts_at,
                   to=[r.user.pk for r in records if r.status == AttendanceStatus.PRESENT])
    except IntegrityError:
        raise ValidationError(_("This meeting's attendance has already been confirmed. "
                                "Correct a record instead.")) from None
    return records


def attendance_correct(*, record: AttendanceRecord, by: User, status: str, minutes: int,
                       setting: str, reason: str) -> AttendanceCorrection:
    """Change a confirmed record, keeping what it was, who changed it, when and why."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(_("Say why you correct this record."))
    if status not in {s.value for s in AttendanceStatus}:
        raise ValidationError(_("Choose present, absent or excused."))
    if setting not in hours.SETTINGS:
        raise ValidationError(_("Choose online or in person."))
    if status != AttendanceStatus.PRESENT:
        minutes = 0
    duration = record.meeting.duration_minutes
    if not 0 <= minutes <= duration:
        raise ValidationError(_("Minutes must be between 0 and the meeting's %(minutes)s.")
                              % {"minutes": duration})
    with transaction.atomic():
        record = AttendanceRecord.objects.select_for_update().get(pk=record.pk)
        if (record.status, record.minutes, record.setting) == (status, minutes, setting):
            raise ValidationError(_("Nothing would change."))
        correction = AttendanceCorrection.objects.create(
            record=record, by=by, reason=reason[:300],
            old_status=record.status, old_minutes=record.minutes, old_setting=record.setting,
            new_status=status, new_minutes=minutes, new_setting=setting)
        record.status, record.minutes, record.setting = status, minutes, setting
        record.save(update_fields=["status", "minutes", "setting"])
    return correction


def absence_notice_give(*, meeting: Meeting, user: User, note: str = "") -> AbsenceNotice:
    if meeting.starts_at <= timezone.now():
        raise ValidationError(_("Notice of absence is given before the meeting begins."))
    note = " ".join(note.split())[:200]
    with transaction.atomic():
        notice, _created = AbsenceNotice.objects.update_or_create(
            meeting=meeting, user=user, defaults={"note": note})
        # The leaders hear of it by e-mail; her note stays on the group's page.
        notify(kind=NoticeKind.ABSENCE, group_id=meeting.group_id, meeting=meeting,
               starts_at=meeting.starts_at, to=leaders_of(meeting.group_id), about=user)
    return notice


def absence_notice_withdraw(*, meeting: Meeting, user: User) -> None:
    if meeting.starts_at <= timezone.now():
        raise ValidationError(_("The meeting has begun; the leaders take the roll call."))
    with transaction.atomic():
        AbsenceNotice.objects.filter(meeting=meeting, user=user).delete()
        notices_withdraw(kind=NoticeKind.ABSENCE, meeting=meeting, about=user)


# Schemes


def _checked_scheme(definition: object) -> schemes.Scheme:
    try:
        return schemes.parse(definition)
    except schemes.SchemeError as error:
        raise ValidationError(error.problems) from None


def scheme_resolve(key: str, organisation: Organisation | None) -> schemes.Scheme | None:
    """The scheme a key names: the organisation's own if given, else the shipped one."""
    if organisation is not None:
        own = OrganisationScheme.objects.filter(organisation=organisation, key=key).first()
        if own is not None:
            return _checked_scheme(own.definition)
        return None
    return schemes.shipped().get(key)


def group_scheme_add(*, group: BalintGroup, key: str,
                     organisation: Organisation | None = None) -> GroupScheme:
    if organisation is not None and not OrganisationGroup.objects.filter(
            organisation=organisation, group=group).exists():
        raise ValidationError(_("This group is not part of that organisation."))
    scheme = scheme_resolve(key, organisation)
    if scheme is None or scheme.type != schemes.CREDIT:
        raise ValidationError(_("Choose one of the schemes."))
    chosen, _created = GroupScheme.objects.update_or_create(
        group=group, key=key, defaults={"organisation": organisation})
    return chosen


def group_scheme_remove(*, group: BalintGroup, key: str) -> None:
    GroupScheme.objects.filter(group=group, key=key).delete()


def organisation_scheme_save(*, organisation: Organisation, text: str,
                             by: User) -> OrganisationScheme:
    """Save a scheme written as JSON, after checking every rule. A key the organisation
    has already is replaced; a shipped key stands in for the shipped scheme."""
    try:
        definition = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(_("This is not valid JSON (line %(line)s, column %(column)s): "
                                "%(message)s") % {"line": error.lineno, "column": error.colno,
                                                   "message": error.msg}) from None
    scheme = _checked_scheme(definition)
    saved, _created = OrganisationScheme.objects.update_or_create(
        organisation=organisation, key=scheme.key,
        defaults={"definition": definition, "updated_at": timezone.now(), "updated_by": by})
    return saved


def organisation_scheme_delete(*, organisation: Organisation, key: str) -> None:
    with transaction.atomic():
        OrganisationScheme.objects.filter(organisation=organisation, key=key).delete()
        GroupScheme.objects.filter(organisation=organisation, key=key).delete()


# Organisations


def organisation_join(*, group: BalintGroup, code: str, by: User) -> Organisation:
    """A leader links her group to a programme with the code its coordinator gave her."""
    organisation = Organisation.objects.filter(join_code=code.strip()).first() if code.strip(
    ) else None
    if organisation is None:
        raise ValidationError(_("No organisation has this code. Ask its coordinator for it."))
    OrganisationGroup.objects.get_or_create(organisation=organisation, group=group,
                                            defaults={"added_by": by})
    return organisation


def organisation_leave(*, group: BalintGroup, organisation: Organisation) -> None:
    with transaction.atomic():
        OrganisationGroup.objects.filter(organisation=organisation, group=group).delete()
        GroupScheme.objects.filter(group=group, organisation=organisation).delete()


def organisation_code_renew(*, organisation: Organisation) -> Organisation:
    organisation.join_code = new_join_code()
    organisation.save(update_fields=["join_code"])
    return organisation


# Certificates


def verify_url(code: str) -> str:
    return f"{settings.SITE_URL}{reverse('certificate_verify', args=[code])}"


def _sessions(records: list[AttendanceRecord]) -> list[hours.Session]:
    return [record.as_session() for record in records]


def _signer(user: User) -> Signer | None:
    """How she signs (her qualification, her signature), if she has said."""
    try:
        return user.certificate_signer
    except Signer.DoesNotExist:
        return None


def _session_lines(records: list[AttendanceRecord]) -> list[dict[str, object]]:
    tz = timezone.get_current_timezone()
    lines: list[dict[str, object]] = []
    for record in records:
        if record.status != AttendanceStatus.PRESENT or record.minutes <= 0:
            continue
        vnr, points = record.meeting.effective_vnr, record.meeting.effective_cme_points
        lines.append({
            "date": hours.local_date(record.meeting.starts_at, tz).isoformat(),
            "minutes": record.minutes,
            "units": str(hours.decimal(hours.units(record.minutes))),
            "setting": record.setting,
            "vnr": vnr,
            "points": str(points) if points is not None else "",
        })
    return lines


def _issuer_of(group: BalintGroup) -> dict[str, object] | None:
    issuer = CertificateIssuer.objects.filter(group=group).first()
    if issuer is None:
        return None
    return {"name": issuer.name, "address": issuer.address, "logo": issuer.logo_id}


def _in_language(language: str, text: Callable[[], str]) -> str:
    with translation.override(language):
        return text()


def certificate_content(*, group: BalintGroup, member: User, period_start: date,
                        period_end: date, scheme: schemes.Scheme | None) -> dict[str, object]:
    """What a certificate states: who (her full name, profession and EFN), who issues it,
    which group, who led it with their qualification, each session and the totals, in
    person and online apart, the chamber's event numbers and points, and toward which
    scheme. Nothing else about her or the group. In her language where she chose one."""
    tz = timezone.get_current_timezone()
    records = [r for r in AttendanceRecord.objects.filter(
        meeting__group=group).select_related("meeting__series", "user__certificate_signer")
        if period_start <= hours.local_date(r.meeting.starts_at, tz) <= period_end]
    own = [r for r in records if r.user_id == member.pk]
    found = hours.totals(_sessions(own))
    attended_meetings = {r.meeting_id for r in own if r.minutes > 0}
    leaders: dict[int, tuple[str, str, str]] = {}
    for record in records:
        if (record.meeting_id in attended_meetings and record.status == AttendanceStatus.PRESENT
                and record.role in (Role.LEADER, Role.CO_LEADER)):
            current = leaders.get(record.user_id)
            if current is None or record.role == Role.LEADER:
                signer = _signer(record.user)
                leaders[record.user_id] = (record.user.certificate_name, record.role,
                                           signer.qualification if signer else "")
    sessions = _session_lines(own)
    points = [Decimal(str(line["points"])) for line in sessions if line["points"]]
    content: dict[str, object] = {
        "member": member.certificate_name,
        "profession": _in_language(member.language or group.language,
                                   lambda: member.profession_shown),
        "efn": member.efn,
        "issuer": _issuer_of(group),
        "group": group.name,
        "group_setting": group.setting,
        "leaders": sorted(({"name": name, "role": role, "qualification": qualification}
                           for name, role, qualification in leaders.values()),
                          key=lambda x: (x["role"] != Role.LEADER, x["name"])),
        "period_start": period_start.isoformat(),
        "period_end": period_end.isoformat(),
        "language": member.language or group.language,
        "session_list": sessions,
        "cme_points": str(sum(points, Decimal(0))) if points else "",
        **found.as_dict(),
    }
    if scheme is not None:
        content["scheme"] = {"key": scheme.key, "name": scheme.name, "sources": scheme.sources}
    return content


def certificates_draft(*, group: BalintGroup, members: list[User], period_start: date,
                       period_end: date, scheme: schemes.Scheme | None,
                       by: User) -> tuple[list[Certificate], list[str]]:
    """Drafts for those who attended in the period; the reasons for the others. A member
    who has not given her full name is asked for it, and drafted once she has."""
    if period_start > period_end:
        raise ValidationError(_("The period ends before it begins."))
    made, skipped = [], []
    for member in members:
        content = certificate_content(group=group, member=member, period_start=period_start,
                                      period_end=period_end, scheme=scheme)
        if not content["sessions"]:
            skipped.append(_("%(name)s attended no confirmed meeting in this period.")
                           % {"name": member.name})
            continue
        if not member.legal_name:
            full_name_ask(group=group, member=member)
            skipped.append(_("%(name)s has not yet given a full name for certificates. An "
                             "e-mail asks for it; make this draft again once it is given.")
                           % {"name": member.name})
            continue
        made.append(Certificate.objects.create(
            group=group, member=member, content=content, period_start=period_start,
            period_end=period_end, created_by=by))
    return made, skipped


def full_name_ask(*, group: BalintGroup, member: User) -> None:
    """An e-mail asking her for her full name as a certificate prints it; once a day at
    most, however often drafts are made."""
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    notify(kind=NoticeKind.FULL_NAME, group_id=group.pk, starts_at=today, to=[member.pk],
           about=member)


def _image_after(current: StoredImage | None, png: bytes | None, *, remove: bool
                 ) -> StoredImage | None:
    """A logo or signature after its form: the one uploaded (kept by its hash), none if
    she removed it, else the one she had."""
    if png is not None:
        image, _created = StoredImage.objects.get_or_create(sha256=images.digest(png),
                                                            defaults={"png": png})
        return image
    return None if remove else current


def certificate_issuer_save(*, group: BalintGroup, name: str, address: str,
                            logo_png: bytes | None, remove_logo: bool = False
                            ) -> CertificateIssuer:
    """Who issues the group's certificates from now on; drafts made before keep what they
    were made with."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Give the name of the issuing organisation."))
    issuer = CertificateIssuer.objects.filter(group=group).first() or CertificateIssuer(
        group=group)
    issuer.name, issuer.address = name, address.strip()
    issuer.logo = _image_after(issuer.logo, logo_png, remove=remove_logo)
    issuer.updated_at = timezone.now()
    issuer.save()
    return issuer


# An image is kept this long before it may go unused: an upload and the row that names it
# are written one after the other.
IMAGE_GRACE = timedelta(days=1)


def images_purge_unused(now: datetime | None = None) -> int:
    """Logos and signatures nobody uses any more: replaced or removed, and printed on no
    certificate (whatever a certificate prints stays with it). Returns how many went."""
    used = set(CertificateIssuer.objects.exclude(logo=None).values_list("logo_id", flat=True))
    used |= set(Signer.objects.exclude(signature=None).values_list("signature_id", flat=True))
    for content in Certificate.objects.values_list("content", flat=True).iterator():
        for part, key in (("issuer", "logo"), ("approval", "signature")):
            found = content.get(part)
            if isinstance(found, dict) and isinstance(found.get(key), str):
                used.add(found[key])
    cutoff = (now or timezone.now()) - IMAGE_GRACE
    deleted, _detail = StoredImage.objects.filter(created_at__lt=cutoff).exclude(
        pk__in=used).delete()
    return deleted


def signer_save(*, user: User, qualification: str, signature_png: bytes | None,
                remove_signature: bool = False) -> Signer:
    """Her qualification and signature, as the certificates she approves from now on show
    them."""
    signer = Signer.objects.filter(user=user).first() or Signer(user=user)
    signer.qualification = " ".join(qualification.split())
    signer.signature = _image_after(signer.signature, signature_png, remove=remove_signature)
    signer.updated_at = timezone.now()
    signer.save()
    return signer


def certificate_approve(*, certificate: Certificate, by: User) -> Certificate:
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.status != CertificateStatus.DRAFT:
            raise ValidationError(_("Only a draft can be approved."))
        certificate.status = CertificateStatus.APPROVED
        certificate.approved_by, certificate.approved_at = by, timezone.now()
        # Who approved it, as the certificate prints it, fixed with the approval.
        signer = _signer(by)
        certificate.content = {**certificate.content, "approval": {
            "name": by.certificate_name,
            "qualification": signer.qualification if signer else "",
            "date": timezone.localdate(certificate.approved_at).isoformat(),
            "signature": signer.signature_id if signer else None,
        }}
        certificate.save(update_fields=["status", "approved_by", "approved_at", "content"])
        audit(AuditKind.CERTIFICATE_ISSUED, user_id=certificate.member_id, actor_id=by.pk,
              group_id=certificate.group_id, detail=f"certificate {certificate.pk}")
    return certificate


def certificate_revoke(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(_("Say why the certificate is revoked."))
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.status != CertificateStatus.APPROVED:
            raise ValidationError(_("Only an approved certificate can be revoked."))
        certificate.status = CertificateStatus.REVOKED
        certificate.revoked_by, certificate.revoked_at = by, timezone.now()
        certificate.revoke_reason = reason[:300]
        certificate.save(update_fields=["status", "revoked_by", "revoked_at", "revoke_reason"])
        # The reason stays on the certificate; the log says only that it happened.
        audit(AuditKind.CERTIFICATE_REVOKED, user_id=certificate.member_id, actor_id=by.pk,
              group_id=certificate.group_id, detail=f"certificate {certificate.pk}")
    return certificate


def certificate_discard(*, certificate: Certificate) -> None:
    """A draft that is not wanted goes; a released certificate is revoked, never deleted."""
    if certificate.status != CertificateStatus.DRAFT:
        raise ValidationError(_("A released certificate is revoked, not deleted."))
    certificate.delete()


# Leader logbook


def _minutes_from_hours(value: str | Decimal) -> int:
    try:
        amount = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        raise ValidationError(_("Give the hours as a number, for example 1.5.")) from None
    if not amount.is_finite() or amount < Decimal("0.25") or amount > 100:
        raise ValidationError(_("Give between 0.25 and 100 hours."))
    return int(amount * 60)


def logbook_entry_add(*, user: User, kind: str, day: date, hours_text: str | Decimal,
                      cases: int = 0, in_person: bool = True, note: str = "") -> LogbookEntry:
    if kind not in {k.value for k in LogbookKind}:
        raise ValidationError(_("Choose what kind of entry this is."))
    if day > timezone.localdate():
        raise ValidationError(_("The logbook records what has happened; choose a past date."))
    entry = LogbookEntry(user=user, kind=kind, date=day, minutes=_minutes_from_hours(hours_text),
                         cases=cases, in_person=in_person, note=" ".join(note.split())[:500])
    entry.full_clean()
    entry.save()
    return entry


def logbook_entry_delete(*, entry: LogbookEntry) -> None:
    entry.delete()
