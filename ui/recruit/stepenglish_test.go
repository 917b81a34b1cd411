package recruit

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
	"branchledger/ui/internal/langtest"
	"branchledger/ui/kit"
)

// A step's dialog is English in the English window: a date that cannot be
// read is said in English under Date, the 推荐方式 list offers English
// words (and the model's word is what is saved), and the rule's citation
// is a space apart from its sentence — "…committee.Detailed Rules…" ran
// together (review s14-attack8 #14).
func TestStepDialogInEnglish(t *testing.T) {
	langtest.Use(t, "en")
	r := applicant(1, "测试甲", "110101199001011237", d(2026, 3, 1))
	svc := &fakeService{members: members(), recruits: []model.Recruit{r}}
	s, h := newTestScreen(t, svc)
	s.editStep(svc.recruits[0], model.StepActivist, 1)
	form := topForm(t, h.win)
	in := formInputs(form)
	date := in["日期"].(*kit.DateEntry)
	test.Type(date, "2026.13")
	date.FocusLost()
	for _, fd := range form.fields {
		if fd.Label == "日期" && (fd.Message() == "" || hasHan(fd.Message())) {
			t.Errorf("under Date: %q, want an English sentence", fd.Message())
		}
	}
	method := in["推荐方式"].(*kit.Select)
	for _, o := range method.Options {
		if hasHan(o) {
			t.Errorf("推荐方式 offers %q in English", o)
		}
	}
	for _, l := range labels(form.body) {
		if regexp.MustCompile(`[a-z]\.[A-Z]`).MatchString(l) {
			t.Errorf("two sentences run together: %q", l)
		}
	}
	date.SetText("2026-04-01")
	method.SetSelectedIndex(0)
	form.form.Submit()
	if x := svc.recruits[0].Record(model.StepActivist); x == nil || x.Method != string(model.ByMembers) {
		t.Errorf("saved %+v, want 推荐方式 %s", x, model.ByMembers)
	}
}

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff })
}
