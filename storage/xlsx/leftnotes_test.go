package xlsx

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"branchledger/model"
)

// The rosters of review s13-hx (#3, #7, #9, #12, #16) and s13-reattack
// (#9): a heading row, members, and a row or note saying who has left —
// the people below it, the people above it, or by name — typed in
// column A alone, in another column, or beside a count. Each was passed
// over and the leavers stored as current members.

// hxHeading is the reviews' heading row; hxMember a member of it, the
// branch and party dates each test asserts stored.
var hxHeading = []any{"姓名", "性别", "身份证号", "所在党支部", "入党时间", "转正时间"}

func hxMember(name, seq string) []any {
	return []any{name, "男", idNumber("19800101", seq), "第一党支部", "2003-05", "2004-05"}
}

// stored is each member imported, with the values stored: 张三 第一党支部
// 2003-05 2004-05 正式党员.
func stored(rf *RosterFile) string {
	var out []string
	for _, m := range rf.Members {
		out = append(out, fmt.Sprintf("%s %s %s %s %s", m.Member.Name, m.Member.BranchName, m.Member.JoinDate, m.Member.FullDate, m.Member.Category))
	}
	return strings.Join(out, "; ")
}

// refusedRows is each refused row with its reasons: 4 李四: 姓名：….
func refusedRows(rf *RosterFile) map[int]string {
	out := map[int]string{}
	for _, r := range rf.Rejected {
		out[r.Row] += fmt.Sprintf("%s %s：%s", r.Name, r.Field.Label(), r.Reason)
	}
	return out
}

// noteOn is the notes on row n, joined.
func noteOn(rf *RosterFile, n int) string {
	var out []string
	for _, note := range rf.Notes {
		if note.Row == n {
			out = append(out, note.Message)
		}
	}
	return strings.Join(out, "\n")
}

func full(name string) string {
	return name + " 第一党支部 2003-05 2004-05 正式党员"
}

// 注：以上党员已转出, a footnote under a list, refuses the rows above it up
// to the group row or heading before it, naming the note and its row; the
// rows under it are read as before (review s13-hx #9).
func TestNoteOnThePeopleAboveRefusesThem(t *testing.T) {
	refusal := func(row int, note, word string) string {
		return "在第" + fmt.Sprint(row) + "行的说明“" + note + "”之上，看来已不在花名册上（写着“" + word + "”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之下后再导入"
	}
	for _, tt := range []struct {
		name    string
		rows    [][]any
		stored  string
		refused map[int]string // row → name and reason
		noteRow int
		people  string
	}{
		{"以上 over two, one below", [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), {"注：以上党员已转出"}, hxMember("王五", "051")},
			full("王五"), map[int]string{2: "张三", 3: "李四"}, 4, "第2行（张三）、第3行（李四）"},
		{"以上两名, the last row", [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), {"注：以上两名党员已于2025年转出"}},
			"", map[int]string{2: "张三", 3: "李四"}, 4, "第2行（张三）、第3行（李四）"},
		{"up to the group row before it", [][]any{hxHeading, {"第一党小组"}, hxMember("张三", "011"), {"第二党小组"}, hxMember("李四", "031"), {"说明：以上人员已调离本单位"}, hxMember("王五", "051")},
			full("张三") + "; " + full("王五"), map[int]string{5: "李四"}, 6, "第5行（李四）"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, tt.rows))
			if got := stored(rf); got != tt.stored {
				t.Errorf("stored %q, want %q", got, tt.stored)
			}
			note := tt.rows[tt.noteRow-1][0].(string)
			word := sectionLeftWord(note)
			got := refusedRows(rf)
			for row, who := range tt.refused {
				if want := who + " 姓名：" + refusal(tt.noteRow, note, word); got[row] != want {
					t.Errorf("row %d refused %q, want %q", row, got[row], want)
				}
			}
			if len(got) != len(tt.refused) {
				t.Errorf("refused %v, want rows %v", got, tt.refused)
			}
			if want := "说明行“" + note + "”：写着“" + word + "”，其上各行（到上一个分组行或表头为止）看来已不在花名册上，未予导入（见未通过的行）：" + tt.people + "；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请移到这一行之下后再导入"; noteOn(rf, tt.noteRow) != want {
				t.Errorf("note on row %d\n%s\nwant\n%s", tt.noteRow, noteOn(rf, tt.noteRow), want)
			}
		})
	}
}

