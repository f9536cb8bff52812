"""Ports for the processes tests start, and who is listening on one (Linux /proc).

A port from `free_port` is only free when asked: until our process binds it, another test
run on the same machine, or an outgoing connection, may take it. So a test that waits for
"something answers on port P" also checks that the something is its own process
(`listens`); otherwise two runs at once could talk to each other's servers."""

import contextlib
import os
import socket
from pathlib import Path

PROC = Path("/proc")
LISTEN = "0A"  # TCP_LISTEN in /proc/net/tcp's "st" column


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listening_inodes(port: int) -> set[int]:
    """The inodes of the sockets listening on this TCP port, IPv4 or IPv6."""
    inodes = set()
    for table in ("tcp", "tcp6"):
        with contextlib.suppress(OSError), open(PROC / "net" / table) as f:
            next(f, None)  # the header
            for line in f:
                fields = line.split()
                local, state, inode = fields[1], fields[3], fields[9]
                if state == LISTEN and int(local.rsplit(":", 1)[1], 16) == port:
                    inodes.add(int(inode))
    return inodes


def socket_inodes(pid: int) -> set[int]:
    """The socket inodes among this process's open files; empty where we may not look."""
    inodes = set()
    with contextlib.suppress(OSError):
        for fd in os.listdir(PROC / str(pid) / "fd"):
            with contextlib.suppress(OSError):
                target = os.readlink(PROC / str(pid) / "fd" / fd)
                if target.startswith("socket:["):
                    inodes.add(int(target[8:-1]))
    return inodes


def process_tree(pid: int) -> set[int]:
    """This process and its descendants (uvicorn with workers listens in a child)."""
    pids, todo = set(), [pid]
    while todo:
        p = todo.pop()
        pids.add(p)
        with contextlib.suppress(OSError):
            for task in os.listdir(PROC / str(p) / "task"):
                with contextlib.suppress(OSError):
                    todo.extend(int(c) for c in
                                (PROC / str(p) / "task" / task / "children").read_text().split())
    return pids


def listens(pid: int, port: int) -> bool:
    """Whether this process (or a child of it) holds a listening socket on the port.
    Where /proc cannot tell (not Linux), trust the port: True."""
    if not (PROC / "net" / "tcp").exists():
        return True
    wanted = listening_inodes(port)
    return any(socket_inodes(p) & wanted for p in process_tree(pid))


def listening_pids(port: int) -> set[int]:
    """Every process we may inspect that holds a listening socket on the port (all of them
    as root; as another user, only that user's)."""
    wanted = listening_inodes(port)
    if not wanted:
        return set()
    return {int(p.name) for p in PROC.iterdir()
            if p.name.isdigit() and socket_inodes(int(p.name)) & wanted}
