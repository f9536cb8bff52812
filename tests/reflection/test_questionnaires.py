"""Questionnaires from loading to research: an administrator loads one with her
permission, leaders schedule its waves, members answer with consent and see their own
scores, and nobody else sees anything but sums over at least six, once a wave closed."""

import io
import json
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from balintroom.groups.models import BalintGroup, Membership
from balintroom.records.models import Organisation, OrganisationGroup
from balintroom.reflection.aggregates import administration_figures, programme_figures
from balintroom.reflection.models import (
    Administration,
    Instrument,
    ResearchConsent,
    Response,
    ResponseRecord,
)
from balintroom.reflection.questionnaires import (
    administrations_schedule,
    research_consent_set,
    response_submit,
)
from balintroom.reflection.research import research_export, research_zip
from tests.conftest import make_user
from tests.reflection.test_instruments import GOOD
from tests.support.review import our_questionnaire

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def ours() -> Instrument:
    return our_questionnaire()


def add_members(group: BalintGroup, count: int, tag: str = "") -> list[Any]:
    people = []
    for n in range(count):
        user = make_user(f"extra{n}{tag}@example.org", f"Extra {n}{tag}")
        Membership.objects.create(group=group, user=user, role="member",
                                  agreed_at=timezone.now())
        people.append(user)
    return people


def waves(cast: Any, *, days_ago: int = 0) -> list[Administration]:
    return administrations_schedule(group=cast.group, instrument=ours(), by=cast.leader,
                                    first_day=timezone.localdate() - timedelta(days=days_ago))


def answer(administration: Administration, user: Any, value: int, *, research: bool = False
           ) -> None:
    membership = Membership.objects.get(group=administration.group, user=user)
    response_submit(administration=administration, membership=membership, research=research,
                    answers={"u1": value, "u2": value, "u3": 6 - value, "b1": value},
                    today=administration.opens_on)


@pytest.fixture
def staff(cast: Any) -> Any:
    root = make_user("root@example.org", "Root")
    root.is_staff = True
    root.save()
    return root


def test_an_administrator_loads_a_questionnaire_with_her_permission(cast, staff):
    url = reverse("instruments")
    page = client_for(staff)
    response = page.post(url, {"definition_text": json.dumps(GOOD),
                               "permission": "Licence from the authors, 2026", "confirm": "on"})
    assert response.status_code == 302
    loaded = Instrument.objects.get(shipped=False)
    assert loaded.name == "A short scale" and loaded.created_by == staff
    assert "A short scale" in page.get(url).content.decode()


