package workspace

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"branchledger/model"
	ws "branchledger/storage/workspace"
	"branchledger/ui/kit"
)

// column is a column of the side-by-side list: its heading, width in
// Chinese characters, the cell's text and how rows sort by it.
type column struct {
	title string
	chars float32
	text  func(b *ws.Branch, w *Window) string
	less  func(a, b *ws.Branch) int
}

func num(n int) string { return strconv.Itoa(n) }

// names orders Chinese names as a person looks them up: by pinyin (CLDR's
// Chinese collation), 安宁 before 甘肃 before 兰州, not by code point.
// Collators are not safe for concurrent use: this one is used on the UI
// goroutine only.
var names = collate.New(language.Chinese)

func byName(a, b string) int { return names.CompareString(a, b) }

// columns of the side-by-side list (issue 11).
var columns = []column{
	{"支部", 19, func(b *ws.Branch, _ *Window) string { return b.Label() }, func(a, b *ws.Branch) int { return byName(a.Label(), b.Label()) }},
	{"覆盖单位", 10, func(b *ws.Branch, _ *Window) string {
		if len(b.Orgs) == 0 {
			return kit.L("（未关联）")
		}
		return strings.Join(b.Orgs, "\n") // each on its line: a joint branch shows all
	}, nil},
	{"快照日期", 7, func(b *ws.Branch, w *Window) string {
		if b.Stale(w.svc.Today()) {
			return b.SnapshotOn.String() + kit.L("（旧）")
		}
		return b.SnapshotOn.String()
	}, func(a, b *ws.Branch) int { return a.SnapshotAt.Compare(b.SnapshotAt) }},
	{"正式", 3, func(b *ws.Branch, _ *Window) string { return num(b.Figures.Full) }, func(a, b *ws.Branch) int { return cmp.Compare(a.Figures.Full, b.Figures.Full) }},
	{"预备", 3, func(b *ws.Branch, _ *Window) string { return num(b.Figures.Probationary) }, func(a, b *ws.Branch) int {
		return cmp.Compare(a.Figures.Probationary, b.Figures.Probationary)
	}},
	{"组织生活", 5, func(b *ws.Branch, _ *Window) string {
		return fmt.Sprintf("%d/%d", b.Figures.SlotsHeld, b.Figures.SlotsDue)
	}, func(a, b *ws.Branch) int { return cmp.Compare(a.Figures.SlotsMissing, b.Figures.SlotsMissing) }},
	{"缺组织生活{{.Warn}}/{{.Lapse}}月", 7.5, func(b *ws.Branch, _ *Window) string {
		return fmt.Sprintf("%d / %d", b.Figures.LifeAtWarn(), b.Figures.LifeSerious)
	}, func(a, b *ws.Branch) int { return cmp.Compare(a.Figures.LifeAtWarn(), b.Figures.LifeAtWarn()) }},
	{"欠党费{{.Warn}}/{{.Lapse}}月", 6, func(b *ws.Branch, _ *Window) string {
		return fmt.Sprintf("%d / %d", b.Figures.DuesAtWarn(), b.Figures.DuesSerious)
	}, func(a, b *ws.Branch) int { return cmp.Compare(a.Figures.DuesAtWarn(), b.Figures.DuesAtWarn()) }},
	{"党费应交/实交", 11.5, func(b *ws.Branch, _ *Window) string {
		return b.Figures.DuesDue.String() + " / " + b.Figures.DuesPaid.String()
	}, func(a, b *ws.Branch) int {
		return cmp.Compare(a.Figures.DuesDue-a.Figures.DuesPaid, b.Figures.DuesDue-b.Figures.DuesPaid)
	}},
	{"换届与支委", 12, func(b *ws.Branch, _ *Window) string {
		if len(b.Setup) == 0 {
			return kit.L("正常")
		}
		// One line, cut with an ellipsis: a sentence wrapped in this
		// column made every row four lines high (review s4-11 newuser #5);
		// the branch's own window (a click on the row) says them in full.
		says := make([]string, len(b.Setup))
		for i, f := range b.Setup {
			says[i] = kit.FindingText(f)
		}
		if len(says) > 1 {
			return kit.N("{{.N}}项：", len(says), map[string]any{"N": len(says)}) + strings.Join(says, "；")
		}
		return says[0]
	}, func(a, b *ws.Branch) int { return cmp.Compare(len(a.Figures.Setup), len(b.Figures.Setup)) }},
	{"严重", 3, func(b *ws.Branch, _ *Window) string { return num(b.Figures.Serious) }, func(a, b *ws.Branch) int { return cmp.Compare(a.Figures.Serious, b.Figures.Serious) }},
	{"提醒", 3, func(b *ws.Branch, _ *Window) string { return num(b.Figures.Warnings) }, func(a, b *ws.Branch) int { return cmp.Compare(a.Figures.Warnings, b.Figures.Warnings) }},
}

// monthRules are the months the list's titles, filter and hint name, from
// model's rule tables: Warn and Lapse months without organisational life
// or dues (党章 art. 9, the app's warning first), Stale for a snapshot.
func monthRules() map[string]any {
	c := model.CurrentRules().Constitution
	return map[string]any{"Warn": c.WarnMonths, "Lapse": c.LapseMonths, "Stale": model.SnapshotStaleMonths}
}

