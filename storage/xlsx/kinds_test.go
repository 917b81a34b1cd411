package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// Rosters as they really arrive (issue 7): one table per kind of input,
// each built as a small workbook and read back, asserting the values a
// member ends up with, not only how many were read.

// roster is a one-sheet workbook with a heading row and data rows.
func roster(t testing.TB, rows [][]any, merges ...[2]string) []byte {
	return workbook{sheets: []sheetSpec{{name: "名册", rows: rows, merges: merges}}}.bytes(t)
}

// Kind 1: a merged cell's value belongs to every row it covers.
func TestKindMergedDataCells(t *testing.T) {
	id := func(n int) string { return idNumber("19800101", []string{"011", "022", "033", "044", "055"}[n]) }
	data := roster(t, [][]any{
		{"中共示例镇联合党委党员花名册"},
		{"序号", "所在党支部", "姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "备注", nil},
		{"1", "第一党支部", "赵一", id(0), "正式党员", "2010-07-01", "2011-07-01", "跨两列的备注", nil},
		{"2", nil, "钱二", id(1), "预备党员", "2026-03-01", nil, nil, nil},
		{"3", nil, "孙三", id(2), nil, "2026-05-01", nil, nil, nil},
		{"4", "第二党支部", "李四", id(3), "正式党员", "2010-07-01", "2011-07-01", nil, nil},
		{"5", nil, "周五", id(4), "正式党员", "2010-07-01", "2011-07-01", nil, nil},
	}, [2]string{"A1", "H1"}, [2]string{"B3", "B5"}, [2]string{"B6", "B7"}, [2]string{"E4", "E5"}, [2]string{"H3", "I3"})
	rf := read(t, data)
	tests := []struct {
		row    int
		branch string
		cat    model.Category
		notes  string
	}{
		{3, "第一党支部", model.CategoryFull, "跨两列的备注"},
		{4, "第一党支部", model.CategoryProbationary, ""},
		{5, "第一党支部", model.CategoryProbationary, ""},
		{6, "第二党支部", model.CategoryFull, ""},
		{7, "第二党支部", model.CategoryFull, ""},
	}
	for _, tt := range tests {
		m := member(t, rf, tt.row)
		if m.BranchName != tt.branch || m.Category != tt.cat || m.Notes != tt.notes {
			t.Errorf("row %d: branch %q category %q notes %q; want %q %q %q", tt.row, m.BranchName, m.Category, m.Notes, tt.branch, tt.cat, tt.notes)
		}
	}
	if len(rf.Rejected) > 0 {
		t.Errorf("rejected %+v", rf.Rejected)
	}
}

// A 所在党支部 merged over a template's block of printed 序号, past the
// members filled in: the spare rows are no members to refuse (review
// s8-7 newuser #12); a real member under the merge still imports.
func TestMergeOverSpareNumberedRows(t *testing.T) {
	rows := [][]any{{"序号", "所在党支部", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"},
		{"1", "第一党支部", "陆甲", idNumber("19800101", "011"), "2008.06", "2009.06"},
		{"2", nil, "陆乙", idNumber("19810101", "011"), "2008.06", "2009.06"}}
	for i := 3; i <= 11; i++ {
		rows = append(rows, []any{fmt.Sprint(i)})
	}
	rows[6] = []any{"6", nil, "陆丙", idNumber("19820101", "011"), "2008.06", "2009.06"}
	rf := read(t, roster(t, rows, [2]string{"B2", "B12"}))
	if len(rf.Rejected) != 0 || len(rf.Members) != 3 || member(t, rf, 7).BranchName != "第一党支部" {
		t.Errorf("members %d rejected %+v", len(rf.Members), rf.Rejected)
	}
}

// Kind 2: characters nobody sees, pasted from contacts, chat apps and web
// pages, are gone from every field, the headings too.
func TestKindInvisibleCharacters(t *testing.T) {
	id := idNumber("19880705", "511")
	tests := []struct {
		name  string
		cells []any // 姓名, 公民身份号码, 联系电话, 加入党组织日期, 工作岗位
		want  model.Member
	}{
		{"bidi embedding around the ID number", []any{"冯志强", "\u202d" + id + "\u202c", "13712345678", "2012-05-01", "车间主任"},
			model.Member{Name: "冯志强", IDNumber: id, Phone: "13712345678", Post: "车间主任"}},
		{"zero-width space inside the ID number", []any{"冯志强", id[:6] + "\u200b" + id[6:], "13712345678", "2012-05-01", "车间主任"},
			model.Member{Name: "冯志强", IDNumber: id, Phone: "13712345678", Post: "车间主任"}},
		{"byte-order mark before the ID number", []any{"冯志强", "\ufeff" + id, "13712345678", "2012-05-01", "车间主任"},
			model.Member{Name: "冯志强", IDNumber: id, Phone: "13712345678", Post: "车间主任"}},
		{"phone with direction marks and spaces", []any{"冯志强", id, "\u200e137 1234 5678\u200f", "2012-05-01", "车间主任"},
			model.Member{Name: "冯志强", IDNumber: id, Phone: "13712345678", Post: "车间主任"}},
		{"zero-width joiner in the name", []any{"冯\u200d志\u200c强", id, "13712345678", "2012-05-01", "车间主任"},
			model.Member{Name: "冯志强", IDNumber: id, Phone: "13712345678", Post: "车间主任"}},
		{"word joiner in a date and soft hyphen in the post", []any{"冯志强", id, "13712345678", "2012\u2060-05-01", "车间\u00ad主任"},
			model.Member{Name: "冯志强", IDNumber: id, Phone: "13712345678", Post: "车间主任"}},
		{"no-break spaces round the name", []any{"\u00a0冯志强\u00a0", id, "13712345678", "2012-05-01", "车间主任"},
			model.Member{Name: "冯志强", IDNumber: id, Phone: "13712345678", Post: "车间主任"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"\ufeff姓名", "公民身份\u200b号码", "联系电话", "入党时间", "工作岗位", "人员类别", "转正时间"},
				append(tt.cells, "正式党员", "2013-05-01"),
			}))
			m := member(t, rf, 2)
			if m.Name != tt.want.Name || m.IDNumber != tt.want.IDNumber || m.Phone != tt.want.Phone || m.Post != tt.want.Post || m.JoinDate != model.NewDate(2012, 5, 1) {
				t.Errorf("got %q %q %q %q %v", m.Name, m.IDNumber, m.Phone, m.Post, m.JoinDate)
			}
		})
	}
}

