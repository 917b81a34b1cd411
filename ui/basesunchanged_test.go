package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"branchledger/model"
)

// The dues bases preview of a file that changes no base (the same file
// imported again, bases already typed in) has 导入 off and says by it that
// importing would change nothing; a file that changes one has 导入 on, and
// no such line (brief m7 #6). In both languages.
func TestBasesPreviewOfAFileThatChangesNothing(t *testing.T) {
	tests := []struct {
		name     string
		changed  int
		refused  bool
		wantOn   bool
		wantSaid bool
	}{
		{"nothing changes", 0, false, false, true},
		{"nothing changes, a row refused", 0, true, false, true},
		{"one base changes", 1, false, true, false},
	}
	for _, l := range []Language{Chinese, English} {
		for _, tt := range tests {
			t.Run(string(l)+"/"+tt.name, func(t *testing.T) {
				s := demoShell(t, l, 14)
				s.show(screenDues)
				var p model.BasePreview
				p.Year = testToday.Year
				for i, m := range s.members[:2] {
					p.Bases = append(p.Bases, model.DuesBase{MemberID: m.ID, Year: p.Year, Category: model.DuesEmployed, Base: 540000})
					p.Names = append(p.Names, m.Name)
					p.Rows = append(p.Rows, model.BasePreviewRow{Sheet: "Sheet1", Row: i + 2, Changed: i < tt.changed})
				}
				p.Changed = tt.changed
				if tt.refused {
					p.Rejected = []model.Rejection{{Sheet: "Sheet1", Row: 4, Name: "王芳", Field: model.FieldIDNumber, Reason: "x"}}
				}
				d := duesOf(t, s)
				d.showBasePreview(p)
				v := d.basePreview
				if on := !v.save.Disabled(); on != tt.wantOn {
					t.Errorf("导入 enabled: %v, want %v", on, tt.wantOn)
				}
				var texts []string
				eachLabel(s.win.Canvas().Overlays().Top(), func(_ fyne.CanvasObject, text string) { texts = append(texts, text) })
				shown := strings.Join(texts, "\n")
				line := lang.L("文件中的基数与{{.Year}}年已有的相同，导入不会改变任何数据。", map[string]any{"Year": p.Year})
				if said := strings.Contains(shown, line); said != tt.wantSaid {
					t.Errorf("says nothing would change: %v, want %v; the dialog shows\n%s", said, tt.wantSaid, shown)
				}
				if tt.refused && !strings.Contains(shown, "Excel") {
					t.Errorf("with a refused row it does not say they can be exported:\n%s", shown)
				}
			})
		}
	}
}
