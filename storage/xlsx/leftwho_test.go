package xlsx

import (
	"slices"
	"strings"
	"testing"
)

// Notes that say exactly who left, in the ways review F10, F25, F27, F28,
// F29, F34, F42 and F47 found stored them as current members (or refused
// the one who stayed): the rows of those people are refused and the
// others stored; a note that says someone left without saying who refuses
// every row it may mean.

// remarkRoster is a heading with 备注 and the members given as name and
// remark, ID sequences in order.
func remarkRoster(people ...[2]string) [][]any {
	rows := [][]any{append(slices.Clone(hxHeading), "备注")}
	for i, p := range people {
		rows = append(rows, append(hxMember(p[0], "0"+itoa(i+1)+"1"), p[1]))
	}
	return rows
}

func TestNoteSayingExactlyWhoLeftRefusesOnlyThem(t *testing.T) {
	const leftDone = "，看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入"
	for _, tt := range []struct {
		name    string
		rows    [][]any
		merges  [][2]string
		stored  []string
		refused map[int]string // row → reason
		noteRow int
		line    string // the line on noteRow holds this
	}{
		// review F34: the one named inside the exception left
		{"除赵丽华已转出外", plainSix([]any{"注：除赵丽华已转出外其余均在册"}), nil, []string{"张三", "李四", "王五", "李明", "孙七"}, map[int]string{
			5: "第8行的说明“注：除赵丽华已转出外其余均在册”说此人已离开（写着“转出”）" + leftDone,
		}, 8, "所说的人未予导入（见未通过的行）：第5行（赵丽华）"},
		// review F27: the one excepted from those on the roll is not on it
		{"除赵丽华外均在册", plainSix([]any{"注：除赵丽华外，以上党员均在册"}), nil, []string{"张三", "李四", "王五", "李明", "孙七"}, map[int]string{
			5: "第8行的说明“注：除赵丽华外，以上党员均在册”说除赵丽华外都在册，此人不在册，这一行未导入：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入",
		}, 8, "说明行“注：除赵丽华外，以上党员均在册”：说除赵丽华外都在册，所说不在册的人未予导入（见未通过的行）：第5行（赵丽华）；"},
		// review F10: a note split over the cells of its row
		{"注： | 赵丽华已转出", plainSix([]any{nil, "注：", "赵丽华已转出"}), nil, []string{"张三", "李四", "王五", "李明", "孙七"}, map[int]string{
			5: "第8行的说明“注：赵丽华已转出”说此人已离开（写着“转出”）" + leftDone,
		}, 8, "第5行（赵丽华）"},
		{"注 | 赵丽华已转出", plainSix([]any{"注", "赵丽华已转出"}), nil, []string{"张三", "李四", "王五", "李明", "孙七"}, map[int]string{
			5: "第8行的说明“注：赵丽华已转出”说此人已离开（写着“转出”）" + leftDone,
		}, 8, "第5行（赵丽华）"},
		// review F25: the names in the rows under the note
		{"names in one cell", plainSix([]any{"注：以下人员已转出："}, []any{"赵丽华、李明"}), nil, []string{"张三", "李四", "王五", "孙七"}, map[int]string{
			5: "第8行的说明“注：以下人员已转出：”说此人已离开（写着“转出”）" + leftDone,
			6: "第8行的说明“注：以下人员已转出：”说此人已离开（写着“转出”）" + leftDone,
		}, 8, "说明行“注：以下人员已转出：”：写着“转出”，所说的人未予导入（见未通过的行）：第5行（赵丽华）、第6行（李明）；"},
		{"a name a cell, two rows", plainSix([]any{"注：以下人员已转出："}, []any{"赵丽华", "李明"}, []any{"孙七"}), nil, []string{"张三", "李四", "王五"}, map[int]string{
			5: "第8行的说明“注：以下人员已转出：”说此人已离开（写着“转出”）" + leftDone,
			6: "第8行的说明“注：以下人员已转出：”说此人已离开（写着“转出”）" + leftDone,
			7: "第8行的说明“注：以下人员已转出：”说此人已离开（写着“转出”）" + leftDone,
		}, 8, "第5行（赵丽华）、第6行（李明）、第7行（孙七）"},
		// review F42: a note above the headings
		{"说明 above the headings", append([][]any{{"第一党支部党员名册"}, {"说明：赵丽华、李明已转出，仅供参考"}}, plainSix()...), nil,
			[]string{"张三", "李四", "王五", "孙七"}, map[int]string{
				7: "第2行的说明“说明：赵丽华、李明已转出，仅供参考”说此人已离开（写着“转出”）" + leftDone,
				8: "第2行的说明“说明：赵丽华、李明已转出，仅供参考”说此人已离开（写着“转出”）" + leftDone,
			}, 2, "第7行（赵丽华）、第8行（李明）"},
		// review F28: some of them, not said who
		{"其中2人", plainSix([]any{"注：其中2人已转出"}), nil, nil, func() map[int]string {
			out := map[int]string{}
			for row := 2; row <= 7; row++ {
				out[row] = "第8行的说明“注：其中2人已转出”说表中有人已离开（写着“转出”），却没有说是谁，此人可能是其中一位，这一行未导入：请在说明中写出离开的人的姓名，或删去他们的行后再导入"
			}
			return out
		}(), 8, "说明行“注：其中2人已转出”：写着“转出”，却没有说是谁，看不出哪几位已离开，表中各行未予导入（见未通过的行）：第2行（张三）、第3行（李四）、第4行（王五）、第5行（赵丽华）、第6行（李明）、第7行（孙七）；请在说明中写出离开的人的姓名，或删去他们的行后再导入"},
		// review F29: a 备注 naming another member
		{"李明's 备注 says 赵丽华 left", remarkRoster([2]string{"张三", ""}, [2]string{"李明", "赵丽华已转出"}, [2]string{"赵丽华", ""}), nil,
			[]string{"张三", "李明"}, map[int]string{
				4: "第3行（李明）的备注“赵丽华已转出”说此人已离开（写着“已转出”），看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的备注后再导入",
			}, 3, "备注“赵丽华已转出”：写着“已转出”，说的是表中另外的人，他们未予导入（见未通过的行）：第4行（赵丽华）；"},
		// 赵丽 on the sheet is not the 赵丽华 李明's 备注 names (as in a note,
		// review nu8 N1): she was refused and 李明 stored. The 备注 then
		// names no one of the sheet and is read as said of 李明, as one
		// naming someone the sheet does not have.
		{"李明's 备注 names 赵丽华, the sheet has 赵丽", remarkRoster([2]string{"张三", ""}, [2]string{"李明", "赵丽华已转出"}, [2]string{"赵丽", ""}), nil,
			[]string{"张三", "赵丽"}, map[int]string{
				3: "备注中写着“已转出”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改写备注后再导入",
			}, 0, ""},
		{"李明's 备注 names 王五, not on the sheet", remarkRoster([2]string{"张三", ""}, [2]string{"李明", "王五已转出"}, [2]string{"赵丽", ""}), nil,
			[]string{"张三", "赵丽"}, map[int]string{
				3: "备注中写着“已转出”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改写备注后再导入",
			}, 0, ""},
		{"与赵丽华同时转出: both", remarkRoster([2]string{"张三", ""}, [2]string{"李明", "与赵丽华同时转出"}, [2]string{"赵丽华", ""}), nil,
			[]string{"张三"}, map[int]string{
				3: "备注中写着“转出”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改写备注后再导入",
				4: "第3行（李明）的备注“与赵丽华同时转出”说此人已离开（写着“转出”），看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的备注后再导入",
			}, 3, "第4行（赵丽华）"},
		// review ra9 L11: tied as a couple, not in leaving
		{"与赵丽华系夫妻，赵丽华已调走", remarkRoster([2]string{"张三", ""}, [2]string{"李明", "与赵丽华系夫妻，赵丽华已调走"}, [2]string{"赵丽华", ""}), nil,
			[]string{"张三", "李明"}, map[int]string{
				4: "第3行（李明）的备注“与赵丽华系夫妻，赵丽华已调走”说此人已离开（写着“调走”），看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的备注后再导入",
			}, 3, "第4行（赵丽华）"},
		// review F47: merged down, it excepts one of the rows it covers
		{"merged 除赵丽华外均已转出", remarkRoster([2]string{"张三", "除赵丽华外均已转出"}, [2]string{"李明", ""}, [2]string{"赵丽华", ""}, [2]string{"孙七", ""}),
			[][2]string{{"G2", "G4"}}, []string{"赵丽华", "孙七"}, map[int]string{
				2: "备注中写着“已转出”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改写备注后再导入",
				3: "备注中写着“已转出”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改写备注后再导入",
			}, 0, ""},
		{"除赵丽华外 in her own row alone", remarkRoster([2]string{"赵丽华", "除赵丽华外均已转出"}, [2]string{"李明", ""}), nil, []string{"李明"}, map[int]string{
			2: "备注“除赵丽华外均已转出”说的是除此人外的人已离开（写着“已转出”），看不出说的是表中哪几位，这一行未导入：请在那几位的备注中写明，或删去他们的行后再导入",
		}, 0, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, tt.rows, tt.merges...))
			storedAndRefused(t, rf, tt.stored, tt.refused)
			if line := noteOn(rf, tt.noteRow); tt.noteRow > 0 && !strings.Contains(line, tt.line) {
				t.Errorf("line on row %d %q, want it to hold %q", tt.noteRow, line, tt.line)
			}
		})
	}
}