// Kind 3: a number cell means what its number format shows. A date format
// that shows year and month gives a date to the month, exactly as the same
// text typed by hand; one that shows no year is refused; a number that is
// not a date shows what it shows.
func TestKindNumberFormats(t *testing.T) {
	month, day := model.MonthDate, model.NewDate
	jun15 := "39614" // 2008-06-15
	tests := []struct {
		name   string
		cell   any
		want   model.Date
		refuse string // a word the refusal says, "" for none
	}{
		{`custom yyyy"年"m"月"`, fmtCell{v: jun15, code: `yyyy"年"m"月"`}, month(2008, time.June), ""},
		{"custom yyyy-mm", fmtCell{v: jun15, code: "yyyy-mm"}, month(2008, time.June), ""},
		{"custom yyyy.mm", fmtCell{v: jun15, code: "yyyy.mm"}, month(2008, time.June), ""},
		{"custom yyyy/m", fmtCell{v: jun15, code: "yyyy/m"}, month(2008, time.June), ""},
		{"custom with a locale tag", fmtCell{v: jun15, code: `[$-804]yyyy"年"m"月";@`}, month(2008, time.June), ""},
		{"built-in 57 of a Chinese Excel (yyyy年m月)", fmtCell{v: jun15, numFmt: 57}, month(2008, time.June), ""},
		{"built-in 31 (yyyy年m月d日)", fmtCell{v: jun15, numFmt: 31}, day(2008, time.June, 15), ""},
		{"built-in 14, the short date", fmtCell{v: jun15, numFmt: 14}, day(2008, time.June, 15), ""},
		{"custom yyyy-mm-dd hh:mm drops the time", fmtCell{v: jun15 + ".75", code: "yyyy-mm-dd hh:mm"}, day(2008, time.June, 15), ""},
		{`custom m"月"d"日" shows no year`, fmtCell{v: jun15, code: `m"月"d"日"`}, model.Date{}, "没有年份；单元格里存的日期是 2008-06-15"},
		{"built-in 58 shows no year", fmtCell{v: jun15, numFmt: 58}, model.Date{}, "没有年份；单元格里存的日期是 2008-06-15"},
		{"6月15日 typed as text", "6月15日", model.Date{}, "没有年份（日期单元格只显示月日时"},
		{"custom yy/m shows 08/6: year and month", fmtCell{v: jun15, code: "yy/m"}, month(2008, time.June), ""},
		{"custom yy-mm shows 08-06: year and month", fmtCell{v: jun15, code: "yy-mm"}, month(2008, time.June), ""},
		{"a serial in General shows a number", numberCell(jun15), model.Date{}, "2008年6月15日"},
		{"a serial typed as text", jun15, model.Date{}, "不是日期"},
		{"2008.10 in a 0.00 number format shows October", fmtCell{v: "2008.1", numFmt: 2}, month(2008, time.October), ""},
		{"2008.1 in General may be January or October", numberCell("2008.1"), model.Date{}, "1月还是10月"},
		// Text 2008.1 may be a copied number cell: refused as every form
		// refuses it (model.AmbiguousMonthError, review s5-8 attack #5).
		{"2008.1 typed as text may be January or October", "2008.1", model.Date{}, "1月还是10月"},
		{"2008.06 in General", numberCell("2008.06"), month(2008, time.June), ""},
		{"200806 in General", numberCell("200806"), month(2008, time.June), ""},
		{"20080615 in General", numberCell("20080615"), day(2008, time.June, 15), ""},
		// Formats whose text the date parser does not read: the serial and
		// the format's date parts decide.
		{"built-in 17 (mmm-yy) shows Jun-08", fmtCell{v: jun15, numFmt: 17}, month(2008, time.June), ""},
		{"built-in 15 (d-mmm-yy)", fmtCell{v: jun15, numFmt: 15}, day(2008, time.June, 15), ""},
		{"built-in 16 (d-mmm) shows no year", fmtCell{v: jun15, numFmt: 16}, model.Date{}, "没有年份"},
		{"custom yy.mm (08.06)", fmtCell{v: jun15, code: "yy.mm"}, month(2008, time.June), ""},
		{`custom yy"年"m"月" (08年6月)`, fmtCell{v: jun15, code: `yy"年"m"月"`}, month(2008, time.June), ""},
		{"custom mm/yyyy", fmtCell{v: jun15, code: "mm/yyyy"}, month(2008, time.June), ""},
		{"custom [$-409]mmmm yyyy (June 2008)", fmtCell{v: jun15, code: "[$-409]mmmm yyyy"}, month(2008, time.June), ""},
		{`Chinese numerals [DBNum1]yyyy"年"m"月"`, fmtCell{v: jun15, code: `[DBNum1][$-804]yyyy"年"m"月"`}, month(2008, time.June), ""},
		{"custom m/d/yy", fmtCell{v: jun15, code: "m/d/yy"}, day(2008, time.June, 15), ""},
		{"custom dd/mm/yyyy", fmtCell{v: "39600", code: "dd/mm/yyyy"}, day(2008, time.June, 1), ""},
		{`custom yyyy"年"m"月"d"日" aaaa (a weekday after)`, fmtCell{v: jun15, code: `yyyy"年"m"月"d"日" aaaa`}, day(2008, time.June, 15), ""},
		{"custom yyyy shows the year alone", fmtCell{v: jun15, code: "yyyy"}, model.Date{}, "只有年份，请写到月份；单元格里存的日期是 2008-06-15"},
		{`custom yyyy"年" shows the year alone`, fmtCell{v: jun15, code: `yyyy"年"`}, model.Date{}, "只有年份，请写到月份；单元格里存的日期是 2008-06-15"},
		{"2008年 typed as text", "2008年", model.Date{}, "只有年份，请写到月份，如 2008.03"},
		{"custom h:mm is a time, not a date", fmtCell{v: "0.75", code: "h:mm"}, model.Date{}, "无法识别日期"},
		{"custom hh:mm:ss on a serial is a time", fmtCell{v: jun15 + ".5", code: "hh:mm:ss"}, model.Date{}, "无法识别日期"},
		{"Jun-08 typed as text is not read", "Jun-08", model.Date{}, "无法识别日期"},
		{"08年6月 typed as text is not read", "08年6月", model.Date{}, "无法识别日期"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "入党时间", "人员类别", "转正时间"},
				{"蒋卫东", idNumber("19850312", "011"), tt.cell, "正式党员", "2012-06"},
			}))
			if tt.refuse != "" {
				got := rejections(rf, 2)[model.FieldJoinDate]
				if !strings.Contains(got, tt.refuse) {
					t.Fatalf("want 入党时间 refused saying %q; got %q (members %+v)", tt.refuse, got, rf.Members)
				}
				return
			}
			if m := member(t, rf, 2); m.JoinDate != tt.want {
				t.Errorf("join date %v (month only %v), want %v", m.JoinDate, m.JoinDate.MonthOnly(), tt.want)
			}
		})
	}
}

