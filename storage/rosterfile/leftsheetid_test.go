package rosterfile

import (
	"testing"

	"branchledger/model"
)

// A person on the roster sheet whose ID number is also on the 已转出 sheet
// (held back as people who left) is refused naming that sheet and row —
// copied there and not deleted, she was stored as current (review ra7
// F22); imported alone, or with the 已转出 sheet ticked too, nothing of
// this is said.
func TestPersonAlsoOnTheSheetOfLeaversIsRefused(t *testing.T) {
	svc, _ := newService(t)
	head := []any{"姓名", "公民身份号码", "入党时间", "转正时间"}
	zhao := validID("19800101", "222")
	path := writeSheets(t, []string{"在册党员", "已转出"},
		[][]any{head,
			{"张建国", validID("19750312", "111"), "2000.05", "2001.05"},
			{"赵丽华", zhao, "2005.05", "2006.05"},
		},
		[][]any{head, {"赵丽华", zhao, "2005.05", "2006.05"}})
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Plan.Add) != 1 || p.Plan.Add[0].Name != "张建国" {
		t.Errorf("adds %+v, want 张建国 alone", p.Plan.Add)
	}
	want := "同一人（公民身份号码相同）也在工作表“已转出”第2行，那张表写着“转出”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请从那张表删去后再导入"
	if len(p.Rejected) != 1 || p.Rejected[0].Sheet != "在册党员" || p.Rejected[0].Row != 3 || p.Rejected[0].Reason != want {
		t.Errorf("rejected %+v, want 赵丽华's row: %s", p.Rejected, want)
	}
	p, err = svc.PreviewImportWith(path, model.ImportChoice{Sheets: []string{"在册党员", "已转出"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.Rejected {
		if r.Reason == want {
			t.Errorf("with the 已转出 sheet ticked: %+v", r)
		}
	}
}
