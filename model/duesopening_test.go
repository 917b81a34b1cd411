package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// The dues ledger on day one (issue 8 §1): months before the ledger begins
// for a member are not owed; a member's opening position (党费已交至) covers
// the months up to it and makes the next ones owed; a month without a base
// is 缺基数, a set-up gap, never an arrear and never art. 9 wording.
func TestDuesLedgerDayOne(t *testing.T) {
	r := CurrentDuesRules()
	c := PartyConstitution2022
	nov := MonthOf(2026, time.November)
	base := func(id int64, year int) DuesBase {
		return DuesBase{MemberID: id, Year: year, Category: DuesEmployed, Base: Yuan(5400)} // 81.00
	}
	paidMonths := func(id int64, from, to Month) []PaidMonth {
		var out []PaidMonth
		for mo := from; mo <= to; mo++ {
			out = append(out, PaidMonth{MemberID: id, Month: mo, Amount: Yuan(81)})
		}
		return out
	}
	for _, tc := range []struct {
		name     string
		join     Date
		start    Month
		opening  Month // 0: none
		bases    []DuesBase
		paid     []PaidMonth
		today    Date
		owedFrom Month // 0: the ledger has not begun for the member
		arrears  int   // past months owed and unpaid, amount known
		streak   int
		severity Severity
		gapPast  int // -1: no gap
	}{
		{"ledger_begun_this_month_nothing_past_is_owed", NewDate(2001, 7, 1), nov, 0,
			[]DuesBase{base(1, 2026)}, nil, NewDate(2026, 11, 30), nov, 0, 0, Info, -1},
		{"no_base_is_a_gap_not_an_arrear", NewDate(2001, 7, 1), nov, 0,
			nil, nil, NewDate(2026, 11, 30), nov, 0, 0, Info, 0},
		{"no_base_past_months_is_a_gap_with_past_months", NewDate(2001, 7, 1), MonthOf(2026, 1), 0,
			nil, nil, NewDate(2026, 11, 30), MonthOf(2026, 1), 0, 0, Info, 10},
		{"paid_January_to_October_on_paper", NewDate(2001, 7, 1), nov, MonthOf(2026, 10),
			[]DuesBase{base(1, 2026)}, nil, NewDate(2026, 11, 30), nov, 0, 0, Info, -1},
		{"opening_position_after_an_earlier_start_covers_its_months", NewDate(2001, 7, 1), MonthOf(2026, 1), MonthOf(2026, 10),
			[]DuesBase{base(1, 2026)}, nil, NewDate(2026, 11, 30), nov, 0, 0, Info, -1},
		// Months before 建账月份 are not owed (s3-8-newuser #0): the gap
		// between a paper 党费已交至 and the start is 待补录, not arrears.
		{"opening_position_before_the_start_leaves_the_gap_to_record", NewDate(2001, 7, 1), nov, MonthOf(2026, 3),
			[]DuesBase{base(1, 2026)}, nil, NewDate(2026, 11, 30), MonthOf(2026, 4), 0, 0, Info, -1},
		{"really_owed_six_months_is_serious", NewDate(2001, 7, 1), MonthOf(2026, 1), 0,
			[]DuesBase{base(1, 2026)}, paidMonths(1, MonthOf(2026, 1), MonthOf(2026, 4)), NewDate(2026, 11, 30), MonthOf(2026, 1), 6, 6, Serious, -1},
		{"really_owed_three_months_is_a_warning", NewDate(2001, 7, 1), MonthOf(2026, 1), 0,
			[]DuesBase{base(1, 2026)}, paidMonths(1, MonthOf(2026, 1), MonthOf(2026, 7)), NewDate(2026, 11, 30), MonthOf(2026, 1), 3, 3, Warning, -1},
		{"admitted_after_the_start_owes_from_admission", NewDate(2026, 6, 15), MonthOf(2026, 1), 0,
			[]DuesBase{base(1, 2026)}, paidMonths(1, MonthOf(2026, 6), MonthOf(2026, 10)), NewDate(2026, 11, 30), MonthOf(2026, 6), 0, 0, Info, -1},
		{"missing_base_years_end_the_run", NewDate(2001, 7, 1), MonthOf(2025, 1), 0,
			[]DuesBase{base(1, 2025)}, paidMonths(1, MonthOf(2025, 1), MonthOf(2025, 6)), NewDate(2026, 11, 30), MonthOf(2025, 1), 6, 0, Info, 10},
		{"no_ledger_yet_nothing_is_owed", NewDate(2001, 7, 1), 0, 0,
			nil, nil, NewDate(2026, 11, 30), 0, 0, 0, Info, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := duesMember(1, tc.join)
			h := DuesHistory{Start: tc.start, Bases: tc.bases, Paid: tc.paid, Openings: map[int64]Month{}}
			if tc.opening != 0 {
				h.Openings[1] = tc.opening
			}
			from, ok := h.OwedFrom(&m)
			if !ok {
				from = 0
			}
			if from != tc.owedFrom {
				t.Errorf("owed from %v, want %v", from, tc.owedFrom)
			}
			ar := Arrears([]Member{m}, h, tc.today, r, c)
			switch {
			case tc.arrears == 0 && len(ar) != 0:
				t.Errorf("arrears %+v, want none", ar)
			case tc.arrears > 0 && (len(ar) != 1 || ar[0].Months != tc.arrears || ar[0].Streak != tc.streak || ar[0].Severity != tc.severity):
				t.Errorf("arrears %+v, want %d months, streak %d, %v", ar, tc.arrears, tc.streak, tc.severity)
			}
			gaps := BaseGaps([]Member{m}, h, tc.today, r)
			switch {
			case tc.gapPast < 0 && len(gaps) != 0:
				t.Errorf("gaps %+v, want none", gaps)
			case tc.gapPast >= 0 && (len(gaps) != 1 || gaps[0].Past != tc.gapPast):
				t.Errorf("gaps %+v, want %d past months", gaps, tc.gapPast)
			}
			for _, f := range DuesFindings(ar, gaps, c) {
				if f.Severity == Serious != (tc.severity == Serious) {
					t.Errorf("finding %v %q", f.Severity, f.Message)
				}
				if strings.Contains(f.Message, "自行脱党") && tc.severity != Serious {
					t.Errorf("art. 9 wording without a serious arrear: %q", f.Message)
				}
			}
		})
	}
}

