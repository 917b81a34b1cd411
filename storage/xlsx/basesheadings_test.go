package xlsx

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// basesFile saves a workbook of rows (merges: ranges to merge) and reads it
// as a bases workbook.
func basesFile(t *testing.T, rows [][]any, merges [][2]string, style func(f *excelize.File)) *BaseFile {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		_ = f.SetSheetRow("Sheet1", ref, &r)
	}
	for _, m := range merges {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	if style != nil {
		style(f)
	}
	path := t.TempDir() + "/基数.xlsx"
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	bf, err := ReadDuesBasesSheets(path, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	return bf
}

// The bases import reads 党费已交至 under the headings the roster import
// reads (model.DuesPaidToField) and under a two-row heading, and names a
// column it does not import (review s5 final attack #10): it dropped the
// column without a word.
func TestBasesPaidToHeadingsAsRoster(t *testing.T) {
	id := idNumber("19800101", "011")
	for _, h := range []string{"党费缴至", "党费已缴至", "历史党费缴至", "党费交纳至", "党费已交至"} {
		bf := basesFile(t, [][]any{{"姓名", "身份证号码", "缴纳类别", "计算基数", h, "备注"}, {"赵明远", id, "在职", "3000", "2024.10", "x"}}, nil, nil)
		if len(bf.Rows) != 1 || bf.Rows[0].PaidTo != model.MonthOf(2024, 10) {
			t.Errorf("%s: rows %+v rejected %+v", h, bf.Rows, bf.Rejected)
		}
		if !slices.Equal(bf.Ignored, []string{"备注"}) {
			t.Errorf("%s: ignored %q", h, bf.Ignored)
		}
	}
	bf := basesFile(t, [][]any{
		{"姓名", "身份证号码", "缴纳类别", "计算基数", "缴费情况"},
		{nil, nil, nil, nil, "党费已交至"},
		{"赵明远", id, "在职", "3000", "2024.10"},
	}, [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}}, nil)
	if len(bf.Rows) != 1 || bf.Rows[0].Row != 3 || bf.Rows[0].PaidTo != model.MonthOf(2024, 10) || len(bf.Ignored) != 0 {
		t.Errorf("two-row heading: rows %+v rejected %+v ignored %q", bf.Rows, bf.Rejected, bf.Ignored)
	}
}

// A 党费已交至 its number format hides (;;;) is read as blank with the
// roster import's 提示, not dropped without a word (review s5 final attack
// #12).
func TestBasesHiddenPaidToIsNoted(t *testing.T) {
	bf := basesFile(t, [][]any{{"姓名", "身份证号码", "计算基数", "党费已交至"}, {"张三", idNumber("19800101", "011"), 3000, 46054}}, nil,
		func(f *excelize.File) {
			code := ";;;"
			st, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			_ = f.SetCellStyle("Sheet1", "D2", "D2", st)
		})
	if len(bf.Rows) != 1 || bf.Rows[0].PaidTo != 0 || len(bf.Notes) != 1 {
		t.Fatalf("rows %+v notes %+v rejected %+v", bf.Rows, bf.Notes, bf.Rejected)
	}
	if n := bf.Notes[0]; n.Row != 2 || n.Field != model.FieldDuesPaidTo || !strings.Contains(n.Message, "张三的党费已交至：单元格存有“2026-02") || !strings.Contains(n.Message, "按空白导入") {
		t.Errorf("note %+v", n)
	}
}

// A bases sheet grouped under 党小组 and branch titles reads the titles as
// no member, says so, and imports the members under them (review s5 final
// attack #2b: each title was refused for an empty ID number and base).
func TestBasesGroupTitleRows(t *testing.T) {
	bf := basesFile(t, [][]any{
		{"姓名", "身份证号码", "缴纳类别", "计算基数"},
		{"第一党小组"},
		{"赵明远", idNumber("19800101", "011"), "在职", "3000"},
		{"（二）第二党支部"},
		{"钱明亮", idNumber("19800101", "031"), "在职", "4000"},
		{"合计", nil, nil, "7000"},
	}, [][2]string{{"A2", "D2"}, {"A4", "D4"}}, nil)
	if len(bf.Rejected) != 0 || len(bf.Rows) != 2 {
		t.Fatalf("rows %+v rejected %+v", bf.Rows, bf.Rejected)
	}
	said := map[int]string{}
	for _, n := range bf.Notes {
		said[n.Row] = n.Message
	}
	if !strings.Contains(said[2], "“第一党小组”：是分组的标题") || !strings.Contains(said[4], "“第二党支部”：是分组的标题") {
		t.Errorf("notes %+v", bf.Notes)
	}
}

