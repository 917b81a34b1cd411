package rosterfile

import (
	"testing"

	"branchledger/model"
)

// A roster with 人员类别 but no 转正 column cannot say when its 正式党员
// became full members: they are added with 转为正式党员日期 blank, the
// preview says so once, and the record asks for it later (信息待完善), as
// a 正式党员 under 预备期满 is. Every one was refused for a date the file
// has no column for (review M7). A 预备党员 is added as before; a 正式党员
// whose 转正 column is there but blank is still refused.
func TestFullMembersWithoutFullDateColumn(t *testing.T) {
	svc, store := newService(t)
	path := writeSheet(t, [][]any{
		{"姓名", "公民身份号码", "所在党支部", "人员类别", "入党时间"},
		{"张一", validID("19800415", "311"), "第一党支部", "正式党员", "2003.05"},
		{"张二", validID("19900415", "322"), "第一党支部", "预备党员", "2026.05"},
	})
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) != 0 || len(p.Plan.Refused) != 0 || len(p.Plan.Add) != 2 {
		t.Fatalf("rejected %+v, refused %+v, add %d", p.Rejected, p.Plan.Refused, len(p.Plan.Add))
	}
	said := 0
	for _, n := range p.Notes {
		if n.Message == "1名正式党员没有转为正式党员日期（表中没有这一列）：新增的按正式党员导入，转为正式党员日期留空，导入后请在名册中补填；名册中已有的党员不变" {
			said++
		}
	}
	if said != 1 {
		t.Errorf("the note said %d times; notes %+v", said, p.Notes)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	stored, err := store.Members()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range stored {
		if m.Name == "张一" && (m.Category != model.CategoryFull || !m.FullDate.IsZero() || m.JoinDate != model.MonthDate(2003, 5)) {
			t.Errorf("张一 stored %s 加入 %v 转正 %v", m.Category, m.JoinDate, m.FullDate)
		}
	}
	if len(stored) != 2 {
		t.Errorf("stored %d members, want 2", len(stored))
	}

	// The column there but blank: refused, as before.
	path = writeSheet(t, [][]any{
		{"姓名", "公民身份号码", "所在党支部", "人员类别", "入党时间", "转正时间"},
		{"李一", validID("19800415", "333"), "第一党支部", "正式党员", "2003.05", nil},
	})
	if p, err = svc.PreviewImport(path); err != nil {
		t.Fatal(err)
	}
	if len(p.Plan.Add) != 0 || len(p.Rejected)+len(p.Plan.Refused) != 1 {
		t.Errorf("blank 转正时间: add %d, rejected %+v, refused %+v", len(p.Plan.Add), p.Rejected, p.Plan.Refused)
	}
}
