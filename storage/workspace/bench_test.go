package workspace

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Issue 11's targets, on this 2-core machine: importing 200 packages (50
// members, three years of activities and dues each) encrypted to the
// instructor's key ≤ 10 s in all; the combined report of those 200
// branches ≤ 3 s. The sample branches and their packages are made once
// (minutes) into the system's temporary folder and reused.

func benchDir(b *testing.B) string {
	dir := filepath.Join(os.TempDir(), "branchledger-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	return dir
}

// sample is the sample workspace of n branches, not yet imported, copied to
// a fresh file and unlocked.
func sample(b *testing.B, n int) (*Workspace, []string) {
	b.Helper()
	path, pkgs, err := SampleWorkspace(benchDir(b), n, 50, day, at(day, 10))
	if err != nil {
		b.Fatal(err)
	}
	fresh := filepath.Join(b.TempDir(), FileName)
	in, _ := os.Open(path)
	out, _ := os.Create(fresh)
	io.Copy(out, in)
	in.Close()
	out.Close()
	w, err := Open(fresh, WithClock(at(day, 16)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	if err := w.Unlock(SamplePassphrase); err != nil {
		b.Fatal(err)
	}
	return w, pkgs
}

func BenchmarkImport200Packages(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		w, pkgs := sample(b, 200)
		b.StartTimer()
		for _, r := range w.ImportAll(pkgs, ImportOptions{}, nil) {
			if r.Outcome != Imported {
				b.Fatalf("%s: %v %v", r.File, r.Outcome, r.Err)
			}
		}
	}
}

func BenchmarkReport200Branches(b *testing.B) {
	w, pkgs := sample(b, 200)
	for _, r := range w.ImportAll(pkgs, ImportOptions{}, nil) {
		if r.Outcome != Imported {
			b.Fatal(r.Err)
		}
	}
	out := filepath.Join(b.TempDir(), "report.xlsx")
	b.ResetTimer()
	for b.Loop() {
		r, err := w.WriteReport(out)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Branches) != 200 {
			b.Fatalf("%d branches", len(r.Branches))
		}
	}
	fi, _ := os.Stat(out)
	b.ReportMetric(float64(fi.Size())/1024, "KiB")
}

// The side-by-side list's query over 200 branches (the screen's own
// benchmark is in ui/workspace).
func BenchmarkSideBySideQuery200(b *testing.B) {
	w, pkgs := sample(b, 200)
	w.ImportAll(pkgs, ImportOptions{}, nil)
	b.ResetTimer()
	for b.Loop() {
		bs, err := w.Branches()
		if err != nil || len(bs) != 200 {
			b.Fatal(len(bs), err)
		}
	}
}
