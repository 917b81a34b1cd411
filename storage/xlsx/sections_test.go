package xlsx

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A conditional number format shows a date through the section whose
// condition the serial meets, and that section decides the precision, as
// Excel shows the cell: [<40000]yyyy"年"m"月";yyyy-mm-dd shows 40344
// (2010-06-15) to the day, and the reverse to the month (review s3-7
// attack #3). A section that shows a number instead is no date.
func TestConditionalDateFormatSection(t *testing.T) {
	const (
		monthFirst = `[<40000]yyyy"年"m"月";yyyy-mm-dd`
		dayFirst   = `[<40000]yyyy-mm-dd;yyyy"年"m"月"`
		three      = `[>=40000]yyyy-mm-dd;[>=30000]yyyy"年"m"月";0`
	)
	rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期"}}
	add := func(serial, code string) {
		seq := []string{"011", "022", "033", "044", "055", "066", "077"}[len(rows)-1]
		rows = append(rows, []any{"党员" + seq, idNumber("19600101", seq), fmtCell{v: serial, code: code}})
	}
	add("40344", monthFirst) // row 2: condition false → yyyy-mm-dd
	add("39000", monthFirst) // row 3: condition true → month
	add("40344", dayFirst)   // row 4: condition false → month
	add("39000", dayFirst)   // row 5: condition true → day
	add("35000", three)      // row 6: second section → month
	add("20000", three)      // row 7: third section shows 20000: no date
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows}}}.bytes(t))
	day := func(serial float64) model.Date {
		tm, err := excelize.ExcelDateToTime(serial, false)
		if err != nil {
			t.Fatal(err)
		}
		return model.DateOf(tm)
	}
	month := func(serial float64) model.Date {
		d := day(serial)
		return model.MonthDate(d.Year, d.Month)
	}
	for row, want := range map[int]model.Date{
		2: day(40344), 3: month(39000), 4: month(40344), 5: day(39000), 6: month(35000),
	} {
		if got := member(t, rf, row).JoinDate; got != want {
			t.Errorf("row %d: join date %v, want %v", row, got, want)
		}
	}
	if got := rejections(rf, 7)[model.FieldJoinDate]; !strings.Contains(got, "单元格显示的是数字“20000”，不是日期") {
		t.Errorf("row 7: %q", got)
	}
}

// An optional field whose cell holds a value its number format shows as
// nothing (;;;, or 0 through 0;-0;;@) is read as the blank the sheet shows,
// and a note names the row, the field and the value (review s3-7 attack
// #6): not dropped without a word, nor stored as "0". A format of three
// sections does not hide text.
func TestOptionalValueHiddenByFormatIsNoted(t *testing.T) {
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "联系电话", "所在党支部", "工作岗位"}
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{head,
		{"赵明远", idNumber("19800101", "011"), "2010.07", fmtCell{v: "13712345678", code: ";;;"}, "第一党支部", "教师"},
		{"钱晓丽", idNumber("19810202", "022"), "2010.07", "13712345679", "第二党支部", "医生"},
		{"孙立", idNumber("19820303", "033"), "2010.07", "13712345670", "第一党支部", fmtCell{v: "0", code: "0;-0;;@"}},
		{"李伟", idNumber("19830404", "044"), "2010.07", "13712345671", fmtCell{v: "第三党支部", code: ";;"}, "工人"},
	}}}, opts: func(f *excelize.File) {
		// 第二党支部 a shared string under ;;;
		code := ";;;"
		st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("Sheet1", "E3", "E3", st); err != nil {
			t.Fatal(err)
		}
	}}.bytes(t))
	if m := member(t, rf, 2); m.Phone != "" {
		t.Errorf("row 2 phone %q, want blank as shown", m.Phone)
	}
	if m := member(t, rf, 3); m.BranchName != "" {
		t.Errorf("row 3 branch %q, want blank as shown", m.BranchName)
	}
	if m := member(t, rf, 4); m.Post != "" {
		t.Errorf("row 4 post %q, want blank as shown", m.Post)
	}
	if m := member(t, rf, 5); m.BranchName != "第三党支部" {
		t.Errorf("row 5 branch %q: ;; does not hide text", m.BranchName)
	}
	want := map[int]string{
		2: "赵明远的联系电话：单元格存有“13712345678”，但它的数字格式把内容隐藏了（显示为空白），按空白导入",
		3: "钱晓丽的所在党支部：单元格存有“第二党支部”",
		4: "孙立的工作岗位：单元格存有“0”",
	}
	for _, n := range rf.Notes {
		if w, ok := want[n.Row]; ok && strings.Contains(n.Message, w) {
			delete(want, n.Row)
		}
		if n.Row == 5 {
			t.Errorf("row 5 note: %s", n.Message)
		}
	}
	for row, w := range want {
		t.Errorf("row %d: no note %q in %+v", row, w, rf.Notes)
	}
}
