package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/storage/demo"
)

// A branch this large is rare, but a unit-level roster may hold 20,000
// members; typing in the search box must still feel instant (well under a
// 16 ms frame) and a click on a heading must sort within a blink.
func newBigRoster(b *testing.B) *rosterScreen {
	b.Helper()
	a := test.NewTempApp(b)
	s := newShell(a, newFakeStore(testToday, demo.Members(20000, 1, testToday, testBranch)...).services(), "")
	b.Cleanup(s.win.Close)
	return s.roster
}

func BenchmarkSearch20000(b *testing.B) {
	r := newBigRoster(b)
	queries := []string{"王", "王建", "6201", "139", ""}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		r.search.SetText(queries[i%len(queries)])
	}
}

func BenchmarkSortByName20000(b *testing.B) {
	r := newBigRoster(b)
	b.ResetTimer()
	for b.Loop() {
		r.sortBy(0)
	}
}

func BenchmarkReload20000(b *testing.B) {
	r := newBigRoster(b)
	b.ResetTimer()
	for b.Loop() {
		r.sh.dataChanged()
	}
}
