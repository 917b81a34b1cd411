package model

import (
	"strings"
	"testing"
)

// The 待补录 reminder says one thing of its months and offers each member
// only the route that member has (review s14-newuser #3: after moving the
// 建账月份 back it said the months were "before the app began keeping the
// ledger" and, in the same sentence, "after the 建账月份, inside this
// ledger"; #9: "2026年11月及以前的月份也可填写“党费已交至”" for two members, one
// of whom the member page refused it).
func TestRecordReminderAgreesWithItself(t *testing.T) {
	oct, nov, sep, dec := MonthOf(2026, 10), MonthOf(2026, 11), MonthOf(2026, 9), MonthOf(2026, 12)
	for _, c := range []struct {
		name     string
		gaps     []RecordGap
		say, not []string
	}{
		{"moved_back_one_member", []RecordGap{{Name: "卫婷", From: oct, To: nov, Months: 2, OpeningLimit: sep, Start: oct}},
			[]string{"这些月份在建账月份（2026年10月）之后、开始用本软件登记之前，尚未登记交纳", "不能用“党费已交至”登记"},
			[]string{"在开始用本软件记党费账之前"}},
		{"moved_back_two_members", []RecordGap{{Name: "卫婷", From: oct, To: nov, Months: 2, OpeningLimit: sep, Start: oct},
			{Name: "林峰", From: nov, To: nov, Months: 1, OpeningLimit: sep, Start: oct}},
			[]string{"卫婷（2026年10月至2026年11月）", "林峰（2026年11月）", "在建账月份（2026年10月）之后"},
			[]string{"在开始用本软件记党费账之前"}},
		{"only_one_may_state_paid_up_to", []RecordGap{{Name: "卫婷", From: oct, To: nov, Months: 2, OpeningLimit: sep, Start: oct, Entered: dec},
			{Name: "林峰", From: oct, To: nov, Months: 2, OpeningLimit: nov, Start: oct}},
			[]string{"林峰2026年11月及以前的月份也可填写“党费已交至”"},
			[]string{"卫婷2026", "；2026年11月及以前"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := RecordFindings(c.gaps)
			if len(fs) != 1 {
				t.Fatalf("findings %v", fs)
			}
			msg := fs[0].Message
			for _, s := range c.say {
				if !strings.Contains(msg, s) {
					t.Errorf("%q\ndoes not say %q", msg, s)
				}
			}
			for _, s := range c.not {
				if strings.Contains(msg, s) {
					t.Errorf("%q\nsays %q", msg, s)
				}
			}
		})
	}
}
