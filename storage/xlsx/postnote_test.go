package xlsx

import (
	"slices"
	"testing"

	"branchledger/model"
)

// A 工作单位 column is read into 工作岗位, the roster's one field for work;
// the preview says so (review s3-7 new user #7). A 工作岗位 column is not
// remarked on.
func TestEmployerColumnSaysWhereItGoes(t *testing.T) {
	for heading, want := range map[string]string{
		"工作单位":    "“工作单位”列记入“工作岗位”（花名册没有单独的“工作单位”项）",
		"工作单位及职务": "“工作单位及职务”列记入“工作岗位”（花名册没有单独的“工作单位”项）",
		"工作岗位":    "",
	} {
		rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
			{"姓名", "公民身份号码", heading},
			{"赵明远", idNumber("19800101", "011"), "示例网络科技有限公司"},
		}}}}.bytes(t))
		if got := member(t, rf, 2).Post; got != "示例网络科技有限公司" {
			t.Errorf("%s: 工作岗位 %q", heading, got)
		}
		found := slices.ContainsFunc(rf.Notes, func(n model.ImportNote) bool { return n.Message == want })
		if want != "" && !found {
			t.Errorf("%s: notes %+v, want %q", heading, rf.Notes, want)
		}
		if want == "" && slices.ContainsFunc(rf.Notes, func(n model.ImportNote) bool {
			return n.Message == "“工作岗位”列记入“工作岗位”（花名册没有单独的“工作单位”项）"
		}) {
			t.Errorf("工作岗位 remarked on: %+v", rf.Notes)
		}
	}
}
