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

// 党费已交至 in a bases workbook: a month before the member joined is
// refused at import naming the row and the field, not replaced on the
// transfer letter later by the month before joining (review s4-final
// attack #3, #3b); a month that does not exist is quoted once, not twice
// (#2).
func TestBasesPaidToBeforeJoiningIsRefused(t *testing.T) {
	dir := t.TempDir()
	st, today := demoStore(t, dir, 3)
	ms, _ := st.Members()
	join := model.MonthOfDate(ms[0].JoinDate)
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	_ = f.SetSheetRow(sh, "A1", &[]any{"姓名", "身份证号码", "计算基数", "党费已交至", "缴纳类别"})
	_ = f.SetSheetRow(sh, "A2", &[]any{ms[0].Name, ms[0].IDNumber, "5400", (join - 13).String(), "在职"})
	_ = f.SetSheetRow(sh, "A3", &[]any{ms[1].Name, ms[1].IDNumber, "5400", "2026.13", "在职"})
	_ = f.SetSheetRow(sh, "A4", &[]any{ms[2].Name, ms[2].IDNumber, "5400", (model.MonthOfDate(ms[2].JoinDate) - 1).String(), "在职"})
	path := filepath.Join(dir, "基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	// Next year's bases: this year's months are paid, and a base changed
	// over them is refused for that (model.CheckYearBaseOverPaid).
	p, err := New(st).PreviewBases(today.Year+1, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) != 2 || len(p.Bases) != 1 {
		t.Fatalf("rejected %+v, bases %+v", p.Rejected, p.Bases)
	}
	early, odd := p.Rejected[0], p.Rejected[1]
	if early.Row != 2 || early.Field != model.FieldDuesPaidTo || !strings.Contains(early.Reason, "早于"+ms[0].Name+"加入党组织的") {
		t.Errorf("row 2: %+v", early)
	}
	if line := odd.Line(false); odd.Row != 3 || strings.Count(line, "2026.13") != 1 || !strings.Contains(line, "没有 13 月") {
		t.Errorf("row 3: %s", line)
	}
	if len(p.Openings) != 1 || p.Openings[0].MemberID != ms[2].ID {
		t.Errorf("openings %+v: the month before joining is a position (nothing paid since)", p.Openings)
	}
}

// A 党费已交至 in a month the ledger keeps is refused by the preview, naming
// the row and the field, as the commit refuses it; the other rows commit
// (review s5 final attack #1: the dry run passed it and the commit refused
// the whole file without a row).
func TestBasesPaidToInLedgerIsRefusedByPreview(t *testing.T) {
	dir := t.TempDir()
	st, today := demoStore(t, dir, 3)
	ms, _ := st.Members()
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	_ = f.SetSheetRow(sh, "A1", &[]any{"姓名", "身份证号码", "计算基数", "党费已交至"})
	_ = f.SetSheetRow(sh, "A2", &[]any{ms[0].Name, ms[0].IDNumber, "5400", ""})
	_ = f.SetSheetRow(sh, "A3", &[]any{ms[1].Name, ms[1].IDNumber, "5400", model.MonthOfDate(today).String()})
	path := filepath.Join(dir, "基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	svc := New(st)
	// Next year's bases, as above.
	p, err := svc.PreviewBases(today.Year+1, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) != 1 || p.Rejected[0].Row != 3 || p.Rejected[0].Field != model.FieldDuesPaidTo ||
		!strings.Contains(p.Rejected[0].Reason, "请在“收缴”中逐笔登记") {
		t.Fatalf("rejected %+v", p.Rejected)
	}
	if len(p.Bases) != 1 || len(p.Openings) != 0 {
		t.Fatalf("bases %+v openings %+v", p.Bases, p.Openings)
	}
	if err := svc.CommitBases(p); err != nil {
		t.Fatalf("the good row commits: %v", err)
	}
}

// On a file whose dues ledger has not begun, the bases import begins it this
// month: a 党费已交至 of this month is inside it and refused by the preview,
// naming the row, while the other rows import (review s13-attack8 #2: the
// preview checked against no ledger, passed it, and the commit then refused
// the whole file, even with --skip-invalid).
func TestBasesPaidToOnTheFirstImportIsRefusedByPreview(t *testing.T) {
	dir := t.TempDir()
	st, err := storage.Open(filepath.Join(dir, "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	today := st.Today()
	var ms []model.Member
	for _, m := range demo.Members(2, 5, today, "支部") {
		added, err := st.AddMember(m, nil)
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, added)
	}
	if start, _ := st.DuesLedgerStart(); start != 0 {
		t.Fatalf("the ledger has begun: %s", start)
	}
	now := model.MonthOfDate(today)
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	_ = f.SetSheetRow(sh, "A1", &[]any{"姓名", "身份证号码", "计算基数", "党费已交至"})
	_ = f.SetSheetRow(sh, "A2", &[]any{ms[0].Name, ms[0].IDNumber, "5400", (now - 1).String()})
	_ = f.SetSheetRow(sh, "A3", &[]any{ms[1].Name, ms[1].IDNumber, "5400", now.String()})
	path := filepath.Join(dir, "基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	svc := New(st)
	p, err := svc.PreviewBases(today.Year, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) != 1 || p.Rejected[0].Row != 3 || p.Rejected[0].Field != model.FieldDuesPaidTo ||
		!strings.Contains(p.Rejected[0].Reason, "党费已交至最晚填 "+(now-1).Chinese()) {
		t.Fatalf("rejected %+v", p.Rejected)
	}
	if len(p.Bases) != 1 || len(p.Openings) != 1 {
		t.Fatalf("bases %+v openings %+v", p.Bases, p.Openings)
	}
	if err := svc.CommitBases(p); err != nil {
		t.Fatalf("the good row commits: %v", err)
	}
	if os, _ := st.DuesOpenings(); os[ms[0].ID] != now-1 {
		t.Errorf("openings %v", os)
	}
}