// A date cell of the ISO 8601 date type (t="d", as LibreOffice and other
// programs may write) reads as the date its format shows, and a workbook in
// the 1904 date system (Mac Excel) counts from 1904.
func TestKindDateTypedCellsAnd1904(t *testing.T) {
	rows := [][]any{
		{"姓名", "公民身份号码", "入党时间", "人员类别", "转正时间"},
		{"蒋卫东", idNumber("19850312", "011"), fmtCell{v: "39614", code: `yy"年"m"月"`}, "正式党员", fmtCell{v: "39979", numFmt: 14}},
	}
	typed := rewriteParts(t, roster(t, rows), func(name, body string) string {
		if !strings.Contains(name, "worksheets/") {
			return body
		}
		body = regexp.MustCompile(`(<c r="C2"[^>]*)><v>39614</v>`).ReplaceAllString(body, `$1 t="d"><v>2008-06-15T00:00:00Z</v>`)
		return regexp.MustCompile(`(<c r="E2"[^>]*)><v>39979</v>`).ReplaceAllString(body, `$1 t="d"><v>2009-06-15</v>`)
	})
	f, err := excelize.OpenReader(bytes.NewReader(typed))
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"C2", "E2"} {
		if typ, _ := f.GetCellType("名册", ref); typ != excelize.CellTypeDate {
			t.Fatalf("%s is of type %v, not a date cell: the test does not test", ref, typ)
		}
	}
	f.Close()
	m := member(t, read(t, typed), 2)
	if m.JoinDate != model.MonthDate(2008, time.June) || m.FullDate != model.NewDate(2009, 6, 15) {
		t.Errorf("typed date cells: join %v full %v, want 2008-06 and 2009-06-15", m.JoinDate, m.FullDate)
	}
	mac := workbook{sheets: []sheetSpec{{name: "名册", rows: [][]any{
		{"姓名", "公民身份号码", "入党时间", "人员类别", "转正时间"},
		{"蒋卫东", idNumber("19850312", "011"), fmtCell{v: "38152", code: "mmm-yy"}, "正式党员", fmtCell{v: "38517", numFmt: 14}},
	}}}, opts: func(f *excelize.File) {
		on := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
			t.Fatal(err)
		}
	}}.bytes(t)
	m = member(t, read(t, mac), 2)
	if m.JoinDate != model.MonthDate(2008, time.June) || m.FullDate != model.NewDate(2009, 6, 15) {
		t.Errorf("1904 system: join %v full %v, want 2008-06 and 2009-06-15", m.JoinDate, m.FullDate)
	}
}

