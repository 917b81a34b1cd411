package xlsx

import (
	"archive/zip"
	"bytes"
	"testing"

	"branchledger/model"
)

// minimalPackage wraps a worksheet and shared strings in the smallest
// package excelize opens, so that a fuzzer can vary the XML itself rather
// than bytes the zip checksums would refuse.
func minimalPackage(t testing.TB, sheet, shared string) []byte {
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet},
		{"xl/sharedStrings.xml", shared},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
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
