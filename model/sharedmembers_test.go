package model

import (
	"strings"
	"testing"
)

// One finding per set of branches sharing people, naming them (review
// s5-11 newuser #8).
func TestCheckSharedMembers(t *testing.T) {
	ab := []string{"陇原支部", "金百合支部"}
	fs := CheckSharedMembers([]SharedMember{
		{IDNumber: "1", Name: "陆莉", Branches: ab},
		{IDNumber: "2", Name: "段旭辉", Branches: ab},
		{IDNumber: "3", Name: "蔡丹", Branches: []string{"佳禾支部", "陇原支部", "青年志愿者协会支部"}},
	})
	if len(fs) != 2 {
		t.Fatalf("findings %+v", fs)
	}
	want := "“陇原支部”、“金百合支部”的名册上有2名相同的党员（公民身份号码相同）：陆莉、段旭辉。一名党员只能编入一个党支部"
	if !strings.HasPrefix(fs[1].Message, want) || fs[1].Severity != Warning {
		t.Errorf("finding %q", fs[1].Message)
	}
	if !strings.Contains(fs[0].Message, "“佳禾支部”、“陇原支部”、“青年志愿者协会支部”的名册上有1名") {
		t.Errorf("finding %q", fs[0].Message)
	}
}
