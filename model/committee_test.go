package model

import (
	"strings"
	"testing"
)

// A committee name no member on the roster bears is named — a slip, a
// member who has left — and one on the roster is not.
func TestCommitteeOffRoster(t *testing.T) {
	on := func(name string) Member { return Member{Name: name, OnRoster: true} }
	left := Member{Name: "赵六", OnRoster: false}
	members := []Member{on("陈静"), on("李红梅"), on("王志强"), left}
	for _, c := range []struct {
		name      string
		committee []string
		want      string
	}{
		{"all_on_the_roster", []string{"陈静", "李红梅", "王志强"}, ""},
		{"one_character_slip", []string{"陈晶", "李红梅", "王志强"}, "陈晶"},
		{"left_the_roster", []string{"陈静", "赵六"}, "赵六"},
		{"spaces_around", []string{" 陈静 ", "李红梅"}, ""},
		{"two", []string{"陈晶", "李洪梅", "王志强"}, "陈晶、李洪梅"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var seats []CommitteeMember
			for _, n := range c.committee {
				seats = append(seats, CommitteeMember{Name: n, Role: "委员"})
			}
			if got := CommitteeOffRoster(seats, members).String(); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
			fs := CommitteeFindings(seats, members)
			if (len(fs) > 0) != (c.want != "") || len(fs) > 0 && (fs[0].About != AboutSetup || !strings.Contains(fs[0].Message, c.want+"不在党员名册上")) {
				t.Errorf("findings %+v", fs)
			}
		})
	}
}

// Day one: the committee typed in 设置 before any member is entered is
// not reported as names to check.
func TestCommitteeOffRosterOnAnEmptyRoster(t *testing.T) {
	committee := []CommitteeMember{{Name: "陈静", Role: "书记"}, {Name: "李红梅", Role: "组织委员"}}
	left := Member{Name: "赵六", OnRoster: false}
	for _, ms := range [][]Member{nil, {left}} {
		if got := CommitteeOffRoster(committee, ms); len(got) != 0 {
			t.Errorf("roster %+v: named %v", ms, got)
		}
		if f := CommitteeFindings(committee, ms); len(f) != 0 {
			t.Errorf("roster %+v: findings %+v", ms, f)
		}
	}
}
