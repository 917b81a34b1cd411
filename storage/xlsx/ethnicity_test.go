package xlsx

import (
	"testing"

	"branchledger/model"
)

// A 民族 that is none of GB 3304's (中国, 汉民) is refused naming the row
// and the value; 汉 is 汉族, and what an ID card may carry besides the 56
// (穿青人, 纳西族（摩梭人）) imports (review s8-7 attack #2).
func TestEthnicityCheckedAgainstGB3304(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "民族", "加入党组织日期", "转为正式党员日期"},
		{"辛一", idNumber("19800101", "011"), "汉", "2008.06", "2009.06"},
		{"辛二", idNumber("19800101", "022"), "汉民", "2008.06", "2009.06"},
		{"辛三", idNumber("19800101", "033"), "中国", "2008.06", "2009.06"},
		{"辛四", idNumber("19800101", "044"), "穿青人", "2008.06", "2009.06"},
		{"辛五", idNumber("19800101", "055"), "纳西族（摩梭人）", "2008.06", "2009.06"},
	}))
	got := map[string]string{}
	for _, m := range rf.Members {
		got[m.Member.Name] = m.Member.Ethnicity
	}
	if len(got) != 3 || got["辛一"] != "汉族" || got["辛四"] != "穿青人" || got["辛五"] != "纳西族（摩梭人）" {
		t.Errorf("members %v", got)
	}
	want := map[int]string{3: "“汉民”不是民族名称，应填写如“汉族”", 4: "“中国”不是民族名称，应填写如“汉族”"}
	if len(rf.Rejected) != 2 {
		t.Fatalf("rejected %+v", rf.Rejected)
	}
	for _, r := range rf.Rejected {
		if r.Field != model.FieldEthnicity || r.Reason != want[r.Row] {
			t.Errorf("row %d %s: %q, want %q", r.Row, r.Field, r.Reason, want[r.Row])
		}
	}
}
