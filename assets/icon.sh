#!/usr/bin/env bash
# Redraws assets/icon.png (512x512) and assets/icon.ico: a red rounded square, a gold frame, the
# characters 台账 in the bundled CJK font and an open ledger below them.
# Needs ImageMagick 6 (Debian package imagemagick). Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")"
red='#B3121F'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The bundled font is stored compressed.
font="$tmp/DroidSansFallbackFull.ttf"
gzip -dc fonts/DroidSansFallbackFull.ttf.gz >"$font"
gold='#F2C14E'
convert -size 512x512 xc:none \
	-fill "$red" -draw 'roundrectangle 16,16 495,495 88,88' \
	-fill none -stroke '#E8B64C' -strokewidth 8 -draw 'roundrectangle 44,44 467,467 66,66' \
	-stroke none -fill "$gold" \
	-draw 'path "M 144,356 Q 196,338 250,360 L 250,418 Q 196,396 144,414 Z"' \
	-draw 'path "M 368,356 Q 316,338 262,360 L 262,418 Q 316,396 368,414 Z"' \
	-fill "$red" \
	-draw 'polygon 166,372 230,374 230,379 166,377' -draw 'polygon 166,390 230,392 230,397 166,395' \
	-draw 'polygon 346,372 282,374 282,379 346,377' -draw 'polygon 346,390 282,392 282,397 346,395' \
	-fill "$gold" -font "$font" -pointsize 156 -gravity north -annotate +0+116 '台账' \
	-depth 8 -strip icon.png

# icon.ico, the Windows program's icon: 16, 24 and 32 px drawn anew with the
# one character 账 (台账 and the ledger are a blur at that size), 48 and 256
# px scaled down from icon.png. Windows picks the size each view needs.
for s in 16 24 32; do
	convert -size ${s}x${s} xc:none \
		-fill "$red" -draw "roundrectangle 0,0 $((s - 1)),$((s - 1)) $((s / 6)),$((s / 6))" \
		-fill "$gold" -font "$font" -pointsize $((s * 78 / 100)) \
		-gravity center -annotate +0+$((s / 20)) '账' -depth 8 -strip "$tmp/$s.png"
done
for s in 48 256; do
	convert icon.png -filter Lanczos -resize ${s}x${s} -depth 8 -strip "$tmp/$s.png"
done
convert "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/256.png" icon.ico
