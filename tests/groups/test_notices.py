"""E-mails between meetings, received by a real SMTP server on loopback: new, moved and
cancelled meetings with a calendar file, reminders in each member's language and time
zone with a way to stop them - and each e-mail once, whatever runs twice or fails."""

from datetime import datetime, time, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from balintroom.groups import notices, services
from balintroom.groups.models import Meeting, MeetingSeries, Notice
from tests.conftest import Cast
from tests.groups.helpers import text
from tests.support.smtp import Mailbox, free_port, plain_text

BERLIN = ZoneInfo("Europe/Berlin")


def send() -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


def everyone(cast: Cast) -> list[str]:
    return sorted(m.user.email for m in cast.group.memberships.select_related("user"))


def calendar_of(message: EmailMessage) -> Calendar:
    (part,) = [p for p in message.iter_attachments()
               if p.get_content_type() == "text/calendar"]
    return Calendar.from_ical(part.get_payload(decode=True))


def ahead(days: int = 10) -> datetime:
    return (timezone.now() + timedelta(days=days)).replace(second=0, microsecond=0)


def make_series(cast: Cast) -> MeetingSeries:
    first = ahead(20).astimezone(BERLIN).date()
    return services.series_create(
        group=cast.group, recurrence="fortnightly", first_date=first, start_time=time(19, 0),
        zone="Europe/Berlin", count=10, duration_minutes=90, setting="online",
        video_link="https://meet.example.org/tuesday")


