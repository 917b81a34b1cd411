package recruitfile

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/storage"
)

// pipelineBookN writes a pipeline workbook of n people, each with the
// steps of a person some way along (a quarter as far as 确定发展对象 with
// mentors), as the instructor's county sheet would be, and returns its path.
func pipelineBookN(b *testing.B, n int) string {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	head := make([]any, len(pipelineHeadings))
	for i, h := range pipelineHeadings {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		b.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range pipelineHeadings {
		col[h] = i
	}
	for i := range n {
		row := make([]any, len(pipelineHeadings))
		row[col["姓名"]] = fmt.Sprintf("批量%05d", i)
		row[col["公民身份号码"]] = id(fmt.Sprintf("1990%02d%02d", 1+i%12, 1+i/12%28), fmt.Sprintf("%03d", i/336))
		row[col["申请入党日期"]], row[col["谈话日期"]] = "2024-01-05", "2024-01-20"
		if i%4 == 0 {
			row[col["确定入党积极分子日期"]], row[col["培养联系人"]] = "2024-03-01", "王芳、李强"
			row[col["确定发展对象日期"]], row[col["备注"]] = "2025-03-10", "车间"
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "发展党员台账.xlsx")
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkImport10000 previews and commits a pipeline workbook of 10,000
// people into a branch's file, as `recruit import` does: the whole of
// reading, planning and writing. The review of issue 12 measured 25.7 s and
// 640 MB for the preview; the README bounds an import at about 300 MB, and
// the roster import of as many rows takes about a second. The peak is the
// process's resident set (VmHWM, Linux), reset before each run.
func BenchmarkImport10000(b *testing.B) {
	path := pipelineBookN(b, 10000)
	peak, preview := 0.0, time.Duration(0)
	for b.Loop() {
		b.StopTimer()
		s, err := storage.Open(filepath.Join(b.TempDir(), "b.db"), storage.WithClock(func() time.Time { return clock }))
		if err != nil {
			b.Fatal(err)
		}
		svc := New(s)
		resetPeak(b)
		b.StartTimer()
		start := time.Now()
		p, err := svc.PreviewImport(path)
		if err != nil || len(p.Add) != 10000 {
			b.Fatalf("preview: %d to add, %v, %+v", len(p.Add), err, p.Rejected[:min(3, len(p.Rejected))])
		}
		preview += time.Since(start)
		if added, _, err := svc.CommitImport(p); err != nil || added != 10000 {
			b.Fatalf("commit: %d added, %v", added, err)
		}
		b.StopTimer()
		peak = max(peak, peakMB(b))
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(preview.Seconds()/float64(b.N), "preview-s/op")
	b.ReportMetric(peak, "peak-MB")
}

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
