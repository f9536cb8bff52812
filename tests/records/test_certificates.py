"""Certificates: drafted from the confirmed records, released only by a leader, read back
with a real PDF text extractor, their QR codes decoded back to the verification address,
and a public page that confirms them and tells nothing more."""

import io
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import zxingcpp
from django.core import mail as django_mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from balintroom.groups.models import Notice
from balintroom.groups.notices import notices_send
from balintroom.records import services
from balintroom.records.models import Certificate, Organisation, OrganisationGroup
from balintroom.records.schemes import shipped
from tests.conftest import Cast, make_user
from tests.groups.helpers import text

from .conftest import client_for, past_meeting, step_out, visit


@pytest.fixture
def record(cast: Cast) -> Cast:
    """Three confirmed meetings: in person (90), online (90; Anna steps out 10 minutes),
    online (60). Anna and the leaders come to all; Ben only to the first."""
    anna, ben = cast.members[:2]
    cast.members[3].display_name = "David Łukasiewicz"
    cast.members[3].save()
    for person, full in ((anna, "Dr. med. Anna Weber"), (ben, "Ben Okafor"),
                         (cast.members[3], "David Łukasiewicz")):
        person.legal_name = full
        person.save(update_fields=["legal_name"])
    first = past_meeting(cast.group, days_ago=60, setting="in_person")
    second = past_meeting(cast.group, days_ago=30)
    third = past_meeting(cast.group, days_ago=2, minutes=60)
    services.attendance_confirm(meeting=first, by=cast.leader, roll_call={
        **{p.pk: "present" for p in (cast.leader, cast.coleader, anna, ben, cast.members[3])},
        cast.members[2].pk: "absent"})
    for meeting in (second, third):
        for person in (cast.leader, cast.coleader, anna):
            visit(meeting, person)
    step_out(second, anna, start=30, end=40)
    for meeting in (second, third):
        services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={})
    services.group_scheme_add(group=cast.group, key="de-psgv-balint")
    return cast


def drafts(cast: Cast, *people: object) -> list[Certificate]:
    today = timezone.localdate()
    made, skipped = services.certificates_draft(
        group=cast.group, members=list(people), period_start=today - timedelta(days=90),
        period_end=today, scheme=shipped()["de-psgv-balint"], by=cast.leader)
    assert not skipped, skipped
    return made


def released(cast: Cast, person: object) -> Certificate:
    certificate = drafts(cast, person)[0]
    return services.certificate_approve(certificate=certificate, by=cast.coleader)


def pdf_of(client: object, certificate: Certificate) -> PdfReader:
    response = client.get(reverse("certificate_download", args=[certificate.pk]))  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def test_a_draft_states_the_confirmed_hours_apart(record: Cast) -> None:
    certificate = drafts(record, record.member)[0]
    content = certificate.content
    assert content["member"] == "Dr. med. Anna Weber" and content["group"] == "Tuesday GPs"
    assert content["sessions"] == 3
    assert (content["minutes_in_person"], content["minutes_online"]) == (90, 140)
    assert (content["units_in_person"], content["units_online"]) == ("2.00", "3.11")
    assert content["units"] == "5.11" and content["double_hours"] == "2.55"
    assert content["leaders"] == [{"name": "Lena", "role": "leader", "qualification": ""},
                                  {"name": "Carl", "role": "co_leader", "qualification": ""}]
    assert [(s["minutes"], s["setting"]) for s in content["session_list"]] == [
        (90, "in_person"), (80, "online"), (60, "online")]
    assert content["scheme"]["key"] == "de-psgv-balint"
    assert certificate.status == "draft"


def test_a_correction_after_the_draft_does_not_change_it(record: Cast) -> None:
    certificate = drafts(record, record.member)[0]
    anna_record = record.member.attendance_records.order_by("meeting__starts_at").first()
    services.attendance_correct(record=anna_record, by=record.leader, status="absent",
                                minutes=0, setting="in_person", reason="Wrong person ticked")
    certificate.refresh_from_db()
    assert certificate.content["sessions"] == 3
    assert drafts(record, record.member)[0].content["sessions"] == 2


