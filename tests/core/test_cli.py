"""The command itself: help without any configuration, usage errors as usage errors, a
port in use said before the banner, a configuration problem said in one line."""

import socket
from pathlib import Path

from balintroom.method.agenda import MEETING_FORMATS
from tests.core.commands import balintroom, bare_env, dev_env, free_port


def test_it_lists_its_commands_without_any_configuration(tmp_path: Path) -> None:
    result = balintroom(["--help"], bare_env(), tmp_path)
    assert result.returncode == 0, result.stderr
    for command in ("serve", "demo", "check-identifiers", "migrate", "Django"):
        assert command in result.stdout
    for option in ("--port", "--workers", "--format", "--language"):  # what each one takes
        assert option in result.stdout
    # Help is not the place to be told off for a configuration not made yet.
    assert "not properly configured" not in result.stdout + result.stderr
    assert result.stderr == ""


def test_it_prints_usage_and_exits_2_without_a_command(tmp_path: Path) -> None:
    result = balintroom([], bare_env(), tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: balintroom")
    assert "Traceback" not in result.stderr


def test_each_own_command_has_help_without_configuration(tmp_path: Path) -> None:
    for command in ("serve", "demo", "check-identifiers"):
        result = balintroom([command, "--help"], bare_env(), tmp_path)
        assert result.returncode == 0, result.stderr
        assert f"usage: balintroom {command}" in result.stdout


def test_it_rejects_an_unknown_format_with_the_valid_ones(tmp_path: Path) -> None:
    result = balintroom(["demo", "--format", "bogus"], bare_env(), tmp_path)
    assert result.returncode == 2
    assert "usage: balintroom demo" in result.stderr
    assert "invalid choice: 'bogus'" in result.stderr
    for key in MEETING_FORMATS:
        assert key in result.stderr
    assert "Traceback" not in result.stderr


def test_it_says_what_to_configure_in_one_line(tmp_path: Path) -> None:
    result = balintroom(["migrate"], bare_env(DATA_DIR=str(tmp_path)), tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("balintroom: Set SECRET_KEY")
    assert "DEBUG=1" in result.stderr


def test_it_says_a_port_is_in_use_before_the_banner(tmp_path: Path) -> None:
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        result = balintroom(["serve", "--port", str(port)], dev_env(tmp_path), tmp_path,
                            timeout=60)
    assert result.returncode != 0
    assert f"Port {port} on 127.0.0.1 is in use" in result.stderr
    assert "PORT=" in result.stderr
    assert "running on" not in result.stdout
    assert "Traceback" not in result.stderr
    # tests/support/server.py retries on another port when it reads this.
    assert "address already in use" in result.stderr.lower()


def test_the_development_database_and_key_are_for_their_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)  # made earlier, under a lax umask
    data.chmod(0o755)
    env = dev_env(tmp_path)
    result = balintroom(["migrate", "--no-input"], env, tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    from tests.core.commands import python
    made = python("import django, os; os.environ['DJANGO_SETTINGS_MODULE']="
                  "'balintroom.settings'; django.setup(); "
                  "from balintroom.cases.crypto import _dev_keys; _dev_keys()", env, tmp_path)
    assert made.returncode == 0, made.stderr
    assert (data / "balintroom.sqlite3").is_file() and (data / "field-encryption-dev.key").is_file()
    # Nobody else may enter the folder, whatever the files' own modes.
    assert data.stat().st_mode & 0o777 == 0o700
    assert (data / "field-encryption-dev.key").stat().st_mode & 0o077 == 0
