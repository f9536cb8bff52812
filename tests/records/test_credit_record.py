"""A member's credit record across her groups: her confirmed sessions and totals, her
certificates, her progress toward each scheme her groups count toward, and the PDF for her
training programme; for a leader, her pathways beside it."""

import html as entities
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from pypdf import PdfReader

from balintroom.groups.models import BalintGroup, Membership
from balintroom.method.roles import Role
from balintroom.records import credits, services
from balintroom.records.models import Certificate, CertificateStatus
from tests.conftest import Cast, make_user
from tests.groups.helpers import assert_login_redirect, text

from .conftest import client_for, past_meeting


def confirm(group: BalintGroup, by: object, present: list[object], *, days_ago: float,
            setting: str) -> None:
    meeting = past_meeting(group, days_ago=days_ago, setting=setting)
    services.attendance_confirm(meeting=meeting, by=by,  # type: ignore[arg-type]
                                roll_call={p.pk: "present" for p in present})  # type: ignore[attr-defined]


@pytest.fixture
def two_groups(cast: Cast) -> Cast:
    """Anna in Lena's group (in person 250 days ago, online 100 days ago) and in Olga's
    (in person 30 days ago), 90 minutes each. Both groups count toward the generic scheme
    (20 units over 6 months); Lena's alone toward the German PSGV scheme (30 units)."""
    anna = cast.member
    Membership.objects.create(group=cast.other_group, user=anna, role=Role.MEMBER,
                              agreed_at=timezone.now())
    confirm(cast.group, cast.leader, [cast.leader, anna, cast.members[1]], days_ago=250,
            setting="in_person")
    confirm(cast.group, cast.leader, [cast.leader, anna], days_ago=100, setting="online")
    confirm(cast.other_group, cast.outsider, [cast.outsider, anna], days_ago=30,
            setting="in_person")
    for group in (cast.group, cast.other_group):
        services.group_scheme_add(group=group, key="generic-hours-months")
    services.group_scheme_add(group=cast.group, key="de-psgv-balint")
    return cast


def words_of(response: object) -> str:
    """The page's text: tags out, entities read, spaces squeezed."""
    page = text(response)  # type: ignore[arg-type]
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def record_of(user: object) -> credits.CreditRecord:
    return credits.credit_record(user, timezone.get_current_timezone())  # type: ignore[arg-type]


def progress_of(record: credits.CreditRecord, key: str) -> credits.SchemeProgress:
    return next(p for p in record.progress if p.offered.scheme.key == key)


def results_of(item: credits.SchemeProgress) -> dict[str, object]:
    return {r.rule.id: r for r in item.results}


def test_it_lists_the_sessions_of_both_groups_with_their_totals(two_groups: Cast) -> None:
    record = record_of(two_groups.member)
    assert [g.group.name for g in record.groups] == ["Tuesday GPs", "Olga's group"]
    assert [g.totals.sessions for g in record.groups] == [2, 1]
    totals = record.totals
    assert (totals.sessions, totals.minutes_in_person, totals.minutes_online) == (3, 180, 90)
    assert totals.units == 6
    html = text(client_for(two_groups.member).get(reverse("credit_record")))
    for expected in ("My credit record", "Tuesday GPs", "Olga&#x27;s group", "270",
                     "2 sessions, 4 units", "1 session, 2 units", "2 in person, 2 online"):
        assert expected in html, expected


def test_a_scheme_counts_every_group_that_counts_toward_it(two_groups: Cast) -> None:
    record = record_of(two_groups.member)
    generic = progress_of(record, "generic-hours-months")
    assert [g.name for g in generic.groups] == ["Tuesday GPs", "Olga's group"]
    found = results_of(generic)
    assert (found["hours"].status, found["hours"].have, found["hours"].need) == ("open", 6, 20)  # type: ignore[attr-defined]
    assert found["span"].status == "met" and found["span"].have == 7  # type: ignore[attr-defined]
    assert not generic.complete
    psgv = progress_of(record, "de-psgv-balint")
    assert [g.name for g in psgv.groups] == ["Tuesday GPs"]
    found = results_of(psgv)
    assert (found["hours"].have, found["span"].have) == (4, 4)  # type: ignore[attr-defined]
    assert found["in-person-hours"].have == 2  # type: ignore[attr-defined]
    html = words_of(client_for(two_groups.member).get(reverse("credit_record")))
    for expected in ("Still open: 6 of 20 units", "6 of 20 units", "4 of 30 units",
                     "6 months needed, 4 so far", "6 months needed, 7 so far",
                     "2 of 15 units in person", "Counted from: Tuesday GPs · Olga's group",
                     "Source:", "Bundesärztekammer"):
        assert expected in html, expected


def test_a_scheme_is_met_once_every_required_rule_is(two_groups: Cast) -> None:
    anna = two_groups.member
    for days_ago in range(240, 100, -10):  # 14 more in-person sessions: 34 units in all
        confirm(two_groups.group, two_groups.leader, [two_groups.leader, anna],
                days_ago=days_ago, setting="in_person")
    generic = progress_of(record_of(anna), "generic-hours-months")
    assert generic.complete
    html = text(client_for(anna).get(reverse("credit_record")))
    assert "Every required rule is met." in html


