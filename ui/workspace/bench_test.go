package workspace

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/test"

	ws "branchledger/storage/workspace"
)

// Issue 11's target: the side-by-side screen of 200 branches opens in
// ≤ 0.5 s. Opening builds the whole window: the branches' list, the
// organisation list, the coverage and the settings. The sample workspace
// (storage/workspace.SampleWorkspace) is made once and reused.
func BenchmarkOpenSideBySide200(b *testing.B) {
	dir := filepath.Join(os.TempDir(), "branchledger-bench")
	os.MkdirAll(dir, 0o755)
	path, pkgs, err := ws.SampleWorkspace(dir, 200, 50, day, clockAt(day, 10))
	if err != nil {
		b.Fatal(err)
	}
	fresh := filepath.Join(b.TempDir(), ws.FileName)
	in, _ := os.Open(path)
	out, _ := os.Create(fresh)
	io.Copy(out, in)
	in.Close()
	out.Close()
	svc, err := ws.Open(fresh, ws.WithClock(clockAt(day, 16)))
	if err != nil {
		b.Fatal(err)
	}
	defer svc.Close()
	if err := svc.Unlock(ws.SamplePassphrase); err != nil {
		b.Fatal(err)
	}
	svc.ImportAll(pkgs, ws.ImportOptions{}, nil)
	a := test.NewTempApp(b)
	b.ResetTimer()
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	defer func() {
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
		cpu := ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano()
		b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
	}()
	for b.Loop() {
		w := New(a, svc)
		if len(w.Shown()) != 200 {
			b.Fatalf("%d branches shown", len(w.Shown()))
		}
		w.Win.Close()
	}
}
