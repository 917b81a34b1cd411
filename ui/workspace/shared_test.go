package workspace

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/datapkg"
	ws "branchledger/storage/workspace"
	"branchledger/ui/kit"
)

// 支部一览 says above the list which branches have the same people on
// their rolls, naming them (review s5-11 newuser #8).
func TestBranchListSaysWhoIsOnTwoBranches(t *testing.T) {
	a := test.NewTempApp(t)
	svc, key := newWorkspace(t)
	usb, _ := drive(t, 1, 4, key, day)
	// A copy of the same branch's data under another name: the same people.
	dbs, err := ws.SampleBranches(t.TempDir(), 1, 4, day, clockAt(day, 10))
	if err != nil {
		t.Fatal(err)
	}
	s, err := storage.Open(dbs[0], storage.WithClock(clockAt(day, 10)))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.Profile()
	p.OrgName, p.BranchName = "兰州金百合商贸有限公司", "中共兰州金百合商贸有限公司支部委员会"
	if _, err := s.SaveProfileAligning(p); err != nil {
		t.Fatal(err)
	}
	if _, _, err := datapkg.Export(s, filepath.Join(usb, "copy"+datapkg.Ext), datapkg.ExportOptions{Key: &key}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	w := New(a, svc)
	w.RunInLine()
	w.Import([]string{usb})
	if n := len(w.Shown()); n != 2 {
		t.Fatalf("%d branches", n)
	}
	shown := w.Shown()
	said := w.Shared()
	if len(said) != 1 || !strings.Contains(said[0], "的名册上有4名相同的党员") || !strings.Contains(said[0], shown[0].Label()) || !strings.Contains(said[0], shown[1].Label()) {
		t.Errorf("above the list: %q", said)
	}
}

// 设置覆盖单位 takes back a tick beyond the joint-branch limit at once and
// says why in the dialog, instead of refusing 保存 in the window behind
// with every tick lost (review s6-11 newuser #4).
func TestLinkingASixthUnitIsTakenBackAtOnce(t *testing.T) {
	a := test.NewTempApp(t)
	svc, key := newWorkspace(t)
	usb, _ := drive(t, 1, 4, key, day)
	w := New(a, svc)
	w.RunInLine()
	w.Import([]string{usb})
	for _, name := range []string{"甲公司", "乙公司", "丙公司", "丁公司", "戊公司", "己公司"} {
		if _, err := svc.SaveOrg(model.Organisation{Name: name, Type: model.OrgEnterprise, Coverage: model.CoveredJoint}); err != nil {
			t.Fatal(err)
		}
	}
	v := w.openBranch(w.Shown()[0].ID)
	defer v.Win.Close()
	w.linkOrgs(v, widget.NewLabel(""))
	c := w.linking
	c.SetSelected(c.Options[:5])
	if w.linkingNote.Visible() {
		t.Error("five units refused")
	}
	c.SetSelected(c.Options[:6])
	if len(c.Selected) != 5 || !w.linkingNote.Visible() || !strings.Contains(w.linkingNote.Text, "最多覆盖5个单位") {
		t.Errorf("six ticked: kept %d, note %v %q", len(c.Selected), w.linkingNote.Visible(), w.linkingNote.Text)
	}
}

// 新增单位 opens asking for what is missing, not saying 未建原因 is wrong,
// with the workspace's instructor filled in; saved under a branch's unit
// name, the unit is linked to that branch (review s6-11 newuser #5).
func TestNewUnitFormStartsClean(t *testing.T) {
	a := test.NewTempApp(t)
	svc, key := newWorkspace(t)
	usb, _ := drive(t, 1, 4, key, day)
	w := New(a, svc)
	w.RunInLine()
	w.Import([]string{usb})
	if err := svc.SaveSettings(ws.Settings{Instructor: "王建国"}); err != nil {
		t.Fatal(err)
	}
	w.Win.Resize(fyne.NewSize(1024, 700))
	w.Tabs().SelectIndex(2)
	var add *widget.Button
	walk(w.orgs.content, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "新增单位" {
			add = b
		}
	})
	test.Tap(add)
	var texts []string
	var instructor *kit.Entry
	var reason *widget.Select
	walk(w.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *kit.WrapLabel:
			texts = append(texts, x.Text)
		case *widget.Select:
			if slices.Contains(x.Options, "符合条件未建") {
				reason = x
			}
		case *kit.Entry:
			if x.Text == "王建国" {
				instructor = x
			}
		}
	})
	all := strings.Join(texts, "|")
	if strings.Contains(all, "请更正") || !strings.Contains(all, "未建原因") {
		t.Errorf("the new form says %q", all)
	}
	if instructor == nil {
		t.Error("党建指导员 not filled in")
	}
	// Unchosen, it says so in the form's language, not "(Select one)".
	if reason == nil || reason.Selected != "" || reason.PlaceHolder != "请选择" {
		t.Errorf("未建原因 %+v", reason)
	}
	o, err := svc.SaveOrg(model.Organisation{Name: w.Shown()[0].OrgName, Type: model.OrgEnterprise, Coverage: model.CoveredOwn})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := svc.Branch(w.Shown()[0].ID)
	if len(b.OrgIDs) != 1 || b.OrgIDs[0] != o.ID {
		t.Errorf("a unit saved under the branch's name is not linked: %v", b.OrgIDs)
	}
}

// The batch passphrase prompt keeps its number with its words: "1 ⏎ 个数据
// 包设有密码" had the number alone on the first line (review s6-11 newuser
// #3).
func TestPassphrasePromptKeepsTheNumberWithItsWords(t *testing.T) {
	a := test.NewTempApp(t)
	svc, _ := newWorkspace(t)
	w := New(a, svc)
	w.RunInLine()
	w.Win.Resize(fyne.NewSize(1366, 740))
	w.askSecrets(false, []string{"qa.blpkg"}, func(string) {})
	intro := w.secrets.intro
	var first string
	var texts func(o fyne.CanvasObject)
	texts = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			if first == "" {
				first = x.Text
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				texts(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				texts(c)
			}
		}
	}
	texts(intro)
	if !strings.HasPrefix(first, "1个数据包设有密码") {
		t.Errorf("the prompt's first line is %q", first)
	}
}
