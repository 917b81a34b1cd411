package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// In English the roster's columns are as wide as the English values: an
// education, a post, a category or a leaving cut with "…" ("Secondary vo…",
// "Master's degr…") could only be read by opening the member; and 所在党支部
// shows the branch's full name, which every row cut to "中共甘肃陇原机…"
// (review s4-10 attack #7). Chinese keeps its widths.
func TestRosterColumnsFitTheirValuesInEitherLanguage(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		t.Run(string(l), func(t *testing.T) {
			s := demoShell(t, l, 40)
			s.show(screenRoster)
			r := s.roster
			ms := slices.Clone(r.all)
			// Every word a column may show, on someone.
			for i, e := range model.Educations {
				ms[i%len(ms)].Education = e
			}
			for i, p := range model.Posts {
				ms[(i+len(model.Educations))%len(ms)].Post = p
			}
			for i, k := range model.LeavingEvents {
				m := &ms[len(ms)-1-i]
				m.OnRoster, m.LeftBy, m.LeftOn = false, k, model.NewDate(2025, 12, 31)
			}
			fields := []model.Field{model.FieldSex, model.FieldEducation, model.FieldCategory, model.FieldBranchName,
				model.FieldPost, model.FieldStanding, model.FieldLostContact, model.FieldMobile}
			var check []int
			for i, c := range r.columns {
				for _, f := range fields {
					if c.title == f.Info().Label {
						check = append(check, i)
					}
				}
				if c.title == "名册状态" {
					check = append(check, i)
				}
			}
			if len(check) != len(fields)+1 {
				t.Fatalf("found %d of the %d columns", len(check), len(fields)+1)
			}
			cut := map[string]bool{}
			for _, col := range check {
				c := r.columns[col]
				for i := range ms {
					text := c.text(&ms[i], testToday)
					cell := widget.NewLabel("")
					kit.SetCellText(cell, text, r.widths[col])
					if cell.Text != text && !cut[text] {
						cut[text] = true
						t.Errorf("%s: %q is shown as %q", lang.L(c.title), text, cell.Text)
					}
				}
			}
		})
	}
}
