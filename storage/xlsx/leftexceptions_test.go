package xlsx

import (
	"slices"
	"strings"
	"testing"
)

// The silent cases of brief k7 (issue 7): a note on who left that names
// an exception (除李四外), counts more people than it names (李四等2人),
// points at rows in words not read as leaving, or glues a word to a name
// (李四拟). Each stored people who left as current members, or did not
// say whom it meant.

// storedNames is the names of the members imported, in row order.
func storedNames(rf *RosterFile) []string {
	var out []string
	for _, m := range rf.Members {
		out = append(out, m.Member.Name)
	}
	return out
}

// 注：除李四外，以上党员均已转出 refuses the rows it covers but 李四's; with
// an exception naming someone those rows do not have, every row it covers
// is refused, the sentence naming the note, its row and the name.
func TestNoteWithAnExceptionRefusesTheOthers(t *testing.T) {
	// 张三 2, 李四 3, 王五 4, the note 5, 赵六 6 (or the note 3 and the
	// members under it)
	above := func(note string) [][]any {
		return [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), hxMember("王五", "051"), {note}, hxMember("赵六", "071")}
	}
	below := func(note string) [][]any {
		return [][]any{hxHeading, hxMember("张三", "011"), {note}, hxMember("李四", "031"), hxMember("王五", "051")}
	}
	aboveReason := func(row int, note string) string {
		return "在第" + itoa(row) + "行的说明“" + note + "”之上，看来已不在花名册上（写着“转出”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之下后再导入"
	}
	for _, tt := range []struct {
		note    string
		rows    func(string) [][]any
		stored  []string
		refused map[int]string // row → the reason, "" for the one above ones'
		line    string         // the note's line holds this
	}{
		{"注：除李四外，以上党员均已转出", above, []string{"李四", "赵六"}, map[int]string{2: "", 4: ""},
			"其上各行（到上一个分组行或表头为止）除李四外看来已不在花名册上，未予导入（见未通过的行）：第2行（张三）、第4行（王五）"},
		{"注：除李四、王五外，以上党员均已转出", above, []string{"李四", "王五", "赵六"}, map[int]string{2: ""}, "除李四、王五外看来已不在花名册上"},
		{"注：除了李四和王五以外，以上党员均已转出", above, []string{"李四", "王五", "赵六"}, map[int]string{2: ""}, "除李四、王五外看来已不在花名册上"},
		{"注：以上党员中除李四外均已转出", above, []string{"李四", "赵六"}, map[int]string{2: "", 4: ""}, "除李四外看来已不在花名册上"},
		{"说明：以上人员除李四同志之外，均已转出", above, []string{"李四", "赵六"}, map[int]string{2: "", 4: ""}, "除李四外看来已不在花名册上"},
		// the names before 除外
		{"注：以上党员均已转出，李四除外", above, []string{"李四", "赵六"}, map[int]string{2: "", 4: ""}, "除李四外看来已不在花名册上"},
		{"注：以上党员（李四、王五除外）均已转出", above, []string{"李四", "王五", "赵六"}, map[int]string{2: ""}, "除李四、王五外看来已不在花名册上"},
		// a kind, not a person: no row's name
		{"注：以上党员均已转出（预备党员除外）", above, []string{"赵六"}, map[int]string{
			2: "第5行的说明“注：以上党员均已转出（预备党员除外）”说除预备党员外都已离开，但它所说的各行中没有预备党员，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
			3: "第5行的说明“注：以上党员均已转出（预备党员除外）”说除预备党员外都已离开，但它所说的各行中没有预备党员，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
			4: "第5行的说明“注：以上党员均已转出（预备党员除外）”说除预备党员外都已离开，但它所说的各行中没有预备党员，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
		}, "说除预备党员外都已离开，但其上各行中没有预备党员"},
		{"注：以上党员均已转出（已故党员除外）", above, []string{"赵六"}, map[int]string{2: "", 3: "", 4: ""}, "其上各行（到上一个分组行或表头为止）看来已不在花名册上"},
		{"注：除李明外，以上党员均已转出", above, []string{"赵六"}, map[int]string{
			2: "第5行的说明“注：除李明外，以上党员均已转出”说除李明外都已离开，但它所说的各行中没有李明，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
			3: "第5行的说明“注：除李明外，以上党员均已转出”说除李明外都已离开，但它所说的各行中没有李明，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
			4: "第5行的说明“注：除李明外，以上党员均已转出”说除李明外都已离开，但它所说的各行中没有李明，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
		}, "说除李明外都已离开，但其上各行中没有李明，这些行未予导入（见未通过的行）：第2行（张三）、第3行（李四）、第4行（王五）；请改正说明中的姓名后再导入"},
		// 赵六 is below the note: no exception among the rows above.
		{"注：除赵六外，以上党员均已转出", above, []string{"赵六"}, map[int]string{
			2: "第5行的说明“注：除赵六外，以上党员均已转出”说除赵六外都已离开，但它所说的各行中没有赵六，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
			3: "第5行的说明“注：除赵六外，以上党员均已转出”说除赵六外都已离开，但它所说的各行中没有赵六，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
			4: "第5行的说明“注：除赵六外，以上党员均已转出”说除赵六外都已离开，但它所说的各行中没有赵六，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
		}, "但其上各行中没有赵六"},
		{"注：除王五外，以下党员均已转出", below, []string{"张三", "王五"}, map[int]string{
			4: "在分组行“注：除王五外，以下党员均已转出”之下，看来已不在花名册上（写着“转出”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之上后再导入",
		}, "其下各行（到下一个分组行为止）除王五外看来已不在花名册上，未予导入（见未通过的行）：第4行（李四）"},
		{"注：除张三外，以下党员均已转出", below, []string{"张三"}, map[int]string{
			4: "第3行的说明“注：除张三外，以下党员均已转出”说除张三外都已离开，但它所说的各行中没有张三，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
			5: "第3行的说明“注：除张三外，以下党员均已转出”说除张三外都已离开，但它所说的各行中没有张三，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
		}, "但其下各行中没有张三"},
		// No rows named as above or below: the whole sheet's.
		{"注：除李四外，其余党员均已转出", above, []string{"李四"}, map[int]string{
			2: "第5行的说明“注：除李四外，其余党员均已转出”说除李四外都已离开（写着“转出”），看来此人已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入",
			4: "第5行的说明“注：除李四外，其余党员均已转出”说除李四外都已离开（写着“转出”），看来此人已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入",
			6: "第5行的说明“注：除李四外，其余党员均已转出”说除李四外都已离开（写着“转出”），看来此人已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入",
		}, "表中除李四外的各行看来已不在花名册上，未予导入（见未通过的行）：第2行（张三）、第4行（王五）、第6行（赵六）"},
		{"注：除李明外均已转出", above, nil, map[int]string{
			2: "第5行的说明“注：除李明外均已转出”说除李明外都已离开，但表中没有李明，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
			3: "第5行的说明“注：除李明外均已转出”说除李明外都已离开，但表中没有李明，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
			4: "第5行的说明“注：除李明外均已转出”说除李明外都已离开，但表中没有李明，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
			6: "第5行的说明“注：除李明外均已转出”说除李明外都已离开，但表中没有李明，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
		}, "说除李明外都已离开，但表中没有李明，各行未予导入"},
	} {
		t.Run(tt.note, func(t *testing.T) {
			rows := tt.rows(tt.note)
			noteRow := slices.IndexFunc(rows, func(r []any) bool { return len(r) == 1 }) + 1
			rf := read(t, roster(t, rows))
			if got := storedNames(rf); !slices.Equal(got, tt.stored) {
				t.Errorf("stored %v, want %v", got, tt.stored)
			}
			got := map[int]string{}
			for _, r := range rf.Rejected {
				got[r.Row] = r.Reason
			}
			if len(got) != len(tt.refused) {
				t.Errorf("refused %v, want rows %v", got, tt.refused)
			}
			for row, want := range tt.refused {
				if want == "" {
					want = aboveReason(noteRow, tt.note)
				}
				if got[row] != want {
					t.Errorf("row %d refused %q, want %q", row, got[row], want)
				}
			}
			if line := noteOn(rf, noteRow); !strings.Contains(line, tt.line) {
				t.Errorf("line on the note %q, want it to hold %q", line, tt.line)
			}
		})
	}
}

