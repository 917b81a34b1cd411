#!/usr/bin/python3
"""Adds to DroidSansFallbackFull.ttf(.gz) the characters the UI uses that it lacks.

Fyne draws each character from the theme's font (this one) or its own
default font, and asks the system only for what neither has: on a PC without
such a font the character shows as a box. ui/glyphs_test.go lists every
character the translations use that the bundled fonts lack; each is drawn
here: → (U+2192, RIGHTWARDS ARROW) and ← (U+2190), plain arrows on the CJK
middle line, ▲ ▼ (U+25B2, U+25BC, the roster's sort order) and ✔ ✘
(U+2714, U+2718, who came to a meeting), full width like the font's other
symbols. ui/glyphs_test.go checks the translations and every literal of the
UI's code.

The font is kept gzip-compressed (the Windows program has a size limit); this
reads and rewrites the .gz in place (deterministically: no name, no time).
Needs python3-fonttools (Debian). Run from anywhere; it does nothing for a
character the font has already.
"""
import gzip
import io
import os
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "DroidSansFallbackFull.ttf.gz")
with gzip.open(path, "rb") as f:
    font = TTFont(io.BytesIO(f.read()))
upm = font["head"].unitsPerEm  # 256 in this font
assert upm == 256, "coordinates below are for a 256-unit em"


def right_arrow(pen):
    # The shaft is as thick as the font's thin horizontal strokes and sits
    # on the middle line of 中 (y -25..208); the head is a filled triangle.
    points = [(28, 83), (28, 97), (180, 97), (180, 128), (232, 90), (180, 52), (180, 83)]
    pen.moveTo(points[0])
    for p in points[1:]:
        pen.lineTo(p)
    pen.closePath()


def left_arrow(pen):
    # right_arrow mirrored (x → 256 − x), its points in reverse order so
    # that the outline still runs clockwise.
    points = [(228, 83), (228, 97), (76, 97), (76, 128), (24, 90), (76, 52), (76, 83)][::-1]
    pen.moveTo(points[0])
    for p in points[1:]:
        pen.lineTo(p)
    pen.closePath()


def up_triangle(pen):
    # Filled, centred on the middle line like the arrows, a little smaller
    # than an ideograph so that it reads as a mark beside a heading.
    pen.moveTo((128, 178))
    pen.lineTo((208, 28))
    pen.lineTo((48, 28))
    pen.closePath()


def down_triangle(pen):
    pen.moveTo((48, 152))
    pen.lineTo((208, 152))
    pen.lineTo((128, 2))
    pen.closePath()


def clockwise(pen, *contours):
    # Each contour as a closed outline running clockwise (TrueType's
    # direction for filled shapes), whichever way its points were listed.
    for points in contours:
        area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))
        if area > 0:  # counter-clockwise
            points = points[::-1]
        pen.moveTo(points[0])
        for p in points[1:]:
            pen.lineTo(p)
        pen.closePath()


def check_mark(pen):
    # A heavy check mark on the middle line: short stroke down, long one up.
    clockwise(pen, [(30, 100), (62, 132), (100, 94), (196, 190), (228, 158), (100, 30)])


def ballot_x(pen):
    # A heavy X: two bars 28 units thick, crossing on the middle line.
    clockwise(pen, [(38, 20), (58, 0), (218, 160), (198, 180)], [(58, 180), (38, 160), (198, 0), (218, 20)])


added = []
for codepoint, name, draw in [(0x2192, "uni2192", right_arrow), (0x2190, "uni2190", left_arrow),
                              (0x25B2, "uni25B2", up_triangle), (0x25BC, "uni25BC", down_triangle),
                              (0x2714, "uni2714", check_mark), (0x2718, "uni2718", ballot_x)]:
    if codepoint in font.getBestCmap():
        continue
    pen = TTGlyphPen(None)
    draw(pen)
    glyph = pen.glyph()
    glyph.recalcBounds(font["glyf"])
    order = font.getGlyphOrder() + [name]
    font.setGlyphOrder(order)
    font["glyf"].glyphOrder = order
    font["glyf"][name] = glyph
    font["hmtx"][name] = (upm, glyph.xMin)
    if "vmtx" in font:
        font["vmtx"][name] = (upm, font["hhea"].ascent - glyph.yMax)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[codepoint] = name
    added.append("U+%04X" % codepoint)

if added:
    font["maxp"].numGlyphs = len(font.getGlyphOrder())
    out = io.BytesIO()
    font.save(out)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
        f.write(out.getvalue())
    print("added", ", ".join(added))
else:
    print("nothing to add")
