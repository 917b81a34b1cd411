package rosterfile

import (
	"strings"
	"testing"

	"branchledger/model"
)

// A person twice on sheet 第一党支部 (both rows refused as repeated) and
// once on 第二党支部 is refused there too, the refusal naming the other
// rows: the one row left standing moved the member to 第二党支部 (review
// nu7-9). A person once on each sheet alone still imports.
func TestPersonRepeatedOnOneSheetIsRefusedOnTheOthers(t *testing.T) {
	svc, _ := newService(t)
	head := []any{"姓名", "公民身份号码", "入党时间", "转正时间", "联系电话"}
	id := validID("19750312", "111")
	path := writeSheets(t, []string{"第一党支部", "第二党支部"},
		[][]any{head,
			{"王建国", id, "2000.05", "2001.05", "13700000001"},
			{"王建国", id, "2000.05", "2001.05", "13700000002"},
		},
		[][]any{head,
			{"王建国", id, "2000.05", "2001.05", "13700000001"},
			{"谢敏", validID("19930606", "222"), "2014.05", "2015.05", "13700000003"},
		})
	p, err := svc.PreviewImportWith(path, model.ImportChoice{SheetNameBranch: []string{"第一党支部", "第二党支部"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Plan.Add) != 1 || p.Plan.Add[0].Name != "谢敏" || len(p.Plan.Update) != 0 {
		t.Errorf("adds %+v, updates %+v, want 谢敏 alone", p.Plan.Add, p.Plan.Update)
	}
	got := map[string]string{}
	for _, r := range p.Rejected {
		got[r.Sheet+strings.Repeat("#", r.Row)] += r.Reason
	}
	want := "同一人（公民身份号码相同）也在工作表“第一党支部”第2行、工作表“第一党支部”第3行，那几行因重复没有导入，分不清哪一行是对的，这一行也没有导入；请删去多余的行后再导入"
	if got["第二党支部##"] != want {
		t.Errorf("第二党支部 row 2: %q, want %q", got["第二党支部##"], want)
	}
	if got["第一党支部##"] == "" || got["第一党支部###"] == "" || len(p.Rejected) != 3 {
		t.Errorf("rejected %+v, want the three rows of 王建国", p.Rejected)
	}
}
