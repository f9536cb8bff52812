"""Organisations: a leader links her group with the coordinator's code; the coordinator
sees attendance, hours and certificates across the groups, exports CSV, writes her own
schemes, and never sees what was said or noted."""

import csv
import io
import json

import pytest
from django.urls import reverse

from balintroom.live.models import Round, Volunteer
from balintroom.live.services import room_create
from balintroom.records import services
from balintroom.records.models import (
    GroupScheme,
    Organisation,
    OrganisationGroup,
    OrganisationScheme,
)
from balintroom.records.schemes import shipped
from tests.conftest import Cast, make_user
from tests.groups.helpers import text

from .conftest import client_for, past_meeting

CASE_WORDS = "the widower with the dog"


@pytest.fixture
def programme(cast: Cast) -> Organisation:
    """Cora coordinates a programme that holds the cast's group; one meeting is confirmed,
    and its round had a case label."""
    organisation = Organisation.objects.create(name="Balint training Rhein-Main")
    organisation.coordinators.add(make_user("cora@example.org", "Cora"))
    services.organisation_join(group=cast.group, code=organisation.join_code, by=cast.leader)
    meeting = past_meeting(cast.group, setting="in_person")
    room = room_create(meeting=meeting)
    Round.objects.create(room=room, number=1, presenter=cast.member, label=CASE_WORDS)
    Volunteer.objects.create(room=room, user=cast.members[1], label=CASE_WORDS)
    services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={
        m.pk: "present" for m in cast.members})
    return organisation


def coordinator(organisation: Organisation) -> object:
    return organisation.coordinators.get()


def test_a_leader_joins_with_the_code_only(cast: Cast) -> None:
    organisation = Organisation.objects.create(name="Programme")
    client = client_for(cast.leader)
    url = reverse("group_organisations", args=[cast.group.pk])
    response = client.post(url, {"code": "guessed-code"})
    assert response.status_code == 200 and "No organisation has this code" in text(response)
    client.post(url, {"code": organisation.join_code})
    assert OrganisationGroup.objects.filter(organisation=organisation,
                                            group=cast.group).exists()
    client.post(reverse("group_organisation_leave", args=[cast.group.pk, organisation.pk]))
    assert not OrganisationGroup.objects.exists()


def test_a_renewed_code_ends_the_old_one(programme: Organisation, cast: Cast) -> None:
    old = programme.join_code
    client_for(coordinator(programme)).post(reverse("organisation_code_renew",
                                                    args=[programme.pk]))
    programme.refresh_from_db()
    assert programme.join_code != old
    with pytest.raises(Exception, match="No organisation"):
        services.organisation_join(group=cast.other_group, code=old, by=cast.outsider)


def test_the_coordinator_sees_attendance_hours_and_certificates(programme: Organisation,
                                                               cast: Cast) -> None:
    client = client_for(coordinator(programme))
    assert "Balint training Rhein-Main" in text(client.get(reverse("organisations")))
    html = text(client.get(reverse("organisation_detail", args=[programme.pk])))
    assert "Tuesday GPs" in html and programme.join_code in html
    html = text(client.get(reverse("organisation_group", args=[programme.pk, cast.group.pk])))
    assert "Anna" in html and "David" in html and "Lena" in html
    assert "90" in html


