"""Redis and PostgreSQL servers of a test's own, and a check that the machine's are left
alone.

A test that stops, restarts or reconfigures Redis or PostgreSQL does it to a server it
started: `private_redis()` and `private_postgres()` start one on a free port with its files
in a new temporary directory, as a child of the test process, and remove it all afterwards,
whatever happens. Both can be stopped and started again on the same port, as a server that
restarts behind a running application would be. Nothing here touches the services on
127.0.0.1:6379 and :5432, which belong to the machine (or to a developer, with their data).

`redis_identity` and `postgres_identity` name the process behind an address, so that the
test session can check at its end that the machine's Redis and PostgreSQL are the
processes it found at its start (tests/support/guard.py)."""

import contextlib
import ctypes
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Self

from .ports import free_port, listening_pids, listens

# --- children that die with us ----------------------------------------------------------

_PR_SET_PDEATHSIG = 1


def _die_with_parent(sig: int) -> None:
    """In the child, before exec: the kernel sends `sig` when the test process dies, so a
    run killed outright (a CI timeout, kill -9) leaves no Redis or PostgreSQL behind. Set
    after Popen changes the user, which would clear it. The signal comes when the *thread*
    that started the child ends, so start these from the test's own thread."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, sig)


def _wait_or_kill(process: subprocess.Popen[bytes], timeout: float) -> None:
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _bind_failed(log: Path) -> bool:
    with contextlib.suppress(OSError):
        return "already in use" in log.read_text(errors="replace").lower()
    return False


class ServiceError(RuntimeError):
    pass


# --- Redis ------------------------------------------------------------------------------

def redis_server_problem() -> str | None:
    """None when redis-server can be run here; else why not."""
    if shutil.which("redis-server") is None:
        return "redis-server is not installed (a test that restarts Redis starts its own)"
    return None


def redis_info(host: str, port: int, timeout: float = 2) -> dict[str, str] | None:
    """INFO server of the Redis at this address, or None when none answers."""
    import redis

    client = redis.Redis(host=host, port=port, socket_timeout=timeout,
                         socket_connect_timeout=timeout)
    try:
        return {k: str(v) for k, v in client.info("server").items()}
    except redis.RedisError:
        return None
    finally:
        client.close()


class _PrivateServer:
    """What both private servers share: a port that another run may have taken meanwhile,
    a process of our own, and the wait until it answers."""

    name = "server"
    port: int
    process: subprocess.Popen[bytes] | None
    start_timeout = 15.0

    @property
    def log_path(self) -> Path:
        raise NotImplementedError

    def answers(self) -> bool:
        raise NotImplementedError

    def _launch(self, log: IO[bytes]) -> subprocess.Popen[bytes]:
        raise NotImplementedError

    def _give_up(self) -> None:
        raise NotImplementedError

    def start(self, timeout: float | None = None, *, same_port: bool = False) -> Self:
        """Start; unless same_port, on another free port if this one was taken meanwhile."""
        for _attempt in range(3):
            try:
                return self._start_once(timeout or self.start_timeout)
            except ServiceError:
                if same_port or not _bind_failed(self.log_path):
                    raise
                self.port = free_port()
        raise ServiceError(f"{self.name} found no free port:\n{self.log_path.read_text()}")

    def _start_once(self, timeout: float) -> Self:
        self.log_path.write_bytes(b"")
        with open(self.log_path, "ab") as log:
            process = self.process = self._launch(log)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise ServiceError(f"{self.name} exited:\n{self.log_path.read_text()}")
            if self.answers():
                return self
            time.sleep(0.05)
        self._give_up()
        raise ServiceError(f"{self.name} did not answer in {timeout:.0f} s:\n"
                           f"{self.log_path.read_text()}")


@dataclass
class PrivateRedis(_PrivateServer):
    """redis-server on 127.0.0.1:port, its files in `directory`, persisting nothing."""

    directory: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def log_path(self) -> Path:
        return self.directory / "redis.log"

    def answers(self) -> bool:
        """Whether our process answers on our port (not another run's Redis there)."""
        info = redis_info("127.0.0.1", self.port, timeout=1)
        return (info is not None and self.process is not None
                and info.get("process_id") == str(self.process.pid))

    name = "redis-server"

    def _launch(self, log: IO[bytes]) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port),
             "--dir", str(self.directory), "--save", "", "--appendonly", "no",
             "--daemonize", "no", "--protected-mode", "yes", "--logfile", ""],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            preexec_fn=lambda: _die_with_parent(signal.SIGTERM),
        )

    def _give_up(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop (SIGTERM: redis-server saves nothing, as told, and exits)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            _wait_or_kill(self.process, timeout=10)

    def restart(self) -> None:
        self.stop()
        self.start(same_port=True)


@contextlib.contextmanager
def private_redis() -> Iterator[PrivateRedis]:
    """A running Redis of our own; stopped and its directory removed afterwards."""
    directory = Path(tempfile.mkdtemp(prefix="balintroom-redis-"))
    server = PrivateRedis(directory)
    try:
        yield server.start()
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


# --- PostgreSQL -------------------------------------------------------------------------

def postgres_bin() -> Path | None:
    """The directory of initdb and postgres: BALINTROOM_TEST_PG_BIN, PATH, or the newest
    Debian/Ubuntu install (which keeps them out of PATH)."""
    if configured := os.environ.get("BALINTROOM_TEST_PG_BIN"):
        return Path(configured)
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    installed = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                       key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                       else 0)
    return installed[-1].parent if installed else None


def run_as_user() -> pwd.struct_passwd | None:
    """Whom initdb and postgres run as: they refuse root. None when we are not root.
    `nobody`: unlike `postgres`, it cannot touch the machine's own cluster."""
    if os.geteuid() != 0:
        return None
    return pwd.getpwnam("nobody")