// The bases import reads each cell as the roster import does (one
// reading, sheetReader.shown): a conditional format's date format decides
// what a 党费已交至 shows, a ;;; rule hides a value (a required one refused
// saying so, 党费已交至 read as blank with a note), and a rule that cannot
// be worked out refuses the cell. It read every cell through its own
// format, whatever the rules.
func TestBasesFollowConditionalFormatting(t *testing.T) {
	row := func(name, seq string, base int) []any {
		return []any{name, idNumber("19800101", seq), "在职", base, 45580} // 2024-10-15
	}
	bf := basesFile(t, [][]any{
		{"姓名", "身份证号码", "缴纳类别", "计算基数", "党费已交至"},
		row("赵一", "011", 3000), row("钱二", "031", 3000), row("孙三", "051", 3000), row("李四", "071", 3000), row("周五", "091", 3000),
	}, nil, func(f *excelize.File) {
		year, month := "yyyy", "yyyy-mm"
		st, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &year})
		_ = f.SetCellStyle("Sheet1", "E2", "E2", st)
		_ = f.SetCellStyle("Sheet1", "E6", "E6", st)
		st, _ = f.NewStyle(&excelize.Style{CustomNumFmt: &month})
		_ = f.SetCellStyle("Sheet1", "E3", "E5", st)
		conditional(t, f, "E2:E2", "cell", ">", "0", `yyyy"年"m"月"`)
		conditional(t, f, "D3:D3", "cell", ">", "0", ";;;")
		conditional(t, f, "E4:E4", "cell", ">", "0", ";;;")
		conditional(t, f, "D5:D5", "formula", "", "$A5<>\"\"", "0")
		conditional(t, f, "E6:E6", "cell", "<", "0", `yyyy"年"m"月"`)
	})
	rows := map[int]BaseRow{}
	for _, r := range bf.Rows {
		rows[r.Row] = r
	}
	refused := map[int]string{}
	for _, r := range bf.Rejected {
		refused[r.Row] += string(r.Field) + ":" + r.Reason
	}
	if r, ok := rows[2]; !ok || r.PaidTo != model.MonthOf(2024, 10) {
		t.Errorf("row 2 (the rule shows 2024年10月): %+v refused %q", r, refused[2])
	}
	if got := refused[3]; !strings.Contains(got, "单元格存有“3000”，但条件格式把内容隐藏了") {
		t.Errorf("row 3 (base hidden by a rule): refused %q, row %+v", got, rows[3])
	}
	if r, ok := rows[4]; !ok || r.PaidTo != 0 {
		t.Errorf("row 4 (党费已交至 hidden by a rule): %+v refused %q", r, refused[4])
	}
	noted := false
	for _, n := range bf.Notes {
		noted = noted || n.Row == 4 && strings.Contains(n.Message, "孙三的党费已交至：单元格存有“2024-10-15”，但条件格式把内容隐藏了")
	}
	if !noted {
		t.Errorf("row 4: notes %+v", bf.Notes)
	}
	if got := refused[5]; !strings.Contains(got, "无法确定") {
		t.Errorf("row 5 (a formula rule): refused %q, row %+v", got, rows[5])
	}
	if got := refused[6]; !strings.Contains(got, "只有年份") || !strings.Contains(got, "2024-10-15") {
		t.Errorf("row 6 (the rule holds not: the cell shows 2024): refused %q, row %+v", got, rows[6])
	}
}

// A base shown otherwise than it is held — a sheet kept in thousands (0,
// shows 5400 as 5), by the cell's own format or a conditional one — is
// refused naming both, never stored as the 5.00 shown or the 5400 held in
// silence; and a 党费已交至 whose condition picks a section that shows no
// date is refused as the roster refuses it (review s6-7 attack #2, #3,
// #13).
func TestBasesShownOtherwiseThanHeld(t *testing.T) {
	row := func(name, seq string, base, paid any) []any {
		return []any{name, idNumber("19800101", seq), "在职", base, paid}
	}
	bf := basesFile(t, [][]any{
		{"姓名", "身份证号码", "缴纳类别", "计算基数", "党费已交至"},
		row("赵一", "011", 5400, nil), row("钱二", "031", 5400, nil), row("孙三", "051", 5400.5, nil),
		row("李四", "071", 5400, 46082), row("周五", "091", 5400, "2026.10"),
	}, nil, func(f *excelize.File) {
		style := func(ref, code string) {
			st, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			_ = f.SetCellStyle("Sheet1", ref, ref, st)
		}
		style("D2", "0,")
		conditional(t, f, "D3:D3", "cell", ">", "0", "0,")
		style("D4", "#,##0.00")
		style("E5", `[<46000]yyyy"年"m"月";"2026年10月"`)
		style("D6", "0")
	})
	rows := map[int]BaseRow{}
	for _, r := range bf.Rows {
		rows[r.Row] = r
	}
	refused := map[int]string{}
	for _, r := range bf.Rejected {
		refused[r.Row] += string(r.Field) + ":" + r.Reason
	}
	for _, n := range []int{2, 3} {
		if got := refused[n]; !strings.Contains(got, "单元格存有 5400.00，但它的数字格式把它显示为“5”") {
			t.Errorf("row %d (5400 shown as 5): refused %q, row %+v", n, got, rows[n])
		}
	}
	if r, ok := rows[4]; !ok || r.Base != 540050 {
		t.Errorf("row 4 (5,400.50): %+v refused %q", r, refused[4])
	}
	if got := refused[5]; !strings.Contains(got, "单元格显示的是“2026年10月”，不是日期") {
		t.Errorf("row 5 (a literal section): refused %q, row %+v", got, rows[5])
	}
	if r, ok := rows[6]; !ok || r.Base != 540000 || r.PaidTo != model.MonthOf(2026, 10) {
		t.Errorf("row 6: %+v refused %q", r, refused[6])
	}
}

