package storage

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"branchledger/model"
	"branchledger/storage/demo"
)

// What an import stores is what its plan showed, field by field and in the
// plan's order, across chunks of the bulk write (one of them holds a 备注 of
// 200 characters among short ones, which goes after its length rather than
// padded for rtrim); members without an arrival date arrive on the day of
// the import.
func TestApplyImportStoresWhatWasPlanned(t *testing.T) {
	s := openTest(t)
	roster := demo.Members(2*bulkChunk+37, 7, testToday, "兰州示例科技有限公司党支部")
	for i := range roster {
		switch {
		case i%11 == 0:
			roster[i].ArrivedOn = model.Date{}
		case i%13 == 0:
			roster[i].Notes = "曾任 支部委员"
		}
	}
	roster[bulkChunk+5].Notes = strings.Repeat("长", 200)
	plan, err := s.PlanImport("花名册.xlsx", roster, allColumns())
	if err != nil || len(plan.Add) != len(roster) {
		t.Fatalf("plan: %d to add of %d, %v %+v", len(plan.Add), len(roster), err, plan.Refused)
	}
	for start := 0; start < len(plan.Add); start += bulkChunk {
		if got := chunkLayout(t, len(newMemberColumns), start, len(plan.Add), newMemberRow(plan.Add, testToday)); got != "fixed" {
			t.Fatalf("the chunk from member %d goes as %s, want fixed", start, got)
		}
	}
	if added, _, err := s.ApplyImport(plan); err != nil || added != len(roster) {
		t.Fatalf("ApplyImport: %d added, %v", added, err)
	}
	stored, err := s.Members()
	if err != nil || len(stored) != len(plan.Add) {
		t.Fatalf("%d members stored, want %d: %v", len(stored), len(plan.Add), err)
	}
	at := stored[0].CreatedAt
	for i, got := range stored {
		want := plan.Add[i]
		if i > 0 && got.ID <= stored[i-1].ID {
			t.Fatalf("member %d has id %d after %d", i, got.ID, stored[i-1].ID)
		}
		if !got.CreatedAt.Equal(at) || !got.UpdatedAt.Equal(at) {
			t.Fatalf("member %d added at %v, updated at %v; want both %v", i, got.CreatedAt, got.UpdatedAt, at)
		}
		want.ID, want.CreatedAt, want.UpdatedAt = got.ID, got.CreatedAt, got.UpdatedAt
		want.DuesPaidTo = 0 // not a field of the record
		if want.ArrivedOn.IsZero() {
			want.ArrivedOn = testToday
		}
		if got != want {
			t.Fatalf("member %d stored as\n%+v\nplanned\n%+v", i, got, want)
		}
	}
	for _, col := range memberInsertColumns {
		var blobs int
		if err := s.db.Raw("SELECT count(*) FROM members WHERE typeof(" + col + ") = 'blob'").Scan(&blobs).Error; err != nil || blobs > 0 {
			t.Errorf("%s: %d values stored as BLOB, %v", col, blobs, err)
		}
	}
}

// settableClock is a store's clock that a test moves by hand.
type settableClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *settableClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *settableClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// ApplyImport takes a plan's additions as checked only if they are exactly
// what PlanImport made, on the same day: a plan changed since, or one whose
// day has passed, is normalised and checked again.
func TestApplyImportChecksAPlanChangedSincePlanning(t *testing.T) {
	refused := func(t *testing.T, s *Store, plan model.ImportPlan, want string) {
		t.Helper()
		before := countRows(t, s, "members")
		_, _, err := s.ApplyImport(plan)
		if err == nil || !strings.HasPrefix(err.Error(), "导入未完成，名册没有改动") || !strings.Contains(err.Error(), want) {
			t.Fatalf("ApplyImport: %v; want it refused naming %s", err, want)
		}
		if n := countRows(t, s, "members"); n != before {
			t.Errorf("%d members after the refused import, want %d", n, before)
		}
	}

	t.Run("a member made invalid", func(t *testing.T) {
		s := openTest(t)
		plan, err := s.PlanImport("花名册.xlsx", []model.Member{newMember(1), newMember(2), newMember(3)}, allColumns())
		if err != nil || len(plan.Add) != 3 {
			t.Fatalf("plan: %d to add, %v", len(plan.Add), err)
		}
		plan.Add[1].JoinDate = testToday.AddYears(1)
		refused(t, s, plan, plan.Add[1].Name)
	})

	t.Run("a name not normalised", func(t *testing.T) {
		s := openTest(t)
		plan, err := s.PlanImport("花名册.xlsx", []model.Member{newMember(1), newMember(2)}, allColumns())
		if err != nil || len(plan.Add) != 2 {
			t.Fatalf("plan: %d to add, %v", len(plan.Add), err)
		}
		plan.Add[0].Name = " 王\u200b 五 "
		if _, _, err := s.ApplyImport(plan); err != nil {
			t.Fatal(err)
		}
		ms, _ := s.Members()
		if len(ms) != 2 || ms[0].Name != "王五" {
			t.Errorf("stored %q, want 王五", ms[0].Name)
		}
	})

	t.Run("planned on a later day than it is applied", func(t *testing.T) {
		// The computer's clock was put back between the preview and the
		// import: a member who joined on the day of the plan has joined in
		// the future.
		clock := &settableClock{t: time.Date(2026, 3, 16, 9, 0, 0, 0, beijing)}
		s, err := Open(filepath.Join(t.TempDir(), FileName), WithClock(clock.Now))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		m := newMember(1)
		m.Category, m.FullDate, m.JoinDate = model.CategoryProbationary, model.Date{}, model.NewDate(2026, 3, 16)
		plan, err := s.PlanImport("花名册.xlsx", []model.Member{m}, allColumns())
		if err != nil || len(plan.Add) != 1 {
			t.Fatalf("plan: %+v, %v", plan, err)
		}
		clock.set(time.Date(2026, 3, 15, 9, 0, 0, 0, beijing))
		refused(t, s, plan, m.Name)
	})
}

// Encoding the new members of an import boxes none of their values: the
// allocations of a chunk do not grow with its rows (an import of 20,000
// members made a third of a million of them, one for each value).
func TestNewMembersEncodeWithoutAllocatingPerValue(t *testing.T) {
	ms := demo.Members(1000, 3, testToday, "兰州示例科技有限公司党支部")
	enc := chunkEncoder{cols: len(newMemberColumns)}
	row := newMemberRow(ms, testToday)
	allocs := testing.AllocsPerRun(5, func() {
		if err := enc.encode(0, len(ms), row); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 20 {
		t.Errorf("encoding %d members made %.0f allocations, want a few for the chunk", len(ms), allocs)
	}
}

// A new member's row names every column a member has but id, once.
func TestNewMemberColumnsAreEveryColumn(t *testing.T) {
	got := slices.Clone(newMemberColumns)
	for _, v := range newMemberSame(time.Now()) {
		got = append(got, v.column)
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(memberInsertColumns))
	if !slices.Equal(got, want) {
		t.Errorf("a new member's columns are\n%v\nwant\n%v", got, want)
	}
}
