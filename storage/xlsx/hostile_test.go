package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Files from a USB drive are whatever someone picked: each must end in the
// error that says what it is, never in a panic or a half-read roster.
func TestReadRosterUnreadableFiles(t *testing.T) {
	good := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"姓名", "公民身份号码"}, {"冯军", idNumber("19700101", "019")},
	}}}}.bytes(t)

	xls := append(append([]byte{}, oleSignature...), make([]byte, 1024)...)
	xls = append(xls, utf16le("Workbook")...)
	encryptedOLE := append(append([]byte{}, oleSignature...), make([]byte, 1024)...)
	encryptedOLE = append(encryptedOLE, utf16le("EncryptedPackage")...)

	// Bytes flipped inside the worksheet's compressed data: the part no
	// longer matches its checksum.
	corrupt := append([]byte{}, good...)
	at := partDataOffset(t, corrupt, "xl/worksheets/sheet1.xml")
	for i := at + 8; i < at+40; i++ {
		corrupt[i] ^= 0x5A
	}

	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty file", nil, ErrEmptyFile},
		{"text renamed .xlsx", []byte("姓名,身份证号\n张三,620102198503120115\n"), ErrNotXLSX},
		{"web page saved as .xls", []byte("<html><body><table><tr><td>姓名</td></tr></table></body></html>"), ErrNotXLSX},
		{"old .xls", xls, ErrOldXLS},
		{"encrypted .xlsx (compound file)", encryptedOLE, ErrEncrypted},
		{"encrypted .xlsx saved by excelize", encryptedWorkbook(t), ErrEncrypted},
		{"truncated copy", good[:len(good)/2], ErrDamaged},
		{"bytes flipped inside", corrupt, ErrDamaged},
		{"zip that is not a workbook", zipOf(t, map[string]string{"readme.txt": "hello"}), ErrNotXLSX},
		{"zip bomb", zipBomb(t), ErrTooLarge},
		{"workbook without a roster", workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{{"会议记录"}, {"时间", "地点"}}}}}.bytes(t), ErrNoHeader},
		{"only a name column", workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{{"姓名", "性别"}, {"张三", "男"}}}}}.bytes(t), ErrNoHeader},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf, err := ReadRoster(bytes.NewReader(tt.data), ReadOptions{Today: today})
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v (%v), want %v", err, rf, tt.want)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, tt.want.Error()) || strings.Contains(msg, "\n") {
				t.Errorf("message %q should be one line starting with %q", msg, tt.want.Error())
			}
		})
	}
}

func TestReadRosterFileNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "花名册.xlsx")
	if err := os.WriteFile(p, []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadRosterFile(p, ReadOptions{})
	if !errors.Is(err, ErrNotXLSX) || !strings.Contains(err.Error(), p) {
		t.Errorf("got %v, want ErrNotXLSX naming %s", err, p)
	}
	if _, err := ReadRosterFile(filepath.Join(dir, "没有.xlsx"), ReadOptions{}); err == nil || !strings.Contains(err.Error(), "没有.xlsx") {
		t.Errorf("missing file: %v", err)
	}
}

func TestReadRosterTooManyRows(t *testing.T) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	_ = sw.SetRow("A1", []any{"姓名", "公民身份号码"})
	row := []any{"张三", "1"}
	for r := 2; r <= MaxDataRows+2; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ReadRoster(buf, ReadOptions{Today: today}); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("got %v, want ErrTooManyRows", err)
	}
}

