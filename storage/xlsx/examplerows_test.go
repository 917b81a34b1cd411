package xlsx

import (
	"testing"
)

// Example rows in the wordings templates use beyond 示例 in 序号 are
// refused, each naming what marked it; real members whose cells merely
// mention an example import (review s8-7 attack #5, s7-7 #25).
func TestMoreTemplateExampleRows(t *testing.T) {
	id := func(n int) string {
		return idNumber("19800101", []string{"011", "022", "033", "044", "055", "066", "077", "088", "099", "101", "112", "123"}[n])
	}
	rf := read(t, roster(t, [][]any{
		{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部", "备注"},
		{"1", "【示例】李四", id(0), "2015.06", "2016.06", "第一党支部", nil},
		{"2", "示例-赵六", id(1), "2015.06", "2016.06", "第一党支部", nil},
		{"3", "钱一", id(2), "2015.06", "2016.06", "第一党支部", "（本行为填写样例，请勿删除）"},
		{"4", "钱二", id(3), "2015.06", "2016.06", "第一党支部", "此为示例"},
		{"5", "钱三", id(4), "2015.06", "2016.06", "第一党支部", "示例数据，导入时删除"},
		{"6", "钱四", id(5), "2015.06", "2016.06", "第一党支部", "样例行"},
		{"7", "钱五", id(6), "2015.06", "2016.06", "第一党支部", "例：此行为示范"},
		{"例①", "钱六", id(7), "2015.06", "2016.06", "第一党支部", nil},
		{"eg", "钱七", id(8), "2015.06", "2016.06", "第一党支部", nil},
		{"Example", "钱八", id(9), "2015.06", "2016.06", "第一党支部", nil},
		{"11", "孙一", id(10), "2015.06", "2016.06", "第一党支部", "样例"},
		{"12", "孙二", id(11), "2015.06", "2016.06", "第一党支部", "导入前请删除重复的电话"},
	}))
	if len(rf.Members) != 2 || rf.Members[0].Member.Name != "孙一" || rf.Members[1].Member.Name != "孙二" {
		for _, m := range rf.Members {
			t.Errorf("imported %s (row %d)", m.Member.Name, m.Row)
		}
	}
	refused := map[int]bool{}
	for _, r := range rf.Rejected {
		refused[r.Row] = true
	}
	for row := 2; row <= 11; row++ {
		if !refused[row] {
			t.Errorf("row %d not refused", row)
		}
	}
}

// The check of a member's row for a note asking to delete it
// (exampleReason), 20,000 rows of an import: one cell a field.
func BenchmarkDeleteNote(b *testing.B) {
	row := []string{"张伟", "男", "汉族", "620102198503120117", "1985-03-12", "大学本科", "正式党员", "中共甘肃陇原机械制造有限公司支部委员会",
		"2010-06-15", "2011-06-15", "车间主任", "13912345678", "甘肃省兰州市城关区东岗西路100号"}
	for b.Loop() {
		if deleteNote(row) != "" {
			b.Fatal("a note found in a member's row")
		}
	}
}