def test_a_new_series_reaches_every_member_once_with_a_calendar_file(
        cast: Cast, mailbox: Mailbox) -> None:
    make_series(cast)
    assert f"sent: {len(everyone(cast))};" in send()
    assert sorted(str(m["To"]) for m in mailbox.messages) == everyone(cast)
    anna = mailbox.to(cast.members[0].email)[0]
    assert "Tuesday GPs" in str(anna["Subject"])
    body = plain_text(anna)
    assert "10 meetings ahead" in body and "Every two weeks" in body
    calendar = calendar_of(anna)
    assert calendar["METHOD"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert event["RRULE"]["COUNT"] == [10]
    assert str(event["ATTENDEE"]) == f"mailto:{cast.members[0].email}"
    # The timer runs again, and again: nothing twice.
    assert "sent: 0" in send() and "sent: 0" in send()
    assert len(mailbox.messages) == len(everyone(cast))


def test_a_moved_meeting_of_a_series_updates_that_date_in_the_calendars(
        cast: Cast, mailbox: Mailbox) -> None:
    series = make_series(cast)
    send()
    mailbox.messages.clear()
    third = series.meetings.order_by("starts_at")[2]
    services.meeting_update(meeting=third, starts_at=third.starts_at + timedelta(hours=1))
    send()
    message = mailbox.to(cast.members[0].email)[0]
    assert "has changed" in str(message["Subject"])
    assert "20:00" in plain_text(message) or "8 p.m." in plain_text(message)
    (event,) = calendar_of(message).walk("VEVENT")
    assert event["UID"] == f"series-{series.pk}@balint.example.org"
    assert event["SEQUENCE"] == 1
    assert event["RECURRENCE-ID"].dt == third.starts_at - timedelta(hours=1)


def test_a_cancelled_meeting_and_a_date_taken_out_cancel_in_the_calendars(
        cast: Cast, mailbox: Mailbox) -> None:
    series = make_series(cast)
    send()
    mailbox.messages.clear()
    first, second = series.meetings.order_by("starts_at")[:2]
    services.meeting_cancel(meeting=first, reason="The leader is ill.")
    services.meeting_skip(meeting=second)
    send()
    cancelled, skipped = sorted(mailbox.to(cast.members[0].email), key=lambda m: str(
        m["Subject"]))[:2]
    for message in (cancelled, skipped):
        assert "no meeting on" in str(message["Subject"])
        calendar = calendar_of(message)
        assert calendar["METHOD"] == "CANCEL"
        assert calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    assert any("The leader is ill." in plain_text(m) for m in (cancelled, skipped))


def test_a_reminder_comes_in_her_language_and_time_zone_with_a_way_to_stop_it(
        client: Client, cast: Cast, mailbox: Mailbox) -> None:
    anna = cast.members[0]
    anna.language, anna.timezone = "de", "America/New_York"
    anna.save()
    cast.group.reminder_hours = 24
    cast.group.save()
    soon = services.meeting_schedule(group=cast.group, starts_at=ahead(0) + timedelta(hours=5),
                                     duration_minutes=90, setting="in_person",
                                     place="Praxis Weber, Raum 2")
    services.meeting_schedule(group=cast.group, starts_at=ahead(3), duration_minutes=90,
                              setting="in_person", place="Later")  # not yet due
    send()
    (reminder,) = [m for m in mailbox.to(anna.email) if "List-Unsubscribe" in m]
    body = plain_text(reminder)
    assert "Praxis Weber, Raum 2" in body
    assert "Hallo Anna" in body and "America/New_York" in body
    local = soon.starts_at.astimezone(ZoneInfo("America/New_York"))
    assert f"{local.hour}:{local.minute:02d}" in body
    unsubscribe = str(reminder["List-Unsubscribe"]).strip().strip("<>")
    assert unsubscribe in body
    assert not any("Later" in plain_text(m) and "List-Unsubscribe" in m
                   for m in mailbox.messages)
    path = unsubscribe.removeprefix("https://balint.example.org")
    # Looking at the link changes nothing; the button does.
    assert "Stop the reminders" in text(client.get(path))
    anna.refresh_from_db()
    assert anna.email_reminders
    client.post(path)
    anna.refresh_from_db()
    assert not anna.email_reminders
    assert client.get("/unsubscribe/forged/").status_code == 404


def test_no_reminder_where_the_group_sends_none_or_the_meeting_was_called_off(
        cast: Cast, mailbox: Mailbox) -> None:
    cast.group.reminder_hours = 0
    cast.group.save()
    meeting = services.meeting_schedule(group=cast.group,
                                        starts_at=ahead(0) + timedelta(hours=5),
                                        duration_minutes=90, setting="online",
                                        video_link="https://meet.example.org/x")
    send()
    assert mailbox.messages and all("List-Unsubscribe" not in m for m in mailbox.messages)
    cast.group.reminder_hours = 24
    cast.group.save()
    assert notices.reminders_due() == len(everyone(cast))
    services.meeting_cancel(meeting=meeting)  # before the reminders went
    result = send()
    assert f"overtaken by a later change: {len(everyone(cast))};" in result
    assert all("List-Unsubscribe" not in m for m in mailbox.messages)


def test_a_mail_server_away_means_later_not_never(cast: Cast, mailbox: Mailbox,
                                                   settings) -> None:
    services.meeting_schedule(group=cast.group, starts_at=ahead(), duration_minutes=90,
                              setting="online", video_link="https://meet.example.org/x")
    settings.EMAIL_PORT = free_port()  # nothing listens there
    members = len(everyone(cast))
    assert f"not sent, tried again next run: {members};" in send()
    assert Notice.objects.filter(sent_at__isnull=True,
                                 claimed_at__isnull=True).count() == members
    settings.EMAIL_PORT = mailbox.port
    assert f"sent: {members};" in send()
    assert len(mailbox.messages) == members


def test_a_run_cut_off_while_sending_does_not_send_again(cast: Cast,
                                                          mailbox: Mailbox) -> None:
    services.meeting_schedule(group=cast.group, starts_at=ahead(), duration_minutes=90,
                              setting="online", video_link="https://meet.example.org/x")
    # The first run claimed one and died before the mail server answered.
    claimed = Notice.objects.order_by("pk").first()
    assert claimed is not None
    Notice.objects.filter(pk=claimed.pk).update(
        claimed_at=timezone.now() - timedelta(hours=1), attempts=1)
    result = send()
    assert f"sent: {len(everyone(cast)) - 1};" in result
    assert "not known to be sent: 1" in result
    assert claimed.user.email not in [str(m["To"]) for m in mailbox.messages]


def test_nothing_said_in_the_group_is_in_an_email(cast: Cast, mailbox: Mailbox) -> None:
    from balintroom.live.models import Room, Round

    meeting = services.meeting_schedule(group=cast.group, starts_at=ahead(),
                                        duration_minutes=90, setting="online",
                                        video_link="https://meet.example.org/x")
    room = Room.objects.get(meeting=meeting)
    Round.objects.create(room=room, number=1, label="Mrs Example and the night shift")
    services.meeting_update(meeting=meeting, starts_at=meeting.starts_at + timedelta(hours=1))
    send()
    assert mailbox.messages
    for message in mailbox.messages:
        assert "Mrs Example" not in message.as_string()


def test_only_meetings_ahead_are_announced(cast: Cast, mailbox: Mailbox) -> None:
    Meeting.objects.all().delete()
    services.meeting_schedule(group=cast.group, starts_at=timezone.now() - timedelta(days=1),
                              duration_minutes=90, setting="online",
                              video_link="https://meet.example.org/x")
    send()
    assert mailbox.messages == []


def test_the_leaders_hear_of_a_notice_of_absence_but_not_its_note(
        cast: Cast, mailbox: Mailbox) -> None:
    from balintroom.records import services as records

    meeting = services.meeting_schedule(group=cast.group, starts_at=ahead(), duration_minutes=90,
                                        setting="online", video_link="https://meet.example.org/x")
    send()
    mailbox.messages.clear()
    anna = cast.members[0]
    records.absence_notice_give(meeting=meeting, user=anna, note="my daughter is ill")
    records.absence_notice_give(meeting=meeting, user=anna, note="still ill")  # changed note
    send()
    assert sorted(str(m["To"]) for m in mailbox.messages) == sorted(
        [cast.leader.email, cast.coleader.email])
    for message in mailbox.messages:
        assert "Anna" in str(message["Subject"]) and "ill" not in message.as_string()
        assert not list(message.iter_attachments())


def test_those_present_hear_that_their_attendance_is_on_record(cast: Cast,
                                                               mailbox: Mailbox) -> None:
    from balintroom.records import services as records

    past = services.meeting_schedule(group=cast.group,
                                     starts_at=timezone.now() - timedelta(days=2),
                                     duration_minutes=90, setting="in_person", place="Room 2")
    anna, ben = cast.members[0], cast.members[1]
    roll_call = {m.user_id: "absent" for m in cast.group.memberships.all()}
    roll_call[anna.pk] = roll_call[ben.pk] = "present"
    records.attendance_confirm(meeting=past, by=cast.leader, roll_call=roll_call)
    send()
    assert sorted(str(m["To"]) for m in mailbox.messages) == sorted([anna.email, ben.email])
    assert "on record" in str(mailbox.messages[0]["Subject"])
    records_page = "https://balint.example.org" + reverse("records_group", args=[cast.group.pk])
    assert records_page in plain_text(mailbox.messages[0])


def test_a_notice_of_absence_taken_back_before_the_mail_went_is_not_sent(
        cast: Cast, mailbox: Mailbox) -> None:
    from balintroom.records import services as records

    meeting = services.meeting_schedule(group=cast.group, starts_at=ahead(), duration_minutes=90,
                                        setting="online", video_link="https://meet.example.org/x")
    send()
    mailbox.messages.clear()
    records.absence_notice_give(meeting=meeting, user=cast.members[0])
    records.absence_notice_withdraw(meeting=meeting, user=cast.members[0])
    send()
    assert mailbox.messages == []