func encryptedWorkbook(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	_ = f.SetCellStr("Sheet1", "A1", "姓名")
	p := filepath.Join(t.TempDir(), "locked.xlsx")
	if err := f.SaveAs(p, excelize.Options{Password: "123456"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func zipOf(t *testing.T, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// zipBomb is a small workbook whose worksheet claims to unpack to more
// than the limit.
func zipBomb(t *testing.T) []byte {
	sheet := `<worksheet><sheetData>` + strings.Repeat("<row/>", (maxSheetPart/6)+1) + `</sheetData></worksheet>`
	return minimalPackage(t, sheet, fuzzShared)
}

// partDataOffset is where a part's compressed data starts in a zip.
func partDataOffset(t *testing.T, data []byte, name string) int {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			off, err := zf.DataOffset()
			if err != nil {
				t.Fatal(err)
			}
			return int(off)
		}
	}
	t.Fatalf("no part %s", name)
	return 0
}

// sheetXMLWith is a worksheet of a header and rows 2..n of members, with
// the XML of row bad replaced by badRow (when bad > 0).
func sheetXMLWith(n, bad int, badRow string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	b.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`)
	for r := 2; r <= n; r++ {
		if r == bad {
			b.WriteString(badRow)
			continue
		}
		id := idNumber(fmt.Sprintf("1980%02d%02d", 1+r%12, 1+r%28), fmt.Sprintf("%03d", r%1000))
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>党员%d</t></is></c><c r="B%d" t="inlineStr"><is><t>%s</t></is></c><c r="C%d" t="inlineStr"><is><t>2010.07</t></is></c></row>`, r, r, r, r, id, r)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

// Issue 9 defect 2: a damaged sheet is a refusal of the file naming the row
// where reading stopped, never a shorter roster imported as if complete.
func TestDamagedSheetIsRefusedNamingTheRow(t *testing.T) {
	full := sheetXMLWith(50, 0, "")
	cut := full[:strings.Index(full, `<row r="10"`)+40] // inside row 10
	atRow := full[:strings.Index(full, `<row r="10"`)]  // after row 9, closing tags missing
	tests := []struct {
		name, sheet, shared string
		where               string
	}{
		{"unescaped & in row 10", sheetXMLWith(50, 10, `<row r="10"><c r="A10" t="inlineStr"><is><t>张&三</t></is></c></row>`), fuzzShared, "第10行"},
		{"invalid UTF-8 in row 7", sheetXMLWith(50, 7, "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>张\xff三</t></is></c></row>"), fuzzShared, "第7行"},
		{"an undefined entity in row 5", sheetXMLWith(50, 5, `<row r="5"><c r="A5" t="inlineStr"><is><t>张&nbsp;三</t></is></c></row>`), fuzzShared, "第5行"},
		{"sheet cut short inside row 10", cut, fuzzShared, "第10行"},
		{"sheet cut short after row 9", atRow, fuzzShared, "第9行之后"},
		{"element closed by another", sheetXMLWith(50, 12, `<row r="12"><c r="A12"><v>1</c></row>`), fuzzShared, "第12行"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf, err := ReadRoster(bytes.NewReader(minimalPackage(t, tt.sheet, tt.shared)), ReadOptions{Today: today})
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("got %v (%d members), want ErrDamaged", err, membersOf(rf))
			}
			if !strings.Contains(err.Error(), "工作表“名册”读到"+tt.where) {
				t.Errorf("%q does not name %s", err, tt.where)
			}
		})
	}
	if rf := read(t, minimalPackage(t, full, fuzzShared)); len(rf.Members) != 49 {
		t.Errorf("the undamaged sheet gives %d members, want 49", len(rf.Members))
	}
}

func membersOf(rf *RosterFile) int {
	if rf == nil {
		return 0
	}
	return len(rf.Members)
}

// A damaged shared-string table is refused too, not read as a sheet
// without a header.
func TestDamagedSharedStringsAreRefused(t *testing.T) {
	bad := "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>姓名</t></si><si><t>身份证号码\xff</t></si><si><t>入党时间</t></si></sst>"
	_, err := ReadRoster(bytes.NewReader(minimalPackage(t, sheetXMLWith(5, 0, ""), bad)), ReadOptions{Today: today})
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("got %v, want ErrDamaged", err)
	}
}

