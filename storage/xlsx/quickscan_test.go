package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"branchledger/storage/demo"
)

// The quick scan of a worksheet (quickscan.go) either hands back what the
// encoding/xml scan does — the same shape, or the same error — or gives
// way to it (errSlowPath); on the sheets Excel, WPS and this program write
// it never gives way.

var quickShared = []uint32{6, 0, 9, 18}

var quickFormats = cellFormats(map[int]string{164: ";;;", 165: `[>=100]0;0.0`, 166: `0;-0;;@`}, []int{0, 164, 165, 166})

// scanBoth scans sheet both ways, the quick one reading through wrap, and
// fails the test where they differ. bailed says the quick scan gave way.
func scanBoth(t *testing.T, sheet string, wrap func(io.Reader) io.Reader) (bailed bool) {
	t.Helper()
	slow, serr := scanSheet(&blankLimiter{r: strings.NewReader(sheet)}, "表", quickShared, quickFormats, nil)
	quick, qerr := scanSheetQuick(&blankLimiter{r: wrap(strings.NewReader(sheet))}, "表", quickShared, quickFormats, nil)
	if qerr == errSlowPath {
		return true
	}
	switch {
	case (serr == nil) != (qerr == nil):
		t.Fatalf("encoding/xml scan: %v; quick scan: %v\nsheet: %.300q", serr, qerr, sheet)
	case serr != nil:
		if serr.Error() != qerr.Error() {
			t.Fatalf("encoding/xml scan: %v\nquick scan: %v\nsheet: %.300q", serr, qerr, sheet)
		}
	case !sameShape(slow, quick):
		t.Fatalf("encoding/xml scan: %+v\nquick scan: %+v\nsheet: %.300q", *slow, *quick, sheet)
	}
	return false
}

// sameShape compares two scans' shapes, a NaN value equal to a NaN.
func sameShape(a, b *sheetShape) bool {
	nan := func(s *sheetShape) {
		for k, v := range s.sections {
			if math.IsNaN(v.value) {
				v.value = -1e300
				s.sections[k] = v
			}
		}
	}
	nan(a)
	nan(b)
	return reflect.DeepEqual(a, b)
}

var readers = map[string]func(io.Reader) io.Reader{
	"whole":    func(r io.Reader) io.Reader { return r },
	"one byte": iotest.OneByteReader,
	"half":     iotest.HalfReader,
}

// Sheets of the kinds real workbooks hold: read by the quick scan itself.
var quickPlain = []string{
	fuzzSheet,
	"",
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
		`<dimension ref="A1:C4"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/>` +
		`<cols><col min="2" max="3" width="9" hidden="1" customWidth="1"/></cols><sheetData>` +
		`<row r="1" spans="1:3" x14ac:dyDescent="0.15"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>3</v></c><c r="C1" s="2"><v>150</v></c></row>` +
		`<row r="3" hidden="1"><c r="A3"><v>6.20102199002071E+17</v></c><c r="B3" s="3" t="s"><v>1</v></c><c r="C3" s="2"><v>12.5</v></c></row>` +
		`<row r="4"><c r="A4" t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c><c r="B4"><f>SUM(A1:A3)</f></c><c r="C4" t="d"><v>2008-06-15T00:00:00</v></c></row>` +
		`</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>` +
		`<conditionalFormatting sqref="C1:C9"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>&quot;x&quot;&amp;1</formula></cfRule></conditionalFormatting>` +
		`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><headerFooter><oddFooter>&amp;C&amp;9第 &amp;P 页 &#x4E00;&#20108;</oddFooter></headerFooter></worksheet>`,
	`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r = '2' ><x:c r="B2" t='inlineStr'  ><x:is><x:t xml:space="preserve"> 张 三 </x:t></x:is></x:c ></x:row></x:sheetData></x:worksheet>`,
	"<worksheet>\n  <sheetData>\n    <row r=\"1\">\n      <c r=\"A1\" t=\"b\"><v>1</v></c>\r\n    </row>\n  </sheetData>\n</worksheet>\n",
	"\ufeff<?xml version='1.0'?><worksheet><sheetData><row><c t=\"s\"><v> 2\r\n</v></c><c/><c><v>12345678901234567890</v></c></row></sheetData></worksheet>",
	// What the quick scan reads and the sheetScan refuses.
	`<worksheet><sheetData><row r="2"/><row r="1"/></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="B1"/><c r="A1"/></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A2"/></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c t="s"><v>9</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c t="s"><v>x</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c t="b"><v>2</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="300001"/></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="XFE1"/></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row>`,
	`<worksheet><sheetData></worksheet></sheetData>`,
	`<worksheet><sheetData><row r="1"><c s="1"><v>5</v></c><c s="2"><v>50</v></c><c s="3" t="s"><v>0</v></c><c s="3" t="s"><v>1</v></c></row></sheetData></worksheet>`,
	strings.Repeat("<a>", 70),
}

