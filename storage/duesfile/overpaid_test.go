package duesfile

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A year's base changed over months already paid at the old amount is
// refused, as 年中调整 refuses it, by every road — the window's grid and
// 为所选党员设置 (SaveDuesBases) and a bases workbook, whose preview refuses
// the row naming 计算基数 — pointing to 年中调整 or a reversal; before, it
// was saved without a word and the printed 汇总 read 收缴率 121.3% (review
// s14-attack8 #8). The base as stored, given again, passes.
func TestBaseChangedOverPaidMonthsIsRefused(t *testing.T) {
	dir := t.TempDir()
	st, today := demoStore(t, dir, 5)
	year := today.Year
	bases, err := st.DuesBases(year)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := st.Members()
	byID := map[int64]model.Member{}
	for _, m := range ms {
		byID[m.ID] = m
	}
	var paid model.DuesBase
	for _, b := range bases {
		if b.Category == model.DuesEmployed && !b.Reduced && byID[b.MemberID].OnRoster {
			ps, _ := st.DuesPayments(b.MemberID)
			if len(ps) > 0 {
				paid = b
				break
			}
		}
	}
	if paid.MemberID == 0 {
		t.Fatalf("no employed member with payments in the demo's %d", year)
	}
	m := byID[paid.MemberID]
	changed := paid
	changed.Base = paid.Base*2 + model.Yuan(1000)
	err = st.SaveDuesBases(year, []model.DuesBase{changed}, "测试")
	if err == nil || !strings.Contains(err.Error(), m.Name+"：") || !strings.Contains(err.Error(), "年中调整") {
		t.Errorf("base changed over paid months: %v", err)
	}
	if got, _ := st.DuesBases(year); !containsBase(got, paid) {
		t.Errorf("the stored base changed: %+v", got)
	}
	if err := st.SaveDuesBases(year, []model.DuesBase{paid}, "测试"); err != nil {
		t.Errorf("the base as stored: %v", err)
	}

	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	_ = f.SetSheetRow(sh, "A1", &[]any{"姓名", "身份证号码", "缴纳类别", "计算基数"})
	_ = f.SetSheetRow(sh, "A2", &[]any{m.Name, m.IDNumber, "在职", changed.Base.String()})
	path := filepath.Join(dir, "基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p, err := New(st).PreviewBases(year, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) != 1 || p.Rejected[0].Field != model.FieldDuesBase || !strings.Contains(p.Rejected[0].Reason, "已按") || len(p.Bases) != 0 {
		t.Errorf("preview: refused %+v, bases %+v", p.Rejected, p.Bases)
	}
}

func containsBase(bs []model.DuesBase, b model.DuesBase) bool {
	for _, x := range bs {
		if x.MemberID == b.MemberID {
			return x.Base == b.Base && x.Category == b.Category
		}
	}
	return false
}
