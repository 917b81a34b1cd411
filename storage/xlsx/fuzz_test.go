package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

type part struct{ name, body string }

// minimalParts are the parts of the smallest package excelize opens.
func minimalParts(sheet, shared string) []part {
	return []part{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet},
		{"xl/sharedStrings.xml", shared},
	}
}

// minimalPackage wraps a worksheet and shared strings in the smallest
// package excelize opens, so that a test or a fuzzer can vary the XML
// itself rather than bytes the zip checksums would refuse.
func minimalPackage(t testing.TB, sheet, shared string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range minimalParts(sheet, shared) {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(p.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	fuzzShared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><t>身份证号码</t></si><si><t>入党时间</t></si><si><t>张三</t></si><si><t>620102198503120130</t></si></sst>`
	fuzzSheet  = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
		`<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>40360</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>李四</t></is></c><c r="B3"><v>6.20503198712143E+17</v></c><c r="C3"><v>2010.1</v></c></row>` +
		`</sheetData></worksheet>`
)

func TestMinimalPackageReads(t *testing.T) {
	rf := read(t, minimalPackage(t, fuzzSheet, fuzzShared))
	got := rejections(rf, 3)
	if rf.Sheets[0].Name != "名册" || got[model.FieldIDNumber] == "" || got[model.FieldJoinDate] == "" {
		t.Errorf("sheet %q, row 3 rejections %v, want the ID number and the join date", rf.Sheets[0].Name, got)
	}
}

// FuzzReadRosterSheet: whatever the sheet XML holds, reading it ends in a
// roster or an error, never a panic, and every row reported lies below the
// header.
func FuzzReadRosterSheet(f *testing.F) {
	f.Add(fuzzSheet, fuzzShared)
	f.Add(`<worksheet><sheetData><row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c t="s"><v>9</v></c></row></sheetData></worksheet>`, fuzzShared)
	f.Add(`<worksheet><sheetData><row r="1048577"><c r="A1"/></row></sheetData></worksheet>`, fuzzShared)
	f.Add(`<x:worksheet xmlns:x="x"><x:sheetData><x:row r="1"><x:c r="XFD1" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData>`, `<sst><si><t>`)
	f.Fuzz(func(t *testing.T, sheet, shared string) {
		if len(sheet)+len(shared) > 1<<16 {
			return
		}
		rf, err := ReadRoster(bytes.NewReader(minimalPackage(t, sheet, shared)), ReadOptions{Today: today})
		if err != nil {
			return
		}
		last := rf.Sheets[0].HeaderRow + rf.Sheets[0].HeaderRows - 1
		for _, m := range rf.Members {
			if m.Row <= last {
				t.Errorf("member on row %d, within the header (rows %d–%d)", m.Row, rf.Sheets[0].HeaderRow, last)
			}
		}
		for _, r := range rf.Rejected {
			if r.Row <= last {
				t.Errorf("rejection on row %d, within the header", r.Row)
			}
		}
	})
}

// fuzzFormats are number formats the fuzzer puts on number cells.
var fuzzFormats = []string{"", `yyyy"年"m"月"`, "yyyy-mm", "yyyy-mm-dd", `m"月"d"日"`, "0.00", "0", "@", "yyyy.mm", `[$-804]yyyy"年"m"月"d"日"`,
	"mmm-yy", "yy.mm", `[DBNum1][$-804]yyyy"年"m"月"`, "m/d/yy", "h:mm", "yyyy", `yyyy"年"m"月"d"日" aaaa`}

// fuzzInvisible are characters pasted text carries without showing them.
var fuzzInvisible = []string{"\u200b", "\u200e", "\u200f", "\ufeff", "\u202a", "\u202c", "\u2066", "\u2069", "\u00ad", "\u2060", "\u200d", "\u00a0", " "}

// FuzzReadRosterWorkbook builds whole workbooks — text with invisible
// characters, number cells in date and other formats, a merged 所在党支部 —
// and reads them. The importer never panics, and every value it keeps is
// what excelize's cell API shows for that cell (a merged cell's value in
// each row it covers) up to the documented normalisations: invisible
// characters and surrounding spaces removed (model.CleanText, CleanLine),
// the ID number's form (model.NormalizeIDNumber, UpgradeIDNumber), the
// phone's (model.NormalizePhone), and dates read by model.ParseDate.
func FuzzReadRosterWorkbook(f *testing.F) {
	f.Add("冯志强", "440305198807055114", "2012-05-01", "13712345678", "第一党支部", uint32(0), 39614.0)
	f.Add("卫红梅", "\ufeff440305198909095424", "2012.1", "137 1234 5681", "", uint32(0x1234), 40360.5)
	f.Add("李 娜", "622421710924993", "2003年10月", "+86 13712345678", "机关\n党支部", uint32(0xffff), 2003.1)
	f.Add("", "6.20503198712143E+17", "", "", "第二党支部", uint32(7), 1e20)
	f.Fuzz(func(t *testing.T, name, id, date, phone, branch string, flags uint32, number float64) {
		if len(name)+len(id)+len(date)+len(phone)+len(branch) > 2000 {
			return
		}
		pick := func(k uint, list []string) string { return list[int(flags>>k)%len(list)] }
		dirty := func(s string, k uint) string {
			if flags>>k&1 == 0 || s == "" {
				return s
			}
			r := []rune(s)
			i := int(flags>>(k+1)) % (len(r) + 1)
			return string(r[:i]) + pick(k+2, fuzzInvisible) + string(r[i:])
		}
		fx := excelize.NewFile()
		defer fx.Close()
		sh := "Sheet1"
		_ = fx.SetSheetRow(sh, "A1", &[]any{"姓名", "公民身份号码", "入党时间", "联系电话", "所在党支部", "人员类别", "转正时间"})
		validID := func(n int) string { return idNumber("19850312", fmt.Sprintf("%03d", 11+n*2)) }
		for r := 2; r <= 4; r++ {
			ref := func(c int) string { s, _ := excelize.CoordinatesToCellName(c, r); return s }
			_ = fx.SetCellStr(sh, ref(1), dirty(name, uint(r))+fmt.Sprint(r))
			if r == 3 {
				_ = fx.SetCellStr(sh, ref(2), dirty(id, 5))
			} else {
				_ = fx.SetCellStr(sh, ref(2), dirty(validID(r), 6))
			}
			if r == 4 && !math.IsNaN(number) && !math.IsInf(number, 0) {
				_ = fx.SetCellValue(sh, ref(3), number)
				code := pick(9, fuzzFormats)
				if code != "" {
					st, _ := fx.NewStyle(&excelize.Style{CustomNumFmt: &code})
					_ = fx.SetCellStyle(sh, ref(3), ref(3), st)
				}
			} else {
				_ = fx.SetCellStr(sh, ref(3), dirty(date, 12))
			}
			_ = fx.SetCellStr(sh, ref(4), dirty(phone, 14))
			_ = fx.SetCellStr(sh, ref(6), "正式党员")
			_ = fx.SetCellStr(sh, ref(7), "2024-01-01")
		}
		_ = fx.SetCellStr(sh, "E2", dirty(branch, 16))
		merged := flags>>20&1 == 1
		if merged {
			_ = fx.MergeCell(sh, "E2", "E4")
		}
		buf, err := fx.WriteToBuffer()
		if err != nil {
			return
		}
		data := buf.Bytes()

		rf, err := ReadRoster(bytes.NewReader(data), ReadOptions{Today: today})
		if err != nil {
			return
		}
		// What excelize's cell API shows, on its own copy of the file.
		shown, err := excelize.OpenReader(bytes.NewReader(data), shownOptions)
		if err != nil {
			t.Fatal(err)
		}
		defer shown.Close()
		cellText := func(c, r int) string {
			ref, _ := excelize.CoordinatesToCellName(c, r)
			v, _ := shown.GetCellValue(sh, ref)
			return v
		}
		for _, im := range rf.Members {
			m, r := im.Member, im.Row
			if want := model.NormalizeName(cellText(1, r)); m.Name != want {
				t.Errorf("row %d: name %q, the cell shows %q", r, m.Name, want)
			}
			wantID := model.NormalizeIDNumber(cellText(2, r))
			if up, ok := model.UpgradeIDNumber(wantID); ok {
				wantID = up
			}
			if m.IDNumber != wantID {
				t.Errorf("row %d: ID number %q, the cell shows %q", r, m.IDNumber, cellText(2, r))
			}
			switch d, err := model.ParseDate(model.CleanText(cellText(3, r))); {
			case err == nil:
				if d != m.JoinDate {
					t.Errorf("row %d: join date %v, the cell shows %q (%v)", r, m.JoinDate, cellText(3, r), d)
				}
			case r == 4:
				// A date format whose text the parser does not read (Jun-08):
				// the serial's date, to the month or the day.
				want, _ := excelize.ExcelDateToTime(number, false)
				j := m.JoinDate
				if j.Year != want.Year() || j.Month != want.Month() || (j.Day != 0 && j.Day != want.Day()) {
					t.Errorf("row %d: join date %v, the cell shows %q (serial %v, %v)", r, j, cellText(3, r), number, want)
				}
			default:
				// A two-digit year (12.1) takes its century from the row's
				// birth year (twoDigitYear): the year's last two digits and
				// the month are the cell's.
				if g := twoDigitYear.FindStringSubmatch(model.CleanText(cellText(3, r))); g != nil {
					yy, _ := strconv.Atoi(g[1])
					mm, _ := strconv.Atoi(g[2])
					if m.JoinDate.Year%100 == yy && int(m.JoinDate.Month) == mm {
						break
					}
				}
				t.Errorf("row %d: join date %v, the cell shows %q, which is not a date (%v)", r, m.JoinDate, cellText(3, r), err)
			}
			if want := model.NormalizePhone(cellText(4, r)); m.Phone != want && !strings.ContainsAny(want, "Ee") {
				t.Errorf("row %d: phone %q, the cell shows %q", r, m.Phone, want)
			}
			branchRow := r
			if merged {
				branchRow = 2
			}
			// BranchText is the documented normalisation of a branch name:
			// spaces between Chinese characters go (review s7-7 attack #7;
			// its own table test is TestBranchNamesAsWritten).
			if want := BranchText(cellText(5, branchRow)); m.BranchName != want {
				t.Errorf("row %d: branch %q, the cell (row %d) shows %q", r, m.BranchName, branchRow, want)
			}
		}
	})
}
