package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/storage"
)

// A drive holding last week's and this week's package of one branch gave
// "refused 2" (exit 1) or "refused 0" depending only on the file names
// (review s4-11 attack #4): whatever the order, the newer snapshot is kept
// and an older one of the same import is no refusal.
func TestOlderSnapshotInOneImportIsNoRefusalWhateverTheOrder(t *testing.T) {
	oldAt, newAt := time.Date(2026, 11, 30, 15, 3, 0, 0, cst), time.Date(2026, 11, 30, 15, 7, 0, 0, cst)
	for _, newerFirst := range []bool{true, false} {
		dir := t.TempDir()
		w, key := newWorkspace(t, dir)
		s := newBranch(t, filepath.Join(dir, "a"), 6, 5, "甘肃陇原机械制造有限公司", day)
		path := s.Path()
		s.Close()
		snap := func(at time.Time, name string) string {
			st, err := storage.Open(path, storage.WithClock(func() time.Time { return at }))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			out := filepath.Join(dir, name)
			pack(t, st, key, out)
			return out
		}
		old, newer := snap(oldAt, "old.blpkg"), snap(newAt, "new.blpkg")
		copyOf := func(src string) string {
			b, _ := os.ReadFile(src)
			out := src + ".copy.blpkg"
			os.WriteFile(out, b, 0o600)
			return out
		}
		files := []string{old, newer, copyOf(newer)}
		if newerFirst {
			files = []string{newer, old, copyOf(old)}
		}
		rs := w.ImportAll(files, ImportOptions{}, nil)
		for _, r := range rs {
			if r.Outcome == Refused || r.Outcome == HeldBack {
				t.Errorf("newer first %v: %s: %s %s", newerFirst, filepath.Base(r.File), r.Outcome, r.Message())
			}
			if errors.Is(r.Err, ErrOlderInBatch) && (r.Outcome != Unchanged || !strings.Contains(r.Line(), "比同一批中导入的快照旧")) {
				t.Errorf("%s: %s", r.File, r.Line())
			}
			t.Log(newerFirst, r.Outcome, r.Line())
		}
		var at string
		w.sql.QueryRow("SELECT snapshot_at FROM branches").Scan(&at)
		if !parseStamp(at).Equal(newAt) {
			t.Errorf("newer first %v: kept the snapshot of %s, want %s", newerFirst, at, newAt)
		}
	}
}

// Two packages of one branch whose times differ by less than the second the
// lines show were "older" with two equal times (review s4-11 attack #10):
// the same data is unchanged, other data a conflict, never "older".
func TestSameSecondSnapshotsAreNeverOlder(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 6, 5, "甘肃陇原机械制造有限公司", day)
	path := s.Path()
	s.Close()
	snap := func(ms int, name string) string {
		st, err := storage.Open(path, storage.WithClock(func() time.Time { return time.Date(2026, 11, 30, 15, 3, 20, ms*1e6, cst) }))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		out := filepath.Join(dir, name)
		pack(t, st, key, out)
		return out
	}
	later, earlier := snap(900, "a.blpkg"), snap(200, "b.blpkg")
	rs := w.ImportAll([]string{later, earlier}, ImportOptions{}, nil)
	if rs[0].Outcome != Imported {
		t.Fatal(rs[0].Message())
	}
	if errors.Is(rs[1].Err, ErrOlder) || (rs[1].Outcome != Unchanged && !errors.Is(rs[1].Err, ErrConflict)) {
		t.Errorf("same second: %s %s", rs[1].Outcome, rs[1].Line())
	}
	t.Log(rs[1].Outcome, rs[1].Line())
}
