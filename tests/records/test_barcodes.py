"""Code 39 as we draw it: every character a scanner reads back (zxing-cpp decodes it),
from the PNG and from the SVG's bars; what Code 39 cannot carry is refused."""

import io
import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from balintroom.records.barcodes import (
    ALPHABET,
    PATTERNS,
    code39_modules,
    code39_png,
    code39_svg,
)


def read(png: bytes) -> list[str]:
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert all(r.format == zxingcpp.BarcodeFormat.Code39 for r in results)
    return [r.text for r in results]


@pytest.mark.parametrize("text", ["802760901234563", "2760602024012345678", ALPHABET, "0",
                                  "BALINT-ROOM 2.0"])
def test_it_reads_back(text: str) -> None:
    assert read(code39_png(text)) == [text]


def test_it_reads_back_small_as_on_a_certificate() -> None:
    assert read(code39_png("802760901234563", module_px=2, height_px=60)) == [
        "802760901234563"]


def test_the_modules_follow_the_standard() -> None:
    # Every character: five bars and four spaces, three of them wide.
    assert all(len(p) == 9 and p.count("1") == 3 for p in PATTERNS.values())
    assert len(set(PATTERNS.values())) == len(PATTERNS)
    modules = code39_modules("12")
    # Start, two characters, stop: 15 modules each at 1:3, parted by a narrow space.
    assert len(modules) == 4 * 15 + 3
    assert modules[0] and modules[-1]
    star = [True, False, False, False, True, False, True, True, True, False, True, True, True,
            False, True]
    assert modules[:15] == star and modules[-15:] == star
    assert modules[15] is False


@pytest.mark.parametrize("text", ["", "abc", "A*B", "802760901234563\n", "Ä", "1_2"])
def test_it_refuses_what_code39_cannot_carry(text: str) -> None:
    with pytest.raises(ValueError, match="Code 39"):
        code39_modules(text)
    with pytest.raises(ValueError, match="Code 39"):
        code39_png(text)
    with pytest.raises(ValueError, match="Code 39"):
        code39_svg(text)


def test_the_png_has_its_quiet_zones() -> None:
    image = Image.open(io.BytesIO(code39_png("7", module_px=2, height_px=30, quiet_modules=10)))
    modules = code39_modules("7")
    assert image.size == ((len(modules) + 20) * 2, 30)
    row = [image.getpixel((x, 15)) for x in range(image.width)]
    assert set(row[:20]) == {255} and set(row[-20:]) == {255}
    assert [value == 0 for value in row[20:-20:2]] == modules


def test_the_svg_is_an_image_of_rects_named_by_its_text() -> None:
    svg = code39_svg("802760901234563", module=2, height=40)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'role="img"' in svg and 'aria-label="802760901234563"' in svg
    tags = set(re.findall(r"<(\w+)", svg))
    assert tags == {"svg", "rect", "g"}
    # Its bars, drawn again as pixels, read back as the text.
    rects = [(float(x), float(w)) for x, w in re.findall(
        r'<rect x="([\d.]+)" y="0" width="([\d.]+)"', svg)]
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))  # type: ignore[union-attr]
    image = Image.new("L", (int(width * 2), 80), 255)
    draw = ImageDraw.Draw(image)
    for x, w in rects:
        draw.rectangle((x * 2, 0, (x + w) * 2 - 1, 79), fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    assert read(buffer.getvalue()) == ["802760901234563"]
