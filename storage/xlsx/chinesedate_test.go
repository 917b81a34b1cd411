package xlsx

import (
	"testing"

	"branchledger/model"
)

// A roster typed from 档案 material with dates in Chinese numerals imports
// them as the same dates, to the month when no day is written (review
// s7-7 attack #12; model.ParseDate reads them for forms and import alike).
func TestChineseNumeralDatesImport(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"},
		{"辛一", idNumber("19800101", "011"), "二〇〇八年六月", "二零零九年六月一日"},
	}))
	if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
		t.Fatalf("members %+v rejected %+v", rf.Members, rf.Rejected)
	}
	m := rf.Members[0].Member
	if m.JoinDate != model.MonthDate(2008, 6) || m.FullDate != model.NewDate(2009, 6, 1) {
		t.Errorf("join %v, full %v; want 2008-06, 2009-06-01", m.JoinDate, m.FullDate)
	}
}
