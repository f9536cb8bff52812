"""The review, answered privately: her own copy for her, the group's summary only in
blocks of at least three, the presenter's mirror for her alone, the outsider refused."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from balintroom.groups.models import Membership
from balintroom.live.display import display_cookie_name
from balintroom.reflection.models import Mirror, OwnReview, ReviewAnswer, ReviewTally
from balintroom.reflection.selectors import own_review, review_summary
from tests.conftest import make_user
from tests.support.review import act, round_in_review

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def in_review(cast: Any) -> Any:
    cast.round = round_in_review(cast.meeting, leader=cast.leader, presenter=cast.member)
    cast.url = reverse("review", args=[cast.meeting.pk, cast.round.number])
    return cast


def everyone(cast: Any) -> list[Any]:
    return [*cast.members, cast.leader, cast.coleader]


def answer(cast: Any, who: Any, **data: Any) -> Any:
    return client_for(who).post(cast.url, {"urge": "3", "helped": "4", **data})


def test_it_takes_her_answer_and_keeps_a_copy_only_she_reads(in_review):
    ben = in_review.members[1]
    response = answer(in_review, ben, urge="4", feelings=["helpless", "angry"],
                      own_words="a heavy stone", similar="partly", improve="more silence")
    assert response.status_code == 302
    assert own_review(ben, in_review.round) == {
        "urge": 4, "helped": 4, "similar": "partly", "feelings": ["helpless", "angry"],
        "own_words": "a heavy stone", "improve": "more silence"}
    # The nameless copy has no person, no time and a random key.
    fields = {f.name for f in ReviewAnswer._meta.get_fields()}
    assert not fields & {"user", "by", "created_at", "at"}
    (row,) = ReviewAnswer.objects.all()
    assert row.feelings == ["helpless", "angry"] and not row.shown
    # Her words are encrypted in the database.
    with connection.cursor() as cursor:
        cursor.execute("select own_words, improve from reflection_reviewanswer")
        stored = cursor.fetchone()
        cursor.execute("select answer from reflection_ownreview")
        (own,) = cursor.fetchone()
    assert "heavy stone" not in "".join(stored) + own


def test_her_page_says_she_has_answered_and_shows_no_answer_before_three(in_review):
    ben, clara = in_review.members[1], in_review.members[2]
    answer(in_review, ben, own_words="a heavy stone")
    page = client_for(ben).get(in_review.url).content.decode()
    assert "You have answered" in page
    other = client_for(clara).get(in_review.url).content.decode()
    assert "1 has answered" in other
    assert "heavy stone" not in other and "Send my answer" in other


def test_the_summary_grows_a_block_of_three_at_a_time(in_review):
    people = everyone(in_review)
    seen = []
    for n, who in enumerate(people, start=1):
        assert answer(in_review, who, urge=str(n % 5 + 1)).status_code == 302
        summary = review_summary(in_review.round)
        seen.append((summary.answered, summary.shown))
    assert seen == [(1, 0), (2, 0), (3, 3), (4, 3), (5, 3), (6, 6)]
    assert review_summary(in_review.round).urge_mean == round(
        sum(n % 5 + 1 for n in range(1, 7)) / 6, 1)


def test_no_two_summaries_differ_by_one_answer(in_review):
    """Whoever watches the summary after every answer learns no single answer by
    subtracting one from the next: each change adds at least three."""
    extra = [make_user(f"m{n}@example.org", f"M{n}") for n in range(4)]
    for user in extra:
        Membership.objects.create(group=in_review.group, user=user, role="member",
                                  agreed_at=timezone.now())
    shown_counts = []
    for n, who in enumerate([*everyone(in_review), *extra]):
        answer(in_review, who, urge=str(n % 5 + 1), feelings=["sad"] if n % 2 else [])
        summary = review_summary(in_review.round)
        page = client_for(in_review.leader).get(in_review.url).content.decode()
        shown_counts.append(summary.shown)
        assert (summary.shown == 0) == ("without names." not in page)
    changes = [b - a for a, b in zip(shown_counts, shown_counts[1:], strict=False) if b != a]
    assert changes and min(changes) >= 3 and shown_counts[0] == 0
    assert ReviewAnswer.objects.filter(shown=False).count() == 10 - shown_counts[-1]


def test_the_summary_shows_sums_and_words_in_no_order_of_answering(in_review):
    anna, ben, clara = in_review.members[:3]
    answer(in_review, clara, urge="5", feelings=["sad"], own_words="zebra crossing")
    answer(in_review, anna, urge="1", feelings=["sad", "angry"], own_words="a locked door")
    answer(in_review, ben, urge="3", similar="yes", improve="Begin on time")
    page = client_for(in_review.leader).get(in_review.url).content.decode()
    assert "From 3 answers, without names." in page
    assert page.index("a locked door") < page.index("zebra crossing")
    assert "<strong>3.0</strong>" in page  # the mean urge
    assert "Begin on time" in page


def test_a_second_answer_is_refused_and_changes_nothing(in_review):
    ben = in_review.members[1]
    answer(in_review, ben, urge="2")
    response = answer(in_review, ben, urge="5")
    assert response.status_code == 400
    assert "already answered" in response.content.decode()
    assert ReviewAnswer.objects.count() == OwnReview.objects.count() == 1
    assert ReviewTally.objects.get().answered == 1


@pytest.mark.parametrize("data, message", [
    ({}, "Answer at least one question"),
    ({"urge": "7"}, "Select a valid choice"),
    ({"feelings": ["smug"]}, "Select a valid choice"),
    ({"own_words": "Frau Quist, 54, from Kiel"}, "This may identify someone"),
    ({"improve": "x" * 301}, "at most 300 characters"),
])
def test_bad_answers_get_a_message_and_change_nothing(in_review, data, message):
    response = client_for(in_review.members[1]).post(in_review.url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReviewAnswer.objects.exists() and not OwnReview.objects.exists()


def test_it_takes_no_answer_before_the_review(cast):
    act(cast.meeting, cast.member, "volunteer")
    act(cast.meeting, cast.leader, "choose_presenter", user=cast.member.pk)
    act(cast.meeting, cast.leader, "start")
    url = reverse("review", args=[cast.meeting.pk, 1])
    response = client_for(cast.members[1]).post(url, {"urge": "3"})
    assert response.status_code == 400
    assert "closed" in response.content.decode()
    assert "has not begun" in client_for(cast.members[1]).get(url).content.decode()
    assert not ReviewAnswer.objects.exists()


def test_it_takes_answers_after_the_round_until_the_meeting_ends(in_review):
    act(in_review.meeting, in_review.leader, "end")
    assert answer(in_review, in_review.members[1]).status_code == 302
    act(in_review.meeting, in_review.leader, "end_meeting")
    response = answer(in_review, in_review.members[2])
    assert response.status_code == 400 and "closed" in response.content.decode()
    assert ReviewAnswer.objects.count() == 1


def test_the_outsider_can_neither_read_nor_answer(in_review):
    olga = client_for(in_review.outsider)
    for who in in_review.members[:3]:
        answer(in_review, who, own_words="a heavy stone")
    assert olga.get(in_review.url).status_code == 404
    assert olga.post(in_review.url, {"urge": "3"}).status_code == 404
    mirror = reverse("review_mirror", args=[in_review.meeting.pk, in_review.round.number])
    assert olga.post(mirror, {"recognised": ["sad"]}).status_code == 404
    assert ReviewAnswer.objects.count() == 3
    assert Client().get(in_review.url).status_code == 302  # to sign in


def test_the_display_shows_the_summary_with_its_key_only(in_review):
    for who in in_review.members[:3]:
        answer(in_review, who, feelings=["sad"], improve="shorter rounds")
    url = reverse("review_on_display", args=[in_review.meeting.pk, in_review.round.number])
    assert Client().get(url).status_code == 404
    display = Client()
    display.post(reverse("meeting_display", args=[in_review.meeting.pk]),
                 {"key": in_review.meeting.room.display_token})
    page = display.get(url).content.decode()
    assert "From 3 answers" in page and "sad" in page
    # What could be better is for the group's pages, not a screen anyone walks past.
    assert "shorter rounds" not in page
    wrong = Client()
    wrong.cookies[display_cookie_name(in_review.meeting.pk)] = "not-the-key"
    assert wrong.get(url).status_code == 404


def test_the_presenter_keeps_what_she_recognised_for_herself(in_review):
    anna = in_review.member  # the presenter
    mirror_url = reverse("review_mirror", args=[in_review.meeting.pk, in_review.round.number])
    assert client_for(anna).post(mirror_url, {"recognised": ["sad"]}).status_code == 400
    for who, felt in zip(in_review.members[1:4], (["sad"], ["sad", "guilty"], ["angry"]),
                         strict=True):
        answer(in_review, who, feelings=felt)
    page = client_for(anna).get(in_review.url).content.decode()
    assert "For you, as the presenter" in page
    # Only the feelings the group named may be ticked.
    assert client_for(anna).post(mirror_url, {"recognised": ["bored"]}).status_code == 400
    assert client_for(anna).post(mirror_url, {"recognised": ["sad", "guilty"]}
                                 ).status_code == 302
    assert sorted(Mirror.objects.get(user=anna).recognised.strip("[]").replace('"', "")
                  .split(", ")) == ["guilty", "sad"]
    # Nobody else is asked, nor sees it.
    ben = in_review.members[1]
    assert "For you, as the presenter" not in client_for(ben).get(in_review.url).content.decode()
    assert client_for(ben).post(mirror_url, {"recognised": ["sad"]}).status_code == 400
    mine = client_for(anna).get(reverse("my_reviews")).content.decode()
    assert "What I recognised in myself" in mine


def test_the_answers_do_not_reach_the_log_or_the_admin(in_review, caplog):
    with caplog.at_level("DEBUG"):
        answer(in_review, in_review.members[1], own_words="a heavy stone",
               improve="more silence")
    assert "heavy stone" not in caplog.text and "more silence" not in caplog.text
    from django.contrib import admin
    registered = {model._meta.label for model in admin.site._registry}
    assert not registered & {"reflection.ReviewAnswer", "reflection.OwnReview",
                             "reflection.Mirror"}


def test_reads_write_nothing(in_review):
    for who in in_review.members[:3]:
        answer(in_review, who)
    lena, anna = client_for(in_review.leader), client_for(in_review.member)
    with CaptureQueriesContext(connection) as queries:
        lena.get(in_review.url)
        anna.get(reverse("my_reviews"))
        lena.get(reverse("group_development", args=[in_review.group.pk]))
    writes = [q["sql"] for q in queries.captured_queries
              if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
              and "django_session" not in q["sql"]]
    assert writes == []


def test_the_room_gets_the_review_as_a_fragment_to_put_in_its_card(in_review):
    ben = client_for(in_review.members[1])
    fragment = ben.get(in_review.url, headers={"X-Balintroom-Fragment": "1"})
    html = fragment.content.decode()
    assert fragment.status_code == 200 and "Your review" in html
    assert "<html" not in html and 'id="review-summary"' in html
    sent = ben.post(in_review.url, {"urge": "2"}, headers={"X-Balintroom-Fragment": "1"})
    assert sent.status_code == 200 and "You have answered" in sent.content.decode()
    assert "<html" not in sent.content.decode()
