"""Everything that changes case material: private notes, the opt-in, the leaders' debrief,
a group's retention, the purge of expired notes and the rotation of encryption keys.

Nothing here logs, raises or returns a note's text anywhere but to its author.
"""

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from balintroom.accounts.models import User
from balintroom.deid import identifiers
from balintroom.groups.models import BalintGroup, Meeting, Membership
from balintroom.method.roles import LEADING_ROLES

from .fields import EncryptedTextField
from .models import CasePolicy, LeaderDebrief, NoteKind, NotesOptIn, PrivateNote
from .selectors import notes_expire_at, notes_expired, notes_for_export, people_names_of

logger = logging.getLogger(__name__)


# Opting in and out


def notes_opt_in(*, user: User, meeting: Meeting) -> NotesOptIn:
    if not Membership.objects.filter(group_id=meeting.group_id, user=user).exists():
        raise ValidationError(_("Only the group's participants keep notes for its meetings."))
    _check_not_expired(meeting)
    opt_in, _created = NotesOptIn.objects.get_or_create(user=user, meeting=meeting)
    return opt_in


def notes_opt_out(*, user: User, meeting: Meeting) -> int:
    """Stop keeping notes for a meeting; the notes kept so far are deleted."""
    with transaction.atomic():
        deleted, _detail = PrivateNote.objects.filter(author=user, meeting=meeting).delete()
        NotesOptIn.objects.filter(user=user, meeting=meeting).delete()
    return deleted


# Notes


def _check_not_expired(meeting: Meeting) -> None:
    if notes_expired(meeting):
        raise ValidationError(
            _("The retention time of this meeting is over, so it keeps no private notes."),
            code="expired",
        )


def _normalized(text: str) -> str:
    return text.replace("\r\n", "\n").strip()


# Error reports (DEBUG pages) must not show the text held in local variables.
@sensitive_variables()
def note_create(*, author: User, meeting: Meeting, text: str, label: str = "",
                kind: str = NoteKind.DURING_ROUND, round_number: int | None = None
                ) -> PrivateNote:
    if not NotesOptIn.objects.filter(user=author, meeting=meeting).exists():
        raise ValidationError(_("Choose to keep private notes for this meeting first."),
                              code="not_opted_in")
    _check_not_expired(meeting)
    note = PrivateNote(author=author, meeting=meeting, text=_normalized(text),
                       label=label.strip(), kind=kind, round_number=round_number)
    note.full_clean()
    note.save()
    return note


@sensitive_variables()
def note_update(*, note: PrivateNote, text: str, label: str = "",
                kind: str = NoteKind.DURING_ROUND, round_number: int | None = None
                ) -> PrivateNote:
    _check_not_expired(note.meeting)
    note.text = _normalized(text)
    note.label = label.strip()
    note.kind = kind
    note.round_number = round_number
    note.updated_at = timezone.now()
    note.full_clean()
    note.save()
    return note


def note_delete(*, note: PrivateNote) -> None:
    note.delete()


# The leaders' debrief


class DebriefConflict(Exception):
    """The debrief changed (or was deleted) after this leader opened it; nothing was saved,
    so that one leader does not overwrite the other's words unseen."""

    def __init__(self, current: LeaderDebrief | None) -> None:
        super().__init__("The debrief changed since it was opened.")
        self.current = current


def _check_leads(user: User, meeting: Meeting) -> None:
    if not Membership.objects.filter(group_id=meeting.group_id, user=user,
                                     role__in=[role.value for role in LEADING_ROLES]).exists():
        raise ValidationError(_("Only the leaders of this meeting write its debrief."),
                              code="not_leading")


@sensitive_variables()
def debrief_save(*, user: User, meeting: Meeting, text: str, seen: datetime | None,
                 now: datetime | None = None) -> LeaderDebrief:
    """Write the meeting's debrief, the one the leader had in front of her being `seen` (its
    updated_at, None for none). Raises DebriefConflict when it is no longer the one there."""
    _check_leads(user, meeting)
    now = now or timezone.now()
    with transaction.atomic():
        debrief = LeaderDebrief.objects.select_for_update().filter(meeting=meeting).first()
        if (debrief.updated_at if debrief is not None else None) != seen:
            raise DebriefConflict(debrief)
        if debrief is None:
            debrief = LeaderDebrief(meeting=meeting, created_at=now)
        debrief.text = _normalized(text)
        debrief.updated_by = user
        debrief.updated_at = now
        # Uniqueness is the database's to enforce: the other leader may be creating it too.
        debrief.full_clean(validate_unique=False)
        try:
            with transaction.atomic():
                debrief.save()
        except IntegrityError:
            raise DebriefConflict(
                LeaderDebrief.objects.filter(meeting=meeting).first()
            ) from None
    return debrief


def debrief_delete(*, user: User, meeting: Meeting) -> bool:
    """Delete the meeting's debrief for good; whether there was one."""
    _check_leads(user, meeting)
    deleted, _detail = LeaderDebrief.objects.filter(meeting=meeting).delete()
    return deleted > 0


# The identifier check


@dataclass(frozen=True)
class Flag:
    """Something in a text that may identify a patient."""

    field: str  # "text" or "label"
    category: str
    category_label: str
    start: int
    end: int
    text: str


class CheckUnavailable(Exception):
    """The check exists but failed; the person decides without it."""


