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

// storeHost is fakeHost over a real data file: Members reads the file.
type storeHost struct {
	*fakeHost
	st *storage.Store
}

func (h *storeHost) Members() []model.Member {
	ms, err := h.st.Members()
	if err != nil {
		panic(err)
	}
	return ms
}

// A member who left by a letter comes back through 登记转入 on a real file:
// the returning option lists those who left by 转出 (not one who died), the
// new-member path points a former member's ID number to it, and saving puts
// them back on the roster.
func TestReturningMemberOnARealFile(t *testing.T) {
	st, err := storage.Open(filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveProfile(model.Profile{OrgName: "兰州示例科技有限公司", BranchName: "兰州示例科技有限公司党支部"}); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, who := range []struct{ name, id string }{{"廖明", validID("62242119710924993")}, {"王强", validID("11010519491231001")}} {
		m := member(0, who.name, who.id)
		added, err := st.AddMember(m, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, added.ID)
	}
	if err := st.SetDuesLedgerStart(model.MonthOf(2026, 1)); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDuesOpenings([]model.DuesOpening{{MemberID: ids[0], PaidTo: model.MonthOf(2026, 9)}}, storage.SourceTransferIn); err != nil {
		t.Fatal(err)
	}
	svc := transferfile.New(st)
	l, err := svc.IssueLetter(model.LetterRequest{MemberID: ids[0], ToOrg: "天水某公司党支部", Date: model.NewDate(2026, 9, 1), ValidDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RecordReceipt(l.ID, model.LetterReceipt{Date: model.NewDate(2026, 9, 10)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordEvent(model.MembershipEvent{MemberID: ids[1], Kind: model.EventDeath, Date: model.NewDate(2026, 8, 1), Note: "病故"}); err != nil {
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
	who := f.field(t, "转入的是").Input.(*widget.RadioGroup)
	if who.Disabled() {
		t.Fatal("the returning option is disabled")
	}
	// The new-member path names the returning option for a former member.
	f.set(t, "公民身份号码", validID("62242119710924993"))
	if r := f.field(t, "公民身份号码").Message(); !strings.Contains(r, kit.L(inReturn)) {
		t.Errorf("a former member's ID number as a new member: message %q does not point to %q", r, inReturn)
	}
	who.SetSelected(kit.L(inReturn))
	sel := f.field(t, "党员姓名").Input.(*kit.Select)
	if opts := strings.Join(sel.Options, "|"); !strings.Contains(opts, "廖明") || strings.Contains(opts, "王强") {
		t.Fatalf("returning members offered: %q (want 廖明, not 王强 who died)", opts)
	}
	f.set(t, "党员姓名", sel.Options[0])
	// The number is copied as written on the letter; the hint says so.
	if ph := f.field(t, "介绍信编号").Input.(*kit.Entry).PlaceHolder; !strings.Contains(ph, "（2026）88号") {
		t.Errorf("介绍信编号 hint %q", ph)
	}
	f.set(t, "介绍信编号", "乙字第3号")
	f.set(t, "转出党组织", "天水某公司党支部")
	f.set(t, "介绍信开具日期", "2026-11-20")
	f.set(t, "党费交至", "2026-11")
	f.set(t, "人员类别", string(model.CategoryFull))
	test.Tap(f.form.Save)
	m, err := st.Member(ids[0])
	if err != nil || !m.OnRoster {
		t.Fatalf("廖明 not back on the roster (%v); reason %q, errors %v", err, f.form.Reason.Text, h.errors)
	}
}