// The register shows the months before the ledger as 建账前 or, up to the
// opening position, as paid before; neither is owed.
func TestRegisterBeforeTheLedger(t *testing.T) {
	r := CurrentDuesRules()
	paper := duesMember(1, NewDate(2001, 7, 1))
	fresh := duesMember(2, NewDate(2001, 7, 1))
	h := DuesHistory{Start: MonthOf(2026, 11), Openings: map[int64]Month{1: MonthOf(2026, 10)},
		Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}}}
	reg := BuildRegister(2026, []Member{paper, fresh}, h, NewDate(2026, 11, 30), r)
	states := func(row RegisterRow) string {
		var b strings.Builder
		for _, c := range row.Months {
			b.WriteByte(".PDOMEBo"[c.State])
		}
		return b.String()
	}
	for i, want := range []string{"ooooooooooDD", "BBBBBBBBBBMM"} {
		if got := states(reg.Rows[i]); got != want {
			t.Errorf("%s: %s, want %s", reg.Rows[i].Name, got, want)
		}
	}
	if reg.Rows[0].YearDue != Yuan(162) || !strings.Contains(reg.Rows[0].Note, "党费已交至2026年10月") {
		t.Errorf("paper member: due %s note %q", reg.Rows[0].YearDue, reg.Rows[0].Note)
	}
	if reg.Rows[1].YearDue != 0 || !strings.Contains(reg.Rows[1].Note, "缺2026年基数") {
		t.Errorf("member without base: due %s note %q", reg.Rows[1].YearDue, reg.Rows[1].Note)
	}
}

