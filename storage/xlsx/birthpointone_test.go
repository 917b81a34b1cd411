package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// 出生年月 1986.1 — January, or October whose 0 a number cell dropped — is
// read by the row's ID number when it is born in January or October of
// that year, with a note; otherwise refused as before (review
// s14-newuser #1: the row was refused for a cell the app could read).
func TestBirthMonthPointOneReadByTheIDNumber(t *testing.T) {
	jan, oct, oct2, mar := idNumber("19860119", "151"), idNumber("19861005", "151"), idNumber("19861006", "151"), idNumber("19860305", "151")
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "出生年月", "入党时间", "转正时间", "人员类别"},
		{"一月", jan, "1986.1", "2010.07", "2011.07", "正式党员"},
		{"十月", oct, "1986.1", "2010.07", "2011.07", "正式党员"},
		{"数字", oct2, numberCell("1986.1"), "2010.07", "2011.07", "正式党员"},
		{"三月", mar, "1986.1", "2010.07", "2011.07", "正式党员"},
	}))
	for _, tc := range []struct {
		row  int
		want model.Date
		// The month agreeing with the ID, the day comes from it, as for
		// 1986.01 typed (model.Member.Normalize).
	}{{2, model.NewDate(1986, 1, 19)}, {3, model.NewDate(1986, 10, 5)}, {4, model.NewDate(1986, 10, 6)}} {
		if m := member(t, rf, tc.row); m.BirthDate != tc.want {
			t.Errorf("row %d: 出生日期 %v, want %v", tc.row, m.BirthDate, tc.want)
		}
	}
	refused := 0
	for _, r := range rf.Rejected {
		if r.Row == 5 && r.Field == model.FieldBirthDate && strings.Contains(r.Reason, "分不清是 1986年1月还是10月") {
			refused++
		} else {
			t.Errorf("refused %+v", r)
		}
	}
	if refused != 1 {
		t.Errorf("row 5 (born in March) not refused as ambiguous: %+v", rf.Rejected)
	}
	said := 0
	for _, n := range rf.Notes {
		if n.Field == model.FieldBirthDate && strings.Contains(n.Message, "按身份证号码中的出生日期读作1986年") {
			said++
		}
	}
	if said != 3 {
		t.Errorf("%d notes say how 1986.1 was read, want 3: %+v", said, rf.Notes)
	}
}