// A month-precision date cell makes up no day: a member born 20 June 1990
// who joined in June 2008 is not refused as under 18, and a birth month
// cell agrees with the ID number's birth date.
func TestKindMonthCellsMakeUpNoDay(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "出生年月", "入党时间", "转正时间", "人员类别"},
		{"沈秀英", idNumber("19900620", "022"), fmtCell{v: "33044", code: `yyyy"年"m"月"`}, fmtCell{v: "39600", code: `yyyy"年"m"月"`}, fmtCell{v: "39965", code: `yyyy"年"m"月"`}, "正式党员"},
	}))
	m := member(t, rf, 2)
	if m.JoinDate != model.MonthDate(2008, time.June) || m.FullDate != model.MonthDate(2009, time.June) || m.BirthDate != model.NewDate(1990, 6, 20) {
		t.Errorf("got birth %v join %v full %v", m.BirthDate, m.JoinDate, m.FullDate)
	}
}

// Kind 4: the checks that depend on how a cell is stored run on every
// workbook read, Strict Open XML too (namespaces of ISO 29500 strict).
func TestKindChecksRunOnStrictOpenXML(t *testing.T) {
	data := strict(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "人员类别", "转正时间"},
		{"严勇", numberCell("6.20503198712143E+17"), "2010.07", "正式党员", "2011.07"},
		{"廖明", idNumber("19710924", "993"), numberCell("2010.1"), "正式党员", "2011.07"},
		{"龙敏", idNumber("19961117", "930"), fmtCell{v: "46116", code: `yyyy"年"m"月"`}, "预备党员", nil},
	}, [2]string{"A10", "B10"}))
	rf := read(t, data)
	if got := rejections(rf, 2)[model.FieldIDNumber]; !strings.Contains(got, "存成了数字") {
		t.Errorf("row 2: the ID number stored as a number is not caught: %q", got)
	}
	if got := rejections(rf, 3)[model.FieldJoinDate]; !strings.Contains(got, "1月还是10月") {
		t.Errorf("row 3: 2010.1 stored as a number is not caught: %q", got)
	}
	if m := member(t, rf, 4); m.JoinDate != model.MonthDate(2026, time.April) {
		t.Errorf("row 4: %v, want April 2026 to the month", m.JoinDate)
	}
}

