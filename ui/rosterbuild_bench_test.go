package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"branchledger/storage/demo"
)

// The first switch to the 党员 screen of a 50-member branch, built and laid
// out at 1366×768 (the test driver does not paint). Under Wine's software
// renderer (make windows-check) painting comes on top, and the whole switch
// must stay within 0.5 s; Fyne's own ellipsis made this part alone 0.4 s.
func BenchmarkRosterFirstView50(b *testing.B) {
	a := test.NewTempApp(b)
	svc := newFakeStore(testToday, demo.Members(50, 1, testToday, testBranch)...).services()
	for b.Loop() {
		b.StopTimer()
		s := newShell(a, svc, "")
		s.background = func(work func()) { work() }
		s.win.Resize(fyne.NewSize(1366, 768))
		s.recheck()
		i := slices.IndexFunc(s.screens, func(sc Screen) bool { return sc.Title == screenRoster })
		b.StartTimer()
		s.nav.Select(i)
		s.win.Canvas().Refresh(s.win.Content())
		b.StopTimer()
		s.win.Close()
		b.StartTimer()
	}
}
