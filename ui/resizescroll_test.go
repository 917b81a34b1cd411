package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/kit"
)

// wholeInView reports whether a label reading text is drawn whole in the
// part of table that scrolls: inside the table and right of its sticky
// columns, not under them.
func wholeInView(table *kit.StickyTable, text string) bool {
	d := fyne.CurrentApp().Driver()
	tp, ts := d.AbsolutePositionForObject(table), table.Size()
	left := tp.X + table.StuckWidth()
	found := false
	walk(table, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || l.Text != text {
			return
		}
		p := d.AbsolutePositionForObject(l)
		if p.X >= left-1 && p.X+l.Size().Width <= tp.X+ts.Width+1 {
			found = true
		}
	})
	return found
}

// behindPinned are the labels of table drawn partly under its sticky
// columns: a scrolled column whose start is hidden and whose end shows
// ("]账前" of 建账前).
func behindPinned(table *kit.StickyTable) []string {
	d := fyne.CurrentApp().Driver()
	left := d.AbsolutePositionForObject(table).X + table.StuckWidth()
	var out []string
	walk(table, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || l.Text == "" {
			return
		}
		p := d.AbsolutePositionForObject(l)
		if p.X < left-1 && p.X+l.Size().Width > left+1 {
			out = append(out, l.Text)
		}
	})
	return out
}

// After the window is made smaller or larger, 收缴 and 合规日历 show this
// month whole, not under the pinned columns, also when left and opened
// again (review s7-8 newuser #5: after 1366 → 1024 收缴 showed 1–9月 and
// the calendar 1–8月; 1024 → 1366 left Jan–May scrolled out of view).
func TestMonthGridsFollowAResize(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		for _, sizes := range [][2]fyne.Size{{largeWindow, smallWindow}, {smallWindow, largeWindow}} {
			s, _, _ := firstDayShell(t)
			s.win.Resize(sizes[0])
			now := monthName(int(s.svc.today().Month))
			s.show(screenActivities)
			s.activities.showCalendar()
			s.show(screenDues)
			check := func(when string) {
				t.Helper()
				if c := s.dues.collect; !wholeInView(c.table, now) {
					t.Errorf("%s %v→%v, %s: 收缴 does not show %s whole", l, sizes[0], sizes[1], when, now)
				}
				if cut := behindPinned(s.dues.collect.table); len(cut) > 0 {
					t.Errorf("%s %v→%v, %s: 收缴 draws %q partly under the pinned columns", l, sizes[0], sizes[1], when, cut)
				}
			}
			check("before")
			s.win.Resize(sizes[1])
			check("resized")
			s.show(screenHome)
			s.show(screenActivities)
			s.activities.showCalendar()
			if !wholeInView(s.activities.calendar, now) {
				t.Errorf("%s %v→%v: the calendar does not show %s whole", l, sizes[0], sizes[1], now)
			}
			if cut := behindPinned(s.activities.calendar); len(cut) > 0 {
				t.Errorf("%s %v→%v: the calendar draws %q partly under the pinned column", l, sizes[0], sizes[1], cut)
			}
			s.show(screenDues)
			check("opened again")
		}
	}
	_ = useLanguage(Chinese)
}
