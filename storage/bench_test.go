package storage

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gorm.io/gorm"

	"branchledger/model"
	"branchledger/storage/demo"
)

// Benchmarks on a roster far larger than any branch (a branch usually has at
// most 50 members), so that an instructor's collection of many branches, or
// a slow laptop, still feels instant. Run: go test -bench . ./storage/

const benchMembers = 20000

func benchRoster(n int) []model.Member {
	return demo.Members(n, 1, testToday, "兰州示例科技有限公司党支部")
}

// benchStore opens a store filled with n members by one import.
func benchStore(b *testing.B, n int) *Store {
	b.Helper()
	s := openTest(b)
	importAll(b, s, benchRoster(n))
	return s
}

func importAll(b *testing.B, s *Store, ms []model.Member) {
	b.Helper()
	plan, err := s.PlanImport("花名册.xlsx", ms, allColumns())
	if err != nil {
		b.Fatal(err)
	}
	if _, _, err := s.ApplyImport(plan); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkMembers20000(b *testing.B) {
	s := benchStore(b, benchMembers)
	b.ResetTimer()
	for b.Loop() {
		ms, err := s.Members()
		if err != nil || len(ms) != benchMembers {
			b.Fatalf("%d members, %v", len(ms), err)
		}
	}
}

// The same load through GORM's Find, to show why Members scans by hand.
func BenchmarkMembersGORMFind20000(b *testing.B) {
	s := benchStore(b, benchMembers)
	b.ResetTimer()
	for b.Loop() {
		var rows []memberRow
		if err := s.db.Order("id").Find(&rows).Error; err != nil || len(rows) != benchMembers {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}

// Plan and apply the import of a 20,000-member roster into a new file.
func BenchmarkApplyImport20000(b *testing.B) {
	ms := benchRoster(benchMembers)
	dir := b.TempDir()
	for b.Loop() {
		b.StopTimer()
		path, err := os.MkdirTemp(dir, "run")
		if err != nil {
			b.Fatal(err)
		}
		s := openAt(b, filepath.Join(path, FileName))
		b.StartTimer()
		importAll(b, s, ms)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// Target (issue 7): the write of a 20,000-member import — ApplyImport, the
// one transaction, with the plan made beforehand — under 0.3 s.
func BenchmarkImportWrite20000(b *testing.B) {
	ms := benchRoster(benchMembers)
	dir := b.TempDir()
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		path, err := os.MkdirTemp(dir, "run")
		if err != nil {
			b.Fatal(err)
		}
		s := openAt(b, filepath.Join(path, FileName))
		plan, err := s.PlanImport("花名册.xlsx", ms, allColumns())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := cpuNow()
		if n, _, err := s.ApplyImport(plan); err != nil || n != benchMembers {
			b.Fatalf("%d added: %v", n, err)
		}
		cpu += cpuNow() - c0
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// How the rows go in: one BLOB of fixed-width rows per statement
// (insertBulk) against INSERT … VALUES of 16 rows a statement (insertRows),
// the way the import wrote before.
func BenchmarkBulkInsert20000(b *testing.B) {
	ms := benchRoster(benchMembers)
	now := time.Now()
	rows := make([]memberRow, len(ms))
	for i := range ms {
		m := ms[i]
		m.Normalize()
		m.OnRoster, m.CreatedAt, m.UpdatedAt = true, now, now
		rows[i] = toMemberRow(&m)
	}
	appendRow := func(args []any, i int) []any { return rows[i].appendValues(args) }
	for _, tt := range []struct {
		name   string
		insert func(tx *gorm.DB) error
	}{
		{"bulk", func(tx *gorm.DB) error { return insertBulk(tx, "members", memberInsertColumns, len(rows), appendRow) }},
		{"values16", func(tx *gorm.DB) error {
			return insertRows(tx, "members", memberInsertColumns, len(rows), 16, appendRow)
		}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			dir := b.TempDir()
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				path, _ := os.MkdirTemp(dir, "run")
				s := openAt(b, filepath.Join(path, FileName))
				s.db.Exec(fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB))
				b.StartTimer()
				c0 := cpuNow()
				if err := s.db.Transaction(tt.insert); err != nil {
					b.Fatal(err)
				}
				cpu += cpuNow() - c0
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}

// A file in which every one of 20,000 members has a new phone number:
// 20,000 updates and as many history rows.
func BenchmarkApplyImportUpdate20000(b *testing.B) {
	ms := benchRoster(benchMembers)
	s := openTest(b)
	importAll(b, s, ms)
	edited := make([]model.Member, len(ms))
	for b.Loop() {
		b.StopTimer()
		for i := range ms {
			edited[i] = ms[i]
			edited[i].Phone = fmt.Sprintf("13%09d", rand.IntN(1e9))
		}
		b.StartTimer()
		plan, err := s.PlanImport("花名册.xlsx", edited, allColumns())
		if err != nil {
			b.Fatal(err)
		}
		if _, n, err := s.ApplyImport(plan); err != nil || n < benchMembers-10 {
			b.Fatalf("%d updated, %v", n, err)
		}
	}
}

// Importing the same 20,000-member file again: everything unchanged.
func BenchmarkPlanImportUnchanged20000(b *testing.B) {
	ms := benchRoster(benchMembers)
	s := openTest(b)
	importAll(b, s, ms)
	b.ResetTimer()
	for b.Loop() {
		plan, err := s.PlanImport("花名册.xlsx", ms, allColumns())
		if err != nil || plan.Unchanged != benchMembers {
			b.Fatalf("%d unchanged, %v", plan.Unchanged, err)
		}
	}
}

// One member added by hand to a file that already holds 20,000.
func BenchmarkAddMember(b *testing.B) {
	ms := benchRoster(benchMembers + 5000)
	s := openTest(b)
	importAll(b, s, ms[:benchMembers])
	next := benchMembers
	b.ResetTimer()
	for b.Loop() {
		if next == len(ms) {
			b.StopTimer()
			ms = append(ms, benchRoster(len(ms) + 5000)[len(ms):]...)
			b.StartTimer()
		}
		if _, err := s.AddMember(ms[next], nil); err != nil {
			b.Fatal(err)
		}
		next++
	}
}

// Opening a file of 20,000 members: lock, quick_check, version check.
func BenchmarkOpen20000(b *testing.B) {
	s := benchStore(b, benchMembers)
	path := s.Path()
	s.Close()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