// A note naming who left (注：李四已于2025年3月转出), above, below or after
// the table, refuses the named people's rows wherever they are, quoting
// the note and its row; a name not in the sheet is said (review s13-hx
// #7: 李四 was stored as a current member, the note passed in silence).
// Without 注：, a row naming one person refuses that person, not the
// rows under it (s13-reattack #9, f20).
func TestNoteNamingWhoLeftRefusesThem(t *testing.T) {
	for _, tt := range []struct {
		name    string
		rows    [][]any
		stored  string
		refused map[int]string
		noteRow int
		note    string
	}{
		{"between", [][]any{hxHeading, hxMember("张三", "011"), {"注：李四已于2025年3月转出"}, hxMember("李四", "031")},
			full("张三"), map[int]string{4: "李四"}, 3, "所说的人未予导入（见未通过的行）：第4行（李四）；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”"},
		{"after the table", [][]any{hxHeading, hxMember("李四", "031"), hxMember("张三", "011"), {"注：李四已于2025年3月转出"}},
			full("张三"), map[int]string{2: "李四"}, 4, "所说的人未予导入（见未通过的行）：第2行（李四）；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”"},
		{"two names", [][]any{hxHeading, hxMember("张三", "011"), {"注：李四、王五已于2025年3月转出"}, hxMember("李四", "031"), hxMember("王五", "051")},
			full("张三"), map[int]string{4: "李四", 5: "王五"}, 3, "所说的人未予导入（见未通过的行）：第4行（李四）、第5行（王五）；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”"},
		{"a name not in the sheet", [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), {"注：李四、赵六同志已于2025年3月转出"}},
			full("张三"), map[int]string{3: "李四"}, 4, "所说的人未予导入（见未通过的行）：第3行（李四）；表中没有找到赵六；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”"},
		{"no name in the sheet", [][]any{hxHeading, hxMember("张三", "011"), {"注：赵六已于2025年3月转出"}, hxMember("李四", "031")},
			full("张三") + "; " + full("李四"), map[int]string{}, 3, "但表中没有找到赵六；这一行是说明，不是党员，未导入"},
		{"one among those above", [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), {"注：以上人员中，李四已于2025年3月转出"}},
			full("张三"), map[int]string{3: "李四"}, 4, "所说的人未予导入（见未通过的行）：第3行（李四）；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”"},
		// 赵丽 is not the 赵丽华 the note names (review nu8 N1).
		{"a sheet's name inside a longer one", [][]any{hxHeading, hxMember("赵丽", "011"), hxMember("李四", "031"), {"注：赵丽华已转出，孙丽华为新任组织委员"}},
			full("赵丽") + "; " + full("李四"), map[int]string{}, 4, "但表中没有找到赵丽华；这一行是说明，不是党员，未导入"},
		{"both the shorter and the longer named", [][]any{hxHeading, hxMember("赵丽", "011"), hxMember("李四", "031"), {"注：赵丽、赵丽华已转出"}},
			full("李四"), map[int]string{2: "赵丽"}, 4, "所说的人未予导入（见未通过的行）：第2行（赵丽）；表中没有找到赵丽华；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”"},
		{"the shorter with 同志", [][]any{hxHeading, hxMember("赵丽", "011"), hxMember("李四", "031"), {"注：赵丽同志已转出"}},
			full("李四"), map[int]string{2: "赵丽"}, 4, "所说的人未予导入（见未通过的行）：第2行（赵丽）；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”"},
		{"without 注：", [][]any{hxHeading, hxMember("张三", "011"), {"李四同志已于2025年3月转出"}, hxMember("李四", "031"), hxMember("王五", "051")},
			full("张三") + "; " + full("王五"), map[int]string{4: "李四"}, 3, "所说的人未予导入（见未通过的行）：第4行（李四）；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, tt.rows))
			if got := stored(rf); got != tt.stored {
				t.Errorf("stored %q, want %q", got, tt.stored)
			}
			note := tt.rows[tt.noteRow-1][0].(string)
			got := refusedRows(rf)
			for row, who := range tt.refused {
				if want := who + " 姓名：第" + fmt.Sprint(tt.noteRow) + "行的说明“" + note + "”说此人已离开（写着“转出”），看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入"; got[row] != want {
					t.Errorf("row %d refused %q, want %q", row, got[row], want)
				}
			}
			if len(got) != len(tt.refused) {
				t.Errorf("refused %v, want rows %v", got, tt.refused)
			}
			if want := "说明行“" + note + "”：写着“转出”，" + tt.note; !strings.Contains(noteOn(rf, tt.noteRow), want) {
				t.Errorf("note on row %d\n%s\nwant\n%s", tt.noteRow, noteOn(rf, tt.noteRow), want)
			}
		})
	}
}

