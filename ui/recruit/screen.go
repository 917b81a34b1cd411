package recruit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// Title is the section's name in the navigation.
const Title = "发展党员"

// allStatuses is the filter's choice for everyone.
const allStatuses = "全部"

// Screen is the 发展党员 section: the pipeline on the left, the chosen
// person's page on the right.
type Screen struct {
	host kit.Host
	svc  Service

	content fyne.CanvasObject
	list    *widget.List
	search  *kit.SearchEntry
	status  *kit.PlainSelect
	empty   *kit.WrapLabel
	page    *page

	pipeline model.RecruitPipeline
	shown    []model.Recruit // the filtered list
	selected int64
}

// NewScreen builds the section and loads the pipeline.
func NewScreen(host kit.Host, svc Service) *Screen {
	s := &Screen{host: host, svc: svc}
	s.search = kit.NewSearchEntry()
	s.search.SetPlaceHolder(kit.L("搜索姓名或身份证号码"))
	s.search.OnChanged = func(string) { s.filter() }
	options := []string{kit.L(allStatuses)}
	for _, st := range model.RecruitStatuses {
		options = append(options, kit.L(string(st)))
	}
	s.status = kit.NewPlainSelect(options, nil)
	s.status.SetSelectedIndex(0)
	s.status.OnChanged = func(string) { s.filter() }

	s.list = widget.NewList(func() int { return len(s.shown) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("姓名")
			name.TextStyle.Bold = true
			detail := widget.NewLabel("")
			detail.SizeName = theme.SizeNameCaptionText
			detail.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, detail)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := &s.shown[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(r.Name + "　" + kit.L(string(r.Status())))
			d := box.Objects[1].(*widget.Label)
			text, imp := nextText(s.pipeline.Reports[r.ID])
			d.SetText(text)
			d.Importance = imp
			d.Refresh()
		})
	s.list.OnSelected = func(id widget.ListItemID) {
		if id < len(s.shown) {
			s.open(s.shown[id].ID)
		}
	}

	add := widget.NewButtonWithIcon(kit.L("新增入党申请人"), theme.ContentAddIcon(), func() { s.editPerson(model.Recruit{}) })
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(kit.L("导入台账…"), theme.FolderOpenIcon(), s.chooseImport)
	exp := widget.NewButtonWithIcon(kit.L("导出工作台账…"), theme.DocumentSaveIcon(), s.exportLedger)
	// The search takes what the buttons and the stage list leave: in a
	// grid of two it had half, and at 1024 px in English its hint was cut
	// ("Search name or ID numbe", review s13-look).
	toolbar := container.NewBorder(nil, nil, container.NewHBox(add, imp, exp), s.status, s.search)

	s.empty = kit.NewWrapLabel(kit.L("还没有入党申请人。点击“新增入党申请人”登记递交入党申请书的人，或从 Excel 导入支部已有的发展党员台账。"))
	s.page = newPage(s)
	split := container.NewHSplit(container.NewStack(s.list, s.empty), container.NewStack(s.page.content))
	split.Offset = 0.26
	s.content = container.NewBorder(container.NewPadded(toolbar), nil, nil, nil, split)
	host.OnDataChanged(s.Reload)
	s.Reload()
	return s
}

// Content is the section's view.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Reload reads the pipeline again and shows it, keeping the person shown.
func (s *Screen) Reload() {
	var p model.RecruitPipeline
	var err error
	s.host.Background(func() { p, err = s.svc.Pipeline() }, func() {
		if err != nil {
			s.host.ShowError("读取发展党员名单", err)
			return
		}
		s.pipeline = p
		s.filter()
		s.open(s.selected)
	})
}

// filter shows the people the search and the status choice select.
func (s *Screen) filter() {
	q := strings.TrimSpace(s.search.Text)
	want := ""
	if i := s.status.SelectedIndex(); i > 0 {
		want = string(model.RecruitStatuses[i-1])
	}
	s.shown = s.shown[:0]
	for _, r := range s.pipeline.Recruits {
		if want != "" && string(r.Status()) != want {
			continue
		}
		if q != "" && !strings.Contains(r.Name, q) && !strings.Contains(r.IDNumber, strings.ToUpper(q)) {
			continue
		}
		s.shown = append(s.shown, r)
	}
	if len(s.pipeline.Recruits) == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
	s.list.UnselectAll()
	s.list.Refresh()
	for i := range s.shown {
		if s.shown[i].ID == s.selected {
			s.list.Select(i)
		}
	}
}

// Show opens a person's page (from home or the roster).
func (s *Screen) Show(id int64) {
	s.selected = id
	s.search.SetText("")
	s.status.SetSelectedIndex(0)
	s.filter()
	s.open(id)
}

// open shows the person with id on the page, or nothing if there is none.
func (s *Screen) open(id int64) {
	s.selected = id
	for i := range s.pipeline.Recruits {
		if r := &s.pipeline.Recruits[i]; r.ID == id {
			s.page.show(*r, s.pipeline.Reports[id])
			return
		}
	}
	s.page.clear()
}

// RecruitOf is the person in the pipeline who became the member, 0 if none.
func (s *Screen) RecruitOf(memberID int64) int64 {
	for _, r := range s.pipeline.Recruits {
		if memberID != 0 && r.MemberID == memberID {
			return r.ID
		}
	}
	return 0
}

// nextText is what the list says under a name: the next step and when, in
// red when overdue.
func nextText(rep model.RecruitReport) (string, widget.Importance) {
	n := rep.Next()
	if n == nil {
		return kit.L("各环节已完成"), widget.LowImportance
	}
	name := kit.L(n.Step.Info().Name)
	switch {
	case n.State == model.StepOverdue:
		return kit.L("已逾期：{{.Step}}（应于{{.Date}}前）", map[string]any{"Step": name, "Date": n.Due.String()}), widget.DangerImportance
	case !n.Due.IsZero():
		return kit.L("下一步：{{.Step}}（{{.Date}}前）", map[string]any{"Step": name, "Date": n.Due.String()}), widget.MediumImportance
	case !n.Earliest.IsZero():
		return kit.L("下一步：{{.Step}}（{{.Date}}起）", map[string]any{"Step": name, "Date": n.Earliest.String()}), widget.MediumImportance
	}
	return kit.L("下一步：{{.Step}}", map[string]any{"Step": name}), widget.MediumImportance
}

// saved is a write that went through: every screen reloads.
func (s *Screen) saved(r model.Recruit) {
	s.selected = r.ID
	s.host.DataChanged()
}
