package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Targets (issue 7): importing 20,000 rows takes at most 1.5× excelize's
// GetRows of the same file and 2.5× its raw row stream, measured as whole
// processes as well as in-process (storage/rosterfile, storage/xlsx): the
// printed roster of 20,000 demo members, as an instructor collects it.
//
// Each iteration runs the four programs once each, in turn (starting with a
// different one each time), so that a machine others load slows each alike
// and the ratios hold where the times do not. It reports the median wall and
// CPU (user and system) time of each program, and the ratios of the import's
// and the dry run's medians to the baselines'.
func BenchmarkImportProcess20000(b *testing.B) {
	f := importBench.get(b)
	runs := []struct {
		name string
		args func(i int) []string
		bin  string
	}{
		{"getrows", func(int) []string { return []string{f.roster} }, f.readrows},
		{"raw", func(int) []string { return []string{"-raw", f.roster} }, f.readrows},
		{"dryrun", func(i int) []string {
			return []string{"roster", "import", f.roster, "--dry-run", "--db", filepath.Join(f.dir, fmt.Sprintf("dry%d.db", i))}
		}, f.app},
		{"import", func(i int) []string {
			return []string{"roster", "import", f.roster, "--db", filepath.Join(f.dir, fmt.Sprintf("imp%d.db", i))}
		}, f.app},
	}
	wall := make([][]time.Duration, len(runs))
	cpu := make([][]time.Duration, len(runs))
	i := 0
	for b.Loop() {
		i++
		for k := range runs {
			r := (i + k) % len(runs)
			cmd := command(f.env, runs[r].bin, runs[r].args(i)...)
			t0 := time.Now()
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%s: %v\n%s", runs[r].name, err, tail(string(out)))
			}
			wall[r] = append(wall[r], time.Since(t0))
			cpu[r] = append(cpu[r], cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		}
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for r := range runs {
		b.ReportMetric(ms(median(wall[r])), runs[r].name+"-ms")
		// CPU time, user and system, is steadier than wall time on a
		// machine others use too.
		b.ReportMetric(ms(median(cpu[r])), runs[r].name+"-cpu-ms")
	}
	ratio := func(of, to int) {
		b.ReportMetric(float64(median(wall[of]))/float64(median(wall[to])), runs[of].name+"/"+runs[to].name)
		b.ReportMetric(float64(median(cpu[of]))/float64(median(cpu[to])), runs[of].name+"/"+runs[to].name+"-cpu")
	}
	for _, of := range []int{2, 3} { // the dry run and the import
		ratio(of, 0) // ≤ 1.5
		ratio(of, 1) // ≤ 2.5
	}
}

func median(d []time.Duration) time.Duration {
	s := append([]time.Duration(nil), d...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s[len(s)/2]
}

// importBench are the programs and the workbook, made once per run.
var importBench importFiles

type importFiles struct {
	once sync.Once
	err  error

	dir, app, readrows, roster string
	env                        []string
}

// remove deletes the files once every benchmark has run (TestMain): a
// b.Cleanup would delete them after the first -count round, and the next
// rounds of the same sync.Once found them gone.
func (s *importFiles) remove() {
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

func (s *importFiles) get(b *testing.B) *importFiles {
	s.once.Do(func() {
		if s.dir, s.err = os.MkdirTemp("", "branchledger-import-bench-"); s.err != nil {
			return
		}
		s.env = isolatedEnv(s.dir)
		s.app, s.readrows = filepath.Join(s.dir, "branchledger"), filepath.Join(s.dir, "readrows")
		s.roster = filepath.Join(s.dir, "花名册20000.xlsx")
		if s.err = goBuild(".", s.app); s.err != nil {
			return
		}
		if s.err = goBuild("./testdata/readrows", s.readrows); s.err != nil {
			return
		}
		db := filepath.Join(s.dir, "demo.db")
		for _, args := range [][]string{{"demo", "--members", "20000", "--db", db}, {"roster", "export", s.roster, "--db", db}} {
			if out, err := command(s.env, s.app, args...).CombinedOutput(); err != nil {
				s.err = fmt.Errorf("%v: %w\n%s", args, err, tail(string(out)))
				return
			}
		}
	})
	if s.err != nil {
		b.Fatal(s.err)
	}
	return s
}
