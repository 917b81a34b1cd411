package model

import (
	"slices"
	"strings"
)

// A member is organised into one branch (RULES.md §3, step 19: 编入支部和
// 党小组). In an instructor's workspace one 公民
// 身份号码 on the rolls of two branches is the trace of a data file copied
// to start a second branch, or of a transfer not finished on either side
// (review s5-11 newuser #8).

// SharedMember is one person, by 公民身份号码, on the current rolls of
// several branches of a workspace.
type SharedMember struct {
	IDNumber string
	Name     string // as the first branch has it
	// Branches are the branches whose rolls hold the person, by their
	// names as the instructor knows them, in the workspace's order.
	Branches []string
	// BranchIDs are the same branches' IDs in the workspace.
	BranchIDs []int64
}

// maxNamedShared is how many people a finding about shared members names.
const maxNamedShared = 5

// CheckSharedMembers finds the people on the rolls of several branches:
// one finding for each set of branches that share members, naming the
// branches and the first people.
func CheckSharedMembers(ms []SharedMember) []Finding {
	type group struct {
		branches []string
		names    []string
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, m := range ms {
		key := strings.Join(m.Branches, "\x00")
		g := byKey[key]
		if g == nil {
			g = &group{branches: m.Branches}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.names = append(g.names, m.Name)
	}
	var out []Finding
	for _, g := range groups {
		quoted := make([]string, len(g.branches))
		for i, b := range g.branches {
			quoted[i] = "“" + b + "”"
		}
		names := strings.Join(g.names[:min(len(g.names), maxNamedShared)], "、")
		if len(g.names) > maxNamedShared {
			names += "…" // said alike in every language
		}
		out = append(out, Finding{Severity: Warning}.With(Textf(
			"%s的名册上有%d名相同的党员（公民身份号码相同）：%s。一名党员只能编入一个党支部：可能是复制数据文件新建了支部，或组织关系转接没有办完，请核实后让有关支部改正",
			strings.Join(quoted, "、"), len(g.names), names)))
	}
	slices.SortStableFunc(out, func(a, b Finding) int { return strings.Compare(a.Message, b.Message) })
	return out
}