// Notes and remarks that say nothing of anyone leaving keep every row.
func TestHarmlessNotesKeepEveryRow(t *testing.T) {
	for _, note := range [][]any{{"注：以上人员均为正式党员"}, {"注：除书记外均为兼职"}, {"注：", "以上人员均为正式党员"}, {"说明：", "李明为支部书记"},
		{"注：以下人员为支部委员："}} {
		t.Run(note[len(note)-1].(string), func(t *testing.T) {
			storedAndRefused(t, read(t, roster(t, plainSix(note))), sixNames, nil)
		})
	}
	t.Run("a 备注 naming another without leaving", func(t *testing.T) {
		rf := read(t, roster(t, remarkRoster([2]string{"张三", "赵丽华的入党介绍人"}, [2]string{"赵丽华", "由张三介绍转入"})))
		storedAndRefused(t, rf, []string{"张三", "赵丽华"}, nil)
	})
}

// The notes of F25, F29 and F42 are written into the workbook of refused
// rows, which refuses the same people again.
func TestRefusedRowsWorkbookKeepsNotesSayingWhoLeft(t *testing.T) {
	for name, rows := range map[string][][]any{
		"names under the note": plainSix([]any{"注：以下人员已转出："}, []any{"赵丽华、李明"}),
		"note above headings":  append([][]any{{"说明：赵丽华、李明已转出"}}, plainSix()...),
		"except on the roll":   plainSix([]any{"注：除赵丽华外，以上党员均在册"}),
		"其中2人":                 plainSix([]any{"注：其中2人已转出"}),
		"注： | 赵丽华已转出":          plainSix([]any{nil, "注：", "赵丽华已转出"}),
		"合计 under the rows":    plainSix([]any{"合计：4人"}),
		"another member's 备注":  remarkRoster([2]string{"张三", ""}, [2]string{"李明", "赵丽华已转出"}, [2]string{"赵丽华", ""}),
	} {
		t.Run(name, func(t *testing.T) {
			again := read(t, errorsWorkbook(t, roster(t, rows)))
			if got := storedNames(again); len(got) > 0 {
				t.Errorf("the copy stored %v", got)
			}
			if len(again.Rejected) == 0 {
				t.Error("the copy refused nothing")
			}
		})
	}
}
