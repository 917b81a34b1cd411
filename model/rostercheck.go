package model

import "slices"

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
				out = append(out, Finding{Severity: Serious, About: AboutMembers, MemberID: m.ID}.Says(
					"%s的预备期已于%s届满，延长预备期最长%d个月也已超过，仍为预备党员，须尽快召开支部党员大会讨论其转正或作出处理",
					m.Name, end, r.Membership.ProbationMaxExtensionMonths))
			case end.Before(today):
				out = append(out, Finding{Severity: Warning, About: AboutMembers, MemberID: m.ID}.Says(
					"%s的预备期已于%s届满，尚未转正：应及时召开支部党员大会讨论其转正（如已决定延长预备期，请在备注中注明）",
					m.Name, end))
			}
		}
		if m.LostContact && m.Standing == StandingNormal && !m.LostSince.IsZero() {
			if months := m.LostSince.MonthsUntil(today); months >= r.Records.LostContactSuspendMonths {
				out = append(out, Finding{Severity: Warning, About: AboutMembers, MemberID: m.ID}.Says(
					"%s自%s失去联系已%d个月，失联超过%d个月的应停止党籍（登记变动“停止党籍”）",
					m.Name, m.LostSince, months, r.Records.LostContactSuspendMonths))
			}
		}
	}
	return out
}

// CheckRecords finds the members on the roster whose records break a rule
// of the collection form as it stands today (an incomplete import, a date
// that has since become wrong): one finding per member, naming every
// problem.
func CheckRecords(ms []Member, today Date, r Rules) []Finding {
	var out []Finding
	for i := range ms {
		m := &ms[i]
		if !m.OnRoster {
			continue
		}
		if errs := m.Validate(today, r); len(errs) > 0 {
			out = append(out, Finding{Severity: Warning, About: AboutMembers, MemberID: m.ID}.Says("%s的信息待完善：%s", m.Name, errs))
		}
	}
	return out
}

// BranchNameGroups counts the members on the roster whose 所在党支部 is not
// the branch's name, by what it says instead ("" for not filled in).
func BranchNameGroups(ms []Member, branchName string) map[string]int {
	out := map[string]int{}
	for i := range ms {
		if m := &ms[i]; m.OnRoster && m.BranchName != branchName {
			out[m.BranchName]++
		}
	}
	return out
}

// CheckBranchNames finds members on the roster whose 所在党支部 does not name
// this branch: an imported roster of another branch, a branch renamed
// without its members, a field left empty. Inspectors compare the roster
// with the branch; one finding says how many and what they say instead.
func CheckBranchNames(ms []Member, p *Profile) []Finding {
	if !p.IsSet() {
		return nil
	}
	groups := BranchNameGroups(ms, p.BranchName)
	n := 0
	var parts Texts
	names := make([]string, 0, len(groups))
	for name := range groups {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		n += groups[name]
		if name == "" {
			parts = append(parts, Textf("未填写%d人", groups[name]))
		} else if len(parts) < 3 {
			parts = append(parts, Textf("写作“%s”%d人", name, groups[name]))
		}
	}
	if n == 0 {
		return nil
	}
	return []Finding{Finding{Severity: Info, About: AboutMembers}.Says(
		"%d名在册党员的“所在党支部”不是本支部名称“%s”（%s）；在“设置 → 支部基本信息”中保存时可一并更正",
		n, p.BranchName, parts)}
}