// Kind 4 too: a valid workbook may keep its shared strings and styles
// under other part names, which its relationships give (excelize reads them
// only from the usual paths): the names, dates and formats read the same.
func TestKindPartsWhereTheRelationshipsSay(t *testing.T) {
	base := roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "人员类别", "转正时间"},
		{"蒋卫东", idNumber("19850312", "011"), fmtCell{v: "39614", code: `yyyy"年"m"月"`}, "正式党员", "2012-06"},
	})
	moved := map[string]string{"xl/sharedStrings.xml": "xl/strings/table.xml", "xl/styles.xml": "xl/look.xml"}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		text := string(body)
		for from, to := range moved {
			text = strings.ReplaceAll(text, strings.TrimPrefix(from, "xl/"), strings.TrimPrefix(to, "xl/"))
		}
		name := zf.Name
		if to, ok := moved[name]; ok {
			name = to
		}
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte(text))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	m := member(t, read(t, buf.Bytes()), 2)
	if m.Name != "蒋卫东" || m.JoinDate != model.MonthDate(2008, time.June) || m.Category != model.CategoryFull {
		t.Errorf("got %s %v %s", m.Name, m.JoinDate, m.Category)
	}
}

// strict rewrites a workbook's namespaces to those of Strict Open XML.
func strict(t testing.TB, data []byte) []byte {
	t.Helper()
	repl := strings.NewReplacer(
		"http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main",
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships",
		"http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main",
	)
	return rewriteParts(t, data, func(_, body string) string { return repl.Replace(body) })
}

