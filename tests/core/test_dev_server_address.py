"""In development the site's address is where the server runs: `PORT=8101 make run`, then
the demo in another terminal prints links on 8101, and certificates verify there too."""

import json
import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.core.commands import (
    BALINTROOM,
    balintroom,
    dev_env,
    free_port,
    python,
    settings_value,
)


def wait_until_it_answers(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited"
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer")


def test_the_demo_and_certificates_name_the_port_the_server_runs_on(tmp_path: Path) -> None:
    env = dev_env(tmp_path)
    assert balintroom(["migrate", "--noinput"], env, tmp_path).returncode == 0
    port = free_port()
    with open(tmp_path / "server.log", "wb") as log:
        server = subprocess.Popen([*BALINTROOM, "serve", "--port", str(port)], env=env,
                                  cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_it_answers(f"http://127.0.0.1:{port}/healthz", server)
        demo = balintroom(["demo", "--format", "classic"], env, tmp_path)
        assert demo.returncode == 0, demo.stderr
        links = re.findall(r"http://\S+", demo.stdout)
        assert len(links) == 2  # the room and the room display
        for link in links:
            assert link.startswith(f"http://127.0.0.1:{port}/m/")
            with urllib.request.urlopen(link, timeout=10) as response:  # the login page
                assert response.status == 200
        verify = python("import django; django.setup(); "
                        "from balintroom.records.services import verify_url; "
                        "print(verify_url('ABC'))",
                        {**env, "DJANGO_SETTINGS_MODULE": "balintroom.settings"}, tmp_path)
        assert verify.stdout.startswith(f"http://127.0.0.1:{port}/"), verify.stderr
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl+C
        server.wait(timeout=30)
    assert "running on" in (tmp_path / "server.log").read_text()
    # Stopped, the server leaves no address behind for the next demo.
    assert not (tmp_path / "data" / "dev-server.json").exists()
    assert settings_value("SITE_URL", env, tmp_path) == "http://127.0.0.1:8000"


def record(tmp_path: Path, url: str, pid: int) -> None:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "dev-server.json").write_text(json.dumps({"url": url, "pid": pid}))


def test_it_takes_the_address_of_a_running_dev_server(tmp_path: Path) -> None:
    record(tmp_path, "http://127.0.0.1:8101", os.getpid())
    assert settings_value("SITE_URL", dev_env(tmp_path), tmp_path) == "http://127.0.0.1:8101"


def test_it_ignores_the_record_of_a_server_that_is_gone(tmp_path: Path) -> None:
    gone = subprocess.Popen(["true"])
    gone.wait()
    record(tmp_path, "http://127.0.0.1:8101", gone.pid)
    assert settings_value("SITE_URL", dev_env(tmp_path), tmp_path) == "http://127.0.0.1:8000"


def test_a_site_url_set_explicitly_wins(tmp_path: Path) -> None:
    record(tmp_path, "http://127.0.0.1:8101", os.getpid())
    env = dev_env(tmp_path, SITE_URL="http://balint.test:9000/")
    assert settings_value("SITE_URL", env, tmp_path) == "http://balint.test:9000"


def test_production_never_reads_the_record(tmp_path: Path) -> None:
    record(tmp_path, "http://127.0.0.1:8101", os.getpid())
    env = {**dev_env(tmp_path), "DEBUG": "0", "SECRET_KEY": "x" * 50}
    assert settings_value("SITE_URL", env, tmp_path) == "http://127.0.0.1:8000"
