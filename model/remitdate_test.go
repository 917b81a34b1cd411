package model

import (
	"strings"
	"testing"
)

// A quarter's dues are remitted after they are collected: the fourth
// quarter remitted on 2026-09-01 was saved and printed in the 汇总 (review
// s14-attack8 #27).
func TestRemittanceNotBeforeItsQuarter(t *testing.T) {
	today := NewDate(2026, 12, 2)
	for _, c := range []struct {
		name    string
		quarter int
		date    Date
		refused string
	}{
		{"Q4_on_2026-09-01_is_before_the_quarter", 4, NewDate(2026, 9, 1), "早于 2026 年第4季度的第一天（2026年10月1日）"},
		{"Q4_on_its_first_day", 4, NewDate(2026, 10, 1), ""},
		{"Q1_on_2025-12-31_is_before_the_year", 1, NewDate(2025, 12, 31), "早于 2026 年第1季度的第一天（2026年1月1日）"},
		{"Q3_remitted_in_the_next_quarter", 3, NewDate(2026, 10, 15), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			rm := Remittance{Year: 2026, Quarter: c.quarter, Date: c.date, Amount: Yuan(100)}
			err := rm.Validate(Yuan(1000), today)
			switch {
			case c.refused == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.refused != "" && (err == nil || !strings.Contains(err.Error(), c.refused)):
				t.Errorf("got %v, want %q", err, c.refused)
			}
		})
	}
}
