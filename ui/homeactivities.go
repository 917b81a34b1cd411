package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// upcomingMonths is how far ahead the home screen shows planned activities.
const upcomingMonths = 2

// showUpcoming lists the activities planned for the coming months: a short
// read, done at once.
func (h *homeScreen) showUpcoming() {
	svc := h.sh.svc.Activities
	if svc == nil {
		h.upcoming.Hide()
		return
	}
	plans, err := svc.UpcomingPlans(upcomingMonths)
	if err != nil {
		h.sh.showError("读取年度计划", err)
		return
	}
	if len(plans) == 0 {
		h.upcoming.SetText(lang.L("近期没有计划的活动（可在“活动 → 年度计划”中安排）"))
		return
	}
	var parts []string
	for _, p := range plans {
		s := monthName(int(p.Month)) + " " + valueText(string(p.Kind))
		if p.Topic != "" {
			s += lang.L("：") + p.Topic
		}
		parts = append(parts, s)
	}
	h.upcoming.SetText(lang.L("近期计划：") + strings.Join(parts, lang.L("；")))
}

// addParticipationColumn adds 组织生活 to the roster: how many months a
// member has gone without organisational life once that reaches the 党章
// art. 9 warning, in red from the serious six months.
func (r *rosterScreen) addParticipationColumn() {
	if r.sh.svc.Activities == nil {
		return
	}
	r.columns = append(r.columns, column{title: "组织生活", chars: 20, fromChecks: true,
		text: func(m *model.Member, _ model.Date) string {
			p, ok := r.participation[m.ID]
			if !ok {
				return ""
			}
			switch p.Severity {
			case model.Serious:
				return lang.N("{{.N}}个月未参加（严重）", p.Months, map[string]any{"N": p.Months})
			case model.Warning:
				return lang.N("{{.N}}个月未参加", p.Months, map[string]any{"N": p.Months})
			}
			return ""
		},
		// Longest absence last when ascending, first on the second click.
		sortText: func(m *model.Member, _ model.Date) string {
			if p, ok := r.participation[m.ID]; ok {
				return strconv.Itoa(1000 + p.Months)
			}
			return ""
		},
		look: func(m *model.Member) widget.Importance {
			_, imp := severityLook(r.participation[m.ID].Severity)
			return imp
		},
	})
}

// loadParticipation takes where each member stands from the checks; the
// column stays empty until they arrive.
func (r *rosterScreen) loadParticipation() {
	if c := r.sh.checks; c != nil {
		r.participation = c.participation
	}
}
