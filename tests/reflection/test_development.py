"""The group over a year, for its leaders, and a member's own answers, for her alone."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from balintroom.groups.models import Membership
from balintroom.groups.services import meeting_schedule
from balintroom.records.services import attendance_confirm
from balintroom.reflection.development import group_development, own_history
from balintroom.reflection.selectors import ReviewPlace
from balintroom.reflection.services import Answer, review_answer
from tests.support.review import round_in_review

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def meeting_with_review(cast: Any, *, days_ago: int, answers: list[tuple[Any, int, int]],
                        presenter: Any | None = None) -> Any:
    """A past meeting whose one case was reviewed: (who, urge, helped) for each answer."""
    meeting = meeting_schedule(group=cast.group, starts_at=timezone.now() - timedelta(
        days=days_ago), duration_minutes=90, setting="online", format_key="classic")
    round_ = round_in_review(meeting, leader=cast.leader, presenter=presenter or cast.member)
    for who, urge, helped in answers:
        membership = Membership.objects.get(group=cast.group, user=who)
        review_answer(place=ReviewPlace(room=meeting.room, meeting=meeting,
                                        membership=membership, round=round_),
                      by=who, answer=Answer(urge=urge, helped=helped, feelings=("sad",)),
                      now=meeting.ends_at)
    return meeting


@pytest.fixture
def year(cast: Any) -> Any:
    anna, ben, clara, david = cast.members
    cast.first = meeting_with_review(cast, days_ago=200, presenter=anna, answers=[
        (ben, 5, 2), (clara, 4, 3), (david, 3, 1)])
    # Only two answered: nothing of it may count anywhere.
    cast.quiet = meeting_with_review(cast, days_ago=100, presenter=ben, answers=[
        (anna, 1, 5), (clara, 1, 5)])
    cast.last = meeting_with_review(cast, days_ago=10, presenter=ben, answers=[
        (anna, 2, 4), (clara, 1, 5), (david, 2, 4), (cast.leader, 3, 3), (ben, 5, 1)])
    attendance_confirm(meeting=cast.first, by=cast.leader, roll_call={
        u.pk: "present" for u in (cast.leader, anna, ben, clara)} | {david.pk: "absent"})
    return cast


def test_it_counts_only_what_the_summaries_show(year):
    development = group_development(year.group)
    points = {p.meeting.pk: p for p in development.meetings}
    assert (points[year.first.pk].urge, points[year.first.pk].helped) == (4.0, 2.0)
    # Two answers: no summary, so no point - and no trace of their 1s and 5s.
    assert points[year.quiet.pk].urge is None and points[year.quiet.pk].answers == 0
    # Five answers: the first block of three shows, the other two wait.
    assert points[year.last.pk].answers == 3
    assert points[year.last.pk].urge == round((2 + 1 + 2) / 3, 1)
    assert points[year.first.pk].present == 4 and points[year.last.pk].present is None
    assert [(line.user.name, line.cases) for line in development.cases] == [
        ("Ben", 2), ("Anna", 1), ("Clara", 0), ("David", 0)]
    assert development.presenters == 2 and development.largest_share == 67


def test_the_leader_sees_plots_with_a_table_beside_each(year):
    page = client_for(year.coleader).get(reverse("group_development", args=[year.group.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="plot') == 5
    assert html.count("<table") == 4
    assert "2 of 4 members brought cases, 3 cases in all." in html
    assert "brought 67% of them" in html


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_members_and_outsiders_do_not_see_the_group_over_the_year(year, who):
    user = year.members[1] if who == "member" else year.outsider
    response = client_for(user).get(reverse("group_development", args=[year.group.pk]))
    assert response.status_code == 404


def test_a_group_without_meetings_says_so(cast):
    cast.meeting.delete()
    html = client_for(cast.leader).get(
        reverse("group_development", args=[cast.group.pk])).content.decode()
    assert "No meeting in the last twelve months yet." in html


def test_she_sees_her_own_answers_over_time_and_nobody_elses(year):
    clara = year.members[2]
    lines = own_history(clara)
    assert [(line.answer["urge"], line.answer["helped"]) for line in lines] == [
        (4, 3), (1, 5), (1, 5)]
    html = client_for(clara).get(reverse("my_reviews")).content.decode()
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="plot') == 2
    assert html.count("Urge to solve") >= 3
    ben_html = client_for(year.members[1]).get(reverse("my_reviews")).content.decode()
    assert "You presented" in ben_html
    olga = client_for(year.outsider).get(reverse("my_reviews")).content.decode()
    assert "You have not answered a review yet." in olga
