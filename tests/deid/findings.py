"""What the identifier check finds in a text, as the tests compare it: (category, text)."""

from balintroom.deid.identifiers import find_identifiers


def found(text: str, language: str | None = None) -> list[tuple[str, str]]:
    return [(f.category, f.text) for f in find_identifiers(text, language)]


def flags(text: str, category: str, language: str | None = None) -> list[str]:
    """The texts of what is found in one category."""
    return [t for c, t in found(text, language) if c == category]
