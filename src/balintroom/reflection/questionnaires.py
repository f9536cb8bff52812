"""Writes of the questionnaires: an instrument loaded, its waves scheduled for a group, a
member's answers (her copy, and a copy without her name for the aggregates), and her
consent to research use. Reads of the aggregates are in aggregates.py."""

import json
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from balintroom.accounts.models import User
from balintroom.groups.models import BalintGroup, Membership

from .instruments import (
    Definition,
    InstrumentInvalid,
    answers_check,
    definition_json,
    definition_parse,
)
from .models import (
    Administration,
    Instrument,
    ResearchConsent,
    Response,
    ResponseRecord,
    Wave,
)
from .selectors import wave_open

# When each wave opens, counted from the first day the leader gives; each stays open for
# ANSWERING_DAYS.
WAVE_DAYS = {Wave.START: 0, Wave.SIX_MONTHS: 182, Wave.TWELVE_MONTHS: 365}
ANSWERING_DAYS = 28


class QuestionnaireError(Exception):
    """Something that cannot be done, with a sentence for the person."""


def definition_of(instrument: Instrument) -> Definition:
    """The instrument's definition; ours in the reader's language (shipped.py)."""
    definition = definition_parse(instrument.definition)
    if not instrument.shipped:
        return definition
    return replace(
        definition, name=_(definition.name), source=_(definition.source),
        low_label=_(definition.low_label), high_label=_(definition.high_label),
        items=tuple(replace(item, text=_(item.text)) for item in definition.items),
        scales=tuple(replace(scale, name=_(scale.name)) for scale in definition.scales))


def instrument_load(*, data: Any, permission: str, by: User) -> Instrument:
    """An administrator's questionnaire, checked (InstrumentInvalid says what to fix)."""
    definition = definition_parse(data)
    if not permission.strip():
        raise InstrumentInvalid(_("Say by what permission you use these items."))
    return Instrument.objects.create(name=definition.name,
                                     definition=definition_json(definition),
                                     permission=permission.strip(), created_by=by)


def instrument_withdraw(*, instrument: Instrument) -> None:
    """No longer offered to groups; waves already scheduled go on."""
    if instrument.withdrawn_at is None:
        instrument.withdrawn_at = timezone.now()
        instrument.save(update_fields=["withdrawn_at"])


def administrations_schedule(*, group: BalintGroup, instrument: Instrument, first_day: date,
                             by: User) -> list[Administration]:
    """The three waves (start, 6 and 12 months) of a questionnaire for a group."""
    if instrument.withdrawn_at is not None:
        raise QuestionnaireError(_("This questionnaire is no longer offered."))
    try:
        with transaction.atomic():
            return [Administration.objects.create(
                group=group, instrument=instrument, wave=wave,
                opens_on=first_day + timedelta(days=days),
                closes_on=first_day + timedelta(days=days + ANSWERING_DAYS), created_by=by)
                for wave, days in WAVE_DAYS.items()]
    except IntegrityError:
        raise QuestionnaireError(_("This questionnaire is already scheduled for the "
                                   "group.")) from None


def pseudonym(user_id: int) -> str:
    """Her research pseudonym: the same in every wave, and nothing that leads back to her
    without the installation's secret key."""
    return salted_hmac("balintroom.research.person", str(user_id)).hexdigest()[:32]


def response_submit(*, administration: Administration, membership: Membership,
                    answers: dict[str, int], research: bool,
                    today: date | None = None) -> Response:
    """Her answers, given with her consent; `research`: she also agrees to research use
    (without her name) of her answers in this group."""
    today = today or timezone.localdate()
    if not wave_open(administration, today):
        raise QuestionnaireError(_("This questionnaire is not open now."))
    if membership.group_id != administration.group_id or membership.leads:
        raise QuestionnaireError(_("This questionnaire is for the group's members."))
    try:
        checked = answers_check(definition_of(administration.instrument), answers)
    except InstrumentInvalid as error:
        raise QuestionnaireError(str(error)) from None
    if not checked:
        raise QuestionnaireError(_("Answer at least one question."))
    user = membership.user
    with transaction.atomic():
        try:
            with transaction.atomic():
                response = Response.objects.create(administration=administration, user=user,
                                                   answers=json.dumps(checked))
        except IntegrityError:
            raise QuestionnaireError(_("You have already answered this questionnaire.")) \
                from None
        if research:
            research_consent_set(membership=membership, given=True)
        consented = ResearchConsent.objects.filter(
            user=user, group_id=administration.group_id).exists()
        ResponseRecord.objects.create(administration=administration, answers=checked,
                                      pseudonym=pseudonym(user.pk) if consented else "")
    return response


def research_consent_set(*, membership: Membership, given: bool) -> None:
    """Given: her later answers in the group may go into its research export. Taken
    back: none of her questionnaire answers there does any more (review answers already
    given cannot be found again: they were never linked to her)."""
    if given:
        ResearchConsent.objects.get_or_create(user=membership.user,
                                              group_id=membership.group_id)
    else:
        _research_withdraw(membership.user, group_id=membership.group_id)


def research_forget(*, user: User) -> None:
    """Her account goes: none of her answers stays in any research export, in any group
    (the sums stay: they never held her name)."""
    _research_withdraw(user, group_id=None)


def _research_withdraw(user: User, *, group_id: int | None) -> None:
    """Her consent gone, in one group or in all, and her pseudonym with it."""
    consents = ResearchConsent.objects.filter(user=user)
    records = ResponseRecord.objects.filter(pseudonym=pseudonym(user.pk))
    if group_id is not None:
        consents = consents.filter(group_id=group_id)
        records = records.filter(administration__group_id=group_id)
    with transaction.atomic():
        consents.delete()
        records.update(pseudonym="")
