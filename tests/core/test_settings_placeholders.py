"""With DEBUG off the settings refuse the examples' placeholders and the development key,
at start-up, naming the variable and how to make a real value; real values pass."""

import base64
import secrets
from pathlib import Path

import pytest

from tests.core.commands import balintroom, bare_env, python

MAKE_TOKEN = 'python3 -c "import secrets; print(secrets.token_urlsafe(50))"'
MAKE_FERNET_KEY = "Fernet.generate_key().decode()"


def fernet_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def production(tmp_path: Path, **values: str) -> dict[str, str]:
    env = bare_env(
        DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), DATA_DIR=str(tmp_path / "data"),
        STATIC_ROOT=str(tmp_path / "static"), SITE_URL="https://balint.example.org",
        ALLOWED_HOSTS="balint.example.org", REDIS_URL="redis://127.0.0.1:6379/0",
        CHANNEL_LAYER_KEYS=secrets.token_urlsafe(50), FIELD_ENCRYPTION_KEYS=fernet_key(),
        DATABASE_URL="postgres://balintroom:a-real-password@127.0.0.1:5432/balintroom",
        EMAIL_HOST="smtp.example.org", EMAIL_HOST_PASSWORD="a-real-password",
    )
    env.update(values)
    return env


def starts(env: dict[str, str], tmp_path: Path) -> tuple[bool, str]:
    result = python("import balintroom.settings", env, tmp_path)
    return result.returncode == 0, result.stderr


def test_real_values_start(tmp_path: Path) -> None:
    ok, stderr = starts(production(tmp_path), tmp_path)
    assert ok, stderr


REFUSED = [
    ("SECRET_KEY", "change-me-python3-c-import-secrets-print-secrets-token_urlsafe-50",
     MAKE_TOKEN),
    ("SECRET_KEY", "insecure-development-key-only-for-DEBUG", MAKE_TOKEN),
    ("CHANNEL_LAYER_KEYS", "change-me-another-long-random-string", MAKE_TOKEN),
    ("CHANNEL_LAYER_KEYS", f"{secrets.token_urlsafe(50)},short", MAKE_TOKEN),
    ("FIELD_ENCRYPTION_KEYS", "change-me-Fernet.generate_key", MAKE_FERNET_KEY),
    ("FIELD_ENCRYPTION_KEYS", f"{fernet_key()},not-a-fernet-key", MAKE_FERNET_KEY),
    ("FIELD_ENCRYPTION_KEYS", "", MAKE_FERNET_KEY),
    ("DATABASE_URL", "postgres://balintroom:change-me@127.0.0.1:5432/balintroom", "password"),
    ("EMAIL_HOST_PASSWORD", "change-me", "password"),
]


@pytest.mark.parametrize(("name", "value", "how"), REFUSED)
def test_it_refuses_a_placeholder(name: str, value: str, how: str, tmp_path: Path) -> None:
    ok, stderr = starts(production(tmp_path, **{name: value}), tmp_path)
    assert not ok
    assert "ImproperlyConfigured" in stderr
    message = stderr.split("ImproperlyConfigured:", 1)[1]
    assert name in message and how in message
    # A key is never repeated where logs keep it (a placeholder may be named).
    for part in value.split(","):
        if part not in ("", "short", "change-me"):
            assert part not in message


def test_the_command_says_it_in_a_few_lines(tmp_path: Path) -> None:
    env = production(tmp_path, SECRET_KEY="change-me", CHANNEL_LAYER_KEYS="change-me")
    result = balintroom(["check", "--deploy"], env, tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "SECRET_KEY" in result.stderr and "CHANNEL_LAYER_KEYS" in result.stderr
    assert MAKE_TOKEN in result.stderr


def test_development_takes_the_placeholders(tmp_path: Path) -> None:
    env = production(tmp_path, DEBUG="1", SECRET_KEY="change-me",
                     FIELD_ENCRYPTION_KEYS="change-me")
    ok, stderr = starts(env, tmp_path)
    assert ok, stderr


def test_the_test_servers_configuration_still_starts(tmp_path: Path) -> None:
    """tests/support/server.py: a short test key, SQLite, no keys for notes (they are
    asked for where notes are used)."""
    env = bare_env(DEBUG="0", SECRET_KEY="server-tests-only", DATA_DIR=str(tmp_path / "d"),
                   STATIC_ROOT=str(tmp_path / "s"))
    ok, stderr = starts(env, tmp_path)
    assert ok, stderr
