#!/usr/bin/python3
"""Adds to DroidSansFallbackFull.ttf(.gz) the characters the UI uses that it lacks.

Fyne draws each character from the theme's font (this one) or its own
default font, and asks the system only for what neither has: on a PC without
such a font the character shows as a box. ui/glyphs_test.go lists every
character the translations use that the bundled fonts lack; each is drawn
here. So far that is one: → (U+2192, RIGHTWARDS ARROW), drawn as a plain
arrow on the CJK middle line, full width like the font's other symbols.

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


added = []
for codepoint, name, draw in [(0x2192, "uni2192", right_arrow)]:
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
