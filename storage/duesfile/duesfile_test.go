package duesfile

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

// demoStore is a data file in dir filled by demo.Fill with members
// members (seed 1) up to today, which it also gives.
func demoStore(t *testing.T, dir string, members int) (*storage.Store, model.Date) {
	t.Helper()
	st, err := storage.Open(filepath.Join(dir, "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	today := model.Today()
	if err := demo.Fill(st, members, 1, today); err != nil {
		t.Fatal(err)
	}
	return st, today
}

func TestBasesImportAndExport(t *testing.T) {
	dir := t.TempDir()
	st, today := demoStore(t, dir, 5)
	ms, _ := st.Members()
	year := today.Year + 1 // a year the demo left empty
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	_ = f.SetSheetRow(sh, "A1", &[]any{"姓名", "身份证号码", "计算基数"})
	_ = f.SetSheetRow(sh, "A2", &[]any{ms[0].Name, ms[0].IDNumber, "5400"})
	_ = f.SetSheetRow(sh, "A3", &[]any{"某某", ms[1].IDNumber, "5400"})
	_ = f.SetSheetRow(sh, "A4", &[]any{ms[2].Name, ms[2].IDNumber, "-1"})
	path := filepath.Join(dir, "基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	svc := New(st)
	p, err := svc.PreviewBases(year, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Bases) != 1 || len(p.Rejected) != 2 || !strings.Contains(p.Rejected[0].Reason, "不是 某某") {
		t.Fatalf("preview %+v", p)
	}
	if bs, _ := st.DuesBases(year); len(bs) != 0 {
		t.Fatal("preview wrote")
	}
	if err := svc.CommitBases(p); err != nil {
		t.Fatal(err)
	}
	bs, _ := st.DuesBases(year)
	if len(bs) != 1 || bs[0].Base != model.Yuan(5400) || bs[0].MemberID != ms[0].ID {
		t.Fatalf("saved %+v", bs)
	}

	out := filepath.Join(dir, "党费.xlsx")
	n, err := svc.ExportDues(today.Year, out)
	if err != nil || n == 0 {
		t.Fatalf("export %d %v", n, err)
	}
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if v, _ := g.GetCellValue("党费收缴登记表", "A1"); !strings.Contains(v, "党费收缴登记表") {
		t.Errorf("title %q", v)
	}
}
