package model

import (
	"testing"
	"time"
)

func TestWorkingDays(t *testing.T) {
	cal := DefaultHolidayCalendar()
	cases := []struct {
		name     string
		from, to Date
		want     int
		exact    bool
	}{
		{"an_ordinary_week", d(2026, 3, 9), d(2026, 3, 13), 5, true},
		{"a_weekend_counts_nothing", d(2026, 3, 14), d(2026, 3, 15), 0, true},
		{"labour_day_2026_then_Saturday_9_May_worked", d(2026, 5, 6), d(2026, 5, 11), 5, true},
		{"across_labour_day_2026", d(2026, 4, 29), d(2026, 5, 8), 5, true},
		{"national_day_2025_Sunday_28_Sep_worked", d(2025, 9, 26), d(2025, 10, 10), 6, true},
		{"spring_festival_2026", d(2026, 2, 13), d(2026, 2, 24), 3, true},
		{"a_year_not_known_counts_weekdays", d(2027, 5, 3), d(2027, 5, 7), 5, false},
		{"end_before_start", d(2026, 3, 13), d(2026, 3, 9), 0, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n, exact := cal.WorkingDays(tc.from, tc.to)
			if n != tc.want || exact != tc.exact {
				t.Errorf("WorkingDays(%s, %s) = %d, %v; want %d, %v", tc.from, tc.to, n, exact, tc.want, tc.exact)
			}
		})
	}
	if got := cal.AddWorkingDays(d(2026, 4, 30), 5); got != d(2026, 5, 9) {
		t.Errorf("5 working days from 2026-04-30 end on %s, want 2026-05-09 (a Saturday worked)", got)
	}
}

func TestUserHolidaysExtendTheCalendar(t *testing.T) {
	user := []HolidayDay{
		{Date: d(2027, 1, 1), Kind: DayOff, Name: "元旦"},
		{Date: d(2027, 1, 9), Kind: DayWork, Name: "元旦"},
		// The user corrects an official day.
		{Date: d(2026, 5, 9), Kind: DayOff, Name: "更正"},
	}
	cal := NewHolidayCalendar(OfficialHolidays, user)
	if !cal.Knows(2027) || cal.Source(2027) == "" {
		t.Errorf("2027 should be known once the user entered days")
	}
	if cal.IsWorkingDay(d(2027, 1, 1)) || !cal.IsWorkingDay(d(2027, 1, 9)) {
		t.Errorf("user days not applied")
	}
	if cal.IsWorkingDay(d(2026, 5, 9)) {
		t.Errorf("a user's day overrides the official one")
	}
	for _, y := range []int{2023, 2024, 2025, 2026} {
		if !cal.Knows(y) {
			t.Errorf("%d not known", y)
		}
	}
	if err := ValidateHolidayDay(HolidayDay{Date: MonthDate(2027, time.May), Kind: DayOff}); err == nil {
		t.Errorf("a month-only day is accepted")
	}
	if err := ValidateHolidayDay(HolidayDay{Date: d(2027, 5, 1), Kind: "休息"}); err == nil {
		t.Errorf("an unknown kind is accepted")
	}
}

// Every official day off falls on the stated festival and every worked day
// is a weekend day: a typo in the table would show here.
func TestOfficialHolidayTable(t *testing.T) {
	for _, y := range OfficialHolidays {
		for _, s := range y.Work {
			for x := s.From; !x.After(s.To); x = x.AddDays(1) {
				if wd := x.Time().Weekday(); wd != time.Saturday && wd != time.Sunday {
					t.Errorf("%d: worked day %s (%s) is a %s", y.Year, x, s.Name, wd)
				}
			}
		}
		for _, s := range y.Off {
			if s.To.Before(s.From) || s.From.AddDays(9).Before(s.To) {
				t.Errorf("%d: span %s %s–%s", y.Year, s.Name, s.From, s.To)
			}
		}
	}
}

func TestAddMonthsClampsAtMonthEnd(t *testing.T) {
	cases := []struct{ from, want Date }{
		{d(2025, 1, 31), d(2025, 2, 28)},
		{d(2024, 1, 31), d(2024, 2, 29)},
		{d(2026, 3, 31), d(2026, 4, 30)},
		{d(2026, 12, 15), d(2027, 1, 15)},
	}
	for _, tc := range cases {
		if got := tc.from.AddMonths(1); got != tc.want {
			t.Errorf("%s + 1 month = %s, want %s", tc.from, got, tc.want)
		}
	}
}