// 党费交至: the last month paid in full, from the opening position, the
// payments (in advance too) and reversals (a reversed month is not in Paid).
func TestPaidThrough(t *testing.T) {
	r := CurrentDuesRules()
	mo := func(y int, m time.Month) Month { return MonthOf(y, m) }
	paid := func(ms ...Month) []PaidMonth {
		var out []PaidMonth
		for _, m := range ms {
			out = append(out, PaidMonth{MemberID: 1, Month: m, Amount: Yuan(81)})
		}
		return out
	}
	bases := []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}}
	for _, tc := range []struct {
		name    string
		join    Date
		start   Month
		opening Month
		bases   []DuesBase
		paid    []PaidMonth
		want    Month // 0: not known
	}{
		{"opening_alone", NewDate(2001, 7, 1), mo(2026, 11), mo(2026, 10), bases, nil, mo(2026, 10)},
		{"opening_then_payments", NewDate(2001, 7, 1), mo(2026, 11), mo(2026, 10), bases, paid(mo(2026, 11)), mo(2026, 11)},
		{"paid_in_advance", NewDate(2001, 7, 1), mo(2026, 11), mo(2026, 10), bases, paid(mo(2026, 11), mo(2026, 12)), mo(2026, 12)},
		{"a_gap_stops_the_run", NewDate(2001, 7, 1), mo(2026, 1), 0, bases, paid(mo(2026, 1), mo(2026, 2), mo(2026, 4)), mo(2026, 2)},
		{"reversed_month_is_unpaid", NewDate(2001, 7, 1), mo(2026, 1), 0, bases, paid(mo(2026, 1), mo(2026, 3)), mo(2026, 1)},
		{"waived_months_are_settled", NewDate(2001, 7, 1), mo(2026, 1), 0,
			[]DuesBase{{MemberID: 1, Year: 2026, Category: DuesExempt, Approval: "批复"}}, nil, mo(2026, 12)},
		{"owed_before_the_ledger_and_nothing_paid_is_unknown", NewDate(2001, 7, 1), mo(2026, 11), 0, bases, nil, 0},
		{"admitted_after_the_start_nothing_paid_is_the_month_before", NewDate(2026, 6, 1), mo(2026, 1), 0, bases, nil, mo(2026, 5)},
		{"no_base_and_unpaid_stops", NewDate(2001, 7, 1), mo(2026, 11), mo(2026, 12), nil, nil, mo(2026, 12)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := duesMember(1, tc.join)
			h := DuesHistory{Start: tc.start, Bases: tc.bases, Paid: tc.paid, Openings: map[int64]Month{}}
			if tc.opening != 0 {
				h.Openings[1] = tc.opening
			}
			got, ok := PaidThrough(&m, h, r)
			if !ok {
				got = 0
			}
			if got != tc.want {
				t.Errorf("paid through %v (%v), want %v", got, ok, tc.want)
			}
		})
	}
}

func TestParseMonthText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Month
		bad  bool
	}{
		{"2026-10", MonthOf(2026, 10), false},
		{"2026-1", MonthOf(2026, 1), false},
		{"2026年10月", MonthOf(2026, 10), false},
		{"2026 年 3 月", MonthOf(2026, 3), false},
		{"2026.10", MonthOf(2026, 10), false},
		{"2026/10", MonthOf(2026, 10), false},
		{"202610", MonthOf(2026, 10), false},
		{"2026-10-31", MonthOf(2026, 10), false},
		{"2026年10月31日", MonthOf(2026, 10), false},
		{"", 0, false},
		{"2026-13", 0, true},
		{"十月", 0, true},
		{"2026", 0, true},
		{"2026.1", 0, true}, // January or October (AmbiguousMonthError)
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseMonthText(tc.in)
			if (err != nil) != tc.bad || got != tc.want {
				t.Errorf("got %v, %v; want %v (error %v)", got, err, tc.want, tc.bad)
			}
		})
	}
}

// A payment for a month the opening position already covers is refused:
// it would be counted twice.
func TestPaymentCheckOpening(t *testing.T) {
	pc := PaymentCheck{Member: duesMember(1, NewDate(2001, 7, 1)), Opening: MonthOf(2026, 10),
		Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}},
		Paid:  map[Month]bool{}, Today: NewDate(2026, 11, 30), Rules: CurrentDuesRules()}
	if _, err := pc.Check(DuesPayment{Date: NewDate(2026, 11, 30), Amount: Yuan(81), Months: []Month{MonthOf(2026, 10)}}); err == nil || !strings.Contains(err.Error(), "已交至") {
		t.Errorf("October again: %v", err)
	}
	if _, err := pc.Check(DuesPayment{Date: NewDate(2026, 11, 30), Amount: Yuan(81), Months: []Month{MonthOf(2026, 11)}}); err != nil {
		t.Errorf("November: %v", err)
	}
}

