package xlsx

import (
	"bufio"
	"bytes"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// Issue 9 defect 3: no input makes an import use more than about 300 MB.
// The peak is the process's resident set (VmHWM), reset before each read
// (Linux only; the benchmarks skip elsewhere).

// resetPeak returns memory to the system and starts a new high-water mark.
func resetPeak(b *testing.B) {
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Skipf("cannot reset the peak resident set here: %v", err)
	}
}

// peakMB is the process's peak resident set since resetPeak, in MB.
func peakMB(b *testing.B) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		b.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024
		}
	}
	b.Skip("no VmHWM")
	return 0
}

// benchPeak reads data b.N times and reports the highest peak seen.
func benchPeak(b *testing.B, data []byte, wantErr bool) {
	b.Helper()
	peak := 0.0
	for b.Loop() {
		resetPeak(b)
		_, err := ReadRoster(bytes.NewReader(data), ReadOptions{Today: today})
		if (err != nil) != wantErr {
			b.Fatalf("read: %v", err)
		}
		peak = max(peak, peakMB(b))
	}
	b.ReportMetric(peak, "peak-MB")
}

// The shared-string bomb of issue 9: a small workbook whose shared-string
// table unpacks to 250 MB. Refused before it is unpacked.
func BenchmarkSharedStringBomb250MB(b *testing.B) {
	data := sharedStringBomb(b, 250<<20, 1)
	b.ReportMetric(float64(len(data))/1024, "file-KB")
	benchPeak(b, data, true)
}

// The largest shared-string table an import accepts (just under 24 MB
// unpacked, just under 300,000 strings), referred to by a small sheet.
func BenchmarkSharedStringsAtTheLimit(b *testing.B) {
	var sst strings.Builder
	sst.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><t>身份证号码</t></si><si><t>入党时间</t></si>`)
	for i := 0; i < maxSharedItems-10; i++ {
		sst.WriteString("<si><t>")
		sst.WriteString(strconv.Itoa(i))
		sst.WriteString(strings.Repeat("党", 24))
		sst.WriteString("</t></si>")
	}
	sst.WriteString("</sst>")
	data := minimalPackage(b, sheetXMLWith(200, 0, ""), sst.String())
	b.ReportMetric(float64(len(data))/1024, "file-KB")
	benchPeak(b, data, false)
}

// Rows of cells that each refer to one long rich-text string: every cell
// read is a new copy. Refused when the values read pass 96 MB.
func BenchmarkRichTextCopies(b *testing.B) {
	long := strings.Repeat("很长的文字", 20000) // 300 KB
	sst := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><t>身份证号码</t></si><si><t>入党时间</t></si><si><r><t>` + long + `</t></r><r><t>x</t></r></si></sst>`
	var sheet strings.Builder
	sheet.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`)
	for r := 2; r < 2000; r++ {
		n := strconv.Itoa(r)
		sheet.WriteString(`<row r="` + n + `"><c r="A` + n + `" t="s"><v>3</v></c><c r="B` + n + `" t="s"><v>3</v></c></row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	data := minimalPackage(b, sheet.String(), sst)
	b.ReportMetric(float64(len(data))/1024, "file-KB")
	benchPeak(b, data, true)
}

// A county's roster: 20,000 members.
func BenchmarkReadRosterPeak20000(b *testing.B) {
	_, data := benchData(b)
	benchPeak(b, data, false)
}
