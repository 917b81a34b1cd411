package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// lastInView says whether a heading (a label or a header button) reading
// text is whole inside the table's width.
func lastInView(table fyne.Widget, text string) bool {
	d := fyne.CurrentApp().Driver()
	tp, ts := d.AbsolutePositionForObject(table), table.Size()
	found := false
	walk(table, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			if w.Text != text || !w.Visible() {
				return
			}
		case *widget.Button:
			if w.Text != text || !w.Visible() {
				return
			}
		default:
			return
		}
		p := d.AbsolutePositionForObject(o)
		if p.X >= tp.X && p.X+o.Size().Width <= tp.X+ts.Width+1 {
			found = true
		}
	})
	return found
}

// scrollToEnd turns the wheel sideways over the table far past its end.
func scrollToEnd(c fyne.Canvas, table fyne.Widget) {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(table)
	test.Scroll(c, p.Add(fyne.NewPos(table.Size().Width-40, table.Size().Height/2)), -20000, 0)
}

// Every table with sticky columns (kit.NewStickyTable) scrolls to its last
// column at 1024×700, in both languages: Fyne 2.7.1 stopped such a table
// short of its end by about the sticky columns' width, so 收缴's 全年实交,
// a member's 12月 and the roster's last column could not be reached (s6
// read-through rtui #2).
func TestStickyTablesScrollToTheirLastColumn(t *testing.T) {
	for _, l := range []Language{English, Chinese} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		s, _, ms := firstDayShell(t)
		s.win.Resize(smallWindow)

		s.show(screenRoster)
		r := s.roster
		last := r.heading(len(r.columns) - 1)
		scrollToEnd(s.win.Canvas(), r.table)
		if !lastInView(r.table, last) {
			t.Errorf("%s: scrolled to the end, the roster does not show %q whole", l, last)
		}

		s.show(screenDues)
		c := s.dues.collect
		last = c.heading(collectLead + 12)
		scrollToEnd(s.win.Canvas(), c.table)
		if !lastInView(c.table, last) {
			t.Errorf("%s: scrolled to the end, 收缴 does not show %q whole", l, last)
		}

		s.openMember(ms[0].ID)
		dt := s.roster.detail.dues
		s.roster.detail.tabs.Select(dt.item)
		scrollToEnd(s.win.Canvas(), dt.table)
		if !lastInView(dt.table, monthName(12)) {
			t.Errorf("%s: scrolled to the end, a member's dues do not show %q whole", l, monthName(12))
		}
	}
	_ = useLanguage(Chinese)
}