// A merged 缴纳类别, 计算基数 or 党费已交至 belongs to every row it covers,
// as in the roster import (review s6-7 attack #4: the lower rows were
// refused for an empty base, or their 党费已交至 silently dropped).
func TestBasesMergedCellsBelongToEveryRow(t *testing.T) {
	bf := basesFile(t, [][]any{
		{"姓名", "身份证号码", "缴纳类别", "计算基数", "党费已交至"},
		{"乙一", idNumber("19800101", "011"), "在职", 4800, "2026.10"},
		{"乙二", idNumber("19800101", "031"), "离退休", 3000, "2026.10"},
		{"乙三", idNumber("19800101", "051"), nil, nil, "2026.10"},
		{"乙四", idNumber("19800101", "071"), "在职", 4800, "2026年9月"},
		{"乙五", idNumber("19800101", "091"), "在职", 4800, nil},
	}, [][2]string{{"C3", "C4"}, {"D3", "D4"}, {"E5", "E6"}}, nil)
	if len(bf.Rejected) != 0 || len(bf.Rows) != 5 {
		t.Fatalf("rows %+v rejected %+v", bf.Rows, bf.Rejected)
	}
	r := map[string]BaseRow{}
	for _, b := range bf.Rows {
		r[b.Name] = b
	}
	if b := r["乙三"]; b.Category != model.DuesRetired || b.Base != 300000 {
		t.Errorf("乙三: %+v, want 离退休 3000 from the merged cells", b)
	}
	if b := r["乙五"]; b.PaidTo != model.MonthOf(2026, 9) {
		t.Errorf("乙五: 党费已交至 %v, want 2026-09 from the merged cell", b.PaidTo)
	}
}

// basesFileFor is basesFile read for the bases of year; the error is the
// file's refusal.
func basesFileFor(t *testing.T, rows [][]any, year int) (*BaseFile, error) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		_ = f.SetSheetRow("Sheet1", ref, &r)
	}
	path := t.TempDir() + "/基数.xlsx"
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return ReadDuesBasesSheets(path, year, nil)
}

// Of two base columns the one naming the year imported is read; two that
// cannot be told apart refuse the file naming both, never the first taken
// silently (review s6-7 attack #7: last year's base was stored as this
// year's).
func TestBasesTwoBaseColumns(t *testing.T) {
	id := idNumber("19800101", "011")
	rows := [][]any{{"姓名", "身份证号码", "缴纳类别", "2025年计算基数", "2026年计算基数"}, {"乙一", id, "在职", 5000, 5400}}
	bf, err := basesFileFor(t, rows, 2026)
	if err != nil || len(bf.Rows) != 1 || bf.Rows[0].Base != 540000 || !slices.Equal(bf.Ignored, []string{"2025年计算基数"}) {
		t.Errorf("2026: %+v %v", bf, err)
	}
	bf, err = basesFileFor(t, rows, 2025)
	if err != nil || len(bf.Rows) != 1 || bf.Rows[0].Base != 500000 {
		t.Errorf("2025: %+v %v", bf, err)
	}
	for _, year := range []int{2027, 0} {
		if _, err := basesFileFor(t, rows, year); err == nil || !strings.Contains(err.Error(), "有 2 列计算基数（“2025年计算基数”“2026年计算基数”），不知导入哪一列") {
			t.Errorf("%d: err %v", year, err)
		}
	}
	_, err = basesFileFor(t, [][]any{{"姓名", "身份证号码", "计算基数", "调整后基数"}, {"乙一", id, 5000, 5400}}, 2026)
	if err == nil || !strings.Contains(err.Error(), "“计算基数”“调整后基数”") {
		t.Errorf("计算基数 | 调整后基数: err %v", err)
	}
}

