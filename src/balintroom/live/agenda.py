from balintroom.groups.models import Meeting
from balintroom.method.agenda import CLASSIC, MeetingFormat, meeting_format_by_key


def meeting_format_of(meeting: Meeting) -> MeetingFormat:
    """The meeting's format: a shipped one, or the group's own."""
    from balintroom.groups import selectors

    resolve = getattr(selectors, "meeting_format_for", None)
    if resolve is not None:
        return resolve(meeting)
    try:
        return meeting_format_by_key(meeting.format_key)
    except ValueError:
        return CLASSIC
