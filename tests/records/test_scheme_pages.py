"""A group's schemes: the leader chooses them and is warned about the schedule; each member
sees her progress with the source of every rule."""

from django.urls import reverse

from balintroom.records import services
from balintroom.records.models import GroupScheme
from tests.conftest import Cast
from tests.groups.helpers import text

from .conftest import client_for, past_meeting


def test_the_leader_chooses_a_scheme_and_is_warned(cast: Cast) -> None:
    client = client_for(cast.leader)
    url = reverse("group_schemes", args=[cast.group.pk])
    assert "Psychosomatische Grundversorgung" in text(client.get(url))
    client.post(reverse("group_scheme_add", args=[cast.group.pk]), {"scheme": "de-psgv-balint"})
    assert GroupScheme.objects.filter(group=cast.group, key="de-psgv-balint").exists()
    # The cast's meeting is online, 90 minutes, and the only one: it is the first and the
    # last, so the rule "first and last in person" breaks, and 2 units are far from 30.
    past_meeting(cast.group, days_ago=-30, setting="online", minutes=120)
    html = text(client.get(reverse("records_group", args=[cast.group.pk])))
    assert "The schedule breaks a rule of" in html
    assert "at least the first and the last session in person" in html
    assert "An online session lasts at most one double hour" in html
    assert "Bundesärztekammer" in html
    response = client.post(reverse("group_scheme_add", args=[cast.group.pk]),
                           {"scheme": "dbg-leader"})
    assert "Choose one of the schemes" in text(client.get(url))
    assert response.status_code == 302
    client.post(reverse("group_scheme_remove", args=[cast.group.pk]), {"key": "de-psgv-balint"})
    assert not GroupScheme.objects.exists()


def test_a_member_sees_her_progress_with_its_sources(cast: Cast) -> None:
    services.group_scheme_add(group=cast.group, key="de-psgv-balint")
    meeting = past_meeting(cast.group, setting="in_person")
    services.attendance_confirm(meeting=meeting, by=cast.leader,
                                roll_call={cast.member.pk: "present"})
    html = text(client_for(cast.member).get(reverse("records_group", args=[cast.group.pk])))
    assert "2 of 30 units" in html
    assert "Source:" in html and "Bundesärztekammer" in html
    assert "The schedule breaks a rule" not in html  # warnings are for the leaders


def test_members_and_outsiders_cannot_choose(cast: Cast) -> None:
    for user in (cast.member, cast.outsider):
        response = client_for(user).post(reverse("group_scheme_add", args=[cast.group.pk]),
                                         {"scheme": "de-psgv-balint"})
        assert response.status_code == 404
    assert not GroupScheme.objects.exists()
