package recruit

import (
	"regexp"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/internal/langtest"
)

// In English the applicants' import preview says each refusal in English:
// a sentence with numbers (the same ID number as row 3), a fixed one (a
// formula without its result); the reasons were shown in Chinese (issue 8,
// ui13 #7).
func TestImportRefusalsInEnglish(t *testing.T) {
	langtest.Use(t, "en")
	repeated := model.Textf("与第%d行身份证号码重复", 3)
	formula := model.Sentence("单元格是公式，但文件里没有保存它的计算结果（其他软件生成的表格常见），无法知道它显示什么；请在 Excel 或 WPS 中打开并保存后再导入")
	svc := &fakeService{members: members(), preview: &model.RecruitImportPreview{File: "发展党员.xlsx", Sheet: "Sheet1",
		Rejected: []model.Rejection{
			{Row: 4, Field: model.ColIDNumber, Reason: repeated.String(), Text: repeated},
			{Row: 5, Field: model.ColName, Reason: formula.String(), Text: formula},
		}}}
	s, h := newTestScreen(t, svc)
	h.chooseTo = "发展党员.xlsx"
	s.chooseImport()
	var table *widget.Table
	for _, o := range test.LaidOutObjects(topDialog(t, h.win)) {
		if tb, ok := o.(*widget.Table); ok {
			if _, cols := tb.Length(); cols == 3 {
				table = tb
			}
		}
	}
	if table == nil {
		t.Fatal("no table of refused rows")
	}
	han := regexp.MustCompile(`\p{Han}`)
	want := []string{"Same ID number as row 3", "The cell is a formula whose result was not saved"}
	for row, w := range want {
		l := table.CreateCell().(*widget.Label)
		table.UpdateCell(widget.TableCellID{Row: row, Col: 2}, l)
		if han.MatchString(l.Text) || len(l.Text) < len(w) || l.Text[:len(w)] != w {
			t.Errorf("row %d says %q, want %q…", row, l.Text, w)
		}
	}
}
