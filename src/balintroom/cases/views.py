"""The private notes of a participant, the leaders' debrief of a meeting, and a group's
retention page.

Every note is fetched with its author in the query (selectors.note_for_author), so anyone
else, leaders included, gets 404. Note text travels in POST bodies only, never in a URL,
and no page with a note may be cached.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from balintroom.accounts.http import AuthedRequest
from balintroom.groups.models import Meeting
from balintroom.groups.selectors import leading_membership_for, members_of

from . import crypto, selectors, services
from .forms import CasePolicyForm, DebriefForm, NoteForm
from .models import LeaderDebrief, PrivateNote
from .services import Flag


@dataclass(frozen=True)
class Segment:
    text: str
    flag: str | None = None


def _segments(text: str, flags: list[Flag]) -> list[Segment]:
    """The text cut into pieces, the flagged ones marked, for highlighting."""
    segments: list[Segment] = []
    position = 0
    for flag in sorted(flags, key=lambda f: (f.start, -f.end)):
        start, end = max(flag.start, position), min(flag.end, len(text))
        if start >= end:
            continue  # overlaps one already marked, or lies outside the text
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], flag.category_label))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


def _form_context(form: NoteForm, *, flags: list[Flag] | None = None,
                  check_failed: bool = False) -> dict[str, Any]:
    text = form.cleaned_data.get("text", "") if hasattr(form, "cleaned_data") else ""
    text_flags = [f for f in flags or [] if f.field == "text"]
    return {
        "form": form,
        "flags": flags or [],
        "check_failed": check_failed,
        "reviewing": bool(flags) or check_failed,
        "segments": _segments(text, text_flags) if text_flags else [],
    }


def _for_editing(form: NoteForm) -> NoteForm:
    form.fields["text"].widget.attrs["autofocus"] = True
    return form


def _notes_page(request: AuthedRequest, meeting: Meeting, *, form: NoteForm | None = None,
                **review: Any) -> HttpResponse:
    user = request.user
    opted_in = selectors.notes_opted_in(user, meeting)
    if form is None:
        rounds = selectors.presenter_round_numbers(user, meeting)
        form = NoteForm(initial={"round_number": rounds[-1] if rounds else None})
    context = {
        "meeting": meeting,
        "group": meeting.group,
        "available": crypto.is_configured(),
        "opted_in": opted_in,
        "notes": selectors.notes_of(user, meeting) if opted_in else [],
        "expires_at": selectors.notes_expire_at(meeting),
        "expired": selectors.notes_expired(meeting),
        "retention_days": selectors.retention_days_of(meeting.group),
        **_form_context(form, **review),
    }
    return render(request, "cases/notes.html", context)


@login_required
@never_cache
@require_GET
def meeting_notes(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting, _membership = selectors.notes_meeting_for(request.user, meeting_id)
    return _notes_page(request, meeting)


@login_required
@require_POST
def notes_keep(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting, _membership = selectors.notes_meeting_for(request.user, meeting_id)
    if not crypto.is_configured():
        messages.error(request, _("Private notes are not available on this server yet."))
    else:
        try:
            services.notes_opt_in(user=request.user, meeting=meeting)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("meeting_notes", meeting_id=meeting.pk)


@login_required
@never_cache
@require_GET
def notes_stop_confirm(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting, _membership = selectors.notes_meeting_for(request.user, meeting_id)
    return render(request, "cases/notes_stop_confirm.html", {
        "meeting": meeting, "group": meeting.group,
        "count": len(selectors.notes_of(request.user, meeting)),
    })


@login_required
@require_POST
def notes_stop(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting, _membership = selectors.notes_meeting_for(request.user, meeting_id)
    services.notes_opt_out(user=request.user, meeting=meeting)
    messages.success(request, _("You keep no notes for this meeting; the ones you had are "
                                "deleted."))
    return redirect("meeting_notes", meeting_id=meeting.pk)


def _checked(request: AuthedRequest, meeting: Meeting, form: NoteForm
             ) -> tuple[list[Flag] | None, bool]:
    """The flags to show before saving, and whether the check failed. ([], False): save."""
    if request.POST.get("action") == "save_anyway":
        return [], False
    data = form.cleaned_data
    try:
        # Both languages: people write notes in their own, whatever the group speaks.
        flags = services.note_identifiers_find(text=data["text"], label=data["label"],
                                               language=None, meeting=meeting)
    except services.CheckUnavailable:
        return None, True
    return flags, False


def _note_fields(form: NoteForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {"text": data["text"], "label": data["label"], "kind": data["kind"],
            "round_number": data["round_number"]}


@login_required
@never_cache
@require_POST
@sensitive_post_parameters()
@sensitive_variables()
def note_add(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting, _membership = selectors.notes_meeting_for(request.user, meeting_id)
    if not selectors.notes_opted_in(request.user, meeting):
        messages.error(request, _("Choose to keep private notes for this meeting first."))
        return redirect("meeting_notes", meeting_id=meeting.pk)
    form = NoteForm(request.POST)
    if request.POST.get("action") == "edit" or not form.is_valid():
        return _notes_page(request, meeting, form=_for_editing(form))
    flags, check_failed = _checked(request, meeting, form)
    if flags or check_failed:
        return _notes_page(request, meeting, form=form, flags=flags, check_failed=check_failed)
    try:
        note = services.note_create(author=request.user, meeting=meeting, **_note_fields(form))
    except ValidationError as error:
        form.add_error(None, error)
        return _notes_page(request, meeting, form=form)
    messages.success(request, _("Your note is saved. Only you can read it."))
    return redirect(reverse("meeting_notes", args=[meeting.pk]) + f"#note-{note.pk}")


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
@sensitive_variables()
def note_edit(request: AuthedRequest, meeting_id: int, note_id: int) -> HttpResponse:
    meeting, _membership = selectors.notes_meeting_for(request.user, meeting_id)
    note = selectors.note_for_author(request.user, meeting, note_id)
    context: dict[str, Any] = {"meeting": meeting, "group": meeting.group, "note": note}
    if request.method == "GET":
        form = NoteForm(initial={"text": note.text, "label": note.label, "kind": note.kind,
                                 "round_number": note.round_number})
        return render(request, "cases/note_edit.html", {**context, **_form_context(form)})
    form = NoteForm(request.POST)
    if request.POST.get("action") == "edit" or not form.is_valid():
        return render(request, "cases/note_edit.html",
                      {**context, **_form_context(_for_editing(form))})
    flags, check_failed = _checked(request, meeting, form)
    if flags or check_failed:
        return render(request, "cases/note_edit.html", {
            **context, **_form_context(form, flags=flags, check_failed=check_failed)
        })
    try:
        services.note_update(note=note, **_note_fields(form))
    except ValidationError as error:
        form.add_error(None, error)
        return render(request, "cases/note_edit.html", {**context, **_form_context(form)})
    messages.success(request, _("Your note is saved. Only you can read it."))
    return redirect(reverse("meeting_notes", args=[meeting.pk]) + f"#note-{note.pk}")


@login_required
@never_cache
@require_GET
def note_delete_confirm(request: AuthedRequest, meeting_id: int, note_id: int) -> HttpResponse:
    meeting, _membership = selectors.notes_meeting_for(request.user, meeting_id)
    note = selectors.note_for_author(request.user, meeting, note_id)
    return render(request, "cases/note_delete_confirm.html",
                  {"meeting": meeting, "group": meeting.group, "note": note})


@login_required
@require_POST
def note_delete(request: AuthedRequest, meeting_id: int, note_id: int) -> HttpResponse:
    meeting, _membership = selectors.notes_meeting_for(request.user, meeting_id)
    note: PrivateNote = selectors.note_for_author(request.user, meeting, note_id)
    services.note_delete(note=note)
    messages.success(request, _("The note is deleted."))
    return redirect("meeting_notes", meeting_id=meeting.pk)


@login_required
@never_cache
@require_GET
def my_notes(request: AuthedRequest) -> HttpResponse:
    return render(request, "cases/my_notes.html", {
        "meetings": selectors.meetings_with_notes(request.user),
    })


@login_required
@never_cache
@require_GET
def notes_export(request: AuthedRequest) -> HttpResponse:
    fmt = "json" if request.GET.get("format") == "json" else "txt"
    export = services.notes_export(user=request.user, fmt=fmt)
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def group_privacy(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = leading_membership_for(request.user, group_id).group
    days = selectors.retention_days_of(group)
    form = CasePolicyForm(request.POST or None, initial={"retention_days": days})
    if request.method == "POST" and form.is_valid():
        try:
            services.case_policy_update(group=group,
                                        retention_days=form.cleaned_data["retention_days"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved. Private notes of this group's meetings are "
                                        "deleted %(days)s days after each meeting.")
                             % {"days": form.cleaned_data["retention_days"]})
            return redirect("group_privacy", group_id=group.pk)
    return render(request, "cases/group_privacy.html", {"group": group, "form": form,
                                                         "retention_days": days})


# The leaders' debrief. Every view fetches the meeting through
# selectors.debrief_meeting_for, so that members and outsiders get 404.


def _stamp(debrief: LeaderDebrief | None) -> str:
    """What the form remembers of the debrief it started from (see services.debrief_save)."""
    return debrief.updated_at.isoformat() if debrief is not None else ""


def _debrief_page(request: AuthedRequest, meeting: Meeting, *,
                  form: DebriefForm | None = None, conflict: bool = False,
                  flags: list[Flag] | None = None, check_failed: bool = False
                  ) -> HttpResponse:
    available = crypto.is_configured()
    # Without a key the text cannot be read, so it is not loaded.
    debrief = selectors.debrief_of(meeting) if available else None
    if form is None:
        form = DebriefForm(initial={"text": debrief.text if debrief else "",
                                    "seen": _stamp(debrief)})
    text = form.cleaned_data.get("text", "") if hasattr(form, "cleaned_data") else ""
    text_flags = [f for f in flags or [] if f.field == "text"]
    context = {
        "meeting": meeting,
        "group": meeting.group,
        "available": available,
        "debrief": debrief,
        "conflict": conflict,
        "leader_names": ", ".join(m.user.name for m in members_of(meeting.group) if m.leads),
        "retention_days": selectors.retention_days_of(meeting.group),
        "form": form,
        "flags": flags or [],
        "check_failed": check_failed,
        "reviewing": bool(flags) or check_failed,
        "segments": _segments(text, text_flags) if text_flags else [],
    }
    return render(request, "cases/debrief.html", context)


def _debrief_for_editing(form: DebriefForm) -> DebriefForm:
    form.fields["text"].widget.attrs["autofocus"] = True
    return form


def _debrief_checked(request: AuthedRequest, meeting: Meeting, form: DebriefForm
                     ) -> tuple[list[Flag] | None, bool]:
    """The flags to show before saving, and whether the check failed. ([], False): save."""
    if request.POST.get("action") == "save_anyway":
        return [], False
    try:
        # Both languages, as for notes: leaders write in their own, whatever the group speaks.
        flags = services.note_identifiers_find(text=form.cleaned_data["text"], language=None,
                                               meeting=meeting)
    except services.CheckUnavailable:
        return None, True
    return flags, False


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
@sensitive_variables()
def meeting_debrief(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.debrief_meeting_for(request.user, meeting_id)
    if request.method == "GET":
        return _debrief_page(request, meeting)
    if not crypto.is_configured():
        messages.error(request, _("The debrief is not available on this server yet."))
        return redirect("meeting_debrief", meeting_id=meeting.pk)
    form = DebriefForm(request.POST)
    if request.POST.get("action") == "edit" or not form.is_valid():
        return _debrief_page(request, meeting, form=_debrief_for_editing(form))
    flags, check_failed = _debrief_checked(request, meeting, form)
    if flags or check_failed:
        return _debrief_page(request, meeting, form=form, flags=flags,
                             check_failed=check_failed)
    try:
        services.debrief_save(user=request.user, meeting=meeting,
                              text=form.cleaned_data["text"], seen=form.cleaned_data["seen"])
    except services.DebriefConflict as conflict:
        # Her text stays in the box, now based on the version saved meanwhile, which the
        # page shows above it: saving again replaces that one, knowingly.
        again = DebriefForm(initial={"text": form.cleaned_data["text"],
                                     "seen": _stamp(conflict.current)})
        return _debrief_page(request, meeting, form=_debrief_for_editing(again), conflict=True)
    except ValidationError as error:
        form.add_error(None, error)
        return _debrief_page(request, meeting, form=form)
    messages.success(request, _("The debrief is saved. Only the leaders of this group can "
                                "read it."))
    return redirect("meeting_debrief", meeting_id=meeting.pk)


@login_required
@never_cache
@require_GET
def debrief_delete_confirm(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.debrief_meeting_for(request.user, meeting_id)
    if not selectors.has_debrief(meeting):
        return redirect("meeting_debrief", meeting_id=meeting.pk)
    return render(request, "cases/debrief_delete_confirm.html",
                  {"meeting": meeting, "group": meeting.group})


@login_required
@require_POST
def debrief_delete(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.debrief_meeting_for(request.user, meeting_id)
    if services.debrief_delete(user=request.user, meeting=meeting):
        messages.success(request, _("The debrief is deleted."))
    return redirect("meeting_debrief", meeting_id=meeting.pk)


@login_required
@never_cache
@require_GET
def my_debriefs(request: AuthedRequest) -> HttpResponse:
    return render(request, "cases/my_debriefs.html", {
        "debriefs": selectors.debriefs_for_leader(request.user),
        "without": selectors.meetings_without_debrief(request.user),
    })
