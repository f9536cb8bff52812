"""German CME: a meeting's or a series' VNR and points, and the report for the chambers'
EIV after attendance is confirmed - text to paste, and barcodes that a scanner reads back
as the VNR and the EFNs of those present; only the group's leaders see it."""

import io
from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import zxingcpp
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from balintroom.accounts.efn import efn_problem
from balintroom.accounts.models import User
from balintroom.core.typed_numbers import digits_typed
from balintroom.groups.cme import vnr_problem
from balintroom.groups.models import Meeting, Notice
from balintroom.groups.services import meeting_schedule, meeting_update, series_create
from balintroom.records import eiv, selectors, services
from balintroom.records.models import Organisation
from tests.conftest import Cast, make_user
from tests.groups.helpers import assert_login_redirect, text

from .conftest import client_for, past_meeting

VNR = "2760602024012345678"


def efn(running: int) -> str:
    """A valid EFN of the Bavarian chamber: 80 276 090, a running number, the Luhn digit."""
    body = f"80276090{running:06d}"
    for check in "0123456789":
        if not efn_problem(body + check):
            return body + check
    raise AssertionError("no check digit fits")


def give_efns(cast: Cast) -> dict[str, str]:
    """Anna, Ben and the co-leader Carl have an EFN; Clara, David and Lena have none."""
    given = {}
    for number, user in enumerate((cast.members[0], cast.members[1], cast.coleader), start=1):
        user.efn = efn(number)
        user.save(update_fields=["efn"])
        given[user.name] = user.efn
    return given


def accredited(cast: Cast, *, vnr: str = VNR, points: str | None = "3") -> Meeting:
    """A past meeting with a VNR, confirmed: Anna, Ben, Carl, Clara and Lena present,
    David absent."""
    meeting = past_meeting(cast.group, setting="in_person")
    meeting.vnr = vnr
    meeting.cme_points = Decimal(points) if points is not None else None
    meeting.save()
    anna, ben, clara, david = cast.members
    services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={
        anna.pk: "present", ben.pk: "present", clara.pk: "present", david.pk: "absent",
        cast.coleader.pk: "present", cast.leader.pk: "present"})
    return meeting


def report_of(meeting: Meeting) -> eiv.EivReport:
    report, missing = selectors.eiv_report_of(meeting, tz=timezone.get_current_timezone())
    assert report is not None and missing == []
    return report


# The VNR and the points


@pytest.mark.parametrize(("typed", "problem"), [
    ("2760602024012345678", ""),
    ("2760 6020 2401 2345 678", ""),
    ("276-0602024-012345678", ""),
    ("276060202401234567", "A VNR has 19 digits; this has only 18."),
    ("27606020240123456789", "A VNR has 19 digits; this has 20."),
    ("2760602024O12345678", "A VNR has digits only: the 19 digits of the event number your "
                            "medical chamber gave the meeting."),
    ("２７６０６０２０２４０１２３４５６７８", "A VNR has digits only: the 19 digits of the "
                                              "event number your medical chamber gave the "
                                              "meeting."),
])
def test_it_says_what_is_wrong_with_a_vnr(typed: str, problem: str) -> None:
    with translation.override("en"):
        assert vnr_problem(typed) == problem
    if not problem:
        assert digits_typed(typed) == VNR


def test_the_model_keeps_only_digits_and_sane_points(cast: Cast) -> None:
    meeting = cast.meeting
    for vnr, points in (("2760 6020 2401 2345 678", None), ("", Decimal(0)),
                        ("", Decimal("50.5")), ("", Decimal("4.55"))):
        meeting.vnr, meeting.cme_points = vnr, points
        with pytest.raises(ValidationError):
            meeting.full_clean()
    meeting.vnr, meeting.cme_points = VNR, Decimal("4.5")
    meeting.full_clean()


