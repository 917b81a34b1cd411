package rosterfile

import (
	"strings"
	"testing"
)

// A row refused once merged with the roster quotes its cell as the sheet
// shows it, as every other refusal does: the preview's column is headed
// 单元格内容 (review s6-7 attack #21, last line).
func TestMergedRefusalQuotesTheCellAsShown(t *testing.T) {
	svc, _ := newService(t)
	p, err := svc.PreviewImport(sample)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	path := writeSheet(t, [][]any{
		{"姓名", "身份证号码", "转为正式党员日期"},
		{"龙敏", "620421199611179303", "1990年1月1日"},
	})
	p, err = svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) == 0 {
		t.Fatalf("nothing refused: %+v", p.Plan)
	}
	for _, r := range p.Rejected {
		if !strings.HasPrefix(r.Reason, "与名册中龙敏的记录合并后：") {
			t.Errorf("refusal %+v is not the merged record's", r)
		}
		if r.Field == "full_date" && r.Value != "1990年1月1日" {
			t.Errorf("the refusal quotes the cell as %q, the sheet shows 1990年1月1日", r.Value)
		}
	}
}
