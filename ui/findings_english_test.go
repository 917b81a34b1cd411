package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// homeListTexts are the texts of home's findings list as drawn: each row's
// heading and count, or severity and sentence.
func homeListTexts(t *testing.T, s *shell) []string {
	t.Helper()
	var out []string
	for id := range s.home.rows {
		row := newHomeRow()
		s.home.updateRow(id, row)
		walk(row, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text != "" {
				out = append(out, l.Text)
			}
		})
	}
	return out
}

// withoutData removes from a text what is the branch's own data — the
// names of its members and of the branch — which stays as it was typed.
func withoutData(s *shell, text string) string {
	p, _ := s.svc.Branch.Profile()
	var names []string
	for _, m := range s.members {
		names = append(names, m.Name)
	}
	names = append(names, p.BranchName, p.OrgName)
	for _, n := range names {
		if n != "" {
			text = strings.ReplaceAll(text, n, "")
		}
	}
	return text
}

// The English home of a branch with findings in every area says them all
// in English: headings, counts, severities and sentences; only names stay
// Chinese.
func TestEnglishHomeSaysEveryFindingInEnglish(t *testing.T) {
	s := demoShell(t, English, 40)
	areas := map[model.FindingTopic]bool{}
	severities := map[model.Severity]bool{}
	for _, f := range s.home.findings {
		areas[f.About], severities[f.Severity] = true, true
	}
	for _, a := range []model.FindingTopic{model.AboutSetup, model.AboutActivities, model.AboutDues, model.AboutMembers} {
		if !areas[a] {
			t.Errorf("the demo branch has no finding about %s: the test would prove nothing there", a)
		}
	}
	if !severities[model.Serious] || !severities[model.Warning] {
		t.Errorf("the demo branch lacks serious or warning findings: %v", severities)
	}
	texts := homeListTexts(t, s)
	if len(texts) < 2*len(s.home.findings) {
		t.Fatalf("home's list shows %d texts for %d findings", len(texts), len(s.home.findings))
	}
	for _, text := range texts {
		if han.MatchString(withoutData(s, text)) {
			t.Errorf("home shows %q", text)
		}
	}
}
