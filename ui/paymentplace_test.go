package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
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
			// No 登记为党费已交至 for months in the ledger since review
			// s8-8 #13: its place is still kept, and nothing moves.
			if p.asOpening.Visible() {
				t.Errorf("%s %v: 登记为党费已交至 offered for a month in the ledger", l, size)
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

// The date fields that need the day — an activity's, a payment's, a
// transfer's — offer no 只填年月; the member's dates, which may be a month,
// do (review s7-8 newuser #11).
func TestDayFieldsOfferNoMonthOnly(t *testing.T) {
	s, _, ms := firstDayShell(t)
	s.show(screenActivities)
	s.activities.openForm(model.Activity{Kind: model.KindGeneralMeeting, Date: testToday})
	picker := func(d *kit.DateEntry) string {
		test.Tap(d.ActionItem.(fyne.Tappable))
		var words []string
		for _, o := range s.win.Canvas().Overlays().List() {
			walk(o, func(o fyne.CanvasObject) {
				if b, ok := asButton(o); ok && b.Text != "" {
					words = append(words, b.Text)
				}
			})
		}
		s.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) // closes the calendar
		return strings.Join(words, " ")
	}
	if got := picker(s.activities.form.date); strings.Contains(got, "只填年月") || !strings.Contains(got, "今天") {
		t.Errorf("新建活动's date calendar offers %q", got)
	}
	s.activities.form.dlg.Hide()
	d := duesOf(t, s)
	d.collect.table.OnSelected(widget.TableCellID{Row: 0, Col: collectLead + 11})
	if got := picker(d.collect.payment.date); strings.Contains(got, "只填年月") {
		t.Errorf("the payment date's calendar offers %q", got)
	}
	d.collect.payment.dlg.Hide()
	showMemberForm(s, ms[0])
	var birth *kit.DateEntry
	for _, o := range s.win.Canvas().Overlays().List() {
		walk(o, func(o fyne.CanvasObject) {
			if e, ok := o.(*kit.DateEntry); ok && birth == nil {
				birth = e
			}
		})
	}
	if birth == nil {
		t.Fatal("no date in the member form")
	}
	if got := picker(birth); !strings.Contains(got, "只填年月") {
		t.Errorf("the member form's first date offers %q, want 只填年月 too", got)
	}
}

// The reduction dialog checks what the 基数 page checked only when saved:
// a reason and an approval, and an amount below the normal one, each under
// its field when left, with 确定 disabled (review s7-8 attack #16).
func TestReductionCheckedInItsDialog(t *testing.T) {
	s, _, _ := firstDayShell(t)
	s.show(screenDues)
	b := s.dues.bases
	row := -1
	for i := range b.rows {
		if b.rows[i].base.Category.HasBase() && b.rows[i].base.Base > 0 {
			row = i
			break
		}
	}
	if row < 0 {
		t.Fatal("no member with a base")
	}
	form := b.editReduction(row).Form
	var inputs []fyne.CanvasObject
	for _, o := range s.win.Canvas().Overlays().List() {
		walk(o, func(o fyne.CanvasObject) {
			switch w := o.(type) {
			case *kit.Check:
				inputs = append(inputs, w)
			case *kit.Entry:
				inputs = append(inputs, w)
			}
		})
	}
	if len(inputs) != 4 {
		t.Fatalf("%d inputs in the dialog", len(inputs))
	}
	reduced, amount, reason := inputs[0].(*kit.Check), inputs[1].(*kit.Entry), inputs[2].(*kit.Entry)
	test.Tap(reduced)
	test.Type(amount, "100000")
	amount.FocusLost()
	test.Type(reason, " ")
	reason.FocusLost()
	var msgs []string
	for _, m := range form.Problems() {
		msgs = append(msgs, m)
	}
	all := strings.Join(msgs, " | ")
	for _, want := range []string{"应少于按规定应交", "请填写减交的原因"} {
		if !strings.Contains(all, want) {
			t.Errorf("after leaving the fields: %q, want %q", all, want)
		}
	}
	if !form.Save.Disabled() {
		t.Error("确定 enabled with the reduction's problems")
	}
}
