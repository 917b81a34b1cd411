package workspace

import (
	"fmt"

	"branchledger/model"
)

// SharedMembers are the people, by 公民身份号码, on the current rolls of
// more than one branch of the workspace, in the order of their ID numbers
// (review s5-11 newuser #8): what a copied data file or an unfinished
// transfer leaves.
func (w *Workspace) SharedMembers() ([]model.SharedMember, error) {
	rows, err := w.sql.Query(`SELECT m.id_number, m.name, b.id, b.org_name, b.branch_name
		FROM branch_members m JOIN branches b ON b.id = m.branch_id
		WHERE m.on_roster = 1 AND m.id_number IN (
			SELECT id_number FROM branch_members WHERE on_roster = 1 AND id_number <> ''
			GROUP BY id_number HAVING count(DISTINCT branch_id) > 1)
		ORDER BY m.id_number, b.id`)
	if err != nil {
		return nil, fmt.Errorf("查找多个支部共有的党员失败：%w", err)
	}
	defer rows.Close()
	var out []model.SharedMember
	var lastBranch int64
	for rows.Next() {
		var id, name, org, branch string
		var bid int64
		if err := rows.Scan(&id, &name, &bid, &org, &branch); err != nil {
			return nil, err
		}
		label := branchLabel(org, branch)
		if n := len(out); n > 0 && out[n-1].IDNumber == id {
			if bid != lastBranch { // one branch listing a person twice is its own finding
				out[n-1].Branches = append(out[n-1].Branches, label)
				out[n-1].BranchIDs = append(out[n-1].BranchIDs, bid)
			}
			lastBranch = bid
			continue
		}
		lastBranch = bid
		out = append(out, model.SharedMember{IDNumber: id, Name: name, Branches: []string{label}, BranchIDs: []int64{bid}})
	}
	return out, rows.Err()
}
