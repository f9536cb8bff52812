"""Questionnaires: an administrator loads them, a group's leaders schedule their waves, a
member answers with her consent and sees her own scores, leaders and the programme's
coordinators see sums over at least six, and the programme exports them for research."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from balintroom.accounts.http import AuthedRequest
from balintroom.groups.selectors import groups_for_user, leading_membership_for, membership_for
from balintroom.records.selectors import groups_of_organisation, organisation_for_coordinator

from .aggregates import RESPONDENTS_MIN, administration_figures, own_scores, programme_figures
from .forms import InstrumentForm, ScheduleForm, questionnaire_form
from .instruments import InstrumentInvalid
from .questionnaires import (
    QuestionnaireError,
    administrations_schedule,
    definition_of,
    instrument_load,
    instrument_withdraw,
    research_consent_set,
    response_submit,
)
from .research import research_export, research_zip
from .selectors import (
    administration_for_member,
    administrations_of,
    instrument_for_administrator,
    instruments_for_administrator,
    instruments_offered,
    member_group_ids,
    questionnaires_of_member,
    research_consents_of,
    responses_of,
    wave_open,
)


@login_required
@require_http_methods(["GET", "POST"])
def instruments(request: AuthedRequest) -> HttpResponse:
    listed = [(i, definition_of(i)) for i in instruments_for_administrator(request.user)]
    posted = request.method == "POST"
    form = InstrumentForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        try:
            instrument = instrument_load(data=form.cleaned_data["definition"],
                                         permission=form.cleaned_data["permission"],
                                         by=request.user)
        except InstrumentInvalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("“%(name)s” is loaded. Leaders can now schedule it "
                                        "for their groups.") % {"name": instrument.name})
            return redirect("instruments")
    return render(request, "reflection/instruments.html", {"form": form, "listed": listed},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def instrument_withdraw_view(request: AuthedRequest, instrument_id: int) -> HttpResponse:
    instrument_withdraw(instrument=instrument_for_administrator(request.user, instrument_id))
    messages.success(request, _("It is no longer offered to groups."))
    return redirect("instruments")


@login_required
@require_http_methods(["GET", "POST"])
def group_questionnaires(request: AuthedRequest, group_id: int) -> HttpResponse:
    membership = leading_membership_for(request.user, group_id)
    group = membership.group
    form = ScheduleForm(request.POST if request.method == "POST" else None,
                        instruments=instruments_offered(), initial={
        "first_day": max(group.starts_on or timezone.localdate(), timezone.localdate())})
    if request.method == "POST" and form.is_valid():
        try:
            administrations_schedule(group=group, instrument=form.cleaned_data["instrument"],
                                     first_day=form.cleaned_data["first_day"],
                                     by=request.user)
        except QuestionnaireError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Scheduled. Members are asked on their start page "
                                        "while a wave is open."))
            return redirect("group_questionnaires", group_id=group.pk)
    waves = [(a, administration_figures(a)) for a in administrations_of([group.pk])]
    return render(request, "reflection/group_questionnaires.html", {
        "group": group, "membership": membership, "form": form, "waves": waves,
        "respondents_min": RESPONDENTS_MIN, "today": timezone.localdate(),
    }, status=400 if form.errors else 200)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def questionnaire_answer(request: AuthedRequest, administration_id: int) -> HttpResponse:
    administration, membership = administration_for_member(request.user, administration_id)
    definition = definition_of(administration.instrument)
    response = responses_of(request.user).get(administration.pk)
    today = timezone.localdate()
    is_open = wave_open(administration, today)
    form = None
    if response is None and is_open:
        form = questionnaire_form(definition,
                                  request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                response_submit(administration=administration, membership=membership,
                                answers=form.answers(),
                                research=form.cleaned_data["research"])
            except QuestionnaireError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Thank you. Your answers are kept; only you see "
                                            "them with your name."))
                return redirect("questionnaire_answer", administration_id=administration.pk)
    elif request.method == "POST":
        return render(request, "reflection/questionnaire.html", {
            "administration": administration, "definition": definition, "is_open": is_open,
            "error": _("You have already answered this questionnaire.") if response
            else _("This questionnaire is not open now.")}, status=400)
    scored = own_scores(response) if response is not None else {}
    return render(request, "reflection/questionnaire.html", {
        "administration": administration, "definition": definition, "form": form,
        "is_open": is_open, "response": response,
        "scores": [(scale, scored.get(scale.key)) for scale in definition.scales],
        "answers": json.loads(response.answers) if response is not None else {},
    }, status=400 if form is not None and form.errors else 200)


@login_required
@require_GET
def my_questionnaires(request: AuthedRequest) -> HttpResponse:
    lines = []
    for administration, response in questionnaires_of_member(request.user,
                                                              timezone.localdate()):
        definition = definition_of(administration.instrument)
        scored = own_scores(response) if response is not None else {}
        lines.append((administration, definition, response,
                      [(scale, scored.get(scale.key)) for scale in definition.scales]))
    consents = research_consents_of(request.user)
    groups = [g for g in groups_for_user(request.user)
              if g.pk in member_group_ids(request.user)]
    return render(request, "reflection/my_questionnaires.html", {
        "lines": lines, "groups": [(g, g.pk in consents) for g in groups]})


@login_required
@require_POST
def research_consent(request: AuthedRequest, group_id: int) -> HttpResponse:
    membership = membership_for(request.user, group_id)
    given = request.POST.get("given") == "yes"
    research_consent_set(membership=membership, given=given)
    messages.success(request, _("Your answers in this group may go into research, without "
                                "your name.") if given else
                     _("Your answers in this group no longer go into research."))
    return redirect("my_questionnaires")


@login_required
@require_GET
def organisation_questionnaires(request: AuthedRequest, organisation_id: int) -> HttpResponse:
    organisation = organisation_for_coordinator(request.user, organisation_id)
    groups = list(groups_of_organisation(organisation))
    per_group = [(group, [(a, administration_figures(a)) for a in administrations_of([group.pk])])
                 for group in groups]
    return render(request, "reflection/organisation_questionnaires.html", {
        "organisation": organisation, "programme": programme_figures(groups),
        "per_group": per_group, "respondents_min": RESPONDENTS_MIN,
    })


@login_required
@never_cache
@require_GET
def organisation_research_export(request: AuthedRequest, organisation_id: int) -> HttpResponse:
    organisation = organisation_for_coordinator(request.user, organisation_id)
    export = research_export(organisation, list(groups_of_organisation(organisation)))
    response = HttpResponse(research_zip(export), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="research-export.zip"'
    return response
