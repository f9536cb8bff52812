"""The member's credit record, on a page and as a PDF. Both show the signed-in person's own
record only: they take no id, so there is nobody else's to guess."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from balintroom.accounts.http import AuthedRequest

from . import credit_pdf, credits


@login_required
@never_cache
@require_GET
def credit_record(request: AuthedRequest) -> HttpResponse:
    record = credits.credit_record(request.user, timezone.get_current_timezone())
    return render(request, "records/credit_record.html", {"record": record})


@login_required
@require_GET
def credit_record_pdf(request: AuthedRequest) -> HttpResponse:
    user = request.user
    record = credits.credit_record(user, timezone.get_current_timezone())
    content = credit_pdf.credit_record_pdf(record, name=user.certificate_name,
                                           profession=user.profession_shown)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="credit-record-{timezone.localdate():%Y-%m-%d}.pdf"')
    response["Cache-Control"] = "no-store"
    return response