// 注：李四等2人已转出 names one of two: the other may be any row, and none
// is imported silently — each row but 李四's (refused as named) is refused
// saying the note names 1 of 2 people, asking to name them or remove the
// rows. So for 等人 (no number) and a number in Chinese (等三名同志).
func TestNoteCountingMoreThanItNamesRefusesTheRowsItMayMean(t *testing.T) {
	named := func(note string) string {
		return "第5行的说明“" + note + "”说此人已离开（写着“转出”），看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入"
	}
	for _, tt := range []struct {
		note    string
		stored  []string
		refused map[int]string
		line    string // the second line on the note's row, "" for none
	}{
		{"注：李四等2人已转出", nil, map[int]string{
			2: "第5行的说明“注：李四等2人已转出”说2人已离开，只写出了1人（李四），此人可能是没有写出的一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
			3: named("注：李四等2人已转出"),
			4: "第5行的说明“注：李四等2人已转出”说2人已离开，只写出了1人（李四），此人可能是没有写出的一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
		}, "说明行“注：李四等2人已转出”：说2人已离开，只写出了1人的姓名（李四），看不出另外的人是谁，表中其余各行未予导入（见未通过的行）：第2行（张三）、第4行（王五）；请在说明中写出全部离开的人的姓名，或删去他们的行后再导入"},
		{"注：李四等人已转出", nil, map[int]string{
			2: "第5行的说明“注：李四等人已转出”说李四等人已离开，没有写出全部姓名，此人可能是其中一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
			3: named("注：李四等人已转出"),
			4: "第5行的说明“注：李四等人已转出”说李四等人已离开，没有写出全部姓名，此人可能是其中一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
		}, "说明行“注：李四等人已转出”：说李四等人已离开，没有写出全部姓名，看不出另外的人是谁，表中其余各行未予导入（见未通过的行）：第2行（张三）、第4行（王五）；请在说明中写出全部离开的人的姓名，或删去他们的行后再导入"},
		{"注：李四等三名同志转出", nil, map[int]string{
			2: "第5行的说明“注：李四等三名同志转出”说3人已离开，只写出了1人（李四），此人可能是没有写出的一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
			3: named("注：李四等三名同志转出"),
			4: "第5行的说明“注：李四等三名同志转出”说3人已离开，只写出了1人（李四），此人可能是没有写出的一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
		}, "说3人已离开，只写出了1人的姓名（李四）"},
		{"注：李四等2人已转出，王五已转出", nil, map[int]string{
			2: "第5行的说明“注：李四等2人已转出，王五已转出”说3人已离开，只写出了2人（李四、王五），此人可能是没有写出的一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
			3: named("注：李四等2人已转出，王五已转出"),
			4: named("注：李四等2人已转出，王五已转出"),
		}, "说3人已离开，只写出了2人的姓名（李四、王五）"},
		{"注：李四等十余人已转出", nil, map[int]string{
			2: "第5行的说明“注：李四等十余人已转出”说李四等人已离开，没有写出全部姓名，此人可能是其中一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
			3: named("注：李四等十余人已转出"),
			4: "第5行的说明“注：李四等十余人已转出”说李四等人已离开，没有写出全部姓名，此人可能是其中一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
		}, "说李四等人已离开，没有写出全部姓名"},
		{"注：李四、王五等已转出", nil, map[int]string{
			2: "第5行的说明“注：李四、王五等已转出”说李四、王五等人已离开，没有写出全部姓名，此人可能是其中一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
			3: named("注：李四、王五等已转出"),
			4: named("注：李四、王五等已转出"),
		}, "说李四、王五等人已离开，没有写出全部姓名"},
		// As many names as it counts: those alone.
		{"注：李四、王五等2人已转出", []string{"张三"}, map[int]string{
			3: named("注：李四、王五等2人已转出"),
			4: named("注：李四、王五等2人已转出"),
		}, ""},
	} {
		t.Run(tt.note, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), hxMember("王五", "051"), {tt.note}}))
			if got := storedNames(rf); !slices.Equal(got, tt.stored) {
				t.Errorf("stored %v, want %v", got, tt.stored)
			}
			got := map[int]string{}
			for _, r := range rf.Rejected {
				got[r.Row] = r.Reason
			}
			if len(got) != len(tt.refused) {
				t.Errorf("refused %v, want rows %v", got, tt.refused)
			}
			for row, want := range tt.refused {
				if got[row] != want {
					t.Errorf("row %d refused %q, want %q", row, got[row], want)
				}
			}
			lines := strings.Split(noteOn(rf, 5), "\n")
			if tt.line == "" && len(lines) != 1 || tt.line != "" && (len(lines) != 2 || !strings.Contains(lines[1], tt.line)) {
				t.Errorf("lines on the note %q, want a second holding %q", lines, tt.line)
			}
		})
	}
}