// A row saying the people below left is one wherever its one text sits:
// in another column unmerged, in the 姓名 column with 序号 empty, or
// beside a count (已转出党员 | … | 共1人). Each was read as a nameless
// member (or one named 已转出党员), and with --skip-invalid the people
// below stored (review s13-hx #3, s13-reattack #9). It is never reported
// as a person.
func TestRowSayingTheyLeftWhereverItsTextSits(t *testing.T) {
	head := []any{"序号", "姓名", "性别", "身份证号", "所在党支部", "入党时间", "转正时间", "备注"}
	member := func(n, name, seq string) []any {
		return []any{n, name, "男", idNumber("19800101", seq), "第一党支部", "2003-05", "2004-05"}
	}
	for _, tt := range []struct {
		name  string
		row   []any
		title string
	}{
		{"column E, unmerged", []any{nil, nil, nil, nil, "注：以下党员已转出"}, "注：以下党员已转出"},
		{"the 姓名 column, 序号 empty", []any{"", "已转出党员"}, "已转出党员"},
		{"a count in 备注", []any{"已转出党员", nil, nil, nil, nil, nil, nil, "共1人"}, "已转出党员"},
		{"a 序号 and a count", []any{"二", "已故党员", nil, nil, nil, nil, nil, "（1人）"}, "已故党员"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{head, member("1", "张三", "011"), tt.row, member("2", "李四", "031")}))
			if got := stored(rf); got != full("张三") {
				t.Errorf("stored %q, want 张三 alone", got)
			}
			word := sectionLeftWord(tt.title)
			got := refusedRows(rf)
			want := "李四 姓名：在分组行“" + tt.title + "”之下，看来已不在花名册上（写着“" + word + "”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之上后再导入"
			if len(got) != 1 || got[4] != want {
				t.Errorf("refused %v, want row 4 %q", got, want)
			}
			if !strings.HasPrefix(noteOn(rf, 3), "分组行“"+tt.title+"”：写着“"+word+"”，其下各行") {
				t.Errorf("note on row 3: %q", noteOn(rf, 3))
			}
		})
	}
}

