package model

import "testing"

func TestPostponementPassed(t *testing.T) {
	mb := CurrentRules().Membership
	for _, c := range []struct {
		join, arrival Date
		passed        bool
	}{
		{NewDate(2024, 1, 1), NewDate(2026, 11, 30), true},  // probation ended 2025-01-01, postponement 2025-07-01
		{NewDate(2025, 6, 1), NewDate(2026, 11, 30), false}, // ended 2026-06-01, may wait until 2026-12-01
		{NewDate(2025, 5, 1), NewDate(2026, 11, 30), true},  // may wait until 2026-11-01
		{NewDate(2026, 3, 1), NewDate(2026, 11, 30), false}, // still on probation
		{Date{}, NewDate(2026, 11, 30), false},              // join date unknown
		{NewDate(2020, 1, 1), NewDate(2025, 1, 5), false},   // no postponement rule before the 2026 edition
	} {
		if _, _, _, got := PostponementPassed(c.join, c.arrival, mb); got != c.passed {
			t.Errorf("join %s arrival %s: passed %v, want %v", c.join, c.arrival, got, c.passed)
		}
	}
}
