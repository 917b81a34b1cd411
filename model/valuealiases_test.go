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
