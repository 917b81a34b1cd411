package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// Filter choices, Chinese, translated when shown. The first of each is the
// default.
var (
	categoryChoices = []string{"全部类别", string(model.CategoryFull), string(model.CategoryProbationary)}
	standingChoices = []string{"全部党籍状态", "党籍正常", string(model.StandingSuspended)}
	mobileChoices   = []string{"流动：不限", "流动党员", "非流动党员"}
	lostChoices     = []string{"失联：不限", "失联党员", "未失联"}
	leftChoices     = []string{"在册党员", "已离开", "全部（含已离开）"}
)

// rosterScreen is 党员: the roster table with search, filters and sorting, and
// the member detail page that replaces it when a row is opened.
type rosterScreen struct {
	sh      *shell
	content *fyne.Container // the list page or a member page
	list    *fyne.Container

	all     []model.Member // everyone, loaded once per change, in the sort order
	shown   []int          // indexes into all that pass the filter
	filter  model.MemberFilter
	columns []column
	widths  []float32 // of the columns, as the program set them
	sortCol int       // -1: in the order the store returns
	desc    bool

	table *kit.StickyTable
	// emptyHint says how members get onto an empty roster, in the table's
	// place: a bare header said nothing (review s14-newuser #13).
	emptyHint                              *fyne.Container
	search                                 *kit.SearchEntry
	category, standing, mobile, lost, left *kit.Select
	count                                  *widget.Label
	addButton, importButton, exportButton  *widget.Button
	detail                                 *memberDetail
	form                                   *memberForm            // the add form last opened, for tests
	preview                                *importPreview         // the import preview last shown, for tests
	duesMarks                              map[int64]model.Arrear // arrears by member, for the 党费 column
	// participation by member, for the 组织生活 column; loaded once per
	// reload so that filtering 20,000 members never recomputes it.
	participation map[int64]model.MemberParticipation
}

func newRosterScreen(sh *shell) *rosterScreen {
	r := &rosterScreen{sh: sh, columns: rosterColumns(), sortCol: -1, filter: model.MemberFilter{Left: model.No}}
	r.addDuesColumn()
	r.addParticipationColumn()

	r.search = kit.NewSearchEntry()
	r.search.SetPlaceHolder(lang.L("搜索姓名、身份证号或电话"))
	r.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	r.search.OnChanged = func(q string) { r.filter.Query = q; r.applyFilter(); r.table.ScrollToTop() }

	r.category = r.choice(categoryChoices, func(i int) {
		r.filter.Category = []model.Category{"", model.CategoryFull, model.CategoryProbationary}[i]
	})
	r.standing = r.choice(standingChoices, func(i int) {
		r.filter.Standing = []model.Standing{"", model.StandingNormal, model.StandingSuspended}[i]
	})
	r.mobile = r.choice(mobileChoices, func(i int) { r.filter.Mobile = []model.Tri{model.Any, model.Yes, model.No}[i] })
	r.lost = r.choice(lostChoices, func(i int) { r.filter.LostContact = []model.Tri{model.Any, model.Yes, model.No}[i] })
	r.left = r.choice(leftChoices, func(i int) { r.filter.Left = []model.Tri{model.No, model.Yes, model.Any}[i] })

	r.count = widget.NewLabel("")
	r.addButton = widget.NewButtonWithIcon(lang.L("新增党员"), theme.ContentAddIcon(), func() { r.form = r.addMember() })
	r.addButton.Importance = widget.HighImportance
	r.importButton = widget.NewButtonWithIcon(lang.L("导入 Excel"), theme.UploadIcon(), r.chooseImport)
	r.exportButton = widget.NewButtonWithIcon(lang.L("导出花名册"), theme.DocumentSaveIcon(), r.chooseExport)

	r.table = r.newTable()
	r.emptyHint = container.NewVBox(widget.NewCard(lang.L("开始录入党员"), "",
		kit.NewWrapLabel(lang.L("花名册中还没有党员。点击上方“新增党员”逐个录入，或点击“导入 Excel”从支部现有的花名册导入（导入前会先预览）。"))))
	r.emptyHint.Hide()
	bar := &rosterBar{
		search:  r.search,
		buttons: []fyne.CanvasObject{r.addButton, r.importButton, r.exportButton},
		filters: []fyne.CanvasObject{r.left, r.category, r.standing, r.mobile, r.lost},
		count:   r.count, table: container.NewStack(r.table, r.emptyHint),
		fit: func() { r.table.FillStart(r.widths) },
	}
	r.list = container.New(bar, bar.objects()...)
	r.content = container.NewStack(r.list)

	sh.onDataChanged(r.reload)
	sh.onChecked(r.showChecks)
	r.reload()
	return r
}

// choice is a filter Select over Chinese options; set applies the i-th.
func (r *rosterScreen) choice(options []string, set func(i int)) *kit.Select {
	shown := make([]string, len(options))
	for i, o := range options {
		shown[i] = lang.L(o)
	}
	s := kit.NewSelect(shown, nil).FitOptions()
	s.SetSelectedIndex(0)
	s.OnChanged = func(string) { set(s.SelectedIndex()); r.applyFilter(); r.table.ScrollToTop() }
	return s
}

