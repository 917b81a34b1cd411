package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

// rowOf is the index in the 基数 grid of the member with id.
func rowOf(t *testing.T, b *duesBases, id int64) int {
	t.Helper()
	for i := range b.rows {
		if b.rows[i].base.MemberID == id {
			return i
		}
	}
	t.Fatalf("member %d not in the grid", id)
	return -1
}

// 党费已交至 a year or more before a member joined is a typo in the year
// (review s5-8 attack #2, #9): the window refuses it when the field is
// left, naming the member, as the import does, and saves nothing; storage
// refuses it too, whichever screen sends it.
func TestOpeningBeforeJoiningRefusedInTheWindow(t *testing.T) {
	s, st, ms := firstDayShell(t)
	m := ms[3]
	if m.JoinDate.IsZero() {
		t.Fatal("demo member without a join date")
	}
	before := model.MonthOf(m.JoinDate.Year-30, 3)
	b := duesOf(t, s).bases
	b.rows[rowOf(t, b, m.ID)].selected = true
	b.editSelected()
	bd := b.bulkDlg
	bd.paidTo.SetText(before.Chinese())
	bd.paidTo.FocusLost()
	var said string
	for _, p := range bd.form.Problems() {
		said += p
	}
	if !strings.Contains(said, "入党前不交党费") || !strings.Contains(said, m.Name) || !strings.Contains(said, before.Chinese()) {
		t.Errorf("为所选党员设置 with %s for %s (joined %s) says %q", before.Chinese(), m.Name, m.JoinDate, said)
	}
	test.Tap(bd.form.Save)
	openings, _ := st.DuesOpenings()
	if _, ok := openings[m.ID]; ok {
		t.Fatalf("saved 党费已交至 %v for %s", openings[m.ID], m.Name)
	}
	err := st.SetDuesOpenings([]model.DuesOpening{{MemberID: m.ID, PaidTo: before}}, model.SourceDuesOpening)
	if err == nil || !strings.Contains(err.Error(), "入党前不交党费") {
		t.Errorf("storage takes 党费已交至 before joining: %v", err)
	}
	// The month before joining is right: nothing was owed before.
	if err := st.SetDuesOpenings([]model.DuesOpening{{MemberID: m.ID, PaidTo: model.MonthOfDate(m.JoinDate) - 1}}, model.SourceDuesOpening); err != nil {
		t.Errorf("the month before joining refused: %v", err)
	}
}

// Setting 党费已交至 for several members asks before it moves anyone's
// later month back, naming them with theirs; nothing changes until the
// answer (review s5-8 attack #9).
func TestBulkOpeningAsksBeforeMovingBack(t *testing.T) {
	s, st, ms := firstDayShell(t)
	oct := model.MonthOf(2026, 10)
	if err := st.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[4].ID, PaidTo: oct}}, model.SourceDuesOpening); err != nil {
		t.Fatal(err)
	}
	s.dataChanged()
	var asked string
	var confirm func()
	s.confirmAs = func(_, message, _ string, onYes func()) { asked, confirm = message, onYes }
	b := duesOf(t, s).bases
	b.refresh()
	for _, m := range ms[4:7] {
		b.rows[rowOf(t, b, m.ID)].selected = true
	}
	b.editSelected()
	bd := b.bulkDlg
	test.Type(bd.paidTo, "2026.03")
	test.Tap(bd.form.Save)
	if !strings.Contains(asked, ms[4].Name+"（2026年10月）") || strings.Contains(asked, ms[5].Name) {
		t.Fatalf("asked %q", asked)
	}
	if o, _ := st.DuesOpenings(); o[ms[4].ID] != oct || o[ms[5].ID] != 0 {
		t.Fatalf("saved before the answer: %v", o)
	}
	confirm()
	o, _ := st.DuesOpenings()
	for _, m := range ms[4:7] {
		if o[m.ID] != model.MonthOf(2026, 3) {
			t.Errorf("%s paid to %v after agreeing", m.Name, o[m.ID])
		}
	}
}
