package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

func TestAddMemberThroughTheForm(t *testing.T) {
	f := newFakeStore(testToday)
	f.profile = model.Profile{BranchName: testBranch, OrgName: "兰州新锐科技有限公司"}
	s := newTestShell(t, f)
	s.show(screenRoster)
	r := s.roster

	test.Tap(r.addButton)
	form := r.form
	if form == nil {
		t.Fatal("新增党员 opened no form")
	}
	if !form.save.Disabled() {
		t.Error("save enabled on an empty form")
	}
	if form.entries[model.FieldBranchName].Text != testBranch {
		t.Errorf("所在党支部 starts as %q, want the branch's name", form.entries[model.FieldBranchName].Text)
	}
	id := validID("19880315", "242") // even 17th digit: female
	test.Type(form.entries[model.FieldName], "马丽娟")
	test.Type(form.entries[model.FieldIDNumber], id)
	if got := form.entries[model.FieldBirthDate].Text; got != "1988-03-15" {
		t.Errorf("birth date filled from the ID number as %q, want 1988-03-15", got)
	}
	if got := form.selects[model.FieldSex].Selected; got != "女" {
		t.Errorf("sex filled from the ID number as %q, want 女", got)
	}
	test.Type(form.entries[model.FieldJoinDate], "2012-06-20")
	test.Type(form.entries[model.FieldFullDate], "2013-06")
	if form.partyAge.Text != "党龄 13 年" {
		t.Errorf("party age shown as %q, want 党龄 13 年", form.partyAge.Text)
	}
	if form.save.Disabled() {
		t.Fatalf("save still disabled: %s", form.summary.Text)
	}
	test.Tap(form.save)

	if len(f.members) != 1 {
		t.Fatalf("the store holds %d members, want 1", len(f.members))
	}
	got := f.members[0]
	if got.Name != "马丽娟" || got.IDNumber != id || got.FullDate != model.MonthDate(2013, 6) || got.Sex != model.SexFemale {
		t.Errorf("the store received %+v", got)
	}
	if names := namesShown(r); len(names) != 1 || names[0] != "马丽娟" {
		t.Errorf("the roster shows %v after saving, want [马丽娟]", names)
	}
	if s.home.counts[0].Title != "1" {
		t.Errorf("home counts %s on the roster after adding, want 1", s.home.counts[0].Title)
	}
}

func TestBadCheckDigitIsShownUnderTheIDField(t *testing.T) {
	s := newTestShell(t, newFakeStore(testToday))
	s.show(screenRoster)
	form := s.roster.addMember()
	id := validID("19880315", "242")
	bad := id[:17] + map[bool]string{true: "1", false: "2"}[id[17] != '1']

	test.Type(form.entries[model.FieldName], "马丽娟")
	test.Type(form.entries[model.FieldIDNumber], bad)
	msg := form.msgs[model.FieldIDNumber]
	if !msg.Visible() || !strings.Contains(msg.Text, "校验位") {
		t.Errorf("message under 公民身份号码: visible %v, %q; want the check digit message", msg.Visible(), msg.Text)
	}
	if !form.save.Disabled() {
		t.Error("save enabled with a bad ID number")
	}
	if form.msgs[model.FieldJoinDate].Visible() {
		t.Error("an untouched empty field shows its message on a new form")
	}
	if !strings.Contains(form.summary.Text, fieldLabel(model.FieldJoinDate)) {
		t.Errorf("summary %q does not name the missing 加入党组织日期", form.summary.Text)
	}

	form.entries[model.FieldIDNumber].SetText(id)
	if msg.Visible() {
		t.Errorf("message still shown after correcting the ID number: %q", msg.Text)
	}
}

func TestFormShowsTheServicesValidationErrors(t *testing.T) {
	id := validID("19800101", "123")
	f := newFakeStore(testToday, member("甲", id))
	s := newTestShell(t, f)
	s.show(screenRoster)
	form := s.roster.addMember()
	test.Type(form.entries[model.FieldName], "乙")
	test.Type(form.entries[model.FieldIDNumber], id)
	test.Type(form.entries[model.FieldJoinDate], "2010-07-01")
	test.Type(form.entries[model.FieldFullDate], "2011-07-01")
	test.Tap(form.save)

	if len(f.members) != 1 {
		t.Fatalf("a duplicate ID number was saved")
	}
	if got := form.msgs[model.FieldIDNumber].Text; !strings.Contains(got, "已属于在册党员 甲") {
		t.Errorf("message under 公民身份号码 after the store refused: %q", got)
	}
	if !form.save.Disabled() {
		t.Error("save enabled while the refused ID number is unchanged")
	}
}

func TestTransferInPassesTheEvent(t *testing.T) {
	f := newFakeStore(testToday)
	s := newTestShell(t, f)
	s.show(screenRoster)
	form := s.roster.addMember()
	test.Type(form.entries[model.FieldName], "丙")
	test.Type(form.entries[model.FieldIDNumber], validID("19800101", "123"))
	test.Type(form.entries[model.FieldJoinDate], "2010-07-01")
	test.Type(form.entries[model.FieldFullDate], "2011-07-01")
	test.Tap(form.transferIn)
	form.viaDate.SetText("2026-10")
	if !form.save.Disabled() || form.viaMsg.Text == "" {
		t.Errorf("a month-only transfer date was accepted")
	}
	form.viaDate.SetText("2026-10-08")
	test.Type(form.viaNote, "从西固区某公司党支部转来")
	test.Tap(form.save)
	if len(f.events) != 1 || f.events[0].Kind != model.EventTransferIn || f.events[0].Date != model.NewDate(2026, 10, 8) {
		t.Errorf("events recorded: %+v", f.events)
	}
}
