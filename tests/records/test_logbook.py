"""The leader logbook: meetings led and co-led from the records, her own entries, progress
on each pathway, and its PDF and CSV."""

import csv
import io
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from balintroom.live.models import Round
from balintroom.live.services import room_create
from balintroom.records import services
from balintroom.records.models import LogbookEntry
from tests.conftest import Cast
from tests.groups.helpers import text

from .conftest import client_for, past_meeting, visit


def led_meeting(cast: Cast) -> None:
    meeting = past_meeting(cast.group, days_ago=10)
    for person in (cast.leader, cast.coleader, cast.member):
        visit(meeting, person)
    room = room_create(meeting=meeting)
    Round.objects.create(room=room, number=1, started_at=meeting.starts_at,
                         presenter=cast.member, label="secret label")
    Round.objects.create(room=room, number=2, started_at=meeting.starts_at,
                         presenter=cast.members[1], label="another")
    Round.objects.create(room=room, number=3, kind="check_in", started_at=meeting.starts_at)
    services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={})


def test_it_lists_meetings_led_with_their_case_count(cast: Cast) -> None:
    led_meeting(cast)
    html = text(client_for(cast.leader).get(reverse("logbook")))
    assert "Meetings led and co-led" in html and "Tuesday GPs" in html
    assert "secret label" not in html
    row = html.split("<tbody>")[1].split("</tr>")[0]
    assert '<td data-label="Cases">2</td>' in row  # two case rounds; the check-in is no case
    coleader = text(client_for(cast.coleader).get(reverse("logbook")))
    assert "Co-leader" in coleader.split("<tbody>")[1]


def test_it_adds_entries_and_shows_the_pathways(cast: Cast) -> None:
    client = client_for(cast.leader)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(reverse("logbook"), {
        "kind": "intensive", "date": yesterday, "hours": "20", "cases": "0",
        "in_person": "on", "note": "ABS intensive, Chicago"})
    assert response.status_code == 302
    entry = LogbookEntry.objects.get()
    assert (entry.minutes, entry.in_person) == (1200, True)
    response = client.post(reverse("logbook"), {
        "kind": "supervision", "date": (timezone.localdate() + timedelta(days=2)).isoformat(),
        "hours": "1"})
    assert "Choose a date that has passed" in text(response)
    response = client.post(reverse("logbook"), {"kind": "supervision", "date": yesterday,
                                                "hours": "0"})
    assert response.status_code == 200 and LogbookEntry.objects.count() == 1
    html = text(client.get(reverse("logbook")))
    for name in ("Deutsche Balint-Gesellschaft", "American Balint Society",
                 "Balint Society of Australia and New Zealand", "ABS intensive, Chicago"):
        assert name in html
    assert "1 of 3 intensives" in html
    assert "Source:" in html


def test_the_exports_read_back(cast: Cast) -> None:
    led_meeting(cast)
    services.logbook_entry_add(user=cast.leader, kind="supervision",
                               day=timezone.localdate() - timedelta(days=3), hours_text="1.5",
                               note="With Dr. Weiß")
    client = client_for(cast.leader)
    response = client.get(reverse("logbook_pdf"))
    assert response["Content-Type"] == "application/pdf"
    words = " ".join(" ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages).split())
    for expected in ("Leader logbook", "Lena", "Tuesday GPs", "Supervision session",
                     "With Dr. Weiß", "American Balint Society"):
        assert expected in words, expected
    rows = list(csv.reader(io.StringIO(client.get(reverse("logbook_csv")).content.decode())))
    assert rows[0] == ["date", "kind", "group", "setting", "minutes", "cases", "note"]
    assert rows[1][1:6] == ["leader", "Tuesday GPs", "Online", "90", "2"]
    assert rows[2][1] == "Supervision session" and rows[2][4] == "90"


def test_an_entry_is_hers_alone(cast: Cast) -> None:
    entry = services.logbook_entry_add(user=cast.leader, kind="intensive",
                                       day=timezone.localdate(), hours_text="8")
    for user in (cast.coleader, cast.outsider):
        response = client_for(user).post(reverse("logbook_entry_delete", args=[entry.pk]))
        assert response.status_code == 404
    assert "intensive" not in text(client_for(cast.outsider).get(reverse("logbook"))).lower(
        ).split("my entries")[1].split("add an entry")[0]
    client_for(cast.leader).post(reverse("logbook_entry_delete", args=[entry.pk]))
    assert not LogbookEntry.objects.exists()
