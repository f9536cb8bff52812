"""CSV that a spreadsheet opens as text, not as formulas."""

import csv
import io
from collections.abc import Iterable, Sequence

# A cell that begins like a formula is run as one by spreadsheets; names and notes are
# typed by people, so such a cell is written as text (OWASP's CSV injection advice).
FORMULA_START = frozenset("=+-@\t\r")


def safe_cell(cell: object) -> object:
    if isinstance(cell, str) and cell and cell[0] in FORMULA_START:
        return f"'{cell}"
    return cell


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()
