"""The word lists in src/balintroom/deid/data/: each file sorted (Python's default str
order, see data/README.md), without duplicates or stray whitespace, and every file read by
identifier_data.py. Failures name the file and line so that a fix is one edit. No database.
"""

from __future__ import annotations

import pytest

from balintroom.deid import identifier_data
from balintroom.deid.identifier_data import DATA_DIR, DATA_FILES

# The one file in data/ that is not a word list.
NOT_LISTS = frozenset({"README.md"})


def problems(name: str, text: str) -> list[str]:
    """What is wrong with one data file, as "name:line: ..." messages (empty if nothing)."""
    found: list[str] = []
    if text.startswith("\ufeff"):
        found.append(f"{name}:1: starts with a byte order mark")
    seen: dict[str, int] = {}
    previous: tuple[int, str] | None = None
    # split("\n") rather than splitlines(): a "\r" left by an editor is stray whitespace.
    for number, line in enumerate(text.split("\n"), start=1):
        if line != line.strip():
            found.append(f"{name}:{number}: leading or trailing whitespace in {line!r}")
        if line.startswith("#") or not line.strip():
            continue
        if "\t" in line or "  " in line:
            found.append(f"{name}:{number}: a tab or double space inside {line!r}")
        entry = line.strip()
        if entry in seen:
            found.append(f"{name}:{number}: {entry!r} repeats line {seen[entry]}")
            continue
        seen[entry] = number
        if previous is not None and entry < previous[1]:
            found.append(f"{name}:{number}: {entry!r} is out of order: it sorts before "
                         f"{previous[1]!r} on line {previous[0]}")
        previous = (number, entry)
    return found


def data_file_names() -> list[str]:
    return sorted(f.name for f in DATA_DIR.iterdir() if f.name not in NOT_LISTS)


@pytest.mark.parametrize("name", data_file_names())
def test_data_file_is_sorted_unique_and_clean(name: str) -> None:
    text = DATA_DIR.joinpath(name).read_text(encoding="utf-8")
    assert not problems(name, text), "\n".join(problems(name, text))
    assert identifier_data.read_entries(name), f"{name} has no entries"


def test_every_data_file_is_read_by_the_loader() -> None:
    orphans = sorted(set(data_file_names()) - DATA_FILES)
    assert not orphans, f"in deid/data/ but not read by identifier_data.py: {orphans}"


def test_every_file_the_loader_reads_exists() -> None:
    # A missing file would already fail the import; this also catches a name that points
    # outside data/ ("../x.txt") or at the README.
    missing = sorted(DATA_FILES - set(data_file_names()))
    assert not missing, f"identifier_data.py reads files that are not in deid/data/: {missing}"


def test_only_word_lists_in_data() -> None:
    # The wheel ships data/*.txt only (pyproject's package-data): another kind of file
    # would be missing from an installed copy.
    assert all(n.endswith(".txt") for n in data_file_names()), data_file_names()


def test_the_check_names_file_and_line() -> None:
    text = "# comment\n\nBeta\nAlpha\nBeta\nGamma \nZeta\tEta\r\n"
    assert problems("x.txt", text) == [
        "x.txt:4: 'Alpha' is out of order: it sorts before 'Beta' on line 3",
        "x.txt:5: 'Beta' repeats line 3",
        "x.txt:6: leading or trailing whitespace in 'Gamma '",
        "x.txt:7: leading or trailing whitespace in 'Zeta\\tEta\\r'",
        "x.txt:7: a tab or double space inside 'Zeta\\tEta\\r'",
    ]
    assert problems("ok.txt", "# about\n\nAlpha\nBeta\nbeta\nÄrzte\n") == []


def test_comments_and_blank_lines_are_not_entries() -> None:
    assert all(not e.startswith("#") and e == e.strip() and e
               for n in DATA_FILES for e in identifier_data.read_entries(n))
