"""Check digits that numbers carry to catch a mistyped digit. Plain Python."""


def luhn_holds(digits: str) -> bool:
    """The Luhn formula (ISO/IEC 7812): every second digit from the right doubled, the
    digits summed, a multiple of ten. Physicians' EFNs and Greek ΑΜΚΑ numbers end so."""
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0
