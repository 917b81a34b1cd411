package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
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
