"""A real Balint Room server in a separate process: uvicorn, the ASGI app, a SQLite file
(or, with DATABASE_URL and REDIS_URL in extra_env, PostgreSQL and Redis, shared by
several servers: see `sibling`).

Tests that need real WebSockets, a real browser or a restart start one of these. Data is
made with the server's own commands (migrate, demo), and people log in through the
login form, as they would. The bench (bench/run.py) starts its servers with it too."""

import base64
import contextlib
import http.cookiejar
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .ports import free_port, listens

ROOT = Path(__file__).resolve().parents[2]
BALINTROOM = [sys.executable, "-m", "balintroom.cli"]


@dataclass
class Server:
    data_dir: Path
    port: int = field(default_factory=free_port)
    extra_env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    workers: int = 1

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        env.update({
            "SECRET_KEY": "server-tests-only",
            "DEBUG": "0",
            "DATA_DIR": str(self.data_dir),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": self.url,
            "DISABLE_RATE_LIMITS": "1",
            # The demo's leaders have no authenticator app (a test of its own turns it on).
            "TWO_FACTOR_REQUIRED": "0",
            "BALINTROOM_ENV_FILE": "/nonexistent",
            "PYTHONPATH": str(ROOT / "src"),
            "LOG_LEVEL": "warning",
            # Short presence periods so that tests see "reconnecting" turn into "away".
            "PRESENCE_GRACE_SECONDS": "5",
        })
        env.update(self.extra_env)
        return env

    def command(self, *args: str) -> str:
        result = subprocess.run([*BALINTROOM, *args], env=self.env(), capture_output=True,
                                text=True, timeout=120, cwd=ROOT)
        if result.returncode != 0:
            raise RuntimeError(f"balintroom {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout

    def demo(self, tag: str, format_key: str = "classic") -> dict[str, Any]:
        return json.loads(self.command("demo", "--json", "--tag", tag, "--format", format_key,
                                       "--base-url", self.url))

    def sibling(self) -> "Server":
        """Another server process on the same data (database, channel layer, keys), on a
        port of its own; not started."""
        return replace(self, port=free_port(), extra_env=dict(self.extra_env), process=None,
                       log_path=None)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def start(self, timeout: float = 30) -> "Server":
        """Start and wait until it answers. A free port can be taken before the server
        binds it (by another test run, or an outgoing connection): then on another one."""
        for _attempt in range(3):
            if self._start_once(timeout):
                return self
            self.port = free_port()
        raise RuntimeError(f"server found no free port:\n{self._log_text()}")

    def _log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def _start_once(self, timeout: float) -> bool:
        """True once it answers; False when its port was taken."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.data_dir / f"server-{self.port}.log"
        log = open(self.log_path, "ab")  # noqa: SIM115 - the process owns it
        self.process = subprocess.Popen(
            [*BALINTROOM, "serve", "--port", str(self.port), "--no-banner",
             "--workers", str(self.workers)],
            env=self.env(), stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                if "address already in use" in self._log_text().lower():
                    return False
                raise RuntimeError(f"server exited:\n{self._log_text()}")
            # Whatever answers must be our process: another run's server may hold the port.
            if listens(self.process.pid, self.port):
                try:
                    with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                        if response.status == 200:
                            return True
                except OSError:
                    pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start in {timeout:.0f} s:\n{self._log_text()}")

    def stop(self, *, hard: bool = False, timeout: float = 10) -> None:
        """SIGTERM (SIGKILL when `hard`), then SIGKILL if it has not exited in `timeout`."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def login_cookie(server: Server, email: str, password: str) -> str:
    """Log in through the login form; returns the Cookie header for that session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{server.url}/accounts/login/") as response:
        page = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "login form has no CSRF token"
    body = urllib.parse.urlencode({
        "csrfmiddlewaretoken": token.group(1), "login": email, "password": password,
    }).encode()
    request = urllib.request.Request(f"{server.url}/accounts/login/", data=body,
                                     headers={"Referer": f"{server.url}/accounts/login/"})
    with opener.open(request):
        pass
    cookies = {c.name: c.value for c in jar}
    assert "sessionid" in cookies, "login failed"
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


# --- PostgreSQL and Redis on this machine (CI has both; a developer may not) -------------

POSTGRES_ADMIN_URL = os.environ.get("BALINTROOM_TEST_POSTGRES",
                                    "postgres://postgres@127.0.0.1:5432/test")
REDIS_TEST_URL = os.environ.get("BALINTROOM_TEST_REDIS", "redis://127.0.0.1:6379/0")


def _host_port(url: str, default_port: int) -> tuple[str, int]:
    parts = urllib.parse.urlsplit(url)
    return parts.hostname or "127.0.0.1", parts.port or default_port


def postgres_problem() -> str | None:
    """None when PostgreSQL answers and lets us create databases; else why not."""
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        return f"psycopg is not installed: {exc}"
    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure means "not usable"
        return f"PostgreSQL at {POSTGRES_ADMIN_URL} does not answer: {exc}"
    return None


def redis_problem() -> str | None:
    """None when Redis answers PING; else why not."""
    host, port = _host_port(REDIS_TEST_URL, 6379)
    try:
        with socket.create_connection((host, port), timeout=3) as sock:
            sock.sendall(b"PING\r\n")
            answer = sock.recv(64)
    except OSError as exc:
        return f"Redis at {host}:{port} does not answer: {exc}"
    if not answer.startswith(b"+PONG"):
        return f"Redis at {host}:{port} answered {answer!r} to PING"
    return None


@contextlib.contextmanager
def postgres_database(prefix: str = "balintroom_test") -> Iterator[str]:
    """A new, empty PostgreSQL database for one test or bench run; dropped afterwards.
    Yields its URL."""
    import psycopg

    name = f"{prefix}_{secrets.token_hex(4)}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    admin = urllib.parse.urlsplit(POSTGRES_ADMIN_URL)
    url = urllib.parse.urlunsplit(admin._replace(path=f"/{name}"))
    try:
        yield url
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(database_url: str, redis_url: str = REDIS_TEST_URL) -> dict[str, str]:
    """extra_env for servers that share PostgreSQL and Redis, as in production. The channel
    prefix keeps parallel runs on one Redis apart."""
    return {
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CHANNEL_LAYER_PREFIX": f"test-{secrets.token_hex(4)}",
        "CHANNEL_LAYER_KEYS": secrets.token_urlsafe(32),
        "DATABASE_POOL_MAX": "10",
        # A Fernet key for case notes, as production requires one.
        "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
    }
