package xlsx

import (
	"slices"
	"testing"

	"branchledger/model"
)

// 停止党籍 in a member's own 备注 is the member's 党籍状态 (RULES.md §4: a
// field of the record): it was passed over and the member stored as 正常
// without a word (review s14-reattack7 #8). Stored 停止党籍 with a line
// saying so; a 党籍状态 column saying 正常 beside it refuses the row; a
// 恢复党籍 after it, or 未/拟 before it, leave the standing as it was.
func TestSuspensionInOwnRemarksIsTheStanding(t *testing.T) {
	const said = "李四：备注中写着“停止党籍”，党籍状态记为“停止党籍”"
	for _, tt := range []struct {
		name     string
		standing string // the 党籍状态 column's cell; "-" for no column
		notes    string
		want     model.Standing // "" for the row refused
		note     string         // the line on row 3
		refusal  string
	}{
		{"alone", "-", "停止党籍", model.StandingSuspended, said, ""},
		{"dated", "-", "2024年3月已被停止党籍", model.StandingSuspended, said, ""},
		{"restored after", "-", "2023年停止党籍，2024年恢复党籍", model.StandingNormal, "", ""},
		{"planned", "-", "拟停止党籍", model.StandingNormal, "", ""},
		{"not", "-", "未停止党籍", model.StandingNormal, "", ""},
		{"column agrees", "停止党籍", "2024年停止党籍", model.StandingSuspended, "", ""},
		{"column empty", "", "停止党籍", model.StandingSuspended, said, ""},
		{"column says 正常", "正常", "停止党籍", "", "", "李四 备注：备注中写着“停止党籍”，党籍状态却为“正常”：请改正其中之一后再导入"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			heading := []any{"姓名", "性别", "身份证号", "所在党支部", "入党时间", "转正时间", "备注"}
			zhang := append(hxMember("张三", "011"), "")
			li := append(hxMember("李四", "031"), tt.notes)
			if tt.standing != "-" {
				heading, zhang, li = append(heading, "党籍状态"), append(zhang, "正常"), append(li, tt.standing)
			}
			rf := read(t, roster(t, [][]any{heading, zhang, li}))
			if tt.want == "" {
				if got := refusedRows(rf); len(rf.Members) != 1 || got[3] != tt.refusal {
					t.Fatalf("stored %q, refused %v; want 李四 refused %q", stored(rf), got, tt.refusal)
				}
				return
			}
			if len(rf.Members) != 2 || len(rf.Rejected) != 0 {
				t.Fatalf("stored %q, refused %v; want both", stored(rf), refusedRows(rf))
			}
			m := rf.Members[1]
			if m.Member.Name != "李四" || m.Member.Standing != tt.want || m.Member.Notes != tt.notes || !m.Member.OnRoster {
				t.Errorf("stored %s %q 备注 %q on roster %v; want 李四 %q", m.Member.Name, m.Member.Standing, m.Member.Notes, m.Member.OnRoster, tt.want)
			}
			if tt.want == model.StandingSuspended && !slices.Contains(m.Fields, model.FieldStanding) {
				t.Errorf("fields %v: 党籍状态 not among the fields set on a stored member", m.Fields)
			}
			if got := noteOn(rf, 3); got != tt.note {
				t.Errorf("line on row 3 %q, want %q", got, tt.note)
			}
		})
	}
}
