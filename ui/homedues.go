package ui

import (
	"fyne.io/fyne/v2/lang"

	"branchledger/model"
)

// addDuesColumn adds the 党费 column to the roster: how many months a
// member is behind, empty when up to date.
func (r *rosterScreen) addDuesColumn() {
	if r.sh.svc.Dues == nil {
		return
	}
	r.columns = append(r.columns, column{title: "党费", chars: 12, fromChecks: true, text: func(m *model.Member, _ model.Date) string {
		a, ok := r.duesMarks[m.ID]
		if !ok {
			return ""
		}
		switch a.Severity {
		case model.Serious:
			return lang.N("连续{{.N}}月未交（严重）", a.Streak, map[string]any{"N": a.Streak})
		case model.Warning:
			if a.Streak < r.sh.rules.Constitution.WarnMonths {
				// An earlier run, paid since (review s9-8 #5): not
				// 连续0月未交.
				return lang.N("欠{{.N}}月（曾连续{{.R}}月未交）", a.Months, map[string]any{"N": a.Months, "R": a.Earlier})
			}
			return lang.N("连续{{.N}}月未交", a.Streak, map[string]any{"N": a.Streak})
		}
		return lang.N("欠{{.N}}月", a.Months, map[string]any{"N": a.Months})
	}})
}

// loadDuesMarks takes the arrears the 党费 column shows from the checks; the
// column stays empty until they arrive.
func (r *rosterScreen) loadDuesMarks() {
	c := r.sh.checks
	if c == nil {
		return
	}
	list := c.arrears
	r.duesMarks = make(map[int64]model.Arrear, len(list))
	for _, a := range list {
		r.duesMarks[a.MemberID] = a
	}
}
