package transfer

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/transferfile"
	"branchledger/ui/kit"
)

// 登记转入 of a member coming back questions, under 党费交至, a letter's
// month earlier than this ledger records her paid to, naming both, and
// 登记转入 stays disabled; the ledger's month is accepted (review
// s14-attack8 #20: 2026年7月 was saved without a word and August, paid
// here, counted as owed).
func TestReturningLetterPaidToBeforeTheLedgerIsQuestioned(t *testing.T) {
	st, err := storage.Open(filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveProfile(model.Profile{OrgName: "兰州示例科技有限公司", BranchName: "兰州示例科技有限公司党支部"}); err != nil {
		t.Fatal(err)
	}
	m, err := st.AddMember(member(0, "戴云琴", validID("62242119710924993")), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetDuesLedgerStart(model.MonthOf(2026, 1)); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDuesOpenings([]model.DuesOpening{{MemberID: m.ID, PaidTo: model.MonthOf(2026, 8)}}, storage.SourceTransferIn); err != nil {
		t.Fatal(err)
	}
	svc := transferfile.New(st)
	if _, err := svc.IssueLetter(model.LetterRequest{MemberID: m.ID, ToOrg: "某某公司第二党支部", Date: model.NewDate(2026, 9, 1), ValidDays: 30}); err != nil {
		t.Fatal(err)
	}

	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1366, 768))
	h := &storeHost{fakeHost: &fakeHost{win: w}, st: st}
	s := NewScreen(h, svc)
	w.SetContent(s.Content())
	forms := capture(t)
	showTransferInForm(s)
	f := (*forms)[0]
	f.field(t, "转入的是").Input.(*widget.RadioGroup).SetSelected(kit.L(inReturn))
	sel := f.field(t, "党员姓名").Input.(*kit.Select)
	f.set(t, "党员姓名", sel.Options[0])
	f.set(t, "介绍信编号", "（2026）7号")
	f.set(t, "转出党组织", "某某公司第二党支部")
	f.set(t, "介绍信开具日期", "2026-11-25")
	f.set(t, "人员类别", string(model.CategoryFull))
	f.set(t, "党费交至", "2026年7月")
	const want = "本账记录戴云琴已交至2026年8月，晚于介绍信所写的2026年7月，请核对"
	if msg := f.field(t, "党费交至").Message(); !strings.Contains(msg, want) {
		t.Errorf("党费交至 2026年7月 says %q, want %q", msg, want)
	}
	if !f.form.Save.Disabled() {
		t.Error("登记转入 is enabled for a letter that unpays a month paid here")
	}
	f.set(t, "党费交至", "2026年8月")
	if msg := f.field(t, "党费交至").Message(); msg != "" {
		t.Errorf("the ledger's own month says %q", msg)
	}
	test.Tap(f.form.Save)
	if back, err := st.Member(m.ID); err != nil || !back.OnRoster {
		t.Fatalf("not back on the roster (%v): %q", err, f.form.Reason.Text)
	}
	if os, _ := st.DuesOpenings(); os[m.ID] != model.MonthOf(2026, 8) {
		t.Errorf("her 党费已交至 is now %s", os[m.ID])
	}
}
