package xlsx

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"branchledger/storage/demo"
)

// rosterSheetPart is the worksheet part of a roster of n demo members as
// the app writes it (excelize), with the shared-string lengths and cell
// formats its scan is given.
func rosterSheetPart(t testing.TB, n int) (data []byte, shared []uint32, formats, dxfs map[int]*cellFormat) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteRoster(&buf, "第一党支部", demo.Members(n, 1, today, "第一党支部"), today); err != nil {
		t.Fatal(err)
	}
	bk, err := openWorkbook(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	defer bk.Close()
	data, ok := bk.unpacked(bk.sheets[0].part)
	if !ok {
		t.Fatal("the sheet is not held in memory")
	}
	return bytes.Clone(data), bk.pkg.shared, bk.pkg.formats, bk.pkg.dxfs
}

// scanByXML is the scan through encoding/xml alone, which decides every
// part outside the plain form.
func scanByXML(data []byte, sheet string, shared []uint32, formats, dxfs map[int]*cellFormat) (*sheetShape, error) {
	return scanSheetReporting(&blankLimiter{r: bytes.NewReader(data)}, sheet, shared, formats, dxfs, nil)
}

// The sheets Excel, WPS and the app write are read by gosax, with what
// encoding/xml makes of them, and without a string or token per tag: the
// scan of a 2,000-row roster allocates a few dozen times, not once per
// element and attribute (it was about 30 per cell).
func TestPlainScanOfARoster(t *testing.T) {
	data, shared, formats, dxfs := rosterSheetPart(t, 2000)
	want, err := scanByXML(data, "名册", shared, formats, dxfs)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := scanPlain(bytes.Clone(data), "名册", shared, formats, dxfs, nil)
	if !ok {
		t.Fatal("the app's own roster is not in the plain form")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gosax read %+v\nencoding/xml %+v", got, want)
	}
	var rows int
	allocs := testing.AllocsPerRun(3, func() {
		shape, err := scanSheetData(data, "名册", shared, formats, dxfs, func(n int) { rows = n })
		if err != nil || shape.lastRow != want.lastRow {
			t.Fatalf("scan: %v", err)
		}
	})
	if rows != want.lastRow-1 {
		t.Errorf("rows reported up to %d, want %d", rows, want.lastRow-1)
	}
	if allocs > 100 {
		t.Errorf("the scan of %d rows allocated %.0f times", want.lastRow, allocs)
	}
}

// plainSheet is a worksheet part around rows of cell XML.
func plainSheet(rows ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>`)
	for i, r := range rows {
		fmt.Fprintf(&b, `<row r="%d">%s</row>`, i+1, r)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

// What gosax does not check is left to encoding/xml: each part below is
// outside the plain form, and the scan's result — the shape, or the
// refusal word for word — is encoding/xml's. The damaged ones are refused
// as before, the others read as before.
func TestPlainScanLeavesTheRestToEncodingXML(t *testing.T) {
	cell := `<c r="A1" t="s"><v>0</v></c>`
	for _, tc := range []struct {
		name, sheet string
		damaged     bool
	}{
		{"invalid UTF-8", plainSheet(`<c r="A1" t="inlineStr"><is><t>张` + "\xff" + `</t></is></c>`), true},
		{"control character", plainSheet(`<c r="A1" t="inlineStr"><is><t>a` + "\x01" + `</t></is></c>`), true},
		{"U+FFFF", plainSheet(`<c r="A1" t="inlineStr"><is><t>a` + "\uffff" + `</t></is></c>`), true},
		{"unknown entity", plainSheet(`<c r="A1" t="inlineStr"><is><t>a&nbsp;b</t></is></c>`), true},
		{"bare ampersand", plainSheet(`<c r="A1" t="inlineStr"><is><t>a & b</t></is></c>`), true},
		{"character reference 0", plainSheet(`<c r="A1" t="inlineStr"><is><t>a&#0;</t></is></c>`), true},
		{"unquoted attribute", plainSheet(`<c r=A1 t="s"><v>0</v></c>`), true},
		{"attribute without value", plainSheet(`<c r="A1" hidden t="s"><v>0</v></c>`), true},
		{"< in an attribute", plainSheet(`<c r="A<1" t="s"><v>0</v></c>`), true},
		{"]]> in text", plainSheet(`<c r="A1" t="inlineStr"><is><t>a]]>b</t></is></c>`), true},
		{"name with two colons", plainSheet(`<x:y:c r="A1" t="s"><v>0</v></x:y:c>`), true},
		{"name starting with a digit", plainSheet(`<1c r="A1" t="s"><v>0</v></1c>`), true},
		{"text after an end tag's name", plainSheet(`<c r="A1" t="s"><v>0</v x></c>`), true},
		{"slash inside a tag", plainSheet(`<c r="A1" / t="s"><v>0</v></c>`), true},
		{"cut short", strings.TrimSuffix(plainSheet(cell), "</sheetData></worksheet>") + `<row r="2"><c r="A2`, true},
		{"XML 1.1", strings.Replace(plainSheet(cell), `version="1.0"`, `version="1.1"`, 1), true},
		{"unclosed element", strings.TrimSuffix(plainSheet(cell), "</worksheet>"), true},
		{"mismatched end tag", strings.Replace(plainSheet(cell), "</v>", "</f>", 1), true},
		{"character reference", plainSheet(`<c r="A1" t="inlineStr"><is><t>a&#10;b&#x4e00;</t></is></c>`), false},
		{"comment", plainSheet(`<!-- a note -->` + cell), false},
		{"CDATA", plainSheet(`<c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c>`), false},
		{"GBK", strings.Replace(plainSheet(`<c r="A1" t="inlineStr"><is><t>`+"\xd5\xc5"+`</t></is></c>`), "UTF-8", "GBK", 1), false},
		{"no space between attributes", plainSheet(`<c r="A1"t="s"><v>0</v></c>`), false},
		{"processing instruction inside", plainSheet(`<?mso-application progid="Excel.Sheet"?>` + cell), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.sheet)
			if _, ok := scanPlain(bytes.Clone(data), "名册", []uint32{2}, nil, nil, nil); ok {
				t.Fatal("taken as plain")
			}
			want, wantErr := scanByXML(data, "名册", []uint32{2}, nil, nil)
			got, err := scanSheetData(data, "名册", []uint32{2}, nil, nil, nil)
			if (wantErr != nil) != tc.damaged {
				t.Fatalf("encoding/xml: %v", wantErr)
			}
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
				t.Errorf("got %v %+v, want %v %+v", err, got, wantErr, want)
			}
		})
	}
}

