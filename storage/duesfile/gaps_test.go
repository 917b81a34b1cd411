package duesfile

import (
	"fmt"
	"testing"

	"branchledger/model"
)

// The printed summary of a year names only the members whose base is
// missing in that year (review s5-8 attack #13: the 2025 summary named a
// member who joined in 2026).
func TestGapsOfTheYearPrinted(t *testing.T) {
	gaps := []model.BaseGap{{Name: "甲五", Years: []int{2026}}, {Name: "甲六", Years: []int{2025, 2026}}}
	if got := gapsIn(gaps, 2025); len(got) != 1 || got[0].Name != "甲六" {
		t.Errorf("2025: %+v", got)
	}
	if got := gapsIn(gaps, 2026); len(got) != 2 {
		t.Errorf("2026: %+v", got)
	}
}

// A year's printed summary lists only the months to record (待补录) in that
// year, each member's span cut to it (review s7-8-newuser #9: the 2025
// sheet listed 王建国（2026年11月）).
func TestMonthsToRecordOfTheYearPrinted(t *testing.T) {
	gaps := []model.RecordGap{
		{Name: "王建国", From: model.MonthOf(2026, 11), To: model.MonthOf(2026, 11), Months: 1},
		{Name: "陈静", From: model.MonthOf(2025, 10), To: model.MonthOf(2026, 11), Months: 14},
	}
	tests := []struct {
		year int
		want string
	}{
		{2024, "[]"},
		{2025, "[陈静 2025-10–2025-12]"},
		{2026, "[王建国 2026-11–2026-11 陈静 2026-01–2026-11]"},
	}
	for _, tt := range tests {
		var got []string
		for _, g := range recordGapsIn(gaps, tt.year) {
			got = append(got, g.Name+" "+g.From.String()+"–"+g.To.String())
		}
		if s := fmt.Sprint(got); s != tt.want {
			t.Errorf("%d: %s, want %s", tt.year, s, tt.want)
		}
	}
}
