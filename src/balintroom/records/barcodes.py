"""Code 39 barcodes, the kind on a German physician's EFN labels and a chamber's event
papers, which the chambers' hand scanners read. Written out here (the standard's table is
short) rather than taken from a library: what it draws is tested by decoding it.

Each character is nine elements, five bars and four spaces between them, three of the nine
wide; characters are parted by a narrow space, and the whole is framed by '*'. Drawn at
1:3, a narrow element is one module and a wide one three. No check character: the EFN
labels carry none, and a scanner set to expect one would refuse theirs."""

import io
from html import escape

from PIL import Image, ImageDraw

# Each character's nine elements, bar first: "1" wide, "0" narrow.
PATTERNS = {
    "0": "000110100", "1": "100100001", "2": "001100001", "3": "101100000",
    "4": "000110001", "5": "100110000", "6": "001110000", "7": "000100101",
    "8": "100100100", "9": "001100100", "A": "100001001", "B": "001001001",
    "C": "101001000", "D": "000011001", "E": "100011000", "F": "001011000",
    "G": "000001101", "H": "100001100", "I": "001001100", "J": "000011100",
    "K": "100000011", "L": "001000011", "M": "101000010", "N": "000010011",
    "O": "100010010", "P": "001010010", "Q": "000000111", "R": "100000110",
    "S": "001000110", "T": "000010110", "U": "110000001", "V": "011000001",
    "W": "111000000", "X": "010010001", "Y": "110010000", "Z": "011010000",
    "-": "010000101", ".": "110000100", " ": "011000100", "$": "010101000",
    "/": "010100010", "+": "010001010", "%": "000101010", "*": "010010100",
}
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%"
NARROW, WIDE = 1, 3
QUIET_MODULES = 10  # the standard asks for at least ten narrow widths each side


def _checked(text: str) -> str:
    if not text:
        raise ValueError("Code 39 needs at least one character.")
    refused = sorted({c for c in text if c not in ALPHABET})
    if refused:
        shown = ", ".join(repr(c) for c in refused)
        raise ValueError(f"Code 39 cannot carry {shown}: only digits, capital letters A-Z, "
                         "space and - . $ / + %.")
    return text


def code39_modules(text: str) -> list[bool]:
    """The bars of `text` between the start and stop characters, as modules from left to
    right (True: black), without the quiet zones."""
    body = _checked(text)
    modules: list[bool] = []
    for index, character in enumerate(f"*{body}*"):
        if index:
            modules.append(False)  # the narrow space between two characters
        for position, width in enumerate(PATTERNS[character]):
            modules.extend([position % 2 == 0] * (WIDE if width == "1" else NARROW))
    return modules


def _bars(modules: list[bool]) -> list[tuple[int, int]]:
    """(first module, width in modules) of each bar."""
    bars: list[tuple[int, int]] = []
    start = None
    for index, black in enumerate([*modules, False]):
        if black and start is None:
            start = index
        elif not black and start is not None:
            bars.append((start, index - start))
            start = None
    return bars


def code39_png(text: str, *, module_px: int = 3, height_px: int = 90,
               quiet_modules: int = QUIET_MODULES) -> bytes:
    """A PNG of the barcode with its quiet zones, in grey levels (black on white)."""
    if module_px < 1 or height_px < 1 or quiet_modules < 0:
        raise ValueError("The module, the height and the quiet zones cannot be negative.")
    modules = code39_modules(text)
    width = (len(modules) + 2 * quiet_modules) * module_px
    image = Image.new("L", (width, height_px), 255)
    draw = ImageDraw.Draw(image)
    for start, span in _bars(modules):
        left = (quiet_modules + start) * module_px
        draw.rectangle((left, 0, left + span * module_px - 1, height_px - 1), fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def code39_svg(text: str, *, module: float = 1.0, height: float = 40) -> str:
    """An inline <svg> of the barcode with its quiet zones: a white ground and one rect per
    bar, named for screen readers by the text it carries. Sized in user units; a page may
    scale it (the bars keep their ratio)."""
    modules = code39_modules(text)
    width = (len(modules) + 2 * QUIET_MODULES) * module
    rects = "".join(
        f'<rect x="{_number((QUIET_MODULES + start) * module)}" y="0" '
        f'width="{_number(span * module)}" height="{_number(height)}"/>'
        for start, span in _bars(modules))
    w, h = _number(width), _number(height)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="barcode" role="img" '
            f'aria-label="{escape(text)}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            f'shape-rendering="crispEdges"><rect width="{w}" height="{h}" fill="#fff"/>'
            f'<g fill="#000">{rects}</g></svg>')
