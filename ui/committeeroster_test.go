package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

// A committee name with a one-character slip, so on no member of the
// roster, is said where the secretary looks: under the seats and beside
// 保存 in 设置 when saved, on home under 组织设置, and in the 支委会 form
// above its roll — before, the member was dropped from the roll without a
// word, 应到 2 for a 3-member committee (review s14-newuser #12).
func TestCommitteeNameOffTheRosterIsSaid(t *testing.T) {
	s, _, ms := firstDayShell(t)
	s.show(screenSettings)
	f := s.settings.profile
	if f.committeeNote.Visible() {
		t.Fatalf("a committee on the roster is questioned: %q", f.committeeNote.Text)
	}
	real := f.committee[2].name.Text
	slip := []rune(real)
	slip[len(slip)-1] = '晶'
	typo := string(slip)
	for _, m := range ms {
		if m.Name == typo {
			t.Fatalf("the demo has a member named %s", typo)
		}
	}
	f.committee[2].name.SetText(typo)
	f.form.Submit()
	if !f.committeeNote.Visible() || !strings.Contains(f.committeeNote.Text, "支部委员会成员"+typo+"不在党员名册上") {
		t.Errorf("under the seats: %q (shown %v)", f.committeeNote.Text, f.committeeNote.Visible())
	}
	if !strings.Contains(f.status.Text, "1 名委员不在党员名册上") {
		t.Errorf("beside 保存: %q", f.status.Text)
	}

	found := false
	for _, x := range s.home.findings {
		found = found || x.About == model.AboutSetup && strings.Contains(x.Message, typo+"不在党员名册上")
	}
	if !found {
		t.Error("home says nothing of the committee name off the roster under 组织设置")
	}

	s.show(screenActivities)
	test.Tap(s.activities.add)
	af := s.activities.form
	af.kind.SetSelected(string(model.KindCommitteeMeeting))
	if !strings.Contains(af.checks.Text, "支部委员会成员"+typo+"不在党员名册上，出席情况中没有其一行") {
		t.Errorf("the 支委会 form's checks read %q", af.checks.Text)
	}
	af.dlg.Hide()

	// Put right, every message goes.
	s.show(screenSettings)
	f.committee[2].name.SetText(real)
	f.form.Submit()
	if f.committeeNote.Visible() || strings.Contains(f.status.Text, "不在") {
		t.Errorf("after the fix: %q / %q", f.committeeNote.Text, f.status.Text)
	}
	for _, x := range s.home.findings {
		if strings.Contains(x.Message, "不在党员名册上") {
			t.Errorf("home still says %q", x.Message)
		}
	}
}
