"""The two example configurations: each is read alike by a shell (`set -a; . FILE`), by
systemd (EnvironmentFile) and by the settings' own .env reader; .env.example names every
variable the code reads; the production example, filled in, passes `check --deploy`."""

import ast
import base64
import os
import re
import secrets
import subprocess
from pathlib import Path
from unittest import mock

import pytest

from balintroom.settings import _load_dotenv
from tests.core.commands import ROOT, balintroom, bare_env

ENV_EXAMPLE = ROOT / ".env.example"
DEPLOY_EXAMPLE = ROOT / "deploy" / "balintroom.env.example"
ASSIGNMENT = re.compile(r"^([A-Z][A-Z0-9_]*)=(.*)$")


def systemd_values(text: str) -> dict[str, str]:
    """EnvironmentFile= as systemd reads it, for the forms the examples use: comments, and
    values bare or wholly in double quotes (which systemd strips, honouring backslash
    escapes) or single quotes (taken literally)."""
    values = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        key, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = re.sub(r'\\(["\\`$])', r"\1", value[1:-1])
        elif len(value) >= 2 and value[0] == value[-1] == "'":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def shell_values(path: Path, shell: str) -> dict[str, str]:
    result = subprocess.run([shell, "-c", 'set -a; . "$1"; set +a; env -0', shell, str(path)],
                            env={"PATH": "/usr/bin:/bin"}, capture_output=True, timeout=30)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b"", result.stderr.decode()
    pairs = (item.decode().partition("=") for item in result.stdout.split(b"\0") if item)
    return {key: value for key, _, value in pairs}


def dotenv_values(path: Path) -> dict[str, str]:
    # An empty environment for the reader, and this process's back afterwards: the
    # servers later tests start inherit it.
    with mock.patch.dict(os.environ, clear=True):
        _load_dotenv(path)
        return {name: os.environ[name] for name in systemd_values(path.read_text())}


def uncommented(example: Path, tmp_path: Path) -> Path:
    """The example with every commented-out `# NAME=value` line switched on."""
    lines = [line[2:] if ASSIGNMENT.match(line[2:]) and line.startswith("# ") else line
             for line in example.read_text().splitlines()]
    path = tmp_path / example.name
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("shell", ["sh", "bash"])
@pytest.mark.parametrize("example", [DEPLOY_EXAMPLE, ENV_EXAMPLE], ids=["deploy", "dotenv"])
def test_a_shell_systemd_and_the_settings_read_the_same_values(
        shell: str, example: Path, tmp_path: Path) -> None:
    path = uncommented(example, tmp_path)
    expected = systemd_values(path.read_text())
    from_shell = shell_values(path, shell)
    assert {name: from_shell.get(name) for name in expected} == expected
    assert dotenv_values(path) == expected


def test_the_sender_arrives_whole(tmp_path: Path) -> None:
    sender = "Balint Room <noreply@balint.example.org>"
    assert shell_values(DEPLOY_EXAMPLE, "bash")["DEFAULT_FROM_EMAIL"] == sender
    assert systemd_values(DEPLOY_EXAMPLE.read_text())["DEFAULT_FROM_EMAIL"] == sender


def names_the_code_reads() -> set[str]:
    """Every NAME in envstr/envbool/envint/envlist("NAME") and os.environ.get("NAME") of
    the package (settings.py, cli.py and the server's own tuning)."""
    readers = {"envstr", "envbool", "envint", "envlist", "_env_bool"}
    names = set()
    for path in (ROOT / "src" / "balintroom").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func, first = node.func, node.args[0]
            reads = (isinstance(func, ast.Name) and func.id in readers) or (
                isinstance(func, ast.Attribute) and func.attr == "get"
                and ast.unparse(func.value) == "os.environ")
            if reads and isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
    return names


def test_the_dotenv_example_documents_every_variable() -> None:
    names = names_the_code_reads()
    assert {"SECRET_KEY", "PORT", "SITE_URL", "FIELD_ENCRYPTION_KEYS"} <= names  # the scan works
    documented = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), re.M))
    assert sorted(names - documented) == []


REQUIRED_IN_PRODUCTION = {
    "DEBUG", "SECRET_KEY", "SITE_URL", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "BEHIND_PROXY",
    "DATABASE_URL", "REDIS_URL", "CHANNEL_LAYER_KEYS", "FIELD_ENCRYPTION_KEYS", "DATA_DIR",
    "STATIC_ROOT",
}


def test_the_deploy_example_sets_what_production_needs() -> None:
    values = systemd_values(DEPLOY_EXAMPLE.read_text())
    assert sorted(REQUIRED_IN_PRODUCTION - values.keys()) == []
    assert values["DEBUG"] == "0"


def deploy_env(tmp_path: Path, values: dict[str, str]) -> dict[str, str]:
    return bare_env(**{**values, "DATA_DIR": str(tmp_path / "data"),
                       "STATIC_ROOT": str(tmp_path / "static")})


def test_the_deploy_example_as_it_is_does_not_start(tmp_path: Path) -> None:
    values = shell_values(DEPLOY_EXAMPLE, "bash")
    result = balintroom(["check", "--deploy"], deploy_env(tmp_path, values), tmp_path)
    assert result.returncode == 1
    for name in ("SECRET_KEY", "CHANNEL_LAYER_KEYS", "FIELD_ENCRYPTION_KEYS", "DATABASE_URL",
                 "EMAIL_HOST_PASSWORD"):
        assert name in result.stderr


def test_the_deploy_example_filled_in_passes_check_deploy(tmp_path: Path) -> None:
    """As README's "Installing" says: each change-me replaced by a value made as the
    comment above it says."""
    text = DEPLOY_EXAMPLE.read_text()
    made = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "CHANNEL_LAYER_KEYS": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "EMAIL_HOST_PASSWORD": "the-smtp-password",
    }
    for name, value in made.items():
        text = re.sub(rf"^{name}=change-me$", f"{name}={value}", text, flags=re.M)
    text = text.replace("balintroom:change-me@", "balintroom:the-db-password@")
    assert "change-me" not in re.sub(r"^#.*$", "", text, flags=re.M)
    path = tmp_path / "balintroom.env"
    path.write_text(text)
    env = deploy_env(tmp_path, shell_values(path, "sh"))
    result = balintroom(["check", "--deploy", "--fail-level", "WARNING"], env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_reading_the_examples_leaves_this_process_environment_alone(tmp_path: Path) -> None:
    before = dict(os.environ)
    dotenv_values(uncommented(DEPLOY_EXAMPLE, tmp_path))
    assert dict(os.environ) == before


def test_the_deploy_example_leaves_hsts_subdomains_and_preload_to_the_operator() -> None:
    """Both bind every subdomain of the site's domain to https, preload for good: README
    says to turn them on only deliberately, so the example does not."""
    from pathlib import Path

    lines = (Path(__file__).resolve().parents[2] / "deploy" / "balintroom.env.example"
             ).read_text().splitlines()
    values = dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] == "0"
    assert values["SECURE_HSTS_PRELOAD"] == "0"
