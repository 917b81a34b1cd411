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

// Ticked, the earlier year says it is imported, and that the people the
// newest lacks will be too (look12: it still said only the newest was).
func TestImportPreviewSaysATickedEarlierYearIsImported(t *testing.T) {
	f := newFakeStore(testToday)
	f.preview = model.ImportPreview{
		Sheets: []model.ImportSheet{
			{Name: "2024", Included: true, HeaderRow: 1, Rows: 5, Earlier: "2025", EarlierMissing: 2},
			{Name: "2025", Included: true, HeaderRow: 1, Rows: 3},
		},
		Plan: model.ImportPlan{Add: []model.Member{member("赵一", validID("19800101", "011"))}},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("/home/secretary/名册.xlsx")
	p := s.roster.preview
	const label = "2024（第1行为表头，5 行），看来是往年的名册，按所选导入"
	markup := textsOf(p.choices)
	for _, said := range []string{label, "本表中有2人不在最新的“2025”中，看来已离开，也将作为在册党员导入"} {
		if !strings.Contains(markup, said) {
			t.Errorf("the preview does not show %q in %s", said, markup)
		}
	}
	if strings.Contains(markup, "默认不导入") || strings.Contains(markup, "只导入最新") {
		t.Errorf("a ticked earlier year is said to be left out: %s", markup)
	}
	if box := findChecks(p.choices)[label]; box == nil || !box.Checked {
		t.Errorf("the earlier year is not shown ticked: %v", box)
	}
}
