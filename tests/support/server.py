"""A real Balint Room server in a separate process: uvicorn, the ASGI app, a SQLite file.

Tests that need real WebSockets, a real browser or a restart start one of these. Data is
made with the server's own commands (migrate, demo), and people log in through the
login form, as they would."""

import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BALINTROOM = [sys.executable, "-m", "balintroom.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    data_dir: Path
    port: int = field(default_factory=free_port)
    extra_env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

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

    def demo(self, tag: str) -> dict[str, Any]:
        return json.loads(self.command("demo", "--json", "--tag", tag,
                                       "--base-url", self.url))

    def start(self) -> "Server":
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.data_dir / f"server-{self.port}.log"
        log = open(self.log_path, "ab")  # noqa: SIM115 - the process owns it
        self.process = subprocess.Popen(
            [*BALINTROOM, "serve", "--port", str(self.port), "--no-banner"],
            env=self.env(), stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log_path.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("server did not start in 30 s")

    def stop(self, *, hard: bool = False) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
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
