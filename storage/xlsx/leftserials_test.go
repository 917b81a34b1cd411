package xlsx

import (
	"fmt"
	"strings"
	"testing"
)

// Notes saying who left by the rows' 序号 or place (review F8, F9, F34):
// 注：序号4-6为已转出人员 imported every row with a 提示, 以上第4、5号党员已转
// 出 refused every row above it. The rows they mean are refused, and only
// they; a note on 序号 that says nothing of leaving keeps every row.

// sixNames are the members of serialRoster, 序号 1 to 6 in rows 2 to 7.
var sixNames = []string{"张三", "李四", "王五", "赵丽华", "李明", "孙七"}

// serialRoster is a heading with 序号, six members and the rows after.
func serialRoster(after ...[]any) [][]any {
	rows := [][]any{append([]any{"序号"}, hxHeading...)}
	for i, n := range sixNames {
		rows = append(rows, append([]any{fmt.Sprint(i + 1)}, hxMember(n, fmt.Sprintf("%03d", 11+2*i))...))
	}
	return append(rows, after...)
}

// plainSix is serialRoster without its 序号 column.
func plainSix(after ...[]any) [][]any {
	rows := [][]any{hxHeading}
	for i, n := range sixNames {
		rows = append(rows, hxMember(n, fmt.Sprintf("%03d", 11+2*i)))
	}
	return append(rows, after...)
}

func TestNoteNamingLeaversBySerialRefusesThoseRows(t *testing.T) {
	const done = "，看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入"
	bySerial := func(note, list, word string, no int) string {
		return "第8行的说明“" + note + "”说序号为" + list + "的人已离开（写着“" + word + "”），这一行的序号是" + fmt.Sprint(no) + done
	}
	for _, tt := range []struct {
		name    string
		rows    [][]any
		stored  []string
		refused map[int]string // row → reason
		line    string         // the note's line (row 8)
	}{
		{"序号4-6", serialRoster([]any{"注：序号4-6为已转出人员"}), []string{"张三", "李四", "王五"}, map[int]string{
			5: bySerial("注：序号4-6为已转出人员", "4—6", "转出", 4),
			6: bySerial("注：序号4-6为已转出人员", "4—6", "转出", 5),
			7: bySerial("注：序号4-6为已转出人员", "4—6", "转出", 6),
		}, "说明行“注：序号4-6为已转出人员”：写着“转出”，按序号或位置所说的人未予导入（见未通过的行）：第5行（赵丽华）、第6行（李明）、第7行（孙七）；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”"},
		{"1号、4号", serialRoster([]any{"注：1号、4号同志已去世"}), []string{"李四", "王五", "李明", "孙七"}, map[int]string{
			2: bySerial("注：1号、4号同志已去世", "1、4", "去世", 1),
			5: bySerial("注：1号、4号同志已去世", "1、4", "去世", 4),
		}, "第2行（张三）、第5行（赵丽华）"},
		{"第3号", serialRoster([]any{"注：第3号已转出"}), []string{"张三", "李四", "赵丽华", "李明", "孙七"}, map[int]string{
			4: bySerial("注：第3号已转出", "3", "转出", 3),
		}, "第4行（王五）"},
		{"4—6号 without 注", serialRoster([]any{"4—6号已调离"}), []string{"张三", "李四", "王五"}, map[int]string{
			5: bySerial("4—6号已调离", "4—6", "调离", 4),
			6: bySerial("4—6号已调离", "4—6", "调离", 5),
			7: bySerial("4—6号已调离", "4—6", "调离", 6),
		}, "第5行（赵丽华）、第6行（李明）、第7行（孙七）"},
		{"a 序号 the table lacks", serialRoster([]any{"注：6号、9号已转出"}), []string{"张三", "李四", "王五", "赵丽华", "李明"}, map[int]string{
			7: bySerial("注：6号、9号已转出", "6、9", "转出", 6),
		}, "：第7行（孙七）；它所说的各行中没有序号9；"},
		// review F9: every row above was refused
		{"以上第4、5号", serialRoster([]any{"以上第4、5号党员已转出"}), []string{"张三", "李四", "王五", "孙七"}, map[int]string{
			5: bySerial("以上第4、5号党员已转出", "4、5", "转出", 4),
			6: bySerial("以上第4、5号党员已转出", "4、5", "转出", 5),
		}, "第5行（赵丽华）、第6行（李明）"},
		// review F34
		{"除1号、2号外", serialRoster([]any{"注：除1号、2号外，其余同志已转出"}), []string{"张三", "李四"}, map[int]string{
			4: "第8行的说明“注：除1号、2号外，其余同志已转出”说除序号为1、2的人外都已离开（写着“转出”），这一行的序号是3" + done,
			5: "第8行的说明“注：除1号、2号外，其余同志已转出”说除序号为1、2的人外都已离开（写着“转出”），这一行的序号是4" + done,
			6: "第8行的说明“注：除1号、2号外，其余同志已转出”说除序号为1、2的人外都已离开（写着“转出”），这一行的序号是5" + done,
			7: "第8行的说明“注：除1号、2号外，其余同志已转出”说除序号为1、2的人外都已离开（写着“转出”），这一行的序号是6" + done,
		}, "第4行（王五）、第5行（赵丽华）、第6行（李明）、第7行（孙七）"},
		{"后3名", serialRoster([]any{"注：前3名为在册党员，后3名已转出"}), []string{"张三", "李四", "王五"}, map[int]string{
			5: "第8行的说明“注：前3名为在册党员，后3名已转出”说后3名已离开（写着“转出”），这一行是共6名中的第4名" + done,
			6: "第8行的说明“注：前3名为在册党员，后3名已转出”说后3名已离开（写着“转出”），这一行是共6名中的第5名" + done,
			7: "第8行的说明“注：前3名为在册党员，后3名已转出”说后3名已离开（写着“转出”），这一行是共6名中的第6名" + done,
		}, "第5行（赵丽华）、第6行（李明）、第7行（孙七）"},
		// without a 序号 column a number is a place
		{"4-6 by place", plainSix([]any{"注：序号4-6为已转出人员"}), []string{"张三", "李四", "王五"}, map[int]string{
			5: "第8行的说明“注：序号4-6为已转出人员”说第4—6名已离开（写着“转出”），表中没有序号列，这一行是第4名" + done,
			6: "第8行的说明“注：序号4-6为已转出人员”说第4—6名已离开（写着“转出”），表中没有序号列，这一行是第5名" + done,
			7: "第8行的说明“注：序号4-6为已转出人员”说第4—6名已离开（写着“转出”），表中没有序号列，这一行是第6名" + done,
		}, "第5行（赵丽华）、第6行（李明）、第7行（孙七）"},
		{"除1号 by place", plainSix([]any{"注：除1号至5号外，其余同志已转出"}), []string{"张三", "李四", "王五", "赵丽华", "李明"}, map[int]string{
			7: "第8行的说明“注：除1号至5号外，其余同志已转出”说除第1—5名外都已离开（写着“转出”），表中没有序号列，这一行是第6名" + done,
		}, "第7行（孙七）"},
		// a 序号 that is no number may be one of them
		{"a 序号 not a number", func() [][]any {
			rows := serialRoster([]any{"注：4号已转出"})
			rows[2][0] = "二"
			return rows
		}(), []string{"张三", "王五", "李明", "孙七"}, map[int]string{
			3: "第8行的说明“注：4号已转出”按序号说谁已离开，这一行的序号“二”不是一个数，看不出是不是其中一位，这一行未导入：请改正序号后再导入",
			5: bySerial("注：4号已转出", "4", "转出", 4),
		}, "第3行（李四）、第5行（赵丽华）"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, tt.rows))
			storedAndRefused(t, rf, tt.stored, tt.refused)
			if line := noteOn(rf, 8); !strings.Contains(line, tt.line) {
				t.Errorf("line on the note %q, want it to hold %q", line, tt.line)
			}
		})
	}
}

