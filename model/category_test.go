package model

import (
	"strings"
	"testing"
	"time"
)

// 人员类别 read from the dates when a roster leaves it out (issue 7 §8),
// with the probation of the recruiting rules: one year from 加入党组织日期,
// extendable once by at most twelve months.
func TestCategoryFromDates(t *testing.T) {
	today := NewDate(2026, 11, 30)
	r := MembershipRules2014
	tests := []struct {
		name       string
		join, full Date
		want       Category
		wantErr    bool
	}{
		{"转正 date present → 正式党员", NewDate(2010, 7, 1), NewDate(2011, 7, 1), CategoryFull, false},
		{"no 转正 date, admitted this year → 预备党员", NewDate(2026, 3, 1), Date{}, CategoryProbationary, false},
		{"no 转正 date, in an extension → 预备党员", NewDate(2025, 1, 10), Date{}, CategoryProbationary, false},
		{"no 转正 date, on the last day of the longest extension → 预备党员", NewDate(2024, 11, 30), Date{}, CategoryProbationary, false},
		{"no 转正 date, a day past the longest extension → refused", NewDate(2024, 11, 29), Date{}, "", true},
		{"no 转正 date, month precision, same month → 预备党员", MonthDate(2024, time.November), Date{}, CategoryProbationary, false},
		{"no 转正 date, admitted 2003 → refused", NewDate(2003, 10, 1), Date{}, "", true},
		{"nothing known", Date{}, Date{}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CategoryFromDates(tt.join, tt.full, today, r)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Fatalf("got %q, %v; want %q, error %v", got, err, tt.want, tt.wantErr)
			}
			if err != nil && (err.Field != FieldFullDate || !strings.Contains(err.Message, "转为正式党员日期")) {
				t.Errorf("the refusal must name 转为正式党员日期: %+v", err)
			}
		})
	}
}
