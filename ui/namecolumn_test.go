package ui

import (
	"slices"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"

	"branchledger/model"
	"branchledger/ui/kit"
)

// The tables of an import preview show a person's name whole: any name of
// two to four characters and the common minority names of five or six
// (阿卜杜拉江, 阿不都热合曼), at 1366×768 and 1024×700, in both languages;
// the refused rows' 姓名 column showed 测试员… (brief m7 #5). The same in
// the table of changes and in the dues bases' refused rows.
func TestImportPreviewShowsNamesWhole(t *testing.T) {
	// The longest first: the table draws only the rows in sight.
	names := []string{"阿不都热合曼", "阿卜杜拉江", "测试员工", "欧阳娜娜", "李娜", "王芳"}
	for _, l := range []Language{Chinese, English} {
		for _, size := range []fyne.Size{largeWindow, smallWindow} {
			t.Run(string(l)+"/"+strconv.Itoa(int(size.Width)), func(t *testing.T) {
				s := demoShell(t, l, 14)
				s.win.Resize(size)
				s.show(screenRoster)
				var p model.ImportPreview
				p.File = "名册.xlsx"
				for i, n := range names {
					p.Rejected = append(p.Rejected, model.Rejection{Sheet: "Sheet1", Row: i + 2, Name: n, Field: model.FieldIDNumber,
						Reason: "公民身份号码应为18位（现为17位）", Value: "62010219800101001"})
					m := s.members[i]
					p.Plan.Update = append(p.Plan.Update, model.ImportUpdate{Before: m, After: m,
						Changes: []model.FieldChange{{Field: model.FieldPhone, Old: "1", New: "2"}}})
					p.Plan.Update[i].Before.Name, p.Plan.Update[i].After.Name = n, n
				}
				v := showImportPreview(s, p)
				tables := map[string]func() fyne.CanvasObject{
					"refused rows": func() fyne.CanvasObject { v.tabs.SelectIndex(0); return v.rejected },
					"changes":      func() fyne.CanvasObject { v.tabs.SelectIndex(1); return v.updates },
					"dues bases' refused rows": func() fyne.CanvasObject {
						v.dlg.Hide()
						s.show(screenDues)
						d := duesOf(t, s)
						d.showBasePreview(model.BasePreview{Year: testToday.Year, Rejected: p.Rejected})
						return d.basePreview.rejected
					},
				}
				for _, tab := range []string{"refused rows", "changes", "dues bases' refused rows"} {
					table := tables[tab]()
					seen := map[string]bool{}
					eachLabel(table, func(lbl fyne.CanvasObject, text string) {
						if !slices.Contains(names, text) {
							return
						}
						seen[text] = true
						if need := kit.WordsWidth(text); lbl.Size().Width < need {
							t.Errorf("%s: %q in a cell %.0f wide, needs %.0f", tab, text, lbl.Size().Width, need)
						}
					})
					for _, n := range names[:4] {
						if !seen[n] {
							t.Errorf("%s: %q not shown", tab, n)
						}
					}
				}
			})
		}
	}
}
