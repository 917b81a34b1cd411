package transfer

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"strings"
	"unicode/utf8"

	"branchledger/model"
	"branchledger/ui/kit"
)

// Screen is the 组织关系 section: the area's findings on top, then a tab
// each for letters out, letters in, mobile members and members from
// elsewhere.
type Screen struct {
	host kit.Host
	svc  Service

	content  fyne.CanvasObject
	tabs     *container.AppTabs
	findings *kit.WrapLabel

	data    model.TransferOverview
	loaded  bool
	pending func() // what to show once the first reading is in
	letters *lettersTab
	ins     *insTab
	mobile  *mobileTab
	inflow  *inflowTab
}

// NewScreen builds the section and loads it.
func NewScreen(host kit.Host, svc Service) *Screen {
	s := &Screen{host: host, svc: svc}
	s.findings = kit.NewWrapLabel("")
	// Hidden until the section is read: no empty band above the tabs
	// that the banner or nothing fills later.
	s.findings.Hide()
	s.letters = newLettersTab(s)
	s.ins = newInsTab(s)
	s.mobile = newMobileTab(s)
	s.inflow = newInflowTab(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(kit.L("转出（介绍信）"), s.letters.content),
		container.NewTabItem(kit.L("转入（介绍信）"), s.ins.content),
		container.NewTabItem(kit.L("流动党员"), s.mobile.content),
		container.NewTabItem(kit.L("流入党员"), s.inflow.content),
	)
	s.content = container.NewBorder(s.findings, nil, nil, nil, s.tabs)
	host.OnDataChanged(s.Reload)
	s.Reload()
	return s
}

// Content is the section's view.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Reload reads the section again and shows it, keeping what is selected.
func (s *Screen) Reload() {
	var o model.TransferOverview
	var err error
	s.host.Background(func() { o, err = s.svc.Overview() }, func() {
		if err != nil {
			s.host.ShowError("读取组织关系记录", err)
			return
		}
		s.data, s.loaded = o, true
		s.showFindings()
		s.letters.refresh()
		s.ins.refresh()
		s.mobile.refresh()
		s.inflow.refresh()
		if p := s.pending; p != nil {
			s.pending = nil
			p()
		}
	})
}

// showFindings sums up the area's findings above the tabs: how many and
// the first of the most serious; home lists them all.
func (s *Screen) showFindings() {
	fs := s.data.Findings
	counts := map[model.Severity]int{}
	for _, f := range fs {
		counts[f.Severity]++
	}
	if counts[model.Serious]+counts[model.Warning] == 0 {
		s.findings.Hide()
		s.content.Refresh()
		return
	}
	args := map[string]any{"S": counts[model.Serious], "W": counts[model.Warning]}
	var text string
	switch {
	case counts[model.Warning] == 0:
		text = kit.L("需要处理：{{.S}} 项严重。", args)
	case counts[model.Serious] == 0:
		text = kit.N("需要处理：{{.W}} 项提醒。", counts[model.Warning], args)
	default:
		text = kit.L("需要处理：{{.S}} 项严重，{{.W}} 项提醒。", args)
	}
	for _, f := range fs {
		if f.Severity >= model.Warning {
			text += " " + kit.FindingText(f)
			// A sentence of its own, ended, before "另有 N 项见首页".
			if r, _ := utf8.DecodeLastRuneInString(text); !strings.ContainsRune("。！？.!?", r) {
				text += kit.L("。")
			}
			break
		}
	}
	// The banner tells one; the rest are on home, and it says so.
	if more := counts[model.Serious] + counts[model.Warning] - 1; more > 0 {
		text += " " + kit.L("另有 {{.N}} 项见首页。", map[string]any{"N": more})
	}
	s.findings.SetText(text)
	s.findings.Importance = widget.WarningImportance
	if counts[model.Serious] > 0 {
		s.findings.Importance = widget.DangerImportance
	}
	s.findings.Show()
	s.findings.Refresh()
	s.content.Refresh()
}

// ShowLetters brings the letters tab forward, the letter id selected (0:
// none), as home does for a finding of the area.
func (s *Screen) ShowLetters(id int64) {
	if !s.loaded {
		s.pending = func() { s.ShowLetters(id) }
		return
	}
	s.tabs.SelectIndex(0)
	if id != 0 {
		s.letters.selectLetter(id)
	}
}