// rewriteParts rewrites every part of a workbook through edit.
func rewriteParts(t testing.TB, data []byte, edit func(name, body string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		w, _ := zw.Create(zf.Name)
		_, _ = w.Write([]byte(edit(zf.Name, string(body))))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Kind 5: headings as templates write them, and every column not imported
// named.
func TestKindHeadingVariants(t *testing.T) {
	tests := []struct {
		heading string
		want    model.Field
	}{
		{"预/正", model.FieldCategory}, {"正式/预备", model.FieldCategory}, {"党员类别", model.FieldCategory}, {"类别", model.FieldCategory},
		{"身份证号码（18位）", model.FieldIDNumber}, {"居民身份证号码", model.FieldIDNumber}, {"证件号码", model.FieldIDNumber},
		{"成为预备党员时间", model.FieldJoinDate}, {"入党时间（预备）", model.FieldJoinDate}, {"成为正式党员时间", model.FieldFullDate},
		{"所在党组织", model.FieldBranchName}, {"所属支部", model.FieldBranchName}, {"现工作单位", model.FieldPost},
		{"手机号码", model.FieldPhone}, {"移动电话", model.FieldPhone}, {"现住址", model.FieldAddress},
		// The headings of the national information system's import template
		// and their variants.
		{"是否为失联党员", model.FieldLostContact}, {"失去联系的日期", model.FieldLostSince}, {"是否为流动党员", model.FieldMobile},
		{"流动党员外出流向", model.FieldMobileDestination}, {"加入中国共产党时间", model.FieldJoinDate}, {"支部", model.FieldBranchName},
		{"是否失联党员（是/否）", model.FieldLostContact}, {"入党时间（年.月）", model.FieldJoinDate}, {"性别（男/女）", model.FieldSex},
		{"预备/正式党员", model.FieldCategory}, {"所在单位及职务", model.FieldPost},
		{"党支部名称", model.FieldBranchName}, {"手机号码/电话", model.FieldPhone}, {"电话或手机", model.FieldPhone},
		{"职务/职称", model.FieldPost}, {"入党时间/转正时间", ""},
	}
	for _, tt := range tests {
		if got, _ := matchHeading(tt.heading); got != tt.want {
			t.Errorf("matchHeading(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
	rf := read(t, roster(t, [][]any{
		{"序号", "姓名", "身份证号", "籍贯", "预/正", "入党时间", "工作地", "转正时间", "手机", "电话"},
		{"1", "孔令辉", idNumber("19870514", "911"), "浙江杭州", "正", "2010.06", "杭州", "2011.06", "13512345670", "0571-88886666"},
	}))
	if got := rf.Sheets[0].Ignored; !slices.Equal(got, []string{"籍贯", "工作地", "电话（重复的“联系电话”列）"}) {
		t.Errorf("columns not imported %q", got)
	}
	if m := member(t, rf, 2); m.Category != model.CategoryFull || m.Phone != "13512345670" {
		t.Errorf("got %+v", m)
	}
}

// A column named as written takes its field from one that names it only
// once its brackets are dropped, whichever comes first (the review's
// 联系方式（微信） before 手机号码/电话 made every phone "wx123").
func TestKindHeadingAsWrittenWins(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "身份证号", "联系方式（微信）", "手机号码/电话", "党支部名称"},
		{"孔令辉", idNumber("19870514", "911"), "wx123", "13512345670", "第一党支部"},
	}))
	if got := rf.Sheets[0].Ignored; !slices.Equal(got, []string{"联系方式（微信）（重复的“联系电话”列）"}) {
		t.Errorf("columns not imported %q", got)
	}
	if m := member(t, rf, 2); m.Phone != "13512345670" || m.BranchName != "第一党支部" {
		t.Errorf("phone %q, branch %q", m.Phone, m.BranchName)
	}
}

// Kind 6: a group heading over sub-headings maps them to their fields,
// merged or only centred over them, and the sub-heading row is never read
// as a member.
func TestKindGroupedHeadings(t *testing.T) {
	id := idNumber("19850312", "011")
	tests := []struct {
		name   string
		rows   [][]any
		merges [][2]string
		first  int
		cols   []model.Field
	}{
		{"入党时间 merged over 预备 and 转正",
			[][]any{
				{"姓名", "公民身份号码", "入党时间", nil, "人员类别"},
				{nil, nil, "预备", "转正", nil},
				{"张伟", id, "2010.07", "2011.07", "正式党员"},
			},
			[][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "D1"}, {"E1", "E2"}}, 1,
			[]model.Field{model.FieldName, model.FieldIDNumber, model.FieldJoinDate, model.FieldFullDate, model.FieldCategory}},
		{"入党时间 centred over 预备 and 转正 without a merge",
			[][]any{
				{"姓名", "公民身份号码", "入党时间", nil, "人员类别"},
				{nil, nil, "预备", "转正", nil},
				{"张伟", id, "2010.07", "2011.07", "正式党员"},
			},
			nil, 1,
			[]model.Field{model.FieldName, model.FieldIDNumber, model.FieldJoinDate, model.FieldFullDate, model.FieldCategory}},
		{"基本信息 over several columns, below a title",
			[][]any{
				{"某某公司党支部党员名册"},
				{"基本信息", nil, nil, "党员信息", nil},
				{"姓名", "性别", "公民身份号码", "人员类别", "入党时间"},
				{"张伟", "男", id, "预备党员", "2026.03"},
			},
			// the group row adds no field to the row under it: the header is
			// that row, the group and the title above it
			[][2]string{{"A1", "E1"}, {"A2", "C2"}, {"D2", "E2"}}, 3,
			[]model.Field{model.FieldName, model.FieldSex, model.FieldIDNumber, model.FieldCategory, model.FieldJoinDate}},
		{"three heading rows",
			[][]any{
				{"姓名", "公民身份号码", "党员信息", nil, nil},
				{nil, nil, "入党时间", nil, "人员类别"},
				{nil, nil, "预备", "转正", nil},
				{"张伟", id, "2010.07", "2011.07", "正式党员"},
			},
			// 姓名 and 公民身份号码 are merged down from row 1: the header is
			// rows 1–3, not rows 2–3 under a "title" 姓名
			[][2]string{{"A1", "A3"}, {"B1", "B3"}, {"C1", "E1"}, {"C2", "D2"}, {"E2", "E3"}}, 1,
			[]model.Field{model.FieldName, model.FieldIDNumber, model.FieldJoinDate, model.FieldFullDate, model.FieldCategory}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, tt.rows, tt.merges...))
			sh := rf.Sheets[0]
			if sh.HeaderRow != tt.first || !slices.Equal(sh.Columns, tt.cols) || sh.Title == "姓名" {
				t.Errorf("header at row %d with %v, want row %d with %v", sh.HeaderRow, sh.Columns, tt.first, tt.cols)
			}
			last := len(tt.rows)
			if len(rf.Members) != 1 || rf.Members[0].Row != last || len(rf.Rejected) != 0 {
				t.Fatalf("members %+v rejected %+v, want the one on row %d", rf.Members, rf.Rejected, last)
			}
			if m := rf.Members[0].Member; m.Name != "张伟" || m.JoinDate.Year == 0 {
				t.Errorf("got %+v", m)
			}
		})
	}
}