// Sheets the quick scan leaves to encoding/xml, whatever that makes of
// them: errors, and XML it does not read itself.
var quickLeft = []string{
	`<?xml version="1.0" encoding="GBK"?><worksheet><sheetData><row><c t="inlineStr"><is><t>` + "\xd5\xc5" + `</t></is></c></row></sheetData></worksheet>`,
	`<?xml version="1.1"?><worksheet/>`,
	`<worksheet><!-- note --><sheetData/></worksheet>`,
	`<worksheet><sheetData><row><c><v><![CDATA[12]]></v></c></row></sheetData></worksheet>`,
	`<!DOCTYPE worksheet><worksheet/>`,
	`<worksheet><sheetData><row><c><v>1&nbsp;</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c><v>1 & 2</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c><v>&#1;</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c><v>a]]>b</v></c></row></sheetData></worksheet>`,
	"<worksheet><sheetData><row><c><v>\xff</v></c></row></sheetData></worksheet>",
	"<worksheet><sheetData><row><c><v>\x01</v></c></row></sheetData></worksheet>",
	`<worksheet><sheetData><row r="1" r2><c/></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r=1><c/></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="<1"><c/></row></sheetData></worksheet>`,
	`<worksheet><a:b:c/></worksheet>`,
	`<worksheet><名册/></worksheet>`,
	`<worksheet><1a/></worksheet>`,
	`<worksheet></ worksheet>`,
	`<worksheet><sheetData><row><c/ ></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet><`,
	`<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>&amp`,
	`<?xml version="1.0" encoding="UTF-8"`,
	"<worksheet>" + strings.Repeat(" ", maxBlankRun+1) + "</worksheet>",
}

func TestQuickScanAgrees(t *testing.T) {
	for name, wrap := range readers {
		for i, sheet := range quickPlain {
			if scanBoth(t, sheet, wrap) {
				t.Errorf("%s: sheet %d gave way to encoding/xml: %.200q", name, i, sheet)
			}
		}
		for _, sheet := range quickLeft {
			scanBoth(t, sheet, wrap)
		}
	}
}

// The sheets of the shared samples and of a roster this program writes
// are read by the quick scan, with the encoding/xml scan's result.
func TestQuickScanReadsRealSheets(t *testing.T) {
	var sheets []string
	paths := []string{"../../../shared/samples/roster_messy_example.xlsx"}
	if more, err := listXLSX("../../../shared/samples/field"); err == nil {
		paths = append(paths, more...)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sheets = append(sheets, worksheetsOf(t, data)...)
	}
	var buf bytes.Buffer
	if err := WriteRoster(&buf, "第一党支部", demo.Members(30, 1, today, "第一党支部"), today); err != nil {
		t.Fatal(err)
	}
	sheets = append(sheets, worksheetsOf(t, buf.Bytes())...)
	if len(sheets) < 5 {
		t.Fatalf("%d sheets", len(sheets))
	}
	for i, s := range sheets {
		if scanBoth(t, s, readers["whole"]) {
			t.Errorf("sheet %d gave way to encoding/xml: %.300q", i, s)
		}
	}
}

func listXLSX(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".xlsx") {
			out = append(out, dir+"/"+e.Name())
		}
	}
	return out, nil
}

// worksheetsOf is the XML of each worksheet part in a workbook.
func worksheetsOf(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, zf := range zr.File {
		if !strings.Contains(strings.ToLower(zf.Name), "worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// FuzzQuickScanAgrees: on any bytes, the quick scan gives way or agrees.
func FuzzQuickScanAgrees(f *testing.F) {
	for _, s := range append(append([]string(nil), quickPlain...), quickLeft[:len(quickLeft)-1]...) {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, sheet string, how uint8) {
		if len(sheet) > 1<<16 {
			return
		}
		wrap := readers["whole"]
		switch how % 3 {
		case 1:
			wrap = readers["one byte"]
		case 2:
			wrap = readers["half"]
		}
		scanBoth(t, sheet, wrap)
	})
}
