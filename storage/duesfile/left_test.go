package duesfile

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A bases row for a member who has left does not change the base his
// transfer letter was written from, nor set one for a year after he left:
// the row is refused saying when and how he left (review s7-7 attack #14:
// the departed member's base was changed, 其中 1 人有变化). The base he
// already has, given again, is no change and passes.
func TestBasesOfMemberWhoLeft(t *testing.T) {
	dir := t.TempDir()
	st, today := demoStore(t, dir, 5)
	ms, _ := st.Members()
	var m model.Member
	for _, x := range ms {
		if x.OnRoster {
			m = x
			break
		}
	}
	bases, _ := st.DuesBases(today.Year)
	var had model.DuesBase
	for _, b := range bases {
		if b.MemberID == m.ID {
			had = b
		}
	}
	if had.MemberID == 0 {
		t.Fatalf("no %d base for %s", today.Year, m.Name)
	}
	if _, err := st.RecordEvent(model.MembershipEvent{MemberID: m.ID, Kind: model.EventTransferOut, Date: today, Note: "转往外省"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		year    int
		base    string
		refused bool
	}{
		{"changed", today.Year, "12345.67", true},
		{"a year after he left", today.Year + 1, had.Base.String(), true},
		{"as stored", today.Year, had.Base.String(), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			sh := f.GetSheetName(0)
			_ = f.SetSheetRow(sh, "A1", &[]any{"姓名", "身份证号码", "缴纳类别", "计算基数"})
			_ = f.SetSheetRow(sh, "A2", &[]any{m.Name, m.IDNumber, string(had.Category), tt.base})
			path := filepath.Join(t.TempDir(), "基数.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			p, err := New(st).PreviewBases(tt.year, path)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.refused {
				if len(p.Rejected) != 0 || len(p.Bases) != 1 || p.Changed != 0 {
					t.Errorf("preview %+v, want the base unchanged", p)
				}
				return
			}
			want := m.Name + "已于 " + today.String() + " 转出，不在花名册上，基数未导入"
			if len(p.Bases) != 0 || len(p.Rejected) != 1 || p.Rejected[0].Field != model.FieldIDNumber || !strings.HasPrefix(p.Rejected[0].Reason, want) {
				t.Errorf("preview %+v, want the row refused: %s…", p, want)
			}
		})
	}
}
