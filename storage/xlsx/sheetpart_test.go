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
