package xlsx

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// Issue 9 defect 3, attack7 #3 and #4: memory stays under about 300 MB for
// any input. The kinds that went past it: one long shared string referred
// to by many cells (each cell read is a copy of it), shared strings of a
// legal length referred to by so many cells that the copies add up, and a
// sheet padded with megabytes of white space.

// peakResidentMB is the process's peak resident set since resetResident, in
// MB; ok is false where Linux's /proc is not there.
func peakResidentMB() (float64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024, true
		}
	}
	return 0, false
}

// resetResident returns memory to the system and starts a new peak.
func resetResident() bool {
	debug.FreeOSMemory()
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// sharedRefsPackage is a roster of rows members (姓名, 公民身份号码, 入党时间,
// then refs cells per row that each refer to shared string 3, whose text is
// long) as the smallest package excelize opens.
func sharedRefsPackage(t testing.TB, long string, rows, refs int) []byte {
	var sheet strings.Builder
	sheet.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	sheet.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`)
	for r := 2; r <= rows+1; r++ {
		id := idNumber(fmt.Sprintf("1980%02d%02d", 1+r%12, 1+r%28), fmt.Sprintf("%03d", r%1000))
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>党员%d</t></is></c><c r="B%d" t="inlineStr"><is><t>%s</t></is></c><c r="C%d" t="inlineStr"><is><t>2010.07</t></is></c>`, r, r, r, r, id, r)
		for c := 0; c < refs; c++ {
			fmt.Fprintf(&sheet, `<c t="s"><v>3</v></c>`)
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	sst := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><t>身份证号码</t></si><si><t>入党时间</t></si><si><t>` + long + `</t></si></sst>`
	return minimalPackage(t, sheet.String(), sst)
}

func TestMemoryBombsRefusedWithinBound(t *testing.T) {
	atLimit := strings.Repeat("党", maxCellChars)
	padded := strings.Replace(sheetXMLWith(50, 0, ""), "<sheetData>", "<sheetData>"+strings.Repeat(" ", 45<<20), 1)
	paddedRows := strings.Replace(sheetXMLWith(50, 0, ""), `<row r="30"`, strings.Repeat("\n", 4<<20)+`<row r="30"`, 1)
	tests := []struct {
		name string
		data func(t testing.TB) []byte
		want string // in the refusal; "" when the file imports
	}{
		{"a 6 MB shared string in 11 cells of 51 rows (h5b)", func(t testing.TB) []byte {
			return sharedRefsPackage(t, strings.Repeat("党", 2<<20), 51, 11)
		}, "多于 Excel 一个单元格能存的"},
		{"a 6 MB rich-text shared string", func(t testing.TB) []byte {
			long := `</t></si><si><r><t>` + strings.Repeat("党", 1<<20) + `</t></r><r><t>` + strings.Repeat("党", 1<<20)
			return sharedRefsPackage(t, long, 51, 11) // the long string is the fifth, after an empty one
		}, "多于 Excel 一个单元格能存的"},
		{"one character over the limit, with a phonetic guide", func(t testing.TB) []byte {
			return sharedRefsPackage(t, atLimit+`</t><rPh sb="0" eb="1"><t>dang</t></rPh><t>x`, 2, 1)
		}, "多于 Excel 一个单元格能存的"},
		{"a string at the limit in 1,100 cells of one row (h5c)", func(t testing.TB) []byte {
			return sharedRefsPackage(t, atLimit, 1, 1100)
		}, "单元格里的文字已超过"},
		{"a string at the limit in 40 cells of 30 rows", func(t testing.TB) []byte {
			return sharedRefsPackage(t, atLimit, 30, 40)
		}, "单元格里的文字已超过"},
		// The scan runs beside excelize's reading (scanRun): excelize
		// must not read the row before the scan has refused it, or the
		// row's 4,000 copies of the string (400 MB) are made at once.
		{"a string at the limit in 4,000 cells of one row", func(t testing.TB) []byte {
			return sharedRefsPackage(t, atLimit, 1, 4000)
		}, "单元格里的文字已超过"},
		{"a string at the limit in 4,000 cells between two rows", func(t testing.TB) []byte {
			sheet := strings.Replace(sheetXMLWith(50, 0, ""), `<row r="30"`, strings.Repeat(`<c t="s"><v>3</v></c>`, 4000)+`<row r="30"`, 1)
			return minimalPackage(t, sheet, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><t>身份证号码</t></si><si><t>入党时间</t></si><si><t>`+atLimit+`</t></si></sst>`)
		}, "不在任何一行里的单元格"},
		{"45 MB of spaces inside <sheetData> (h8b)", func(t testing.TB) []byte {
			return minimalPackage(t, padded, fuzzShared)
		}, "表格开头有一段超过"},
		{"4 MB of line breaks between rows 29 and 30", func(t testing.TB) []byte {
			return minimalPackage(t, paddedRows, fuzzShared)
		}, "第29行之后有一段超过"},
		{"a string at the limit in 3 cells of 50 rows imports", func(t testing.TB) []byte {
			return sharedRefsPackage(t, atLimit, 50, 3)
		}, ""},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("%d.xlsx", i))
			if err := os.WriteFile(path, tt.data(t), 0o644); err != nil {
				t.Fatal(err)
			}
			measured := resetResident()
			rf, err := ReadRosterFile(path, ReadOptions{Today: today})
			peak, _ := peakResidentMB()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want == "" && len(rf.Members) != 50:
				t.Fatalf("%d members, want 50", len(rf.Members))
			case tt.want != "" && (!errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrIrregular) || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("got %v, want refused saying %q", err, tt.want)
			}
			if measured && peak > 300 {
				t.Errorf("peak resident set %.0f MB, want under 300 MB", peak)
			}
			t.Logf("peak %.0f MB: %v", peak, err)
		})
	}
}

// The peak memory of each kind of bomb, measured (make bench, not make test).
func BenchmarkMemoryBombs(b *testing.B) {
	atLimit := strings.Repeat("党", maxCellChars)
	for _, k := range []struct {
		name string
		data []byte
	}{
		{"h5b_6MB_string_561_refs", sharedRefsPackage(b, strings.Repeat("党", 2<<20), 51, 11)},
		{"h5c_limit_string_400_refs_one_row", sharedRefsPackage(b, atLimit, 1, 400)},
		{"h5c_limit_string_16384_refs_one_row", sharedRefsPackage(b, atLimit, 1, maxColumn-3)},
		{"h8b_45MB_spaces", minimalPackage(b, strings.Replace(sheetXMLWith(50, 0, ""), "<sheetData>", "<sheetData>"+strings.Repeat(" ", 45<<20), 1), fuzzShared)},
	} {
		b.Run(k.name, func(b *testing.B) {
			b.ReportMetric(float64(len(k.data))/1024, "file-KB")
			benchPeak(b, k.data, true)
		})
	}
}
