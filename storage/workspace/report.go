package workspace

import (
	"strings"

	"branchledger/model"
	"branchledger/storage/xlsx"
)

// Report gathers the upward report (上报汇总表) of every branch and the
// organisation list as of today.
func (w *Workspace) Report() (*xlsx.UpwardReport, error) {
	s, err := w.Settings()
	if err != nil {
		return nil, err
	}
	bs, err := w.Branches()
	if err != nil {
		return nil, err
	}
	cov, err := w.Coverage()
	if err != nil {
		return nil, err
	}
	orgs, err := w.Orgs()
	if err != nil {
		return nil, err
	}
	dues, err := w.UnitDues()
	if err != nil {
		return nil, err
	}
	today := w.Today()
	r := &xlsx.UpwardReport{Area: s.Area, Instructor: s.Instructor, Today: today, Coverage: cov.CoverageReport}
	byOrg := map[int64][]string{}
	names := map[int64]string{}
	for _, b := range bs {
		ub := xlsx.UpwardBranch{Name: b.Label(), Orgs: strings.Join(b.Orgs, "、"), SnapshotOn: b.SnapshotOn,
			Stale: b.Stale(today), Figures: b.Figures}
		if ub.Orgs == "" {
			ub.Orgs = b.OrgName
		}
		if ub.Name == b.OrgName || strings.Contains(b.BranchName, b.OrgName) {
			ub.Name = b.BranchName
		}
		if ub.Slots, err = w.Slots(b.ID); err != nil {
			return nil, err
		}
		if d := dues[b.ID]; d != nil {
			ub.DuesMonths, ub.Quarters, ub.DuesExtra = d.Months, d.Quarters, d.Extra
		}
		r.Branches = append(r.Branches, ub)
		names[b.ID] = ub.Name
		for _, id := range b.OrgIDs {
			byOrg[id] = append(byOrg[id], ub.Name)
		}
	}
	flags := map[int64][]string{}
	for _, f := range cov.Findings {
		flags[f.OrgID] = append(flags[f.OrgID], f.Message)
	}
	for _, o := range orgs {
		// The sheet shows the coverage the figures count: by the branch
		// linked to the organisation, whatever the list types (the finding
		// beside it says what was typed: review s5-11 newuser #3).
		if c, linked := model.CountedCoverage(&o, cov.Links); linked && c != o.Coverage {
			o.Coverage, o.Reason, o.Work = c, "", model.WorkNone
		}
		r.Orgs = append(r.Orgs, xlsx.UpwardOrg{Org: o, Branches: strings.Join(byOrg[o.ID], "、"), Flags: strings.Join(flags[o.ID], "\n")})
	}
	ms, err := w.AllMembers()
	if err != nil {
		return nil, err
	}
	shared, err := w.SharedMembers()
	if err != nil {
		return nil, err
	}
	on := make(map[string]*model.SharedMember, len(shared)) // by model.StoredIDNumber
	for i := range shared {
		on[shared[i].IDNumber] = &shared[i]
	}
	r.Members = make([]xlsx.UpwardMember, len(ms))
	for i, m := range ms {
		r.Members[i] = xlsx.UpwardMember{Branch: names[m.BranchID], Member: m.Member}
		if s := on[model.StoredIDNumber(m.Member.IDNumber)]; s != nil {
			var also []string
			for _, id := range s.BranchIDs {
				if id != m.BranchID {
					also = append(also, names[id])
				}
			}
			r.Members[i].Also = strings.Join(also, "、")
		}
	}
	return r, nil
}

// WriteReport writes the upward report workbook to path.
func (w *Workspace) WriteReport(path string) (*xlsx.UpwardReport, error) {
	r, err := w.Report()
	if err != nil {
		return nil, err
	}
	return r, xlsx.WriteUpwardReportFile(path, r)
}
