package storage

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"branchledger/model"
	"branchledger/storage/internal/faultfs"
	"branchledger/storage/reason"
)

// integrityAlone copies the data file alone — not its journal — as a
// secretary copying "the data file" to a USB stick would, and runs SQLite's
// full integrity check and a count of members on the copy.
func integrityAlone(t *testing.T, path string) (check string, members int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(copyPath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil {
		return err.Error(), 0
	}
	if err := db.QueryRow("SELECT count(*) FROM members").Scan(&members); err != nil {
		return err.Error(), 0
	}
	return check, members
}

// An import that fills the disk fails with a Chinese sentence, and the data
// file alone — while the window still has it open, and after it is closed —
// passes SQLite's integrity check and holds the roster as it was. Run with
// the disk full at several points, so that the failure falls in the journal
// write, in a cache spill and at the commit.
func TestFullDiskLeavesTheDataFileWholeOnItsOwn(t *testing.T) {
	disk := faultfs.Small(t, 8<<20)
	incoming := make([]model.Member, 6000)
	for i := range incoming {
		incoming[i] = newMember(1000 + i)
	}
	for _, leave := range []int64{48 << 10, 256 << 10, 640 << 10, 1024 << 10, 1536 << 10} {
		t.Run(fmt.Sprintf("%d KB free", leave>>10), func(t *testing.T) {
			dir := filepath.Join(disk, fmt.Sprint(leave))
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			defer os.RemoveAll(dir)
			path := filepath.Join(dir, FileName)
			s, err := Open(path, WithClock(newTestClock().Now))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			addMembers(t, s, 20)
			filler := faultfs.Fill(t, disk, leave)

			plan, err := s.PlanImport("大名册.xlsx", incoming, allColumns())
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = s.ApplyImport(plan)
			if err == nil {
				t.Fatalf("the import fit in %d KB; the test wants it not to", leave>>10)
			}
			t.Logf("import: %v", err)
			if !strings.Contains(err.Error(), "磁盘空间已满") {
				t.Errorf("message %q should say the disk is full", err)
			}
			// One Chinese sentence; SQLite's English goes to the log only.
			if latin := regexp.MustCompile(`[A-Za-z]{2,}`).FindString(err.Error()); latin != "" || strings.ContainsAny(err.Error(), "()") {
				t.Errorf("message %q carries %q or brackets of SQLite's detail", err, latin)
			}
			if d := reason.Detail(err); !strings.Contains(d, "SQLITE_FULL") && !strings.Contains(d, "full") {
				t.Errorf("the log's detail %q lost SQLite's words", d)
			}
			if check, n := integrityAlone(t, path); check != "ok" || n != 20 {
				t.Errorf("the data file alone, still open: integrity %q, %d members; want ok, 20", check, n)
			}
			if ms, err := s.Members(); err != nil || len(ms) != 20 {
				t.Errorf("the window reads %d members, %v; want 20", len(ms), err)
			}

			// With room again the same window writes as before.
			if err := os.Remove(filler); err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddMember(newMember(99), nil); err != nil {
				t.Errorf("adding a member once there is room: %v", err)
			}
			if err := s.Close(); err != nil {
				t.Errorf("close: %v", err)
			}
			if _, err := os.Stat(path + "-journal"); err == nil {
				t.Error("a journal is left beside the closed file")
			}
			if check, n := integrityAlone(t, path); check != "ok" || n != 21 {
				t.Errorf("the closed data file alone: integrity %q, %d members; want ok, 21", check, n)
			}
		})
	}
}

// A full disk met while the window is closing after the failed write is the
// case the defect report found: the app said the roster was unchanged and
// exited, leaving a hot journal beside a data file that failed the check on
// its own. Closing right after the failure must leave the file whole.
func TestFullDiskThenCloseLeavesNoHotJournal(t *testing.T) {
	disk := faultfs.Small(t, 8<<20)
	incoming := make([]model.Member, 6000)
	for i := range incoming {
		incoming[i] = newMember(1000 + i)
	}
	for _, leave := range []int64{256 << 10, 640 << 10, 1024 << 10, 1536 << 10} {
		t.Run(fmt.Sprintf("%d KB free", leave>>10), func(t *testing.T) {
			dir := filepath.Join(disk, fmt.Sprint(leave))
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			defer os.RemoveAll(dir)
			path := filepath.Join(dir, FileName)
			s, err := Open(path, WithClock(newTestClock().Now))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			addMembers(t, s, 20)
			filler := faultfs.Fill(t, disk, leave)
			defer os.Remove(filler)
			plan, _ := s.PlanImport("大名册.xlsx", incoming, allColumns())
			if _, _, err := s.ApplyImport(plan); err == nil {
				t.Fatal("the import fit")
			}
			if err := s.Close(); err != nil {
				t.Errorf("close: %v", err)
			}
			if journalHot(path) {
				t.Error("a hot journal is left beside the closed file")
			}
			if check, n := integrityAlone(t, path); check != "ok" || n != 20 {
				t.Errorf("the closed data file alone: integrity %q, %d members; want ok, 20", check, n)
			}
		})
	}
}