// A note over the rows above or below it that neither says in words read
// here that they left nor that they are still here refuses them, naming
// its row and text, and asking to delete the note if they are members or
// the rows if not. Notes plainly about something else — who the people
// are, their data, their dues, a count — import their rows as before.
func TestNoteOverRowsNotSayingTheyAreHereRefusesThem(t *testing.T) {
	for _, tt := range []struct {
		note    string
		refused string // "above", "below" or "" for both stored
	}{
		{"注：以上同志已赴外地工作", "above"},
		{"说明：上述人员已回原籍", "above"},
		{"注：以上人员已不再参加本支部活动", "above"},
		{"注：以下人员已回原单位", "below"},
		{"注：下列同志已赴新单位", "below"},
		// after a number or a clause saying how it was found
		{"注：经核实，以上同志已赴外地工作", "above"},
		{"说明：1.以上人员已回原籍", "above"},
		// who they are
		{"注：以上党员均为在职职工", ""},
		{"注：以下为预备党员", ""},
		{"注：以下为在册党员", ""},
		{"注：以上均为离退休党员", ""},
		{"注：以下党员组织关系已转入本支部", ""},
		{"注：以上同志均为中共党员", ""},
		{"注：以上为我支部党员", ""},
		// a field of their records, how a value is read
		{"注：以上人员学历为最高学历", ""},
		{"注：以上人员年龄计算至2026年6月", ""},
		{"注：以上数据以身份证为准", ""},
		{"说明：1.以上人员已核对", ""},
		{"注：经核实，以上人员均为在职职工", ""},
		{"注：以上人员排名不分先后", ""},
		{"注：以上内容属实", ""},
		{"注：以上表格请于6月30日前报送", ""},
		// their data, dues and counts, the table's end
		{"注：以上数据截至2026年6月", ""},
		{"注：以上人员党费已交至2026年6月", ""},
		{"注：以上信息已核对", ""},
		{"注：以上共计1人", ""},
		{"注：以下空白", ""},
		// leaving said not to have happened
		{"注：以下人员组织关系未转出", ""},
		{"注：以上为待转出党员", ""},
	} {
		t.Run(tt.note, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{hxHeading, hxMember("张三", "011"), {tt.note}, hxMember("李四", "031")}))
			got := refusedRows(rf)
			switch tt.refused {
			case "":
				if s := storedNames(rf); !slices.Equal(s, []string{"张三", "李四"}) || len(got) != 0 {
					t.Errorf("stored %v, refused %v, want both stored", s, got)
				}
			case "above":
				want := "张三 姓名：在第3行的说明“" + tt.note + "”之上：这一说明说的是其上各行，却没有说他们仍在册，这一行未导入：仍是党员的，请删去这一说明后再导入；已离开的，请删去这一行"
				if s := storedNames(rf); !slices.Equal(s, []string{"李四"}) || len(got) != 1 || got[2] != want {
					t.Errorf("stored %v, refused %v, want 张三 refused: %q", s, got, want)
				}
				line := "说明行“" + tt.note + "”：说的是其上各行（到上一个分组行或表头为止），却没有说他们仍在册，这些行未予导入（见未通过的行）：第2行（张三）；仍是党员的，请删去这一说明后再导入，已离开的请删去这些行"
				if noteOn(rf, 3) != line {
					t.Errorf("line %q, want %q", noteOn(rf, 3), line)
				}
			case "below":
				want := "李四 姓名：在第3行的说明“" + tt.note + "”之下：这一说明说的是其下各行，却没有说他们仍在册，这一行未导入：仍是党员的，请删去这一说明后再导入；已离开的，请删去这一行"
				if s := storedNames(rf); !slices.Equal(s, []string{"张三"}) || len(got) != 1 || got[4] != want {
					t.Errorf("stored %v, refused %v, want 李四 refused: %q", s, got, want)
				}
				line := "说明行“" + tt.note + "”：说的是其下各行（到下一个分组行为止），却没有说他们仍在册，这些行未予导入（见未通过的行）：第4行（李四）；仍是党员的，请删去这一说明后再导入，已离开的请删去这些行"
				if noteOn(rf, 3) != line {
					t.Errorf("line %q, want %q", noteOn(rf, 3), line)
				}
			}
		})
	}
}

