package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// A 姓名 cell holding a paragraph is cut in every refusal of its row, as
// cell values are: 5000 characters echoed on each line made one row's
// errors 91 KB (review s4-final attack #1).
func TestLongNameIsCutInEveryRefusal(t *testing.T) {
	name := strings.Repeat("张", 5000)
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "出生日期"},
		{name, "12345", "2010.13", "1980.15"},
	}}}}.bytes(t))
	if len(rf.Rejected) < 3 {
		t.Fatalf("want the name, ID and dates refused, got %v", rf.Rejected)
	}
	for _, r := range rf.Rejected {
		line := r.Line(false)
		if len([]rune(line)) > 200 || strings.Contains(line, strings.Repeat("张", 25)) {
			t.Errorf("%s: line of %d characters: %.120s…", r.Field.Label(), len([]rune(line)), line)
		}
		if !strings.Contains(line, strings.Repeat("张", 24)+"…") {
			t.Errorf("%s: the name should start the line, cut: %.120s", r.Field.Label(), line)
		}
	}
}

// A roster's 党费已交至 before the row's own 加入党组织日期 is refused naming
// the field, as the bases import refuses it (review s4-final attack #3).
func TestRosterPaidToBeforeJoiningIsRefused(t *testing.T) {
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "党费已交至"},
		{"张三", idNumber("19800101", "011"), "2005-06-01", "1990-01"},
		{"李四", idNumber("19800202", "022"), "2005-06-01", "2005-05"},
	}}}}.bytes(t))
	if got := rejections(rf, 2)[model.FieldDuesPaidTo]; !strings.Contains(got, "党费已交至 1990-01 早于加入党组织日期 2005-06-01") {
		t.Errorf("row 2: %q", got)
	}
	if m := member(t, rf, 3); m.DuesPaidTo != model.MonthOf(2005, 5) {
		t.Errorf("row 3 paid to %v", m.DuesPaidTo)
	}
}

// A row refused for repeating an earlier row's ID number names that row's
// person when it is another name: in the workbook of refused rows the row
// number alone points at the refused row itself (review s5-7 attack #7).
func TestDuplicateIDRefusalNamesTheOtherPerson(t *testing.T) {
	id := idNumber("19800101", "011")
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"姓名", "公民身份号码", "加入党组织日期"},
		{"甲子", id, "2005-06-01"},
		{"乙丑", id, "2005-06-01"},
	}}}}.bytes(t))
	if got := rejections(rf, 3)[model.FieldIDNumber]; !strings.HasPrefix(got, "与第2行（甲子）的身份证号码相同") {
		t.Errorf("row 3: %q", got)
	}
}
