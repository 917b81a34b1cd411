package kit

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// WordsWidth is the width of a label (a table cell, a column of a list)
// that shows each of words whole, on one line, regular or bold: the widest
// word, rounded up, and the label's padding. Rounded up because a label
// that cuts with "…" compares whole pixels: a column exactly as wide as
// "Before records" showed "Before recor…" (review s5-8 newuser #11). Every
// screen measures its words here (read-through s6 rtui #6: four helpers
// measured alike, each a little differently).
func WordsWidth(words ...string) float32 {
	return max(TextWidth(fyne.TextStyle{}, words...), TextWidth(fyne.TextStyle{Bold: true}, words...))
}

// TextWidth is WordsWidth for a label that shows words in one style only
// (a bold severity, a drop-down's regular text).
func TextWidth(style fyne.TextStyle, words ...string) float32 {
	w := float32(0)
	for _, s := range words {
		w = max(w, fyne.MeasureText(s, theme.TextSize(), style).Width)
	}
	return float32(math.Ceil(float64(w))) + 1 + 2*theme.InnerPadding()
}
