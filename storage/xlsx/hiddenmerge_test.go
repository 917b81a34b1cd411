package xlsx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A cell under a merge, right of its first column, still holding a value
// in the file (Excel keeps it when cells are merged; other tools write it)
// is shown nowhere: it is read as empty, never as its column's field, and
// not copied into sight in the refused-rows workbook (review s3-7 attack
// #5: a hidden 转正 date made a member 正式党员; a hidden 女 refused a row).
func TestValueHiddenUnderMergeAcrossIsNotRead(t *testing.T) {
	is := func(ref, v string) string {
		return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
	}
	a, b := idNumber("19800101", "011"), idNumber("19810202", "022")
	sheet := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1">` + is("A1", "姓名") + is("B1", "性别") + is("C1", "公民身份号码") + is("D1", "加入党组织日期") + is("E1", "转为正式党员日期") + is("F1", "联系电话") + `</row>` +
		`<row r="2">` + is("A2", "赵一") + is("B2", "男") + is("C2", a) + is("D2", "2026-03-15") + is("E2", "2027-03-15") + is("F2", "123") + `</row>` +
		`<row r="3">` + is("A3", "钱二") + is("B3", "男") + is("C3", b) + is("D3", "2010-06-15") + is("E3", "2011-06-15") + is("F3", "13712345678") + `</row>` +
		`</sheetData><mergeCells count="2"><mergeCell ref="D2:E2"/><mergeCell ref="A3:B3"/></mergeCells></worksheet>`
	data := minimalPackage(t, sheet, fuzzShared)
	rf := read(t, data)
	// Row 2: the hidden 转正 date (in the future, too) is not read; the
	// member is 预备党员 from the join date. Only the phone is refused.
	if got := rejections(rf, 2); len(got) != 1 || got[model.FieldPhone] == "" {
		t.Errorf("row 2 refused %q; want only the phone", got)
	}
	// Row 3: the hidden 男 beside a woman's ID is not read: 性别 from the ID.
	m := member(t, rf, 3)
	if m.Sex != model.SexFemale || m.FullDate != model.NewDate(2011, 6, 15) {
		t.Errorf("row 3: sex %q full %v", m.Sex, m.FullDate)
	}
	var buf bytes.Buffer
	if _, err := WriteRejectedRows(&buf, data, rf.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("名册")
	if len(rows) != 2 || strings.Contains(strings.Join(rows[1], "|"), "2027-03-15") {
		t.Errorf("refused rows %q", rows)
	}
}