// The words of review s13-hx #3 and #12, in column A alone as the review
// typed them: each refuses the people under it. A note that the people
// below are members who lost contact or stopped taking part in the
// branch's life keeps them, as RULES.md keeps them on the roster (是否失
// 联党员 is a field of a member's record; 党章 art. 9 is for the branch to
// apply), and says so; so does one saying they came here (转至本支部).
func TestWordsSayingThePeopleBelowLeft(t *testing.T) {
	for _, tt := range []struct {
		title string
		word  string // "" for members
		note  string // the note on row 3 starts so
	}{
		{"已过世", "过世", ""},
		{"注：以下党员已过世", "过世", ""},
		{"以下党员已转到外单位", "转到", ""},
		{"注：以下党员已转至外省", "转至", ""},
		{"注：以下党员组织关系已转往他处", "转往", ""},
		{"注：以下党员已离开本单位", "已离开", ""},
		{"注：以下党员已不在本支部", "不在本", ""},
		// A statement that ends as a branch's name does is no branch's
		// title (review s14-reattack7 #1).
		{"已不在本支部", "不在本", ""},
		// Everyday words of leaving and dying outside the list (review
		// s14-reattack7 #17).
		{"注：以下党员已离世", "离世", ""},
		{"注：以下党员已辞世", "辞世", ""},
		{"注：以下党员已牺牲", "牺牲", ""},
		{"注：以下党员已迁走", "迁走", ""},
		{"注：以下党员组织关系已移交", "移交", ""},
		{"注：以下党员已转移组织关系", "转移组织关系", ""},
		{"注：以下党员已移居国外", "移居国外", ""},
		{"注：以下党员已交回组织关系", "交回组织关系", ""},
		{"已离世党员", "离世", ""},
		{"已划转党员", "划转", ""},
		{"离世党员名单", "离世", ""},
		{"已减员", "减员", ""},
		{"不在本支部", "不在本", ""},
		{"已转至区委党支部", "转至", ""},
		{"已经调离机关党委", "调离", ""},
		{"已转到第三党支部", "转到", ""},
		// review s14-reattack7 re-check #1
		{"已转离本支部", "转离", ""},
		// review s14-reattack7 at b656fa3: #17, #19 rest
		{"注：以下党员组织关系已转", "关系已转", ""},
		{"减少党员", "减少", ""},
		{"注：以下为减少党员", "减少", ""},
		{"注：以下党员组织关系已转入本支部", "", "说明行“注：以下党员组织关系已转入本支部”：是说明，不是党员，未导入；其下各行照常导入"},
		{"不在册党员", "不在册", ""},
		{"注：以下党员已不在册", "不在册", ""},
		{"已不在册", "不在册", ""},
		{"注：以下党员已出国定居", "出国定居", ""},
		{"注：以下党员已被取消预备党员资格", "取消预备党员资格", ""},
		{"注：以下党员已经转出本支部", "转出", ""},
		{"以下党员已退休并转至社区", "转至", ""},
		{"自行脱党人员", "脱党", ""},
		{"以下党员已调走", "调走", ""},
		{"注：下面的党员已经转出", "转出", ""},
		{"注：以下党员已停止组织生活", "", "说明行“注：以下党员已停止组织生活”：这些党员仍在花名册上，其下各行照常导入"},
		{"注：以下党员已失联", "", "说明行“注：以下党员已失联”：失联党员仍在花名册上，其下各行照常导入，但没有记为失联党员"},
		{"注：以下党员由外单位转至本支部", "", "说明行“注：以下党员由外单位转至本支部”：是说明，不是党员，未导入；其下各行照常导入"},
		{"注：今年已转出3人", "", "说明行“注：今年已转出3人”：写着“转出”，但没有说是哪些人，表中各行照常导入"},
		{"注：以下党员已转出（含预备党员1名）", "转出", ""},
		{"注：以下党员已转出（其中1名为预备党员）", "转出", ""},
		{"组织关系转出中", "", "分组行“组织关系转出中”：是分组的标题，不是党员，未导入；它没有说其下的人已离开，其下各行照常导入"},
		{"历史遗留：党员组织关系待接转", "", "分组行“历史遗留：党员组织关系待接转”：是分组的标题，不是党员，未导入；它没有说其下的人已离开"},
		{"以下人员组织关系未转出", "", "分组行“以下人员组织关系未转出”：是分组的标题，不是党员，未导入"},
		{"注：以下党员组织关系转出中", "", "说明行“注：以下党员组织关系转出中”：是说明，不是党员，未导入；其下各行照常导入"},
		{"注：以下党员已于2025年3月经上级党委批准转出本支部，组织关系已转至XX街道党工委，党费交至2025年3月", "转出", ""},
	} {
		t.Run(tt.title, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{hxHeading, hxMember("张三", "011"), {tt.title}, hxMember("李四", "031")}))
			got := refusedRows(rf)
			if tt.word == "" {
				if s := stored(rf); s != full("张三")+"; "+full("李四") || len(got) != 0 {
					t.Errorf("stored %q, refused %v, want both stored", s, got)
				}
				if !strings.HasPrefix(noteOn(rf, 3), tt.note) {
					t.Errorf("note on row 3 %q, want %q…", noteOn(rf, 3), tt.note)
				}
				return
			}
			if s := stored(rf); s != full("张三") {
				t.Errorf("stored %q, want 张三 alone", s)
			}
			want := "李四 姓名：在分组行“" + tt.title + "”之下，看来已不在花名册上（写着“" + tt.word + "”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之上后再导入"
			if len(got) != 1 || got[4] != want {
				t.Errorf("refused %v, want row 4 %q", got, want)
			}
		})
	}
}