// Kind 7: every sheet that holds a roster is read, each refusal names its
// sheet, and a sheet's name is offered as 所在党支部 where it has no such
// column and names a branch.
func TestKindSeveralSheets(t *testing.T) {
	header := []any{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"}
	data := workbook{sheets: []sheetSpec{
		{name: "第一党支部", rows: [][]any{header, {"赵一", idNumber("19800101", "011"), "2010.07", "2011.07", "正式党员"}}},
		{name: "第二党支部", rows: [][]any{header, {"钱二", idNumber("19800101", "022"), "2010.07", "2011.07", "正式党员"},
			{"孙三", "123", "2010.07", "2011.07", "正式党员"}}},
		{name: "2024年", rows: [][]any{header, {"李四", idNumber("19800101", "033"), "2010.07", "2011.07", "正式党员"}}},
		{name: "说明", rows: [][]any{{"本表由支部填写"}}},
	}}.bytes(t)
	rf := read(t, data)
	var names []string
	for _, s := range rf.Sheets {
		names = append(names, s.Name)
		if want := s.Name != "2024年"; s.NameIsBranch != want {
			t.Errorf("%s: NameIsBranch %v", s.Name, s.NameIsBranch)
		}
	}
	if !slices.Equal(names, []string{"第一党支部", "第二党支部", "2024年"}) {
		t.Errorf("sheets read %v", names)
	}
	if len(rf.Members) != 3 || len(rf.Rejected) != 1 || rf.Rejected[0].Sheet != "第二党支部" || rf.Rejected[0].Row != 3 {
		t.Fatalf("members %d, rejected %+v", len(rf.Members), rf.Rejected)
	}
	if line := rf.Rejected[0].Line(true); !strings.HasPrefix(line, "row 3 (第二党支部): 公民身份号码: 孙三，单元格为“123”：") {
		t.Errorf("line %q", line)
	}
}

// Kind 9: an old 15-digit ID number is upgraded, and the note says so.
func TestKindFifteenDigitIDUpgraded(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"},
		{"老党员", "622421710924993", "1990.07", "1991.07", "正式党员"},
		{"老党员二", numberCell("110105491231002"), "1970.07", "1971.07", "正式党员"},
	}))
	if m := member(t, rf, 2); m.IDNumber != "622421197109249938" || m.BirthDate != model.NewDate(1971, 9, 24) {
		t.Errorf("row 2: %q %v", m.IDNumber, m.BirthDate)
	}
	if m := member(t, rf, 3); m.IDNumber != "11010519491231002X" {
		t.Errorf("row 3: %q", m.IDNumber)
	}
	upgraded := 0
	for _, n := range rf.Notes {
		if n.Field == model.FieldIDNumber && strings.Contains(n.Message, "已按国家标准") && strings.Contains(n.Message, "升级为18位") {
			upgraded++
		}
	}
	if upgraded != 2 {
		t.Errorf("notes %+v, want one per upgraded number", rf.Notes)
	}
}

