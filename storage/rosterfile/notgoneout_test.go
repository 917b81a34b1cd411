package rosterfile

import (
	"testing"

	"branchledger/model"
)

// A re-import that says a stored 流动党员 has not gone out clears 流动 and
// the old 外出流向, each change in the record's history with the file's
// name: by 是否流动党员 否, and by a 外出流向 of 在家 or 未外出 on a sheet
// without the 是否 column (issue 7: there the stored 流动 was kept, "无
// 变化", against the file).
func TestReimportSayingNotGoneOutClearsMobile(t *testing.T) {
	ids := []string{validID("19800101", "011"), validID("19810101", "011"), validID("19820101", "011")}
	for _, tt := range []struct {
		name string
		rows [][]any
	}{
		{"是否流动党员 否", [][]any{{"姓名", "公民身份号码", "是否流动党员"}, {"何一", ids[0], "否"}}},
		{"外出流向 在家, no 是否 column", [][]any{{"姓名", "公民身份号码", "外出流向"}, {"何一", ids[0], "在家"}}},
		{"外出流向 未外出, no 是否 column", [][]any{{"姓名", "公民身份号码", "外出流向"}, {"何一", ids[0], "未外出"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			svc, store := newService(t)
			first := writeSheet(t, [][]any{
				{"姓名", "公民身份号码", "人员类别", "所在党支部", "加入党组织日期", "转为正式党员日期", "是否流动党员", "外出流向"},
				{"何一", ids[0], "正式党员", "第一党支部", "2008-06-01", "2009-06-01", "是", "广东省深圳市"},
				{"何二", ids[1], "正式党员", "第一党支部", "2008-06-01", "2009-06-01", "是", "广东省深圳市"},
			})
			p, err := svc.PreviewImport(first)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := svc.CommitImport(p); err != nil {
				t.Fatal(err)
			}
			p, err = svc.PreviewImport(writeSheet(t, tt.rows))
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Plan.Update) != 1 {
				t.Fatalf("plan: %d updates, %d unchanged; want 何一 updated", len(p.Plan.Update), p.Plan.Unchanged)
			}
			if _, _, err := svc.CommitImport(p); err != nil {
				t.Fatal(err)
			}
			ms, _ := store.Members()
			for _, m := range ms {
				want := m.Name == "何二"
				if m.Mobile != want || (m.MobileDestination != "") != want {
					t.Errorf("%s: 流动 %v %q", m.Name, m.Mobile, m.MobileDestination)
				}
				if m.Name != "何一" {
					continue
				}
				changes, err := store.MemberChanges(m.ID)
				if err != nil {
					t.Fatal(err)
				}
				said := map[model.Field]string{}
				for _, c := range changes {
					said[c.Field] = c.Old + "→" + c.New
				}
				if said[model.FieldMobile] != "是→否" || said[model.FieldMobileDestination] != "广东省深圳市→" {
					t.Errorf("history %v", changes)
				}
			}
		})
	}
}