// Filters of the list.
const (
	filterAll     = "全部支部"
	filterSerious = "有严重问题的"
	filterStale   = "快照超过{{.Stale}}个月的"
	filterNoOrg   = "未关联单位的"
)

var filters = []string{filterAll, filterSerious, filterStale, filterNoOrg}

// branchesTab is 支部一览: one row per branch, sortable and filterable.
type branchesTab struct {
	w       *Window
	content fyne.CanvasObject
	all     []ws.Branch
	shown   []ws.Branch
	table   *kit.StickyTable
	search  *widget.Entry
	filter  *widget.Select
	sortCol int
	desc    bool
	count   *widget.Label
	widths  []float32 // the columns' widths
	heights []float32 // the rows' heights
	start   *firstSteps
	// shared says which branches have people in common (review s5-11
	// newuser #8): above the list, when any do.
	shared *fyne.Container
}

// maxSharedShown is how many findings about shared members the list shows
// above itself; the rest are counted.
const maxSharedShown = 3

func newBranchesTab(w *Window) *branchesTab {
	t := &branchesTab{w: w}
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(kit.L("按支部或单位名称查找"))
	t.search.OnChanged = func(string) { t.apply() }
	var names []string
	for _, f := range filters {
		names = append(names, kit.L(f, monthRules()))
	}
	t.filter = widget.NewSelect(names, nil)
	t.filter.SetSelectedIndex(0)
	t.count = widget.NewLabel("")
	report := widget.NewButtonWithIcon(kit.L("导出上报汇总表…"), theme.DocumentSaveIcon(), w.exportReport)
	report.Importance = widget.HighImportance

	// The branch's name stays while scrolling across; the last columns
	// (严重, 提醒) can be scrolled to.
	t.table = kit.NewStickyTable(1,
		func() (int, int) { return len(t.shown), len(columns) },
		func() fyne.CanvasObject {
			return kit.NewWrapLabel("")
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*kit.WrapLabel)
			b := &t.shown[id.Row]
			// Cut cells go through kit.SetCellText's cached fit, not Fyne's
			// ellipsis: fitRows' SetRowHeight refreshes every visible cell
			// once per row, and Fyne re-shapes each cut text on every
			// refresh (opening 200 branches took 16 s of CPU that way).
			if wrapped[id.Col] {
				l.Truncation, l.Wrapping = fyne.TextTruncateOff, fyne.TextWrapWord
				l.SetText(columns[id.Col].text(b, w))
			} else {
				kit.SetWrapCellText(l, columns[id.Col].text(b, w), o.Size().Width)
			}
			l.Importance = widget.MediumImportance
			switch {
			case id.Col == 2 && b.Stale(w.svc.Today()):
				l.Importance = widget.WarningImportance
			case id.Col == 10 && b.Figures.Serious > 0:
				l.Importance = widget.DangerImportance
			}
			l.Refresh()
		})
	t.table.SetHeader(func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		return b
	}, func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		title := kit.L(columns[id.Col].title, monthRules())
		if id.Col == t.sortCol {
			title += map[bool]string{false: " ▲", true: " ▼"}[t.desc]
		}
		b.SetText(title)
		col := id.Col
		b.OnTapped = func() { t.sortBy(col) }
	})
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(t.shown) {
			w.openBranch(t.shown[id.Row].ID)
		}
	}
	// Each column fits its heading in the UI language with the sort mark.
	em := fyne.MeasureText("党", theme.TextSize(), fyne.TextStyle{}).Width
	for i, c := range columns {
		head := fyne.MeasureText(kit.L(c.title, monthRules())+" ▼", theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding()
		t.widths = append(t.widths, max(c.chars*em, head)+4*theme.Padding())
		t.table.SetColumnWidth(i, t.widths[i])
	}
	// Only now: the first selection must not filter a list not yet built.
	t.filter.OnChanged = func(string) { t.apply() }
	hint := kit.NewWrapLabel(kit.L("点列标题排序，点一行查看该支部（只读）。数据截至各支部数据包的快照日期；标“旧”的快照已超过{{.Stale}}个月。“{{.Warn}}/{{.Lapse}}月”是{{.Warn}}个月以上（含{{.Lapse}}个月以上）和{{.Lapse}}个月以上的人数。", monthRules()))
	hint.SizeName = theme.SizeNameCaptionText
	t.shared = container.NewVBox()
	top := container.NewVBox(container.NewBorder(nil, hint, nil, container.NewHBox(t.filter, t.count, report), t.search), t.shared)
	t.start = newFirstSteps(w)
	t.content = container.NewBorder(top, nil, nil, nil, container.NewStack(t.table, t.start.content))
	return t
}

// load reads the branches again.
func (t *branchesTab) load() {
	bs, err := t.w.svc.Branches()
	if err != nil {
		t.w.showError("读取支部一览", err)
		return
	}
	t.all = bs
	t.showShared()
	t.apply()
	// An empty workspace says what to do first instead of an empty table.
	if len(bs) == 0 {
		t.table.Hide()
		t.start.show()
	} else {
		t.start.content.Hide()
		t.table.Show()
	}
}

