package model

import (
	"strings"
	"testing"
)

func profile() Profile {
	return Profile{
		OrgName: "甘肃陇原机械制造有限公司", OrgType: OrgEnterprise,
		BranchName: "中共甘肃陇原机械制造有限公司支部委员会", BranchType: BranchOwn,
		Secretary: "张建华",
		Committee: []CommitteeMember{{"张建华", "书记"}, {"李志强", "组织委员"}, {"王芳", "宣传委员"}},
		TermStart: NewDate(2024, 6, 1), TermEnd: NewDate(2027, 6, 1),
	}
}

// One row per set-up rule of 支部工作条例 (RULES.md §1).
func TestCheckSetup(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(p *Profile)
		counts   RosterCounts
		want     string // part of the message; "" = no finding
		severity Severity
	}{
		{"well_set_up", nil, RosterCounts{Full: 10}, "", 0},
		{"seven_full_members_committee_not_entered", func(p *Profile) { p.Committee = nil }, RosterCounts{Full: 7}, "尚未填写支部委员会成员", Info},
		{"fourteen_full_members_secretary_only_entered", func(p *Profile) { p.Committee = nil }, RosterCounts{Full: 14}, "设置 → 支部委员会", Info},
		{"seven_full_members_committee_of_one", func(p *Profile) {
			p.Committee = []CommitteeMember{{Name: "王建国", Role: "书记"}}
		}, RosterCounts{Full: 7}, "目前委员1人", Serious},
		{"seven_full_members_committee_of_two", func(p *Profile) {
			p.Committee = []CommitteeMember{{Name: "王建国", Role: "书记"}, {Name: "李娜", Role: "委员"}}
		}, RosterCounts{Full: 7}, "目前委员2人", Serious},
		{"six_full_members_secretary_only", func(p *Profile) { p.Committee = nil }, RosterCounts{Full: 6, Probationary: 3}, "", 0},
		{"committee_too_large", func(p *Profile) {
			for i := 0; i < 5; i++ {
				p.Committee = append(p.Committee, CommitteeMember{Name: "委员", Role: "委员"})
			}
		}, RosterCounts{Full: 20}, "一般不超过7人", Warning},
		{"term_expired", func(p *Profile) { p.TermEnd = NewDate(2026, 11, 24) }, RosterCounts{Full: 10}, "已于2026年11月24日届满", Serious},
		{"term_ends_within_6_months", func(p *Profile) { p.TermEnd = NewDate(2027, 5, 24) }, RosterCounts{Full: 10}, "将于2027年5月24日届满", Warning},
		{"term_ends_in_7_months", func(p *Profile) { p.TermEnd = NewDate(2027, 6, 26) }, RosterCounts{Full: 10}, "", 0},
		{"no_term", func(p *Profile) { p.TermEnd = Date{} }, RosterCounts{Full: 10}, "未填写本届任期", Warning},
		{"fewer_than_3_full_members", nil, RosterCounts{Full: 2, Probationary: 1}, "联合党支部", Warning},
		{"two_probationary_members_only", nil, RosterCounts{Probationary: 2}, "正式党员0名，不足3名", Warning},
		{"roster_not_entered_yet", nil, RosterCounts{}, "", 0},
		{"joint_branch_with_2_is_fine", func(p *Profile) { p.BranchType = BranchJoint }, RosterCounts{Full: 2}, "", 0},
		{"over_50_members", nil, RosterCounts{Full: 45, Probationary: 6}, "不超过50名", Info},
		{"not_set_up", func(p *Profile) { *p = Profile{} }, RosterCounts{}, "尚未填写支部基本信息", Warning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := profile()
			if tt.edit != nil {
				tt.edit(&p)
			}
			got := CheckSetup(&p, tt.counts, testToday, BranchWorkRules2018)
			if tt.want == "" {
				if len(got) > 0 {
					t.Fatalf("want no finding, got %v", got)
				}
				return
			}
			for _, f := range got {
				if strings.Contains(f.Message, tt.want) {
					if f.Severity != tt.severity {
						t.Errorf("severity of %q = %v, want %v", f.Message, f.Severity, tt.severity)
					}
					return
				}
			}
			t.Errorf("want a finding mentioning %q, got %v", tt.want, got)
		})
	}
}

func TestProfileValidate(t *testing.T) {
	p := profile()
	if errs := p.Validate(testToday, CurrentRules()); len(errs) > 0 {
		t.Fatalf("valid profile refused: %v", errs)
	}
	p.TermEnd = NewDate(2028, 6, 2) // 4 years and a day
	if p.Validate(testToday, CurrentRules()).For(ProfileTermEnd) == "" {
		t.Error("a term longer than 3 years plus the 12-month extension must be refused")
	}
	p.TermEnd = NewDate(2024, 1, 1)
	if p.Validate(testToday, CurrentRules()).For(ProfileTermEnd) == "" {
		t.Error("a term ending before it starts must be refused")
	}
}
