"""Server processes and their sockets: a heartbeat for all of a process's sockets at once,
a batch of sockets as one change of a room, a clean stop and a crash."""

import subprocess
import sys
from datetime import timedelta
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from balintroom.live import connections, processes
from balintroom.live.models import Connection, Room, ServerProcess
from balintroom.live.snapshot import room_snapshot

pytestmark = pytest.mark.django_db


def version(room: Room) -> int:
    return int(Room.objects.get(pk=room.pk).version)


def presence(room: Room) -> dict[int, str]:
    state = room_snapshot(Room.objects.select_related("meeting").get(pk=room.pk))
    return {p["id"]: p["presence"] for p in state["participants"]}


def opened(room: Room, user: Any, name: str) -> connections.SocketOpened:
    return connections.SocketOpened(room_id=room.pk, user_id=user.pk, name=name)


def a_dead_process(key: str, *, host: str = "elsewhere", pid: int = 1,
                   seen_ago: float = 0) -> ServerProcess:
    return ServerProcess.objects.create(
        key=key, host=host, pid=pid, last_seen=timezone.now() - timedelta(seconds=seen_ago))


def sockets_of(process: ServerProcess, room: Room, users: list[Any]) -> None:
    connections.connections_apply([opened(room, u, f"{process.key}.{k}")
                                   for k, u in enumerate(users)])
    Connection.objects.filter(channel_name__startswith=f"{process.key}.").update(
        process=process.key, last_seen=process.last_seen,
        opened_at=process.last_seen - timedelta(minutes=10))


def test_a_rooms_sockets_opening_together_are_one_change(cast, room):
    before = version(room)
    people = [cast.leader, cast.coleader, *cast.members]
    connections.connections_apply([opened(room, u, f"s.{k}") for k, u in enumerate(people)])
    assert version(room) == before + 1
    assert set(presence(room).values()) == {"online"}
    assert set(Connection.objects.values_list("process", flat=True)) == {
        connections.this_process().key}


def test_a_socket_that_opens_and_closes_in_one_batch_leaves_a_closed_row(cast, room):
    connections.connections_apply([opened(room, cast.member, "s.1"),
                                   connections.SocketClosed(name="s.1")])
    assert Connection.objects.get(channel_name="s.1").closed_at is not None
    assert presence(room)[cast.member.pk] == "reconnecting"


def test_the_heartbeat_keeps_this_processes_open_sockets_fresh_and_changes_no_room(cast, room):
    connections.connections_apply([opened(room, cast.member, "s.1"),
                                   opened(room, cast.leader, "s.2")])
    connections.connections_apply([connections.SocketClosed(name="s.2")])
    long_ago = timezone.now() - timedelta(minutes=5)
    Connection.objects.update(last_seen=long_ago)
    before = version(room)

    processes.process_beat()

    assert Connection.objects.get(channel_name="s.1").last_seen > long_ago + timedelta(minutes=4)
    assert Connection.objects.get(channel_name="s.2").last_seen == long_ago
    assert version(room) == before  # a heartbeat is not a change anyone sees
    assert ServerProcess.objects.filter(key=connections.this_process().key).exists()


@override_settings(PRESENCE_STALE_SECONDS=75, PRESENCE_GRACE_SECONDS=30)
def test_a_process_whose_heartbeat_stopped_has_all_its_sockets_closed_at_once(cast, room):
    dead = a_dead_process("dead", seen_ago=90)
    sockets_of(dead, room, [cast.member, *cast.members[1:3]])
    alive = a_dead_process("alive", seen_ago=5)
    sockets_of(alive, room, [cast.leader])
    before = version(room)

    assert processes.processes_reap() == 3

    rows = Connection.objects.filter(process="dead")
    assert {row.closed_at for row in rows} == {dead.last_seen}
    assert not ServerProcess.objects.filter(key="dead").exists()
    assert Connection.objects.get(process="alive").closed_at is None
    assert version(room) == before + 1  # the room is told, once
    seen = presence(room)
    assert seen[cast.leader.pk] == "online"
    # Closed 90 s ago with 30 s of grace: gone.
    assert seen[cast.member.pk] == "away"


def test_a_process_gone_from_this_host_is_found_dead_without_waiting(cast, room):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    gone = a_dead_process("gone", host=connections.this_process().host,
                          pid=int(finished.stdout), seen_ago=2)
    sockets_of(gone, room, [cast.member])
    # A process of another host seen as recently is not judged by its pid.
    other = a_dead_process("other", host="another-host", pid=int(finished.stdout), seen_ago=2)
    sockets_of(other, room, [cast.leader])

    processes.process_beat()

    assert Connection.objects.get(process="gone").closed_at is not None
    assert Connection.objects.get(process="other").closed_at is None
    assert presence(room)[cast.member.pk] == "reconnecting"


def test_a_clean_stop_closes_this_processes_sockets_and_tells_the_room(cast, room):
    connections.connections_apply([opened(room, cast.member, "s.1"),
                                   opened(room, cast.leader, "s.2")])
    processes.process_beat()
    before = version(room)

    assert processes.process_stop() == 2

    assert not Connection.objects.filter(closed_at__isnull=True).exists()
    assert version(room) == before + 1
    assert set(presence(room).values()) <= {"reconnecting", "away"}
    assert not ServerProcess.objects.filter(key=connections.this_process().key).exists()


def test_a_socket_opened_after_the_last_heartbeat_is_not_closed_before_it_opened(cast, room):
    dead = a_dead_process("dead", seen_ago=300)
    sockets_of(dead, room, [cast.member])
    just_now = timezone.now()
    Connection.objects.filter(process="dead").update(opened_at=just_now)
    processes.processes_reap()
    assert Connection.objects.get(process="dead").closed_at == just_now
