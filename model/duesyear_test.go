package model

import (
	"strings"
	"testing"
	"time"
)

// 全年应交 is what the year owes under the ledger, whatever was paid (review
// s9-8 #3): it grew with each payment recorded for a month to record (待补录)
// or before the ledger, and left the months to record out. Months to record
// are owed and not collected; a month before the member's ledger begins is
// not owed even when paid. The 收缴率 is over the recorded months (review
// s13-newuser #4: with every past month still to record the printed
// summary said 收缴率0.0%); the months to record are said apart, and with
// nothing recorded there is no rate.
func TestYearDueIsWhatTheYearOwes(t *testing.T) {
	r := CurrentDuesRules()
	today := NewDate(2026, 12, 1)
	months := func(from, to int) []int {
		var out []int
		for k := from; k <= to; k++ {
			out = append(out, k)
		}
		return out
	}
	for _, tc := range []struct {
		name         string
		start, setUp int // months of 2026
		opening      int // 0: none
		paid         []int
		due, paidSum Money // 全年应交, 全年实交
		toRecord     Money // of 应交, 待补录
		rate         int64 // 收缴率, per mille
		noRate       bool  // every past month is to record: no 收缴率 yet
	}{
		// March to October to record, November recorded and unpaid.
		{"moved_back_nothing_recorded", 3, 11, 0, nil, Yuan(81 * 10), 0, Yuan(81 * 8), 0, false},
		// s9-8 #3's case: November paid, March to October never seen —
		// 100 % of the recorded month, the eight others said apart.
		{"moved_back_only_the_set_up_month_paid", 3, 11, 0, []int{11}, Yuan(81 * 10), Yuan(81), Yuan(81 * 8), 1000, false},
		// March to June recorded paid, November unpaid: 4 of 5.
		{"moved_back_months_recorded_since", 3, 11, 0, months(3, 6), Yuan(81 * 10), Yuan(81 * 4), Yuan(81 * 4), 800, false},
		// s13-newuser #4's case: set up this month, moved back — every
		// month over is to record, so no rate (it said 0.0 %).
		{"every_past_month_to_record", 3, 12, 0, nil, Yuan(81 * 10), 0, Yuan(81 * 9), 0, true},
		{"moved_back_all_recorded", 3, 11, 0, months(3, 12), Yuan(81 * 10), Yuan(81 * 10), 0, 1000, false},
		{"paid_ahead_december", 1, 1, 0, []int{12}, Yuan(81 * 12), Yuan(81), 0, 0, false},
		{"paid_the_whole_year", 1, 1, 0, months(1, 12), Yuan(81 * 12), Yuan(81 * 12), 0, 1000, false},
		{"a_month_before_the_ledger_paid_is_collected_not_owed", 11, 11, 0, []int{10, 11}, Yuan(81 * 2), Yuan(81 * 2), 0, 1000, false},
		{"paid_on_paper_to_september", 11, 11, 9, nil, Yuan(81 * 3), 0, Yuan(81), 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := duesMember(1, NewDate(2001, 7, 1))
			h := DuesHistory{Start: MonthOf(2026, time.Month(tc.start)), SetUp: MonthOf(2026, time.Month(tc.setUp)), Openings: map[int64]Month{},
				Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}}} // 81.00 a month
			if tc.opening != 0 {
				h.Openings[1] = MonthOf(2026, time.Month(tc.opening))
			}
			for _, k := range tc.paid {
				h.Paid = append(h.Paid, PaidMonth{MemberID: 1, Month: MonthOf(2026, time.Month(k)), Amount: Yuan(81)})
			}
			reg := BuildRegister(2026, []Member{m}, h, today, r)
			row := reg.Rows[0]
			if row.YearDue != tc.due || reg.YearDue != tc.due || row.YearPaid != tc.paidSum || row.ToRecordDue != tc.toRecord {
				t.Errorf("应交 %s (branch %s), 实交 %s, 待补录 %s; want %s, %s, %s", row.YearDue, reg.YearDue, row.YearPaid, row.ToRecordDue, tc.due, tc.paidSum, tc.toRecord)
			}
			if reg.ToRecordDue != tc.toRecord {
				t.Errorf("branch 待补录 %s, want %s", reg.ToRecordDue, tc.toRecord)
			}
			pm, ok := reg.CollectionRate()
			if tc.noRate {
				if ok {
					t.Errorf("收缴率 %d‰ with every past month to record: paid %s of %s, %s to record", pm, reg.PaidToDate, reg.DueToDate, reg.ToRecordDue)
				}
			} else if !ok || pm != tc.rate {
				t.Errorf("收缴率 %d‰ (%v), want %d‰: paid %s of %s", pm, ok, tc.rate, reg.PaidToDate, reg.DueToDate)
			}
		})
	}
}

