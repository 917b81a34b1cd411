package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// The workbook of refused rows (issue 7 §10): the file's own title and
// headings, merged as they were, each refused row with what it held (a
// merged value in every row, a date still a date in its own format), the
// cells it was refused for filled, and a 错误原因 column; printed on one page
// wide. Fixed, it reads back as it is.
func TestRejectedRowsWorkbook(t *testing.T) {
	good, bad := idNumber("19850312", "013"), idNumber("19900606", "024")
	data := roster(t, [][]any{
		{"某公司党员花名册"},
		{"序号", "所在党支部", "姓名", "公民身份号码", "入党时间", "转正时间", "人员类别", "籍贯"},
		{"1", "第一党支部", "周杰", good, fmtCell{v: "39600", code: `yyyy"年"m"月"`}, "2009.07", "正式党员", "甘肃"},
		{"2", nil, "吴敏", bad[:17], "八五年三月", "2009.07", "正式党员", "兰州"},
		{"3", nil, "郑凯", bad, fmtCell{v: "40360", code: `yyyy"年"m"月"`}, "2011.07", "预备党员", "天水"},
	}, [2]string{"A1", "H1"}, [2]string{"B3", "B5"})
	rf := read(t, data)
	if len(rf.Rejected) < 3 {
		t.Fatalf("rejected %+v", rf.Rejected)
	}
	var buf bytes.Buffer
	n, err := WriteRejectedRows(&buf, data, rf.Rejected, nil)
	if err != nil || n != 2 {
		t.Fatalf("wrote %d rows: %v", n, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("名册", rawValues)
	if len(rows) != 4 || rows[0][0] != "某公司党员花名册" ||
		strings.Join(rows[1], "|") != "序号|所在党支部|姓名|公民身份号码|入党时间|转正时间|人员类别|籍贯|错误原因" {
		t.Fatalf("rows %q", rows)
	}
	// 吴敏 and 郑凯, each with the branch merged over them in the file.
	if rows[2][2] != "吴敏" || rows[2][1] != "第一党支部" || rows[3][2] != "郑凯" || rows[3][1] != "第一党支部" {
		t.Errorf("refused rows %q", rows[2:])
	}
	if !strings.Contains(rows[2][8], "公民身份号码") || !strings.Contains(rows[2][8], "加入党组织日期") ||
		!strings.Contains(rows[3][8], "转为正式党员日期") {
		t.Errorf("reasons %q / %q", rows[2][8], rows[3][8])
	}
	// A date cell stays a date in its own format.
	if typ, _ := f.GetCellType("名册", "E4"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("E4 written as text")
	}
	if shown, _ := f.GetCellValue("名册", "E4"); shown != "2010年7月" {
		t.Errorf("E4 shows %q, want 2010年7月", shown)
	}
	// The faulty cells are filled, the others not.
	filled := func(ref string) bool {
		idx, _ := f.GetCellStyle("名册", ref)
		st, _ := f.GetStyle(idx)
		return st != nil && len(st.Fill.Color) > 0 && st.Fill.Color[0] == "FFC7CE"
	}
	for ref, want := range map[string]bool{"D3": true, "E3": true, "C3": false, "F4": true, "E4": false} {
		if filled(ref) != want {
			t.Errorf("%s filled %v, want %v", ref, !want, want)
		}
	}
	if merged, _ := f.GetMergeCells("名册"); len(merged) != 1 || merged[0].GetStartAxis() != "A1" || merged[0].GetEndAxis() != "I1" {
		t.Errorf("merges %v: the title spans the table and its reasons", merged)
	}
	if lay, _ := f.GetPageLayout("名册"); lay.FitToWidth == nil || *lay.FitToWidth != 1 {
		t.Errorf("page layout %+v: one page wide", lay)
	}
	// Read back as it is: the same two rows, refused for the same fields,
	// and 错误原因 is not a column left out.
	back := read(t, buf.Bytes())
	if len(back.Rejected) != len(rf.Rejected) || len(back.Sheets[0].Ignored) != 1 || back.Sheets[0].Ignored[0] != "籍贯" {
		t.Errorf("read back: rejected %+v, ignored %q", back.Rejected, back.Sheets[0].Ignored)
	}
}

func TestRejectedRowsFileIsWrittenWhole(t *testing.T) {
	data := roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间"},
		{"周杰", "1", "2008.07"},
	})
	src := filepath.Join(t.TempDir(), "名单.xlsx")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "问题行.xlsx")
	rf := read(t, data)
	if n, err := WriteRejectedRowsFile(src, out, rf.Rejected, nil, nil); err != nil || n != 1 {
		t.Fatalf("%d, %v", n, err)
	}
	if _, err := ReadRosterFile(out, ReadOptions{Today: today}); err != nil {
		t.Errorf("the written file does not read: %v", err)
	}
	if _, err := WriteRejectedRowsFile(src, out, []model.Rejection{}, nil, nil); err == nil {
		t.Error("nothing to write, yet no error")
	}
}