@sensitive_variables()
def note_identifiers_find(*, text: str, label: str = "", language: str | None = None,
                          meeting: Meeting | None = None) -> list[Flag]:
    """What in a note or debrief may identify a patient. Raises CheckUnavailable when the
    check fails; the person then decides without it.

    With `meeting`, the names of its group's members and leaders are not flagged: a check
    that flags "Ben" or "Dr. Lena Leader" every time teaches everyone to save anyway.
    """
    labels = identifiers.CATEGORY_LABELS
    known_names = people_names_of(meeting) if meeting is not None else []
    flags: list[Flag] = []
    for field, value in (("text", text), ("label", label)):
        if not value:
            continue
        try:
            findings = identifiers.find_identifiers(value, language, known_names=known_names)
        except Exception as error:
            # The type only: a message might quote the text.
            logger.error("The identifier check failed (%s).", type(error).__name__)
            raise CheckUnavailable from None
        for finding in findings:
            flags.append(Flag(field=field, category=finding.category,
                              category_label=_(labels.get(finding.category,
                                                          finding.category)),
                              start=finding.start, end=finding.end, text=finding.text))
    return flags


# Export


@dataclass(frozen=True)
class Export:
    filename: str
    content_type: str
    content: bytes


def _local(value: datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


@sensitive_variables()
def notes_export(*, user: User, fmt: str = "txt", now: datetime | None = None) -> Export:
    """All of the user's notes that are not yet expired, as one file for her alone."""
    now = now or timezone.now()
    notes = notes_for_export(user, now=now)
    stamp = timezone.localtime(now).strftime("%Y-%m-%d")
    kinds = dict(NoteKind.choices)
    if fmt == "json":
        data = {
            "exported_at": now.isoformat(),
            "notes": [
                {
                    "group": note.meeting.group.name,
                    "meeting_starts_at": note.meeting.starts_at.isoformat(),
                    "round_number": note.round_number,
                    "kind": note.kind,
                    "label": note.label,
                    "text": note.text,
                    "created_at": note.created_at.isoformat(),
                    "updated_at": note.updated_at.isoformat(),
                    "deleted_after": notes_expire_at(note.meeting).isoformat(),
                }
                for note in notes
            ],
        }
        content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        return Export(f"balint-room-notes-{stamp}.json", "application/json; charset=utf-8",
                      content.encode())
    lines = [
        _("Balint Room: my private notes"),
        _("Exported %(when)s (%(zone)s). Keep this file as safe as the notes themselves.")
        % {"when": _local(now), "zone": timezone.get_current_timezone_name()},
    ]
    meeting_id = None
    for note in notes:
        if note.meeting_id != meeting_id:
            meeting_id = note.meeting_id
            lines += ["", "", "=" * 72,
                      f"{note.meeting.group.name}, {_local(note.meeting.starts_at)}",
                      _("Deleted from Balint Room after %(when)s.")
                      % {"when": _local(notes_expire_at(note.meeting))},
                      "=" * 72]
        heading = [str(kinds.get(note.kind, note.kind))]
        if note.round_number:
            heading.append(_("round %(number)s") % {"number": note.round_number})
        if note.label:
            heading.append(_("label: %(label)s") % {"label": note.label})
        lines += ["", "-- " + " | ".join(heading) + " --",
                  _("written %(when)s") % {"when": _local(note.created_at)}, "", note.text]
    if not notes:
        lines += ["", _("You have no private notes.")]
    return Export(f"balint-room-notes-{stamp}.txt", "text/plain; charset=utf-8",
                  ("\n".join(lines) + "\n").encode())


# Retention


def case_policy_update(*, group: BalintGroup, retention_days: int) -> CasePolicy:
    policy = CasePolicy.objects.filter(group=group).first() or CasePolicy(group=group)
    policy.retention_days = retention_days
    policy.updated_at = timezone.now()
    policy.full_clean()
    policy.save()
    return policy


def notes_purge_expired(*, now: datetime | None = None) -> int:
    """Delete every note whose meeting's retention is over; returns how many."""
    now = now or timezone.now()
    with_notes = Meeting.objects.filter(
        Q(pk__in=PrivateNote.objects.values("meeting_id"))
        | Q(pk__in=NotesOptIn.objects.values("meeting_id"))
    ).select_related("group__case_policy")
    expired = [meeting.pk for meeting in with_notes if notes_expired(meeting, now=now)]
    if not expired:
        return 0
    # The opt-ins go too: even who kept notes for a meeting is not kept longer than they.
    with transaction.atomic():
        deleted, _detail = PrivateNote.objects.filter(meeting_id__in=expired).delete()
        NotesOptIn.objects.filter(meeting_id__in=expired).delete()
    return deleted


# Keys


def _encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    found = []
    for model in apps.get_models():
        names = [f.attname for f in model._meta.concrete_fields
                 if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


def encrypted_values_rotate() -> int:
    """Encrypt every encrypted value again with the newest key; returns how many rows.

    All or nothing: a value no key opens stops the whole run before anything changed.
    """
    rows = 0
    with transaction.atomic():
        for model, names in _encrypted_fields():
            manager = model._base_manager
            # Primary keys first: SQLite does not isolate a table being read from its writes.
            pks = list(manager.select_for_update().order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(pks), 500):
                for obj in manager.filter(pk__in=pks[start:start + 500]).only("pk", *names):
                    # Loading decrypts with any of the keys; update() encrypts with the first.
                    manager.filter(pk=obj.pk).update(
                        **{name: getattr(obj, name) for name in names}
                    )
                    rows += 1
    return rows