// A heading the roster import knows for another field is not taken for a
// bases field by a word it contains: 党员身份 is no ID number, 人员类别 no
// 缴纳类别 (review s6-7 attack #8: every row was refused for the wrong
// column).
func TestBasesHeadingsOfOtherFields(t *testing.T) {
	id := idNumber("19800101", "011")
	bf, err := basesFileFor(t, [][]any{{"姓名", "党员身份", "身份证号码", "缴纳类别", "计算基数"}, {"乙一", "正式党员", id, "离退休", 3000}}, 2026)
	if err != nil || len(bf.Rejected) != 0 || len(bf.Rows) != 1 || bf.Rows[0].IDNumber != id || !slices.Equal(bf.Ignored, []string{"党员身份"}) {
		t.Errorf("党员身份: %+v %v", bf, err)
	}
	bf, err = basesFileFor(t, [][]any{{"姓名", "人员类别", "身份证号码", "缴纳类别", "计算基数"}, {"乙一", "正式党员", id, "离退休", 3000}}, 2026)
	if err != nil || len(bf.Rejected) != 0 || len(bf.Rows) != 1 || bf.Rows[0].Category != model.DuesRetired || !slices.Equal(bf.Ignored, []string{"人员类别"}) {
		t.Errorf("人员类别: %+v %v", bf, err)
	}
}

// The bases import reads an ID number and a base as the roster import
// does: an old 15-digit number is upgraded with a note, the advice about
// number cells is given for a number cell only, an empty ID is asked for,
// and a formula saved without its result is refused as such, not as an
// empty base (review s6-7 attack #10, s5 final attack #2b).
func TestBasesIDAndFormulaAsRoster(t *testing.T) {
	old15 := "620102800101011"
	up, _ := model.UpgradeIDNumber(old15)
	bf := basesFile(t, [][]any{
		{"姓名", "身份证号码", "计算基数"},
		{"乙一", old15, 3000},
		{"乙二", "62010219800101", 3000},
		{"乙三", nil, 3000},
		{"乙四", idNumber("19800101", "071"), nil},
	}, nil, func(f *excelize.File) {
		_ = f.SetCellFormula("Sheet1", "C5", "=B2*0+4400")
	})
	if len(bf.Rows) != 1 || bf.Rows[0].IDNumber != up {
		t.Errorf("rows %+v rejected %+v", bf.Rows, bf.Rejected)
	}
	noted := false
	for _, n := range bf.Notes {
		noted = noted || n.Row == 2 && strings.Contains(n.Message, "15位的旧身份证号码 "+old15+" 已按国家标准（GB 11643-1999）升级为18位 "+up)
	}
	if !noted {
		t.Errorf("notes %+v", bf.Notes)
	}
	refused := map[int]string{}
	for _, r := range bf.Rejected {
		refused[r.Row] += r.Reason
	}
	if got := refused[3]; got == "" || strings.Contains(got, "文本格式") {
		t.Errorf("row 3 (a text cell of 14 digits): %q", got)
	}
	if got := refused[4]; got != "请填写公民身份号码" {
		t.Errorf("row 4 (no ID): %q", got)
	}
	if got := refused[5]; !strings.Contains(got, "没有保存它的计算结果") {
		t.Errorf("row 5 (a formula without its result): %q", got)
	}
}

// A formula saved without its result is refused in every column of the
// bases import, naming the column: a 党费已交至 of =DATE(2026,5,1) was read
// as blank, the row imported and the opening position dropped without a
// word (review s13-attack8 #1).
func TestBasesFormulaWithoutResultInEveryColumn(t *testing.T) {
	for _, tc := range []struct {
		cell  string
		field model.Field
	}{
		{"A2", model.FieldName},
		{"B2", model.FieldIDNumber},
		{"C2", model.FieldDuesCategory},
		{"D2", model.FieldDuesBase},
		{"E2", model.FieldDuesPaidTo},
	} {
		t.Run(string(tc.field), func(t *testing.T) {
			rows := [][]any{
				{"姓名", "身份证号码", "缴纳类别", "计算基数", "党费已交至"},
				{"孙三", idNumber("19800101", "071"), "在职", 7000, "2026-04"},
				{"李四", idNumber("19810101", "071"), "在职", 6000, nil},
			}
			bf := basesFile(t, rows, nil, func(f *excelize.File) {
				_ = f.SetCellValue("Sheet1", tc.cell, nil)
				_ = f.SetCellFormula("Sheet1", tc.cell, "=DATE(2026,5,1)")
			})
			if len(bf.Rejected) != 1 || bf.Rejected[0].Row != 2 || bf.Rejected[0].Field != tc.field || !strings.Contains(bf.Rejected[0].Reason, "没有保存它的计算结果") {
				t.Errorf("refused %+v", bf.Rejected)
			}
			if len(bf.Rows) != 1 || bf.Rows[0].Name != "李四" {
				t.Errorf("rows %+v", bf.Rows)
			}
		})
	}
}
