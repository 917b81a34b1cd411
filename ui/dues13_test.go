package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// The 收缴 totals say the 收缴率 as the printed summary does, months to
// record (待补录) counted as owed and said apart; 全年应交 stays what the year
// owes when a month to record is then recorded (review s9-8 #3: 应交 grew
// with each payment and the printed rate said 100 % with months unrecorded).
func TestCollectTotalsCountMonthsToRecord(t *testing.T) {
	s, st, ms := firstDayShell(t)
	// Set up in November, moved back to September: 甲's September and
	// October (81.00 each) are to record.
	if err := st.SetDuesLedgerStart(model.MonthOf(2026, 9)); err != nil {
		t.Fatal(err)
	}
	s.dataChanged()
	d := duesOf(t, s)
	c := d.collect
	before := c.totals.Text
	if !strings.Contains(before, "已到期应交162.00元（其中待补录162.00元，不计欠交），收缴率0.0%") {
		t.Errorf("totals %q", before)
	}
	row := -1
	for i, r := range d.reg.Rows {
		if r.MemberID == ms[0].ID {
			row = i
		}
	}
	if row < 0 || d.reg.Rows[row].Months[8].State != model.MonthToRecord {
		t.Fatalf("September is not to record: %+v", d.reg.Rows)
	}
	c.table.OnSelected(widget.TableCellID{Row: row, Col: collectLead + 8})
	p := c.payment
	test.Type(p.date, "2026-09-15")
	test.Tap(p.save)
	if p.form.Reason.Text != "" {
		t.Fatalf("payment refused: %s", p.form.Reason.Text)
	}
	after := c.totals.Text
	due := func(s string) string { return s[:strings.Index(s, "已交")] }
	if due(after) != due(before) {
		t.Errorf("全年应交 changed with a payment: %q, then %q", before, after)
	}
	if !strings.Contains(after, "已到期应交162.00元（其中待补录81.00元，不计欠交），收缴率50.0%") {
		t.Errorf("after recording September: %q", after)
	}
}