// showShared lists above the branches the people on the rolls of several
// of them: a member belongs to one branch.
func (t *branchesTab) showShared() {
	t.shared.RemoveAll()
	ms, err := t.w.svc.SharedMembers()
	if err != nil {
		t.w.showError("读取支部一览", err)
		return
	}
	fs := model.CheckSharedMembers(ms)
	for i, f := range fs {
		if i == maxSharedShown {
			t.shared.Add(widget.NewLabel(kit.L("另有 {{.N}} 组支部的名册上有相同的党员（上报汇总表的党员名册逐人标出）。", map[string]any{"N": len(fs) - i})))
			break
		}
		t.shared.Add(findingLabel(f, false))
	}
}

// Shared are the findings about shared members shown above the list, for
// tests.
func (w *Window) Shared() []string {
	var out []string
	for _, o := range w.branches.shared.Objects {
		out = append(out, o.(*kit.WrapLabel).Text)
	}
	return out
}

func (t *branchesTab) sortBy(col int) {
	if columns[col].less == nil {
		return
	}
	if t.sortCol == col {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = col, col >= 6 // problems: most first
	}
	t.apply()
}

// apply filters and sorts the list and shows it.
func (t *branchesTab) apply() {
	q := strings.TrimSpace(t.search.Text)
	f := filters[max(t.filter.SelectedIndex(), 0)]
	today := t.w.svc.Today()
	t.shown = t.shown[:0]
	for _, b := range t.all {
		if q != "" && !strings.Contains(b.Label(), q) && !strings.Contains(strings.Join(b.Orgs, " "), q) {
			continue
		}
		switch {
		case f == filterSerious && b.Figures.Serious == 0,
			f == filterStale && !b.Stale(today),
			f == filterNoOrg && len(b.Orgs) > 0:
			continue
		}
		t.shown = append(t.shown, b)
	}
	less := columns[t.sortCol].less
	slices.SortStableFunc(t.shown, func(a, b ws.Branch) int {
		c := less(&a, &b)
		if t.desc {
			c = -c
		}
		return c
	})
	t.count.SetText(kit.L("{{.Shown}}/{{.All}} 个支部", map[string]any{"Shown": len(t.shown), "All": len(t.all)}))
	t.fitRows()
	t.table.Refresh()
}

// wrapped are the columns whose cells wrap onto more lines (the rest cut
// with an ellipsis): every organisation of a joint branch.
var wrapped = map[int]bool{1: true}

// maxLines is the most lines a row of the list grows to.
const maxLines = 6

// fitRows makes each row tall enough for its wrapped cells.
func (t *branchesTab) fitRows() {
	one := widget.NewLabel("党").MinSize().Height
	line := widget.NewLabel("党\n党").MinSize().Height - one
	pad := 4 * theme.Padding()
	t.heights = t.heights[:0]
	for r := range t.shown {
		lines := 1
		for c := range wrapped {
			// An estimate, not kit.LineCount, which breaks the text as the
			// cell will at some 6 ms a row: this runs for every branch on
			// each filter change.
			n := 0
			for _, part := range strings.Split(columns[c].text(&t.shown[r], t.w), "\n") {
				width := fyne.MeasureText(part, theme.TextSize(), fyne.TextStyle{}).Width
				n += max(1, int(math.Ceil(float64(width/(t.widths[c]-pad)))))
			}
			lines = max(lines, n)
		}
		h := one + float32(min(lines, maxLines)-1)*line
		t.heights = append(t.heights, h)
		t.table.SetRowHeight(r, h)
	}
}

// Shown are the branches listed now, in order: for tests.
func (w *Window) Shown() []ws.Branch { return w.branches.shown }

// SortBy sorts the list by column col (tapping its heading): for tests.
func (w *Window) SortBy(col int) { w.branches.sortBy(col) }

// Filter shows only the branches of filter i (0 = all) matching text.
func (w *Window) Filter(i int, text string) {
	w.branches.filter.SetSelectedIndex(i)
	w.branches.search.SetText(text)
}

func (w *Window) exportReport() {
	// The report is the official form in Chinese whatever the UI's
	// language, and so is its file's name: the office it goes to files
	// it under that name.
	name := "上报汇总表-" + w.svc.Today().String() + ".xlsx"
	w.saveWorkbook("导出上报汇总表", name, func(path string) (string, error) {
		r, err := w.svc.WriteReport(path)
		if err != nil {
			return "", err
		}
		summary := kit.L("已导出上报汇总表：{{.Branches}} 个支部，{{.Orgs}} 个单位，党员 {{.Members}} 人。文件保存在：",
			map[string]any{"Branches": len(r.Branches), "Orgs": len(r.Orgs), "Members": len(r.Members)})
		if note := kit.L("汇总表是上报用的正式表格，表名、表头和内容都是中文。"); note != "汇总表是上报用的正式表格，表名、表头和内容都是中文。" {
			summary = note + "\n" + summary // said only in another language
		}
		return summary, nil
	})
}
