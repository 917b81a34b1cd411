package xlsx

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"branchledger/model"
)

// Kind 4 with formulas (review ra7 F44): a formula's saved result is read
// as what the cell shows only where it can be trusted. Excel, WPS and
// LibreOffice save each formula's result, empty text or 0 included
// (=IF(A2="","",…)); programs that do not work formulas out save empty
// text or 0 in their stead, and PHPExcel the text 0 for a formula it could
// not work out, naming Excel as the program. Such a result, and any of a
// workbook saved before its calculation finished (calcCompleted="0"), is
// refused naming the field, not stored: 所在党支部 0 and an empty 工作岗位
// were stored without a word.
func TestFormulaPlaceholderResultIsRefused(t *testing.T) {
	id := idNumber("19850312", "011")
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "人员类别", "所在党支部", "工作岗位"}
	row := []any{"周文斌", id, "2010-07-01", "2011-07-01", "正式党员", "第一党支部", "会计"}
	tests := []struct {
		name   string
		app    string // docProps/app.xml's Application
		calcPr string
		cell   string // the formula cell, as the sheet XML holds it
		field  model.Field
		reason string // "" when stored as shown
		want   string // what is stored in field, when stored
	}{
		{"Excel's empty text", "Microsoft Excel", "", `<c r="G2" t="str"><f>IF(A2="","","")</f><v></v></c>`, model.FieldPost, "", ""},
		{"LibreOffice's empty text", "LibreOffice/7.6.4.1$Linux_X86_64", "", `<c r="G2" t="str"><f>IF(A2="","","")</f><v></v></c>`, model.FieldPost, "", ""},
		{"WPS's text", "WPS Office_11.1.0.8597_F1E327BC-269C-435d-A152-05C5408002CA", "", `<c r="F2" t="str"><f>"第一"&amp;"党支部"</f><v>第一党支部</v></c>`, model.FieldBranchName, "", "第一党支部"},
		{"another program's text", "Go Excelize", "", `<c r="F2" t="str"><f>"第一"&amp;"党支部"</f><v>第一党支部</v></c>`, model.FieldBranchName, "", "第一党支部"},
		{"another program's empty text", "Go Excelize", "", `<c r="G2" t="str"><f>"会"&amp;"计"</f><v></v></c>`, model.FieldPost, placeholderFormulaReason, ""},
		{"no program's 0", "", "", `<c r="G2"><f>"会"&amp;"计"</f><v>0</v></c>`, model.FieldPost, placeholderFormulaReason, ""},
		{"PHPExcel's text 0 naming Excel", "Microsoft Excel", `<calcPr calcId="999999" calcMode="auto" calcCompleted="1" fullCalcOnLoad="0"/>`,
			`<c r="F2" t="str"><f>代码!A1</f><v>0</v></c>`, model.FieldBranchName, placeholderFormulaReason, ""},
		{"calculation not finished", "Microsoft Excel", `<calcPr calcId="191029" calcCompleted="0"/>`,
			`<c r="F2" t="str"><f>"第一"&amp;"党支部"</f><v>第一党支部</v></c>`, model.FieldBranchName, staleFormulaReason, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref := regexp.MustCompile(`<c r="([A-Z]+2)"`).FindStringSubmatch(tt.cell)[1]
			data := rewriteParts(t, roster(t, [][]any{head, row}), func(name, body string) string {
				switch {
				case strings.Contains(name, "worksheets/"):
					return regexp.MustCompile(`<c r="`+ref+`"[^>]*>.*?</c>`).ReplaceAllLiteralString(body, tt.cell)
				case name == "docProps/app.xml":
					return strings.Replace(body, "<Application>Go Excelize</Application>", "<Application>"+tt.app+"</Application>", 1)
				case name == "xl/workbook.xml" && tt.calcPr != "":
					return regexp.MustCompile(`<calcPr[^>]*>(</calcPr>)?`).ReplaceAllLiteralString(body, tt.calcPr)
				}
				return body
			})
			rf := read(t, data)
			got := rejections(rf, 2)
			if tt.reason == "" {
				m := member(t, rf, 2)
				if stored := map[model.Field]string{model.FieldPost: m.Post, model.FieldBranchName: m.BranchName}[tt.field]; stored != tt.want {
					t.Errorf("stored %s %q, want %q", tt.field.Label(), stored, tt.want)
				}
				return
			}
			if len(rf.Members) != 0 || got[tt.field] != tt.reason {
				t.Errorf("members %d, refused %v; want %s refused: %s", len(rf.Members), got, tt.field.Label(), tt.reason)
			}
			for f, why := range got {
				if f != tt.field {
					t.Errorf("also refused %s: %s", f.Label(), why)
				}
			}
			// Handed back (kind 10) and imported unchanged, the row is
			// refused again for the same: as the blank or the 0 alone, the
			// copy stored it.
			var out bytes.Buffer
			if _, err := WriteRejectedRows(&out, data, rf.Rejected, nil); err != nil {
				t.Fatal(err)
			}
			back := read(t, out.Bytes())
			if g, w := strings.Join(refusals(back), "\n"), strings.Join(refusals(rf), "\n"); g != w || len(back.Members) != 0 {
				t.Errorf("the copy is refused for\n%s\nthe original for\n%s", g, w)
			}
		})
	}
}