// Text a person typed that Excel or WPS would take for a formula once the
// cell is edited — a name "=1+1", an ID "@x", a phone "+86 …", a post
// "-主任" — goes back in the workbook of refused rows through the exports'
// formula-safe text (text format and quote prefix), unchanged, and reads
// back as the same text.
func TestRejectedRowsKeepFormulaLikeText(t *testing.T) {
	data := roster(t, [][]any{
		{"姓名", "公民身份号码", "联系电话", "工作岗位", "入党时间", "转正时间", "人员类别"},
		{"=1+1", "@x", "+86 13912345678", "-主任", "2010.07", "2011.07", "正式党员"},
		{hostileTexts[0], idNumber("19850312", "013")[:17], "13912345678", hostileTexts[3], "2010.07", "2011.07", "正式党员"},
	})
	rf := read(t, data)
	if len(rf.RejectedRows()) != 2 {
		t.Fatalf("rejected %+v", rf.Rejected)
	}
	var buf bytes.Buffer
	if n, err := WriteRejectedRows(&buf, data, rf.Rejected, nil); err != nil || n != 2 {
		t.Fatalf("wrote %d rows: %v", n, err)
	}
	if found := keptText(t, buf.Bytes()); found != 6 {
		t.Errorf("%d formula-like cells kept text, want 6", found)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("名册", rawValues)
	if got := strings.Join(rows[1][:4], "|"); got != "=1+1|@x|+86 13912345678|-主任" {
		t.Errorf("row 2 holds %q", got)
	}
	if got := strings.Join(rows[2][:4:4], "|"); !strings.HasPrefix(got, hostileTexts[0]+"|") || !strings.HasSuffix(got, "|"+hostileTexts[3]) {
		t.Errorf("row 3 holds %q", got)
	}
	back := read(t, buf.Bytes())
	if len(back.Rejected) == 0 || back.Rejected[0].Name != "=1+1" || back.Rejected[0].Value != "@x" {
		t.Errorf("read back: %+v", back.Rejected)
	}
}

// The faulty cell of a number that lost its meaning (an ID or 2003.10 in
// a General cell) is written in the text format, so that typing the
// correction over it keeps it as typed; a date cell keeps its date format
// (review s8-7 newuser #1).
func TestRejectedNumberCellsBecomeText(t *testing.T) {
	data := roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "人员类别"},
		{"张飞", numberCell("130102198202021000"), numberCell("2003.1"), dateCell(38000), "正式党员"},
		// an ID in a "0" cell, 2003.1 in "0.0", in LibreOffice's General by code (s8-7 recheck #1)
		{"张苞", fmtCell{v: "130102198202021000", code: "0"}, fmtCell{v: "2003.1", code: "0.0"}, dateCell(38000), "正式党员"},
		{"张绍", fmtCell{v: "130102198202021000", code: "General"}, fmtCell{v: "2003.1", code: "General"}, dateCell(38000), "正式党员"},
	})
	rf := read(t, data)
	if len(rf.RejectedRows()) != 3 {
		t.Fatalf("rejected %+v", rf.Rejected)
	}
	var buf bytes.Buffer
	if _, err := WriteRejectedRows(&buf, data, rf.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]int{"B2": 49, "C2": 49, "B3": 49, "C3": 49, "B4": 49, "C4": 49} {
		idx, _ := f.GetCellStyle("名册", ref)
		st, err := f.GetStyle(idx)
		if err != nil || st.NumFmt != want {
			t.Errorf("%s: number format %v (%v), want %d", ref, st, err, want)
		}
	}
	idx, _ := f.GetCellStyle("名册", "D2")
	if st, _ := f.GetStyle(idx); st == nil || st.NumFmt == 49 || st.NumFmt == 0 && st.CustomNumFmt == nil {
		t.Errorf("D2 (a date) lost its date format: %+v", st)
	}
}