// A note that the people below are members (注：以下为在册党员, 说明：以
// 下为在职党员) ends the leavers above it: 王五 under it was refused as
// having left (review s13-hx #16).
func TestNoteSayingThePeopleBelowAreMembersEndsTheLeavers(t *testing.T) {
	for _, tt := range [][2]string{
		{"注：以下党员已转出", "注：以下为在册党员"},
		{"已转出党员", "说明：以下为在职党员"},
	} {
		t.Run(tt[1], func(t *testing.T) {
			rf := read(t, roster(t, [][]any{hxHeading, hxMember("张三", "011"), {tt[0]}, hxMember("李四", "031"), {tt[1]}, hxMember("王五", "051")}))
			if got := stored(rf); got != full("张三")+"; "+full("王五") {
				t.Errorf("stored %q, want 张三 and 王五", got)
			}
			if got := refusedRows(rf); len(got) != 1 || !strings.HasPrefix(got[4], "李四 姓名：在分组行“"+tt[0]+"”之下") {
				t.Errorf("refused %v, want 李四 alone", got)
			}
			if want := "说明行“" + tt[1] + "”：其下各行为在册党员，照常导入；分组行“" + tt[0] + "”所说离开的人员到此为止"; noteOn(rf, 5) != want {
				t.Errorf("note on row 5 %q, want %q", noteOn(rf, 5), want)
			}
		})
	}
}

// A group row naming a branch gives it to the members under it whose 所
// 在党支部 is empty, and says so; one saying the branch is no more (已撤
// 销, 已合并至…, in any brackets) gives none, and those members are
// refused to have their branch filled in. 第二党支部【已撤销】 was read as
// a member; under the others 李四 was stored without a branch (review
// s13-hx #8).
func TestGroupRowGivesTheBranchOfAnEmptyCell(t *testing.T) {
	blank := func(name, seq string) []any {
		return []any{name, "男", idNumber("19800101", seq), nil, "2003-05", "2004-05"}
	}
	for _, tt := range []struct {
		title  string
		branch string // stored for 李四, "" when refused
		gone   string
	}{
		{"第二党支部", "第二党支部", ""},
		{"第二党支部（含已转出党员）", "第二党支部", ""},
		{"一、第二党支部（3人）", "第二党支部", ""},
		{"第二党支部【已撤销】", "", "撤销"},
		{"第二党支部（已撤销）", "", "撤销"},
		{"第二党支部（已合并至第一党支部）", "", "合并"},
	} {
		t.Run(tt.title, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{hxHeading, hxMember("张三", "011"), {tt.title}, blank("李四", "031"), hxMember("王五", "051")}))
			got := refusedRows(rf)
			if tt.gone == "" {
				want := full("张三") + "; 李四 " + tt.branch + " 2003-05 2004-05 正式党员; " + full("王五")
				if s := stored(rf); s != want || len(got) != 0 {
					t.Fatalf("stored %q, refused %v; want %q", s, got, want)
				}
				if i := slices.IndexFunc(rf.Members, func(m ImportedRow) bool { return m.Row == 4 }); rf.Members[i].BranchFrom != "分组行" {
					t.Errorf("李四's branch from %q, want 分组行", rf.Members[i].BranchFrom)
				}
				if want := "所在党支部为空的记为“" + tt.branch + "”"; !strings.Contains(noteOn(rf, 3), want) {
					t.Errorf("note on row 3 %q, want …%s", noteOn(rf, 3), want)
				}
				return
			}
			if s := stored(rf); s != full("张三")+"; "+full("王五") {
				t.Errorf("stored %q, want 张三 and 王五 (his own cell)", s)
			}
			title := strings.TrimPrefix(tt.title, "一、")
			if want := "李四 所在党支部：所在党支部为空，其上的分组行“" + title + "”写着“" + tt.gone + "”：请填写此人现在的所在党支部后再导入"; len(got) != 1 || got[4] != want {
				t.Errorf("refused %v, want row 4 %q", got, want)
			}
		})
	}
	// Without the column, the same.
	rf := read(t, roster(t, [][]any{
		{"姓名", "性别", "身份证号", "入党时间", "转正时间"},
		{"第二党支部（已撤销）"},
		{"李四", "男", idNumber("19800101", "031"), "2003-05", "2004-05"},
		{"第三党支部（含预备党员1名）"},
		{"王五", "男", idNumber("19800101", "051"), "2003-05", "2004-05"},
	}))
	if s := stored(rf); s != "王五 第三党支部 2003-05 2004-05 正式党员" {
		t.Errorf("without the column: stored %q", s)
	}
	if got := refusedRows(rf); len(got) != 1 || !strings.Contains(got[3], "分组行“第二党支部（已撤销）”写着“撤销”") {
		t.Errorf("without the column: refused %v", got)
	}
}