func (r *rosterScreen) newTable() *kit.StickyTable {
	// The name stays in view while scrolling right.
	t := kit.NewStickyTable(1,
		func() (int, int) { return len(r.shown), len(r.columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			m := &r.all[r.shown[id.Row]]
			c := &r.columns[id.Col]
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			if c.look != nil {
				l.Importance = c.look(m)
			}
			kit.SetCellText(l, c.text(m, r.sh.svc.today()), o.Size().Width)
		})
	t.SetHeader(func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		return b
	}, func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		b.SetText(r.heading(id.Col))
		b.OnTapped = func() { r.sortBy(id.Col) }
	})
	r.widths = make([]float32, len(r.columns))
	for i, c := range r.columns {
		r.widths[i] = c.width(lang.L(c.title))
		t.SetColumnWidth(i, r.widths[i])
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Row >= 0 && id.Row < len(r.shown) {
			r.showMember(r.all[r.shown[id.Row]].ID)
		}
	}
	return t
}

// heading is a column's title with ▲ or ▼ when the table is sorted by it.
func (r *rosterScreen) heading(col int) string {
	h := lang.L(r.columns[col].title)
	if col == r.sortCol {
		if r.desc {
			return h + " ▼"
		}
		return h + " ▲"
	}
	return h
}

// sortBy sorts by a column, ascending first, descending on a second click.
func (r *rosterScreen) sortBy(col int) {
	r.desc = col == r.sortCol && !r.desc
	r.sortCol = col
	sortMembers(r.all, r.columns[col], r.desc, r.sh.svc.today())
	r.applyFilter()
	r.table.ScrollToTop()
}

// reload takes the members the shell read after a write. The marks of the
// 党费 and 组织生活 columns are those last checked until showChecks brings
// the new ones.
func (r *rosterScreen) reload() {
	// A copy, as sorting reorders it and other screens share the shell's.
	r.all = slices.Clone(r.sh.members)
	r.loadDuesMarks()
	r.loadParticipation()
	if r.sortCol >= 0 {
		sortMembers(r.all, r.columns[r.sortCol], r.desc, r.sh.svc.today())
	}
	r.fitColumns()
	r.emptyHint.Hidden = len(r.all) > 0
	r.table.Hidden = len(r.all) == 0
	r.emptyHint.Refresh()
	r.table.Refresh()
	r.applyFilter()
	if r.detail != nil {
		r.detail.reload()
	}
}

// fitColumns widens the columns sized by their values to the members'.
func (r *rosterScreen) fitColumns() {
	for i, c := range r.columns {
		if !c.fitValues {
			continue
		}
		if w := c.fitWidth(c.width(lang.L(c.title)), r.all, r.sh.svc.today()); w != r.widths[i] {
			r.widths[i] = w
			r.table.SetColumnWidth(i, w)
		}
	}
	r.table.FillStart(r.widths)
}

// showChecks fills in the 党费 and 组织生活 columns once the checks arrive.
func (r *rosterScreen) showChecks() {
	if r.sh.checking() {
		return // the marks shown stay until the new ones come
	}
	r.loadDuesMarks()
	r.loadParticipation()
	if r.sortCol >= 0 && r.columns[r.sortCol].fromChecks {
		sortMembers(r.all, r.columns[r.sortCol], r.desc, r.sh.svc.today())
		r.applyFilter()
		return
	}
	r.table.Refresh()
}

// applyFilter narrows the loaded members in memory: 20,000 take well under a
// frame, so every key stroke filters without touching the store.
func (r *rosterScreen) applyFilter() {
	r.shown = model.FilterMembers(r.all, r.filter)
	r.count.SetText(lang.N("共 {{.N}} 人", len(r.shown), map[string]any{"N": len(r.shown)}))
	r.table.Refresh()
	if r.list != nil {
		// A filter showing a longer choice, a longer count: Fyne lays a
		// container out again when a child's size changes only as long
		// as no other change in the window came after it (the table's
		// cells, just refreshed, do), which cut 全部（含已离开） to
		// "全部（含…".
		r.list.Layout.Layout(r.list.Objects, r.list.Size())
	}
}

func (r *rosterScreen) addMember() *memberForm {
	m := model.NewMember()
	if p, err := r.sh.svc.Branch.Profile(); err == nil {
		m.BranchName = p.BranchName
	}
	return showMemberForm(r.sh, m)
}

// showMember replaces the list with the member's page.
func (r *rosterScreen) showMember(id int64) {
	d, err := newMemberDetail(r, id)
	if err != nil {
		r.sh.showError("读取党员信息", err)
		return
	}
	r.detail = d
	r.content.Objects = []fyne.CanvasObject{d.content}
	r.content.Refresh()
}

// showList goes back from a member's page to the table.
func (r *rosterScreen) showList() {
	r.detail = nil
	r.content.Objects = []fyne.CanvasObject{r.list}
	r.content.Refresh()
}
