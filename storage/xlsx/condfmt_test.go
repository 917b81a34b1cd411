package xlsx

import (
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// conditional sets a conditional format on ref whose differential format
// is the number format code (a fill only when code is "").
func conditional(t *testing.T, f *excelize.File, ref, typ, criteria, value, code string) {
	t.Helper()
	st := &excelize.Style{Fill: excelize.Fill{Type: "pattern", Color: []string{"FFFF00"}, Pattern: 1}}
	if code != "" {
		st = &excelize.Style{CustomNumFmt: &code}
	}
	id, err := f.NewConditionalStyle(st)
	if err != nil {
		t.Fatal(err)
	}
	o := excelize.ConditionalFormatOptions{Type: typ, Format: &id, Criteria: criteria, Value: value}
	if typ == "formula" {
		o = excelize.ConditionalFormatOptions{Type: typ, Format: &id, Criteria: value}
	}
	if err := f.SetConditionalFormat("Sheet1", ref, []excelize.ConditionalFormatOptions{o}); err != nil {
		t.Fatal(err)
	}
}

// Conditional formatting that sets a number format decides what a cell
// shows, as the cell's own format does (review s5-7 attack #2): a date
// cell shown 2008年6月 by a rule is June 2008 to the month, one a rule
// hides is said to be hidden (refused where required, a note where not),
// and a rule the import cannot work out refuses the cell rather than read
// it unchecked. A rule that holds not, or sets no number format, changes
// nothing.
func TestConditionalFormattingDecidesWhatACellShows(t *testing.T) {
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "联系电话"}
	row := func(name, seq string) []any {
		return []any{name, idNumber("19700101", seq), dateCell(39614), dateCell(39979), "13712345678"}
	}
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{head,
		row("月份", "011"), row("隐藏", "022"), row("公式", "033"), row("不成立", "044"), row("底色", "055"),
	}}}, opts: func(f *excelize.File) {
		conditional(t, f, "C2:D2", "cell", ">", "0", `yyyy"年"m"月"`)
		conditional(t, f, "C3:C3", "cell", ">", "0", ";;;")
		conditional(t, f, "E3:E3", "cell", ">", "0", ";;;")
		conditional(t, f, "C4:C4", "formula", "", "$A4<>\"\"", `yyyy"年"m"月"`)
		conditional(t, f, "C5:D5", "cell", "<", "0", `yyyy"年"m"月"`)
		conditional(t, f, "C6:D6", "cell", ">", "0", "")
	}}.bytes(t))

	if m := member(t, rf, 2); m.JoinDate != model.MonthDate(2008, 6) || m.FullDate != model.MonthDate(2009, 6) {
		t.Errorf("row 2: join %v full %v, want 2008-06 and 2009-06 as the rule shows them", m.JoinDate, m.FullDate)
	}
	if got := rejections(rf, 3)[model.FieldJoinDate]; !strings.Contains(got, "单元格存有“2008-06-15”，但条件格式把内容隐藏了") {
		t.Errorf("row 3 join date: %q", got)
	}
	phoneNote := false
	for _, n := range rf.Notes {
		phoneNote = phoneNote || n.Row == 3 && strings.Contains(n.Message, "联系电话：单元格存有“13712345678”，但条件格式把内容隐藏了")
	}
	if !phoneNote {
		t.Errorf("row 3: no note of the hidden phone in %+v", rf.Notes)
	}
	if got := rejections(rf, 4)[model.FieldJoinDate]; !strings.Contains(got, "条件格式") || !strings.Contains(got, "无法确定") {
		t.Errorf("row 4 join date: %q", got)
	}
	for _, n := range []int{5, 6} {
		if m := member(t, rf, n); m.JoinDate != model.NewDate(2008, 6, 15) || m.FullDate != model.NewDate(2009, 6, 15) {
			t.Errorf("row %d: join %v full %v, want the days the cells' own format shows", n, m.JoinDate, m.FullDate)
		}
	}
}

// An ISO 8601 date cell (t="d", as Strict Open XML stores dates) formatted
// yyyy"年"m"月" shows the month, and is read to the month as a serial date
// cell is, not to the day excelize shows (review s5-7 attack #3).
func TestISODateCellReadToWhatItsFormatShows(t *testing.T) {
	rows := [][]any{
		{"姓名", "公民身份号码", "入党时间", "人员类别", "转正时间"},
		{"蒋卫东", idNumber("19850312", "011"), fmtCell{v: "39600", code: `yyyy"年"m"月"`}, "正式党员", fmtCell{v: "39979", numFmt: 14}},
	}
	typed := rewriteParts(t, roster(t, rows), func(name, body string) string {
		if !strings.Contains(name, "worksheets/") {
			return body
		}
		body = regexp.MustCompile(`(<c r="C2"[^>]*)><v>39600</v>`).ReplaceAllString(body, `$1 t="d"><v>2008-06-01T00:00:00</v>`)
		return regexp.MustCompile(`(<c r="E2"[^>]*)><v>39979</v>`).ReplaceAllString(body, `$1 t="d"><v>2009-06-15T00:00:00</v>`)
	})
	m := member(t, read(t, typed), 2)
	if m.JoinDate != model.MonthDate(2008, 6) || m.FullDate != model.NewDate(2009, 6, 15) {
		t.Errorf("join %v full %v, want 2008-06 and 2009-06-15", m.JoinDate, m.FullDate)
	}
}

