package model

import "fmt"

// CheckRoster finds what an inspection would notice about members' standing
// on the roster: a probation that ended without the branch deciding on full
// membership, and a member out of contact longer than the rules allow whose
// membership has not been suspended. Each finding names its member.
func CheckRoster(ms []Member, today Date, r Rules) []Finding {
	var out []Finding
	for i := range ms {
		m := &ms[i]
		if !m.OnRoster {
			continue
		}
		if m.Category == CategoryProbationary && !m.JoinDate.IsZero() {
			end := m.JoinDate.AddYears(r.Membership.ProbationYears)
			latest := end.AddMonths(r.Membership.ProbationMaxExtensionMonths)
			switch {
			case latest.Before(today):
				out = append(out, Finding{Severity: Serious, MemberID: m.ID, Message: fmt.Sprintf(
					"%s的预备期已于%s届满，延长预备期最长%d个月也已超过，仍为预备党员，须尽快召开支部党员大会讨论其转正或作出处理",
					m.Name, end.Chinese(), r.Membership.ProbationMaxExtensionMonths)})
			case end.Before(today):
				out = append(out, Finding{Severity: Warning, MemberID: m.ID, Message: fmt.Sprintf(
					"%s的预备期已于%s届满，尚未转正：应及时召开支部党员大会讨论其转正（如已决定延长预备期，请在备注中注明）",
					m.Name, end.Chinese())})
			}
		}
		if m.LostContact && m.Standing == StandingNormal && !m.LostSince.IsZero() {
			if months := m.LostSince.MonthsUntil(today); months >= r.Records.LostContactSuspendMonths {
				out = append(out, Finding{Severity: Warning, MemberID: m.ID, Message: fmt.Sprintf(
					"%s自%s失去联系已%d个月，失联超过%d个月的应停止党籍（登记变动“停止党籍”）",
					m.Name, m.LostSince.Chinese(), months, r.Records.LostContactSuspendMonths)})
			}
		}
	}
	return out
}
