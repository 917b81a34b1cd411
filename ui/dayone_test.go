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

// asked records the questions confirmDiscard put and answers them with yes.
type asked struct {
	questions []string
	yes       bool
}

func (a *asked) ask(_, message string, onYes func()) {
	a.questions = append(a.questions, message)
	if a.yes {
		onYes()
	}
}

// A base typed in 党费 → 基数 is unsaved: leaving the screen, or switching
// the year, asks (and stays on no); the row count says so; a payment
// recorded meanwhile (every tab reloads) keeps the typed base; 放弃修改
// restores the stored base.
func TestLeavingDuesWithUnsavedBaseAsks(t *testing.T) {
	s, _ := newDuesShell(t)
	q := &asked{}
	s.confirmDiscard = q.ask
	s.show(screenDues)
	d := s.dues
	d.tabs.SelectIndex(1)
	b := d.bases
	stored := b.entries[0].Text
	test.Type(b.entries[0], "7")
	typed := b.entries[0].Text
	if b.unsaved.Text == "" {
		t.Error("nothing says a row is edited and not saved")
	}

	s.show(screenHome)
	if len(q.questions) != 1 || s.screens[s.current].Title != screenDues {
		t.Fatalf("leaving with a base typed: asked %q, now on %q", q.questions, s.screens[s.current].Title)
	}

	// A payment recorded in 收缴 reloads every tab; the typed base stays.
	s.dataChanged()
	if got := b.entries[0].Text; got != typed {
		t.Errorf("after a reload the typed base reads %q, want %q", got, typed)
	}

	d.yearSelect.SetSelectedIndex(2)
	if len(q.questions) != 2 || d.year != testToday.Year {
		t.Fatalf("switching the year with a base typed: asked %q, year %d", q.questions, d.year)
	}

	q.yes = true
	s.show(screenHome)
	if s.screens[s.current].Title != screenHome {
		t.Fatal("放弃修改 did not leave")
	}
	if b.dirty() || b.entries[0].Text != stored || b.unsaved.Text != "" {
		t.Errorf("after 放弃修改: dirty %v, base %q (stored %q), %q", b.dirty(), b.entries[0].Text, stored, b.unsaved.Text)
	}
	q.questions = nil
	s.show(screenDues)
	s.show(screenHome)
	if len(q.questions) != 0 {
		t.Errorf("nothing typed, yet asked %q", q.questions)
	}
}

// Every form that stays on a screen asks before its edits are lost: 上缴 in
// 党费, 组织生活设置 in 设置, a plan topic in 活动.
func TestLeavingScreenFormsWithEditsAsks(t *testing.T) {
	s := demoShell(t, Chinese, 12)
	q := &asked{}
	s.confirmDiscard = q.ask
	leave := func(what string) {
		t.Helper()
		from := s.screens[s.current].Title
		q.questions = nil
		s.show(screenHome)
		if len(q.questions) != 1 || s.screens[s.current].Title != from {
			t.Errorf("%s: leaving asked %q, now on %q", what, q.questions, s.screens[s.current].Title)
		}
		q.yes = true
		s.show(screenHome)
		q.yes = false
		q.questions = nil
		s.show(from)
		s.show(screenHome)
		if len(q.questions) != 0 {
			t.Errorf("%s: after 放弃修改 leaving again asked %q", what, q.questions)
		}
	}

	s.show(screenDues)
	test.Type(s.dues.remit.amount, "120")
	leave("上缴 amount typed")
	if s.dues.remit.amount.Text != "" {
		t.Errorf("上缴 amount after 放弃修改: %q", s.dues.remit.amount.Text)
	}

	s.show(screenSettings)
	s.settings.meetings.groups.SetChecked(!s.settings.meetings.groups.Checked)
	leave("组织生活设置 changed")

	s.show(screenActivities)
	test.Type(s.activities.planTopic, "学习二十届四中全会精神")
	leave("plan topic typed")
}
