package model

import (
	"strings"
	"testing"
)

// Months to record before the 建账月份 cannot be paid in 收缴 as they
// stand: home names 党费已交至 for a paper payment and moving the 建账月份
// back for money paid now, not 收缴 alone, which refused them (review
// s14-newuser #2). Months after the 建账月份 keep the 收缴 advice.
func TestRecordAdviceBeforeTheLedger(t *testing.T) {
	start := MonthOf(2026, 12)
	for _, c := range []struct {
		name      string
		gaps      []RecordGap
		want, not string
	}{
		{"one_before_start", []RecordGap{{Name: "吴芳", From: MonthOf(2026, 10), To: MonthOf(2026, 11), Months: 2, OpeningLimit: MonthOf(2026, 11), Start: start}},
			"把建账月份改到2026年10月", "按实际交纳日期补录"},
		{"two_before_start", []RecordGap{
			{Name: "吴芳", From: MonthOf(2026, 10), To: MonthOf(2026, 11), Months: 2, OpeningLimit: MonthOf(2026, 11), Start: start},
			{Name: "林峰", From: MonthOf(2026, 11), To: MonthOf(2026, 11), Months: 1, OpeningLimit: MonthOf(2026, 11), Start: start}},
			"把建账月份改到2026年10月", "按实际交纳日期补录"},
		{"after_start_before_set_up", []RecordGap{{Name: "卫婷", From: MonthOf(2026, 10), To: MonthOf(2026, 11), Months: 2, OpeningLimit: MonthOf(2026, 9), Start: MonthOf(2026, 10)}},
			"按实际交纳日期登记交纳", "修改建账月份"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := RecordFindings(c.gaps)
			if len(fs) != 1 || !strings.Contains(fs[0].Message, c.want) || strings.Contains(fs[0].Message, c.not) {
				t.Errorf("home says %q, want %q and not %q", fs[0].Message, c.want, c.not)
			}
		})
	}
	if err := CheckBeforeLedger(Date{}, []Month{MonthOf(2026, 11), MonthOf(2026, 10)}, start); err == nil ||
		!strings.Contains(err.Error(), "2026年10月 在建账月份（2026年12月）之前") || !strings.Contains(err.Error(), "把建账月份改到2026年10月") {
		t.Errorf("paying October and November: %v", err)
	}
}