// The workbook of refused rows keeps the row or note saying they left,
// where it says it, so that re-imported as is it refuses them again: the
// notes were left out and the copy stored the leavers as current members.
func TestRefusedLeaversComeBackWithTheirNote(t *testing.T) {
	blank := []any{"李四", "男", idNumber("19800101", "031"), nil, "2003-05", "2004-05"}
	for _, tt := range []struct {
		name string
		rows [][]any
		why  string
	}{
		{"below", [][]any{hxHeading, hxMember("张三", "011"), {"注：以下党员已转出"}, hxMember("李四", "031")}, "在分组行“注：以下党员已转出”之下"},
		{"above", [][]any{hxHeading, hxMember("李四", "031"), {"注：以上党员已转出"}, hxMember("张三", "011")}, "的说明“注：以上党员已转出”之上"},
		{"named", [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), {"注：李四已于2025年3月转出"}}, "的说明“注：李四已于2025年3月转出”说此人已离开"},
		{"count", [][]any{hxHeading, hxMember("张三", "011"), {"已转出党员", nil, nil, nil, nil, "共1人"}, hxMember("李四", "031")}, "在分组行“已转出党员”之下"},
		{"gone branch", [][]any{hxHeading, hxMember("张三", "011"), {"第二党支部（已撤销）"}, blank}, "其上的分组行“第二党支部（已撤销）”写着“撤销”"},
		// Brief k7: a note over rows that does not say they are here, one
		// naming fewer people than it counts.
		{"unsure", [][]any{hxHeading, hxMember("李四", "031"), {"注：以上同志已赴外地工作"}, hxMember("张三", "011")}, "的说明“注：以上同志已赴外地工作”之上：这一说明说的是其上各行"},
		{"counted", [][]any{hxHeading, hxMember("李四", "031"), {"注：王五等2人已转出"}}, "的说明“注：王五等2人已转出”说2人已离开，只写出了1人（王五）"},
		// The copy has no 张三, whom the note excepts: it cannot tell who
		// stayed, and says so.
		{"except", [][]any{hxHeading, hxMember("李四", "031"), hxMember("张三", "011"), {"注：除张三外，以上党员均已转出"}}, "说除张三外都已离开，但它所说的各行中没有张三"},
		{"whole table", [][]any{hxHeading, hxMember("李四", "031"), {"注：表中人员均已转出"}}, "的说明“注：表中人员均已转出”说表中的人都已离开"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := roster(t, tt.rows)
			rf := read(t, data)
			if len(rf.Rejected) != 1 || rf.Rejected[0].Name != "李四" {
				t.Fatalf("refused %+v, want 李四", rf.Rejected)
			}
			var buf bytes.Buffer
			if n, err := WriteRejectedRows(&buf, data, rf.Rejected, nil); err != nil || n != 1 {
				t.Fatalf("copy: %d, %v", n, err)
			}
			again := read(t, buf.Bytes())
			if len(again.Members) != 0 {
				t.Errorf("the copy stored %q", stored(again))
			}
			if len(again.Rejected) != 1 || again.Rejected[0].Name != "李四" || !strings.Contains(again.Rejected[0].Reason, tt.why) {
				t.Errorf("the copy refused %+v, want 李四 …%s", again.Rejected, tt.why)
			}
		})
	}
}

// A member's remark carried on alone in 备注 on the next row is no row of
// leavers (TestRemarkSayingLeftIsNoSectionRow has it merged into the
// member); nor is a name alone with 序号 and a count-like cell.
func TestNoteTextIsNoMembersRow(t *testing.T) {
	h := header{width: 8, cols: []column{{field: model.FieldName, index: 1}, {field: model.FieldNotes, index: 7}}}
	sr := &sheetReader{}
	for cells, want := range map[string]noteKind{
		"|||||||已转出":                  noteNone,
		"||||注：以下党员已转出":               noteBelow,
		"1|张三":                        noteNone,
		"1|张三|男|620102|||||":          noteNone,
		"|已故党员||||||（2人）":             noteBelow,
		"|以上党员已调走":                    noteAbove,
		"|李四已于2025年去世":                noteNamed,
		"|（已故）":                       noteNone,
		"||||620102198001010315|已故":   noteNone,
		"|||620102198001010315|||已故|": noteNone,
	} {
		if got := h.leaverNote(sr, 3, strings.Split(cells, "|")).kind; got != want {
			t.Errorf("%s: %v, want %v", cells, got, want)
		}
	}
}
