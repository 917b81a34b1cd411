package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// firstRowDrawn reports whether the label reading name is drawn inside
// table, below its header row.
func firstRowDrawn(table fyne.Widget, name string) bool {
	d := fyne.CurrentApp().Driver()
	tp, ts := d.AbsolutePositionForObject(table), table.Size()
	found := false
	walk(table, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == name {
			p := d.AbsolutePositionForObject(l)
			found = found || p.Y >= tp.Y && p.Y+l.Size().Height <= tp.Y+ts.Height
		}
	})
	return found
}

// Coming back to 收缴 after scrolling it and working elsewhere draws its
// first rows (review s8-8 #3: the first four members were a blank band,
// the grid starting at the fifth, and a click there recorded nothing).
func TestCollectionComesBackWithItsFirstRows(t *testing.T) {
	s, _, _ := firstDayShell(t)
	s.win.Resize(smallWindow)
	s.show(screenDues)
	d := s.dues
	c := d.collect
	first := d.reg.Rows[0].Name
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.table)
	test.Scroll(s.win.Canvas(), p.Add(fyne.NewPos(c.table.Size().Width/2, c.table.Size().Height/2)), 0, -400)
	test.Scroll(s.win.Canvas(), p.Add(fyne.NewPos(c.table.Size().Width/2, c.table.Size().Height/2)), 400, 0)
	s.show(screenHome)
	s.dataChanged()
	s.show(screenDues)
	if !firstRowDrawn(c.table, first) {
		t.Errorf("back on 收缴: %s's row is not drawn", first)
	}
}
