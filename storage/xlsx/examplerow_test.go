package xlsx

import (
	"strings"
	"testing"
)

// A template's example row (示例 | 张三 | a valid ID …) is no member: it is
// skipped with a note naming it, in the roster and the bases imports —
// members can never be deleted (review s6-7 attack #17).
func TestExampleRowsAreNotMembers(t *testing.T) {
	sample := idNumber("19900307", "001")
	real1, real2 := idNumber("19800101", "011"), idNumber("19810202", "031")
	cases := []struct {
		name, what string
		rows       [][]any
	}{
		{"示例 in 序号", "示例 张三", [][]any{
			{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
			{"示例", "张三", sample, "2015.06", "2016.06", "XX党支部"},
			{"1", "辛一", real1, "2008.06", "2009.06", "第一党支部"},
			{"2", "辛二", real2, "2009.06", "2010.06", "第一党支部"}}},
		{"（例） in 序号", "例 张三", [][]any{
			{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
			{"（例）", "张三", sample, "2015.06", "2016.06", "XX党支部"},
			{"1", "辛一", real1, "2008.06", "2009.06", "第一党支部"},
			{"2", "辛二", real2, "2009.06", "2010.06", "第一党支部"}}},
		{"张三 with 示例 beside it", "示例 张三", [][]any{
			{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部", "备注"},
			{"张三", sample, "2015.06", "2016.06", "XX党支部", "示例"},
			{"辛一", real1, "2008.06", "2009.06", "第一党支部"},
			{"辛二", real2, "2009.06", "2010.06", "第一党支部"}}},
	}
	for _, c := range cases {
		rf := read(t, roster(t, c.rows))
		if len(rf.Members) != 2 || len(rf.Rejected) != 0 {
			t.Errorf("%s: members %+v rejected %+v", c.name, rf.Members, rf.Rejected)
		}
		for _, m := range rf.Members {
			if m.Member.IDNumber == sample || m.Row == 2 {
				t.Errorf("%s: the example row imported: %+v", c.name, m)
			}
		}
		found := false
		for _, n := range rf.Notes {
			found = found || n.Row == 2 && n.Message == "示例行“"+c.what+"”：是表格模板的填写示例，不是党员，未导入"
		}
		if !found {
			t.Errorf("%s: no note for row 2: %+v", c.name, rf.Notes)
		}
	}
	// A real member whose remark merely mentions an example is read.
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部", "备注"},
		{"辛一", real1, "2008.06", "2009.06", "第一党支部", "见示例说明"}}))
	if len(rf.Members) != 1 {
		t.Errorf("a remark mentioning 示例: %+v %+v", rf.Members, rf.Rejected)
	}

	// The bases import skips it alike.
	bf, err := basesFileFor(t, [][]any{{"序号", "姓名", "身份证号码", "计算基数"},
		{"示例", "张三", sample, 5000}, {"1", "乙一", real1, 5400}}, 2026)
	if err != nil || len(bf.Rows) != 1 || bf.Rows[0].Name != "乙一" || len(bf.Rejected) != 0 || len(bf.Notes) != 1 ||
		!strings.Contains(bf.Notes[0].Message, "示例行“示例 张三”") || bf.Notes[0].Row != 2 {
		t.Errorf("bases: %+v %v", bf, err)
	}
}
