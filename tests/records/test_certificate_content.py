"""What a chamber or a training programme checks on a certificate: her full name and EFN,
the issuer, the leaders' qualifications, each session, the event numbers and points, who
approved it with her signature; one page when it fits; in her language. Read back from
the PDF with pypdf, every barcode and QR code in it decoded."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
import zxingcpp
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from PIL import Image
from pypdf import PdfReader

from balintroom.records import services
from balintroom.records.models import Certificate, CertificateIssuer, Signer, StoredImage
from tests.conftest import Cast
from tests.groups.helpers import text

from .conftest import client_for, past_meeting

EFN = "802760901234566"
VNR = "2760909001234560017"


def png(size: tuple[int, int] = (300, 100), color: str = "navy", **save: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=save.pop("format", "PNG"), **save)
    return buffer.getvalue()


def confirmed(cast: Cast, count: int, *, vnr: str = "", points: str = "") -> None:
    """`count` weekly meetings of 90 minutes, the last a week ago, each confirmed with the
    cast's leaders and Anna present."""
    anna = cast.members[0]
    for week in range(count, 0, -1):
        meeting = past_meeting(cast.group, days_ago=7 * week,
                               setting="in_person" if week % 2 else "online")
        if vnr:
            meeting.vnr, meeting.cme_points = vnr, Decimal(points)
            meeting.save()
        services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={
            p.pk: "present" for p in (cast.leader, cast.coleader, anna)})


def drafted(cast: Cast) -> Certificate:
    today = timezone.localdate()
    made, skipped = services.certificates_draft(
        group=cast.group, members=[cast.members[0]], period_start=today - timedelta(days=400),
        period_end=today, scheme=None, by=cast.leader)
    assert not skipped, skipped
    return made[0]


def decoded(reader: PdfReader) -> list[str]:
    found = []
    for page in reader.pages:
        for image in page.images:
            found += [result.text for result in zxingcpp.read_barcodes(image.image)]
    return found


@pytest.fixture
def german(cast: Cast) -> Cast:
    anna = cast.members[0]
    anna.legal_name, anna.profession, anna.efn = ("Dr. med. Anna Weber",
                                                  "Fachärztin für Allgemeinmedizin", EFN)
    anna.language = "de"
    anna.save()
    cast.leader.legal_name = "Dr. med. Lena Hoffmann"
    cast.leader.save()
    services.certificate_issuer_save(group=cast.group, name="Balint-Institut Süd e. V.",
                                     address="Lindenstraße 4\n80331 München",
                                     logo_png=png((400, 160), "teal"))
    services.signer_save(user=cast.leader, qualification="Balint-Gruppenleiterin (DBG)",
                         signature_png=png((500, 150), "white"))
    services.signer_save(user=cast.coleader, qualification="Balint-Gruppenleiter (DBG)",
                         signature_png=None)
    return cast


