package demo

import (
	"testing"

	"branchledger/model"
)

// Sample data must pass the same checks a secretary's input does, or the
// benchmarks and the demo would show the app complaining about its own data.
func TestMembersAreValid(t *testing.T) {
	today := model.NewDate(2026, 11, 25)
	ms := Members(2000, 7, today, "测试党支部")
	if len(ms) != 2000 {
		t.Fatalf("got %d members, want 2000", len(ms))
	}
	seen := map[string]bool{}
	var probationary, mobile, lost int
	for i := range ms {
		m := ms[i]
		m.Normalize()
		if errs := m.Validate(today, model.CurrentRules()); len(errs) > 0 {
			t.Fatalf("member %d (%s %s) invalid: %v", i, m.Name, m.IDNumber, errs)
		}
		if seen[m.IDNumber] {
			t.Fatalf("duplicate ID number %s", m.IDNumber)
		}
		seen[m.IDNumber] = true
		if m.Category == model.CategoryProbationary {
			probationary++
		}
		if m.Mobile {
			mobile++
		}
		if m.LostContact {
			lost++
		}
	}
	if probationary == 0 || mobile == 0 || lost == 0 {
		t.Errorf("want a realistic mix, got %d probationary, %d mobile, %d lost contact", probationary, mobile, lost)
	}
}

func TestMembersAreReproducible(t *testing.T) {
	today := model.NewDate(2026, 11, 25)
	a, b := Members(50, 42, today, "x"), Members(50, 42, today, "x")
	for i := range a {
		if a[i].IDNumber != b[i].IDNumber || a[i].Name != b[i].Name {
			t.Fatalf("member %d differs between runs with the same seed", i)
		}
	}
}