// A 计算基数 its format hides (;;;) is refused saying the value is there
// and hidden, not "请填写计算基数" (review s5-7 attack #4).
func TestBasesValueHiddenByFormatIsSaidSo(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "公民身份号码", "计算基数"})
	_ = f.SetSheetRow("Sheet1", "A2", &[]any{"赵明远", idNumber("19800101", "011"), 3000})
	_ = f.SetSheetRow("Sheet1", "A3", &[]any{"钱晓丽", idNumber("19810202", "022"), nil})
	code := ";;;"
	st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		t.Fatal(err)
	}
	_ = f.SetCellStyle("Sheet1", "C2", "C3", st)
	path := t.TempDir() + "/基数.xlsx"
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	bf, err := ReadDuesBasesSheets(path, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]string{}
	for _, r := range bf.Rejected {
		got[r.Row] = r.Reason
	}
	if !strings.Contains(got[2], "单元格存有“3000”，但它的数字格式把内容隐藏了") {
		t.Errorf("row 2: %q", got[2])
	}
	if !strings.Contains(got[3], "请填写计算基数") {
		t.Errorf("row 3 (truly empty): %q", got[3])
	}
}

// 性别 and 人员类别 kept as codes shown through a conditional number format
// ([=1]"男";[=2]"女";General), as HR systems export them, are read as the
// cell shows them, whichever section the code falls in (review s6-7
// attack #1: a cell showing 女 was refused as “2”).
func TestCodesShownThroughSectionsAreReadAsShown(t *testing.T) {
	sex, cat := `[=1]"男";[=2]"女";General`, `[=1]"正式党员";[=2]"预备党员";General`
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"姓名", "性别", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期"},
		{"甲一", fmtCell{v: "1", code: sex}, idNumber("19800101", "011"), fmtCell{v: "1", code: cat}, "2008-06-01", "2009-06-01"},
		{"甲二", fmtCell{v: "2", code: sex}, idNumber("19800101", "022"), fmtCell{v: "2", code: cat}, "2026-06-01", nil},
	}}}}.bytes(t))
	if len(rf.Rejected) != 0 {
		t.Fatalf("rejected %+v", rf.Rejected)
	}
	if m := member(t, rf, 2); m.Sex != model.SexMale || m.Category != model.CategoryFull {
		t.Errorf("row 2: %q %q", m.Sex, m.Category)
	}
	if m := member(t, rf, 3); m.Sex != model.SexFemale || m.Category != model.CategoryProbationary {
		t.Errorf("row 3: %q %q", m.Sex, m.Category)
	}
}

func TestSplitSections(t *testing.T) {
	for code, want := range map[string]string{
		`[<46000]yyyy"年"m"月";"见;档案"`: `[<46000]yyyy"年"m"月"|"见;档案"`,
		`0;-0;;@`:                    `0|-0||@`,
		`0\;0;[Red]0`:                `0\;0|[Red]0`,
		`yyyy-mm-dd`:                 `yyyy-mm-dd`,
	} {
		if got := strings.Join(splitSections(code), "|"); got != want {
			t.Errorf("splitSections(%q) = %q, want %q", code, got, want)
		}
	}
}

// A refusal quotes an ISO 8601 date cell (t="d") as its format shows it,
// 2005年6月, not as stored, 2005-06-01T00:00:00 (review s6-7 attack #14).
func TestISODateCellQuotedAsShown(t *testing.T) {
	rows := [][]any{
		{"姓名", "公民身份号码", "入党时间", "人员类别"},
		{"丁三", idNumber("19900101", "011"), fmtCell{v: "38504", code: `yyyy"年"m"月"`}, "正式党员"},
	}
	typed := rewriteParts(t, roster(t, rows), func(name, body string) string {
		if !strings.Contains(name, "worksheets/") {
			return body
		}
		return regexp.MustCompile(`(<c r="C2"[^>]*)><v>38504</v>`).ReplaceAllString(body, `$1 t="d"><v>2005-06-01T00:00:00</v>`)
	})
	rf := read(t, typed)
	var line string
	for _, r := range rf.Rejected {
		if r.Field == model.FieldJoinDate {
			line = r.Line(false)
		}
	}
	if !strings.Contains(line, "单元格为“2005年6月”") {
		t.Errorf("refusal %q, want the cell quoted as it shows", line)
	}
}
