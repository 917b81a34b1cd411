package duesfile

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/storage/xlsx"
)

// A refused row of a bases workbook quotes its cell as the sheet shows it
// and says what is wrong with it, and a file without a 计算基数 column is
// told the one requirement of a bases sheet (review s5-8 attack #14: "0"
// was quoted "0.00" and "100" "100.00", an empty ID number was said to have
// lost its digits to a number format, and the missing column was said as
// two requirements, the first one false).
func TestBasesRefusalsQuoteTheCell(t *testing.T) {
	dir := t.TempDir()
	st, today := demoStore(t, dir, 3)
	ms, _ := st.Members()
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	_ = f.SetSheetRow(sh, "A1", &[]any{"姓名", "身份证号码", "缴纳类别", "计算基数"})
	_ = f.SetSheetRow(sh, "A2", &[]any{ms[0].Name, ms[0].IDNumber, "在职", "0"})
	_ = f.SetSheetRow(sh, "A3", &[]any{ms[1].Name, ms[1].IDNumber, "学生", "100"})
	_ = f.SetSheetRow(sh, "A4", &[]any{ms[2].Name, "", "在职", "5400"})
	path := filepath.Join(dir, "基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p, err := New(st).PreviewBases(today.Year, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) != 3 {
		t.Fatalf("rejected %+v", p.Rejected)
	}
	want := []struct{ quoted, not string }{
		{"单元格为“0”", "党费："},
		{"单元格为“100”", "党费："},
		{"请填写", "数字格式"},
	}
	for i, w := range want {
		line := p.Rejected[i].Line(false)
		if !strings.Contains(line, w.quoted) || strings.Contains(line, w.not) {
			t.Errorf("row %d: %s", p.Rejected[i].Row, line)
		}
	}

	g := excelize.NewFile()
	_ = g.SetSheetRow(g.GetSheetName(0), "A1", &[]any{"姓名", "身份证号码", "缴纳类别"})
	_ = g.SetSheetRow(g.GetSheetName(0), "A2", &[]any{ms[0].Name, ms[0].IDNumber, "在职"})
	noBase := filepath.Join(dir, "无基数.xlsx")
	if err := g.SaveAs(noBase); err != nil {
		t.Fatal(err)
	}
	_, err = New(st).PreviewBases(today.Year, noBase)
	if !errors.Is(err, xlsx.ErrNoHeader) {
		t.Fatalf("a file without 计算基数: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "计算基数") || strings.Contains(msg, "两列") {
		t.Errorf("a file without 计算基数: %s", msg)
	}
}