// Issue 9 defect 3: what a file makes the import hold is bounded whatever
// the file says; beyond the bounds it is refused with a line saying so.
func TestOversizedWorkbooksAreRefused(t *testing.T) {
	tests := []struct {
		name string
		data func(t *testing.T) []byte
		want error
		says string
	}{
		{"shared strings unpacking to 250 MB", func(t *testing.T) []byte { return sharedStringBomb(t, 250<<20, 1) }, ErrTooLarge, "sharedStrings.xml"},
		{"a million empty shared strings", func(t *testing.T) []byte {
			return minimalPackage(t, sheetXMLWith(3, 0, ""), `<sst>`+strings.Repeat("<si/>", 1_000_000)+`</sst>`)
		}, ErrTooLarge, "共享字符串超过"},
		{"a sheet using row 1048576", func(t *testing.T) []byte {
			return minimalPackage(t, sheetXMLWith(5, 3, `<row r="3"/><row r="1048576"><c r="A1048576"><v>1</v></c></row>`), fuzzShared)
		}, ErrTooLarge, "第1048576行"},
		{"rows out of order", func(t *testing.T) []byte {
			return minimalPackage(t, sheetXMLWith(5, 3, `<row r="2"><c r="A2"><v>1</v></c></row>`), fuzzShared)
		}, ErrIrregular, "第2行出现在第2行之后"},
		{"a cell naming another row", func(t *testing.T) []byte {
			return minimalPackage(t, sheetXMLWith(5, 3, `<row r="3"><c r="A7"><v>1</v></c></row>`), fuzzShared)
		}, ErrIrregular, "第3行里有标为“A7”的单元格"},
		// excelize read these as cells of the row above (or as rows),
		// cells no one sees in Excel (and see TestMemoryBombsRefusedWithinBound).
		{"a cell between two rows", func(t *testing.T) []byte {
			return minimalPackage(t, sheetXMLWith(5, 3, `<row r="3"><c r="A3"><v>1</v></c></row><c t="inlineStr"><is><t>11010519491231002X</t></is></c>`), fuzzShared)
		}, ErrIrregular, "第3行之后有一个不在任何一行里的单元格"},
		{"a row inside a row", func(t *testing.T) []byte {
			return minimalPackage(t, sheetXMLWith(5, 3, `<row r="3"><c r="A3"><v>1</v></c><row r="4"><c r="A4"><v>2</v></c></row></row>`), fuzzShared)
		}, ErrIrregular, "第3行里面又套着一行"},
		{"a row outside the sheet's data", func(t *testing.T) []byte {
			sheet := strings.Replace(sheetXMLWith(5, 0, ""), "<sheetData>", `<sheetPr><row r="9"><c r="A9" t="inlineStr"><is><t>冯军</t></is></c></row></sheetPr><sheetData>`, 1)
			return minimalPackage(t, sheet, fuzzShared)
		}, ErrIrregular, "表格的数据区之外有一行"},
		{"thirty thousand merged ranges", func(t *testing.T) []byte {
			var m strings.Builder
			for i := range 30000 {
				fmt.Fprintf(&m, `<mergeCell ref="D%d:E%d"/>`, i+1, i+1)
			}
			sheet := strings.Replace(sheetXMLWith(5, 0, ""), "</sheetData>", "</sheetData><mergeCells>"+m.String()+"</mergeCells>", 1)
			return minimalPackage(t, sheet, fuzzShared)
		}, ErrTooLarge, "合并单元格"},
		// 7.5 MB of styles that excelize decoded to 650 MB (review s3-7 attack #8).
		{"a million and a half cell formats", func(t *testing.T) []byte {
			book := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{{"姓名", "公民身份号码"}, {"冯军", idNumber("19700101", "019")}}}}}.bytes(t)
			return rezip(t, book, "xl/styles.xml", func(h *zip.FileHeader, _ []byte) []byte {
				body := []byte(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1500000">` +
					strings.Repeat("<xf/>", 1_500_000) + `</cellXfs></styleSheet>`)
				h.UncompressedSize64, h.CRC32 = uint64(len(body)), crc32.ChecksumIEEE(body)
				return body
			})
		}, ErrTooLarge, "格式表有 200000 条以上"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadRoster(bytes.NewReader(tt.data(t)), ReadOptions{Today: today})
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("got %v, want %v saying %q", err, tt.want, tt.says)
			}
		})
	}
}