def test_it_skips_who_attended_nothing_and_asks_who_has_no_full_name(record: Cast) -> None:
    ben = record.members[1]
    ben.legal_name = ""
    ben.save()
    Notice.objects.all().delete()  # the attendance notices of the fixture
    today = timezone.localdate()

    def draft() -> tuple[list[Certificate], list[str]]:
        return services.certificates_draft(
            group=record.group, members=[record.members[2], ben],
            period_start=today - timedelta(days=90), period_end=today, scheme=None,
            by=record.leader)

    made, skipped = draft()
    assert made == []
    assert "Clara attended no confirmed meeting" in skipped[0]
    assert "Ben has not yet given a full name" in skipped[1]
    draft()  # asked once a day, however often the leader tries
    assert Notice.objects.filter(kind="full_name", user=ben).count() == 1
    assert notices_send().sent == 1
    (mail,) = django_mail.outbox
    assert "full name" in mail.subject and "/accounts/profile/" in mail.body
    # Her certificates page asks too, until she has given it.
    page = text(client_for(ben).get(reverse("my_certificates")))
    assert "Give your full name once" in page
    ben.legal_name = "Benjamin Okafor"
    ben.save()
    assert "Give your full name once" not in text(client_for(ben).get(reverse("my_certificates")))
    (certificate,), skipped = draft()
    assert certificate.content["member"] == "Benjamin Okafor"


def test_the_pdf_reads_back_and_its_qr_code_opens_the_verification_page(record: Cast) -> None:
    certificate = released(record, record.member)
    reader = pdf_of(client_for(record.member), certificate)
    words = " ".join(reader.pages[0].extract_text().split())
    for expected in ("Certificate of attendance", "Dr. med. Anna Weber", "Tuesday GPs",
                     "led by Lena (leader) Carl (co-leader)", "Sessions attended: 3",
                     "In person", "Online", "2.00", "3.11", "5.11",
                     "Psychosomatische Grundversorgung", certificate.code):
        assert expected in words, expected
    url = services.verify_url(certificate.code)
    assert url in words.replace(" ", "") or url in words
    images = list(reader.pages[0].images)
    assert len(images) == 1
    decoded = [found.text for found in zxingcpp.read_barcodes(images[0].image)]
    assert decoded == [url]
    assert url.endswith(f"/verify/{certificate.code}/")


def test_names_in_any_european_script_print_as_written(record: Cast) -> None:
    certificate = released(record, record.members[3])
    reader = pdf_of(client_for(record.leader), certificate)
    assert "David Łukasiewicz" in reader.pages[0].extract_text()


def test_the_leaders_approve_through_the_pages(record: Cast) -> None:
    client = client_for(record.leader)
    today = timezone.localdate()
    response = client.post(reverse("certificates_create", args=[record.group.pk]), {
        "members": [str(record.member.pk), str(record.members[2].pk)],
        "period_start": (today - timedelta(days=90)).isoformat(),
        "period_end": today.isoformat(), "scheme": "de-psgv-balint"})
    assert response.status_code == 302
    certificate = Certificate.objects.get()
    html = text(client.get(reverse("group_certificates", args=[record.group.pk]),
                           follow=True))
    assert "Clara attended no confirmed meeting" in html and "Waiting for approval" in html
    # Not released yet: the member cannot have it, the code verifies nothing.
    assert client_for(record.member).get(
        reverse("certificate_download", args=[certificate.pk])).status_code == 404
    assert client_for(None).get(
        reverse("certificate_verify", args=[certificate.code])).status_code == 404
    client.post(reverse("certificates_approve_all", args=[record.group.pk]),
                {"certificate": [str(certificate.pk)]})
    certificate.refresh_from_db()
    assert certificate.status == "approved" and certificate.approved_by == record.leader
    assert "Download (PDF)" in text(client_for(record.member).get(reverse("my_certificates")))


def test_a_bad_period_is_refused_with_a_message(record: Cast) -> None:
    response = client_for(record.leader).post(
        reverse("certificates_create", args=[record.group.pk]),
        {"members": [str(record.member.pk)], "period_start": "2026-06-01",
         "period_end": "2026-01-01"})
    assert response.status_code == 200
    assert "The period ends before it begins" in text(response)
    assert not Certificate.objects.exists()


def test_the_public_page_confirms_the_content_and_nothing_more(record: Cast) -> None:
    record.group.description = "We meet in the back room of the surgery."
    record.group.save()
    certificate = released(record, record.member)
    response = client_for(None).get(reverse("certificate_verify", args=[certificate.code]))
    assert response.status_code == 200
    html = text(response)
    assert "This certificate is authentic" in html
    for shown in ("Anna", "Tuesday GPs", "Lena", "Carl", "2.00", "3.11", "5.11"):
        assert shown in html
    for hidden in ("anna@example.org", "lena@example.org", "Ben", "Clara", "David",
                   "back room", "Lindauer", "stepped out"):
        assert hidden not in html, hidden
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_public_page_refuses_forged_and_draft_codes(record: Cast) -> None:
    certificate = released(record, record.member)
    draft = drafts(record, record.members[1])[0]
    client = client_for(None)
    forged = certificate.code[:-1] + ("A" if certificate.code[-1] != "A" else "B")
    for code in (forged, draft.code, "x" * 200, "../../admin"):
        response = client.get(f"/verify/{code}/")
        assert response.status_code == 404
        html = text(response)
        assert "No certificate has this code" in html or "/" in code
        assert "Anna" not in html and "Tuesday GPs" not in html and "Ben" not in html


