"""CSV cells a spreadsheet would run as formulas are written as text; nothing else changes."""

import csv
import io

import pytest

from balintroom.core.spreadsheet import csv_text


def cells(value: object) -> list[str]:
    return list(csv.reader(io.StringIO(csv_text(["a"], [[value]]))))[1]


@pytest.mark.parametrize("value", ["=1+1", "+49 30", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_begins_like_a_formula_is_text(value: str) -> None:
    assert cells(value) == [f"'{value}"]


@pytest.mark.parametrize("value,written", [("", ""), (None, ""), ("Anna", "Anna"),
                                           (1.5, "1.5"), (0, "0"), ("a=b", "a=b")])
def test_every_other_cell_is_written_as_it_is(value: object, written: str) -> None:
    assert cells(value) == [written]
