"""Run the `balintroom` command as a newcomer or an operator would: a separate process,
with nothing configured but what the test gives it."""

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BALINTROOM = [sys.executable, "-m", "balintroom.cli"]


def bare_env(**extra: str) -> dict[str, str]:
    """No configuration at all: no DEBUG, no SECRET_KEY, no .env (not even the work
    tree's own, which `make run` may have made)."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT / "src"),
            "BALINTROOM_ENV_FILE": "/nonexistent", **extra}


def dev_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """Development, as .env.example sets it, with data of the test's own."""
    return bare_env(DEBUG="1", DATA_DIR=str(tmp_path / "data"),
                    STATIC_ROOT=str(tmp_path / "static"), LOG_LEVEL="warning", **extra)


def balintroom(args: list[str], env: dict[str, str], cwd: Path,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BALINTROOM, *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def python(code: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def settings_value(name: str, env: dict[str, str], cwd: Path) -> str:
    result = python(f"import balintroom.settings as s; print(s.{name})", env, cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