@pytest.mark.parametrize("data, message", [
    ({"definition_text": "{not json", "permission": "mine", "confirm": "on"},
     "This is not JSON"),
    ({"definition_text": json.dumps({"name": "x"}), "permission": "mine", "confirm": "on"},
     "“scale” needs whole numbers"),
    ({"definition_text": json.dumps(GOOD), "permission": "", "confirm": "on"},
     "This field is required"),
    ({"definition_text": json.dumps(GOOD), "permission": "mine"}, "This field is required"),
    ({"permission": "mine", "confirm": "on"}, "Choose a file, or paste"),
])
def test_a_bad_questionnaire_is_refused_with_a_message(cast, staff, data, message):
    response = client_for(staff).post(reverse("instruments"), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Instrument.objects.filter(shipped=False).exists()


def test_only_administrators_load_questionnaires(cast):
    for user in (cast.leader, cast.member, cast.outsider):
        client = client_for(user)
        assert client.get(reverse("instruments")).status_code == 404
        assert client.post(reverse("instruments"), {"definition_text": json.dumps(GOOD),
                                                    "permission": "x", "confirm": "on"}
                           ).status_code == 404
    assert not Instrument.objects.filter(shipped=False).exists()


def test_the_leader_schedules_three_waves(cast):
    url = reverse("group_questionnaires", args=[cast.group.pk])
    today = timezone.localdate()
    response = client_for(cast.leader).post(url, {"instrument": ours().pk,
                                                  "first_day": today.isoformat()})
    assert response.status_code == 302
    scheduled = list(Administration.objects.filter(group=cast.group))
    assert [(a.wave, a.opens_on - today, a.closes_on - a.opens_on) for a in scheduled] == [
        ("start", timedelta(0), timedelta(28)), ("6m", timedelta(182), timedelta(28)),
        ("12m", timedelta(365), timedelta(28))]
    again = client_for(cast.leader).post(url, {"instrument": ours().pk,
                                               "first_day": today.isoformat()})
    assert again.status_code == 400 and "already scheduled" in again.content.decode()
    for user in (cast.member, cast.outsider):
        assert client_for(user).post(url, {"instrument": ours().pk,
                                           "first_day": today.isoformat()}).status_code == 404
    assert Administration.objects.count() == 3


def test_a_member_answers_with_her_consent_and_sees_her_scores(cast):
    start = waves(cast)[0]
    url = reverse("questionnaire_answer", args=[start.pk])
    ben = client_for(cast.members[1])
    assert "asks you to answer" in ben.get(reverse("home")).content.decode()
    refused = ben.post(url, {"item_u1": "4"})
    assert refused.status_code == 400 and not Response.objects.exists()
    assert ben.post(url, {"item_u1": "4", "item_u3": "2", "consent": "on"}).status_code == 302
    page = ben.get(url).content.decode()
    assert "Your scores" in page and "<td>4.0</td>" in page  # urge: 4 and 6-2
    assert "asks you to answer" not in ben.get(reverse("home")).content.decode()
    second = ben.post(url, {"item_u1": "1", "consent": "on"})
    assert second.status_code == 400 and Response.objects.count() == 1
    assert ResponseRecord.objects.get().pseudonym == ""  # no research consent


@pytest.mark.parametrize("who", ["leader", "outsider"])
def test_leaders_and_outsiders_cannot_answer(cast, who):
    start = waves(cast)[0]
    user = cast.leader if who == "leader" else cast.outsider
    client = client_for(user)
    url = reverse("questionnaire_answer", args=[start.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"item_u1": "4", "consent": "on"}).status_code == 404
    assert not Response.objects.exists()


def test_no_answer_before_or_after_a_wave(cast):
    later = waves(cast)[1]
    response = client_for(cast.member).post(
        reverse("questionnaire_answer", args=[later.pk]), {"item_u1": "4", "consent": "on"})
    assert response.status_code == 400 and "not open now" in response.content.decode()
    assert not Response.objects.exists()


def test_sums_show_only_for_a_closed_wave_of_six_or_more(cast):
    people = [*cast.members, *add_members(cast.group, 2)]
    start = waves(cast, days_ago=40)[0]  # closed twelve days ago
    for n, user in enumerate(people[:5]):
        answer(start, user, 1 + n % 5)
    assert not administration_figures(start).shown
    page = client_for(cast.leader).get(reverse("group_questionnaires", args=[cast.group.pk]))
    assert "Fewer than 6 members answered" in page.content.decode()
    answer(start, people[5], 3)
    figures = administration_figures(start)
    assert figures.shown and figures.respondents == 6
    urge = figures.scales[0]
    assert urge.n == 6 and urge.mean == round(sum([1, 2, 3, 4, 5, 3]) / 6, 2)
    # While a wave is open, nothing but the count, whatever the number of answers.
    assert not administration_figures(start, today=start.closes_on).shown


def test_the_programme_adds_up_only_waves_that_can_be_shown_alone(cast):
    people = [*cast.members, *add_members(cast.group, 2)]
    start = waves(cast, days_ago=40)[0]
    for user in people:
        answer(start, user, 4)
    other = BalintGroup.objects.create(name="Other", setting="online")
    Membership.objects.create(group=other, user=cast.outsider, role="leader",
                              agreed_at=timezone.now())
    two = add_members(other, 2, tag="o")
    other_start = administrations_schedule(
        group=other, instrument=ours(), by=cast.outsider,
        first_day=timezone.localdate() - timedelta(days=40))[0]
    for user in two:
        answer(other_start, user, 1)
    (line,) = [w for w in programme_figures([cast.group, other]) if w.wave == "start"]
    # The programme's figure is the first group's: the two answers of 1 count nowhere.
    assert line.groups_shown == 1 and line.groups_held_back == 1
    assert line.figures.scales == administration_figures(start).scales


@pytest.mark.parametrize("agreed, others, exported", [
    (6, 0, True), (5, 0, False), (6, 1, False), (6, 5, False), (6, 6, True)])
def test_the_export_never_differs_from_the_pages_by_a_few_who_did_not_agree(
        cast, agreed, others, exported):
    """The coordinator sees the wave's sums over everyone; the export's rows must not let
    her work out the answers of the one or two who did not agree."""
    people = [*cast.members, *add_members(cast.group, agreed + others - 4)]
    start = waves(cast, days_ago=40)[0]
    for n, user in enumerate(people):
        answer(start, user, 1 + n % 5, research=n < agreed)
    organisation = Organisation.objects.create(name="Programme")
    rows = research_export(organisation, [cast.group]).questionnaire_rows
    assert len(rows) == (agreed if exported else 0)


def test_the_research_export_holds_only_consented_answers_in_sets_of_six(cast):
    people = [*cast.members, *add_members(cast.group, 2)]
    start = waves(cast, days_ago=40)[0]
    for n, user in enumerate(people):
        answer(start, user, 2 + n % 3, research=True)
    organisation = Organisation.objects.create(name="Programme")
    OrganisationGroup.objects.create(organisation=organisation, group=cast.group)
    export = research_export(organisation, [cast.group])
    assert len(export.questionnaire_rows) == 6
    assert len({row["person"] for row in export.questionnaire_rows}) == 6
    files = zipfile.ZipFile(io.BytesIO(research_zip(export)))
    text = "".join(files.read(name).decode() for name in files.namelist())
    assert {"README.txt", "codebook.csv", "questionnaires.csv", "reviews.csv"} == set(
        files.namelist())
    for user in people:
        assert user.email not in text and user.name not in text
    assert "item_u1" in files.read("codebook.csv").decode()
    # Another programme's pseudonyms cannot be joined with these.
    elsewhere = Organisation.objects.create(name="Elsewhere")
    other = research_export(elsewhere, [cast.group])
    assert not {r["person"] for r in other.questionnaire_rows} & {
        r["person"] for r in export.questionnaire_rows}
    # One takes her consent back: the wave falls below six, and leaves the export.
    research_consent_set(membership=Membership.objects.get(user=people[0], group=cast.group),
                         given=False)
    assert research_export(organisation, [cast.group]).questionnaire_rows == []
    assert not ResearchConsent.objects.filter(user=people[0]).exists()


def test_the_coordinator_downloads_the_export_and_outsiders_cannot(cast):
    organisation = Organisation.objects.create(name="Programme")
    OrganisationGroup.objects.create(organisation=organisation, group=cast.group)
    cora = make_user("cora@example.org", "Cora")
    organisation.coordinators.add(cora)
    url = reverse("organisation_research_export", args=[organisation.pk])
    response = client_for(cora).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    for user in (cast.leader, cast.outsider, cast.member):
        assert client_for(user).get(url).status_code == 404
    page = client_for(cora).get(reverse("organisation_questionnaires", args=[organisation.pk]))
    assert page.status_code == 200


def test_research_consent_is_hers_to_give_and_take_back(cast):
    url = reverse("research_consent", args=[cast.group.pk])
    ben = client_for(cast.members[1])
    assert ben.post(url, {"given": "yes"}).status_code == 302
    assert ResearchConsent.objects.filter(user=cast.members[1]).exists()
    assert "you agreed" in ben.get(reverse("my_questionnaires")).content.decode()
    assert ben.post(url, {"given": "no"}).status_code == 302
    assert not ResearchConsent.objects.exists()
    assert client_for(cast.outsider).post(url, {"given": "yes"}).status_code == 404
    assert not ResearchConsent.objects.exists()


def test_review_sums_go_to_research_only_when_everyone_shown_agreed(cast):
    from balintroom.reflection.models import ResearchConsent as Consent
    from tests.reflection.test_development import meeting_with_review

    everyone = [*cast.members, cast.leader, cast.coleader]
    for user in everyone:
        Consent.objects.create(user=user, group=cast.group)
    meeting_with_review(cast, days_ago=2, answers=[(u, 2, 4) for u in everyone])
    organisation = Organisation.objects.create(name="Programme")
    (row,) = research_export(organisation, [cast.group]).review_rows
    assert row["answers"] == 6 and row["urge_mean"] == 2 and row["feeling_sad"] == 6
    # One more case in that month, from someone who did not agree: the month leaves.
    Consent.objects.filter(user=cast.coleader).delete()
    meeting_with_review(cast, days_ago=2, answers=[(u, 5, 1) for u in everyone])
    assert research_export(organisation, [cast.group]).review_rows == []
