package workspace

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage/datapkg"
	ws "branchledger/storage/workspace"
	"branchledger/ui/internal/langtest"
	"branchledger/ui/kit"
)

// An empty workspace shows the first steps, the one to take now first.
func TestEmptyWorkspaceShowsTheFirstSteps(t *testing.T) {
	a := test.NewTempApp(t)
	svc, err := ws.Open(filepath.Join(t.TempDir(), ws.FileName), ws.WithClock(clockAt(day, 16)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	w := New(a, svc)
	w.RunInLine()
	s := w.branches.start
	if !s.content.Visible() || w.branches.table.Visible() {
		t.Fatal("an empty workspace shows an empty table, not the first steps")
	}
	if !s.steps[0].TextStyle.Bold || s.makeKey.Disabled() || !s.exportKey.Disabled() {
		t.Errorf("without a key the first step is 生成密钥: bold %v, 生成 disabled %v, 导出 disabled %v",
			s.steps[0].TextStyle.Bold, s.makeKey.Disabled(), s.exportKey.Disabled())
	}
	if _, err := svc.CreateKey("指导员的密码2026"); err != nil {
		t.Fatal(err)
	}
	w.branches.load()
	if !s.steps[1].TextStyle.Bold || !s.makeKey.Disabled() || s.exportKey.Disabled() {
		t.Errorf("with a key the next step is 导出公钥")
	}
	usb, _ := drive(t, 1, 4, mustKey(t, svc), day)
	w.Import([]string{usb})
	if s.content.Visible() || !w.branches.table.Visible() {
		t.Error("the first steps still show with a branch imported")
	}
	// 覆盖率 before any organisation is listed says the list is empty, not
	// "名录中另有 0 个单位不在统计口径内".
	w.coverage.load()
	if src := w.coverage.source.Text; !strings.Contains(src, "单位名录还是空的") || strings.Contains(src, "另有 0 个") {
		t.Errorf("覆盖率 of an empty list: %q", src)
	}
}

func mustKey(t *testing.T, svc *ws.Workspace) datapkg.PublicKey {
	t.Helper()
	pk, err := svc.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	return pk
}

// 界面语言 in 密钥与设置 keeps the choice through the hook main gives.
func TestWorkspaceOffersTheLanguage(t *testing.T) {
	a := test.NewTempApp(t)
	svc, _ := newWorkspace(t)
	w := New(a, svc)
	chosen := -1
	w.OfferLanguages([]string{"中文", "English"}, 0, func(i int) { chosen = i })
	if w.settings.languages == nil || w.settings.languages.Selected != "中文" {
		t.Fatal("no language choice under 密钥与设置")
	}
	w.settings.languages.SetSelected("English")
	if chosen != 1 {
		t.Errorf("choosing English kept %d", chosen)
	}
}

// The list sorts names by pinyin; a joint branch's row shows every
// organisation it covers, on rows tall enough; 设置覆盖单位 ticks the
// organisation named as the branch's own and tells which are linked to
// another branch.
func TestBranchListShowsEveryOrganisationAndSortsByPinyin(t *testing.T) {
	a := test.NewTempApp(t)
	svc, key := newWorkspace(t)
	usb, _ := drive(t, 3, 4, key, day)
	w := New(a, svc)
	w.RunInLine()
	w.Import([]string{usb})
	shown := w.Shown()
	for i := 1; i < len(shown); i++ {
		if names.CompareString(shown[i-1].Label(), shown[i].Label()) > 0 {
			t.Errorf("%s listed before %s", shown[i-1].Label(), shown[i].Label())
		}
	}
	var ids []int64
	for _, name := range []string{"兰州第一商贸有限公司", "兰州第二物流有限公司", shown[1].OrgName} {
		o, err := svc.SaveOrg(model.Organisation{Name: name, Type: model.OrgEnterprise, Coverage: model.CoveredJoint})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, o.ID)
	}
	if err := svc.LinkOrgs(shown[0].ID, ids[:2]); err != nil {
		t.Fatal(err)
	}
	w.branches.load()
	b := w.Shown()[0]
	cell := columns[1].text(&b, w)
	if !strings.Contains(cell, "兰州第一商贸有限公司") || !strings.Contains(cell, "兰州第二物流有限公司") {
		t.Errorf("覆盖单位 shows %q", cell)
	}
	one := widget.NewLabel("党").MinSize().Height
	two := widget.NewLabel("党\n党").MinSize().Height
	if h := w.branches.heights[0]; h < two {
		t.Errorf("a row of two organisations is %v high, two lines are %v", h, two)
	}
	// A row of one organisation is one line high, however long its set-up
	// findings (review s4-11 newuser #5: a wrapped term-end sentence made
	// every row four lines high).
	setup := 0
	for r, b := range w.Shown() {
		setup += len(b.Setup)
		if len(b.Orgs) <= 1 && w.branches.heights[r] != one {
			t.Errorf("%s (%d set-up findings) is %v high, one line is %v", b.Label(), len(b.Setup), w.branches.heights[r], one)
		}
	}
	if setup == 0 {
		t.Error("no branch with set-up findings: the test shows nothing")
	}

	// 设置覆盖单位 for the second branch: its own organisation ticked, the
	// two linked to the first branch said so.
	v := w.openBranch(w.Shown()[1].ID)
	defer v.Win.Close()
	w.linkOrgs(v, widget.NewLabel(""))
	c := w.linking
	if len(c.Selected) != 1 || !strings.HasPrefix(c.Selected[0], shown[1].OrgName) {
		t.Errorf("ticked %q, want the branch's own %s", c.Selected, shown[1].OrgName)
	}
	linked := 0
	for _, o := range c.Options {
		if strings.Contains(o, "已关联："+shown[0].Label()) {
			linked++
		}
	}
	if linked != 2 {
		t.Errorf("options %q: want two linked to %s", c.Options, shown[0].Label())
	}
}

// In English the workspace's headings fit their columns, its findings are
// in English and its values translated.
func TestEnglishWorkspace(t *testing.T) {
	a := test.NewTempApp(t)
	langtest.Use(t, "en")
	svc, key := newWorkspace(t)
	usb, _ := drive(t, 1, 12, key, day)
	w := New(a, svc)
	w.RunInLine()
	w.Win.Resize(fyne.NewSize(1024, 700))
	w.Import([]string{usb})
	for i, c := range columns {
		head := fyne.MeasureText(lang.L(c.title, monthRules()), theme.TextSize(), fyne.TextStyle{Bold: true}).Width
		if w.branches.widths[i] < head {
			t.Errorf("column %q is %v wide, its heading %v", lang.L(c.title, monthRules()), w.branches.widths[i], head)
		}
	}
	v := w.openBranch(w.Shown()[0].ID)
	defer v.Win.Close()
	han := regexp.MustCompile(`\p{Han}`)
	fs, _ := svc.Findings(w.Shown()[0].ID)
	ms, _ := svc.Members(w.Shown()[0].ID)
	if len(fs) == 0 {
		t.Fatal("a demo branch without findings proves nothing")
	}
	var texts []string
	walk(v.Tabs.Items[0].Content, func(o fyne.CanvasObject) {
		if text, ok := labelText(o); ok {
			texts = append(texts, text)
		}
	})
	shownFindings := 0
	for _, s := range texts {
		if !strings.HasPrefix(s, "[") {
			continue
		}
		shownFindings++
		for _, m := range ms {
			s = strings.ReplaceAll(s, m.Name, "")
		}
		b := w.Shown()[0]
		s = strings.ReplaceAll(strings.ReplaceAll(s, b.OrgName, ""), b.BranchName, "")
		if han.MatchString(s) {
			t.Errorf("finding in Chinese in the English window: %q", s)
		}
	}
	if shownFindings != len(fs) {
		t.Errorf("%d findings shown of %d", shownFindings, len(fs))
	}
	// The roster's category column in English.
	roster := v.Tabs.Items[1].Content.(*kit.StickyTable)
	cell := roster.CreateCell()
	roster.UpdateCell(widget.TableCellID{Row: 0, Col: 5}, cell)
	if got, _ := labelText(cell); han.MatchString(got) {
		t.Errorf("category shown as %q", got)
	}
}

// walk visits o and everything inside it.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, x := range c.Objects {
			walk(x, visit)
		}
	case *widget.Label, *kit.WrapLabel, *widget.Table:
	case fyne.Widget:
		for _, x := range test.WidgetRenderer(c).Objects() {
			walk(x, visit)
		}
	}
}

