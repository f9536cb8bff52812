"""README's first five minutes: `make run`, then `.venv/bin/balintroom demo` in a second
terminal, both on one development configuration (.env); and an install that follows the
lock."""

import os
import shutil
import subprocess
from pathlib import Path

from tests.core.commands import ROOT, balintroom, bare_env


def checkout(tmp_path: Path) -> Path:
    """What make reads of a fresh clone."""
    tree = tmp_path / "clone"
    (tree / "requirements").mkdir(parents=True)
    for name in ("Makefile", ".env.example", "pyproject.toml", "requirements/dev.txt",
                 "requirements/main.txt"):
        shutil.copy(ROOT / name, tree / name)
    return tree


def make(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=60)


def test_run_and_demo_make_the_development_dotenv_first(tmp_path: Path) -> None:
    tree = checkout(tmp_path)
    for target in ("run", "demo"):
        planned = make(tree, "-n", target).stdout
        assert "cp .env.example .env" in planned
        assert planned.index("cp .env.example .env") < planned.index("bin/balintroom")


def test_the_dotenv_is_made_once_and_never_overwritten(tmp_path: Path) -> None:
    tree = checkout(tmp_path)
    made = make(tree, ".env")
    assert made.returncode == 0, made.stderr
    assert "Created .env from .env.example" in made.stdout
    assert (tree / ".env").read_text() == (tree / ".env.example").read_text()
    (tree / ".env").write_text("DEBUG=1\nPORT=8101\n")
    assert make(tree, ".env").returncode == 0
    assert (tree / ".env").read_text() == "DEBUG=1\nPORT=8101\n"


def test_a_second_terminal_sees_the_development_configuration(tmp_path: Path) -> None:
    """No DEBUG in the environment: the .env that `make run` made is enough."""
    tree = checkout(tmp_path)
    make(tree, ".env")
    env = {**bare_env(), "BALINTROOM_ENV_FILE": str(tree / ".env"),
           "DATA_DIR": str(tmp_path / "data"), "STATIC_ROOT": str(tmp_path / "static")}
    result = balintroom(["check"], env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_changed_lock_installs_again_with_hashes(tmp_path: Path) -> None:
    tree = checkout(tmp_path)
    stamp = tree / ".venv" / ".installed-stamp"
    stamp.parent.mkdir()
    stamp.touch()
    os.utime(tree / "pyproject.toml", (1, 1))
    os.utime(tree / "requirements" / "dev.txt", (1, 1))
    assert "pip install" not in make(tree, "-n", "install").stdout
    (tree / "requirements" / "dev.txt").touch()  # newer than the stamp
    planned = make(tree, "-n", "install").stdout
    assert "pip install --quiet --require-hashes -r requirements/dev.txt" in planned
    assert "pip install --quiet --no-deps -e ." in planned