def test_rules_about_the_schedule_stay_each_groups_own(two_groups: Cast) -> None:
    # Each group has one leader of its own: together they have none in common, yet each
    # group keeps to a fixed leader. Olga's group meets only in person: the online rules
    # do not apply to it.
    services.group_scheme_add(group=two_groups.other_group, key="de-psgv-balint")
    psgv = progress_of(record_of(two_groups.member), "de-psgv-balint")
    found = results_of(psgv)
    assert found["fixed-leader"].status == "met"  # type: ignore[attr-defined]
    assert found["in-person-hours"].have == 4  # type: ignore[attr-defined]
    assert found["hours"].have == 6  # type: ignore[attr-defined]


def test_it_shows_nobody_elses_sessions(two_groups: Cast) -> None:
    ben = two_groups.members[1]
    elsewhere = BalintGroup.objects.create(name="Ben's Friday group", setting="in_person")
    Membership.objects.create(group=elsewhere, user=ben, role=Role.MEMBER,
                              agreed_at=timezone.now())
    Membership.objects.create(group=elsewhere, user=two_groups.coleader, role=Role.LEADER,
                              agreed_at=timezone.now())
    confirm(elsewhere, two_groups.coleader, [ben], days_ago=5, setting="in_person")
    html = text(client_for(two_groups.member).get(reverse("credit_record")))
    assert "Ben&#x27;s Friday group" not in html
    assert record_of(two_groups.member).totals.sessions == 3
    ben_record = record_of(ben)
    assert ben_record.totals.sessions == 2 and "Olga&#x27;s group" not in text(
        client_for(ben).get(reverse("credit_record")))
    outsider = make_user("nobody@example.org", "Nora")
    html = text(client_for(outsider).get(reverse("credit_record")))
    assert "Tuesday GPs" not in html and "None yet." in html
    assert "As a leader" not in html


def test_the_pdf_reads_back(two_groups: Cast) -> None:
    anna = two_groups.member
    anna.legal_name, anna.profession = "Dr. med. Anna Weber", "General practitioner"
    anna.save()
    today = timezone.localdate()
    now = timezone.now()
    content = {"group": "Tuesday GPs", "member": "Dr. med. Anna Weber", "units": "4.00"}
    approved = Certificate.objects.create(
        group=two_groups.group, member=anna, content=content, status=CertificateStatus.APPROVED,
        period_start=today - timedelta(days=260), period_end=today - timedelta(days=90),
        approved_at=now, approved_by=two_groups.leader)
    revoked = Certificate.objects.create(
        group=two_groups.group, member=anna, content=content, status=CertificateStatus.REVOKED,
        period_start=today - timedelta(days=260), period_end=today - timedelta(days=200),
        approved_at=now, revoked_at=now, revoke_reason="Wrong period")
    draft = Certificate.objects.create(
        group=two_groups.group, member=anna, content=content,
        period_start=today - timedelta(days=260), period_end=today)
    response = client_for(anna).get(reverse("credit_record_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    reader = PdfReader(io.BytesIO(response.content))
    words = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in ("Record of Balint group work", "Dr. med. Anna Weber",
                     "General practitioner", "Tuesday GPs", "Olga's group",
                     "Sessions attended: 3", "270", "6.00", "4.00", "2.00",
                     "in person", "online", approved.code, revoked.code, "Revoked on",
                     "Still open: 6 of 20 units", "4 of 30 units", "6 months needed, 4 so far",
                     "Source: Bundesärztekammer", "Balint Room template"):
        assert expected in words, expected
    assert draft.code not in words
    # Each session with its date, as the reader's language writes it.
    first = (timezone.now() - timedelta(days=250)).astimezone(
        timezone.get_current_timezone()).date()
    assert date_format(first, "DATE_FORMAT") in words


def test_the_pdf_falls_back_to_the_display_name(two_groups: Cast) -> None:
    response = client_for(two_groups.member).get(reverse("credit_record_pdf"))
    words = " ".join(PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())
    assert "Anna" in words


def test_a_leader_sees_her_pathways_as_a_member_sees_her_schemes(two_groups: Cast) -> None:
    html = words_of(client_for(two_groups.leader).get(reverse("credit_record")))
    for expected in ("As a leader", "You led or co-led 2 meetings in Balint Room: 4 units.",
                     "Deutsche Balint-Gesellschaft", "American Balint Society",
                     "Balint Society of Australia and New Zealand", "Still open:",
                     "0 of 3 intensives", "Source:"):
        assert expected in html, expected
    # Her own meetings led are not sessions attended.
    assert record_of(two_groups.leader).totals.sessions == 0
    # The logbook shows the same progress, from the same partial.
    logbook = words_of(client_for(two_groups.leader).get(reverse("logbook")))
    assert "Still open:" in logbook and "0 of 3 intensives" in logbook
    member = text(client_for(two_groups.member).get(reverse("credit_record")))
    assert "As a leader" not in member and "Balint Society of Australia" not in member


def test_it_is_linked_where_she_looks(two_groups: Cast) -> None:
    client = client_for(two_groups.member)
    url = reverse("credit_record")
    for page in (reverse("home"), reverse("my_certificates"),
                 reverse("records_group", args=[two_groups.group.pk])):
        assert f'href="{url}"' in text(client.get(page)), page


def test_anonymous_is_sent_to_sign_in() -> None:
    for name in ("credit_record", "credit_record_pdf"):
        path = reverse(name)
        assert_login_redirect(client_for(None).get(path), path)
