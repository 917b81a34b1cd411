package xlsx

import (
	"testing"

	"branchledger/model"
)

// The headings rosters give the two party dates in the words of the 党章
// (吸收为预备党员), of the 发展党员工作细则 (接收预备党员) and of the forms
// organisation departments hand out name their fields, as does 证件号 the
// ID number: each was a column not imported, and the member refused for
// the very date the user filled in (review s13-attack #11).
func TestPartyDateAndIDHeadingVariants(t *testing.T) {
	id := idNumber("19800101", "011")
	for _, tt := range []struct {
		heading string
		field   model.Field
	}{
		{"预备党员转正时间", model.FieldFullDate},
		{"预备党员转正日期", model.FieldFullDate},
		{"转正为正式党员时间", model.FieldFullDate},
		{"入党转正时间", model.FieldFullDate},
		{"批准转正时间", model.FieldFullDate},
		{"批准转正日期", model.FieldFullDate},
		{"预备期满转正时间", model.FieldFullDate},
		{"吸收为预备党员时间", model.FieldJoinDate},
		{"吸收为预备党员日期", model.FieldJoinDate},
		{"接收预备党员日期", model.FieldJoinDate},
		{"接收预备党员时间", model.FieldJoinDate},
		{"证件号", model.FieldIDNumber},
	} {
		t.Run(tt.heading, func(t *testing.T) {
			head := []any{"姓名", "公民身份号码", "人员类别", "入党时间", "转正时间"}
			row := []any{"头一", id, "正式党员", "2003-05", "2004-05"}
			switch tt.field {
			case model.FieldIDNumber:
				head[1] = tt.heading
			case model.FieldJoinDate:
				head[3] = tt.heading
			case model.FieldFullDate:
				head[4] = tt.heading
			}
			rf := read(t, roster(t, [][]any{head, row}))
			if len(rf.Sheets) != 1 || len(rf.Sheets[0].Ignored) != 0 {
				t.Errorf("columns not imported: %+v", rf.Sheets)
			}
			m := member(t, rf, 2)
			if m.IDNumber != id || m.JoinDate != model.MonthDate(2003, 5) || m.FullDate != model.MonthDate(2004, 5) {
				t.Errorf("stored %s 加入 %s 转正 %s", m.IDNumber, m.JoinDate, m.FullDate)
			}
		})
	}
}

// The party dates' headings are read by what they say, not by a list (review
// s13-reattack #7: 党员转正日期, 批准入党时间 … were not imported and the
// member refused for the date the user had filled in); a date of a step
// before admission names neither.
func TestPartyDateHeadingsByWhatTheySay(t *testing.T) {
	for heading, want := range map[string]model.Field{
		"党员转正日期": model.FieldFullDate, "党员转正时间": model.FieldFullDate, "正式入党时间": model.FieldFullDate,
		"批准为正式党员时间": model.FieldFullDate, "成为中共正式党员时间": model.FieldFullDate,
		"批准入党时间": model.FieldJoinDate, "入党批准时间": model.FieldJoinDate, "吸收预备党员时间": model.FieldJoinDate,
		"预备党员接收时间": model.FieldJoinDate, "加入党的时间": model.FieldJoinDate,
		"入党申请时间": "", "确定为入党积极分子时间": "", "入党宣誓时间": "", "列为发展对象时间": "", "出生时间": model.FieldBirthDate,
		// A personnel file's dates, and dates that are due rather than
		// done, name no party date (review s13-reattack #16, #18, #19).
		"转正定级时间": "", "参加工作转正时间": "", "试用期转正时间": "", "正式参加工作时间": "", "转为正式职工时间": "",
		"预备期满时间": "", "预计转正时间": "", "拟转正时间": "", "预备党员预计转正时间": "",
		"组织关系接收时间": "", "党组织关系接收时间": "", "接收转入时间": "", "接收为团员时间": "", "吸收为团员时间": "",
		// A 转正 postponed or refused, and other dates saying 正式 (the
		// second read's hostile pass: each was stored as 转为正式党员日期).
		"党员转正延期时间": "", "党员转正推迟时间": "", "不予转正党员处理时间": "", "党内正式职务任职时间": "", "党员正式调入时间": "",
		"党员身份正式恢复时间": "", "党组织正式成立时间": "", "党费正式缴纳起始时间": "",
		"接收到本党支部时间": "", "党支部接收时间": "", "党小组接收时间": "",
		// The body that admits or approves speaks of the party without
		// 党: read as none, a 正式党员 roster was refused whole (review
		// s14-reattack7 #16); a job's 批准 is still none.
		"转正批准时间": model.FieldFullDate, "支部大会通过转正时间": model.FieldFullDate, "支部大会接收时间": model.FieldJoinDate,
		"转正定级批准时间": "", "工作转正批准时间": "",
		// A discussion or a vote is no 转正 until it passed.
		"支部大会讨论转正时间": "", "支部大会表决转正时间": "",
	} {
		got, _ := matchHeading(heading)
		if got != want {
			t.Errorf("%s: %q, want %q", heading, got, want)
		}
	}
}
