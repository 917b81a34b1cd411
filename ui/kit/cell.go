package kit

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SetCellText sets the text of a table cell width wide (in Fyne units),
// cut with "…" when it does not fit, as Fyne's TextTruncateEllipsis would.
// Pass the cell's own width (o.Size().Width in the table's update
// function: Fyne sizes a cell before updating it, and updates every cell
// when the user drags a column's edge); 0, a cell not yet laid out, shows
// the whole text.
//
// Why not that: a label that truncates with an ellipsis shapes its text
// afresh on every refresh, and each shaping builds the Chinese font's lookup
// tables again (1–2 ms a cell), while measuring a text is cached. The 党员
// screen of 50 members (some 200 cells in view) took 0.4 s to build that way
// and over 0.5 s to appear in software rendering (Windows 兼容模式). Here the
// cut text is worked out once per text and width and kept.
func SetCellText(l *widget.Label, text string, width float32) {
	if l.Truncation != fyne.TextTruncateOff {
		l.Truncation = fyne.TextTruncateOff
	}
	l.SetText(CellText(text, width, l.TextStyle))
}

// SetWrapCellText is SetCellText for a WrapLabel cell of a table whose
// other columns wrap (cells are reused across columns): it stops wrapping
// and shows text cut to width.
func SetWrapCellText(l *WrapLabel, text string, width float32) {
	l.Wrapping, l.Truncation = fyne.TextWrapOff, fyne.TextTruncateOff
	l.SetText(CellText(text, width, l.TextStyle))
}

// CellText is text as a cell width wide shows it in style: whole when it
// fits or the cell is not laid out yet (width 0), else cut with "…".
func CellText(text string, width float32, style fyne.TextStyle) string {
	if width <= 0 {
		return text
	}
	return fitted(text, width-2*theme.InnerPadding(), style)
}

type fitKey struct {
	text  string
	width float32
	size  float32
	style fyne.TextStyle
}

var (
	fitMu    sync.Mutex
	fitCache = map[fitKey]string{}
)

// fitCacheMax bounds the cache: a roster of 20,000 members with a long text
// in a narrow column holds one entry per distinct text.
const fitCacheMax = 50_000

// fitted is text if it is at most width wide, else its longest beginning
// that fits with "…" after it.
func fitted(text string, width float32, style fyne.TextStyle) string {
	size := theme.TextSize()
	if fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	key := fitKey{text, width, size, style}
	fitMu.Lock()
	cut, ok := fitCache[key]
	fitMu.Unlock()
	if ok {
		return cut
	}
	runes := []rune(text)
	// The longest n with runes[:n]+"…" fitting; 0 leaves only "…".
	lo, hi := 0, len(runes)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	cut = string(runes[:lo]) + "…"
	fitMu.Lock()
	if len(fitCache) >= fitCacheMax {
		clear(fitCache)
	}
	fitCache[key] = cut
	fitMu.Unlock()
	return cut
}