// A name in a note ends where the sentence goes on — 拟, 将, 准备, 未 … as
// 已, 于, 同志, 等 do: 李四拟2026年转出 was said to name “李四拟”, whom the
// sheet does not have, and a leaving yet to come is said as one, its
// person imported.
func TestNoteNameEndsBeforeTheWordsAfterIt(t *testing.T) {
	for _, tt := range []struct {
		note   string
		stored []string
		line   string // the line on the note, exactly
	}{
		{"注：李四拟2026年转出", []string{"张三", "李四", "王五"},
			"说明行“注：李四拟2026年转出”：说的是还没有发生的离开（写着“转出”），所说的人照常导入；离开后请在其个人页“登记变动”或“开具介绍信”"},
		{"注：李明准备2026年转出", []string{"张三", "李四", "王五"},
			"说明行“注：李明准备2026年转出”：说的是还没有发生的离开（写着“转出”），所说的人照常导入；离开后请在其个人页“登记变动”或“开具介绍信”"},
		{"注：李四将于2026年转出，王五已转出", []string{"张三", "李四"},
			"说明行“注：李四将于2026年转出，王五已转出”：写着“转出”，所说的人未予导入（见未通过的行）：第4行（王五）；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”"},
		{"注：王五于2025年转出，李明拟于2026年转出", []string{"张三", "李四"},
			"说明行“注：王五于2025年转出，李明拟于2026年转出”：写着“转出”，所说的人未予导入（见未通过的行）：第4行（王五）；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”"},
		{"注：李明已于2025年转出", []string{"张三", "李四", "王五"},
			"说明行“注：李明已于2025年转出”：写着“转出”，但表中没有找到李明；这一行是说明，不是党员，未导入"},
	} {
		t.Run(tt.note, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), hxMember("王五", "051"), {tt.note}}))
			if got := storedNames(rf); !slices.Equal(got, tt.stored) {
				t.Errorf("stored %v, want %v", got, tt.stored)
			}
			if got := noteOn(rf, 5); got != tt.line {
				t.Errorf("line %q, want %q", got, tt.line)
			}
		})
	}
}