// The plain form is read by gosax as encoding/xml reads it: entities,
// line ends, prefixes, self-closing tags, attributes in single quotes.
func TestPlainScanReadsAsEncodingXML(t *testing.T) {
	for name, sheet := range map[string]string{
		"entities and line ends":           plainSheet(`<c r="A1" t="inlineStr"><is><t>a &amp; b&lt;c&gt;&quot;&apos;` + "\r\n" + `d</t></is></c><c r="B1" s="1"><v>12345678901234567890</v></c>`),
		"prefixes":                         plainSheet(`<x:c r="A1" xr:uid="{1}" t="s"><x:v>0</x:v></x:c>`),
		"self-closing":                     plainSheet(`<c r="A1"/><c r='B1' t='b'><v>1</v></c>`),
		"declared GBK, UTF-8 all the same": strings.Replace(plainSheet(`<c r="A1" t="inlineStr"><is><t>张</t></is></c>`), "UTF-8", "GBK", 1),
		"white space in tags":              plainSheet(`<c   r="A1"` + "\n\t" + `t="s" ><v >0</v  ></c>`),
		"hidden and merged": strings.Replace(plainSheet(`<c r="A1" t="s"><v>0</v></c>`), `<sheetData>`, `<cols><col min="2" max="3" hidden="1"/></cols><sheetData>`, 1) +
			`<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>`,
	} {
		t.Run(name, func(t *testing.T) {
			data := []byte(sheet)
			want, wantErr := scanByXML(data, "名册", []uint32{2}, nil, nil)
			got, ok := scanPlain(bytes.Clone(data), "名册", []uint32{2}, nil, nil, nil)
			if !ok || wantErr != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("gosax %v %+v, encoding/xml %v %+v", ok, got, wantErr, want)
			}
		})
	}
}

// FuzzPlainScanAgrees: whatever the part holds, a part gosax's reading
// takes is one encoding/xml reads to the same shape, and the scan's
// result is encoding/xml's.
func FuzzPlainScanAgrees(f *testing.F) {
	data, _, _, _ := rosterSheetPart(f, 3)
	f.Add(data)
	f.Add([]byte(fuzzSheet))
	f.Add([]byte(plainSheet(`<c r="A1" t="inlineStr"><is><t>a &amp; b</t></is></c><c r="B1" t="b"><v>1</v></c>`)))
	f.Add([]byte(plainSheet(`<c r="A1" s="1"><v>620102198503120130</v></c><c r="B1"><f>A1</f></c>`)))
	f.Add([]byte(plainSheet(`<x:c r="A1" t='s'/>`) + `<conditionalFormatting sqref="A1:B2"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>`))
	formats := map[int]*cellFormat{1: newCellFormat(";;;")}
	dxfs := map[int]*cellFormat{0: newCellFormat(`yyyy"年"m"月"`)}
	f.Fuzz(func(t *testing.T, data []byte) {
		want, wantErr := scanByXML(data, "名册", []uint32{2, 0, 5}, formats, dxfs)
		if got, ok := scanPlain(bytes.Clone(data), "名册", []uint32{2, 0, 5}, formats, dxfs, nil); ok {
			if wantErr != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("gosax took %q as %+v; encoding/xml: %v %+v", data, got, wantErr, want)
			}
		}
		got, err := scanSheetData(data, "名册", []uint32{2, 0, 5}, formats, dxfs, nil)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Fatalf("scan %v %+v, encoding/xml %v %+v", err, got, wantErr, want)
		}
	})
}

// The scan of a 20,000-row roster's sheet, by encoding/xml alone and as
// imports run it (gosax's reading of the plain form).
func BenchmarkScanSheet20000(b *testing.B) {
	data, shared, formats, dxfs := rosterSheetPart(b, 20000)
	for name, scan := range map[string]func() (*sheetShape, error){
		"encoding-xml": func() (*sheetShape, error) { return scanByXML(data, "名册", shared, formats, dxfs) },
		"plain":        func() (*sheetShape, error) { return scanSheetData(data, "名册", shared, formats, dxfs, nil) },
	} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			cpu := startCPU()
			defer cpu.report(b)
			for b.Loop() {
				if _, err := scan(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