def test_the_coordinator_exports_csv(programme: Organisation, cast: Cast) -> None:
    client = client_for(coordinator(programme))
    cast.members[1].display_name = "=HYPERLINK(\"http://evil\")"
    cast.members[1].save()
    response = client.get(reverse("organisation_export", args=[programme.pk, "attendance"]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["group", "date", "meeting_minutes", "member"]
    members = {row[3] for row in rows[1:]}
    assert "Anna" in members and "'=HYPERLINK(\"http://evil\")" in members
    # The guard quotes only what begins like a formula (empty cells: tests/core).
    assert "'" not in {cell for row in rows for cell in row}
    rows = list(csv.reader(io.StringIO(client.get(reverse(
        "organisation_export", args=[programme.pk, "hours"])).content.decode())))
    anna = next(row for row in rows if row[1] == "Anna")
    assert anna[3:6] == ["1", "90", "0"] and anna[9] == "2.00"
    assert client.get(reverse("organisation_export",
                              args=[programme.pk, "certificates"])).status_code == 200
    assert client.get(reverse("organisation_export",
                              args=[programme.pk, "notes"])).status_code == 404


def test_the_coordinator_never_sees_what_was_said(programme: Organisation,
                                                  cast: Cast) -> None:
    client = client_for(coordinator(programme))
    meeting = cast.group.meetings.order_by("starts_at").first()
    assert meeting is not None
    pages = [reverse("organisation_detail", args=[programme.pk]),
             reverse("organisation_group", args=[programme.pk, cast.group.pk]),
             *(reverse("organisation_export", args=[programme.pk, what])
               for what in ("attendance", "hours", "certificates"))]
    for url in pages:
        body = client.get(url).content.decode()
        assert CASE_WORDS not in body, url
    for url in (reverse("meeting_notes", args=[meeting.pk]),
                reverse("meeting_debrief", args=[meeting.pk]),
                reverse("group_privacy", args=[cast.group.pk]),
                reverse("group_detail", args=[cast.group.pk]),
                reverse("records_group", args=[cast.group.pk]),
                reverse("meeting_attendance", args=[meeting.pk])):
        assert client.get(url).status_code == 404, url


def test_others_are_refused_the_organisation(programme: Organisation, cast: Cast) -> None:
    elsewhere = Organisation.objects.create(name="Elsewhere")
    otto = make_user("otto@example.org", "Otto")
    elsewhere.coordinators.add(otto)
    urls = [reverse("organisation_detail", args=[programme.pk]),
            reverse("organisation_group", args=[programme.pk, cast.group.pk]),
            reverse("organisation_export", args=[programme.pk, "attendance"]),
            reverse("organisation_scheme_new", args=[programme.pk])]
    for user in (otto, cast.leader, cast.member, cast.outsider):
        client = client_for(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)
        assert client.post(reverse("organisation_code_renew",
                                   args=[programme.pk])).status_code == 404
    # Her own organisation does not open another's group.
    assert client_for(otto).get(reverse(
        "organisation_group", args=[elsewhere.pk, cast.group.pk])).status_code == 404
    assert client_for(coordinator(programme)).get(reverse(
        "organisation_group", args=[programme.pk, cast.other_group.pk])).status_code == 404


def test_the_coordinator_writes_a_scheme_with_her_chambers_numbers(
        programme: Organisation, cast: Cast) -> None:
    client = client_for(coordinator(programme))
    url = reverse("organisation_scheme_new", args=[programme.pk])
    page = text(client.get(url + "?from=de-psgv-balint"))
    assert "Psychosomatische Grundversorgung" in page
    response = client.post(url, {"definition": "{not json"})
    assert response.status_code == 200 and "This is not valid JSON" in text(response)
    bad = dict(shipped()["de-psgv-balint"].data)
    bad["rules"] = [dict(bad["rules"][0], min="thirty")]
    response = client.post(url, {"definition": json.dumps(bad)})
    assert "rule &#x27;hours&#x27;: &#x27;min&#x27; has the wrong type" in text(response)
    mine = json.loads(json.dumps(shipped()["de-psgv-balint"].data))
    next(r for r in mine["rules"] if r["id"] == "span")["min"] = 3
    assert client.post(url, {"definition": json.dumps(mine)}).status_code == 302
    assert OrganisationScheme.objects.get(organisation=programme).key == "de-psgv-balint"
    # The group's leader now finds the programme's version beside the shipped one.
    leader = client_for(cast.leader)
    html = text(leader.get(reverse("group_schemes", args=[cast.group.pk])))
    assert f"{programme.pk}:de-psgv-balint" in html
    leader.post(reverse("group_scheme_add", args=[cast.group.pk]),
                {"scheme": f"{programme.pk}:de-psgv-balint"})
    chosen = GroupScheme.objects.get(group=cast.group)
    assert chosen.organisation == programme
    scheme = services.scheme_resolve("de-psgv-balint", programme)
    assert scheme is not None and next(r for r in scheme.rules if r.id == "span").params == {
        "min": 3}
    client.post(reverse("organisation_scheme_delete", args=[programme.pk, "de-psgv-balint"]))
    assert not GroupScheme.objects.exists()
