package workspace

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// Coverage is computed, not typed (review s5-11 newuser #3): an
// organisation typed 未建 that an imported branch covers shows in 单位名录
// as 单独组建 with what the list says beside it, counts as covered in
// 覆盖率, and is pointed out there.
func TestOrganisationListShowsTheCoverageCounted(t *testing.T) {
	a := test.NewTempApp(t)
	svc, key := newWorkspace(t)
	usb, _ := drive(t, 1, 4, key, day)
	w := New(a, svc)
	w.RunInLine()
	w.Import([]string{usb})
	o, err := svc.SaveOrg(model.Organisation{Name: "兰州金百合商贸有限公司", Type: model.OrgEnterprise, Coverage: model.NotCovered,
		Reason: model.ReasonEligible, Work: model.WorkInstructor, FullMembers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.LinkOrgs(w.Shown()[0].ID, []int64{o.ID}); err != nil {
		t.Fatal(err)
	}
	w.Tabs().SelectIndex(2)
	col := func(f model.Field) int {
		return 1 + slices.IndexFunc(model.OrgFields, func(fi model.FieldInfo) bool { return fi.Field == f })
	}
	row := slices.IndexFunc(w.orgs.orgs, func(x model.Organisation) bool { return x.ID == o.ID })
	cell := func(f model.Field) string {
		c := w.orgs.table.CreateCell()
		w.orgs.table.UpdateCell(widget.TableCellID{Row: row, Col: col(f)}, c)
		var text string
		walk(c, func(o fyne.CanvasObject) {
			if l, ok := labelText(o); ok && text == "" {
				text = l
			}
		})
		return text
	}
	if got := cell(model.OrgFieldCoverage); got != "单独组建（名录写“未建”）" {
		t.Errorf("党组织覆盖 shows %q", got)
	}
	if got := cell(model.OrgFieldReason); got != "" {
		t.Errorf("未建原因 of a covered organisation shows %q", got)
	}
	w.Tabs().SelectIndex(3)
	c := w.Coverage()
	if c.Types[0].Own != 1 || c.Types[0].None != 0 || c.Types[0].Eligible != 0 {
		t.Errorf("coverage %+v", c.Types[0])
	}
	found := false
	for _, f := range c.Findings {
		found = found || strings.Contains(f.Message, "单位名录中却写着“未建”：覆盖率按关联计为单独组建")
	}
	if !found {
		t.Errorf("findings %+v", c.Findings)
	}
}

// In the form, 未建 → 联合组建 empties 未建原因 and 工作覆盖 (for 未建
// only), so that the save is not refused with "请更正：未建原因" (review
// s5-11 newuser #3, q3–q5).
func TestChoosingCoveredClearsTheReason(t *testing.T) {
	a := test.NewTempApp(t)
	svc, _ := newWorkspace(t)
	o, err := svc.SaveOrg(model.Organisation{Name: "兰州金百合商贸有限公司", Type: model.OrgEnterprise, Coverage: model.NotCovered,
		Reason: model.ReasonEligible, Work: model.WorkUnion})
	if err != nil {
		t.Fatal(err)
	}
	w := New(a, svc)
	w.RunInLine()
	w.Win.Resize(fyne.NewSize(1024, 700))
	w.orgs.edit(o)
	var selects []*widget.Select
	var save *widget.Button
	walk(w.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Select:
			selects = append(selects, x)
		case *kit.Button:
			if x.Text == "保存" {
				save = &x.Button
			}
		}
	})
	byValue := func(v string) *widget.Select {
		for _, s := range selects {
			if slices.Contains(s.Options, v) {
				return s
			}
		}
		t.Fatalf("no select offers %s", v)
		return nil
	}
	cov, reason, work := byValue("联合组建"), byValue("符合条件未建"), byValue("工会")
	cov.SetSelected("联合组建")
	if reason.Selected != "不适用" || work.Selected != "无" {
		t.Errorf("after 联合组建: 未建原因 %q, 工作覆盖 %q", reason.Selected, work.Selected)
	}
	if save == nil {
		t.Fatal("no 保存 button")
	}
	test.Tap(save)
	got, _ := svc.Orgs()
	if len(got) != 1 || got[0].Coverage != model.CoveredJoint || got[0].Reason != "" || got[0].Work != model.WorkNone {
		t.Errorf("saved %+v", got)
	}
}
