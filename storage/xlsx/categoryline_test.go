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

// A 党费已交至 earlier than the 建账月份 leaves the months after it to record,
// which need the year's base: the year's sheet names those members instead
// of saying no base is needed above their rows of 缺基数 (review s13-attack8
// #3: 钱二 paid to 2025年10月, 建账月份 2026年12月).
func TestCategoryLineNamesOpeningsBeforeTheLedger(t *testing.T) {
	ms := []model.Member{{ID: 1, Name: "钱二", Category: model.CategoryFull, JoinDate: model.NewDate(2005, 6, 1), OnRoster: true},
		{ID: 2, Name: "赵一", Category: model.CategoryFull, JoinDate: model.NewDate(2005, 6, 1), OnRoster: true}}
	start := model.MonthOf(2026, 12)
	h := model.DuesHistory{Start: start, SetUp: start, Openings: map[int64]model.Month{1: model.MonthOf(2025, 10), 2: model.MonthOf(2026, 11)}}
	reg := model.BuildRegister(2025, ms, h, model.NewDate(2026, 12, 2), model.CurrentDuesRules())
	got := categoryLine(&reg, start)
	want := "2025年全年在本台账建账月份（2026年12月）之前，不计欠交；钱二的党费已交至早于建账月份，其后的月份待补录，补录前须填写2025年基数。"
	if got != want {
		t.Errorf("%q, want %q (rows %+v)", got, want, reg.Rows)
	}
}