def test_a_revoked_certificate_says_so(record: Cast) -> None:
    certificate = released(record, record.member)
    client = client_for(record.leader)
    response = client.post(reverse("certificate_revoke", args=[certificate.pk]), {"reason": ""})
    assert response.status_code == 200 and "This field is required" in text(response)
    client.post(reverse("certificate_revoke", args=[certificate.pk]),
                {"reason": "Issued for the wrong period"})
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    html = text(client_for(None).get(reverse("certificate_verify", args=[certificate.code])))
    assert "was revoked on" in html and "no longer valid" in html
    assert "This certificate is authentic" not in html
    assert "wrong period" not in html  # the reason stays with the leaders
    assert client_for(record.member).get(
        reverse("certificate_download", args=[certificate.pk])).status_code == 404
    with pytest.raises(ValidationError):
        services.certificate_discard(certificate=certificate)
    # Issued and revoked are in the audit log, without the reason.
    from balintroom.accounts.models import AuditEvent
    events = AuditEvent.objects.filter(kind__startswith="certificate").order_by("pk")
    assert [(e.kind, e.user_id, e.actor_id) for e in events] == [
        ("certificate_issued", record.member.pk, record.coleader.pk),
        ("certificate_revoked", record.member.pk, record.leader.pk)]
    assert all("wrong period" not in str(e.__dict__) for e in events)


def test_codes_are_random_and_unguessable(record: Cast) -> None:
    made = drafts(record, record.member, record.members[1], record.members[3])
    codes = {c.code for c in made}
    assert len(codes) == 3
    assert all(len(code) >= 22 for code in codes)


def test_only_its_member_leaders_and_coordinators_read_a_certificate(record: Cast) -> None:
    certificate = released(record, record.member)
    draft = drafts(record, record.members[1])[0]
    coordinator = make_user("cora@example.org", "Cora")
    other_coordinator = make_user("otto@example.org", "Otto")
    organisation = Organisation.objects.create(name="Programme")
    organisation.coordinators.add(coordinator)
    OrganisationGroup.objects.create(organisation=organisation, group=record.group)
    Organisation.objects.create(name="Elsewhere").coordinators.add(other_coordinator)
    download = reverse("certificate_download", args=[certificate.pk])
    for user in (record.member, record.leader, record.coleader, coordinator):
        assert client_for(user).get(download).status_code == 200, user
    for user in (record.members[1], record.outsider, other_coordinator):
        assert client_for(user).get(download).status_code == 404, user
    leader_only = [reverse("certificate_preview", args=[draft.pk])]
    posts = [reverse("certificate_approve", args=[draft.pk]),
             reverse("certificate_discard", args=[draft.pk]),
             reverse("certificate_revoke", args=[certificate.pk])]
    for user in (record.member, record.members[1], record.outsider, coordinator):
        client = client_for(user)
        for url in leader_only:
            assert client.get(url).status_code == 404, (user, url)
        for url in posts:
            assert client.post(url, {"reason": "x"}).status_code == 404, (user, url)
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert client_for(record.outsider).post(
        reverse("certificates_approve_all", args=[record.group.pk]),
        {"certificate": [str(draft.pk)]}).status_code == 404


def test_a_german_leader_finds_the_period_filled_in(record: Cast) -> None:
    """A date picker takes only ISO dates: in German the period once came empty, and the
    drafts were refused for want of the dates she had been shown nothing of."""
    record.leader.language = "de"
    record.leader.save(update_fields=["language"])
    page = text(client_for(record.leader).get(
        reverse("group_certificates", args=[record.group.pk])))
    # the first meeting's day where the leader lives (late in a UTC evening, Berlin is
    # already on the next day)
    first_meeting = record.group.meetings.order_by("starts_at").first()
    assert first_meeting is not None
    first = timezone.localtime(first_meeting.starts_at,
                               ZoneInfo(record.leader.timezone)).date()
    assert f'value="{first.isoformat()}"' in page