def test_a_meeting_has_its_series_vnr_unless_it_has_its_own(cast: Cast) -> None:
    first = timezone.localdate() + timedelta(days=7)
    series = series_create(group=cast.group, recurrence="weekly", first_date=first,
                           start_time=timezone.localtime().time().replace(microsecond=0),
                           zone="Europe/Berlin", count=3, duration_minutes=90,
                           setting="online", format_key="classic", vnr=VNR,
                           cme_points=Decimal(3))
    meetings = list(series.meetings.order_by("starts_at"))
    assert [(m.vnr, m.effective_vnr, m.effective_cme_points) for m in meetings] == [
        ("", VNR, Decimal(3))] * 3
    own = "2760602024099999999"
    meeting_update(meeting=meetings[1], vnr=own, cme_points=Decimal("4.5"))
    meetings[1].refresh_from_db()
    assert (meetings[1].effective_vnr, meetings[1].effective_cme_points) == (
        own, Decimal("4.5"))
    assert cast.meeting.effective_vnr == "" and cast.meeting.effective_cme_points is None


def test_the_leader_gives_a_meeting_its_vnr_and_nobody_is_told(cast: Cast) -> None:
    meeting = meeting_schedule(group=cast.group, starts_at=timezone.now() + timedelta(days=3),
                               duration_minutes=90, setting="online", format_key="classic",
                               video_link="https://meet.example.org/x")
    local = meeting.starts_at.astimezone(ZoneInfo(cast.leader.timezone))  # as her form has it
    notices = Notice.objects.count()
    form = {"date": local.date().isoformat(), "time": local.strftime("%H:%M"),
            "duration_minutes": 90, "setting": "online",
            "video_link": "https://meet.example.org/x", "format_key": "classic",
            "vnr": "2760 6020 2401 2345 678", "cme_points": "4.5"}
    url = reverse("meeting_edit", args=[cast.group.pk, meeting.pk])
    response = client_for(cast.leader).post(url, form)
    assert response.status_code == 302, text(response)
    meeting.refresh_from_db()
    assert (meeting.vnr, meeting.cme_points) == (VNR, Decimal("4.5"))
    assert Notice.objects.count() == notices  # a VNR is not a change the members hear of
    response = client_for(cast.leader).post(url, {**form, "vnr": "27606020240123"})
    assert "A VNR has 19 digits; this has only 14." in text(response)
    # The folded part opens where there is something to correct.
    assert '<details class="cme" id="cme" open>' in text(response)


def test_the_cme_part_is_folded_for_a_group_without_it(cast: Cast) -> None:
    page = text(client_for(cast.leader).get(reverse("meeting_create", args=[cast.group.pk])))
    assert '<details class="cme" id="cme">' in page
    assert 'name="vnr"' in page and 'name="cme_points"' in page
    page = text(client_for(cast.leader).get(reverse("series_create", args=[cast.group.pk])))
    assert '<details class="cme" id="cme">' in page


# The report


def test_the_text_lists_exactly_the_efns_of_those_present(cast: Cast) -> None:
    given = give_efns(cast)
    cast.members[3].efn = efn(4)  # David has one, and was absent
    cast.members[3].save(update_fields=["efn"])
    meeting = accredited(cast, points="4.5")
    report = report_of(meeting)
    assert sorted(report.efns) == sorted(given.values())
    assert [p.name for p in report.without_efn] == ["Clara", "Lena"]
    with translation.override("en"):
        lines = eiv.report_text(report).splitlines()
    day = timezone.localtime(meeting.starts_at).date()
    assert lines[:4] == [f"VNR: {VNR}", f"Date: {day.isoformat()}", "CME points: 4.5",
                         "EFN (3):"]
    assert sorted(lines[4:]) == sorted(given.values())

    response = client_for(cast.leader).get(reverse("meeting_eiv", args=[meeting.pk]))
    page = text(response)
    assert response.status_code == 200
    textarea = page.split('<textarea id="eiv-text"', 1)[1].split("</textarea>", 1)[0]
    assert sorted(textarea.split(">", 1)[1].splitlines()[4:]) == sorted(given.values())
    without = page.split('id="without-efn"', 1)[1].split("</ul>", 1)[0]
    assert "Clara" in without and "Lena" in without and "Anna" not in without
    assert "David" not in page
    assert page.count('role="img"') == 1 + len(given)  # the VNR's, and one per EFN


def test_a_german_leader_reads_it_in_german(cast: Cast) -> None:
    give_efns(cast)
    report = report_of(accredited(cast, points="4.5"))
    with translation.override("de"):
        assert eiv.points_text(report.points) == "4,5"
    assert eiv.points_text(Decimal("3.0")) == "3"


