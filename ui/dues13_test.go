package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// The 收缴 totals say the 收缴率 as the printed summary does: over the
// recorded months, months to record (待补录) said apart, and no rate while
// every past month is to record (review s13-newuser #4: it said 0.0 %);
// 全年应交 stays what the year owes when a month to record is then recorded
// (review s9-8 #3: 应交 grew with each payment).
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
	if !strings.Contains(before, "已到期应交162.00元，均为待补录（不计欠交），补录后计算收缴率") {
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
	if !strings.Contains(after, "已到期应交162.00元，其中待补录81.00元（不计欠交，补录后计入）；其余81.00元收缴率100.0%") {
		t.Errorf("after recording September: %q", after)
	}
}

// A member who paid last month after a run of unpaid months is not shown
// "连续未交 0" (English "Consecutive 0"): the 欠缴 tab leaves the count
// empty and names the earlier months as a reminder, in either language;
// the roster's 党费 column says the months owed (review s9-8 #5).
func TestEarlierRunPaidSinceIsNamedNotZero(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	s, st := newDuesShell(t)
	var a model.Arrear
	for _, x := range s.checks.arrears {
		if x.Streak >= 4 && x.Unknown == 0 && a.Name == "" {
			a = x
		}
	}
	if a.Name == "" {
		t.Fatal("the demo has nobody 4 months behind")
	}
	// Pay the last month of the run: it ends a month later, paid since.
	last := model.ArrearsThrough(testToday)
	var due model.Money
	for _, r := range newDuesScreen(s).reg.Rows {
		if r.MemberID == a.MemberID {
			due = r.Due[last.Mon()-1]
		}
	}
	if _, err := st.RecordDuesPayment(model.DuesPayment{MemberID: a.MemberID, Date: testToday, Amount: due, Months: []model.Month{last}}); err != nil {
		t.Fatal(err)
	}
	s.dataChanged()
	for _, l := range []Language{Chinese, English} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		d := duesOf(t, s)
		d.arrears.refresh()
		row := -1
		for i, x := range d.arrears.list {
			if x.MemberID == a.MemberID {
				row = i
			}
		}
		if row < 0 {
			t.Fatalf("%s is not in the 欠缴 list", a.Name)
		}
		for i, x := range d.arrears.list {
			// The run's first month by name (review s9-8 #10).
			if x.Streak > 0 {
				if got := d.arrears.cell(i, 4); got != monthText(x.Since) || strings.Contains(got, "-") {
					t.Errorf("%v: 起始 %q, want %q", l, got, monthText(x.Since))
				}
			}
		}
		if got := d.arrears.cell(row, 3); got != "" {
			t.Errorf("%v: 连续未交 %q, want empty", l, got)
		}
		note := d.arrears.cell(row, 5)
		switch l {
		case Chinese:
			if want := monthText(a.Since) + "至"; !strings.Contains(note, want) || !strings.Contains(note, "请提醒补交") {
				t.Errorf("提示 %q, want the months from %s", note, want)
			}
		case English:
			if hasHan(note) || !strings.Contains(note, "Unpaid "+a.Since.Mon().String()[:3]+"–") {
				t.Errorf("English note %q", note)
			}
		}
	}
}

// English dues wording names months as English does (review s9-8 #10): a
// run's finding says "unpaid from Jun 2026", not "nothing paid since Jun
// 2026" (which reads as a payment in June), and the screens' months read
// "Oct 2026" and "Mar–Sep 2026", not "10/2026" and "3–9/2026".
func TestEnglishDuesMonthsByName(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	c := model.CurrentRules().Constitution
	a := model.Arrear{Name: "Dai", Months: 6, Amount: model.Yuan(486), Streak: 6, Since: model.MonthOf(2026, 6), Severity: model.Serious}
	got := kit.Say(a.Text(c))
	if !strings.Contains(got, "unpaid from Jun 2026, 6 months in a row") || strings.Contains(got, "since") || hasHan(got) {
		t.Errorf("finding %q", got)
	}
	for _, tc := range []struct{ got, want string }{
		{monthText(model.MonthOf(2026, 10)), "Oct 2026"},
		{monthRangeText(model.MonthOf(2026, 3), model.MonthOf(2026, 9)), "Mar–Sep 2026"},
		{monthRangeText(model.MonthOf(2025, 11), model.MonthOf(2026, 2)), "Nov 2025 – Feb 2026"},
	} {
		if tc.got != tc.want {
			t.Errorf("%q, want %q", tc.got, tc.want)
		}
	}
}
