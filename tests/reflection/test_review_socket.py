"""The room hears that a review has another answer, over its real WebSocket: how many,
and how many the summary shows; never whose, nor what."""

from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.test import Client
from django.urls import reverse

from tests.live.test_consumer import headers_for, join, refused_handshake, room_path
from tests.support.review import round_in_review

pytestmark = pytest.mark.django_db(transaction=True)


def post_answer(user: Any, url: str, data: dict[str, Any]) -> int:
    client = Client()
    client.force_login(user)
    return client.post(url, data).status_code


async def test_the_room_is_told_of_each_answer_without_its_content(cast):
    round_ = await sync_to_async(round_in_review)(cast.meeting, leader=cast.leader,
                                                  presenter=cast.member)
    url = reverse("review", args=[cast.meeting.pk, round_.number])
    lena = await join(cast, cast.leader)
    await lena.settle()
    heard = []
    for who in cast.members[1:4]:
        assert await sync_to_async(post_answer)(
            who, url, {"urge": "2", "own_words": "a heavy stone"}) == 302
        message = await lena.receive()
        while message["type"] == "state":  # her own presence, or others'
            message = await lena.receive()
        heard.append(message)
        assert "heavy stone" not in str(message)
        assert set(message) == {"type", "round", "answered", "shown"}
    assert [(m["answered"], m["shown"]) for m in heard] == [(1, 0), (2, 0), (3, 3)]
    assert all(m["type"] == "review" and m["round"] == round_.number for m in heard)
    await lena.close()


async def test_the_outsider_hears_nothing_of_it(cast):
    round_ = await sync_to_async(round_in_review)(cast.meeting, leader=cast.leader,
                                                  presenter=cast.member)
    # She cannot open the room's socket at all, so nothing of the room reaches her.
    assert await refused_handshake(room_path(cast), await headers_for(cast.outsider))
    url = reverse("review", args=[cast.meeting.pk, round_.number])
    assert await sync_to_async(post_answer)(cast.outsider, url, {"urge": "2"}) == 404
