package xlsx

import (
	"testing"

	"branchledger/model"
)

// 入党 / 转正 (and 预备 / 正式) under a heading that says only 时间, or
// alone, are the two dates, as under 入党时间 (review s6-7 new user #10).
func TestDateSubHeadingsUnderTime(t *testing.T) {
	id1, id2 := idNumber("19800101", "011"), idNumber("19900101", "031")
	grouped := func(a, b string) []byte {
		return workbook{sheets: []sheetSpec{{name: "名册", rows: [][]any{
			{"姓名", "公民身份号码", "时间", "", "所在党支部"},
			{"", "", a, b, ""},
			{"组二甲", id1, "2008.06", "2009.06", "第一党支部"},
			{"组二乙", id2, "2026.05", nil, "第一党支部"}},
			merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "D1"}, {"E1", "E2"}}}}}.bytes(t)
	}
	flat := roster(t, [][]any{{"姓名", "公民身份号码", "入党", "转正", "所在党支部"},
		{"组二甲", id1, "2008.06", "2009.06", "第一党支部"}, {"组二乙", id2, "2026.05", nil, "第一党支部"}})
	for name, data := range map[string][]byte{"时间 over 入党/转正": grouped("入党", "转正"), "时间 over 预备/正式": grouped("预备", "正式"), "flat 入党/转正": flat} {
		rf := read(t, data)
		if len(rf.Members) != 2 || len(rf.Rejected) != 0 || len(rf.Sheets[0].Ignored) != 0 {
			t.Errorf("%s: members %+v rejected %+v ignored %v", name, rf.Members, rf.Rejected, rf.Sheets[0].Ignored)
			continue
		}
		a, b := rf.Members[0].Member, rf.Members[1].Member
		if a.JoinDate != model.MonthDate(2008, 6) || a.FullDate != model.MonthDate(2009, 6) || a.Category != model.CategoryFull ||
			b.JoinDate != model.MonthDate(2026, 5) || !b.FullDate.IsZero() {
			t.Errorf("%s: %+v / %+v", name, a, b)
		}
	}
}

// Hint rows in other common wording (请填写…, 如：…, 下拉选择), and one led by
// 说明 that shows sample dates, are part of the header (review s7-7
// attack #5).
func TestMoreHintRows(t *testing.T) {
	id1 := idNumber("19800101", "011")
	head := []any{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "人员类别", "联系电话"}
	for name, hint := range map[string][]any{
		"请填写…":    {nil, "请填写真实姓名", "请填写18位身份证号", "如：2008.06", "如：2009.06", "下拉选择", "填写手机号"},
		"说明 lead": {"说明", "（必填）", "（18位）", "2008.06", "2009.06", "（全称）", "（11位）"},
	} {
		rf := read(t, roster(t, [][]any{head, hint, {"1", "辛一", id1, "2008.06", "2009.06", "正式党员", "13800000000"}}))
		if len(rf.Members) != 1 || len(rf.Rejected) != 0 || rf.Members[0].Row != 3 {
			t.Errorf("%s: members %+v rejected %+v", name, rf.Members, rf.Rejected)
		}
	}
	// A member's row is still no hint row, even with a 说明 in front.
	if hintRow([]string{"说明", "辛一", id1, "2008.06"}) {
		t.Error("a member's row taken for hints")
	}
}
