package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// homeRow is one line of home's list: an area's heading with how many
// findings it has, or one finding under it.
type homeRow struct {
	topic   model.FindingTopic
	count   int
	finding *model.Finding // nil on a heading
}

// groupFindings puts the findings under their areas (组织设置, 组织生活,
// 党费, 党员信息, 发展党员), in the order home lists the areas, each heading
// with its count; an area without findings keeps its heading, which says
// so, so that the secretary sees it was checked.
func (h *homeScreen) groupFindings() []homeRow {
	by := map[model.FindingTopic][]int{}
	for i := range h.findings {
		t := h.findings[i].About
		by[t] = append(by[t], i)
	}
	var rows []homeRow
	for _, t := range model.FindingTopics {
		if t == model.AboutRecruiting && h.sh.svc.Recruiting == nil && len(by[t]) == 0 {
			continue
		}
		rows = append(rows, homeRow{topic: t, count: len(by[t])})
		for _, i := range by[t] {
			rows = append(rows, homeRow{topic: t, finding: &h.findings[i]})
		}
	}
	return rows
}

// newHomeRow is the template of a row: a heading line and a finding line,
// one of them shown.
func newHomeRow() fyne.CanvasObject {
	area := widget.NewLabel("组织生活")
	area.TextStyle.Bold = true
	area.SizeName = theme.SizeNameSubHeadingText
	count := widget.NewLabel("")
	sev := widget.NewLabel("严重")
	sev.TextStyle.Bold = true
	msg := kit.NewWrapLabel("")
	// Every severity takes the width of the longest, so that the messages
	// start in one column ("Reminder" is wider than "Serious" or "Note").
	sevBox := container.NewGridWrap(fyne.NewSize(severityWidth(), sev.MinSize().Height), sev)
	// In a VBox the icon and severity stay on the first line: stretched to
	// a two-line row's height, the icon sat in the middle of it while
	// 严重 stayed on top (u8's report).
	finding := container.NewBorder(nil, nil, container.NewVBox(container.NewHBox(widget.NewIcon(nil), sevBox)), nil, msg)
	return container.NewStack(container.NewHBox(area, count), finding)
}

func (h *homeScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(h.rows) {
		return
	}
	r := h.rows[id]
	stack := o.(*fyne.Container)
	head, line := stack.Objects[0].(*fyne.Container), stack.Objects[1].(*fyne.Container)
	if r.finding == nil {
		head.Show()
		line.Hide()
		head.Objects[0].(*widget.Label).SetText(lang.L(r.topic.String()))
		count := head.Objects[1].(*widget.Label)
		if r.count == 0 {
			count.Importance = widget.SuccessImportance
			count.SetText(lang.L("未发现问题"))
		} else {
			count.Importance = widget.MediumImportance
			count.SetText(lang.N("{{.N}} 条", r.count, map[string]any{"N": r.count}))
		}
		return
	}
	head.Hide()
	line.Show()
	left := line.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container)
	icon, imp := severityLook(r.finding.Severity)
	left.Objects[0].(*widget.Icon).SetResource(icon)
	sev := left.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	sev.Importance = imp
	sev.SetText(lang.L(r.finding.Severity.String()))
	line.Objects[0].(*kit.WrapLabel).SetText(kit.FindingText(*r.finding))
}

// fitRows makes each finding's row as tall as its message needs at the
// list's width, so that a long rule text wraps instead of being cut off.
func (h *homeScreen) fitRows(width float32) {
	if width <= 0 {
		return
	}
	h.listWidth = width
	size, pad := theme.TextSize(), theme.InnerPadding()
	line := fyne.MeasureText("党", size, fyne.TextStyle{}).Height + theme.LineSpacing()
	base := widget.NewLabel("").MinSize().Height
	row := newHomeRow().(*fyne.Container)
	headHeight := row.Objects[0].MinSize().Height
	// The message's width is read from a row laid out at the list's
	// width (the list gives its rows all of it; the scroll bar is drawn
	// over them): worked out by hand, less the bar's width and a padding
	// too many, a one-line 严重 at 1366 px was given a second, empty line
	// (review s13-look).
	finding := row.Objects[1].(*fyne.Container)
	finding.Resize(fyne.NewSize(width, base))
	msgWidth := finding.Objects[0].Size().Width
	h.rowLines = make([]int, len(h.rows))
	for i, r := range h.rows {
		if r.finding == nil {
			h.findingsList.SetItemHeight(i, headHeight)
			continue
		}
		lines := kit.LineCount(kit.FindingText(*r.finding), msgWidth, fyne.TextStyle{})
		h.rowLines[i] = lines
		h.findingsList.SetItemHeight(i, max(base, float32(lines)*line+2*pad))
	}
}

// widthWatch lays its one object over its whole size and tells onWidth
// when the width changes, for heights that depend on it.
type widthWatch struct {
	onWidth func(float32)
	width   float32
}

func (w *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (w *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Resize(size)
	objs[0].Move(fyne.NewPos(0, 0))
	if size.Width != w.width {
		w.width = size.Width
		w.onWidth(size.Width)
	}
}

// rowOf is the list row of the i-th finding.
func (h *homeScreen) rowOf(i int) widget.ListItemID {
	for id, r := range h.rows {
		if r.finding == &h.findings[i] {
			return id
		}
	}
	return -1
}

// newEmptyRoster says, while the roster is empty, how members get onto it.
func (h *homeScreen) newEmptyRoster() *fyne.Container {
	text := kit.NewWrapLabel(lang.L("花名册中还没有党员。可以逐个新增，也可以从支部现有的 Excel 花名册导入（标题行、合并表头和各种日期写法都能识别，导入前会先预览）。"))
	add := widget.NewButtonWithIcon(lang.L("新增党员"), theme.ContentAddIcon(), func() {
		h.sh.show(screenRoster)
		h.sh.roster.form = h.sh.roster.addMember()
	})
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(lang.L("导入 Excel"), theme.UploadIcon(), func() {
		h.sh.show(screenRoster)
		h.sh.roster.chooseImport()
	})
	c := container.NewVBox(widget.NewCard(lang.L("开始录入党员"), "", container.NewVBox(text, container.NewHBox(add, imp))))
	c.Hide()
	return c
}

// severityWidth is the width of a bold label holding the longest severity
// name in the UI language.
func severityWidth() float32 {
	return kit.TextWidth(fyne.TextStyle{Bold: true}, lang.L(model.Info.String()), lang.L(model.Warning.String()), lang.L(model.Serious.String()))
}
