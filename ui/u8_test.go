package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// cutAtEdge are the labels of table drawn across its right edge: a column
// the view ends inside ("全年实" of 全年实交, "Paid this (year)").
func cutAtEdge(table fyne.CanvasObject) []string {
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(table).X + table.Size().Width
	var out []string
	walk(table, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || l.Text == "" {
			return
		}
		if p := d.AbsolutePositionForObject(l); p.X < right-1 && p.X+l.Size().Width > right+1 {
			out = append(out, l.Text)
		}
	})
	return out
}

// 收缴 opens with whole columns only: this month (November) in view, and
// at 1024 px 全年实交 whole beside it, never cut at the window's edge; when
// the months do not all fit, a line says the table scrolls (review
// s13-look: Jan–Apr hidden behind the pinned columns with nothing said,
// and 全年实交 / "Paid this year" cut).
func TestDuesGridOpensOnWholeColumns(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		for _, size := range []fyne.Size{smallWindow, largeWindow} {
			s := demoShell(t, l, 14)
			s.win.Resize(size)
			s.show(screenDues)
			c := s.dues.collect
			now := monthName(int(s.svc.today().Month))
			year := lang.L("全年实交")
			if !wholeInView(c.table, now) || !wholeInView(c.table, year) {
				t.Errorf("%s %v: %s whole %v, %s whole %v", l, size, now, wholeInView(c.table, now), year, wholeInView(c.table, year))
			}
			if cut := cutAtEdge(c.table); len(cut) > 0 {
				t.Errorf("%s %v: the view ends inside %q", l, size, cut)
			}
			allShown := wholeInView(c.table, monthName(1))
			if c.scrolled.Visible() == allShown {
				t.Errorf("%s %v: %s in view %v, the line saying the table scrolls shown %v", l, size, monthName(1), allShown, c.scrolled.Visible())
			}
		}
	}
}
