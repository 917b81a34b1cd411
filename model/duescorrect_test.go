package model

import (
	"strings"
	"testing"
	"time"
)

// RULES §2: "a new base applies from the month new pay starts"; the
// months before keep the year's amount.
func TestBaseChangeDuringYear(t *testing.T) {
	r := CurrentDuesRules()
	year := []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}} // 81.00
	change := func(from time.Month, c DuesCategory, base Money) DuesBase {
		return DuesBase{MemberID: 1, Year: 2026, From: from, Category: c, Base: base}
	}
	for _, c := range []struct {
		name    string
		changes []DuesBase
		due     [12]Money // in 元 ×100 as Money
		yearDue Money
	}{
		{"no_change_81_all_year", nil,
			[12]Money{8100, 8100, 8100, 8100, 8100, 8100, 8100, 8100, 8100, 8100, 8100, 8100}, Yuan(81 * 12)},
		{"raise_from_June_to_6000_is_90", []DuesBase{change(time.June, DuesEmployed, Yuan(6000))},
			[12]Money{8100, 8100, 8100, 8100, 8100, 9000, 9000, 9000, 9000, 9000, 9000, 9000}, Yuan(81*5 + 90*7)},
		{"retired_from_October_3000_is_15", []DuesBase{change(time.October, DuesRetired, Yuan(3000))},
			[12]Money{8100, 8100, 8100, 8100, 8100, 8100, 8100, 8100, 8100, 1500, 1500, 1500}, Yuan(81*9 + 15*3)},
		{"two_changes_latest_wins_its_months", []DuesBase{change(time.September, DuesEmployed, Yuan(12000)), change(time.March, DuesEmployed, Yuan(2000))},
			[12]Money{8100, 8100, 1000, 1000, 1000, 1000, 1000, 1000, 24000, 24000, 24000, 24000}, Yuan(81*2 + 10*6 + 240*4)},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := duesMember(1, NewDate(2010, 1, 1))
			bases := append(append([]DuesBase{}, year...), c.changes...)
			reg := BuildRegister(2026, []Member{m}, DuesHistory{Start: MonthOf(2026, 1), Bases: bases}, NewDate(2027, 1, 10), r)
			row := reg.Rows[0]
			if row.Due != c.due || row.YearDue != c.yearDue {
				t.Errorf("due %v year %s, want %v %s", row.Due, row.YearDue, c.due, c.yearDue)
			}
			for k, cell := range row.Months {
				if cell.State != MonthOverdue || cell.Amount != c.due[k] {
					t.Errorf("month %d: %+v", k+1, cell)
				}
			}
			if len(c.changes) > 0 && !strings.Contains(row.Note, "月起") {
				t.Errorf("note %q does not name the change", row.Note)
			}
			ar := Arrears([]Member{m}, DuesHistory{Start: MonthOf(2026, 1), Bases: bases}, NewDate(2027, 1, 10), r, PartyConstitution2022)
			if len(ar) != 1 || ar[0].Amount != c.yearDue || ar[0].Months != 12 {
				t.Errorf("arrears %+v, want %s", ar, c.yearDue)
			}
		})
	}
}

func TestCheckChange(t *testing.T) {
	r := CurrentDuesRules()
	paidAt := func(mon time.Month, a Money) []PaidMonth {
		return []PaidMonth{{MemberID: 1, Month: MonthOf(2026, mon), Amount: a}}
	}
	ch := DuesBase{MemberID: 1, Year: 2026, From: time.June, Category: DuesEmployed, Base: Yuan(6000)}
	for _, c := range []struct {
		name    string
		b       DuesBase
		hasYear bool
		paid    []PaidMonth
		want    string
	}{
		{"from_June", ch, true, paidAt(time.May, Yuan(81)), ""},
		{"June_paid_at_the_new_amount", ch, true, paidAt(time.June, Yuan(90)), ""},
		{"June_paid_at_the_old_amount", ch, true, paidAt(time.June, Yuan(81)), "先冲正"},
		{"no_year_base", ch, false, nil, "先填写全年基数"},
		{"from_January_is_the_year_base", DuesBase{MemberID: 1, Year: 2026, From: time.January, Category: DuesEmployed, Base: Yuan(6000)}, true, nil, "2 至 12"},
		{"base_refused", DuesBase{MemberID: 1, Year: 2026, From: time.June, Category: DuesEmployed, Base: Yuan(2000000)}, true, nil, "不合常理"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckChange(c.b, c.hasYear, c.paid, r)
			if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
		})
	}
}

func TestAddExtras(t *testing.T) {
	r := CurrentDuesRules()
	ms := []Member{duesMember(1, NewDate(2010, 1, 1)), duesMember(2, NewDate(2010, 1, 1))}
	bases := []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}, {MemberID: 2, Year: 2026, Category: DuesStudent}}
	paid := []PaidMonth{{MemberID: 1, Month: MonthOf(2026, 1), Amount: Yuan(81)}}
	reg := BuildRegister(2026, ms, DuesHistory{Start: MonthOf(2026, 1), Bases: bases, Paid: paid}, NewDate(2026, 2, 1), r)
	reg.AddExtras(map[int64]Money{1: Yuan(200)}, 1)
	if reg.Rows[0].YearPaid != Yuan(81) || reg.Rows[0].Extra != Yuan(200) || reg.Extra != Yuan(200) || reg.YearPaid != Yuan(81) {
		t.Errorf("extra mixed into 实交: %+v", reg.Rows[0])
	}
	if !strings.Contains(reg.Rows[0].Note, "自愿多交 200.00 元") || reg.Rows[1].Note != "" {
		t.Errorf("notes %q %q", reg.Rows[0].Note, reg.Rows[1].Note)
	}
}

func TestReversalValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		rv   DuesReversal
		want string
	}{
		{"payment_with_reason", DuesReversal{PaymentID: 1, Reason: "月份选错"}, ""},
		{"remittance_with_reason", DuesReversal{RemittanceID: 1, Reason: "金额录错"}, ""},
		{"no_reason", DuesReversal{PaymentID: 1, Reason: "  "}, "原因"},
		{"reason_too_long", DuesReversal{PaymentID: 1, Reason: strings.Repeat("错", 201)}, "过长"},
		{"neither", DuesReversal{Reason: "x"}, "一笔"},
		{"both", DuesReversal{PaymentID: 1, RemittanceID: 2, Reason: "x"}, "一笔"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.rv.Validate()
			if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
		})
	}
}
