package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// Ticking a month that brings up 登记为党费已交至… moves nothing in the
// payment dialog: the button's place is kept (review s7-8 newuser #8: the
// rule line wrapped and every field moved down 18 px under the pointer).
func TestPaymentDialogKeepsItsPlaceWhenAMonthIsTicked(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		for _, size := range []fyne.Size{smallWindow, largeWindow} {
			s, st, ms := firstDayShell(t)
			s.win.Resize(size)
			if err := st.SetDuesLedgerStart(model.MonthOf(2026, 1)); err != nil {
				t.Fatal(err)
			}
			d := duesOf(t, s)
			row, first := -1, -1
			for i, r := range d.reg.Rows {
				if r.MemberID == ms[0].ID {
					row = i
				}
			}
			for k, m := range d.reg.Rows[row].Months {
				if m.State == model.MonthToRecord && first < 0 {
					first = k
				}
			}
			if first < 0 {
				t.Fatalf("%s has no months to record", ms[0].Name)
			}
			d.collect.table.OnSelected(widget.TableCellID{Row: row, Col: collectLead + first})
			p := d.collect.payment
			where := func() fyne.Position {
				relayout(s.win.Canvas().Overlays().Top())
				relayout(s.win.Canvas().Overlays().Top()) // a wrapped label knows its height after its width
				return fyne.CurrentApp().Driver().AbsolutePositionForObject(p.date)
			}
			ticked := where()
			p.months[first].SetChecked(false)
			if p.asOpening.Visible() {
				t.Fatalf("%s %v: 登记为党费已交至 shown with no month ticked", l, size)
			}
			unticked := where()
			p.months[first].SetChecked(true)
			if !p.asOpening.Visible() {
				t.Fatalf("%s %v: 登记为党费已交至 not offered", l, size)
			}
			if again := where(); again != unticked || ticked != unticked {
				t.Errorf("%s %v: 交纳日期 at %v unticked, %v ticked", l, size, unticked, again)
			}
			p.dlg.Hide()
		}
	}
	_ = useLanguage(Chinese)
}

// relayout lays o and everything under it out again at their sizes, as
// the next frame does after something was shown or hidden.
func relayout(o fyne.CanvasObject) {
	walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *fyne.Container:
			if w.Layout != nil {
				w.Layout.Layout(w.Objects, w.Size())
			}
		case fyne.Widget:
			if r := test.WidgetRenderer(w); r != nil {
				r.Layout(w.Size())
			}
		}
	})
}