func TestMemberDuesStatement(t *testing.T) {
	r := CurrentDuesRules()
	m := duesMember(1, NewDate(2001, 7, 1))
	h := DuesHistory{Start: MonthOf(2026, 1), Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}},
		Paid: []PaidMonth{{MemberID: 1, Month: MonthOf(2026, 1), Amount: Yuan(81)}, {MemberID: 1, Month: MonthOf(2026, 2), Amount: Yuan(81)}}}
	s := MemberDuesStatement(&m, h, NewDate(2026, 5, 10), r)
	if s.PaidThrough != MonthOf(2026, 2) || s.PaidMonths != 2 || s.Paid != Yuan(162) || s.OwedMonths != 2 || s.Owed != Yuan(162) {
		t.Errorf("%+v", s)
	}
	if len(s.Months) != 12 || s.Months[4].State != MonthDue || s.Months[2].State != MonthOverdue || s.Months[11].State != MonthDue {
		t.Errorf("months %+v", s.Months)
	}
}

// Moving the 建账月份 back before the month the ledger was set up in the
// app (issue 8 §1, newuser8 problem 1): the months between that have no
// payment are 待补录 — a 提醒 naming them and how to settle them — never
// arrears, never 严重, never 党章 art. 9 wording. Months after the set-up
// are owed as ever, and a run of them is counted from the set-up only.
func TestMonthsBeforeSetUpAreToRecord(t *testing.T) {
	r := CurrentDuesRules()
	c := PartyConstitution2022
	jan, may, oct, nov := MonthOf(2026, 1), MonthOf(2026, 5), MonthOf(2026, 10), MonthOf(2026, 11)
	base := func(year int) DuesBase {
		return DuesBase{MemberID: 1, Year: year, Category: DuesEmployed, Base: Yuan(5400)} // 81.00
	}
	paid := func(from, to Month) []PaidMonth {
		var out []PaidMonth
		for mo := from; mo <= to; mo++ {
			out = append(out, PaidMonth{MemberID: 1, Month: mo, Amount: Yuan(81)})
		}
		return out
	}
	for _, tc := range []struct {
		name     string
		start    Month
		setUp    Month
		opening  Month
		bases    []DuesBase
		paid     []PaidMonth
		today    Date
		record   [2]Month // months to record, first and last; zero: none
		nRecord  int
		arrears  int // months owed and unpaid
		severity Severity
	}{
		{"start_moved_back_to_January_leaves_January_to_October_to_record", jan, nov, 0,
			[]DuesBase{base(2026)}, nil, NewDate(2026, 11, 30), [2]Month{jan, oct}, 10, 0, Info},
		{"months_recorded_since_are_not_to_record", jan, nov, 0,
			[]DuesBase{base(2026)}, paid(jan, MonthOf(2026, 3)), NewDate(2026, 11, 30), [2]Month{MonthOf(2026, 4), oct}, 7, 0, Info},
		{"all_recorded_nothing_left", jan, nov, 0,
			[]DuesBase{base(2026)}, paid(jan, oct), NewDate(2026, 11, 30), [2]Month{}, 0, 0, Info},
		{"opening_position_settles_the_months", jan, nov, oct,
			[]DuesBase{base(2026)}, nil, NewDate(2026, 11, 30), [2]Month{}, 0, 0, Info},
		// Without a base the months are 缺基数 first, to record once the
		// base is in (review s9-8 #4; TestBaseMissingComesBeforeToRecord).
		{"no_base_months_before_set_up_are_base_gaps_not_to_record", jan, nov, 0,
			nil, nil, NewDate(2026, 11, 30), [2]Month{}, 0, 0, Info},
		{"months_after_set_up_are_owed_and_counted_from_it", jan, may, 0,
			[]DuesBase{base(2026)}, nil, NewDate(2026, 11, 30), [2]Month{jan, MonthOf(2026, 4)}, 4, 6, Serious},
		{"a_run_after_set_up_does_not_reach_back", jan, nov, 0,
			[]DuesBase{base(2026), base(2027)}, nil, NewDate(2027, 3, 10), [2]Month{jan, oct}, 10, 4, Warning},
		{"start_after_set_up_leaves_nothing_to_record", MonthOf(2026, 6), MonthOf(2026, 3), 0,
			[]DuesBase{base(2026)}, paid(MonthOf(2026, 6), oct), NewDate(2026, 11, 30), [2]Month{}, 0, 0, Info},
		// The commonest day one (review s6-8-newuser #8): the paper ledger
		// stops a month before the app's 建账月份, which was not moved back.
		{"opening_before_start_leaves_the_months_between_to_record", nov, nov, MonthOf(2026, 9),
			[]DuesBase{base(2026)}, nil, NewDate(2026, 11, 30), [2]Month{oct, oct}, 1, 0, Info},
		{"opening_before_start_recorded_since_nothing_left", nov, nov, MonthOf(2026, 8),
			[]DuesBase{base(2026)}, paid(MonthOf(2026, 9), oct), NewDate(2026, 11, 30), [2]Month{}, 0, 0, Info},
		{"opening_the_month_before_start_nothing_to_record", nov, nov, oct,
			[]DuesBase{base(2026)}, nil, NewDate(2026, 11, 30), [2]Month{}, 0, 0, Info},
		{"no_opening_start_not_moved_nothing_to_record", nov, nov, 0,
			[]DuesBase{base(2026)}, nil, NewDate(2026, 11, 30), [2]Month{}, 0, 0, Info},
		{"set_up_unknown_is_the_start", jan, 0, 0,
			[]DuesBase{base(2026)}, paid(jan, MonthOf(2026, 7)), NewDate(2026, 11, 30), [2]Month{}, 0, 3, Warning},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := duesMember(1, NewDate(2001, 7, 1))
			h := DuesHistory{Start: tc.start, SetUp: tc.setUp, Bases: tc.bases, Paid: tc.paid, Openings: map[int64]Month{}}
			if tc.opening != 0 {
				h.Openings[1] = tc.opening
			}
			gaps := RecordGaps([]Member{m}, h, r)
			switch {
			case tc.nRecord == 0 && len(gaps) != 0:
				t.Errorf("to record %+v, want none", gaps)
			case tc.nRecord > 0 && (len(gaps) != 1 || gaps[0].Months != tc.nRecord || gaps[0].From != tc.record[0] || gaps[0].To != tc.record[1]):
				t.Errorf("to record %+v, want %d months %v–%v", gaps, tc.nRecord, tc.record[0], tc.record[1])
			}
			ar := Arrears([]Member{m}, h, tc.today, r, c)
			months := 0
			sev := Info
			if len(ar) == 1 {
				months, sev = ar[0].Months, ar[0].Severity
			}
			if months != tc.arrears || sev != tc.severity {
				t.Errorf("arrears %+v, want %d months, %v", ar, tc.arrears, tc.severity)
			}
			fs := append(DuesFindings(ar, BaseGaps([]Member{m}, h, tc.today, r), c), RecordFindings(gaps)...)
			for _, f := range fs {
				if tc.arrears < c.LapseMonths && (f.Severity == Serious || strings.Contains(f.Message, "自行脱党") || strings.Contains(f.Message, "第九条")) {
					t.Errorf("finding %v %s", f.Severity, f.Message)
				}
			}
			// The register and the member's statement say the same.
			year := tc.today.Year
			reg := BuildRegister(year, []Member{m}, h, tc.today, r)
			st := MemberDuesStatement(&m, h, tc.today, r)
			inYear, stated := 0, 0
			for k, cell := range reg.Rows[0].Months {
				if cell.State == MonthToRecord {
					inYear++
					if mo := MonthOf(year, time.Month(k+1)); mo < tc.record[0] || mo > tc.record[1] {
						t.Errorf("%v is 待补录 in the register", mo)
					}
				}
			}
			for _, mm := range st.Months {
				if mm.State == MonthToRecord {
					stated++
				}
			}
			if stated != tc.nRecord || st.ToRecord != tc.nRecord {
				t.Errorf("statement: %d months 待补录 (count %d), want %d", stated, st.ToRecord, tc.nRecord)
			}
			if year == 2026 && inYear != tc.nRecord {
				t.Errorf("register: %d months 待补录, want %d", inYear, tc.nRecord)
			}
		})
	}
}

