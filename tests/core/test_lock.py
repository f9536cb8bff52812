"""The locks: every package pinned with its hashes, every dependency of pyproject.toml in
them within its bounds, the same pins for the server and the tests, and nothing of the
machine that made them."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.core.commands import ROOT

LOCKS = ROOT / "requirements"
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)")


def pins(lock: Path) -> dict[str, str]:
    """name -> version, after checking that each pin carries sha256 hashes."""
    found: dict[str, str] = {}
    entries = re.split(r"\n(?=\S)", lock.read_text())
    for entry in entries:
        if entry.startswith("#") or not entry.strip():
            continue
        match = PIN.match(entry)
        assert match, f"{lock.name}: not a pin: {entry.splitlines()[0]}"
        assert "--hash=sha256:" in entry, f"{lock.name}: {match[1]} has no hash"
        found[canonicalize_name(match[1])] = match[2]
    return found


def project() -> dict[str, list[str]]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {"main": data["dependencies"], "dev": data["optional-dependencies"]["dev"]}


@pytest.mark.parametrize("name", ["main", "dev"])
def test_the_lock_holds_every_dependency_within_its_bounds(name: str) -> None:
    locked = pins(LOCKS / f"{name}.txt")
    wanted = project()["main"] + (project()["dev"] if name == "dev" else [])
    for line in wanted:
        requirement = Requirement(line)
        key = canonicalize_name(requirement.name)
        assert key in locked, f"{requirement.name} is not in {name}.txt: run `make lock`"
        assert requirement.specifier.contains(locked[key], prereleases=True), (
            f"{name}.txt pins {requirement.name}=={locked[key]} outside {requirement.specifier}")


def test_tests_run_the_servers_versions() -> None:
    main, dev = pins(LOCKS / "main.txt"), pins(LOCKS / "dev.txt")
    assert {key: dev.get(key) for key in main} == main


def test_the_locks_name_no_local_index() -> None:
    for lock in ("main.txt", "dev.txt"):
        text = (LOCKS / lock).read_text()
        for trace in ("--index-url", "--extra-index-url", "--find-links", "file:"):
            assert trace not in text, f"{lock} names {trace}"
