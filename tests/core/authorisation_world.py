"""The people and things the authorisation table is walked with: one of every role, and
one of every kind of object a URL can name, all in or around one group."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from cryptography.fernet import Fernet
from django.core import signing
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.cases.services import note_create, notes_opt_in
from balintroom.groups import notices, services
from balintroom.groups.models import Candidate, Invitation, Meeting, Membership, PromptCard
from balintroom.groups.services import calendar_address_renew, custom_format_create
from balintroom.records import services as records
from balintroom.records.models import AttendanceRecord, Organisation
from balintroom.reflection.questionnaires import administrations_schedule
from tests.conftest import Cast, make_user
from tests.support.review import our_questionnaire, round_in_review

ROLES = ("anonymous", "outsider", "member", "presenter", "co_leader", "leader",
         "coordinator", "admin")


@dataclass
class World:
    people: dict[str, User | None]
    values: dict[str, Any]
    # A parameter whose value depends on the URL (its kind of token).
    tokens: dict[str, str]
    # Values for one URL only (a record belongs to the meeting it was confirmed at).
    only: dict[str, dict[str, Any]]


def make_world(cast: Cast, settings: Any) -> World:
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    anna, ben = cast.members[0], cast.members[1]
    cora = make_user("cora@example.org", "Cora")
    organisation = Organisation.objects.create(name="Programme")
    organisation.coordinators.add(cora)
    records.organisation_join(group=cast.group, code=organisation.join_code, by=cast.leader)
    root = make_user("root@example.org", "Root")
    root.is_staff = root.is_superuser = True
    root.save()
    invitation = Invitation.objects.create(group=cast.group, email="eva@example.org",
                                           invited_by=cast.leader)
    custom = custom_format_create(group=cast.group, name="Short round",
                                  phases=[{"name": "Round", "minutes": 30}])
    services.prompt_cards_ensure(cast.group)
    card = PromptCard.objects.filter(group=cast.group).first()
    notes_opt_in(user=anna, meeting=cast.meeting)
    note = note_create(author=anna, meeting=cast.meeting, text="a note of Anna's")
    past = Meeting.objects.create(group=cast.group, setting="online", duration_minutes=90,
                                  starts_at=timezone.now() - timedelta(days=7))
    records.attendance_confirm(meeting=past, by=cast.leader, roll_call={
        anna.pk: "present", ben.pk: "present", cast.leader.pk: "present"})
    record = AttendanceRecord.objects.get(meeting=past, user=anna)
    anna.legal_name = "Anna Weber"
    anna.save(update_fields=["legal_name"])
    (certificate,), _skipped = records.certificates_draft(
        group=cast.group, members=[anna], period_start=timezone.localdate() - timedelta(days=30),
        period_end=timezone.localdate(), scheme=None, by=cast.leader)
    certificate = records.certificate_approve(certificate=certificate, by=cast.leader)
    entry = records.logbook_entry_add(user=cast.leader, kind="led",
                                      day=timezone.localdate(), hours_text="1.5")
    candidate = Candidate.objects.create(group=cast.group, name="Frida",
                                         email="frida@example.org")
    feed = calendar_address_renew(user=anna)
    # A meeting of its own, whose case is in its Review: the room's own tables act in the
    # cast's meeting.
    reviewed = services.meeting_schedule(group=cast.group, starts_at=timezone.now(),
                                         duration_minutes=45, setting="online",
                                         format_key="classic")
    in_review = round_in_review(reviewed, leader=cast.leader, presenter=anna)
    ours = our_questionnaire()
    (open_wave, *_later) = administrations_schedule(
        group=cast.group, instrument=ours, by=cast.leader, first_day=timezone.localdate())
    from balintroom.front.views import EXPORT_SALT

    return World(
        people={"anonymous": None, "outsider": cast.outsider, "member": ben,
                "presenter": anna, "co_leader": cast.coleader, "leader": cast.leader,
                "coordinator": cora, "admin": root},
        values={
            "group_id": cast.group.pk, "meeting_id": cast.meeting.pk,
            "membership_id": Membership.objects.get(group=cast.group, user=ben).pk,
            "invitation_id": invitation.pk, "format_id": custom.pk, "card_id": card.pk,
            "note_id": note.pk, "record_id": record.pk, "certificate_id": certificate.pk,
            "entry_id": entry.pk, "organisation_id": organisation.pk,
            "candidate_id": candidate.pk, "code": certificate.code,
            "key": "de-psgv-balint", "what": "attendance",
            "number": in_review.number,
            "instrument_id": ours.pk, "administration_id": open_wave.pk,
            "pk": 0,  # a security key nobody has
        },
        only={"attendance_correct": {"meeting_id": past.pk},
              **{name: {"meeting_id": reviewed.pk}
                 for name in ("review", "review_mirror", "review_on_display")}},
        tokens={
            "invitation_accept": services.invitation_token(invitation),
            "calendar_feed": feed.token,
            "unsubscribe": notices.unsubscribe_token(anna, "reminder"),
            "personal_data_export": signing.dumps(anna.pk, salt=EXPORT_SALT),
        },
    )