// The 待补录 reminder names the months and both ways to settle them, and
// never the words of arrears.
func TestRecordFindingsWording(t *testing.T) {
	gaps := []RecordGap{{MemberID: 1, Name: "冯志强", From: MonthOf(2026, 1), To: MonthOf(2026, 10), Months: 10, OpeningLimit: MonthOf(2026, 10)},
		{MemberID: 2, Name: "褚国华", From: MonthOf(2026, 1), To: MonthOf(2026, 10), Months: 10, OpeningLimit: MonthOf(2026, 10)}}
	fs := RecordFindings(gaps)
	if len(fs) != 1 || fs[0].Severity != Warning || fs[0].About != AboutDues {
		t.Fatalf("%+v", fs)
	}
	for _, want := range []string{"2名党员", "冯志强（2026年1月至2026年10月），褚国华", "2026年1月至2026年10月", "待补录", "补录", "党费已交至"} {
		if !strings.Contains(fs[0].Message, want) {
			t.Errorf("%q lacks %q", fs[0].Message, want)
		}
	}
	for _, bad := range []string{"欠缴", "自行脱党", "第九条", "未交"} {
		if strings.Contains(fs[0].Message, bad) {
			t.Errorf("%q says %q", fs[0].Message, bad)
		}
	}
}

// 党费已交至 earlier than 建账月份 (s3-8-newuser #0): the months between are
// 待补录, not 欠交, and no arrears (no 党章第九条) follow from them.
func TestOpeningBeforeLedgerStartLeavesMonthsToRecord(t *testing.T) {
	r := CurrentDuesRules()
	m := duesMember(1, NewDate(2001, 7, 1))
	h := DuesHistory{Start: MonthOf(2026, 11), SetUp: MonthOf(2026, 11), Openings: map[int64]Month{1: MonthOf(2026, 3)},
		Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(6000)}}}
	today := NewDate(2026, 11, 30)
	reg := BuildRegister(2026, []Member{m}, h, today, r)
	var b strings.Builder
	for _, c := range reg.Rows[0].Months {
		b.WriteByte(".PDOMEBoR"[c.State])
	}
	if got, want := b.String(), "oooRRRRRRRDD"; got != want {
		t.Errorf("months %s, want %s", got, want)
	}
	for _, a := range Arrears([]Member{m}, h, today, r, CurrentRules().Constitution) {
		if a.Months > 0 {
			t.Errorf("arrears %+v", a)
		}
	}
}

