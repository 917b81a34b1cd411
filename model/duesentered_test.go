package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// A member entered into the file after its dues ledger was set up (added
// or imported: DuesHistory.Entered) owes dues from the month they were
// entered, as their organisational life counts from that day, unless the
// record says they were here before (a 到本支部日期: Came) or where they
// stood (a 党费已交至): then the months from then on are owed, and those
// before their entry, which the app could not hold, are 待补录 — never
// 欠交 nor "视为自行脱党", on home, in `check`, on the member's page and
// on the printed summary (issue 8 §1, review s9-8 #15). Twelve people
// imported today into a ledger kept since 2025 were asked for a 2025 base
// and filled the closed year's register with 缺基数 (review s13-newuser #6).
func TestMonthsBeforeAMemberWasEntered(t *testing.T) {
	r := CurrentDuesRules()
	c := PartyConstitution2022
	ledger := MonthOf(2025, 1) // 建账月份, set up in the app that month
	today := NewDate(2026, 12, 1)
	bases := []DuesBase{
		{MemberID: 1, Year: 2025, Category: DuesEmployed, Base: Yuan(5400)}, // 81.00
		{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)},
	}
	for _, tc := range []struct {
		name     string
		entered  Month // DuesHistory.Entered, as storage fills it; 0: at the set-up
		came     Month // DuesHistory.Came: a stated 到本支部日期
		letter   Month // DuesHistory.Arrived: came by a 转入 letter that month
		opening  Month
		record   [2]Month // months to record, first and last; zero: none
		arrears  int      // months owed and unpaid (欠交)
		severity Severity
		from2025 bool // the 2025 register has a row for them (a 党费已交至 shows its months 已交)
	}{
		// The control: entered when the ledger was set up, nothing paid
		// since — 23 months behind, serious.
		{"entered_at_the_set_up_is_behind_from_the_start", 0, 0, 0, 0, [2]Month{}, 23, Serious, true},
		{"imported_today_owes_from_today", MonthOf(2026, 12), 0, 0, 0, [2]Month{}, 0, Info, false},
		{"imported_today_here_since_the_ledger_began", MonthOf(2026, 12), ledger, 0, 0, [2]Month{ledger, MonthOf(2026, 11)}, 0, Info, true},
		{"imported_today_paid_to_October_leaves_November", MonthOf(2026, 12), 0, 0, MonthOf(2026, 10), [2]Month{MonthOf(2026, 11), MonthOf(2026, 11)}, 0, Info, true},
		{"imported_today_paid_to_November_is_settled", MonthOf(2026, 12), 0, 0, MonthOf(2026, 11), [2]Month{}, 0, Info, true},
		// Entered in June: the app has known for six months that nothing
		// was paid — a real art. 9 run, counted from June.
		{"entered_in_June_is_behind_from_June", MonthOf(2026, 6), 0, 0, 0, [2]Month{}, 6, Serious, false},
		{"entered_in_June_here_since_2026", MonthOf(2026, 6), MonthOf(2026, 1), 0, 0, [2]Month{MonthOf(2026, 1), MonthOf(2026, 5)}, 6, Serious, false},
		// Came by a letter in September, paid to August by it, entered
		// in December: the letter states September to November unpaid.
		{"letter_entered_late_keeps_its_gap", MonthOf(2026, 12), MonthOf(2026, 9), MonthOf(2026, 9), MonthOf(2026, 8), [2]Month{}, 3, Warning, true},
		{"entered_in_September_is_a_warning", MonthOf(2026, 9), 0, 0, 0, [2]Month{}, 3, Warning, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := duesMember(1, NewDate(2001, 7, 1))
			h := DuesHistory{Start: ledger, SetUp: ledger, Bases: bases, Openings: map[int64]Month{}, Entered: map[int64]Month{}, Came: map[int64]Month{}}
			if tc.entered != 0 {
				h.Entered[1] = tc.entered
			}
			if tc.came != 0 {
				h.Came[1] = tc.came
			}
			if tc.opening != 0 {
				h.Openings[1] = tc.opening
			}
			if tc.letter != 0 {
				h.Arrived = map[int64]Month{1: tc.letter}
			}
			ms := []Member{m}
			as := Arrears(ms, h, today, r, c)
			months, sev := 0, Info
			if len(as) > 0 {
				months, sev = as[0].Months, as[0].Severity
			}
			if months != tc.arrears || sev != tc.severity {
				t.Errorf("arrears %d months, severity %v; want %d, %v (%+v)", months, sev, tc.arrears, tc.severity, as)
			}
			for _, f := range DuesFindings(as, BaseGaps(ms, h, today, r), c) {
				if tc.severity != Serious && strings.Contains(f.Message, "自行脱党") {
					t.Errorf("home says %q", f.Message)
				}
			}
			// The printed summary's 连续6个月以上未交党费 list.
			ys := YearArrears(ms, h, 2026, today, r, c)
			if serious := len(ys) > 0 && ys[0].Severity == Serious; serious != (tc.severity == Serious) {
				t.Errorf("summary: %+v", ys)
			}
			gaps := RecordGaps(ms, h, r)
			var got [2]Month
			if len(gaps) > 0 {
				got = [2]Month{gaps[0].From, gaps[0].To}
			}
			if got != tc.record {
				t.Errorf("to record %v, want %v", got, tc.record)
			}
			// A closed year's register gains no one who came later
			// (storage asks for a base by the same rule).
			if got := len(BuildRegister(2025, ms, h, today, r).Rows) == 1; got != tc.from2025 {
				t.Errorf("2025 register has them: %v, want %v", got, tc.from2025)
			}
			noBases := h
			noBases.Bases = nil
			if gs := BaseGaps(ms, noBases, today, r); len(gs) != 1 || slices.Contains(gs[0].Years, 2025) != (tc.from2025 && tc.opening == 0) {
				t.Errorf("without bases, asked for %+v (2025: want %v)", gs, tc.from2025 && tc.opening == 0)
			}
			// The member's page and the register agree month by month.
			st := MemberDuesStatement(&m, h, today, r)
			reg := BuildRegister(2026, ms, h, today, r)
			for _, mo := range st.Months {
				if mo.Month.Year() != 2026 {
					continue
				}
				if cell := reg.Rows[0].Months[mo.Month.Mon()-1]; cell.State != mo.State {
					t.Errorf("%s: register %v, member page %v", mo.Month, cell.State, mo.State)
				}
			}
			if st.ToRecord != gapMonths(gaps) || st.OwedMonths != tc.arrears {
				t.Errorf("member page: %d to record, %d owed; want %d, %d", st.ToRecord, st.OwedMonths, gapMonths(gaps), tc.arrears)
			}
		})
	}
}

