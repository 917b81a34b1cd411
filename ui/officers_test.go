package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

// A 记录人 the form's own roll marks 缺席 is said under the form as the
// roll is marked, and 保存 asks before saving: "否" keeps the form open and
// saves nothing, "是" saves the record as typed (review s14-attack8 #18:
// saved without a word). A 主持人 present is not questioned.
func TestAbsentRecorderIsQuestionedBeforeSaving(t *testing.T) {
	s, acts := newActivityShell(t)
	var asked []string
	answer := false
	s.confirm = func(title, message string, onYes func()) {
		asked = append(asked, title+"｜"+message)
		if answer {
			onYes()
		}
	}
	test.Tap(s.activities.add)
	f := s.activities.form
	f.kind.SetSelected(string(model.KindGeneralMeeting))
	test.Type(f.topic, "学习支部工作条例")
	test.Type(f.chair, "张三")
	test.Type(f.recorder, "李四")
	f.act.Attendance[1].Status, f.act.Attendance[1].Reason = model.Absent, "病假"
	f.recheck()
	const says = "记录人李四在出席情况中为缺席，请核对"
	if !strings.Contains(f.checks.Text, says) {
		t.Errorf("the form's checks read %q, want %q", f.checks.Text, says)
	}
	if strings.Contains(f.checks.Text, "主持人张三") {
		t.Errorf("the chair, present, is questioned: %q", f.checks.Text)
	}
	test.Tap(f.save)
	if len(asked) != 1 || !strings.Contains(asked[0], says) {
		t.Fatalf("保存 asked %q", asked)
	}
	if len(acts.acts) != 0 {
		t.Fatalf("saved before the answer: %+v", acts.acts)
	}
	answer = true
	test.Tap(f.save)
	if len(acts.acts) != 1 || acts.acts[0].Recorder != "李四" {
		t.Fatalf("after 是 the records are %+v", acts.acts)
	}
}
