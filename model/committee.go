package model

import "strings"

// CommitteeOffRoster are the names on the branch committee that no member
// on the roster bears. The committee is typed as text in 设置 and a
// 支部委员会会议's roll is the roster members whose names hold a seat
// (DueMembers), so a one-character slip (陈晶 for 陈静) silently dropped a
// member from every 支委会 roll: 应到 2 for a 3-member committee (review
// s14-newuser #12). Each sentence that names them comes from here.
//
// With no one on the roster yet (设置 filled in before the roster, as the
// first hour goes) nobody is named: "请核对姓名" of every seat would be a
// false alarm, and home already says how to add members.
func CommitteeOffRoster(committee []CommitteeMember, members []Member) Names {
	on := make(map[string]bool, len(members))
	for i := range members {
		if members[i].OnRoster {
			on[strings.TrimSpace(members[i].Name)] = true
		}
	}
	if len(on) == 0 {
		return nil
	}
	var out Names
	for _, c := range committee {
		if n := strings.TrimSpace(c.Name); n != "" && !on[n] {
			out = append(out, n)
		}
	}
	return out
}

// CommitteeOffRosterText says which committee names are not on the roster
// and what that does, for 设置 when saved and for home and `check`.
func CommitteeOffRosterText(names Names) Text {
	return Textf("支部委员会成员%s不在党员名册上，支部委员会会议的出席情况不会列出：请在“设置 → 支部委员会”中核对姓名", names)
}

// CommitteeFindings is the 组织设置 finding for committee names not on the
// roster (CommitteeOffRoster), or none.
func CommitteeFindings(committee []CommitteeMember, members []Member) []Finding {
	names := CommitteeOffRoster(committee, members)
	if len(names) == 0 {
		return nil
	}
	return []Finding{Finding{Severity: Warning, About: AboutSetup}.With(CommitteeOffRosterText(names))}
}

// CommitteeRollChecks is the line a 支部委员会会议's form shows while a
// committee name is not on the roster: the roll cannot list them, and the
// form says so rather than leaving them out without a word.
func (c *RuleContext) CommitteeRollChecks(a *Activity) []Check {
	if a.Kind != KindCommitteeMeeting || len(c.CommitteeOffRoster) == 0 {
		return nil
	}
	return []Check{{Finding: Finding{Severity: Warning, About: AboutActivities}.Says(
		"支部委员会成员%s不在党员名册上，出席情况中没有其一行：请在“设置 → 支部委员会”中核对姓名", c.CommitteeOffRoster)}}
}
