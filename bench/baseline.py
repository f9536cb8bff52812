"""The baseline: a minimal room broadcast server written directly on `websockets`.

It speaks just enough of the room protocol for the bench: a socket at
/ws/meeting/<id>/ gets the room state at once; {"action": "advance"|"back"} moves the
room's phase, raises its version and sends the new state, serialised once, to every
socket of that room. No database, no authentication, no channel layer: the floor that
any Python WebSocket server on this machine stands on.

    python bench/baseline.py --port 8765 [--compression deflate|none]
"""

import argparse
import asyncio
import contextlib
import json
import re
import signal
import time
from typing import Any

from websockets.asyncio.server import ServerConnection, serve

PATH = re.compile(r"^/ws/meeting/(\d+)/$")
PHASES = [("presentation", 5), ("clarifying_questions", 5), ("group_exploration", 25),
          ("presenter_returns", 5), ("review", 5)]


class Room:
    def __init__(self, meeting: int) -> None:
        self.meeting = meeting
        self.version = 1
        self.phase = 0
        self.sockets: set[ServerConnection] = set()

    def state(self) -> str:
        """The shape and size of the real room state (about 1.6 KB), so that both servers
        move the same bytes."""
        now = time.time()
        phases = [{"key": k, "minutes": m, "sits_back": k == "group_exploration"}
                  for k, m in PHASES]
        return json.dumps({
            "type": "state", "version": self.version, "steered_version": self.version,
            "server_time": now,
            "meeting": {"id": self.meeting, "online": True, "format": "classic",
                        "rounds_planned": 1,
                        "agenda": [{"kind": "round", "key": "classic", "minutes": 45}]},
            "part": {"index": 0, "kind": "round", "key": "classic", "needs_presenter": True,
                     "per_person_seconds": None, "phases": phases},
            "asking_for_cases": False,
            "round": {"number": 1, "part_index": 0, "kind": "round", "status": "running",
                      "phase_index": self.phase, "deadline": now + 300, "remaining": None,
                      "presenter": 3, "label": "", "follow_up": False, "speaker_order": [],
                      "speaker_index": 0},
            "rounds_done": 0, "volunteers": [], "earlier_cases": [], "banner": "",
            "name_mode": False, "hands": [], "speaker": None, "backup": None, "outside": [],
            "lindauer": [],
            "participants": [{"id": i, "name": f"Person {self.meeting}.{i}",
                              "role": "member", "presence": "online", "until": None}
                             for i in range(8)],
        }, separators=(",", ":"))


ROOMS: dict[int, Room] = {}


async def handler(ws: ServerConnection) -> None:
    match = PATH.match(ws.request.path if ws.request else "")
    if not match:
        await ws.close(4404)
        return
    meeting = int(match.group(1))
    room = ROOMS.get(meeting) or ROOMS.setdefault(meeting, Room(meeting))
    room.sockets.add(ws)
    try:
        await ws.send(room.state())
        async for raw in ws:
            message: Any = json.loads(raw)
            action = message.get("action")
            if action == "ping":
                await ws.send(json.dumps({"type": "pong", "id": message.get("id"),
                                          "server_time": time.time()}))
                continue
            if action == "advance" and room.phase < len(PHASES) - 1:
                room.phase += 1
            elif action == "back" and room.phase > 0:
                room.phase -= 1
            else:
                await ws.send('{"type":"error","code":"refused"}')
                continue
            room.version += 1
            text = room.state()
            for other in list(room.sockets):
                # A closing socket fails here; its own handler cleans up.
                with contextlib.suppress(Exception):
                    await other.send(text)
    finally:
        room.sockets.discard(ws)


async def main(port: int, compression: str | None) -> None:
    stop = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set_result, None)
    async with serve(handler, "127.0.0.1", port, compression=compression,
                     max_size=64 * 1024, ping_interval=20, backlog=4096):
        await stop


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--compression", choices=["deflate", "none"], default="none")
    args = parser.parse_args()
    import uvloop

    uvloop.run(main(args.port, None if args.compression == "none" else "deflate"))