def postgres_server_problem() -> str | None:
    """None when a private PostgreSQL cluster can be made here; else why not."""
    bin_dir = postgres_bin()
    if bin_dir is None or not (bin_dir / "postgres").exists():
        return "PostgreSQL's initdb and postgres are not installed"
    try:
        run_as_user()
    except KeyError as exc:
        return f"no unprivileged user to run PostgreSQL as: {exc}"
    return None


@dataclass
class PrivatePostgres(_PrivateServer):
    """A PostgreSQL cluster in `directory` (data/ and the unix socket), on 127.0.0.1:port,
    trust auth for the superuser `postgres`; built for speed, not durability."""

    directory: Path
    bin_dir: Path
    user: pwd.struct_passwd | None = None
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def data(self) -> Path:
        return self.directory / "data"

    @property
    def log_path(self) -> Path:
        return self.directory / "postgres.log"

    @property
    def url(self) -> str:
        return self.url_for("postgres")

    def url_for(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _popen(self, args: list[str], log: IO[bytes]) -> subprocess.Popen[bytes]:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "TZ": "UTC"}
        return subprocess.Popen(
            args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
            cwd=self.directory,
            user=self.user.pw_uid if self.user else None,
            group=self.user.pw_gid if self.user else None,
            extra_groups=[] if self.user else None,
            # SIGQUIT: an immediate shutdown, the one that leaves no orphaned backends.
            preexec_fn=lambda: _die_with_parent(signal.SIGQUIT),
        )

    def init(self) -> "PrivatePostgres":
        with open(self.directory / "initdb.log", "wb") as log:
            process = self._popen(
                [str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", "postgres",
                 "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"], log)
            _wait_or_kill(process, timeout=120)
        if process.returncode != 0:
            raise ServiceError(f"initdb failed:\n{(self.directory / 'initdb.log').read_text()}")
        return self

    def answers(self) -> bool:
        """Whether our postmaster accepts connections on our port."""
        import psycopg

        if self.process is None or not listens(self.process.pid, self.port):
            return False
        try:
            with psycopg.connect(self.url, connect_timeout=2) as conn:
                conn.execute("SELECT 1")
        except psycopg.Error:
            return False
        return True

    name = "postgres"
    start_timeout = 30.0

    def _launch(self, log: IO[bytes]) -> subprocess.Popen[bytes]:
        return self._popen(
            [str(self.bin_dir / "postgres"), "-D", str(self.data), "-p", str(self.port),
             "-c", "listen_addresses=127.0.0.1",
             "-c", f"unix_socket_directories={self.directory}",
             # Fast, yet a commit survives a crash of the server (not of the machine):
             # no synchronous_commit=off, which loses the last commits on SIGQUIT.
             "-c", "fsync=off", "-c", "full_page_writes=off",
             "-c", "shared_buffers=32MB",
             "-c", "max_connections=60"], log)

    def _give_up(self) -> None:
        self.stop(immediate=True)

    def stop(self, *, immediate: bool = False) -> None:
        """Stop: a fast shutdown (SIGINT: clients cut off, a clean checkpoint) or, with
        immediate, what a crash looks like to clients (SIGQUIT: no checkpoint, so the next
        start recovers from the log)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT if immediate else signal.SIGINT)
            _wait_or_kill(self.process, timeout=30)

    def create_database(self, name: str) -> str:
        """A new database in this cluster; returns its URL."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)


@contextlib.contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    """A running PostgreSQL cluster of our own; stopped and removed afterwards."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise ServiceError("PostgreSQL's initdb and postgres are not installed")
    # In /tmp itself, not pytest's tmp_path: that is private to root, and postgres runs as
    # another user.
    directory = Path(tempfile.mkdtemp(prefix="balintroom-postgres-"))
    user = run_as_user()
    if user is not None:
        os.chown(directory, user.pw_uid, user.pw_gid)
    cluster = PrivatePostgres(directory, bin_dir, user)
    try:
        yield cluster.init().start()
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


# --- who is behind an address -----------------------------------------------------------
# A service's process id: it changes when the service is stopped and started again (by
# systemd, by hand, or by a test that should not have). Asked of the service itself, which
# works for any user; where it does not let us in, read from /proc (as root, always).

def _is_local(host: str) -> bool:
    return host in ("127.0.0.1", "localhost", "::1")


def _parent_pid(pid: int) -> int | None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    return None


def _listener(host: str, port: int) -> str | None:
    if not _is_local(host):
        return None
    pids = listening_pids(port)
    return f"pid {min(pids)}" if pids else None


def redis_identity(url: str) -> str | None:
    """"pid N" of the Redis at this URL, or None when nothing answers there."""
    parts = urllib.parse.urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 6379
    info = redis_info(host, port)
    if info is None:
        return _listener(host, port)
    if _is_local(host):
        return f"pid {info.get('process_id')}"
    return f"run_id {info.get('run_id')}"  # another machine's pids say nothing here


def postgres_identity(url: str) -> str | None:
    """"pid N" of the PostgreSQL postmaster at this URL (the parent of the backend that
    answers), or None when nothing answers there."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 5432
    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            row = conn.execute(
                "SELECT pg_backend_pid(), pg_postmaster_start_time()::text").fetchone()
            assert row is not None
            # While the backend still exists: it ends with the connection.
            postmaster = _parent_pid(row[0]) if _is_local(host) else None
    except psycopg.Error:
        return _listener(host, port)
    return f"pid {postmaster}" if postmaster is not None else f"started {row[1]}"
