package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// 添加委员 adds an empty seat without a red message; the message comes once
// the user leaves the seat's name empty, or tries to save.
func TestNewCommitteeSeatShowsNoMessageUntilLeft(t *testing.T) {
	f := newFakeStore(testToday)
	f.profile = model.Profile{OrgName: "兰州新锐科技有限公司", BranchName: testBranch, BranchType: model.BranchOwn}
	s := newTestShell(t, f)
	s.show(screenSettings)
	p := s.settings.profile
	test.Tap(p.addSeatButton)
	if p.committeeMsg.Visible() {
		t.Errorf("a seat just added shows %q", p.committeeMsg.Text)
	}
	if p.form.Reason.Importance == widget.DangerImportance {
		t.Errorf("the line beside 保存 is red at once: %q", p.form.Reason.Text)
	}
	seat := p.committee[0].name
	s.win.Canvas().Focus(seat)
	s.win.Canvas().Focus(p.branchName)
	if !p.committeeMsg.Visible() || p.committeeMsg.Text == "" {
		t.Error("leaving the seat's name empty shows no message")
	}
}