// ShowMember brings forward the tab where member id's latest record is —
// an open letter, else a stay away — and reports whether there was one.
func (s *Screen) ShowMember(id int64) bool {
	if !s.loaded {
		s.pending = func() {
			if !s.ShowMember(id) {
				s.host.OpenMember(id)
			}
		}
		return true
	}
	for i := len(s.data.Letters) - 1; i >= 0; i-- {
		if l := &s.data.Letters[i]; l.MemberID == id && l.Open() {
			s.ShowLetters(l.ID)
			return true
		}
	}
	for i := range s.data.Mobile {
		if mm := &s.data.Mobile[i]; mm.MemberID == id {
			s.tabs.SelectIndex(2)
			s.mobile.selectEntry(mm.ID)
			return true
		}
	}
	return false
}

// ShowInflow brings the members from elsewhere forward.
func (s *Screen) ShowInflow() { s.tabs.SelectIndex(3) }

// saved tells the window that data changed.
func (s *Screen) saved() { s.host.DataChanged() }

// twoLineList is the list of a tab: a bold first line and a caption in the
// colour of its state.
func twoLineList(n func() int, item func(i int) (title, detail string, imp widget.Importance), selected func(i int)) *widget.List {
	l := widget.NewList(n,
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.TextStyle.Bold = true
			title.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("")
			detail.SizeName = theme.SizeNameCaptionText
			detail.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, detail)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			title, detail, imp := item(id)
			box.Objects[0].(*widget.Label).SetText(title)
			d := box.Objects[1].(*widget.Label)
			d.SetText(detail)
			d.Importance = imp
			d.Refresh()
		})
	l.OnSelected = func(id widget.ListItemID) { selected(id) }
	return l
}

// details is the right side of a tab: label–value rows and the actions.
type details struct {
	box     *fyne.Container
	empty   *kit.WrapLabel
	buttons *fyne.Container
	content fyne.CanvasObject
}

func newDetails(emptyText string) *details {
	// The actions go above the rows, outside their scroll, wrapping onto a
	// second line in a narrow window: at 768 px the rows run past the
	// bottom, and the actions must not scroll away with them.
	d := &details{box: container.NewVBox(), buttons: container.New(layout.NewRowWrapLayout())}
	d.empty = kit.NewWrapLabel(emptyText)
	rows := container.NewBorder(d.buttons, nil, nil, nil, kit.NewScroll(d.box))
	d.content = container.NewStack(rows, container.NewVBox(d.empty))
	return d
}

// detailRow is one line of the details: a label (Chinese, translated when
// shown) and its value.
type detailRow struct{ label, value string }

// show lists the rows and the buttons; no rows shows the empty text.
func (d *details) show(rows []detailRow, buttons ...fyne.CanvasObject) {
	d.box.RemoveAll()
	d.buttons.RemoveAll()
	if len(rows) == 0 {
		d.empty.Show()
		d.box.Refresh()
		d.buttons.Refresh()
		return
	}
	d.empty.Hide()
	form := container.New(layout.NewFormLayout())
	for _, r := range rows {
		label := widget.NewLabel(kit.L(r.label))
		label.TextStyle.Bold = true
		value := kit.NewWrapLabel(r.value)
		value.Selectable = true
		form.Add(label)
		form.Add(value)
	}
	d.box.Add(form)
	for _, b := range buttons {
		d.buttons.Add(b)
	}
	d.box.Refresh()
	d.buttons.Refresh()
}

// tabLayout is a tab's toolbar over the list and the details side by side.
func tabLayout(toolbar fyne.CanvasObject, list, empty, detail fyne.CanvasObject) fyne.CanvasObject {
	split := container.NewHSplit(container.NewStack(list, container.NewVBox(empty)), detail)
	split.Offset = 0.42
	return container.NewBorder(container.NewPadded(toolbar), nil, nil, nil, split)
}

func emptyLabel(text string, data ...any) *kit.WrapLabel {
	l := kit.NewWrapLabel(kit.L(text, data...))
	return l
}

// orDash is a value for a details row: "—" when there is none.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
