"""A member's meetings as an iCalendar feed (RFC 5545), for her calendar program.

A series is one event with its rule (RRULE), the dates taken out of it (EXDATE) and, for
each of its meetings that was moved, changed or cancelled, an override of that date
(RECURRENCE-ID); a meeting on its own is an event of its own. UIDs stay the same for the
life of a meeting or series, and SEQUENCE rises with every change, so that calendar
programs replace what they showed. Times carry their zone (VTIMEZONE included).
Nothing confidential is here: the group, the time, the place or the link, the room."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from email.utils import parseaddr
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur

from .models import Meeting, MeetingSeries, Recurrence
from .recurrence import local_start, rule_text

PRODID = "-//Balint Room//Meetings//EN"
# How far back a feed reaches: a calendar keeps what it once showed.
FEED_PAST = timedelta(days=366)


def _uid(kind: str, pk: int) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"{kind}-{pk}@{host}"


def _location(meeting: Meeting) -> str:
    return meeting.place if not meeting.online else meeting.video_link


def _describe(event: Event, meeting: Meeting, *, as_planned: bool = False) -> None:
    """Its summary, place and links; cancelled when it is, unless this is a series' rule,
    which stands for the meetings as planned."""
    room = settings.SITE_URL.rstrip("/") + reverse("meeting_room", args=[meeting.pk])
    summary = meeting.group.name
    lines = [_("Balint group: %(group)s") % {"group": meeting.group.name}]
    if meeting.cancelled and not as_planned:
        summary = _("Cancelled: %(group)s") % {"group": meeting.group.name}
        event.add("status", "CANCELLED")
        if meeting.cancel_reason:
            lines.append(_("Reason: %(reason)s") % {"reason": meeting.cancel_reason})
    else:
        event.add("status", "CONFIRMED")
        lines.append(_("The room: %(link)s") % {"link": room})
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    location = _location(meeting)
    if location:
        event.add("location", location)
    event.add("url", room)


def _single(meeting: Meeting, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", _uid("meeting", meeting.pk))
    event.add("dtstamp", stamp)
    event.add("sequence", meeting.sequence)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    _describe(event, meeting)
    return event


def _series_events(series: MeetingSeries, meetings: list[Meeting],
                   stamp: datetime) -> list[Event]:
    zone = ZoneInfo(series.zone)
    # What the rule's events say where they take place: the first meeting that is on.
    template = next((m for m in meetings if not m.cancelled), meetings[0])
    master = Event()
    master.add("uid", _uid("series", series.pk))
    master.add("dtstamp", stamp)
    master.add("sequence", series.sequence)
    master.add("dtstart", local_start(series.first_date, series.start_time, series.zone))
    master.add("duration", timedelta(minutes=series.duration_minutes))
    if series.recurrence == Recurrence.DATES:
        for day in series.dates[1:]:
            master.add("rdate", local_start(date.fromisoformat(day), series.start_time,
                                            series.zone))
    else:
        master.add("rrule", vRecur.from_ical(
            rule_text(series.recurrence, series.first_date, series.count)))
    for day in series.skipped:
        master.add("exdate", local_start(datetime.fromisoformat(day).date(),
                                         series.start_time, series.zone))
    _describe(master, template, as_planned=True)
    events = [master]
    for meeting in meetings:
        assert meeting.occurrence is not None
        planned = local_start(meeting.occurrence, series.start_time, series.zone)
        if (meeting.sequence == 0 and meeting.starts_at == planned
                and meeting.duration_minutes == series.duration_minutes
                and _location(meeting) == _location(template)):
            continue  # as the rule says
        override = _single(meeting, stamp)
        override["uid"] = master["uid"]
        override.add("recurrence-id", planned.astimezone(zone))
        events.append(override)
    return events


def _calendar(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


def meetings_calendar(meetings: Iterable[Meeting], *, language: str) -> bytes:
    stamp = timezone.now()
    calendar = _calendar("PUBLISH")
    by_series: dict[MeetingSeries, list[Meeting]] = defaultdict(list)
    with translation.override(language):
        calendar.add("x-wr-calname", _("Balint groups"))
        for meeting in meetings:
            if meeting.series is not None and meeting.occurrence is not None:
                by_series[meeting.series].append(meeting)
            else:
                calendar.add_component(_single(meeting, stamp))
        for series, its_meetings in by_series.items():
            ordered = sorted(its_meetings, key=lambda m: m.starts_at)
            for event in _series_events(series, ordered, stamp):
                calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def feed_meetings(user_id: int) -> list[Meeting]:
    """Her groups' meetings for her feed: a series whole (its rule covers all of it)."""
    since = timezone.now() - FEED_PAST
    return list(
        Meeting.objects.filter(group__memberships__user_id=user_id)
        .filter(Q(starts_at__gte=since) | Q(series__isnull=False))
        .select_related("group", "series")
        .order_by("starts_at", "pk")
    )


def notice_calendar(*, meeting: Meeting | None, series: MeetingSeries | None,
                    whole_series: bool, starts_at: datetime, attendee: str,
                    language: str) -> bytes:
    """The .ics an e-mail carries (RFC 5546): METHOD:REQUEST for meetings scheduled or
    changed, METHOD:CANCEL for one cancelled or taken out of its series; with the same
    UID, RECURRENCE-ID and SEQUENCE as the feed, so that a calendar program updates the
    event it already has."""
    stamp = timezone.now()
    organizer = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    with translation.override(language):
        if whole_series and series is not None:
            # A new series: its rule, as the feed has it.
            calendar = _calendar("REQUEST")
            its = list(series.meetings.select_related("group").order_by("starts_at"))
            events = _series_events(series, its, stamp) if its else []
        elif meeting is None and series is not None:
            # A date taken out of its series: that date of the series' event, cancelled.
            calendar = _calendar("CANCEL")
            event = Event()
            event.add("uid", _uid("series", series.pk))
            event.add("dtstamp", stamp)
            event.add("sequence", series.sequence)
            planned = starts_at.astimezone(ZoneInfo(series.zone))
            event.add("recurrence-id", planned)
            event.add("dtstart", planned)
            event.add("duration", timedelta(minutes=series.duration_minutes))
            event.add("status", "CANCELLED")
            event.add("summary", _("Cancelled: %(group)s") % {"group": series.group.name})
            events = [event]
        elif meeting is not None:
            calendar = _calendar("CANCEL" if meeting.cancelled else "REQUEST")
            event = _single(meeting, stamp)
            if meeting.series is not None and meeting.occurrence is not None:
                event["uid"] = _uid("series", meeting.series.pk)
                event.add("recurrence-id", local_start(
                    meeting.occurrence, meeting.series.start_time, meeting.series.zone))
            events = [event]
        else:
            raise ValueError("a notice is about a meeting or a series")
        for event in events:
            event.add("organizer", f"mailto:{organizer}")
            event.add("attendee", f"mailto:{attendee}",
                      parameters={"ROLE": "REQ-PARTICIPANT", "RSVP": "FALSE"})
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
