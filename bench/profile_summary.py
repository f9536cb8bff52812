"""Where a server's time went: a py-spy profile (collapsed stacks, as `make bench` with
BENCH_PROFILE=1 writes them to var/bench/profile-*.txt) summed into a few kinds of work.

    .venv/bin/python bench/profile_summary.py var/bench/profile-one-sustained-0.txt

Each sample is given to the first kind that matches, going from the innermost frame
outwards; "ours" lists our own functions by the share of samples they are on (inclusive).
"""

import collections
import sys

# (kind, substrings of a frame); the first match from the leaf wins.
KINDS = [
    ("waiting (idle thread, event loop select)",
     ("Condition.wait", "select (selectors", "_PollLikeSelector", "run_forever",
      "_worker (concurrent/futures/thread.py:8")),
    ("SQLite/PostgreSQL: open and close connections",
     ("get_new_connection", "BaseDatabaseWrapper._close", "close_if_unusable",
      "psycopg_pool")),
    ("SQLite/PostgreSQL: commit", ("BaseDatabaseWrapper._commit",)),
    ("SQLite/PostgreSQL: run queries (driver)",
     ("SQLiteCursorWrapper.execute", "Cursor.execute (psycopg", "psycopg/cursor",
      "psycopg/connection", "psycopg/_cursor_base", "psycopg/generators")),
    ("Django ORM: build SQL, make model objects", ("django/db/models",)),
    ("Channels: in-memory layer", ("channels/layers.py",)),
    ("Channels: Redis pub/sub layer", ("channels_redis/", "redis/")),
    ("encryption (Fernet)", ("cryptography/",)),
    ("msgpack", ("msgpack",)),
    ("JSON", ("json/encoder", "json/decoder", "json/__init__")),
    ("WebSocket protocol (uvicorn, websockets)",
     ("websockets/", "uvicorn/protocols/websockets")),
    ("asgiref thread hops", ("asgiref/",)),
    ("Channels: consumers, routing, auth", ("channels/",)),
    ("our code (live, method)", ("balintroom/",)),
    ("Django (other)", ("django/",)),
]


def summarise(path: str) -> str:
    kinds: collections.Counter[str] = collections.Counter()
    ours: collections.Counter[str] = collections.Counter()
    total = 0
    with open(path) as f:
        for line in f:
            stack, _, count = line.rstrip().rpartition(" ")
            if not stack:
                continue
            n = int(count)
            total += n
            frames = stack.split(";")
            for frame in reversed(frames):
                kind = next((k for k, keys in KINDS if any(s in frame for s in keys)), None)
                if kind:
                    kinds[kind] += n
                    break
            else:
                kinds["other"] += n
            for name in {f.split(" (")[0] for f in frames
                         if "balintroom/" in f and "balintroom/cli.py" not in f}:
                ours[name] += n
    busy = total - kinds["waiting (idle thread, event loop select)"]
    lines = [f"{path}: {total} samples, {busy} busy"]
    for kind, n in kinds.most_common():
        lines.append(f"  {100 * n / total:5.1f}%  {kind}")
    lines.append("  ours (inclusive, share of all samples):")
    for name, n in ours.most_common(12):
        lines.append(f"  {100 * n / total:5.1f}%  {name}")
    return "\n".join(lines)


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(summarise(p))