// A member without a base whose months are also before the ledger's set-up
// is 缺基数, not 待补录 (review s9-8 #4): no payment can be recorded for a
// month without its base, so the base is the gap to fix first — in the
// register, the member's statement, home's findings and the summary's
// lists. With the base in, the same months are to record.
func TestBaseMissingComesBeforeToRecord(t *testing.T) {
	r := CurrentDuesRules()
	today := NewDate(2026, 12, 1)
	m := duesMember(1, NewDate(2001, 7, 1))
	for _, tc := range []struct {
		name      string
		bases     []DuesBase
		state     MonthState // March to October's
		baseGaps  int        // members BaseGaps names
		pastGaps  int        // their past months without a base
		toRecord  int        // months RecordGaps names
		statement int        // months the statement shows in state
	}{
		{"no_base_is_缺基数", nil, MonthBaseMissing, 1, 9, 0, 10},
		{"with_its_base_待补录", []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}}, MonthToRecord, 0, 0, 8, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Set up in November, moved back to March.
			h := DuesHistory{Start: MonthOf(2026, 3), SetUp: MonthOf(2026, 11), Openings: map[int64]Month{}, Bases: tc.bases}
			row := BuildRegister(2026, []Member{m}, h, today, r).Rows[0]
			for k := 2; k < 10; k++ {
				if row.Months[k].State != tc.state {
					t.Errorf("register %d月: state %d, want %d", k+1, row.Months[k].State, tc.state)
				}
			}
			if tc.bases == nil && (!strings.Contains(row.Note, "缺2026年基数") || strings.Contains(row.Note, "待补录")) {
				t.Errorf("register note %q", row.Note)
			}
			gaps := BaseGaps([]Member{m}, h, today, r)
			past := 0
			if len(gaps) == 1 {
				past = gaps[0].Past
			}
			if len(gaps) != tc.baseGaps || past != tc.pastGaps {
				t.Errorf("base gaps %+v, want %d with %d past months", gaps, tc.baseGaps, tc.pastGaps)
			}
			n := 0
			for _, g := range RecordGaps([]Member{m}, h, r) {
				n += g.Months
			}
			if n != tc.toRecord {
				t.Errorf("to record %d months, want %d", n, tc.toRecord)
			}
			st := MemberDuesStatement(&m, h, today, r)
			shown := 0
			for _, mm := range st.Months {
				if mm.State == tc.state {
					shown++
				}
			}
			if shown != tc.statement {
				t.Errorf("statement: %d months in state %d, want %d", shown, tc.state, tc.statement)
			}
		})
	}
}

// A member who paid since an earlier run of unpaid months is reminded of
// those months by name (review s9-8 #5: "连续0个月" / "Consecutive 0"): a
// run of 3 or more before the last paid month is a 提醒, never 严重 — the
// member has paid since — and a shorter one stays a plain arrear.
func TestEarlierRunPaidSinceIsAReminder(t *testing.T) {
	r := CurrentDuesRules()
	c := PartyConstitution2022
	today := NewDate(2026, 12, 1) // arrears to November
	for _, tc := range []struct {
		name     string
		unpaid   [][2]int // runs of unpaid months of 2026, from–to
		severity Severity
		streak   int
		earlier  int
		says     string
	}{
		{"june_to_august_then_paid", [][2]int{{6, 8}}, Warning, 0, 3, "2026年6月至2026年8月曾连续3个月未交（此后已有交纳），请提醒补交"},
		{"seven_months_then_paid_is_no_lapse", [][2]int{{2, 8}}, Warning, 0, 7, "2026年2月至2026年8月曾连续7个月未交"},
		{"two_months_then_paid", [][2]int{{6, 7}}, Info, 0, 2, ""},
		{"a_run_now_comes_first", [][2]int{{3, 6}, {9, 11}}, Warning, 3, 4, "自2026年9月起连续3个月未交，请提醒并谈话"},
		{"a_serious_run_now", [][2]int{{6, 11}}, Serious, 6, 0, "视为自行脱党"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := duesMember(1, NewDate(2001, 7, 1))
			h := DuesHistory{Start: MonthOf(2026, 1), SetUp: MonthOf(2026, 1),
				Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}}}
			unpaid := map[int]bool{}
			for _, run := range tc.unpaid {
				for k := run[0]; k <= run[1]; k++ {
					unpaid[k] = true
				}
			}
			for k := 1; k <= 12; k++ {
				if !unpaid[k] {
					h.Paid = append(h.Paid, PaidMonth{MemberID: 1, Month: MonthOf(2026, time.Month(k)), Amount: Yuan(81)})
				}
			}
			as := Arrears([]Member{m}, h, today, r, c)
			if len(as) != 1 {
				t.Fatalf("arrears %+v", as)
			}
			a := as[0]
			if a.Severity != tc.severity || a.Streak != tc.streak || a.Earlier != tc.earlier {
				t.Errorf("severity %v streak %d earlier %d, want %v %d %d", a.Severity, a.Streak, a.Earlier, tc.severity, tc.streak, tc.earlier)
			}
			says := a.Message(c)
			if !strings.Contains(says, tc.says) || strings.Contains(says, "连续0") {
				t.Errorf("%q, want %q", says, tc.says)
			}
		})
	}
}
