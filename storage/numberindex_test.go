package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"branchledger/model"
)

// dumpMembers is every column of every member, in id order, as text.
func dumpMembers(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.sql.Query("SELECT * FROM members ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for i, v := range vals {
			if raw, ok := v.([]byte); ok {
				v = string(raw)
			}
			fmt.Fprintf(&b, "%s=%v|", cols[i], v)
		}
		out = append(out, b.String())
	}
	return out
}

// A file of version 11 keeps every member, every column and id, and every
// record that refers to a member on the upgrade to version 12, which moves
// the uniqueness of 公民身份号码 to the index members_id_number; a number
// given twice is still refused, a member still cannot be deleted, foreign
// keys are still enforced, and the next member's id follows the highest
// id ever given.
func TestMemberNumberIndexMigrationKeepsTheRoster(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = migrations[:11]
	s11, err := Open(path, WithClock(newTestClock().Now))
	if err != nil {
		t.Fatal(err)
	}
	ms := addMembers(t, s11, 30)
	if err := s11.db.Exec("INSERT INTO member_events (member_id, kind, date, created_at, updated_at) VALUES (?, '转入', '2025-06-01', 'x', 'x')", ms[4].ID).Error; err != nil {
		t.Fatal(err)
	}
	edited := ms[7]
	edited.Phone = "13600000000"
	if _, err := s11.UpdateMember(edited); err != nil {
		t.Fatal(err)
	}
	// An id given and never kept (a rolled-back write cannot do this; a
	// counter ahead of the ids is what AUTOINCREMENT promises to keep).
	if err := s11.db.Exec("UPDATE sqlite_sequence SET seq = 77 WHERE name = 'members'").Error; err != nil {
		t.Fatal(err)
	}
	before := dumpMembers(t, s11)
	var events, changes int
	s11.db.Raw("SELECT count(*) FROM member_events").Scan(&events)
	s11.db.Raw("SELECT count(*) FROM member_changes").Scan(&changes)
	s11.Close()
	migrations = saved

	s := openAt(t, path)
	var version int
	s.db.Raw("PRAGMA user_version").Scan(&version)
	if version < 12 {
		t.Fatalf("user_version %d after the upgrade", version)
	}
	after := dumpMembers(t, s)
	if strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("members changed on the upgrade:\nbefore %v\nafter  %v", before, after)
	}
	var e, c int
	s.db.Raw("SELECT count(*) FROM member_events").Scan(&e)
	s.db.Raw("SELECT count(*) FROM member_changes").Scan(&c)
	if e != events || c != changes {
		t.Errorf("after the upgrade %d events and %d changes, want %d and %d", e, c, events, changes)
	}
	var indexes []string
	s.db.Raw("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'members' ORDER BY name").Scan(&indexes)
	if strings.Join(indexes, ",") != memberNumberIndex {
		t.Errorf("indexes of members after the upgrade: %v, want only %s", indexes, memberNumberIndex)
	}
	var fk int
	s.db.Raw("PRAGMA foreign_keys").Scan(&fk)
	if fk != 1 {
		t.Error("foreign keys are off after the upgrade")
	}
	var broken []map[string]any
	s.db.Raw("PRAGMA foreign_key_check").Scan(&broken)
	if len(broken) > 0 {
		t.Errorf("references broken by the upgrade: %v", broken)
	}
	if err := s.db.Exec("INSERT INTO member_events (member_id, kind, date, created_at, updated_at) VALUES (9999, '转入', '2026-01-01', 'x', 'x')").Error; err == nil {
		t.Error("an event of a member who does not exist was stored after the upgrade")
	}
	if err := s.db.Exec("DELETE FROM members WHERE id = ?", ms[0].ID).Error; err == nil {
		t.Error("a member was deleted after the upgrade")
	}

	twice := newMember(1)
	twice.Name = "李四"
	if _, err := s.AddMember(twice, nil); !errors.Is(err, ErrDuplicateIDNumber) {
		t.Errorf("AddMember of a number the file holds: %v, want ErrDuplicateIDNumber", err)
	}
	m, err := s.AddMember(newMember(100), nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.ID != 78 {
		t.Errorf("the first member after the upgrade has id %d, want 78 (after the counter's 77)", m.ID)
	}
	var check string
	if err := s.db.Raw("PRAGMA integrity_check").Scan(&check).Error; err != nil || check != "ok" {
		t.Errorf("integrity_check after the upgrade: %q, %v", check, err)
	}
}

