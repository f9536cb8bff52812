"""One definition of who is in the room (live.selectors.room_circle): the page, the
socket's handshake, every state sent and every action ask it, and when it changes (a
changed agreement, a removal, a new role) the sockets concerned learn it at once."""

from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.test import Client

from balintroom.groups.models import Membership
from balintroom.groups.services import (
    group_update,
    membership_agree,
    membership_change_role,
    membership_end,
)
from balintroom.live.roomstate import CLOSE_AGREEMENT, CLOSE_FORBIDDEN, CLOSE_SIGNED_OUT
from balintroom.method.round import Action
from tests.live.test_consumer import headers_for, join, refused_handshake, room_path
from tests.live.test_services import act

pytestmark = pytest.mark.django_db(transaction=True)


def membership(cast: Any, user: Any) -> Membership:
    return Membership.objects.get(group=cast.group, user=user)


async def closed_with(socket: Any) -> int:
    """The close code the socket is sent next, skipping any states before it."""
    for _ in range(10):
        output = await socket.communicator.receive_output(timeout=2)
        if output["type"] == "websocket.close":
            return int(output["code"])
    raise AssertionError("the socket was not closed")


def change_agreement(cast: Any) -> None:
    group_update(group=cast.group, by=cast.leader,
                 confidentiality_text="What is said here stays here. Nothing is recorded.")


async def test_a_changed_agreement_sends_those_who_must_accept_it_away_at_once(cast, running):
    ben = await join(cast, cast.members[1])
    carl = await join(cast, cast.coleader)
    await ben.settle()
    await database_sync_to_async(change_agreement)(cast)
    # At once, with no other change in the room: the page says why and links the text.
    assert await closed_with(ben) == CLOSE_AGREEMENT
    assert await closed_with(carl) == CLOSE_AGREEMENT
    # Until he accepts it, the room is closed to him everywhere.
    client = Client()
    await database_sync_to_async(client.force_login)(cast.members[1])
    response = await database_sync_to_async(client.get)(f"/m/{cast.meeting.pk}/room/")
    assert response.status_code == 302 and "/agreement/" in response["Location"]
    await refused_handshake(room_path(cast), await headers_for(cast.members[1]))
    with pytest.raises(Exception, match="not a participant"):
        await database_sync_to_async(act)(cast, cast.members[1], Action.RAISE_HAND)
    # He accepts: he may come in again, and the others see him in the list again.
    lena = await join(cast, cast.leader)
    await database_sync_to_async(membership_agree)(
        membership=await database_sync_to_async(membership)(cast, cast.members[1]))
    state = await lena.state_where(
        lambda s: cast.members[1].pk in [p["id"] for p in s["participants"]])
    assert state["type"] == "state"
    ben = await join(cast, cast.members[1])
    await ben.close()
    await lena.close()


async def test_a_member_removed_is_sent_away_at_once(cast, running):
    ben = await join(cast, cast.members[1])
    await ben.settle()
    await database_sync_to_async(membership_end)(
        membership=await database_sync_to_async(membership)(cast, cast.members[1]),
        by=cast.leader)
    assert await closed_with(ben) == CLOSE_FORBIDDEN


async def test_a_new_role_gives_a_new_view_at_once(cast, running):
    carl = await join(cast, cast.coleader)
    ben = await join(cast, cast.members[1])
    await carl.settle()
    await ben.send({"action": "may_know_patient"})
    signalled = await carl.state_where(lambda s: bool(s["lindauer"]))
    assert [s["user"] for s in signalled["lindauer"]] == [cast.members[1].pk]
    await database_sync_to_async(membership_change_role)(
        membership=await database_sync_to_async(membership)(cast, cast.coleader),
        role="member", by=cast.leader)
    # The co-leader is a member now: she no longer sees who may know the patient.
    state = await carl.state_where(
        lambda s: [p["role"] for p in s["participants"] if p["id"] == cast.coleader.pk]
        == ["member"])
    assert state["lindauer"] == []
    await carl.send({"action": "leader_message", "text": "still there?"})
    assert (await carl.receive())["message"] == "Only the leader or co-leader can do that."
    await ben.close()
    await carl.close()


async def test_signing_out_closes_the_room_on_that_device_only(cast, running):
    """She signs out on the ward's computer; the room closes there at once, and her phone
    (another sign-in) stays in it."""
    from tests.live.test_consumer import HOST, ORIGIN, open_socket

    def signed_in() -> Client:
        client = Client()
        client.force_login(cast.members[1])
        return client

    ward, phone = await database_sync_to_async(signed_in)(), await database_sync_to_async(
        signed_in)()

    def headers(client: Client) -> list[tuple[bytes, bytes]]:
        cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
        return [(b"cookie", cookie), (b"origin", ORIGIN), (b"host", HOST)]

    on_ward = await open_socket(room_path(cast), headers(ward))
    on_phone = await open_socket(room_path(cast), headers(phone))
    await on_phone.settle()
    await database_sync_to_async(ward.post)("/accounts/logout/")
    assert await closed_with(on_ward) == CLOSE_SIGNED_OUT
    await on_phone.send({"action": "ping", "id": 1})
    for _ in range(10):  # states of her ward socket leaving may come first
        message = await on_phone.receive()
        if message["type"] == "pong":
            break
    assert message == {**message, "type": "pong", "id": 1}
    await on_phone.close()
    # Nor can the signed-out cookie open the room again.
    assert await refused_handshake(room_path(cast), headers(ward)) == CLOSE_FORBIDDEN
