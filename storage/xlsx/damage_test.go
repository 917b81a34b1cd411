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
)

// threeBranches is a workbook of one roster sheet per branch, five members
// each, as a town's organisation office sends it.
func threeBranches(t testing.TB) []byte {
	var sheets []sheetSpec
	for s, name := range []string{"第一党支部", "第二党支部", "第三党支部"} {
		rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"}}
		for r := 0; r < 5; r++ {
			rows = append(rows, []any{fmt.Sprintf("党员%d%d", s, r), idNumber(fmt.Sprintf("19800%d1%d", s+1, r), fmt.Sprintf("%d%d1", s, r)), "2010.07", "2011.07"})
		}
		sheets = append(sheets, sheetSpec{name: name, rows: rows})
	}
	return workbook{sheets: sheets}.bytes(t)
}

// rezip copies a package, letting change rewrite one part: its bytes, and
// the sizes and checksum its zip entry declares.
func rezip(t testing.TB, data []byte, name string, change func(h *zip.FileHeader, body []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, zf := range zr.File {
		if zf.Name != name {
			if err := zw.Copy(zf); err != nil {
				t.Fatal(err)
			}
			continue
		}
		found = true
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		h := zip.FileHeader{Name: zf.Name, Method: zip.Deflate, UncompressedSize64: uint64(len(body)), CRC32: crc32.ChecksumIEEE(body)}
		body = change(&h, body)
		var packed bytes.Buffer
		fw, _ := flate.NewWriter(&packed, flate.BestSpeed)
		_, _ = fw.Write(body)
		_ = fw.Close()
		h.CompressedSize64 = uint64(packed.Len())
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(packed.Bytes())
	}
	if !found {
		t.Fatalf("no part %s", name)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Issue 9 defect 2, attack7 #2: a worksheet damaged anywhere in a workbook
// of several — its zip entry lying about its size, cut short, its checksum
// wrong — refuses the whole file, naming the sheet; never a roster with a
// sheet silently missing.
func TestDamagedSheetOfManyRefusesTheFile(t *testing.T) {
	good := threeBranches(t)
	damages := []struct {
		name   string
		change func(h *zip.FileHeader, body []byte) []byte
		where  string // how the message places the stop
	}{
		{"entry declares fewer bytes than it holds (padding after <sheetData>)", func(h *zip.FileHeader, body []byte) []byte {
			s := strings.Replace(string(body), "<sheetData>", "<sheetData>"+strings.Repeat(" ", 1<<20), 1)
			h.CRC32 = crc32.ChecksumIEEE([]byte(s))
			return []byte(s) // UncompressedSize64 still the original length
		}, "表格开头"},
		{"entry declares fewer bytes than it holds (rows appended)", func(h *zip.FileHeader, body []byte) []byte {
			h.UncompressedSize64 = uint64(bytes.Index(body, []byte(`<row r="4"`)))
			h.CRC32 = crc32.ChecksumIEEE(body)
			return body
		}, "第3行之后"},
		{"sheet cut short inside row 4", func(h *zip.FileHeader, body []byte) []byte {
			body = body[:bytes.Index(body, []byte(`<row r="4"`))+30]
			h.UncompressedSize64, h.CRC32 = uint64(len(body)), crc32.ChecksumIEEE(body)
			return body
		}, "第4行"},
		{"sheet cut short after row 2", func(h *zip.FileHeader, body []byte) []byte {
			body = body[:bytes.Index(body, []byte(`<row r="3"`))]
			h.UncompressedSize64, h.CRC32 = uint64(len(body)), crc32.ChecksumIEEE(body)
			return body
		}, "第2行之后"},
		{"checksum wrong", func(h *zip.FileHeader, body []byte) []byte {
			h.CRC32 ^= 0xdeadbeef
			return body
		}, ""},
	}
	dir := t.TempDir()
	for i, sheet := range []string{"第一党支部", "第二党支部", "第三党支部"} {
		part := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		for _, d := range damages {
			t.Run(sheet+"/"+d.name, func(t *testing.T) {
				path := filepath.Join(dir, fmt.Sprintf("s%d-%d.xlsx", i, len(d.name)))
				if err := os.WriteFile(path, rezip(t, good, part, d.change), 0o644); err != nil {
					t.Fatal(err)
				}
				rf, err := ReadRosterFile(path, ReadOptions{Today: today})
				if !errors.Is(err, ErrDamaged) {
					var n int
					if rf != nil {
						n = len(rf.Members)
					}
					t.Fatalf("got %v with %d members, want the file refused as damaged", err, n)
				}
				msg := err.Error()
				if !strings.Contains(msg, "“"+sheet+"”") || !strings.Contains(msg, d.where) {
					t.Errorf("message %q does not name sheet %s and %q", msg, sheet, d.where)
				}
				if strings.Contains(msg, "zip:") || strings.Contains(msg, "XML syntax") {
					t.Errorf("message %q is not one Chinese sentence", msg)
				}
			})
		}
	}
	if rf := read(t, good); len(rf.Members) != 15 {
		t.Fatalf("undamaged workbook: %d members, want 15", len(rf.Members))
	}
}
