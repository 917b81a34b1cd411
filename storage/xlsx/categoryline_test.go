package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// The printed summary of a year wholly before the 建账月份 says the year is
// before the ledger, not "未填基数 9 人" (review s7-8 attack #14); a year
// the ledger covers still counts the missing bases.
func TestCategoryLineOfAYearBeforeTheLedger(t *testing.T) {
	rows := []model.RegisterRow{{Name: "甲"}, {Name: "乙"}}
	for _, tc := range []struct {
		year  int
		start model.Month
		want  string
	}{
		{2025, model.MonthOf(2026, 11), "2025年全年在本台账建账月份（2026年11月）之前，不计应交，也不需填写基数。"},
		{2026, model.MonthOf(2026, 11), "应交党费党员2人：未填基数2人。"},
		{2025, 0, "应交党费党员2人：未填基数2人。"},
	} {
		got := categoryLine(&model.DuesRegister{Year: tc.year, Rows: rows}, tc.start)
		if got != tc.want || tc.year < tc.start.Year() && strings.Contains(got, "未填基数") {
			t.Errorf("%d, start %v: %q, want %q", tc.year, tc.start, got, tc.want)
		}
	}
}
