"""Long numbers people copy from paper (an EFN, a chamber's event number): typed with the
spaces and dashes a card or a letter prints between their groups, kept as digits only."""

from collections.abc import Callable

from django.core.exceptions import ValidationError


def digits_typed(text: str) -> str:
    """What she typed, without the spaces and dashes between the groups."""
    return "".join(text.split()).replace("-", "")


def checked_number(text: str, problem: Callable[[str], str]) -> str:
    """A form's value: "" when left empty, else its digits once `problem` (what is wrong,
    in words she can act on; "" if nothing) finds nothing wrong."""
    if not text.strip():
        return ""
    found = problem(text)
    if found:
        raise ValidationError(found)
    return digits_typed(text)
