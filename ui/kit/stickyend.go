package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// StickyTable is a table whose first columns stay in view while the others
// scroll sideways (a member's name, a month grid's year). Every table with
// sticky columns is made with NewStickyTable.
//
// Fyne 2.7.1 stops scrolling a table with sticky columns short of its end
// by about their width, so the last columns could not be reached (支部一览's
// 严重/提醒, 收缴's 合计, 党员's 名册状态: review s6-11 newuser #8, s6-8
// newuser #2, s6 read-through rtui #2). A StickyTable has a blank column
// after its last one, as wide as its sticky columns, which makes up for
// it; the pad shows nothing and is never selected.
type StickyTable struct {
	widget.Table
	sticky []float32       // the sticky columns' widths
	widths map[int]float32 // every column's width set, for ScrollTo
	header func(widget.TableCellID, fyne.CanvasObject)
}

// NewStickyTable returns a table whose first sticky columns stay in view.
// length gives the real rows and columns; create and update are those of
// widget.NewTable. Set the header row with SetHeader, and the widths with
// SetColumnWidth, which keeps the pad as wide as the sticky columns (set
// theirs: the pad is sized from them).
func NewStickyTable(sticky int, length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *StickyTable {
	t := &StickyTable{sticky: make([]float32, sticky), widths: map[int]float32{}}
	t.StickyColumnCount = sticky
	t.CreateCell = create
	real := func() int { _, c := length(); return c }
	t.Length = func() (int, int) {
		r, c := length()
		if sticky > 0 {
			c++
		}
		return r, c
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		if sticky > 0 && id.Col == real() {
			o.Hide() // the pad shows nothing and takes no taps
			return
		}
		o.Show() // a cell of the pad may come back for a real column
		update(id, o)
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if t.header == nil || (sticky > 0 && id.Col == real()) {
			o.Hide()
			return
		}
		o.Show()
		t.header(id, o)
	}
	t.ExtendBaseWidget(t)
	return t
}

// SetHeader shows a header row made by create and filled by update.
func (t *StickyTable) SetHeader(create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) {
	t.ShowHeaderRow = true
	t.CreateHeader = create
	t.header = update
}

// Columns is the number of real columns (without the pad).
func (t *StickyTable) Columns() int {
	_, c := t.Length()
	if len(t.sticky) > 0 {
		c--
	}
	return c
}

// SetColumnWidth sets a column's width; the pad follows the sticky ones.
func (t *StickyTable) SetColumnWidth(col int, width float32) {
	t.Table.SetColumnWidth(col, width)
	t.widths[col] = width
	if col >= 0 && col < len(t.sticky) && t.sticky[col] != width {
		t.sticky[col] = width
		t.setPad()
	}
}

// setPad makes the pad as wide as the sticky columns with their
// separators: a narrower one does not bring the last column into view.
func (t *StickyTable) setPad() {
	w := t.StuckWidth()
	t.Table.SetColumnWidth(t.Columns(), w)
	t.widths[t.Columns()] = w
}

// ScrollTo brings a cell into view. Fyne 2.7.1 draws the scrolled
// columns of a table with sticky columns away from where its own ScrollTo
// puts them (by the difference between a sticky column's width and a
// scrolled one's), so a month scrolled to was cut or out of view (review
// s6-8 newuser #2). In the top row (the month grids scroll to row 0) this
// scrolls to the least offset at which Fyne draws a column's start at the
// pinned columns' edge and the cell whole: no column is then drawn half
// under the pinned ones ("]账前", review s7-8 newuser #5), and a table that
// fits is not scrolled at all. Elsewhere it picks, of the offsets Fyne's
// ScrollTo can reach, the least that shows the column whole.
func (t *StickyTable) ScrollTo(id widget.TableCellID) {
	_, cols := t.Length()
	ws := make([]float32, cols)
	for i := range ws {
		w, ok := t.widths[i]
		if !ok || len(t.sticky) == 0 || id.Col < len(t.sticky) {
			t.Table.ScrollTo(id)
			return
		}
		ws[i] = w
	}
	pad := theme.Padding()
	view := t.Size().Width - t.StuckWidth()
	if view <= 0 || id.Col >= cols {
		t.Table.ScrollTo(id)
		return
	}
	// p[i]: where Fyne's drawing counts column i from (sticky ones
	// included, summed as Fyne sums them); q[i]: where its ScrollTo does
	// (after the sticky ones).
	p, q := make([]float32, cols+1), make([]float32, cols+1)
	for i := range cols {
		p[i+1] = p[i] + ws[i] + pad
		q[i+1] = q[i]
		if i >= len(t.sticky) {
			q[i+1] += ws[i] + pad
		}
	}
	q0 := q[len(t.sticky)]
	end := max(0, q[cols]-q0-pad-view) // the content's last offset
	// At offset x Fyne draws from column m+sticky on, the first at p[m],
	// m the last with p[m] <= x.
	drawnAt := func(m int) float32 {
		d := p[m]
		for i := m + len(t.sticky); i < id.Col; i++ {
			d += ws[i] + pad
		}
		return d
	}
	if id.Row == 0 {
		for m := 0; m+len(t.sticky) <= id.Col && p[m] <= end+0.5; m++ {
			if x := min(p[m], end); drawnAt(m)+ws[id.Col] <= x+view+0.5 {
				t.Table.ScrollToOffset(fyne.NewPos(x, 0))
				return
			}
		}
	}
	drawnWhole := func(x float32) bool {
		m := 0
		for m+1 < cols && p[m+1] <= x {
			m++
		}
		if id.Col < m+len(t.sticky) {
			return false
		}
		d := drawnAt(m)
		return d >= x-0.5 && d+ws[id.Col] <= x+view+0.5
	}
	// Offsets reached by ScrollTo(col) from the leading edge.
	for c := len(t.sticky); c < cols; c++ {
		x := min(end, max(0, q[c]-q0+ws[c]-view))
		if !drawnWhole(x) {
			continue
		}
		t.ScrollToLeading()
		t.Table.ScrollTo(widget.TableCellID{Row: id.Row, Col: c})
		return
	}
	t.Table.ScrollTo(id)
}

// Tapped selects the tapped cell, but never one of the pad.
func (t *StickyTable) Tapped(e *fyne.PointEvent) {
	t.guard(func() { t.Table.Tapped(e) })
}

// TypedKey moves and selects with the keyboard, never onto the pad.
func (t *StickyTable) TypedKey(e *fyne.KeyEvent) {
	t.guard(func() { t.Table.TypedKey(e) })
}

// guard runs f with OnSelected not called for the pad's cells.
func (t *StickyTable) guard(f func()) {
	on := t.OnSelected
	if on == nil || len(t.sticky) == 0 {
		f()
		return
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Col >= t.Columns() {
			t.UnselectAll()
			return
		}
		on(id)
	}
	defer func() { t.OnSelected = on }()
	f()
}

// StuckWidth is the width the sticky columns take at the table's leading
// edge, with their separators: a scrolled column drawn left of it is
// behind them.
func (t *StickyTable) StuckWidth() float32 {
	var w float32
	for _, s := range t.sticky {
		w += s + theme.Padding()
	}
	return w
}

// FillWhole sizes the scrolled columns from col on so that the view holds
// whole columns only, at the start of the table or, atEnd, at its end: the
// months (every column but the last) get one width, at least month, and
// the last keeps last. It returns how many months are in view (all of them
// when everything fits). A view that ended inside a column cut its heading
// and amounts mid-word ("全年实" at 1024 px, review s13-look); with whole
// columns the next one starts at the edge and is plainly scrolled away.
// Call it again when the table's width changes, and scroll to the first
// column or (atEnd) the last.
func (t *StickyTable) FillWhole(col int, month, last float32, atEnd bool) int {
	months := t.Columns() - col - 1
	if months <= 0 {
		return 0
	}
	pad := theme.Padding()
	view := t.Size().Width - t.StuckWidth()
	w, n := month, months
	// Everything fits, or there is no width yet: the natural widths.
	if all := float32(months)*(month+pad) + last; view > 0 && all > view {
		room := view + pad // n months of width w take n*(w+pad)
		if atEnd {
			room = view - last
		}
		n = max(1, int(room/(month+pad)))
		w = room/float32(n) - pad
	}
	for c := col; c < col+months; c++ {
		t.SetColumnWidth(c, w)
	}
	t.SetColumnWidth(col+months, last)
	return n
}

// FillStart gives the scrolled columns that are in view at the start of
// the table the room left after the last of them, shared out, so that the
// view ends where a column ends; natural are every column's own widths
// (the sticky ones included). A view that ended inside a column showed
// "加入党组织日…" and "Categ…" cut at the window's edge (review s13-look);
// now the next column starts at the edge and is plainly scrolled away.
// Call it again when the table's width or natural changes.
func (t *StickyTable) FillStart(natural []float32) {
	pad := theme.Padding()
	view := t.Size().Width - t.StuckWidth()
	from := len(t.sticky)
	used, n := float32(0), 0
	for c := from; c < len(natural); c++ {
		if used+natural[c] > view {
			break
		}
		used += natural[c] + pad
		n++
	}
	extra := float32(0)
	if view > 0 && n > 0 && from+n < len(natural) {
		extra = (view + pad - used) / float32(n)
	}
	for c := range natural {
		w := natural[c]
		if c >= from && c < from+n {
			w += extra
		}
		if t.widths[c] != w {
			t.SetColumnWidth(c, w)
		}
	}
}