// Notes on 序号 or kinds that say nothing of leaving keep every row
// (review F8, F9: no false refusal).
func TestHarmlessNotesOnSerialsKeepEveryRow(t *testing.T) {
	for _, note := range []string{"注：以上人员均为正式党员", "注：序号1-3为第一党小组", "注：除书记外均为兼职", "注：1号为支部书记，2号为组织委员",
		"注：李四于2025年3月1号转入本支部", "注：序号4-6为2025年新发展党员"} {
		t.Run(note, func(t *testing.T) {
			storedAndRefused(t, read(t, roster(t, serialRoster([]any{note}))), sixNames, nil)
		})
	}
}

// A note saying who left by 序号 is written again into the workbook of
// refused rows, which refuses the same rows again; one by place, whose
// places the copy does not keep, refuses each row it covers.
func TestRefusedRowsWorkbookKeepsANoteBySerial(t *testing.T) {
	for _, tt := range []struct {
		rows   [][]any
		reason string
	}{
		{serialRoster([]any{"注：序号4-6为已转出人员"}), "说序号为4—6的人已离开"},
		{plainSix([]any{"注：序号4-6为已转出人员"}), "按位置说谁已离开，在导出的问题行中各行的位置已变"},
		{serialRoster([]any{"以上第4、5号党员已转出"}), "说序号为4、5的人已离开"},
	} {
		t.Run(tt.rows[len(tt.rows)-1][0].(string), func(t *testing.T) {
			again := read(t, errorsWorkbook(t, roster(t, tt.rows)))
			if got := storedNames(again); len(got) > 0 {
				t.Errorf("the copy stored %v", got)
			}
			if len(again.Rejected) == 0 {
				t.Fatal("the copy refused nothing")
			}
			for _, r := range again.Rejected {
				if !strings.Contains(r.Reason, tt.reason) {
					t.Errorf("row %d refused %q, want it to hold %q", r.Row, r.Reason, tt.reason)
				}
			}
		})
	}
}