def test_an_efn_that_does_not_hold_is_listed_apart(cast: Cast) -> None:
    anna = cast.members[0]
    anna.efn = efn(1)[:-1] + str((int(efn(1)[-1]) + 1) % 10)  # a mistyped check digit
    anna.save(update_fields=["efn"])
    report = report_of(accredited(cast))
    assert report.efns == []
    assert [(p.name, p.efn_invalid) for p in report.without_efn][:1] == [("Anna", True)]


def decoded_barcodes(pdf: bytes) -> list[str]:
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for image in page.images:
            results = zxingcpp.read_barcodes(image.image)
            assert len(results) == 1, f"{image.name}: {results}"
            assert results[0].format == zxingcpp.BarcodeFormat.Code39
            found.append(results[0].text)
    return found


def test_every_barcode_in_the_pdf_reads_back(cast: Cast) -> None:
    given = give_efns(cast)
    meeting = accredited(cast)
    response = client_for(cast.coleader).get(reverse("meeting_eiv_pdf", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    found = decoded_barcodes(response.content)
    assert found[0] == VNR  # on top, once
    assert sorted(found[1:]) == sorted(given.values())


def test_many_efns_go_onto_more_pages_and_all_read_back(cast: Cast) -> None:
    people = [(f"Doctor {n}", efn(100 + n)) for n in range(40)]
    day = timezone.localdate()
    report = eiv.eiv_report(vnr=VNR, day=day, points=Decimal(3), present=people)
    pdf = eiv.report_pdf(report, group_name="Tuesday GPs")
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 1
    found = decoded_barcodes(pdf)
    assert found.count(VNR) == 1
    assert sorted(found[1:]) == sorted(e for _name, e in people)


# Not ready, and not for everyone


def test_an_unconfirmed_meeting_says_what_is_missing(cast: Cast) -> None:
    meeting = past_meeting(cast.group)
    client = client_for(cast.leader)
    url = reverse("meeting_eiv", args=[meeting.pk])
    page = text(client.get(url))
    assert "The attendance of this meeting is not confirmed yet." in page
    assert "The meeting has no VNR" in page
    assert reverse("meeting_attendance", args=[meeting.pk]) in page
    assert reverse("meeting_edit", args=[cast.group.pk, meeting.pk]) in page
    assert 'id="eiv-text"' not in page
    response = client.get(reverse("meeting_eiv_pdf", args=[meeting.pk]))
    assert (response.status_code, response["Location"]) == (302, url)

    meeting.vnr = VNR
    meeting.save()
    page = text(client.get(url))
    assert "not confirmed yet" in page and "has no VNR" not in page


def test_a_confirmed_meeting_without_a_vnr_says_so(cast: Cast) -> None:
    meeting = accredited(cast, vnr="")
    attendance = text(client_for(cast.leader).get(
        reverse("meeting_attendance", args=[meeting.pk])))
    assert 'id="eiv-link"' not in attendance
    page = text(client_for(cast.leader).get(reverse("meeting_eiv", args=[meeting.pk])))
    assert "The meeting has no VNR" in page and "not confirmed yet" not in page


def test_the_attendance_page_leads_to_the_report(cast: Cast) -> None:
    meeting = accredited(cast)
    page = text(client_for(cast.leader).get(reverse("meeting_attendance", args=[meeting.pk])))
    assert reverse("meeting_eiv", args=[meeting.pk]) in page


def test_only_the_groups_leaders_see_the_report(cast: Cast) -> None:
    give_efns(cast)
    meeting = accredited(cast)
    coordinator = make_user("cora@example.org", "Cora")
    organisation = Organisation.objects.create(name="Programme")
    organisation.coordinators.add(coordinator)
    services.organisation_join(group=cast.group, code=organisation.join_code, by=cast.leader)
    admin = User.objects.create_superuser(email="root@example.org", password="x" * 20)
    urls = [reverse("meeting_eiv", args=[meeting.pk]),
            reverse("meeting_eiv_pdf", args=[meeting.pk])]
    for url in urls:
        assert client_for(cast.coleader).get(url).status_code == 200
        for user in (cast.outsider, cast.member, coordinator, admin):
            assert client_for(user).get(url).status_code == 404, (user, url)
        assert_login_redirect(client_for(None).get(url), url)
        assert client_for(cast.leader).post(url).status_code == 405