// An opening position later than the 建账月份 (a member whose months were
// paid at their old branch) shows those months as paid outside this ledger,
// never as 建账前; one in a month still to come is refused, naming the
// field and the month.
func TestOpeningAfterLedgerStart(t *testing.T) {
	r := CurrentDuesRules()
	today := NewDate(2026, 11, 30)
	m := duesMember(1, NewDate(2001, 7, 1))
	h := DuesHistory{Start: MonthOf(2025, 1), SetUp: MonthOf(2025, 1), Openings: map[int64]Month{1: MonthOf(2026, 10)},
		Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}}}
	reg := BuildRegister(2026, []Member{m}, h, today, r)
	var b strings.Builder
	for _, c := range reg.Rows[0].Months {
		b.WriteByte(".PDOMEBoR"[c.State])
	}
	if got, want := b.String(), "ooooooooooDD"; got != want {
		t.Errorf("months %s, want %s", got, want)
	}
	if note := reg.Rows[0].Note; strings.Contains(note, "建账前") || !strings.Contains(note, "党费已交至2026年10月（在本账以外交纳）") {
		t.Errorf("note %q", note)
	}
	h.Start = MonthOf(2026, 11)
	if note := BuildRegister(2026, []Member{m}, h, today, r).Rows[0].Note; note != "党费已交至2026年10月（建账前已交）" {
		t.Errorf("note before the start %q", note)
	}
	for _, tc := range []struct {
		paidTo Month
		want   string
	}{
		{MonthOf(2026, 11), ""},
		{MonthOf(2026, 12), "党费：党费已交至 2026年12月 晚于本月（2026年11月）；预交的党费请在“收缴”中登记"},
		{MonthOf(2027, 6), "党费：党费已交至 2027年6月 晚于本月（2026年11月）；预交的党费请在“收缴”中登记"},
		{MonthOf(1948, 12), "党费：党费已交至 1948年12月 不合理"},
	} {
		err := ValidateOpening(tc.paidTo, today, r)
		if got := fmt.Sprint(err); tc.want == "" && err != nil || tc.want != "" && got != tc.want {
			t.Errorf("%s: %v, want %q", tc.paidTo, err, tc.want)
		}
	}
	// A transfer letter's 党费交至 may be ahead: the old branch took it.
	if err := ValidateLetterPaidTo(MonthOf(2026, 12), today, r); err != nil {
		t.Errorf("letter paid to December: %v", err)
	}
}

