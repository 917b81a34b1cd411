package workspace

import (
	"fmt"
	"slices"
	"strings"

	"branchledger/model"
)

// SharedMembers are the people, by 公民身份号码, on the current rolls of
// more than one branch of the workspace, in the order of their ID numbers
// (review s5-11 newuser #8): what a copied data file or an unfinished
// transfer leaves. A person is known by the stored form of the number
// (model.StoredIDNumber), as the workspace's row check knows one person
// listed twice in a branch: an old 15-digit number in a file written by an
// older version is the same person as its 18-digit form on another branch.
func (w *Workspace) SharedMembers() ([]model.SharedMember, error) {
	rows, err := w.sql.Query(`SELECT m.id_number, m.name, b.id, b.org_name, b.branch_name
		FROM branch_members m JOIN branches b ON b.id = m.branch_id
		WHERE m.on_roster = 1 AND m.id_number <> ''
		ORDER BY b.id, m.id_number`)
	if err != nil {
		return nil, fmt.Errorf("查找多个支部共有的党员失败：%w", err)
	}
	defer rows.Close()
	byID := map[string]*model.SharedMember{}
	var order []*model.SharedMember
	for rows.Next() {
		var id, name, org, branch string
		var bid int64
		if err := rows.Scan(&id, &name, &bid, &org, &branch); err != nil {
			return nil, err
		}
		id = model.StoredIDNumber(id)
		s := byID[id]
		if s == nil {
			s = &model.SharedMember{IDNumber: id, Name: name}
			byID[id] = s
			order = append(order, s)
		}
		// One branch listing a person twice is its own finding.
		if n := len(s.BranchIDs); n == 0 || s.BranchIDs[n-1] != bid {
			s.Branches = append(s.Branches, branchLabel(org, branch))
			s.BranchIDs = append(s.BranchIDs, bid)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []model.SharedMember
	for _, s := range order {
		if len(s.BranchIDs) > 1 {
			out = append(out, *s)
		}
	}
	slices.SortFunc(out, func(a, b model.SharedMember) int { return strings.Compare(a.IDNumber, b.IDNumber) })
	return out, nil
}
