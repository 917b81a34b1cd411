package ui

import (
	"strings"
	"testing"

	"branchledger/model"
)

// An earlier year's copy of the roster beside the newest is listed
// unticked, with why and how many of its people the newest lacks (review
// ra8 G1: every year was read and the people who left stored).
func TestImportPreviewListsEarlierYearsUnticked(t *testing.T) {
	f := newFakeStore(testToday)
	f.preview = model.ImportPreview{
		Sheets: []model.ImportSheet{
			{Name: "2024", HeaderRow: 1, Rows: 5, Earlier: "2025", EarlierMissing: 2},
			{Name: "2025", Included: true, HeaderRow: 1, Rows: 3},
		},
		Plan: model.ImportPlan{Add: []model.Member{member("赵一", validID("19800101", "011"))}},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("/home/secretary/名册.xlsx")
	p := s.roster.preview
	const label = "2024（第1行为表头，5 行），看来是往年的名册，默认不导入"
	// The why and the count on a line of its own, wrapped (look11: in the
	// box's line it was cut off in English at 1024×700).
	for _, said := range []string{label, "只导入最新的“2025”；本表中有2人不在“2025”中，看来已离开"} {
		if markup := textsOf(p.choices); !strings.Contains(markup, said) {
			t.Errorf("the preview does not show %q in %s", said, markup)
		}
	}
	if box := findChecks(p.choices)[label]; box == nil || box.Checked {
		t.Errorf("the earlier year is not offered unticked: %v", box)
	}
	if box := findChecks(p.choices)["2025（第1行为表头，3 行）"]; box == nil || !box.Checked {
		t.Errorf("the newest year is not ticked: %v", box)
	}
}