func gapMonths(gaps []RecordGap) int {
	n := 0
	for _, g := range gaps {
		n += g.Months
	}
	return n
}

// A 党费已交至 for a member entered after the ledger was set up may reach
// the month before they were entered: where they stood when the app learnt
// of them, as for everyone at the set-up. It was refused as "在本账内" for
// a member imported today into a ledger kept since 2025-01 (review s9-8
// #15). A row still to be imported (ID 0) is entered today.
func TestOpeningForAMemberEnteredLater(t *testing.T) {
	ledger := MonthOf(2025, 1)
	old := duesMember(1, NewDate(2001, 7, 1))
	today := duesMember(2, NewDate(2001, 7, 1))
	today.CreatedAt = time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	row := duesMember(0, NewDate(2001, 7, 1)) // an import's row, entered on saving
	row.CreatedAt = today.CreatedAt
	// As storage fills it: the members entered after the set-up.
	entered := map[int64]Month{2: MonthOf(2026, 12)}
	came := today
	came.ArrivedOn = NewDate(2026, 12, 1) // the day added: no arrival stated
	paid := []PaidMonth{{MemberID: 2, Month: MonthOf(2026, 3)}}
	for _, tc := range []struct {
		name   string
		m      Member
		paid   []PaidMonth
		paidTo Month
		want   string
	}{
		{"entered_at_the_set_up_refused_in_the_ledger", old, nil, MonthOf(2026, 10),
			"党费：党费已交至 2026年10月 在本账内（本账自建账月份 2025年1月 起记账），填了会抵消应交而没有交纳记录；本账内已交的月份请在“收缴”中按实际交纳日期登记，党费已交至最晚填 2024年12月"},
		{"imported_today_October", today, nil, MonthOf(2026, 10), ""},
		{"imported_today_November", today, nil, MonthOf(2026, 11), ""},
		{"imported_today_the_day_added_as_arrival", came, nil, MonthOf(2026, 11), ""},
		{"import_row_November", row, nil, MonthOf(2026, 11), ""},
		{"imported_today_December_is_the_ledger's", today, nil, MonthOf(2026, 12),
			"党费：党费已交至 2026年12月 不在录入本软件的 2026年12月 之前；录入以后的交纳请在“收缴”中逐笔登记，党费已交至最晚填 2026年11月"},
		{"over_a_payment_recorded_since", today, paid, MonthOf(2026, 10),
			"党费：党费已交至 2026年10月 晚于建账月份 2025年1月，而本账已登记了 2026年3月 的交纳；建账后的交纳请在“收缴”中逐笔登记"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := DuesHistory{Start: ledger, SetUp: ledger, Entered: entered}
			err := ValidateOpeningInLedger(tc.paidTo, &tc.m, &h, tc.paid)
			if got := fmt.Sprint(err); tc.want == "" && err != nil || tc.want != "" && got != tc.want {
				t.Errorf("%v, want %q", err, tc.want)
			}
		})
	}
	// Stated, the months after it are owed from the month after: the
	// register calls the months before 已交, entered before the app.
	h := DuesHistory{Start: ledger, SetUp: ledger, Entered: entered, Openings: map[int64]Month{2: MonthOf(2026, 11)}}
	reg := BuildRegister(2026, []Member{today}, h, NewDate(2026, 12, 1), CurrentDuesRules())
	if note := reg.Rows[0].Note; !strings.HasPrefix(note, "党费已交至2026年11月（录入本软件前已交）") {
		t.Errorf("register note %q", note)
	}
	if from, _ := h.OwedFrom(&today); from != MonthOf(2026, 12) {
		t.Errorf("owed from %s", from)
	}
}

