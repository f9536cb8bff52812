"""A meeting's round brought to its Review by the room's own actions, as a leader does it."""

from typing import TYPE_CHECKING, Any

from balintroom.accounts.models import User
from balintroom.groups.models import Meeting
from balintroom.live.models import Room, Round
from balintroom.live.requests import request_parse
from balintroom.live.services import room_act

if TYPE_CHECKING:
    from balintroom.reflection.models import Instrument


def act(meeting: Meeting, who: User, action: str, **args: Any) -> int:
    version = Room.objects.get(meeting=meeting).version
    request = request_parse({"action": action, **args})
    return room_act(meeting_id=meeting.pk, by=who, action=request.action, args=request.args,
                    expected_version=version)


def round_in_review(meeting: Meeting, *, leader: User, presenter: User) -> Round:
    """The next case of the meeting, presented by `presenter`, now in its Review."""
    act(meeting, presenter, "volunteer")
    act(meeting, leader, "choose_presenter", user=presenter.pk)
    act(meeting, leader, "start")
    round_ = Round.objects.filter(room__meeting=meeting).order_by("-number").first()
    assert round_ is not None
    for _phase in range(4):
        act(meeting, leader, "advance")
    round_.refresh_from_db()
    return round_


def our_questionnaire() -> "Instrument":
    """The questionnaire we ship. A migration makes it; a test that empties the database
    (transaction=True) finds it gone, and makes it again as the migration did."""
    from balintroom.reflection.models import Instrument
    from balintroom.reflection.shipped import REVIEW_QUESTIONNAIRE

    instrument, _made = Instrument.objects.get_or_create(shipped=True, defaults={
        "name": REVIEW_QUESTIONNAIRE["name"], "definition": REVIEW_QUESTIONNAIRE,
        "permission": "Balint Room's own wording, free to use."})
    return instrument
