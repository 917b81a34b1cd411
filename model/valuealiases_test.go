package model

import "testing"

// 人员类别 as a 政治面貌 column writes it (review s6-7 newuser #5).
func TestParseCategoryPoliticalStatus(t *testing.T) {
	for in, want := range map[string]Category{
		"中共党员": CategoryFull, "中共正式党员": CategoryFull, "中国共产党党员": CategoryFull,
		"中共预备党员": CategoryProbationary, "中共党员（预备）": CategoryProbationary, "党员": "",
	} {
		if got, ok := ParseCategory(in); !ok || got != want {
			t.Errorf("ParseCategory(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	if _, ok := ParseCategory("群众"); ok || !NotPartyMember("群众") || NotPartyMember("中共党员") {
		t.Errorf("群众 read as a member")
	}
}

// A remark in brackets after the category does not hide it; a bracketed
// category after 党员 says it; a remark naming the other category leaves
// it unsaid (review s9-7 #10).
func TestParseCategoryWithRemark(t *testing.T) {
	tests := []struct {
		in     string
		want   Category
		ok     bool
		remark string
	}{
		{"预备党员（延长预备期）", CategoryProbationary, true, "延长预备期"},
		{"正式党员（已转正）", CategoryFull, true, "已转正"},
		{"正式党员(2011年转正)", CategoryFull, true, "2011年转正"},
		{"党员（正式）", CategoryFull, true, ""},
		{"党员(预备)", CategoryProbationary, true, ""},
		{"中共党员（预备）", CategoryProbationary, true, ""},
		{"正式党员【党小组长】", CategoryFull, true, "党小组长"},
		{"预备党员（已转正）", "", false, ""},
		{"正式党员（预备期）", "", false, ""},
		{"党员（延长预备期）", "", false, ""},
		{"群众（入党积极分子）", "", false, ""},
		{"（正式）", CategoryFull, true, ""},
	}
	for _, tt := range tests {
		got, ok := ParseCategory(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseCategory(%q) = %q %v, want %q %v", tt.in, got, ok, tt.want, tt.ok)
		}
		if ok {
			if r := CategoryRemark(tt.in); r != tt.remark {
				t.Errorf("CategoryRemark(%q) = %q, want %q", tt.in, r, tt.remark)
			}
		}
	}
}

// A 党员类别 of the dues register's kind says the member's work or that
// they are away, never 正式 or 预备 (review ra7 F17).
func TestParseMemberStatus(t *testing.T) {
	tests := []struct {
		in   string
		want MemberStatus
		ok   bool
	}{
		{"在职党员", MemberStatus{}, true},
		{"离退休党员", MemberStatus{Post: "离退休人员"}, true},
		{"退休", MemberStatus{Post: "离退休人员"}, true},
		{"流动党员", MemberStatus{Mobile: true}, true},
		{"学生党员", MemberStatus{Post: "学生"}, true},
		{"正式党员", MemberStatus{}, false},
		{"预备党员", MemberStatus{}, false},
		{"党员", MemberStatus{}, false},
		{"群众", MemberStatus{}, false},
	}
	for _, tt := range tests {
		if got, ok := ParseMemberStatus(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("ParseMemberStatus(%q) = %+v %v, want %+v %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