// A refusal of a field the sheet has no column for (a roster with 入党时间
// but no 转正 column, probation long over) adds that column before the
// reasons with the row's cell red; filled in, the copy imports as is
// (review s8-7 newuser #10).
func TestRejectedRowsGetTheColumnTheyLack(t *testing.T) {
	data := roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "所在党支部"},
		{"宋甲", idNumber("19800101", "011"), "2013.06", "第一党支部"},
		{"宋乙", idNumber("19810101", "011"), "2026.06", "第一党支部"},
	})
	// The refusal the merge with the roster gives (storage.PlanImport,
	// model.CategoryFromDates), as the import passes it on.
	refused := []model.Rejection{{Sheet: "名册", Row: 2, Field: model.FieldFullDate, Name: "宋甲", Reason: "没有人员类别，也没有转为正式党员日期"}}
	var buf bytes.Buffer
	if _, err := WriteRejectedRows(&buf, data, refused, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("名册")
	if got := strings.Join(rows[0], "|"); got != "姓名|公民身份号码|入党时间|所在党支部|转为正式党员日期|"+RejectedReasonHeading {
		t.Fatalf("headings %q", got)
	}
	idx, _ := f.GetCellStyle("名册", "E2")
	if st, _ := f.GetStyle(idx); st == nil || st.Fill.Color == nil || len(st.Fill.Color) == 0 {
		t.Errorf("E2 not red: %+v", st)
	}
	if err := f.SetCellStr("名册", "E2", "2014.06"); err != nil {
		t.Fatal(err)
	}
	var fixed bytes.Buffer
	if _, err := f.WriteTo(&fixed); err != nil {
		t.Fatal(err)
	}
	back := read(t, fixed.Bytes())
	if len(back.Rejected) != 0 || len(back.Members) != 1 || back.Members[0].Member.FullDate != model.MonthDate(2014, 6) || back.Members[0].Member.Category != model.CategoryFull {
		t.Errorf("read back: members %+v rejected %+v", back.Members, back.Rejected)
	}
}

// The workbook of refused rows of a Mac Excel workbook (1904 date system)
// shows every date as the source did, and reads back to the same dates
// (review s3-7 attack #7: they showed 4 years and a day earlier).
func TestRejectedRows1904Dates(t *testing.T) {
	data := workbook{sheets: []sheetSpec{{name: "名册", rows: [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别", "联系电话"},
		{"周杰", idNumber("19850312", "013"), fmtCell{v: "39152", code: `yyyy"年"m"月"`}, dateCell(39700), "正式党员", "123"},
	}}}, opts: func(f *excelize.File) {
		d := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &d}); err != nil {
			t.Fatal(err)
		}
	}}.bytes(t)
	rf := read(t, data)
	if len(rf.Rejected) != 1 || rf.Rejected[0].Field != model.FieldPhone {
		t.Fatalf("rejected %+v", rf.Rejected)
	}
	var buf bytes.Buffer
	if _, err := WriteRejectedRows(&buf, data, rf.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()), shownOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	src, err := excelize.OpenReader(bytes.NewReader(data), shownOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	for _, ref := range []string{"C2", "D2"} {
		want, _ := src.GetCellValue("名册", ref)
		if got, _ := f.GetCellValue("名册", ref); got != want || got == "" {
			t.Errorf("%s shows %q; the source showed %q", ref, got, want)
		}
	}
	if err := f.SetCellStr("名册", "F2", "13712345678"); err != nil {
		t.Fatal(err)
	}
	fixed, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	join, _ := excelize.ExcelDateToTime(39152, true)
	full, _ := excelize.ExcelDateToTime(39700, true)
	m := member(t, read(t, fixed.Bytes()), 2)
	if m.JoinDate != model.MonthDate(join.Year(), join.Month()) || m.FullDate != model.DateOf(full) {
		t.Errorf("read back: join %v full %v; want %v and %v", m.JoinDate, m.FullDate, join, full)
	}
}

