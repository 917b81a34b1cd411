package workspace

import (
	"strconv"

	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	ws "branchledger/storage/workspace"
	"branchledger/ui/kit"
)

// coverageTab is 覆盖率: the coverage figures of the organisation list
// under the chosen definition (统计口径), and what the set-up rules find.
type coverageTab struct {
	w       *Window
	content fyne.CanvasObject
	scope   *widget.Select
	source  *kit.WrapLabel
	rep     ws.CoverageReport
	table   *kit.StickyTable
	fit     func()
	cell    func(r, c int) string
	finds   *fyne.Container
}

// coverageHeads are the table's columns: the three rates first, so that
// they show without scrolling sideways on a 1024-wide screen (review s4-11
// newuser #11), then the counts they are worked out from.
var coverageHeads = []string{"单位类型", "党组织覆盖率", "单独组建率", "工作覆盖率", "名录内单位", "单独组建", "联合组建", "未建", "其中工作覆盖", "符合条件未建"}

// coverageWidths are the columns' least widths, in Chinese characters.
var coverageWidths = []float32{5, 6, 5, 5, 4.5, 4, 4, 3, 6, 6}

func newCoverageTab(w *Window) *coverageTab {
	t := &coverageTab{w: w}
	var names []string
	for _, r := range model.CoverageDefinitions {
		names = append(names, kit.L(r.Name))
	}
	t.scope = widget.NewSelect(names, nil)
	t.source = kit.NewWrapLabel("")
	t.source.SizeName = theme.SizeNameCaptionText
	rows := func() []model.TypeCoverage {
		return append(append([]model.TypeCoverage(nil), t.rep.Types...), t.rep.Total)
	}
	t.cell = func(r, c int) string {
		x := rows()[r]
		switch c {
		case 0:
			if x.Type == "" {
				return kit.L("合计")
			}
			return kit.L(string(x.Type))
		case 1:
			return x.Organised().String()
		case 2:
			return x.OwnRate().String()
		case 3:
			return x.WorkRate().String()
		case 4:
			return strconv.Itoa(x.InScope)
		case 5:
			return strconv.Itoa(x.Own)
		case 6:
			return strconv.Itoa(x.Joint)
		case 7:
			return strconv.Itoa(x.None)
		case 8:
			return strconv.Itoa(x.Work)
		}
		return strconv.Itoa(x.Eligible)
	}
	t.table, t.fit = textTable(0, coverageHeads, coverageWidths, func() int { return len(t.rep.Types) + 1 }, t.cell)
	t.finds = container.NewVBox() // a finding that wraps gets its lines
	report := widget.NewButtonWithIcon(kit.L("导出上报汇总表…"), theme.DocumentSaveIcon(), w.exportReport)
	report.Importance = widget.HighImportance
	// Two labels: Fyne wraps at spaces, so one long run after the last
	// space of the formula went to a line of its own.
	formula := kit.NewWrapLabel(kit.L("党组织覆盖率 =（单独组建 + 联合组建）÷ 名录内单位；单独组建率 = 单独组建 ÷ 名录内单位；工作覆盖率 = 未建党组织的单位中实现工作覆盖的比例。"))
	counted := kit.NewWrapLabel(kit.L("关联了支部的单位按其支部计（支部只覆盖这一个单位为单独组建，覆盖多个单位或为联合党支部为联合组建），不论名录所写；没有支部关联的按名录所写计。"))
	// The table takes the page's width and the height of its rows; it
	// scrolls sideways when its columns are wider than the window.
	tall := canvas.NewRectangle(color.Transparent)
	tall.SetMinSize(fyne.NewSize(0, 4*44))
	table := container.NewStack(tall, t.table)
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(kit.L("统计口径：")), report, t.scope), t.source, table, formula, counted,
		widget.NewLabelWithStyle(kit.L("需要注意的单位"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	t.content = container.NewBorder(top, nil, nil, nil, kit.NewScroll(t.finds))
	return t
}

func (t *coverageTab) load() {
	s, err := t.w.svc.Settings()
	if err != nil {
		t.w.showError("读取工作台设置", err)
		return
	}
	t.scope.OnChanged = nil
	for i, r := range model.CoverageDefinitions {
		if r.ID == s.Coverage().ID {
			t.scope.SetSelectedIndex(i)
		}
	}
	t.scope.OnChanged = func(string) {
		s.CoverageRules = model.CoverageDefinitions[t.scope.SelectedIndex()].ID
		if err := t.w.svc.SaveSettings(s); err != nil {
			t.w.showError("保存统计口径", err)
		}
		t.load()
	}
	if t.rep, err = t.w.svc.Coverage(); err != nil {
		t.w.showError("计算覆盖率", err)
		return
	}
	r := t.rep.Rules
	local := ""
	if r.Local {
		local = kit.L("（地方口径）")
	}
	source := kit.L("依据{{.Local}}：{{.Document}}", map[string]any{"Local": local, "Document": kit.Word(r.Document)})
	switch {
	case t.rep.Listed() == 0:
		source += kit.L("　") + kit.L("单位名录还是空的：在“单位名录”中新增单位或从 Excel 导入后，这里才算得出覆盖率。")
	case t.rep.OutOfScope > 0:
		source += kit.L("　") + kit.L("名录中另有 {{.N}} 个单位不在统计口径内。", map[string]any{"N": t.rep.OutOfScope})
	}
	if n := t.rep.Total.Typed; n > 0 {
		source += kit.L("　") + kit.L("其中 {{.N}} 个单位没有支部关联，按名录所写计为已建。", map[string]any{"N": n})
	}
	t.source.SetText(source)
	t.fit()
	t.table.Refresh()
	t.finds.RemoveAll()
	for _, f := range t.rep.Findings {
		t.finds.Add(findingLabel(model.Finding{Severity: f.Severity, Message: f.Message, Text: f.Text}, false))
	}
}

// Coverage is the coverage shown now, for tests.
func (w *Window) Coverage() ws.CoverageReport { return w.coverage.rep }
