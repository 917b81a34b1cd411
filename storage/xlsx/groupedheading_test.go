package xlsx

import (
	"testing"

	"branchledger/model"
)

// Group headings over their sub-headings, as real templates draw them:
// 基本信息 over several columns, 入党时间 over 预备 | 转正, 联系方式 over
// 手机 | 电话, 家庭住址 over 省 | 市 | 详细地址, and all of it under a third
// level (党员信息). Each sub-heading maps to its field, every column is
// imported, and the sub-heading rows are never a member (issue 7, kind 6).
// 电话 under 联系方式 was named as a second 联系电话 column: a member with
// only that number was stored without one.
func TestGroupedHeadingsMapTheirSubHeadings(t *testing.T) {
	id := idNumber("19800415", "311")
	member1 := []any{"1", "张三", "男", id, "第一党支部", "2015.03", "2016.03", "13800000000", "0571-88886666", "浙江省", "杭州市", "西湖区文三路1号"}
	member2 := []any{"2", "李四", "男", idNumber("19800415", "333"), "第一党支部", "2015.03", "2016.03", nil, "0571-88886666", "浙江省", "杭州市", "杭州市上城区1号"}
	two := [][]any{
		{"序号", "基本信息", nil, nil, nil, "入党时间", nil, "联系方式", nil, "家庭住址", nil, nil},
		{nil, "姓名", "性别", "公民身份号码", "所在党支部", "预备", "转正", "手机", "电话", "省", "市", "详细地址"},
	}
	twoMerges := [][2]string{{"A1", "A2"}, {"B1", "E1"}, {"F1", "G1"}, {"H1", "I1"}, {"J1", "L1"}}
	three := [][]any{
		{"序号", "党员信息", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil},
		{nil, "基本信息", nil, nil, nil, "党内信息", nil, "联系方式", nil, "家庭住址", nil, nil},
		{nil, "姓名", "性别", "公民身份号码", "所在党支部", "入党时间", nil, "手机", "电话", "省", "市", "详细地址"},
		{nil, nil, nil, nil, nil, "预备", "转正", nil, nil, nil, nil, nil},
	}
	threeMerges := [][2]string{{"A1", "A4"}, {"B1", "L1"}, {"B2", "E2"}, {"F2", "G2"}, {"H2", "I2"}, {"J2", "L2"}, {"F3", "G3"},
		{"B3", "B4"}, {"C3", "C4"}, {"D3", "D4"}, {"E3", "E4"}, {"H3", "H4"}, {"I3", "I4"}, {"J3", "J4"}, {"K3", "K4"}, {"L3", "L4"}}
	for _, c := range []struct {
		name   string
		head   [][]any
		merges [][2]string
	}{{"two rows", two, twoMerges}, {"three levels", three, threeMerges}} {
		t.Run(c.name, func(t *testing.T) {
			rf := read(t, roster(t, append(c.head, member1, member2), c.merges...))
			if len(rf.Members) != 2 || len(rf.Rejected) != 0 {
				t.Fatalf("members %+v rejected %v; want 张三 and 李四", rf.Members, refusals(rf))
			}
			m := rf.Members[0].Member
			if m.Name != "张三" || m.Sex != model.SexMale || m.BranchName != "第一党支部" || m.JoinDate != model.MonthDate(2015, 3) ||
				m.FullDate != model.MonthDate(2016, 3) || m.Phone != "13800000000" || m.Address != "浙江省杭州市西湖区文三路1号" {
				t.Errorf("stored %s %s %s 加入 %v 转正 %v 电话 %q 住址 %q", m.Name, m.Sex, m.BranchName, m.JoinDate, m.FullDate, m.Phone, m.Address)
			}
			if rf.Members[0].Row != len(c.head)+1 {
				t.Errorf("member read from row %d, want %d", rf.Members[0].Row, len(c.head)+1)
			}
			// 电话 beside a blank 手机 is the member's number.
			if m := rf.Members[1].Member; m.Phone != "0571-88886666" || m.Address != "浙江省杭州市上城区1号" {
				t.Errorf("李四: 电话 %q 住址 %q", m.Phone, m.Address)
			}
			if got := rf.Sheets[0].Ignored; len(got) != 0 {
				t.Errorf("columns not imported %q, want none", got)
			}
		})
	}
}
