package storage

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"branchledger/model"
	"branchledger/storage/internal/crashtest"
)

// openCrashed opens a data file a killed process was writing, as the next
// start of the app would, and checks it whole: Open must succeed (the
// journal is rolled back or removed) and the full integrity check pass.
func openCrashed(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path, WithClock(newTestClock().Now))
	if err != nil {
		t.Fatalf("open after the kill: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	var check string
	if err := s.db.Raw("PRAGMA integrity_check").Scan(&check).Error; err != nil || check != "ok" {
		t.Fatalf("integrity_check after the kill: %q, %v", check, err)
	}
	return s
}

// An import killed at any moment leaves the roster as it was or with the
// whole import, and with the history to match: one import recorded per
// import applied.
func TestKilledImportIsAllOrNothing(t *testing.T) {
	const batch = 1500
	var members, imports int
	crashtest.Run(t, crashtest.Plan{
		Kills: 20,
		Setup: func(t *testing.T, dir string) {
			s := openAt(t, filepath.Join(dir, FileName))
			addMembers(t, s, 10)
			s.Close()
			members = 10
		},
		Work: func(dir string, round int) error {
			s, err := Open(filepath.Join(dir, FileName))
			if err != nil {
				return err
			}
			defer s.Close()
			ms := make([]model.Member, batch)
			for i := range ms {
				ms[i] = newMember(1000 + round*batch + i)
			}
			plan, err := s.PlanImport(fmt.Sprintf("第%d批.xlsx", round), ms, allColumns())
			if err != nil {
				return err
			}
			_, _, err = s.ApplyImport(plan)
			return err
		},
		Check: func(t *testing.T, dir string, round int, finished bool) {
			s := openCrashed(t, filepath.Join(dir, FileName))
			var n, recorded int
			s.db.Raw("SELECT count(*) FROM members").Scan(&n)
			s.db.Raw("SELECT count(*) FROM imports").Scan(&recorded)
			switch {
			case n == members && recorded == imports && !finished:
			case n == members+batch && recorded == imports+1:
				members, imports = n, recorded
			default:
				t.Fatalf("round %d: %d members and %d imports, want %d and %d or %d and %d",
					round, n, recorded, members, imports, members+batch, imports+1)
			}
			s.Close()
		},
	})
}

// An import that changes every member's address, killed at any moment,
// leaves every address as it was or every one changed, each change in the
// history.
func TestKilledUpdatingImportIsAllOrNothing(t *testing.T) {
	const size = 1500
	address := func(round int) string { return fmt.Sprintf("兰州市城关区第%d次改址", round) }
	// The round whose addresses the roster holds (round 0 always finishes),
	// and how many rounds have been applied.
	applied, rounds := -1, 0
	crashtest.Run(t, crashtest.Plan{
		Kills: 15,
		Setup: func(t *testing.T, dir string) {
			path := filepath.Join(dir, FileName)
			s := openAt(t, path)
			ms := make([]model.Member, size)
			for i := range ms {
				ms[i] = newMember(i)
			}
			plan, _ := s.PlanImport("原名册.xlsx", ms, allColumns())
			if _, _, err := s.ApplyImport(plan); err != nil {
				t.Fatal(err)
			}
			s.Close()
		},
		Work: func(dir string, round int) error {
			s, err := Open(filepath.Join(dir, FileName))
			if err != nil {
				return err
			}
			defer s.Close()
			ms := make([]model.Member, size)
			for i := range ms {
				ms[i] = newMember(i)
				ms[i].Address = address(round)
			}
			plan, err := s.PlanImport("改址.xlsx", ms, allColumns())
			if err != nil {
				return err
			}
			_, _, err = s.ApplyImport(plan)
			return err
		},
		Check: func(t *testing.T, dir string, round int, finished bool) {
			s := openCrashed(t, filepath.Join(dir, FileName))
			var addresses []string
			s.db.Raw("SELECT DISTINCT address FROM members").Scan(&addresses)
			var changes int
			s.db.Raw("SELECT count(*) FROM member_changes WHERE field = ?", string(model.FieldAddress)).Scan(&changes)
			if len(addresses) != 1 {
				t.Fatalf("round %d: the members have %d different addresses, want all the same: %v", round, len(addresses), addresses)
			}
			switch {
			case addresses[0] == address(round):
				applied, rounds = round, rounds+1
			case !finished && applied >= 0 && addresses[0] == address(applied):
			default:
				t.Fatalf("round %d: address %q, want that of round %d or %d", round, addresses[0], applied, round)
			}
			if want := rounds * size; changes != want {
				t.Fatalf("round %d: %d address changes in the history, want %d", round, changes, want)
			}
			s.Close()
		},
	})
}

// Saving members one after another (the window's commonest write), killed at
// any moment: each save is whole, the member and its history together.
func TestKilledMemberSavesAreWhole(t *testing.T) {
	crashtest.Run(t, crashtest.Plan{
		Kills: 15,
		Setup: func(t *testing.T, dir string) {
			s := openAt(t, filepath.Join(dir, FileName))
			addMembers(t, s, 3)
			s.Close()
		},
		Work: func(dir string, round int) error {
			s, err := Open(filepath.Join(dir, FileName))
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := s.Member(1)
			if err != nil {
				return err
			}
			// Each save adds one to the phone number and one change to
			// the history; 200 saves take a good part of a second.
			for range 200 {
				n, _ := strconv.ParseInt(m.Phone, 10, 64)
				m.Phone = strconv.FormatInt(n+1, 10)
				if _, err := s.UpdateMember(m); err != nil {
					return err
				}
				if m, err = s.Member(1); err != nil {
					return err
				}
			}
			return nil
		},
		Check: func(t *testing.T, dir string, round int, finished bool) {
			s := openCrashed(t, filepath.Join(dir, FileName))
			m, err := s.Member(1)
			if err != nil {
				t.Fatal(err)
			}
			first, _ := strconv.ParseInt(newMember(0).Phone, 10, 64)
			now, _ := strconv.ParseInt(m.Phone, 10, 64)
			var changes int64
			s.db.Raw("SELECT count(*) FROM member_changes WHERE member_id = 1 AND field = ?", string(model.FieldPhone)).Scan(&changes)
			if now-first != changes {
				t.Fatalf("round %d: phone %d is %d saves on, but the history has %d", round, now, now-first, changes)
			}
			s.Close()
		},
	})
}

// The DSN carries the path to SQLite unchanged, whatever characters it has,
// and the pragmas in glebarez's _pragma form.
func TestDSN(t *testing.T) {
	for _, p := range []string{
		"/tmp/branchledger.db",
		"/home/张三/我的 文档/支部 台账.db",
		"/data/#1 100% ?&=+;.db",
	} {
		d := dsn(p, false, true)
		u, err := url.Parse(d)
		if err != nil {
			t.Fatalf("dsn(%q) = %q: %v", p, d, err)
		}
		if u.Scheme != "file" || u.Path != filepath.ToSlash(p) {
			t.Errorf("dsn(%q) = %q, reads back as %q", p, d, u.Path)
		}
		pragmas := strings.Join(u.Query()["_pragma"], " ")
		for _, want := range []string{"foreign_keys(1)", "journal_mode(DELETE)", "synchronous(FULL)", "locking_mode(EXCLUSIVE)", "busy_timeout("} {
			if !strings.Contains(pragmas, want) {
				t.Errorf("dsn(%q) lacks %s", p, want)
			}
		}
	}
}
