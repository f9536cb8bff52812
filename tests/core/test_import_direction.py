"""Imports point one way, down (DESIGN.md's layout): method/ and deid/ import nothing of
ours, core/ is the ground and imports no app, accounts <- groups <- live, the apps that
read the room (cases, records) sit above it, and front/ at the top is imported by none.
An import that runs back up, even one hidden inside a function, fails here."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "balintroom"

# Each room of the house and the rooms it may import.
MAY_IMPORT: dict[str, set[str]] = {
    "method": set(),
    "deid": set(),
    "core": set(),
    "accounts": {"core", "method"},
    "groups": {"core", "method", "accounts"},
    "live": {"core", "method", "deid", "accounts", "groups"},
    "cases": {"core", "method", "deid", "accounts", "groups", "live"},
    "records": {"core", "method", "deid", "accounts", "groups", "live"},
    "reflection": {"core", "method", "deid", "accounts", "groups", "live", "cases", "records"},
    "front": {"core", "method", "deid", "accounts", "groups", "live", "cases", "records",
              "reflection"},
}


def imported_rooms(path: Path) -> set[str]:
    """The rooms of balintroom a file imports, wherever in the file the import stands."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "balintroom" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("room", sorted(MAY_IMPORT))
def test_imports_point_down(room: str) -> None:
    wrong = {}
    for path in sorted((PACKAGE / room).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        upward = imported_rooms(path) - MAY_IMPORT[room] - {room}
        if upward:
            wrong[str(path.relative_to(PACKAGE))] = sorted(upward)
    assert wrong == {}, f"imports that run back up from {room}/"


def test_every_room_is_placed() -> None:
    rooms = {p.name for p in PACKAGE.iterdir()
             if p.is_dir() and (p / "__init__.py").exists()}
    assert rooms == set(MAY_IMPORT)