// A note written otherwise than 注：/说明： — 注释：, 附：, 注1：, *注：, in
// brackets, its colon left out — or pointing at the table as a whole
// (上表人员, 表中人员, 本表人员) is read as one: each was a group's title
// at the foot of the table or a note naming no one, and the people above
// stored as current members. A note about the whole table refuses every
// row, unless it says what they are (均为在职职工) or of their data.
func TestNoteWrittenOtherwiseOrOverTheWholeTable(t *testing.T) {
	above := func(note string) string {
		return "在第5行的说明“" + note + "”之上，看来已不在花名册上（写着“转出”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之下后再导入"
	}
	for _, tt := range []struct {
		note, title string // the cell, the note as quoted
		reason      string // each row's, "" for stored
	}{
		{"注释：以上党员已转出", "", above("注释：以上党员已转出")},
		{"附：以上党员已转出", "", above("附：以上党员已转出")},
		{"注1：以上党员已转出", "", above("注1：以上党员已转出")},
		{"*注：以上党员已转出", "", above("*注：以上党员已转出")},
		{"（注：以上党员已转出）", "", above("（注：以上党员已转出）")},
		{"注 以上党员已转出", "注以上党员已转出", above("注以上党员已转出")},
		{"注：上表人员已转出", "", above("注：上表人员已转出")},
		{"注：表中人员均已转出", "", "第5行的说明“注：表中人员均已转出”说表中的人都已离开（写着“转出”），看来此人已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入"},
		{"注：本表人员已赴外地", "", "第5行的说明“注：本表人员已赴外地”说的是表中各行，却没有说他们仍在册，这一行未导入：仍是党员的，请删去这一说明后再导入；已离开的，请删去这一行"},
		{"注：本表人员均为在职职工", "", ""},
		{"注：全体党员党费已交至2026年6月", "", ""},
	} {
		t.Run(tt.note, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), hxMember("王五", "051"), {tt.note}}))
			got := map[int]string{}
			for _, r := range rf.Rejected {
				got[r.Row] = r.Reason
			}
			if tt.reason == "" {
				if s := storedNames(rf); len(s) != 3 || len(got) != 0 {
					t.Errorf("stored %v, refused %v, want all three stored", s, got)
				}
				return
			}
			if s := storedNames(rf); len(s) != 0 {
				t.Errorf("stored %v, want none", s)
			}
			for row := 2; row <= 4; row++ {
				if got[row] != tt.reason {
					t.Errorf("row %d refused %q, want %q", row, got[row], tt.reason)
				}
			}
			title := tt.title
			if title == "" {
				title = tt.note
			}
			if line := noteOn(rf, 5); !strings.HasPrefix(line, "说明行“"+title+"”：") || !strings.Contains(line, "第2行（张三）、第3行（李四）、第4行（王五）") {
				t.Errorf("line %q, want the note's listing the three", line)
			}
		})
	}
}