// A refused row under a section row that gives its branch (no 所在党支部
// column) is written under that section row in the workbook of refused
// rows: fixed and imported again, the member gets the branch the first
// import would have given (the section rows were left out, and the fixed
// row came back without a branch).
func TestRejectedRowsKeepTheirSection(t *testing.T) {
	data := roster(t, [][]any{
		{"序号", "姓名", "公民身份号码", "人员类别", "加入党组织日期"},
		{"第一党支部"},
		{"1", "戌一", idNumber("19800101", "011"), "正式党员", "2008-06-01"},
		{"2", "戌二", idNumber("19800101", "031"), "正式党员", "2008-13-01"},
		{"（二）第二党支部"},
		{"第一党小组"},
		{"3", "戌三", idNumber("19800101", "033"), "正式党员", "2008-06-01"},
		{"4", "戌四", idNumber("19800101", "051"), "正式党员", "2008-06-41"},
		{"5", "戌五", idNumber("19800101", "053"), "正式党员", "2008-16-01"},
	}, [2]string{"A2", "E2"}, [2]string{"A5", "E5"})
	rf := read(t, data)
	if got := rf.RejectedRows(); len(got) != 3 {
		t.Fatalf("rejected rows %v: %+v", got, rf.Rejected)
	}
	var buf bytes.Buffer
	if n, err := WriteRejectedRows(&buf, data, rf.Rejected, nil); err != nil || n != 3 {
		t.Fatalf("wrote %d rows: %v", n, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows, _ := f.GetRows(sheet)
	var firsts []string
	for _, r := range rows {
		firsts = append(firsts, cell(r, 0)+"/"+cell(r, 1))
	}
	if want := "序号/姓名|第一党支部/|2/戌二|（二）第二党支部/|4/戌四|5/戌五"; strings.Join(firsts, "|") != want {
		t.Errorf("rows %q, want %q", strings.Join(firsts, "|"), want)
	}
	// The user fixes the dates and imports the file again.
	for ref, v := range map[string]string{"E3": "2008-12-01", "E5": "2008-06-11", "E6": "2008-06-01"} {
		if err := f.SetCellStr(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	fixed, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	again := read(t, fixed.Bytes())
	if len(again.Rejected) != 0 || len(again.Members) != 3 {
		t.Fatalf("re-import: members %d, rejected %+v", len(again.Members), again.Rejected)
	}
	for _, m := range again.Members {
		want := map[string]string{"戌二": "第一党支部", "戌四": "第二党支部", "戌五": "第二党支部"}[m.Member.Name]
		if m.Member.BranchName != want {
			t.Errorf("re-imported %s: 所在党支部 %q, want %q", m.Member.Name, m.Member.BranchName, want)
		}
	}
}

// The workbook of refused rows is never written over the file being
// imported, under its own name or another spelling of it, from the window
// or a command, roster or bases (review s6-7 attack #11: the window's
// 导出问题行 and `dues bases import --errors` replaced the user's workbook
// by its refused rows).
func TestRejectedRowsNeverReplaceTheSource(t *testing.T) {
	data := roster(t, [][]any{
		{"姓名", "公民身份号码", "人员类别", "加入党组织日期"},
		{"戌一", idNumber("19800101", "011"), "正式党员", "2008-13-01"},
	})
	dir := t.TempDir()
	src := filepath.Join(dir, "名册.xlsx")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	rf := read(t, data)
	for _, out := range []string{src, filepath.Join(dir, ".", "名册.xlsx")} {
		_, err := WriteRejectedRowsFile(src, out, rf.Rejected, nil, nil)
		if err == nil || !strings.Contains(err.Error(), "就是要导入的文件") {
			t.Errorf("out %s: err %v", out, err)
		}
	}
	if got, _ := os.ReadFile(src); !bytes.Equal(got, data) {
		t.Errorf("the imported workbook was changed")
	}
	if n, err := WriteRejectedRowsFile(src, filepath.Join(dir, "问题行.xlsx"), rf.Rejected, nil, nil); err != nil || n != 1 {
		t.Errorf("another name: %d %v", n, err)
	}
}