// 2026.1 typed into a form is January or an October whose 0 Excel dropped:
// refused as the importers refuse it in a number cell.
func TestParseFormMonthRefusesYearPointOne(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Month
		err  string
	}{
		{"2026.1", 0, "“2026.1”分不清是 2026年1月还是10月，请写成 2026.01 或 2026.10"},
		{" 2025．1 ", 0, "“2025．1”分不清是 2025年1月还是10月，请写成 2025.01 或 2025.10"},
		{"2026.01", MonthOf(2026, 1), ""},
		{"2026.10", MonthOf(2026, 10), ""},
		{"2026.11", MonthOf(2026, 11), ""},
		{"2026年1月", MonthOf(2026, 1), ""},
		{"2026-1", MonthOf(2026, 1), ""},
	} {
		got, err := ParseFormMonth(tc.in)
		if got != tc.want || fmt.Sprint(err) != tc.err && !(err == nil && tc.err == "") {
			t.Errorf("%q: %v %v, want %v %q", tc.in, got, err, tc.want, tc.err)
		}
		if tc.err != "" && !errors.Is(err, ErrBadMonth) {
			t.Errorf("%q: %v does not wrap ErrBadMonth", tc.in, err)
		}
	}
}

// Moving the 建账月份 later names whose arrears it drops, which months and
// how much; moving it earlier, or to where it is, drops nothing.
func TestArrearsDroppedByStart(t *testing.T) {
	r := CurrentDuesRules()
	today := NewDate(2026, 11, 30)
	owing := duesMember(1, NewDate(2001, 7, 1))
	owing.Name = "向晨阳"
	paying := duesMember(2, NewDate(2001, 7, 1))
	paying.Name = "戴云琴"
	h := DuesHistory{Start: MonthOf(2025, 1), SetUp: MonthOf(2025, 1),
		Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(2000)},
			{MemberID: 2, Year: 2026, Category: DuesEmployed, Base: Yuan(2000)},
			{MemberID: 1, Year: 2025, Category: DuesEmployed, Base: Yuan(2000)},
			{MemberID: 2, Year: 2025, Category: DuesEmployed, Base: Yuan(2000)}}}
	for mo := MonthOf(2025, 1); mo <= MonthOf(2026, 10); mo++ {
		h.Paid = append(h.Paid, PaidMonth{MemberID: 2, Month: mo, Amount: Yuan(10)})
		if mo < MonthOf(2026, 5) {
			h.Paid = append(h.Paid, PaidMonth{MemberID: 1, Month: mo, Amount: Yuan(10)})
		}
	}
	ms := []Member{owing, paying}
	got := ArrearsDroppedByStart(ms, h, MonthOf(2026, 8), today, r)
	want := []DroppedArrear{{MemberID: 1, Name: "向晨阳", From: MonthOf(2026, 5), To: MonthOf(2026, 7), Months: 3, Amount: Yuan(30)}}
	if !slices.Equal(got, want) {
		t.Errorf("to 2026-08: %+v, want %+v", got, want)
	}
	if got := ArrearsDroppedByStart(ms, h, MonthOf(2026, 11), today, r); len(got) != 1 || got[0].Months != 6 {
		t.Errorf("to 2026-11: %+v, want 向晨阳's 6 months", got)
	}
	for _, start := range []Month{MonthOf(2025, 1), MonthOf(2024, 6)} {
		if got := ArrearsDroppedByStart(ms, h, start, today, r); len(got) != 0 {
			t.Errorf("to %s: %+v, want none", start, got)
		}
	}
}

// "2026.1" gets one answer whatever reads it — a date field, a month
// field, a text cell of an importer — the same sentence (review s5-8
// attack #5: 成立日期 and the importers read January, 建账月份 refused).
func TestYearPointOneIsOneRuleEverywhere(t *testing.T) {
	const want = "“2026.1”分不清是 2026年1月还是10月，请写成 2026.01 或 2026.10"
	_, e1 := ParseDate("2026.1")
	_, e2 := ParseMonthText("2026.1")
	_, e3 := ParseDay("2026.1")
	for i, err := range []error{e1, e2, e3} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("reader %d: %v, want %q", i+1, err, want)
		}
	}
	if d, err := ParseDate("2026.1.5"); err != nil || d != NewDate(2026, 1, 5) {
		t.Errorf("2026.1.5: %v %v", d, err)
	}
}

