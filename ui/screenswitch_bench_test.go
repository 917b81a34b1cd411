package ui

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/activityfile"
	"branchledger/storage/backup"
	"branchledger/storage/datapkg"
	"branchledger/storage/demo"
	"branchledger/storage/duesfile"
	"branchledger/storage/findings"
	"branchledger/storage/recruitfile"
	"branchledger/storage/rosterfile"
	"branchledger/storage/transferfile"
)

// demoStore is a data file holding the demo branch of members members.
func demoStore(b *testing.B, members int) *storage.Store {
	b.Helper()
	now := time.Date(testToday.Year, testToday.Month, testToday.Day, 10, 0, 0, 0, time.Local)
	st, err := storage.Open(filepath.Join(b.TempDir(), "demo.db"), storage.WithClock(func() time.Time { return now }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if err := demo.Fill(st, members, 1, testToday); err != nil {
		b.Fatal(err)
	}
	return st
}

// softwareShellOver is the window of 兼容模式 over st with every service
// main.go gives it, at 1366×768 with the software theme and its Chinese
// font, on 首页, the checks done.
func softwareShellOver(b *testing.B, st *storage.Store) *shell {
	b.Helper()
	a := test.NewTempApp(b)
	SetupApp(a, true)
	svc := Services{Roster: st, Branch: st, Files: rosterfile.New(st), Activities: activityfile.New(st),
		Dues: st, DuesFiles: duesfile.New(st), Findings: findings.New(st), Recruiting: recruitfile.New(st),
		Transfers: transferfile.New(st), Today: func() model.Date { return testToday },
		Backups: backup.NewService(st, "test"), Instructor: datapkg.Exporter{Store: st, AppVersion: "test"},
		File: st, SoftwareRendering: true}
	s := newShell(a, svc, st.Path())
	s.background = func(work func()) { work() }
	s.win.Resize(fyne.NewSize(1366, 728))
	s.recheck()
	return s
}

// A screen switch in 兼容模式 (software rendering) over a 50-member demo
// branch: from 首页 to each screen, built (the first visit) or already
// built (a later one), laid out and refreshed at 1366×768; the test driver
// does not paint. Issue 10's target is ≤ 0.5 s for the whole switch under
// Wine's software renderer (make windows-check times it), painting
// included. Fyne keeps text measurements for a minute: -benchtime 1x in a
// fresh process gives the first visit with nothing measured before, as a
// user's first click on each screen in the order of the navigation.
func BenchmarkSoftwareSwitch50(b *testing.B) {
	for _, title := range []string{screenRoster, screenActivities, screenDues, "发展党员", "组织关系", screenSettings, "帮助"} {
		b.Run(title, func(b *testing.B) {
			st := demoStore(b, 50)
			for b.Loop() {
				b.StopTimer()
				s := softwareShellOver(b, st)
				i := slices.IndexFunc(s.screens, func(sc Screen) bool { return sc.Title == title })
				if i < 0 {
					b.Fatalf("no screen %s", title)
				}
				b.StartTimer()
				s.nav.Select(i)
				s.win.Canvas().Refresh(s.win.Content())
				b.StopTimer()
				s.win.Close()
				b.StartTimer()
			}
		})
	}
}
