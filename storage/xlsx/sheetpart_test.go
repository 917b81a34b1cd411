package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// movePart rewrites the package data with the part from moved to to,
// and every mention of it in the relationships and content types.
func movePart(t *testing.T, data []byte, from, to string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		name := zf.Name
		switch name {
		case from:
			name = to
		case "xl/_rels/workbook.xml.rels":
			body = []byte(strings.ReplaceAll(string(body), strings.TrimPrefix(from, "xl/"), "/"+to))
		case "[Content_Types].xml":
			body = []byte(strings.ReplaceAll(string(body), "/"+from, "/"+to))
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A worksheet is where the workbook's relationships say, not only under
// xl/worksheets/: one at xl/ws/s2.xml is read, not called a chart and
// left out (review s6-7 attack #19).
func TestWorksheetPartElsewhere(t *testing.T) {
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"}
	data := workbook{sheets: []sheetSpec{
		{name: "第一党支部", rows: [][]any{head, {"辛一", idNumber("19800101", "011"), "2008.06", "2009.06", "第一党支部"}}},
		{name: "第二党支部", rows: [][]any{head, {"辛二", idNumber("19810202", "031"), "2009.06", "2010.06", "第二党支部"}}},
	}}.bytes(t)
	moved := movePart(t, data, "xl/worksheets/sheet2.xml", "xl/ws/s2.xml")
	if bytes.Equal(moved, data) || !strings.Contains(string(moved), "xl/ws/s2.xml") {
		t.Fatal("the part was not moved")
	}
	rf := read(t, moved)
	if len(rf.Members) != 2 || len(rf.Skipped) != 0 || len(rf.Sheets) != 2 || member(t, rf, 2).Name != "辛一" {
		t.Errorf("members %+v skipped %+v", rf.Members, rf.Skipped)
	}
	for _, m := range rf.Members {
		if m.Sheet == "第二党支部" && m.Member.Name != "辛二" {
			t.Errorf("second sheet: %+v", m)
		}
	}
}

// editPart rewrites one part of the package data with edit.
func editPart(t *testing.T, data []byte, part string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == part {
			body = []byte(edit(string(body)))
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Sheet names Excel refuses (a character it forbids, two names that
// differ only by case) are said as such, not as a damaged file, nor read
// as each other's rows (review s7-7 attack #8, #13).
func TestSheetNamesExcelRefuses(t *testing.T) {
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"}
	data := workbook{sheets: []sheetSpec{
		{name: "Dept", rows: [][]any{head, {"乙一", idNumber("19800101", "011"), "2008.06", "2009.06", "第一党支部"}}},
		{name: "Other", rows: [][]any{head, {"丙一", idNumber("19810202", "031"), "2008.06", "2009.06", "第二党支部"}}},
	}}.bytes(t)
	for name, c := range map[string]struct{ to, want string }{
		"forbidden": {`一/二支部:[旧]*?`, "工作表名称“一/二支部:[旧]*?”含有 Excel 不允许的字符（/ \\ ? * [ ] :），请在 Excel 或 WPS 中给它改名后再导入"},
		"case":      {"DEPT", "工作簿中有两个只差大小写的工作表名称“Dept”和“DEPT”（Excel 不允许这样），请在 Excel 或 WPS 中把其中一个改名后再导入"},
	} {
		edited := editPart(t, data, "xl/workbook.xml", func(s string) string {
			return strings.Replace(s, `name="Other"`, `name="`+strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(c.to)+`"`, 1)
		})
		_, err := ReadRoster(bytes.NewReader(edited), ReadOptions{Today: today})
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: %v", name, err)
		}
	}
}
