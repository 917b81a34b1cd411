package model

import (
	"testing"
	"time"
)

// Target (issue 3): the compliance calendar and participation flags for a
// branch of 50 members with 10 years of activities in ≤ 50 ms.
func BenchmarkComplianceAndParticipation50x10y(b *testing.B) {
	today := NewDate(2026, 11, 25)
	members := make([]Member, 50)
	ids := make([]int64, 50)
	for i := range members {
		members[i] = validMember()
		members[i].ID = int64(i + 1)
		ids[i] = int64(i + 1)
	}
	var h []HeldActivity
	for y := 2017; y <= 2026; y++ {
		for m := time.January; m <= time.December; m++ {
			for _, k := range []ActivityKind{KindThemeDay, KindCommitteeMeeting, KindGroupMeeting} {
				h = append(h, HeldActivity{Kind: k, Date: NewDate(y, m, 15), Present: ids[int(m)%5:]})
			}
			if m%3 == 0 {
				h = append(h, HeldActivity{Kind: KindGeneralMeeting, Date: NewDate(y, m, 20), Present: ids[:45]},
					HeldActivity{Kind: KindLecture, Date: NewDate(y, m, 21), Present: ids})
			}
		}
		h = append(h, HeldActivity{Kind: KindLifeMeeting, Date: NewDate(y, 12, 10), Present: ids})
	}
	rules := MeetingRules2018.ForBranch(BranchMeetingSetup{HasCommittee: true, HasGroups: true})
	for b.Loop() {
		c := ComplianceCalendar(2026, h, rules, Date{}, today)
		_ = c.Findings()
		ps := Participation(members, h, today, rules, PartyConstitution2022)
		_ = ParticipationFindings(ps, PartyConstitution2022)
	}
}
