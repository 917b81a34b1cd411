package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PadStickyEnd adds a blank column after a table's last one, as wide as
// its sticky columns, so that its last real column can be scrolled into
// view. Fyne 2.7.1 stops scrolling a table with sticky columns short of
// its end by about their width: 支部一览's 严重/提醒 and 单位名录's 备注
// could not be reached at any window size (review s6-11 newuser #8).
//
// Call it after the table's Length, UpdateCell and UpdateHeader are set,
// and SetStickyPad after each change of the sticky columns' widths.
func PadStickyEnd(t *widget.Table) {
	length, update, header := t.Length, t.UpdateCell, t.UpdateHeader
	real := func() int { _, c := length(); return c }
	t.Length = func() (int, int) { r, c := length(); return r, c + 1 }
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col == real() {
			o.Hide() // the pad shows nothing and takes no taps
			return
		}
		o.Show() // a cell of the pad may come back for a real column
		update(id, o)
	}
	if header != nil {
		t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Col == real() {
				o.Hide()
				return
			}
			o.Show()
			header(id, o)
		}
	}
}

// SetStickyPad sets the width of the column PadStickyEnd added to the
// widths of the sticky columns, with their separators.
func SetStickyPad(t *widget.Table, stickyWidths ...float32) {
	var w float32
	for _, s := range stickyWidths {
		w += s + theme.Padding()
	}
	_, c := t.Length()
	t.SetColumnWidth(c-1, w)
}
