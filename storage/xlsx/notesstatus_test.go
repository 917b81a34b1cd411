package xlsx

import (
	"testing"

	"branchledger/model"
)

// 失联 and 流动党员, 外出务工 in 备注 are the member's 是否失联党员 and 是否
// 流动党员 (RULES.md §4): the member was stored 否 without a word (review
// wd D6). Set when the rest is certain, with a 提示; refused naming the
// field to fill (失联年月, 外出流向) or, beside a 否, naming 备注.
func TestRemarkSaysLostOrMobile(t *testing.T) {
	heading := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "是否流动党员", "外出流向", "失联年月", "备注"}
	for _, tt := range []struct {
		name                   string
		mobile, dest, lost, nb string
		field                  model.Field // the field refused, "" for stored
		reason                 string
		wantLost, wantMobile   bool
		note                   string
	}{
		{name: "失联 with its month", lost: "2023.05", nb: "2023年5月起失联", wantLost: true},
		{name: "失联 without its month", nb: "失联", field: model.FieldLostSince, reason: "失联党员请填写失联年月"},
		{name: "流动党员 without where", nb: "流动党员", field: model.FieldMobileDestination, reason: "流动党员请填写外出流向"},
		{name: "外出务工 without where", nb: "外出务工", field: model.FieldMobileDestination, reason: "流动党员请填写外出流向"},
		{name: "外出务工 with where", dest: "广东深圳", nb: "外出务工", wantMobile: true},
		{name: "流动党员 beside 否", mobile: "否", dest: "", nb: "流动党员", field: model.FieldNotes,
			reason: "备注中写着“流动党员”，是否流动党员却为“否”：请改正其中之一后再导入"},
		{name: "未失联", nb: "未失联"},
		{name: "失联 ended", nb: "2023年失联，已恢复联系"},
		{name: "非流动党员", nb: "非流动党员"},
		{name: "外出务工已返乡", nb: "外出务工，已返乡"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rf := readTable(t, [][]any{heading, {"辛一", idNumber("19800101", "011"), "2008.06", "2009.06", tt.mobile, tt.dest, tt.lost, tt.nb}})
			got := rejections(rf, 2)
			if tt.field != "" {
				if got[tt.field] != tt.reason || len(rf.Members) != 0 {
					t.Errorf("refused %v, want %s: %q", got, tt.field, tt.reason)
				}
				return
			}
			m := member(t, rf, 2)
			if m.LostContact != tt.wantLost || m.Mobile != tt.wantMobile {
				t.Errorf("失联 %v 流动 %v, want %v %v", m.LostContact, m.Mobile, tt.wantLost, tt.wantMobile)
			}
			if tt.note != "" && noteOn(rf, 2) != tt.note {
				t.Errorf("note %q, want %q", noteOn(rf, 2), tt.note)
			}
		})
	}
}

// On a sheet without the columns of 失联年月 and 外出流向, the member is
// set 失联 or 流动 with a 提示: merged with the roster, one it does not
// hold is refused for the missing field (storage.PlanImport).
func TestRemarkSaysLostOrMobileWithoutTheColumns(t *testing.T) {
	for notes, want := range map[string]string{
		"失联":   "辛一：备注中写着“失联”，是否失联党员记为“是”",
		"流动党员": "辛一：备注中写着“流动党员”，是否流动党员记为“是”",
	} {
		rf := readTable(t, [][]any{remarkHeading, remarkRow("辛一", "011", notes)})
		m := member(t, rf, 2)
		if m.LostContact != (notes == "失联") || m.Mobile != (notes == "流动党员") {
			t.Errorf("%s: 失联 %v 流动 %v", notes, m.LostContact, m.Mobile)
		}
		if got := noteOn(rf, 2); got != want {
			t.Errorf("%s: note %q, want %q", notes, got, want)
		}
	}
}
