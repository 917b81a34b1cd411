package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A value in a cell inside a merge that starts elsewhere shows as nothing
// (Excel shows the merge's first cell): the refusal names the merge and
// its first cell — it blamed a number format the cell does not have
// (review s13-attack #6).
func TestValueHiddenUnderAMergeNamesTheMerge(t *testing.T) {
	wb := workbook{sheets: []sheetSpec{{name: "名册", rows: [][]any{
		{"姓名", "公民身份号码", "性别", "人员类别", "备注", "加入党组织日期", "转为正式党员日期"},
		// F2 and G2 left in the covered cells, as some generators leave them.
		{"丑六", idNumber("19800115", "311"), "男", "正式党员", "调入", "2003-10", "2004-10"},
	}}}}
	// excelize clears the cells a merge covers: the merge is added to the
	// sheet's XML as another program writes it.
	data := editPart(t, wb.bytes(t), "xl/worksheets/sheet1.xml", func(x string) string {
		return strings.Replace(x, "</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="E2:H3"/></mergeCells>`, 1)
	})
	if f, err := excelize.OpenReader(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	} else if rows, _ := f.GetRows("名册"); len(rows) < 2 || len(rows[1]) < 7 || rows[1][5] != "2003-10" {
		t.Fatalf("the covered cells were not kept: %q", rows)
	}
	rf := read(t, data)
	got := rejections(rf, 2)
	want := map[model.Field]string{
		model.FieldJoinDate: "单元格F2存有“2003-10”，但它在合并单元格E2:H3之内，合并后只显示E2的内容；请取消合并，或把内容填到E2后再导入",
		model.FieldFullDate: "单元格G2存有“2004-10”，但它在合并单元格E2:H3之内，合并后只显示E2的内容；请取消合并，或把内容填到E2后再导入",
	}
	if len(rf.Members) != 0 || len(got) != len(want) {
		t.Fatalf("members %+v rejected %+v", rf.Members, rf.Rejected)
	}
	for f, w := range want {
		if got[f] != w {
			t.Errorf("%s: %s\nwant %s", f, got[f], w)
		}
	}
}
