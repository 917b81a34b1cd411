package model

import (
	"strings"
	"testing"
)

// The missing-base reminder says each member's years: with the union of
// years after the union of members it said 12 members lacked 2005 to 2026
// when 10 of them lacked only 2026 (review s14-attack8 #4).
func TestBaseGapReminderSaysEachMembersYears(t *testing.T) {
	gap := func(name string, past int, years ...int) BaseGap {
		return BaseGap{Name: name, Years: years, Past: past}
	}
	for _, c := range []struct {
		name     string
		gaps     []BaseGap
		say, not []string
	}{
		{"one_set_of_years_as_before", []BaseGap{gap("周五", 11, 2026), gap("吴六", 11, 2026)},
			[]string{"2名党员尚未填写2026年党费基数（周五、吴六）"}, nil},
		{"two_sets_of_years", []BaseGap{gap("赵一", 30, 2024, 2025, 2026), gap("周五", 11, 2026), gap("钱二", 30, 2024, 2025, 2026),
			gap("吴六", 11, 2026), gap("郑七", 11, 2026), gap("王八", 11, 2026)},
			[]string{"6名党员尚未填写党费基数：赵一、钱二缺2024、2025、2026年的，周五、吴六、郑七等4人缺2026年的；"},
			[]string{"王八", "周五缺2024"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := DuesFindings(nil, c.gaps, PartyConstitution2022)
			if len(fs) != 1 {
				t.Fatalf("findings %v", fs)
			}
			msg := fs[0].Message
			for _, s := range c.say {
				if !strings.Contains(msg, s) {
					t.Errorf("%q does not say %q", msg, s)
				}
			}
			for _, s := range c.not {
				if strings.Contains(msg, s) {
					t.Errorf("%q says %q", msg, s)
				}
			}
			if fs[0].Severity != Warning {
				t.Errorf("severity %v, want 提醒 (months already past)", fs[0].Severity)
			}
		})
	}
}
