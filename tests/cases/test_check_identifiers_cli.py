"""`balintroom check-identifiers`: standard input in, JSON lines out, no Django."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONSOLE_SCRIPT = ROOT / ".venv" / "bin" / "balintroom"


def run_cli(data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([sys.executable, "-m", "balintroom.cli", "check-identifiers", *args],
                          input=data, capture_output=True, env=env, timeout=60)


def parse(stdout: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


def test_it_prints_one_json_line_per_finding_with_offsets_into_the_input() -> None:
    text = "Ärger 😀🙈 mit Frau Müller, 93, seit dem 3.4. im Klinikum Süd. Tel. 0171 2345678\n"
    result = run_cli(text.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    rows = parse(result.stdout)
    assert [(r["category"], r["text"]) for r in rows] == [
        ("name", "Frau Müller"), ("age_over_89", "93"), ("date", "3.4."),
        ("place", "Klinikum Süd"), ("phone", "0171 2345678")]
    for r in rows:
        assert set(r) == {"category", "start", "end", "text"}
        assert isinstance(r["start"], int) and isinstance(r["end"], int)
        assert text[r["start"]:r["end"]] == r["text"]


def test_it_takes_a_language() -> None:
    text = "Mrs Patel who calls every Monday, phone (555) 123-4567"
    result = run_cli(text.encode("utf-8"), "--language", "en")
    assert result.returncode == 0, result.stderr
    rows = parse(result.stdout)
    assert [(r["category"], r["text"]) for r in rows] == [
        ("name", "Mrs Patel"), ("phone", "(555) 123-4567")]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)  # type: ignore[index]


def test_it_counts_carriage_returns_as_read() -> None:
    text = "Zeile eins\r\nZeile zwei: Herr Dr. Weber\r\n"
    rows = parse(run_cli(text.encode("utf-8"), "--language", "de").stdout)
    assert [(r["category"], r["text"]) for r in rows] == [("name", "Herr Dr. Weber")]
    assert text[rows[0]["start"]:rows[0]["end"]] == "Herr Dr. Weber"  # type: ignore[misc]


def test_it_prints_nothing_for_clean_text_and_exits_zero() -> None:
    result = run_cli(b"Der stille Mann mit den Kopfschmerzen, seit 2019")
    assert result.returncode == 0
    assert result.stdout == b""
    assert run_cli(b"").returncode == 0


def test_it_refuses_input_that_is_not_utf8() -> None:
    result = run_cli("Frau Müller".encode("latin-1"))
    assert result.returncode == 2
    assert b"UTF-8" in result.stderr


def test_it_rejects_an_unknown_language() -> None:
    assert run_cli(b"x", "--language", "it").returncode == 2


def test_it_reads_french_and_greek_when_told() -> None:
    french = run_cli(b"Mme Vautrin, 93 ans, vit seule.", "--language", "fr")
    greek = run_cli("Η κυρία Ελένη, 92 ετών, ζει μόνη.".encode(), "--language", "el")
    assert [json.loads(line)["text"] for line in french.stdout.splitlines()] == [
        "Mme Vautrin", "93"]
    assert [json.loads(line)["text"] for line in greek.stdout.splitlines()] == [
        "κυρία Ελένη", "92"]


def test_it_runs_without_setting_up_django() -> None:
    code = ("import io, sys; from balintroom.cli import main; "
            "sys.stdin = io.TextIOWrapper(io.BytesIO('Frau Müller'.encode())); "
            "rc = main(['check-identifiers']); "
            "assert rc == 0 and 'django' not in sys.modules, sorted(sys.modules)")
    env = {"PYTHONPATH": str(ROOT / "src"), "DJANGO_SETTINGS_MODULE": "no.such.settings"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"] == "Frau Müller"


@pytest.mark.skipif(not CONSOLE_SCRIPT.exists(), reason="the console script is not installed")
def test_it_works_as_the_installed_console_command() -> None:
    text = "Call Mrs Patel on 07700 900123"
    result = subprocess.run([str(CONSOLE_SCRIPT), "check-identifiers"], input=text.encode(),
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    rows = parse(result.stdout)
    assert [(r["category"], r["text"]) for r in rows] == [
        ("name", "Mrs Patel"), ("phone", "07700 900123")]
