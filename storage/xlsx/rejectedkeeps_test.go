package xlsx

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// savedInExcel does to a workbook what opening and saving it in Excel or
// WPS does to its formulas without a saved result: each is worked out and
// its value kept (here as the value alone, which the importer reads alike).
func savedInExcel(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r := range len(rows) + 1 {
			for c := range 30 {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula == "" {
					continue
				}
				v, err := f.CalcCellValue(sheet, ref, rawValues)
				if err != nil {
					t.Fatalf("%s!%s: %v", sheet, ref, err)
				}
				style, _ := f.GetCellStyle(sheet, ref)
				if err := f.SetCellFormula(sheet, ref, ""); err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellDefault(sheet, ref, v); err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// setCells sets text cells of a workbook's first sheet (the user's fixes).
func setCells(t *testing.T, data []byte, cells map[string]string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, v := range cells {
		if err := f.SetCellStr(f.GetSheetName(0), ref, v); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// refusals lists a reading's refusals as a user reads them, by person:
// "周杰 所在党支部：…", sorted.
func refusals(rf *RosterFile) []string {
	var out []string
	for _, r := range rf.Rejected {
		out = append(out, fmt.Sprintf("%s %s：%s", r.Name, r.Field.Label(), r.Reason))
	}
	sort.Strings(out)
	return out
}

// byName is a reading's members by name.
func byName(rf *RosterFile) map[string]model.Member {
	out := map[string]model.Member{}
	for _, m := range rf.Members {
		out[m.Member.Name] = m.Member
	}
	return out
}

// Kind 10, handing the bad rows back (review fix13 #1): formula cells
// without a saved result — from a program that writes formulas and does
// not work them out — go into the workbook of refused rows as formulas
// still without one, each giving the value the original's gives. Imported
// unchanged the copy is refused for the same cells as the original (it
// wrote them empty, and 所在党支部 was stored empty without a word); saved
// in Excel and fixed, it stores what the original saved and fixed stores.
func TestRejectedRowsKeepUnsavedFormulas(t *testing.T) {
	good, other, third := idNumber("19850312", "013"), idNumber("19900606", "024"), idNumber("19880808", "035")
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "人员类别", "所在党支部", "工作岗位", "联系电话", "籍贯"}
	data := roster(t, [][]any{
		head,
		{"周杰", good, "2008-07-01", "2009-07-01", "正式党员", nil, nil, "123", nil},
		{"吴敏", other, "2010-07-01", nil, "正式党员", nil, "会计", "13712345678", "兰州"},
		{"郑凯", third, "2012-07-01", "2013-07-01", "正式党员", nil, "出纳", "1371234", nil},
	})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("代码"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr("代码", "A1", "第三党支部"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr("代码", "A2", "13712345678"); err != nil {
		t.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	for ref, formula := range map[string]string{
		"F2": `"第一党支部"`,                   // a constant
		"G2": `"支部"&"书记"`,                 // worked out from constants
		"I2": `"甘"&"肃"`,                   // a column not imported
		"F3": `代码!A1`,                     // another sheet, not in the copy
		"D3": `DATE(2011,7,1)`,            // a date, in a date format
		"F4": `IF(LEN(B4)=18,"第四党支部","")`, // cells of its own row: kept, moved with the row
		"I4": `代码!A2`,                     // text digits: text, as a phone or ID number
	} {
		if err := f.SetCellValue("名册", ref, nil); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellFormula("名册", ref, formula); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellStyle("名册", "D3", "D3", dateStyle); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	data = buf.Bytes()

	original := read(t, data)
	if len(original.Members) != 0 {
		t.Fatalf("the original's rows should all be refused: members %+v", original.Members)
	}
	var out bytes.Buffer
	if n, err := WriteRejectedRows(&out, data, original.Rejected, nil); err != nil || n != 3 {
		t.Fatalf("wrote %d rows: %v", n, err)
	}
	copied := out.Bytes()

	t.Run("imported unchanged, the copy is refused for the same cells", func(t *testing.T) {
		back := read(t, copied)
		if got, want := strings.Join(refusals(back), "\n"), strings.Join(refusals(original), "\n"); got != want {
			t.Errorf("the copy is refused for\n%s\nthe original for\n%s", got, want)
		}
		if len(back.Members) != 0 {
			t.Errorf("the copy stored %+v", byName(back))
		}
	})

	t.Run("the copy is worked out when opened", func(t *testing.T) {
		cf, err := excelize.OpenReader(bytes.NewReader(copied))
		if err != nil {
			t.Fatal(err)
		}
		defer cf.Close()
		props, err := cf.GetCalcProps()
		if err != nil || props.FullCalcOnLoad == nil || !*props.FullCalcOnLoad {
			t.Errorf("calc props %+v (%v): Excel and WPS would show the formulas empty", props, err)
		}
		for ref, want := range map[string]string{"F2": `"第一党支部"`, "G2": `"支部"&"书记"`, "I2": `"甘"&"肃"`, "F3": `"第三党支部"`, "D3": `DATE(2011,7,1)`, "F4": `IF(LEN(B4)=18,"第四党支部","")`, "I4": `"13712345678"`} {
			if got, _ := cf.GetCellFormula("名册", ref); got != want {
				t.Errorf("%s holds =%s, want =%s", ref, got, want)
			}
		}
	})

	t.Run("saved in Excel and fixed, the copy stores what the original stores", func(t *testing.T) {
		fixes := map[string]string{"H2": "13712345678", "H4": "13712345679"}
		want := byName(read(t, setCells(t, savedInExcel(t, data), fixes)))
		got := read(t, setCells(t, savedInExcel(t, copied), fixes))
		if len(got.Rejected) != 0 || len(want) != 3 {
			t.Fatalf("refused %q; the original stores %d", refusals(got), len(want))
		}
		for name, w := range want {
			g := byName(got)[name]
			if g.BranchName != w.BranchName || g.Post != w.Post || g.FullDate != w.FullDate || g.JoinDate != w.JoinDate || g.Phone != w.Phone {
				t.Errorf("%s: the copy stores 所在党支部 %q 工作岗位 %q 转正 %v; the original %q %q %v",
					name, g.BranchName, g.Post, g.FullDate, w.BranchName, w.Post, w.FullDate)
			}
		}
		if w := want["周杰"]; w.BranchName != "第一党支部" || w.Post != "支部书记" || want["吴敏"].BranchName != "第三党支部" ||
			want["吴敏"].FullDate != model.NewDate(2011, 7, 1) || want["郑凯"].BranchName != "第四党支部" {
			t.Errorf("the original, saved in Excel, stores %+v", want)
		}
	})
}

// Kind 10 (review fix13 #3): each cell of the workbook of refused rows
// shows what the source showed — 123.00, 50%, 1,234.00, a date to the
// month, TRUE, text digits — refused cell or not, and imported unchanged
// the copy is refused for the same cells saying the same. The faulty cell
// of a number that lost its meaning is in the text format, as before,
// where that shows it as the source did (TestRejectedNumberCellsBecomeText).
func TestRejectedRowsShowWhatTheSourceShowed(t *testing.T) {
	id := func(seq string) string { return idNumber("19800101", seq) }
	tests := []struct {
		name string
		cell any // in 联系电话, refused as no phone, and in 籍贯, not imported
	}{
		{"two decimals", fmtCell{v: "123", code: "0.00"}},
		{"built-in two decimals", fmtCell{v: "123", numFmt: 2}},
		{"thousands", fmtCell{v: "1234", numFmt: 4}},
		{"percentage", fmtCell{v: "0.5", numFmt: 9}},
		{"currency", fmtCell{v: "1234.5", code: `"¥"#,##0.00`}},
		{"leading zeros", fmtCell{v: "123", code: "000000"}},
		{"date to the month", fmtCell{v: "39604", code: `yyyy"年"m"月"`}},
		{"short date", fmtCell{v: "39604", numFmt: 14}},
		{"text digits", "0012"},
		{"logical", true},
	}
	rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "人员类别", "联系电话", "籍贯"}}
	seqs := []string{"011", "031", "051", "071", "091", "111", "131", "151", "171", "191"}
	for i, tt := range tests {
		rows = append(rows, []any{"党员" + tt.name, id(seqs[i]), fmtCell{v: "39604", code: `yyyy"年"m"月"`}, dateCell(40000), "正式党员", tt.cell, tt.cell})
	}
	data := roster(t, rows)
	original := read(t, data)
	if len(original.RejectedRows()) != len(tests) {
		t.Fatalf("refused %q", refusals(original))
	}
	var out bytes.Buffer
	if _, err := WriteRejectedRows(&out, data, original.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	src, err := excelize.OpenReader(bytes.NewReader(data), shownOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	cp, err := excelize.OpenReader(bytes.NewReader(out.Bytes()), shownOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	for i, tt := range tests {
		for _, col := range []string{"C", "D", "F", "G"} {
			ref := fmt.Sprintf("%s%d", col, i+2)
			want, _ := src.GetCellValue("名册", ref)
			if got, _ := cp.GetCellValue("名册", ref); got != want {
				t.Errorf("%s, %s: the copy shows %q, the source %q", tt.name, ref, got, want)
			}
		}
	}
	back := read(t, out.Bytes())
	if got, want := strings.Join(refusals(back), "\n"), strings.Join(refusals(original), "\n"); got != want {
		t.Errorf("the copy is refused for\n%s\nthe original for\n%s", got, want)
	}
	for i, r := range back.Rejected {
		if i < len(original.Rejected) && r.Value != original.Rejected[i].Value {
			t.Errorf("%s: the copy's refusal quotes %q, the original's %q", r.Name, r.Value, original.Rejected[i].Value)
		}
	}

	// An ISO 8601 date cell (t="d") shown to the month goes back as the
	// date it is, to the month, not as the text 2008-06-01T00:00:00.
	t.Run("ISO date cell", func(t *testing.T) {
		typed := rewriteParts(t, data, func(name, body string) string {
			if !strings.Contains(name, "worksheets/") {
				return body
			}
			return regexp.MustCompile(`(<c r="C2"[^>]*)><v>39604</v>`).ReplaceAllString(body, `$1 t="d"><v>2008-06-05T00:00:00</v>`)
		})
		rf := read(t, typed)
		var out bytes.Buffer
		if _, err := WriteRejectedRows(&out, typed, rf.Rejected, nil); err != nil {
			t.Fatal(err)
		}
		cp, err := excelize.OpenReader(bytes.NewReader(out.Bytes()), shownOptions)
		if err != nil {
			t.Fatal(err)
		}
		defer cp.Close()
		if got, _ := cp.GetCellValue("名册", "C2"); got != "2008年6月" {
			t.Errorf("C2 shows %q, want 2008年6月", got)
		}
		fixed := setCells(t, out.Bytes(), map[string]string{"F2": "13712345678"})
		if m := member(t, read(t, fixed), 2); m.JoinDate != model.MonthDate(2008, 6) {
			t.Errorf("re-imported 加入党组织日期 %v, want 2008-06", m.JoinDate)
		}
	})
}

// Which formulas are copied as they are (naming no cell, standing
// anywhere alike), and what a worked-out value is written as.
func TestCopiedFormulaKinds(t *testing.T) {
	for formula, refers := range map[string]bool{
		`"第一党支部"`: false, `"周"&"文斌"`: false, `DATE(2011,7,1)`: false, `TODAY()`: false,
		`A5`: true, `代码!A1`: true, `'第 二'!$B$2`: true, `SUM(C2:C9)`: true, `支部名称`: true,
		`ROW()`: true, `INDIRECT("A1")`: true, `IF(LEN(B4)=18,"x","")`: true, `_xlfn.CONCAT("a","b")`: false,
	} {
		if got := refersToCells(formula); got != refers {
			t.Errorf("refersToCells(%s) = %v, want %v", formula, got, refers)
		}
	}
	for _, tt := range []struct {
		v    string
		text bool
		want string
	}{
		{"第一党支部", false, `"第一党支部"`}, {`说"是"`, false, `"说""是"""`}, {"40725", false, "40725"}, {"2003.1", false, "2003.1"},
		{"TRUE", false, "TRUE"}, {"0012", false, `"0012"`}, {"2003.10", false, `"2003.10"`}, {"1E+3", false, `"1E+3"`}, {"--1", false, `"--1"`},
		{"13712345678", true, `"13712345678"`}, {"TRUE", true, `"TRUE"`},
	} {
		if got := constantFormula(tt.v, tt.text); got != tt.want {
			t.Errorf("constantFormula(%s, text %v) = %s, want %s", tt.v, tt.text, got, tt.want)
		}
	}
}

// A formula naming cells of other rows, and more than one cell, is copied
// as #N/A, typed in by the user, not as a formula that would name other
// cells in the copy; imported unchanged it is refused as the original.
func TestRejectedRowsUncomputableFormula(t *testing.T) {
	data := roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "人员类别", "所在党支部"},
		{"周杰", idNumber("19850312", "013"), "2008-07-01", "2009-07-01", "正式党员", nil},
	})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFormula("名册", "F2", `CUBEVALUE(A1,"x")&B1`); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	original := read(t, buf.Bytes())
	var out bytes.Buffer
	if _, err := WriteRejectedRows(&out, buf.Bytes(), original.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	cp, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if got, _ := cp.GetCellFormula("名册", "F2"); got != "NA()" {
		t.Errorf("F2 holds =%s, want =NA()", got)
	}
	if got, want := strings.Join(refusals(read(t, out.Bytes())), "\n"), strings.Join(refusals(original), "\n"); got != want || want == "" {
		t.Errorf("the copy is refused for\n%s\nthe original for\n%s", got, want)
	}
}

// A formula naming only cells of its own row is kept in the copy, its
// references moved with the row; one naming another row, another sheet or
// asking where it stands is not.
func TestOwnRowFormulas(t *testing.T) {
	for formula, own := range map[string]bool{
		`IF(LEN(B4)=18,"第四党支部","")`: true, `SUM(B4:D4)`: true, `$B4&C4`: true, `$B4&C$4`: false,
		`B3&C4`: false, `代码!A4`: false, `ROW()`: false, `"第一党支部"`: false, `SUM(B:B)`: false, `支部名称`: false,
	} {
		if got := ownRow(formula, 4); got != own {
			t.Errorf("ownRow(%s, 4) = %v, want %v", formula, got, own)
		}
	}
	if got := shiftRefs(`IF(LEN(B4)=18,"第四党支部","")`, 0, -2); got != `IF(LEN(B2)=18,"第四党支部","")` {
		t.Errorf("moved to row 2: %s", got)
	}
}
