"""A meeting has an end: the leader ends it, everyone (the display, late arrivals too) is
sent the ended room, and nothing changes it afterwards."""

import pytest

from balintroom.live.models import Room, Round
from tests.live.test_consumer import display_socket, join, open_socket, room_row

pytestmark = pytest.mark.django_db(transaction=True)


async def test_the_leader_ends_the_meeting_for_everyone(cast, running, room):
    lena = await join(cast, cast.leader)
    ben = await join(cast, cast.members[1])
    display = await open_socket(*display_socket(cast, room.display_token))
    await lena.settle()
    await lena.send({"action": "end_meeting", "expected_version": lena.state["version"]})
    for socket in (lena, ben, display):
        state = await socket.state_where(lambda s: s["ended"])
        assert state["round"] is None and state["hands"] == []
    # The round under way is over, for the record.
    rnd = await Round.objects.aget(room__meeting=cast.meeting)
    assert rnd.status == "ended" and rnd.ended_at is not None
    assert (await room_row(cast)).ended_at is not None
    # Someone who comes late sees that it has ended.
    david = await join(cast, cast.members[3])
    assert david.state["ended"] is True
    # Nothing changes it any more.
    await ben.settle()
    await ben.send({"action": "raise_hand"})
    error = await ben.receive()
    assert (error["type"], error["message"]) == ("error", "The meeting has ended.")
    version = (await room_row(cast)).version
    await lena.settle()
    await lena.send({"action": "ask_for_cases", "expected_version": version})
    assert (await lena.receive())["message"] == "The meeting has ended."
    assert (await Room.objects.aget(meeting=cast.meeting)).version == version
    for socket in (lena, ben, display, david):
        await socket.close()


async def test_a_member_cannot_end_the_meeting(cast, running, room):
    ben = await join(cast, cast.members[1])
    await ben.send({"action": "end_meeting", "expected_version": ben.state["version"]})
    assert (await ben.receive())["message"] == "Only the leader or co-leader can do that."
    assert (await room_row(cast)).ended_at is None
    await ben.close()