// The 待补录 reminder says why a member entered after the set-up has months
// to record: before they were entered, not "before the app began keeping
// the ledger" — false for a branch that has kept it since 2025-01 (review
// s9-8 #15). Members at the set-up keep the old sentence.
func TestRecordFindingsSayWhenAMemberWasEntered(t *testing.T) {
	ledger := MonthOf(2025, 1)
	late := RecordGap{MemberID: 2, Name: "甲七", From: ledger, To: MonthOf(2026, 11), Months: 23, OpeningLimit: MonthOf(2026, 11), Entered: MonthOf(2026, 12)}
	early := RecordGap{MemberID: 1, Name: "乙八", From: MonthOf(2024, 11), To: MonthOf(2024, 12), Months: 2, OpeningLimit: MonthOf(2024, 12)}
	for _, tc := range []struct {
		name      string
		gaps      []RecordGap
		want, not string
	}{
		{"entered_today", []RecordGap{late}, "甲七的党费2025年1月至2026年11月待补录：这些月份在其录入本软件（2026年12月）之前，尚未登记交纳", "开始用本软件记党费账之前"},
		{"with_one_at_the_set_up", []RecordGap{early, late}, "这些月份在开始用本软件记党费账或党员录入本软件之前", "这些月份在开始用本软件记党费账之前"},
		{"at_the_set_up_only", []RecordGap{early}, "这些月份在开始用本软件记党费账之前", "录入本软件"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := RecordFindings(tc.gaps)
			if len(fs) != 1 || !strings.Contains(fs[0].Message, tc.want) || strings.Contains(fs[0].Message, tc.not) {
				t.Errorf("%+v, want %q, not %q", fs, tc.want, tc.not)
			}
		})
	}
	// Entered today, stated here since the ledger began (到本支部日期).
	h := DuesHistory{Start: ledger, SetUp: ledger, Entered: map[int64]Month{2: MonthOf(2026, 12)}, Came: map[int64]Month{2: ledger}}
	m := duesMember(2, NewDate(2001, 7, 1))
	if gs := RecordGaps([]Member{m}, h, CurrentDuesRules()); len(gs) != 0 {
		t.Errorf("no base, no gap: %+v", gs)
	}
	h.Bases = []DuesBase{{MemberID: 2, Year: 2025, Category: DuesStudent}, {MemberID: 2, Year: 2026, Category: DuesStudent}}
	if gs := RecordGaps([]Member{m}, h, CurrentDuesRules()); len(gs) != 1 || gs[0].Entered != MonthOf(2026, 12) {
		t.Errorf("gaps %+v", gs)
	}
	if st := MemberDuesStatement(&m, h, NewDate(2026, 12, 1), CurrentDuesRules()); st.Entered != MonthOf(2026, 12) || st.ToRecord != 23 {
		t.Errorf("statement: entered %s, %d to record", st.Entered, st.ToRecord)
	}
	// Without it, they owe from the month they were entered: nothing to record.
	h.Came = nil
	if gs := RecordGaps([]Member{m}, h, CurrentDuesRules()); len(gs) != 0 {
		t.Errorf("gaps without a stated arrival %+v", gs)
	}
}
