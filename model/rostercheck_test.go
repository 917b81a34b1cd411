package model

import (
	"strings"
	"testing"
)

// Probation (发展党员工作细则 steps 21–23) and lost contact (RULES.md §4), one
// row per case, on 2026-11-25.
func TestCheckRoster(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(m *Member)
		want     string // part of the message; "" = no finding
		severity Severity
	}{
		{"full_member", nil, "", 0},
		{"probation_running", func(m *Member) {
			m.Category, m.FullDate, m.JoinDate = CategoryProbationary, Date{}, NewDate(2026, 1, 10)
		}, "", 0},
		{"probation_ends_today", func(m *Member) {
			m.Category, m.FullDate, m.JoinDate = CategoryProbationary, Date{}, NewDate(2025, 11, 25)
		}, "", 0},
		{"probation_ended_yesterday", func(m *Member) {
			m.Category, m.FullDate, m.JoinDate = CategoryProbationary, Date{}, NewDate(2025, 11, 24)
		}, "应及时召开支部党员大会讨论其转正", Warning},
		{"probation_and_longest_extension_over", func(m *Member) {
			m.Category, m.FullDate, m.JoinDate = CategoryProbationary, Date{}, NewDate(2024, 11, 24)
		}, "须尽快召开支部党员大会", Serious},
		{"extension_still_possible", func(m *Member) {
			m.Category, m.FullDate, m.JoinDate = CategoryProbationary, Date{}, NewDate(2024, 11, 25)
		}, "应及时召开", Warning},
		{"lost_5_months", func(m *Member) { m.LostContact, m.LostSince = true, MonthDate(2026, 6) }, "", 0},
		{"lost_6_months_not_suspended", func(m *Member) { m.LostContact, m.LostSince = true, MonthDate(2026, 5) }, "应停止党籍", Warning},
		{"lost_and_already_suspended", func(m *Member) {
			m.LostContact, m.LostSince, m.Standing = true, MonthDate(2025, 1), StandingSuspended
		}, "", 0},
		{"left_the_roster", func(m *Member) {
			m.Category, m.FullDate, m.JoinDate, m.OnRoster = CategoryProbationary, Date{}, NewDate(2020, 1, 1), false
		}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := validMember()
			m.ID = 7
			if tt.edit != nil {
				tt.edit(&m)
			}
			got := CheckRoster([]Member{m}, testToday, CurrentRules())
			if tt.want == "" {
				if len(got) > 0 {
					t.Fatalf("want no finding, got %v", got)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0].Message, tt.want) || got[0].Severity != tt.severity || got[0].MemberID != 7 {
				t.Errorf("got %+v, want one %v finding on member 7 mentioning %q", got, tt.severity, tt.want)
			}
		})
	}
}
