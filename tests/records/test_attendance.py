"""Attendance: from the live room, the roll call, confirmation, corrections with history,
notice of absence; and that only the group's leaders reach these pages."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from balintroom.groups.services import meeting_schedule
from balintroom.live.models import Room
from balintroom.records import services
from balintroom.records.models import (
    AbsenceNotice,
    AttendanceRecord,
    MeetingConfirmation,
    Organisation,
    OrganisationGroup,
)
from tests.conftest import Cast, make_user
from tests.groups.helpers import assert_login_redirect, text

from .conftest import client_for, past_meeting, step_out, visit


def records(meeting: object) -> dict[str, AttendanceRecord]:
    return {r.user.name: r for r in AttendanceRecord.objects.filter(
        meeting=meeting).select_related("user")}


def test_it_counts_the_room_less_stepping_out(cast: Cast) -> None:
    meeting = past_meeting(cast.group)
    anna, ben = cast.members[:2]
    visit(meeting, cast.leader, start=-5, end=95)
    visit(meeting, anna, start=0, end=40)
    visit(meeting, anna, start=30, end=60, number=1)  # a second tab
    visit(meeting, ben)
    step_out(meeting, ben, start=20, end=35)
    presence = services.room_presence(meeting)
    assert presence[cast.leader.pk].minutes == 90
    assert presence[anna.pk].minutes == 60
    assert (presence[ben.pk].minutes, presence[ben.pk].stepped_out_minutes) == (75, 15)
    assert cast.members[2].pk not in presence


def test_a_step_out_never_let_back_lasts_to_the_end(cast: Cast) -> None:
    meeting = past_meeting(cast.group)
    visit(meeting, cast.member)
    step_out(meeting, cast.member, start=60, end=None)
    assert services.room_presence(meeting)[cast.member.pk].minutes == 60


def test_a_crashed_connection_ends_at_its_last_heartbeat(cast: Cast) -> None:
    meeting = past_meeting(cast.group)
    connection = visit(meeting, cast.member)
    connection.closed_at = None
    connection.last_seen = meeting.starts_at + timedelta(minutes=50)
    connection.save()
    assert services.room_presence(meeting)[cast.member.pk].minutes == 50


def test_it_confirms_from_the_room_and_the_roll_call(cast: Cast) -> None:
    meeting = past_meeting(cast.group, setting="in_person")
    anna, ben, clara, david = cast.members
    visit(meeting, anna, start=10)  # opened the room on her phone
    AbsenceNotice.objects.create(meeting=meeting, user=david)
    services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={
        ben.pk: "present", clara.pk: "absent", anna.pk: "absent"})
    found = records(meeting)
    assert (found["Anna"].status, found["Anna"].minutes, found["Anna"].source) == (
        "present", 80, "room")
    assert (found["Ben"].status, found["Ben"].minutes, found["Ben"].setting) == (
        "present", 90, "in_person")
    assert (found["Clara"].status, found["Clara"].minutes) == ("absent", 0)
    assert found["David"].status == "excused"  # his notice, as no roll call said otherwise
    # In person, whoever is expected and not marked otherwise was there.
    assert found["Lena"].role == "leader" and found["Lena"].status == "present"
    assert MeetingConfirmation.objects.get(meeting=meeting).confirmed_by == cast.leader


def test_online_whoever_never_opened_the_room_is_absent_unless_marked(cast: Cast) -> None:
    meeting = past_meeting(cast.group, setting="online")
    visit(meeting, cast.leader)
    services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={})
    found = records(meeting)
    assert found["Lena"].status == "present" and found["Ben"].status == "absent"


def test_a_meeting_without_devices_is_confirmed_as_expected(cast: Cast) -> None:
    """Face to face, nobody opened the room: the roll call starts from those expected."""
    meeting = past_meeting(cast.group, setting="in_person")
    AbsenceNotice.objects.create(meeting=meeting, user=cast.members[3])
    lines = {line.user.name: line.default_status for line in services.meeting_roster(meeting)}
    assert lines == {"Lena": "present", "Carl": "present", "Anna": "present",
                     "Ben": "present", "Clara": "present", "David": "excused"}
    services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={})
    assert sum(r.status == "present" for r in records(meeting).values()) == 5


def test_once_the_leader_ends_the_meeting_attendance_follows_the_room(cast: Cast) -> None:
    """Ended in the room after 60 of its 90 minutes: confirmed at once, not at the
    scheduled end, and counted to the end in the room."""
    meeting = meeting_schedule(group=cast.group, setting="online", duration_minutes=90,
                               starts_at=timezone.now() - timedelta(minutes=60))
    visit(meeting, cast.leader)
    visit(meeting, cast.member, start=20)
    assert not services.meeting_over(meeting)
    with pytest.raises(ValidationError, match="once the meeting is over"):
        services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={})
    Room.objects.filter(meeting=meeting).update(ended_at=timezone.now())
    assert services.meeting_over(meeting)
    roster = {line.user.name: line for line in services.meeting_roster(meeting)}
    assert roster["Anna"].partly and roster["Anna"].presence.minutes == 40
    services.attendance_confirm(meeting=meeting, by=cast.leader,
                                roll_call={cast.coleader.pk: "present"})
    found = records(meeting)
    assert (found["Lena"].minutes, found["Anna"].minutes, found["Carl"].minutes) == (60, 40, 60)


def test_it_confirms_only_once_and_only_after_the_meeting(cast: Cast) -> None:
    with pytest.raises(ValidationError):
        services.attendance_confirm(meeting=cast.meeting, by=cast.leader, roll_call={})
    meeting = past_meeting(cast.group)
    services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={})
    with pytest.raises(ValidationError, match="already been confirmed"):
        services.attendance_confirm(meeting=meeting, by=cast.coleader, roll_call={})


def test_a_correction_keeps_its_history(cast: Cast) -> None:
    meeting = past_meeting(cast.group)
    visit(meeting, cast.member, end=30)
    services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={})
    record = records(meeting)["Anna"]
    with pytest.raises(ValidationError, match="why"):
        services.attendance_correct(record=record, by=cast.coleader, status="present",
                                    minutes=90, setting="online", reason="  ")
    with pytest.raises(ValidationError):
        services.attendance_correct(record=record, by=cast.coleader, status="present",
                                    minutes=91, setting="online", reason="typo")
    services.attendance_correct(record=record, by=cast.coleader, status="present", minutes=90,
                                setting="online", reason="Her laptop died; she was on the phone")
    services.attendance_correct(record=record, by=cast.leader, status="excused", minutes=45,
                                setting="online", reason="She left for an emergency")
    record.refresh_from_db()
    assert (record.status, record.minutes, record.room_minutes) == ("excused", 0, 30)
    history = list(record.corrections.values_list("old_minutes", "new_minutes", "by__email"))
    assert history == [(30, 90, "carl@example.org"), (90, 0, "lena@example.org")]
    with pytest.raises(ValidationError, match="Nothing"):
        services.attendance_correct(record=record, by=cast.leader, status="excused",
                                    minutes=0, setting="online", reason="again")


def test_notice_is_given_and_withdrawn_before_the_meeting(cast: Cast) -> None:
    ahead = past_meeting(cast.group, days_ago=-7)
    services.absence_notice_give(meeting=ahead, user=cast.member, note="Night shift")
    assert AbsenceNotice.objects.get(meeting=ahead, user=cast.member).note == "Night shift"
    services.absence_notice_withdraw(meeting=ahead, user=cast.member)
    assert not AbsenceNotice.objects.exists()
    with pytest.raises(ValidationError):
        services.absence_notice_give(meeting=cast.meeting, user=cast.member)


# Pages


def test_the_leader_confirms_through_the_page(cast: Cast) -> None:
    meeting = past_meeting(cast.group, setting="in_person")
    visit(meeting, cast.leader)
    client = client_for(cast.coleader)
    url = reverse("meeting_attendance", args=[meeting.pk])
    html = text(client.get(url))
    assert f'name="status-{cast.member.pk}"' in html
    assert f'name="status-{cast.leader.pk}"' not in html  # the room has her
    data = {f"status-{m.pk}": "present" for m in [cast.coleader, *cast.members]}
    data[f"status-{cast.members[3].pk}"] = "excused"
    response = client.post(reverse("attendance_confirm", args=[meeting.pk]), data)
    assert response.status_code == 302
    assert records(meeting)["David"].status == "excused"
    html = text(client.get(url))
    assert "Carl confirmed it" in html and "Correct" in html


def test_a_bad_roll_call_is_refused_with_a_message(cast: Cast) -> None:
    meeting = past_meeting(cast.group)
    response = client_for(cast.leader).post(reverse("attendance_confirm", args=[meeting.pk]),
                                            {f"status-{cast.member.pk}": "maybe"})
    assert response.status_code == 200
    assert "Choose present, absent or excused" in text(response)
    assert not MeetingConfirmation.objects.exists()


def test_the_leader_corrects_through_the_page(cast: Cast) -> None:
    meeting = past_meeting(cast.group)
    services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={})
    record = records(meeting)["Ben"]
    url = reverse("attendance_correct", args=[meeting.pk, record.pk])
    client = client_for(cast.leader)
    response = client.post(url, {"status": "present", "minutes": "60", "setting": "online",
                                 "reason": ""})
    assert response.status_code == 200 and "This field is required" in text(response)
    response = client.post(url, {"status": "present", "minutes": "60", "setting": "online",
                                 "reason": "Joined by phone, late"})
    assert response.status_code == 302
    html = text(client.get(reverse("meeting_attendance", args=[meeting.pk])))
    assert "Joined by phone, late" in html


def test_leaders_see_who_is_expected(cast: Cast) -> None:
    ahead = past_meeting(cast.group, days_ago=-3)
    services.absence_notice_give(meeting=ahead, user=cast.members[1], note="Congress")
    html = text(client_for(cast.leader).get(reverse("meeting_attendance", args=[ahead.pk])))
    assert "Who is expected" in html and "Congress" in html
    expected = html.split('id="expected"')[1].split("</ul>")[0]
    assert "Anna" in expected and "Ben" not in expected


def test_a_member_gives_notice_on_the_records_page(cast: Cast) -> None:
    ahead = past_meeting(cast.group, days_ago=-3)
    client = client_for(cast.member)
    assert "I cannot come" in text(client.get(reverse("records_group", args=[cast.group.pk])))
    client.post(reverse("absence_give", args=[ahead.pk]), {"note": "Holiday"})
    assert AbsenceNotice.objects.filter(user=cast.member, meeting=ahead).exists()
    client.post(reverse("absence_withdraw", args=[ahead.pk]))
    assert not AbsenceNotice.objects.exists()


def test_nobody_else_reaches_attendance(cast: Cast) -> None:
    meeting = past_meeting(cast.group)
    services.attendance_confirm(meeting=meeting, by=cast.leader, roll_call={})
    record = AttendanceRecord.objects.filter(meeting=meeting).first()
    assert record is not None
    coordinator = make_user("cora@example.org", "Cora")
    organisation = Organisation.objects.create(name="Programme")
    organisation.coordinators.add(coordinator)
    OrganisationGroup.objects.create(organisation=organisation, group=cast.group)
    urls = [reverse("meeting_attendance", args=[meeting.pk]),
            reverse("attendance_correct", args=[meeting.pk, record.pk]),
            reverse("group_hours", args=[cast.group.pk]),
            reverse("group_hours_csv", args=[cast.group.pk]),
            reverse("group_schemes", args=[cast.group.pk]),
            reverse("group_certificates", args=[cast.group.pk]),
            reverse("group_organisations", args=[cast.group.pk])]
    for user in (cast.outsider, cast.member, coordinator):
        client = client_for(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)
        assert client.post(reverse("attendance_confirm", args=[meeting.pk])).status_code == 404
        assert client.post(reverse("attendance_correct", args=[meeting.pk, record.pk]), {
            "status": "absent", "minutes": 0, "setting": "online",
            "reason": "x"}).status_code == 404
    for user in (cast.outsider, coordinator):
        client = client_for(user)
        assert client.get(reverse("records_group", args=[cast.group.pk])).status_code == 404
        assert client.post(reverse("absence_give", args=[meeting.pk])).status_code == 404
    url = reverse("records_group", args=[cast.group.pk])
    assert_login_redirect(client_for(None).get(url), url)


def test_the_records_page_shows_her_hours(cast: Cast) -> None:
    meeting = past_meeting(cast.group, setting="in_person")
    services.attendance_confirm(meeting=meeting, by=cast.leader,
                                roll_call={cast.member.pk: "present"})
    html = text(client_for(cast.member).get(reverse("records_group", args=[cast.group.pk])))
    assert "My hours in this group" in html
    assert "1 session attended" in html
    assert "For the leaders" not in html
