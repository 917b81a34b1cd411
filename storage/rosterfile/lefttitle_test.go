package rosterfile

import (
	"testing"
)

// A sheet titled as a list of people who left (第一党支部党员花名册（已转出
// 人员）) is left out of the preview by default, as a sheet named so is,
// and the roster sheet beside it is read (review s8-7 attack #23: its
// member was imported onto the roster).
func TestSheetTitledAsLeaversLeftOut(t *testing.T) {
	svc, _ := newService(t)
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"}
	path := writeSheets(t, []string{"S1", "S2"},
		[][]any{{"第一党支部党员花名册"}, head, {"乙一", validID("19800101", "011"), "2008.06", "2009.06", "第一党支部"}},
		[][]any{{"第一党支部党员花名册（已转出人员）"}, head, {"题八", validID("19800101", "088"), "2008.06", "2009.06", "第一党支部"}})
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sheets) != 2 || !p.Sheets[0].Included || p.Sheets[1].Included || p.Sheets[1].Left != "转出" ||
		p.Sheets[1].LeftTitle != "第一党支部党员花名册（已转出人员）" {
		t.Errorf("sheets %+v", p.Sheets)
	}
	if len(p.Plan.Add) != 1 || p.Plan.Add[0].Name != "乙一" {
		t.Errorf("adds %+v, want 乙一 only", p.Plan.Add)
	}
}