// Parts nothing an import reads refers to — pictures, a huge embedded
// object — are never unpacked: this one claims 789 MB and would fail its
// checksum if it were.
func TestUnreferencedPartsAreNotUnpacked(t *testing.T) {
	data := minimalPackage(t, sheetXMLWith(5, 0, ""), fuzzShared)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		if err := zw.Copy(zf); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/embeddings/oleObject1.bin", Method: zip.Deflate,
		CompressedSize64: 64, UncompressedSize64: 789 << 20, CRC32: 0xdeadbeef})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write(bytes.Repeat([]byte{0x5a}, 64))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	rf, err := ReadRoster(bytes.NewReader(buf.Bytes()), ReadOptions{Today: today})
	if err != nil || len(rf.Members) != 4 {
		t.Fatalf("got %v, %v", rf, err)
	}
}

// withPart is the package data with one more part, name holding body.
func withPart(t testing.TB, data []byte, name, body string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		if err := zw.Copy(zf); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.WriteString(w, body)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A workbook whose styles hold as many entries as Excel allows still
// imports.
func TestManyCellFormatsStillImport(t *testing.T) {
	styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><cellXfs count="64000">` +
		strings.Repeat(`<xf numFmtId="0" fontId="0"/>`, 64000) + `</cellXfs></styleSheet>`
	rf, err := ReadRoster(bytes.NewReader(withPart(t, minimalPackage(t, sheetXMLWith(5, 0, ""), fuzzShared), "xl/styles.xml", styles)), ReadOptions{Today: today})
	if err != nil || membersOf(rf) == 0 {
		t.Fatalf("got %v, %v", rf, err)
	}
}

// sharedStringBomb is a small workbook whose shared-string table unpacks to
// size bytes: count strings of one repeated letter.
func sharedStringBomb(t testing.TB, size, count int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	parts := map[string]string{}
	for _, p := range minimalParts(sheetXMLWith(5, 0, ""), "") {
		parts[p.name] = p.body
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"} {
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte(parts[name]))
	}
	w, err := zw.Create("xl/sharedStrings.xml")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.WriteString(w, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><t>身份证号码</t></si><si><t>入党时间</t></si>`)
	each := size / count
	chunk := strings.Repeat("A", 1<<16)
	for range count {
		_, _ = io.WriteString(w, "<si><t>")
		for n := each; n > 0; n -= len(chunk) {
			_, _ = io.WriteString(w, chunk[:min(n, len(chunk))])
		}
		_, _ = io.WriteString(w, "</t></si>")
	}
	_, _ = io.WriteString(w, "</sst>")
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A check that needs the cell's type (2003.1: January, or October stored as
// a number?) on a sheet too large to load for it refuses the file, saying
// which cell could not be checked, rather than reading it unchecked.
func TestCheckThatCannotRunRefuses(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<worksheet><sheetData>`)
	b.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`)
	fmt.Fprintf(&b, `<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2" t="inlineStr"><is><t>%s</t></is></c><c r="C2" t="inlineStr"><is><t>2003.1</t></is></c></row>`, idNumber("19700101", "011"))
	for r := 3; r < 60; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d"/></row>`, r, r) // excelize would fill 16,384 cells a row
	}
	b.WriteString(`</sheetData></worksheet>`)
	_, err := ReadRoster(bytes.NewReader(minimalPackage(t, b.String(), fuzzShared)), ReadOptions{Today: today})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "无法核对工作表“名册”第2行的日期“2003.1”") {
		t.Errorf("got %v", err)
	}
}
