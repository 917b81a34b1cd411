package rosterfile

import (
	"strings"
	"testing"
)

// A roster re-imported without a member's row — the row of one who left
// deleted — says who on the roster the rows read do not give: the member
// stayed current without a word (review ra8 G10). One refused in the file
// is in it, not absent; the first import says nothing.
func TestReimportNamesMembersTheFileDoesNotGive(t *testing.T) {
	ids := []string{validID("19800101", "011"), validID("19810101", "011"), validID("19820101", "011")}
	head := []any{"姓名", "公民身份号码", "人员类别", "所在党支部", "加入党组织日期", "转为正式党员日期", "备注"}
	row := func(name, id, remark string) []any {
		return []any{name, id, "正式党员", "第一党支部", "2008-06-01", "2009-06-01", remark}
	}
	svc, _ := newService(t)
	p, err := svc.PreviewImport(writeSheet(t, [][]any{head, row("何一", ids[0], ""), row("何二", ids[1], ""), row("何三", ids[2], "")}))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range p.Notes {
		if strings.Contains(n.Message, "不在这次导入的行中") {
			t.Errorf("the first import says %q", n.Message)
		}
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	// 何二's row deleted, 何三's refused as having left.
	p, err = svc.PreviewImport(writeSheet(t, [][]any{head, row("何一", ids[0], ""), row("何三", ids[2], "已转出")}))
	if err != nil {
		t.Fatal(err)
	}
	const want = "名册中在册的何二不在这次导入的行中：导入不会改动其记录；已离开本支部的，请在其个人页“登记变动”或“开具介绍信”"
	said := 0
	for _, n := range p.Notes {
		if strings.Contains(n.Message, "不在这次导入的行中") {
			said++
			if n.Message != want || n.Sheet != "" || n.Row != 0 {
				t.Errorf("note %q on %q row %d, want %q of the roster", n.Message, n.Sheet, n.Row, want)
			}
		}
	}
	if said != 1 {
		t.Errorf("%d notes name the members not given, want 1: %+v", said, p.Notes)
	}
}
