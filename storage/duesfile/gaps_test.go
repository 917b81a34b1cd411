package duesfile

import (
	"testing"

	"branchledger/model"
)

// The printed summary of a year names only the members whose base is
// missing in that year (review s5-8 attack #13: the 2025 summary named a
// member who joined in 2026).
func TestGapsOfTheYearPrinted(t *testing.T) {
	gaps := []model.BaseGap{{Name: "甲五", Years: []int{2026}}, {Name: "甲六", Years: []int{2025, 2026}}}
	if got := gapsIn(gaps, 2025); len(got) != 1 || got[0].Name != "甲六" {
		t.Errorf("2025: %+v", got)
	}
	if got := gapsIn(gaps, 2026); len(got) != 2 {
		t.Errorf("2026: %+v", got)
	}
}