// Refusals name the person and the cell (issue 8 §4).
func TestRejectionNamesPersonAndCell(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"},
		{"周杰", idNumber("19850312", "013"), "八五年三月", "2009.07", "正式党员"},
		{nil, "620102", "2008.07", "2009.07", "正式党员"},
	}))
	if line := rf.Rejected[0].Line(false); line != "row 2: 加入党组织日期: 周杰，单元格为“八五年三月”："+rf.Rejected[0].Reason {
		t.Errorf("line %q", line)
	}
	got := rejections(rf, 3)
	if !strings.Contains(got[model.FieldName], "请填写姓名") || !strings.Contains(rf.Rejected[len(rf.Rejected)-1].Line(false), "单元格为“620102”") {
		t.Errorf("row 3: %+v", rf.Rejected)
	}
}

// A column of the date members came onto this branch's roster is read; the
// import date is the default only without one (storage.ApplyImport).
func TestArrivalColumnIsRead(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别", "转入本支部日期"},
		{"赵一", idNumber("19800101", "011"), "2010.07", "2011.07", "正式党员", "2024.03.15"},
	}))
	if m := member(t, rf, 2); m.ArrivedOn != model.NewDate(2024, 3, 15) {
		t.Errorf("arrived %v", m.ArrivedOn)
	}
	if !slices.Contains(rf.Sheets[0].Columns, model.FieldArrivedOn) {
		t.Errorf("columns %v", rf.Sheets[0].Columns)
	}
}

// 政治面貌, the heading of a personnel roster, is read as 人员类别: 中共党员
// is a full member, 中共预备党员 a probationary one, 党员 one whose
// category follows from the dates, and a 群众 or 共青团员 is refused naming
// the field, never imported as a member (review s6-7 attack #9).
func TestPoliticalStatusHeading(t *testing.T) {
	head := []any{"姓名", "身份证号", "政治面貌", "入党时间", "转正时间"}
	rf := read(t, roster(t, [][]any{head,
		{"壬一", idNumber("19800101", "011"), "中共党员", "2008-06-01", "2009-06-01"},
		{"壬二", idNumber("19800101", "031"), "中共预备党员", "2026-06-01", nil},
		{"壬三", idNumber("19800101", "051"), "党员", "2008-06-01", "2009-06-01"},
		{"壬四", idNumber("19800101", "071"), "群众", "2008-06-01", "2009-06-01"},
		{"壬五", idNumber("19800101", "091"), "共青团员", nil, nil},
		{"壬六", idNumber("19800101", "111"), "中共预备党员", "2008-06-01", "2009-06-01"},
	}))
	for row, want := range map[int]model.Category{2: model.CategoryFull, 3: model.CategoryProbationary, 4: model.CategoryFull} {
		if got := member(t, rf, row).Category; got != want {
			t.Errorf("row %d: %q, want %q", row, got, want)
		}
	}
	for _, row := range []int{5, 6} {
		if got := rejections(rf, row)[model.FieldCategory]; !strings.Contains(got, "不是中共党员") {
			t.Errorf("row %d: %q", row, got)
		}
	}
	if len(rejections(rf, 7)) == 0 {
		t.Errorf("row 7: a 中共预备党员 with a 转正 date imported")
	}
	for _, s := range rf.Sheets {
		if slices.Contains(s.Ignored, "政治面貌") {
			t.Errorf("政治面貌 not imported: %q", s.Ignored)
		}
	}
}
