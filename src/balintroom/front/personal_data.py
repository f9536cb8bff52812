"""Her data, as the GDPR gives her a right to: all of it in one download (Art. 15, 20), and
her account erased (Art. 17), keeping only what certificates already issued require.

`account_export` reads; `account_erase` is the one way an account is erased."""

import csv
import io
import json
import zipfile
from collections.abc import Sequence
from typing import Any

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from balintroom.accounts.audit import audit
from balintroom.accounts.models import AuditEvent, AuditKind, User
from balintroom.cases.models import PrivateNote
from balintroom.core.spreadsheet import safe_cell
from balintroom.groups.models import Candidate, Invitation, Membership
from balintroom.groups.services import membership_end
from balintroom.records.models import (
    AbsenceNotice,
    AttendanceRecord,
    Certificate,
    LogbookEntry,
    Signer,
    StoredImage,
)
from balintroom.reflection.aggregates import own_scores
from balintroom.reflection.development import own_history
from balintroom.reflection.models import ResearchConsent, Response
from balintroom.reflection.questionnaires import research_forget


def _when(value: Any) -> str:
    return value.isoformat() if value is not None else ""


def personal_data(user: User) -> dict[str, list[dict[str, Any]]]:
    """Everything Balint Room keeps about her, as plain values."""
    return {
        "profile": [{
            "email": user.email, "display_name": user.display_name,
            "legal_name": user.legal_name, "efn": user.efn,
            "profession": user.profession_shown, "language": user.language,
            "timezone": user.timezone, "email_reminders": user.email_reminders,
            "joined": _when(user.date_joined), "last_sign_in": _when(user.last_login),
        }],
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)],
        "groups": [
            {"group": m.group.name, "role": m.role, "joined": _when(m.joined_at),
             "agreed_to_confidentiality": _when(m.agreed_at),
             "pause_from": _when(m.paused_from), "pause_until": _when(m.paused_until)}
            for m in Membership.objects.filter(user=user).select_related("group")],
        "attendance": [
            {"group": r.meeting.group.name, "meeting": _when(r.meeting.starts_at),
             "role": r.role, "status": r.status, "setting": r.setting, "minutes": r.minutes}
            for r in AttendanceRecord.objects.filter(user=user).select_related(
                "meeting__group")],
        "absence_notices": [
            {"group": n.meeting.group.name, "meeting": _when(n.meeting.starts_at),
             "note": n.note, "given": _when(n.created_at)}
            for n in AbsenceNotice.objects.filter(user=user).select_related("meeting__group")],
        "certificates": [
            {"code": c.code, "status": c.status, "from": _when(c.period_start),
             "to": _when(c.period_end), "content": c.content}
            for c in Certificate.objects.filter(member=user).exclude(status="draft")],
        "certificate_signature": [
            {"qualification": signer.qualification,
             "signature": "signature.png" if signer.signature_id else ""}
            for signer in Signer.objects.filter(user=user)],
        "logbook": [
            {"kind": e.kind, "date": _when(e.date), "minutes": e.minutes, "cases": e.cases,
             "in_person": e.in_person, "note": e.note}
            for e in LogbookEntry.objects.filter(user=user)],
        # Her own notes, readable by her alone: decrypted for her, as the page shows them.
        "private_notes": [
            {"group": n.meeting.group.name, "meeting": _when(n.meeting.starts_at),
             "round": n.round_number, "kind": n.kind, "label": n.label, "text": n.text,
             "written": _when(n.created_at)}
            for n in PrivateNote.objects.filter(author=user).select_related("meeting__group")],
        # Her answers to the reviews (the groups' summaries hold them without her name),
        # and, where she presented, what she recognised in herself.
        "review_answers": [
            {"group": line.meeting.group.name, "meeting": _when(line.meeting.starts_at),
             "round": line.round.number, **line.answer,
             "recognised": [str(word) for word in line.recognised]}
            for line in own_history(user)],
        "questionnaires": [
            {"group": r.administration.group.name, "wave": r.administration.wave,
             "questionnaire": r.administration.instrument.name,
             "answered": _when(r.consented_at), "answers": json.loads(r.answers),
             "scores": own_scores(r)}
            for r in Response.objects.filter(user=user).select_related(
                "administration__group", "administration__instrument")],
        "research_consents": [
            {"group": c.group.name, "given": _when(c.given_at)}
            for c in ResearchConsent.objects.filter(user=user).select_related("group")],
        "security_log": [
            {"at": _when(e.at), "event": e.kind, "group_id": e.group_id,
             "network": e.network, "detail": e.detail}
            for e in AuditEvent.objects.filter(user_id=user.pk)],
    }


def _csv(rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.writer(buffer)
        header = list(rows[0])
        writer.writerow(header)
        for row in rows:
            writer.writerow([safe_cell(json.dumps(row[key], ensure_ascii=False)
                                       if isinstance(row[key], dict | list) else row[key])
                             for key in header])
    return buffer.getvalue()


def account_export(user: User) -> bytes:
    """A zip: data.json (all of it), a CSV per kind, and a readable summary."""
    data = personal_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2))
        for name, rows in data.items():
            archive.writestr(f"{name}.csv", _csv(rows))
        signer = Signer.objects.filter(user=user).select_related("signature").first()
        if signer is not None and signer.signature is not None:
            archive.writestr("signature.png", bytes(signer.signature.png))
        archive.writestr("summary.txt", render_to_string("front/data_summary.txt", {
            "user": user, "data": data, "made": timezone.now(),
            "counts": [(name, len(rows)) for name, rows in data.items()]}))
    return buffer.getvalue()


def account_erase(*, user: User) -> None:
    """Her account goes, and with it everything about her - except certificates already
    issued: a chamber may still verify one, so what it states stays, no longer linked to
    an account. Refused while a group would be left without a leader."""
    with transaction.atomic():
        # She leaves each group as anyone leaves one (its rules, its open rooms told at
        # once); where she is the last leader of a group still running, nothing happens.
        refused = []
        for membership in Membership.objects.filter(user=user).select_related("group"):
            try:
                membership_end(membership=membership, by=user)
            except ValidationError:
                refused.append(membership.group.name)
        if refused:
            raise ValidationError(_("You are the only leader of %(groups)s. Make someone else "
                                    "leader first, or end the group.")
                                  % {"groups": ", ".join(sorted(refused))})
        user_id = user.pk
        addresses = list(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
        # Invitations and waiting-list entries hold her address without a link to her.
        Invitation.objects.filter(email__in=[user.email, *addresses]).delete()
        Candidate.objects.filter(email__in=[user.email, *addresses]).delete()
        # Certificates keep what they state (content); the link to her goes with her row.
        Certificate.objects.filter(member=user, status="draft").delete()
        signer = Signer.objects.filter(user=user).first()
        research_forget(user=user)
        user.delete()
        # Her signature stays only where a certificate she approved prints it.
        if signer is not None and signer.signature_id and not Certificate.objects.filter(
                content__approval__signature=signer.signature_id).exists():
            StoredImage.objects.filter(pk=signer.signature_id).delete()
        audit(AuditKind.ACCOUNT_ERASED, user_id=user_id, actor_id=user_id)
