package model

import (
	"testing"
	"time"
)

// 建账月份 moved back before months the app never saw (set up in December)
// leaves those months 待补录 for every member, with an opening position
// (paper 党费已交至, a letter's 党费交至) or without: review s8-8 #4 saw a
// member who came in June with a letter paid to May turned 欠交 from June
// and 视为自行脱党 on the printed summary, one click after the setting.
// Months after the set-up month are owed as before.
func TestLedgerMovedBackLeavesUnseenMonthsToRecord(t *testing.T) {
	r := CurrentDuesRules()
	c := CurrentRules().Constitution
	today := NewDate(2026, 12, 1)
	for _, tc := range []struct {
		name           string
		start, setUp   Month
		opening        Month // 0: none
		arrived        Month // 0: not by a letter
		toRecord, owed int   // months of 2026
	}{
		{"letter paid to May, came in June", MonthOf(2026, 1), MonthOf(2026, 12), MonthOf(2026, 5), MonthOf(2026, 6), 6, 0},
		{"paper paid to March", MonthOf(2026, 1), MonthOf(2026, 12), MonthOf(2026, 3), 0, 8, 0},
		{"no opening", MonthOf(2026, 1), MonthOf(2026, 12), 0, 0, 11, 0},
		{"set up in March, paid to May", MonthOf(2026, 1), MonthOf(2026, 3), MonthOf(2026, 2), 0, 0, 9},
		{"start not moved", MonthOf(2026, 12), MonthOf(2026, 12), MonthOf(2026, 10), 0, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := duesMember(1, NewDate(2001, 7, 1))
			h := DuesHistory{Start: tc.start, SetUp: tc.setUp, Openings: map[int64]Month{}, Arrived: map[int64]Month{}, Came: map[int64]Month{},
				Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}}}
			if tc.opening != 0 {
				h.Openings[1] = tc.opening
			}
			if tc.arrived != 0 {
				h.Arrived[1], h.Came[1] = tc.arrived, tc.arrived
			}
			reg := BuildRegister(2026, []Member{m}, h, today, r)
			if len(reg.Rows) != 1 {
				t.Fatalf("rows %+v", reg.Rows)
			}
			toRecord, owed := 0, 0
			for k := range 12 {
				switch reg.Rows[0].Months[k].State {
				case MonthToRecord:
					toRecord++
				case MonthOverdue:
					owed++
				}
			}
			if toRecord != tc.toRecord || owed != tc.owed {
				t.Errorf("待补录 %d, 欠交 %d; want %d, %d (%v)", toRecord, owed, tc.toRecord, tc.owed, reg.Rows[0].Months)
			}
			n := 0
			for _, a := range Arrears([]Member{m}, h, today, r, c) {
				n += a.Months
			}
			if n != tc.owed {
				t.Errorf("arrears %d months, want %d", n, tc.owed)
			}
		})
	}
}

// Moving 建账月份 back names whose arrears it adds (review s8-8 #4: the
// move back was saved without a word): months the app saw after it was
// set up, now inside the ledger.
func TestArrearsAddedByStart(t *testing.T) {
	r := CurrentDuesRules()
	today := NewDate(2026, 12, 1)
	m := duesMember(1, NewDate(2001, 7, 1))
	h := DuesHistory{Start: MonthOf(2026, 6), SetUp: MonthOf(2026, 1), Openings: map[int64]Month{}, Arrived: map[int64]Month{}, Came: map[int64]Month{},
		Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}}}
	for i := 6; i <= 11; i++ {
		h.Paid = append(h.Paid, PaidMonth{MemberID: 1, Month: MonthOf(2026, time.Month(i)), Amount: Yuan(81)})
	}
	for _, tc := range []struct {
		name     string
		start    Month
		from, to Month
		months   int
	}{
		{"back to March", MonthOf(2026, 3), MonthOf(2026, 3), MonthOf(2026, 5), 3},
		{"back before the set-up month", MonthOf(2025, 10), MonthOf(2026, 1), MonthOf(2026, 5), 5},
		{"later", MonthOf(2026, 7), 0, 0, 0},
		{"the same", MonthOf(2026, 6), 0, 0, 0},
	} {
		adds := ArrearsAddedByStart([]Member{m}, h, tc.start, today, r)
		months := 0
		if len(adds) == 1 {
			months = adds[0].Months
			if adds[0].From != tc.from || adds[0].To != tc.to || adds[0].Amount != Yuan(81)*Money(tc.months) {
				t.Errorf("%s: %+v", tc.name, adds[0])
			}
		}
		if months != tc.months || len(adds) > 1 {
			t.Errorf("%s: adds %+v, want %d months", tc.name, adds, tc.months)
		}
	}
}