// An import that adds more members than the file holds builds the index of
// numbers again after its rows are in: the file is then whole and of this
// version's schema, and the import still refuses, whole, a number given
// twice in the rows or one entered since the plan was made, saying which.
func TestLargeImportBuildsTheNumberIndexAgain(t *testing.T) {
	const n = numberIndexRebuildMin + 200
	rows := func(from int) []model.Member {
		out := make([]model.Member, n)
		for i := range out {
			out[i] = newMember(from + i)
		}
		return out
	}

	t.Run("imported", func(t *testing.T) {
		s := openTest(t)
		addMembers(t, s, 3)
		plan, err := s.PlanImport("大名册.xlsx", rows(100), allColumns())
		if err != nil {
			t.Fatal(err)
		}
		if added, _, err := s.ApplyImport(plan); err != nil || added != n {
			t.Fatalf("ApplyImport: %d added, %v", added, err)
		}
		path := s.Path()
		s.Close()
		s = openAt(t, path) // the schema check of Open
		if _, err := CheckSchema(s.sql); err != nil {
			t.Errorf("schema after the import: %v", err)
		}
		var check string
		if err := s.db.Raw("PRAGMA integrity_check").Scan(&check).Error; err != nil || check != "ok" {
			t.Errorf("integrity_check after the import: %q, %v", check, err)
		}
		again := newMember(150)
		if _, err := s.AddMember(again, nil); !errors.Is(err, ErrDuplicateIDNumber) {
			t.Errorf("AddMember of an imported number: %v, want ErrDuplicateIDNumber", err)
		}
	})

	t.Run("a number twice", func(t *testing.T) {
		s := openTest(t)
		plan := model.ImportPlan{Source: "坏文件.xlsx", Add: rows(100)}
		plan.Add[n-1] = newMember(110)
		plan.Add[n-1].Name = "王五"
		_, _, err := s.ApplyImport(plan)
		if !errors.Is(err, ErrDuplicateIDNumber) || !strings.Contains(err.Error(), "出现两次") || !strings.Contains(err.Error(), "王五") {
			t.Fatalf("ApplyImport: %v, want ErrDuplicateIDNumber naming 王五", err)
		}
		if got := countRows(t, s, "members"); got != 0 {
			t.Errorf("%d members after the refused import, want 0", got)
		}
	})

	t.Run("a number entered since the plan", func(t *testing.T) {
		s := openTest(t)
		plan, err := s.PlanImport("新名册.xlsx", rows(100), allColumns())
		if err != nil {
			t.Fatal(err)
		}
		late := newMember(100 + n/2)
		late.Name = "李四"
		if _, err := s.AddMember(late, nil); err != nil {
			t.Fatal(err)
		}
		_, _, err = s.ApplyImport(plan)
		if !errors.Is(err, ErrDuplicateIDNumber) || !strings.Contains(err.Error(), "李四") {
			t.Fatalf("ApplyImport: %v, want ErrDuplicateIDNumber naming 李四", err)
		}
		if got := countRows(t, s, "members"); got != 1 {
			t.Errorf("%d members after the refused import, want 1", got)
		}
		var indexes []string
		s.db.Raw("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'members'").Scan(&indexes)
		if len(indexes) != 1 || indexes[0] != memberNumberIndex {
			t.Errorf("indexes of members after the refused import: %v", indexes)
		}
	})
}
