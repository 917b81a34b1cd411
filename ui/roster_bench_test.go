package ui

import (
	"slices"
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
	s.background = func(work func()) { work() }
	b.Cleanup(s.win.Close)
	s.recheck()
	// Built as when first opened but kept off screen, as before screens
	// were built lazily: the figures are the roster's own work, not the
	// test driver drawing the table.
	s.view(slices.IndexFunc(s.screens, func(sc Screen) bool { return sc.Title == screenRoster }))
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
