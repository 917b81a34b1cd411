package model

import (
	"strings"
	"testing"
)

// A year's summary speaks of that year (review s14-attack8 #10): a closed
// year whose register shows every month paid named a member under 党章第九条
// for a run of the next year's months, and a run of an earlier year, paid
// since, was listed in the year after.
func TestYearArrearsSpeakOfTheirYear(t *testing.T) {
	today := NewDate(2026, 11, 30)
	r := CurrentDuesRules()
	c := PartyConstitution2022
	base := func(id int64, y int) DuesBase {
		return DuesBase{MemberID: id, Year: y, Category: DuesEmployed, Base: Yuan(4000)}
	}
	paidMonths := func(id int64, from, to Month) []PaidMonth {
		var out []PaidMonth
		for mo := from; mo <= to; mo++ {
			out = append(out, PaidMonth{MemberID: id, Month: mo, Amount: Yuan(20)})
		}
		return out
	}
	// 甲 paid every month of 2025 and Jan–May 2026, then nothing.
	// 乙 left Oct–Dec 2025 unpaid and paid every month of 2026.
	// 丙 paid up to Aug 2025 and nothing since (a run open across the year end).
	jia, yi, bing := duesMember(1, NewDate(2010, 1, 1)), duesMember(2, NewDate(2010, 1, 1)), duesMember(3, NewDate(2010, 1, 1))
	var paid []PaidMonth
	paid = append(paid, paidMonths(1, MonthOf(2025, 1), MonthOf(2026, 5))...)
	paid = append(paid, paidMonths(2, MonthOf(2025, 1), MonthOf(2025, 9))...)
	paid = append(paid, paidMonths(2, MonthOf(2026, 1), MonthOf(2026, 11))...)
	paid = append(paid, paidMonths(3, MonthOf(2025, 1), MonthOf(2025, 8))...)
	var bases []DuesBase
	for id := int64(1); id <= 3; id++ {
		bases = append(bases, base(id, 2025), base(id, 2026))
	}
	h := DuesHistory{Start: MonthOf(2025, 1), Bases: bases, Paid: paid}
	ms := []Member{jia, yi, bing}

	type said struct {
		streak, earlier int
		sev             Severity
	}
	for _, tc := range []struct {
		year int
		want map[int64]said // by member; absent: not warned
	}{
		// At the end of 2025: 乙 three months open (Oct–Dec), 丙 four.
		{2025, map[int64]said{2: {3, 0, Warning}, 3: {4, 0, Warning}}},
		// 2026 as of today: 甲 Jun–Oct (5, the current month not yet late);
		// 乙's 2025 run, paid since, is not 2026's; 丙 open since Sep 2025.
		{2026, map[int64]said{1: {5, 0, Warning}, 3: {14, 0, Serious}}},
		{2027, map[int64]said{}},
	} {
		got := map[int64]said{}
		for _, a := range YearArrears(ms, h, tc.year, today, r, c) {
			if a.Severity == Warning || a.Severity == Serious {
				got[a.MemberID] = said{a.Streak, a.Earlier, a.Severity}
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%d: warned %+v, want %+v", tc.year, got, tc.want)
			continue
		}
		for id, w := range tc.want {
			if got[id] != w {
				t.Errorf("%d: member %d %+v, want %+v", tc.year, id, got[id], w)
			}
		}
	}
}

// A base whose dues round to 0.00 is refused as a base of 0 is: the
// register printed its months 免交, which nobody approved (review
// s14-attack8 #5, #8). The smallest base that owes a fen passes.
func TestDuesBaseOwingNothingIsRefused(t *testing.T) {
	r := CurrentDuesRules()
	for _, tc := range []struct {
		c    DuesCategory
		base Money
		ok   bool
	}{
		{DuesEmployed, 1, false},
		{DuesEmployed, 50, false},
		{DuesRetired, 1, false},
		{DuesSelfEmployed, 99, false},
		{DuesEmployed, Yuan(2), true},
		{DuesEmployed, Yuan(3000), true},
	} {
		err := DuesBase{Year: 2026, Category: tc.c, Base: tc.base}.Validate(r)
		if (err == nil) != tc.ok {
			t.Errorf("%s base %s: %v", tc.c, tc.base, err)
		}
		if err != nil && !tc.ok && !strings.Contains(err.Error(), "不足1分") {
			t.Errorf("%s base %s: %v, want it to say the dues are under one fen", tc.c, tc.base, err)
		}
	}
}

// 未填 only where a month needs the base: a year wholly before the ledger
// printed 未填 for every member (review s14-newuser #8).
func TestBaseLabelSaysUnfilledOnlyWhenAMonthNeedsIt(t *testing.T) {
	var before, gap RegisterRow
	for i := range before.Months {
		before.Months[i].State = MonthBeforeLedger
		gap.Months[i].State = MonthBeforeLedger
	}
	gap.Months[11].State = MonthBaseMissing
	if got := before.BaseLabel(); got != "—" {
		t.Errorf("a year before the ledger: %q", got)
	}
	if got := gap.BaseLabel(); got != "未填" {
		t.Errorf("a month owed without a base: %q", got)
	}
}