// 支部一览's titles, stale filter and hint, and a branch's overview name
// the months of model's rule tables (党章 art. 9 and the app's warning;
// the snapshot reminder), in either language, with no template left.
func TestBranchListNamesTheRuleMonths(t *testing.T) {
	c := model.CurrentRules().Constitution
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"zh", []string{fmt.Sprintf("缺组织生活%d/%d月", c.WarnMonths, c.LapseMonths), fmt.Sprintf("欠党费%d/%d月", c.WarnMonths, c.LapseMonths),
			fmt.Sprintf("快照超过%d个月的", model.SnapshotStaleMonths), fmt.Sprintf("“%d/%d月”是%d个月以上（含%d个月以上）", c.WarnMonths, c.LapseMonths, c.WarnMonths, c.LapseMonths),
			fmt.Sprintf("未参加组织生活：%d个月以上 ", c.WarnMonths)}},
		{"en", []string{fmt.Sprintf("No org. life %d+/%d+ mo", c.WarnMonths, c.LapseMonths), fmt.Sprintf("No dues %d+/%d+ mo", c.WarnMonths, c.LapseMonths),
			fmt.Sprintf("Snapshot over %d months old", model.SnapshotStaleMonths), fmt.Sprintf("at %d months or more (the %d+ included)", c.WarnMonths, c.LapseMonths),
			fmt.Sprintf("for %d+ months, ", c.WarnMonths)}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			a := test.NewTempApp(t)
			langtest.Use(t, tt.lang)
			svc, key := newWorkspace(t)
			usb, _ := drive(t, 1, 4, key, day)
			w := New(a, svc)
			w.RunInLine()
			w.Import([]string{usb})
			var texts []string
			walk(w.branches.content, func(o fyne.CanvasObject) {
				if text, ok := labelText(o); ok {
					texts = append(texts, text)
				}
			})
			texts = append(texts, w.branches.filter.Options...)
			head := w.branches.table.CreateHeader()
			for i := range columns {
				w.branches.table.UpdateHeader(widget.TableCellID{Row: -1, Col: i}, head)
				texts = append(texts, head.(*widget.Button).Text)
			}
			v := w.openBranch(w.Shown()[0].ID)
			defer v.Win.Close()
			walk(v.Tabs.Items[0].Content, func(o fyne.CanvasObject) {
				if text, ok := labelText(o); ok {
					texts = append(texts, text)
				}
			})
			all := strings.Join(texts, "\n")
			for _, s := range tt.want {
				if !strings.Contains(all, s) {
					t.Errorf("%q is not shown", s)
				}
			}
			if strings.Contains(all, "{{") || strings.Contains(all, "no value") {
				t.Errorf("a template is left in the list:\n%s", all)
			}
		})
	}
}

// labelText is the text of a label, plain or wrapping (kit.WrapLabel, whose
// inner label holds the text broken into lines).
func labelText(o fyne.CanvasObject) (string, bool) {
	switch l := o.(type) {
	case *widget.Label:
		return l.Text, true
	case *kit.WrapLabel:
		return l.Text, true
	}
	return "", false
}
