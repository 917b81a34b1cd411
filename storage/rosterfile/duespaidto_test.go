package rosterfile

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"branchledger/model"
)

// A roster's 党费已交至 column (历史党费缴至, 党费交至) sets each member's
// opening dues position, read as the forms read a month; a month that
// cannot be right is refused naming the person and the cell; the preview
// counts the members; the member's history records it; a second import with
// a later month updates it without any other change.
func TestRosterImportSetsDuesPaidTo(t *testing.T) {
	svc, store := newService(t)
	var ids []string
	for _, first := range []string{"62010219850312451", "62010219900101232", "62010219800707353", "62010219751212001"} {
		ids = append(ids, first+string(model.IDCheckChar(first)))
	}
	head := []any{"姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "党费已交至"}
	path := writeSheet(t, [][]any{head,
		{"张一", ids[0], "正式党员", "2010-07-01", "2011-07-01", "2026年10月"},
		{"王二", ids[1], "正式党员", "2012-07-01", "2013-07-01", "2026.09"},
		{"李三", ids[2], "正式党员", "2008-07-01", "2009-07-01", ""},
		{"赵四", ids[3], "正式党员", "2008-07-01", "2009-07-01", "2029年1月"},
	})
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(p.Ignored(), "党费已交至") {
		t.Errorf("党费已交至 listed as not imported: %q", p.Ignored())
	}
	if len(p.Rejected) != 1 || p.Rejected[0].Name != "赵四" || p.Rejected[0].Field != model.FieldDuesPaidTo ||
		p.Rejected[0].Value != "2029年1月" || !strings.Contains(p.Rejected[0].Reason, "预交") {
		t.Errorf("rejected %+v", p.Rejected)
	}
	if len(p.Plan.Openings) != 2 {
		t.Fatalf("openings %+v, want 张一 and 王二", p.Plan.Openings)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	ms, _ := store.Members()
	byName := map[string]int64{}
	for _, m := range ms {
		byName[m.Name] = m.ID
	}
	openings, _ := store.DuesOpenings()
	want := map[string]model.Month{"张一": model.MonthOf(2026, 10), "王二": model.MonthOf(2026, 9)}
	for name, m := range want {
		if got := openings[byName[name]]; got != m {
			t.Errorf("%s 党费已交至 %v, want %v", name, got, m)
		}
	}
	if _, ok := openings[byName["李三"]]; ok || len(openings) != 2 {
		t.Errorf("openings %v", openings)
	}
	cs, _ := store.MemberChanges(byName["张一"])
	if !slices.ContainsFunc(cs, func(c model.FieldChange) bool { return c.Field == model.FieldDuesPaidTo && c.New == "2026-10" }) {
		t.Errorf("张一's history has no 党费已交至: %+v", cs)
	}

	// The same roster, 王二 paid one month more: only that changes.
	again := writeSheet(t, [][]any{{"姓名", "公民身份号码", "历史党费缴至"},
		{"张一", ids[0], "2026年10月"}, {"王二", ids[1], "2026年10月"}})
	p, err = svc.PreviewImport(again)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Plan.Add)+len(p.Plan.Update) != 0 || len(p.Plan.Openings) != 1 || p.Plan.Openings[0].Old != model.MonthOf(2026, 9) {
		t.Fatalf("second preview: add %d update %d openings %+v", len(p.Plan.Add), len(p.Plan.Update), p.Plan.Openings)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	if openings, _ := store.DuesOpenings(); openings[byName["王二"]] != model.MonthOf(2026, 10) {
		t.Errorf("王二 after the second import: %v", openings[byName["王二"]])
	}

	// A roster with 张一 paid to an earlier month would make his paid
	// months owed: the stored, later month stays and a note says so
	// (review s7-8 attack #11).
	earlier := writeSheet(t, [][]any{{"姓名", "公民身份号码", "党费已交至"}, {"张一", ids[0], "2026年1月"}})
	p, err = svc.PreviewImport(earlier)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Plan.Openings) != 0 || len(p.Plan.KeptOpenings) != 1 {
		t.Fatalf("earlier month: openings %+v kept %+v", p.Plan.Openings, p.Plan.KeptOpenings)
	}
	said := false
	for _, n := range p.Notes {
		said = said || n.Row == 2 && n.Field == model.FieldDuesPaidTo && strings.HasPrefix(n.Message, "张一的党费已交至仍为2026年10月：表中的2026年1月更早，未改早")
	}
	if !said {
		t.Errorf("no note of the kept month: %+v", p.Notes)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	if openings, _ := store.DuesOpenings(); openings[byName["张一"]] != model.MonthOf(2026, 10) {
		t.Errorf("张一 after a roster with an earlier month: %v", openings[byName["张一"]])
	}
}

// The field sample's 历史党费缴至 column is read, not listed as left out.
func TestFieldSampleReadsDuesPaidTo(t *testing.T) {
	svc, _ := newService(t)
	p, err := svc.PreviewImport(filepath.Join(fieldSamples, "heading_yu_zheng.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(p.Ignored(), "历史党费缴至") {
		t.Errorf("历史党费缴至 listed as not imported: %q", p.Ignored())
	}
	if len(p.Plan.Openings) != 2 || p.Plan.Openings[0].PaidTo != model.MonthOf(2026, 10) {
		t.Errorf("openings %+v, want both members paid to 2026-10", p.Plan.Openings)
	}
}

// A roster's 党费已交至 inside the months the ledger keeps no longer refuses
// the row: the member is imported without it, and a 提示 names the row,
// the field, the value and what to do instead (登记交纳) — the preview, the
// dry run (the same preview) and the commit agree (look9 #1: a field
// sample against a ledger kept since 2025 imported nobody).
func TestRosterImportLeavesOutPaidToInsideTheLedger(t *testing.T) {
	svc, store := newService(t)
	if err := store.SetDuesLedgerStart(model.MonthOf(2025, 1)); err != nil {
		t.Fatal(err)
	}
	first := "62010219850312451"
	id := first + string(model.IDCheckChar(first))
	path := writeSheet(t, [][]any{{"姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "历史党费缴至"},
		{"张一", id, "正式党员", "2010-07-01", "2011-07-01", "2025年6月"}})
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) != 0 || len(p.Plan.Add) != 1 || len(p.Plan.Openings) != 0 {
		t.Fatalf("rejected %+v, add %d, openings %+v", p.Rejected, len(p.Plan.Add), p.Plan.Openings)
	}
	said := ""
	for _, n := range p.Notes {
		if n.Row == 2 && n.Field == model.FieldDuesPaidTo {
			said = n.Message
		}
	}
	for _, want := range []string{"张一的党费已交至“2025年6月”未导入", "在“收缴”中按实际交纳日期登记"} {
		if !strings.Contains(said, want) {
			t.Errorf("note %q lacks %q (notes %+v)", said, want, p.Notes)
		}
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	ms, _ := store.Members()
	openings, _ := store.DuesOpenings()
	if len(ms) != 1 || len(openings) != 0 {
		t.Errorf("after the commit: %d members, openings %v", len(ms), openings)
	}
}

// A roster imported into a file whose dues ledger has run since 2025 —
// set up in the app then — brings members the app learns of today: their
// 党费已交至 up to last month is where they stood when entered, taken, not
// left out as inside the ledger (review s9-8 #15); this month is the
// ledger's, left out with its note.
func TestRosterImportTakesPaidToOfMembersEnteredToday(t *testing.T) {
	svc, store := newService(t)
	if err := store.SetDuesLedgerKeptFrom(model.MonthOf(2025, 1)); err != nil {
		t.Fatal(err)
	}
	last := model.MonthOfDate(testToday) - 1
	ids := make([]string, 2)
	for i, first := range []string{"62010219850312451", "62010219860415452"} {
		ids[i] = first + string(model.IDCheckChar(first))
	}
	path := writeSheet(t, [][]any{{"姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "党费已交至"},
		{"张一", ids[0], "正式党员", "2010-07-01", "2011-07-01", last.Chinese()},
		{"李二", ids[1], "正式党员", "2010-07-01", "2011-07-01", (last + 1).Chinese()}})
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) != 0 || len(p.Plan.Add) != 2 || len(p.Plan.Openings) != 1 || p.Plan.Openings[0].PaidTo != last {
		t.Fatalf("rejected %+v, add %d, openings %+v", p.Rejected, len(p.Plan.Add), p.Plan.Openings)
	}
	if len(p.Plan.DroppedOpenings) != 1 || !strings.Contains(p.Plan.DroppedOpenings[0].Reason.String(), "录入本软件") {
		t.Errorf("dropped %+v", p.Plan.DroppedOpenings)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	openings, _ := store.DuesOpenings()
	if len(openings) != 1 {
		t.Errorf("openings %v", openings)
	}
	ar, _ := store.DuesArrears(testToday)
	if len(ar) != 0 {
		t.Errorf("imported today, yet behind: %+v", ar)
	}
}
