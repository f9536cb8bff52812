from datetime import UTC, datetime, timedelta

from django.test import Client
from django.utils import timezone

from balintroom.groups.models import BalintGroup, Meeting, Membership
from tests.conftest import Cast, make_user
from tests.groups.helpers import assert_login_redirect, text

SIZE_WARNING = "A Balint group works best with 4 to 8 members"


def url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/"


def test_it_shows_the_group_to_a_member(client: Client, cast: Cast) -> None:
    cast.group.description = "We meet after surgery hours."
    cast.group.save()
    cast.members[1].profession = "Paediatrician"
    cast.members[1].save()
    client.force_login(cast.member)
    response = client.get(url(cast))
    assert response.status_code == 200
    page = text(response)
    assert "Tuesday GPs" in page
    assert "We meet after surgery hours." in page
    assert "Online" in page
    for name in ("Lena", "Carl", "Anna", "Ben", "Clara", "David"):
        assert name in page
    assert "Co-leader" in page
    assert "Paediatrician" in page
    assert "Olga" not in page
    assert "Leave the group" in page


def test_it_lists_leaders_first(client: Client, cast: Cast) -> None:
    client.force_login(cast.member)
    page = text(client.get(url(cast)))
    members = page[page.index('id="members-title"'):]
    assert members.index("Lena") < members.index("Carl") < members.index("Anna")


def test_it_hides_leader_tools_from_members(client: Client, cast: Cast) -> None:
    client.force_login(cast.member)
    page = text(client.get(url(cast)))
    assert "Invite someone" not in page
    assert "Schedule a series" not in page and "Schedule one meeting" not in page
    assert "/remove/" not in page
    assert 'name="role"' not in page


def test_it_shows_leader_tools_to_leaders(client: Client, cast: Cast) -> None:
    for leader in (cast.leader, cast.coleader):
        client.force_login(leader)
        page = text(client.get(url(cast)))
        assert "Invite someone" in page
        assert "Schedule a series" in page and "Schedule one meeting" in page
        assert 'name="role"' in page


def test_it_is_not_there_for_outsiders(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    assert client.get(url(cast)).status_code == 404


def test_it_is_not_there_for_a_group_that_does_not_exist(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    assert client.get("/groups/999999/").status_code == 404


def test_it_requires_login(client: Client, cast: Cast) -> None:
    assert_login_redirect(client.get(url(cast)), url(cast))


def test_it_does_not_warn_with_four_members(client: Client, cast: Cast) -> None:
    # Lena and Carl lead; the four members are what the method counts.
    client.force_login(cast.leader)
    assert SIZE_WARNING not in text(client.get(url(cast)))


def test_it_warns_below_four_members(client: Client, cast: Cast) -> None:
    Membership.objects.filter(user=cast.members[3]).delete()
    client.force_login(cast.member)
    page = text(client.get(url(cast)))
    assert f"{SIZE_WARNING}; this group has fewer." in page


def test_it_warns_above_eight_members(client: Client, cast: Cast) -> None:
    for n in range(5):
        Membership.objects.create(group=cast.group, user=make_user(f"m{n}@example.org"))
    client.force_login(cast.member)
    page = text(client.get(url(cast)))
    assert f"{SIZE_WARNING}; this group has more." in page
    assert "Invite someone" not in page  # a warning, nothing is blocked


def test_it_shows_upcoming_meetings_with_a_room_link(client: Client, cast: Cast) -> None:
    client.force_login(cast.member)
    page = text(client.get(url(cast)))
    assert f'href="/m/{cast.meeting.pk}/room/"' in page
    assert "Open the room" in page


def test_it_shows_times_in_the_viewers_time_zone(client: Client, cast: Cast) -> None:
    Meeting.objects.create(
        group=cast.group, starts_at=datetime(2030, 1, 15, 18, 0, tzinfo=UTC),
        duration_minutes=90, setting="online",
    )
    anna, ben = cast.members[0], cast.members[1]
    anna.timezone = "America/New_York"
    anna.save()
    ben.timezone = "Asia/Tokyo"
    ben.save()

    client.force_login(anna)
    page = text(client.get(url(cast)))
    assert "Jan. 15, 2030, 1 p.m.</strong> &ndash; 2:30 p.m." in page
    assert "America/New_York" in page

    client.force_login(ben)
    page = text(client.get(url(cast)))
    assert "Jan. 16, 2030, 3 a.m.</strong> &ndash; 4:30 a.m." in page

    client.force_login(cast.leader)  # Europe/Berlin, the default
    assert "Jan. 15, 2030, 7 p.m.</strong> &ndash; 8:30 p.m." in text(client.get(url(cast)))


def test_it_separates_past_meetings(client: Client, cast: Cast) -> None:
    past = Meeting.objects.create(
        group=cast.group, starts_at=timezone.now() - timedelta(days=7),
        duration_minutes=90, setting="in_person", place="Room 4, Practice Weber",
    )
    client.force_login(cast.member)
    page = text(client.get(url(cast)))
    assert "Past meetings" in page
    past_part = page[page.index("Past meetings"):]
    assert "Room 4, Practice Weber" in past_part
    assert f"/m/{past.pk}/room/" not in page  # the room of a past meeting is not offered


def test_it_does_not_show_other_groups_meetings(client: Client, cast: Cast) -> None:
    other = Meeting.objects.create(
        group=cast.other_group, starts_at=timezone.now() + timedelta(days=1),
        duration_minutes=90, setting="in_person", place="Olga's secret place",
    )
    client.force_login(cast.member)
    page = text(client.get(url(cast)))
    assert "Olga's secret place" not in page
    assert f"/m/{other.pk}/room/" not in page


def test_it_shows_a_new_group_to_nobody_else(client: Client, cast: Cast) -> None:
    group = BalintGroup.objects.create(name="Empty", setting="online")
    client.force_login(cast.leader)
    assert client.get(f"/groups/{group.pk}/").status_code == 404