// Months before a member came onto this branch (a stated 到本支部日期, Came)
// are not this branch's dues when no opening position says where they
// stood: 不需交, no base asked for them, no arrears — as months before
// admission (review s5-8 attack #13). A member merely added today (no Came)
// and one with a 党费已交至 keep the ledger's rules.
func TestMonthsBeforeComingHereAreNotOwed(t *testing.T) {
	r := CurrentDuesRules()
	c := PartyConstitution2022
	today := NewDate(2026, 11, 30)
	jan25, jan26, sep26 := MonthOf(2025, 1), MonthOf(2026, 1), MonthOf(2026, 9)
	bases := func(id int64, years ...int) []DuesBase {
		var out []DuesBase
		for _, y := range years {
			out = append(out, DuesBase{MemberID: id, Year: y, Category: DuesEmployed, Base: Yuan(5400)})
		}
		return out
	}
	for _, tc := range []struct {
		name      string
		join      Date
		came      Month // 0: not stated
		opening   Month // 0: none
		bases     []DuesBase
		gapYears  []int // years BaseGaps asks a base for
		notOwed25 bool  // every 2025 month 不需交 (or no 2025 row)
		arrears   int
	}{
		{"came_in_september_without_a_base_for_2025", NewDate(1995, 7, 1), sep26, 0, bases(1, 2026), nil, true, 2},
		{"came_in_september_no_base_at_all", NewDate(1995, 7, 1), sep26, 0, nil, []int{2026}, true, 0},
		{"joined_in_2026", NewDate(2026, 5, 1), sep26, 0, nil, []int{2026}, true, 0},
		{"added_today_owes_from_the_ledger", NewDate(1995, 7, 1), 0, 0, nil, []int{2025, 2026}, false, 0},
		{"came_in_september_with_bases_owes_from_september", NewDate(1995, 7, 1), sep26, 0, bases(1, 2025, 2026), nil, true, 2},
		{"opening_keeps_its_rule", NewDate(1995, 7, 1), sep26, MonthOf(2026, 3), bases(1, 2026), nil, true, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := duesMember(1, tc.join)
			h := DuesHistory{Start: jan25, SetUp: jan25, Bases: tc.bases, Openings: map[int64]Month{}, Came: map[int64]Month{}}
			if tc.came != 0 {
				h.Came[1] = tc.came
			}
			if tc.opening != 0 {
				h.Openings[1] = tc.opening
			}
			var years []int
			for _, g := range BaseGaps([]Member{m}, h, today, r) {
				years = append(years, g.Years...)
			}
			if fmt.Sprint(years) != fmt.Sprint(tc.gapYears) {
				t.Errorf("bases asked for %v, want %v", years, tc.gapYears)
			}
			reg := BuildRegister(2025, []Member{m}, h, today, r)
			owed25 := false
			for _, row := range reg.Rows {
				for _, cell := range row.Months {
					owed25 = owed25 || cell.State != MonthNotOwed && cell.State != MonthPaidOpening
				}
			}
			if owed25 == tc.notOwed25 {
				t.Errorf("2025 register %+v: not owed %v, want %v", reg.Rows, !owed25, tc.notOwed25)
			}
			st := MemberDuesStatement(&m, h, today, r)
			for _, mo := range st.Months {
				if mo.Month >= jan26 && mo.Month < tc.came && tc.opening == 0 && mo.State != MonthNotOwed {
					t.Errorf("%v before coming here: %v, want 不需交", mo.Month, mo.State)
				}
			}
			n := 0
			if ar := Arrears([]Member{m}, h, today, r, c); len(ar) == 1 {
				n = ar[0].Months
			}
			if n != tc.arrears {
				t.Errorf("%d months in arrears, want %d", n, tc.arrears)
			}
		})
	}
}

// A member paid on paper to October in a ledger begun in December: the
// statement counts from December (the 建账月份 the 基数 page names) and
// November is 待补录, not counted (review s7-8 newuser #3: the member page
// said "本账从2026年11月起" beside November 待补录).
func TestMemberDuesStatementCountsFromTheLedgerMonth(t *testing.T) {
	r := CurrentDuesRules()
	m := duesMember(1, NewDate(2001, 7, 1))
	dec := MonthOf(2026, 12)
	h := DuesHistory{Start: dec, SetUp: dec, Openings: map[int64]Month{1: MonthOf(2026, 10)},
		Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}}}
	s := MemberDuesStatement(&m, h, NewDate(2026, 12, 1), r)
	if s.OwedFrom != MonthOf(2026, 11) || s.CountedFrom != dec || s.ToRecord != 1 || s.OwedMonths != 0 {
		t.Errorf("owed from %v, counted from %v, to record %d, owed %d; want 2026-11, 2026-12, 1, 0", s.OwedFrom, s.CountedFrom, s.ToRecord, s.OwedMonths)
	}
}