def test_a_german_certificate_holds_what_the_chamber_checks(german: Cast) -> None:
    confirmed(german, 3, vnr=VNR, points="3")
    certificate = services.certificate_approve(certificate=drafted(german), by=german.leader)
    response = client_for(german.members[0]).get(
        reverse("certificate_download", args=[certificate.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    words = " ".join(reader.pages[0].extract_text().split())
    for expected in ("Teilnahmebescheinigung", "Balint-Institut Süd e. V.", "80331 München",
                     "Dr. med. Anna Weber", "Fachärztin für Allgemeinmedizin", f"EFN {EFN}",
                     "Dr. med. Lena Hoffmann (Leitung), Balint-Gruppenleiterin (DBG)",
                     "Carl (Co-Leitung), Balint-Gruppenleiter (DBG)",
                     "CME-Punkte insgesamt: 9", VNR, "Besuchte Sitzungen: 3",
                     "Dr. med. Lena Hoffmann", certificate.code):
        assert expected in words, expected
    # Every session by its date as German writes it, with its event number and points.
    assert len(certificate.content["session_list"]) == 3
    for line in certificate.content["session_list"]:
        with translation.override("de"):
            day = date_format(date.fromisoformat(line["date"]), "SHORT_DATE_FORMAT")
        assert f"{day} 90 2,00" in words, day
        assert line["vnr"] == VNR and line["points"] == "3.0"
    # The QR code opens the verification page; the Code 39 is her EFN, as the chambers'
    # scanners read it. The logo and the signature are there too (and decode to nothing).
    assert sorted(decoded(reader)) == sorted([EFN, services.verify_url(certificate.code)])
    assert len(list(reader.pages[0].images)) == 4


def test_sessions_that_do_not_fit_go_on_a_second_page(german: Cast) -> None:
    confirmed(german, 30)
    certificate = services.certificate_approve(certificate=drafted(german), by=german.leader)
    reader = PdfReader(io.BytesIO(client_for(german.leader).get(
        reverse("certificate_download", args=[certificate.pk])).content))
    assert len(reader.pages) == 2
    first, second = (" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Besuchte Sitzungen: 30" in first and certificate.code in first
    assert "Sitzungen von Dr. med. Anna Weber" in second
    assert second.count("90") >= 30


def test_an_english_member_gets_it_in_english(german: Cast) -> None:
    anna = german.members[0]
    anna.language = "en"
    anna.save()
    confirmed(german, 2)
    certificate = services.certificate_approve(certificate=drafted(german), by=german.leader)
    words = PdfReader(io.BytesIO(client_for(anna).get(
        reverse("certificate_download", args=[certificate.pk])).content)).pages[0].extract_text()
    assert "Certificate of attendance" in words and "Teilnahmebescheinigung" not in words


def test_what_the_certificate_names_is_fixed_when_it_is_made(german: Cast) -> None:
    confirmed(german, 2)
    certificate = drafted(german)
    services.certificate_issuer_save(group=german.group, name="Another Institute",
                                     address="", logo_png=None, remove_logo=True)
    services.signer_save(user=german.leader, qualification="Changed", signature_png=None,
                         remove_signature=True)
    certificate = services.certificate_approve(certificate=certificate, by=german.coleader)
    assert certificate.content["issuer"]["name"] == "Balint-Institut Süd e. V."
    assert certificate.content["approval"]["name"] == "Carl"
    assert certificate.content["approval"]["qualification"] == "Balint-Gruppenleiter (DBG)"
    # The public page confirms the content, but not her EFN.
    html = text(client_for(None).get(reverse("certificate_verify", args=[certificate.code])))
    assert "Balint-Institut Süd e. V." in html and "Dr. med. Anna Weber" in html
    assert EFN not in html


def test_the_leader_sets_the_issuer_and_her_signature_through_the_pages(cast: Cast) -> None:
    client = client_for(cast.leader)
    page = text(client.get(reverse("group_certificates", args=[cast.group.pk])))
    assert "Certificates name no issuing organisation yet." in page
    response = client.post(reverse("certificate_issuer", args=[cast.group.pk]), {
        "name": "  Balint Society   of Wales ", "address": "1 High Street\nCardiff",
        "logo": SimpleUploadedFile("logo.jpg", png(format="JPEG"), "image/jpeg")})
    assert response.status_code == 302
    issuer = CertificateIssuer.objects.get(group=cast.group)
    assert issuer.name == "Balint Society of Wales" and issuer.logo is not None
    # Kept as a plain PNG, whatever was sent.
    assert bytes(issuer.logo.png).startswith(b"\x89PNG")
    response = client.post(reverse("certificate_signer"), {
        "qualification": "Accredited Balint group leader (BSANZ)",
        "signature": SimpleUploadedFile("sig.png", png(), "image/png")})
    assert response.status_code == 302
    signer = Signer.objects.get(user=cast.leader)
    assert signer.qualification == "Accredited Balint group leader (BSANZ)"
    page = text(client.get(reverse("group_certificates", args=[cast.group.pk])))
    assert "Balint Society of Wales" in page and "with signature" in page
    assert "Certificates name no issuing organisation yet." not in page


@pytest.mark.parametrize(("upload", "message"), [
    (SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image", "image/png"),
     "This file is not an image we can read"),
    (SimpleUploadedFile("logo.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/gif"),
     "not an image we can read"),
    (SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 10), "image/png"),
     "larger than 2 MB"),
])
def test_a_bad_image_is_refused_with_a_message_and_changes_nothing(
        cast: Cast, upload: SimpleUploadedFile, message: str) -> None:
    services.certificate_issuer_save(group=cast.group, name="Kept", address="",
                                     logo_png=None)
    response = client_for(cast.leader).post(
        reverse("certificate_issuer", args=[cast.group.pk]),
        {"name": "Replaced", "address": "", "logo": upload})
    assert response.status_code == 200
    assert message in text(response)
    assert CertificateIssuer.objects.get(group=cast.group).name == "Kept"
    assert not StoredImage.objects.exists()


def test_an_image_too_large_in_pixels_is_refused(cast: Cast) -> None:
    response = client_for(cast.leader).post(reverse("certificate_signer"), {
        "qualification": "x",
        "signature": SimpleUploadedFile("s.png", png((4100, 10)), "image/png")})
    assert response.status_code == 200
    assert "larger than 4000 pixels" in text(response)
    assert not Signer.objects.exists()


def test_members_and_outsiders_are_refused(cast: Cast) -> None:
    issuer = reverse("certificate_issuer", args=[cast.group.pk])
    for user in (cast.members[0], cast.outsider):
        client = client_for(user)
        assert client.get(issuer).status_code == 404
        assert client.post(issuer, {"name": "Taken over"}).status_code == 404
    # A member who leads no group has no signature to give.
    client = client_for(cast.members[0])
    assert client.get(reverse("certificate_signer")).status_code == 404
    assert client.post(reverse("certificate_signer"), {"qualification": "x"}).status_code == 404
    assert not CertificateIssuer.objects.exists() and not Signer.objects.exists()
    assert client_for(None).get(issuer).status_code == 302


def test_a_profession_from_the_list_is_printed_in_her_language(german: Cast) -> None:
    anna = german.members[0]
    anna.profession, anna.profession_kind = "", "social_worker"
    anna.save()
    confirmed(german, 1)
    assert drafted(german).content["profession"] == "Sozialarbeiter:in"
