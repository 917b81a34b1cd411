package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// A required cell whose number format hides its value (;;;) is refused
// saying the value is there but hidden, not "请填写…" (review s3-7 attack
// #6); a cell truly empty keeps "请填写…".
func TestValueHiddenByFormatIsSaidSo(t *testing.T) {
	id := idNumber("19800101", "011")
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"姓名", "公民身份号码", "加入党组织日期"},
		{fmtCell{v: "赵明远", code: ";;;"}, id, "2010.07"},
		{"钱晓丽", fmtCell{v: idNumber("19810202", "022"), code: ";;;"}, "2010.07"},
		{nil, idNumber("19820303", "033"), "2010.07"},
	}}}}.bytes(t))
	for row, want := range map[int]struct {
		field model.Field
		text  string
	}{
		2: {model.FieldName, "单元格存有“赵明远”，但它的数字格式把内容隐藏了（显示为空白）"},
		3: {model.FieldIDNumber, "单元格存有“" + idNumber("19810202", "022") + "”，但它的数字格式把内容隐藏了"},
		4: {model.FieldName, "请填写"},
	} {
		if got := rejections(rf, row)[want.field]; !strings.Contains(got, want.text) {
			t.Errorf("row %d %s: %q, want %q", row, want.field.Label(), got, want.text)
		}
	}
}
