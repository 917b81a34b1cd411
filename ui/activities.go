package ui

import (
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// activitiesScreen is 活动: the year's activity records, the year's plans
// (年度计划) and the compliance calendar, with the printed ledger.
type activitiesScreen struct {
	sh      *shell
	svc     Activities
	content fyne.CanvasObject
	year    int

	acts []model.Activity
	// inquorate marks the records of a 支部党员大会 that could not decide,
	// by ID, with what failed (未达法定人数, or 选举未过80%).
	inquorate map[int64]model.Text
	table     *widget.Table
	summary   *kit.WrapLabel
	plans     []model.Plan
	planList  *widget.List
	// the plan form: month, kind, topic and 加入计划
	planMonth, planKind *kit.Select
	planTopic           *kit.Entry
	planAdd             *widget.Button
	report              model.ComplianceReport
	calendar            *kit.StickyTable
	calKinds            []model.ActivityKind
	calendarBox         *fyne.Container // the calendar over the members' list
	scrollCalendar      func()          // brings this month into view
	calendarYear        int             // the year the calendar was last scrolled for
	partTable           *widget.Table
	since               *kit.WrapLabel // where the calendar's records begin
	tabs                *container.AppTabs
	add                 *widget.Button
	topicWidth          float32       // 议题's width, set by fitTopic
	form                *activityForm // the form last opened
	view                *activityView // the record last opened
}

// activityColumns are the columns of the year's list. The topic takes
// the width the others leave and wraps, its row as tall as it needs: at 15
// characters "通报上半年支部工作，部署下半…" could not be read, beside empty
// room (issue 8, ui13 #4).
var activityColumns = []textColumn{
	{"活动类型", 8, false}, {"次序", 3, false}, {"日期", 7, false}, {"议题", 10, true},
	{"实到/应到", 7, true}, {"附件数", 3, false}, {"录入", 6, false},
}

// countsColumn is 实到/应到's place in activityColumns: it wraps, so that an
// inquorate meeting's voting figures (未达法定人数（有表决权5/10）) show whole.
const countsColumn = 4

// topicColumn is 议题's place in activityColumns.
const topicColumn = 3

func newActivitiesScreen(sh *shell) *activitiesScreen {
	a := &activitiesScreen{sh: sh, svc: sh.svc.Activities, year: sh.svc.today().Year}
	var years []string
	for y := a.year + 1; y >= a.year-9; y-- {
		years = append(years, strconv.Itoa(y))
	}
	yearSelect := kit.NewSelect(years, nil).FitOptions()
	yearSelect.SetSelected(strconv.Itoa(a.year))
	// Only now: the first selection must not refresh a screen not yet built.
	yearSelect.OnChanged = func(s string) {
		a.year, _ = strconv.Atoi(s)
		a.refresh()
	}
	add := widget.NewButtonWithIcon(lang.L("新建活动"), theme.ContentAddIcon(), func() {
		a.openForm(model.Activity{Kind: model.KindThemeDay, Date: sh.svc.today()})
	})
	add.Importance = widget.HighImportance
	a.add = add
	export := widget.NewButtonWithIcon(lang.L("导出活动台账"), theme.DocumentSaveIcon(), func() {
		a.sh.saveWorkbook("导出活动台账", "活动台账_"+strconv.Itoa(a.year)+".xlsx", func(path string) (string, error) {
			n, err := a.svc.ExportLedger(a.year, path)
			return lang.N("已导出 {{.N}} 次活动，文件保存在：", n, map[string]any{"N": n}), err
		})
	})
	a.summary = kit.NewWrapLabel("")

	a.table = newTextTable(activityColumns, func() int { return len(a.acts) }, a.cell)
	a.table.OnSelected = func(id widget.TableCellID) {
		a.table.UnselectAll()
		if id.Row < len(a.acts) {
			a.openView(a.acts[id.Row].ID)
		}
	}

	// The counts take the room the buttons leave and wrap there: in one
	// line, "; 1 with too few for the election" made the English screen
	// wider than 1024 px, cutting the line and the table's last columns
	// (review s14-attack8 #30).
	// In a VBox the buttons keep their height when the line wraps to two.
	top := container.NewBorder(nil, nil, container.NewVBox(container.NewHBox(widget.NewLabel(lang.L("年度")), yearSelect, add, export)), nil, a.summary)
	a.topicWidth = activityColumns[topicColumn].width()
	a.table.SetColumnWidth(0, kindWidth())
	records := container.New(&widthWatch{onWidth: a.fitTopic}, a.table)
	a.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("活动记录"), records),
		container.NewTabItem(lang.L("年度计划"), a.newPlansTab()),
		container.NewTabItem(lang.L("合规日历"), a.newCalendarTab()),
	)
	a.content = container.NewBorder(top, nil, nil, nil, a.tabs)
	sh.onDataChanged(a.refresh)
	sh.onChecked(func() {
		if a.sharedCompliance() {
			a.refreshCalendar()
		}
	})
	a.refresh()
	return a
}

// fitTopic gives 议题 the width of the list left by the other columns
// (with their separators), never less than its own.
func (a *activitiesScreen) fitTopic(width float32) {
	others := float32(len(activityColumns)) * theme.Padding()
	for i, c := range activityColumns {
		switch i {
		case topicColumn:
		case 0:
			others += kindWidth()
		default:
			others += c.width()
		}
	}
	w := max(activityColumns[topicColumn].width(), float32(math.Floor(float64(width-others))))
	if w == a.topicWidth {
		return
	}
	a.topicWidth = w
	a.table.SetColumnWidth(topicColumn, w)
	a.fitRows()
	a.table.Refresh()
}

// kindWidth is the width of 活动类型: each kind whole in the UI language
// ("Committee meeting" was cut to "Committee me…").
func kindWidth() float32 {
	words := make([]string, len(model.ActivityKinds))
	for i, k := range model.ActivityKinds {
		words[i] = valueText(string(k))
	}
	return max(activityColumns[0].width(), wordsWidth(words...))
}

// fitRows makes each row as tall as its topic wraps to at the topic's
// width, measured by a label wrapped as the cell's is: the estimate of
// fitRowsTo gave a topic that fits one line an empty second one.
func (a *activitiesScreen) fitRows() {
	// A year's records are a few dozen rows, and the probe's breaks are
	// kept (kit's brokenText): exact is affordable here.
	probe := kit.NewWrapLabel("")
	one := probe.MinSize().Height
	wrapped := [...]struct {
		col   int
		width float32
	}{{topicColumn, a.topicWidth}, {countsColumn, activityColumns[countsColumn].width()}}
	for r := range a.acts {
		h := one
		for _, w := range wrapped {
			probe.SetText(a.cell(r, w.col))
			probe.Resize(fyne.NewSize(w.width, one))
			h = max(h, probe.MinSize().Height)
		}
		a.table.SetRowHeight(r, h)
	}
}

func (a *activitiesScreen) cell(row, col int) string {
	r := &a.acts[row]
	switch col {
	case 0:
		return valueText(string(r.Kind))
	case 1:
		return strconv.Itoa(r.Seq)
	case 2:
		return r.Date.String()
	case 3:
		return r.Topic
	case 4:
		c := r.Counts()
		text := strconv.Itoa(c.Present) + "/" + strconv.Itoa(c.Due)
		if mark, ok := a.inquorate[r.ID]; ok {
			text += " " + kit.Say(mark)
		}
		return text
	case 5:
		if len(r.Attachments) == 0 {
			return ""
		}
		return strconv.Itoa(len(r.Attachments))
	case 6:
		if r.EnteredLate(model.RecordKeeping2018) {
			return lang.L("补录")
		}
		return lang.L("按时")
	}
	return ""
}

func (a *activitiesScreen) refresh() {
	acts, err := a.svc.Activities(a.year)
	if err != nil {
		a.sh.showError("读取活动记录", err)
		return
	}
	a.acts = acts
	rc, err := a.svc.RuleContext()
	if err != nil {
		a.sh.showError("读取活动记录", err)
		return
	}
	late, inquorate, electionShort := 0, 0, 0
	a.inquorate = map[int64]model.Text{}
	for i := range acts {
		if acts[i].EnteredLate(model.RecordKeeping2018) {
			late++
		}
		switch h := rc.Quorum(&acts[i]); {
		case h.ElectionShort:
			a.inquorate[acts[i].ID] = h.Shortfall(rc.Rules)
			electionShort++
		case h.Inquorate:
			mark := h.Shortfall(rc.Rules)
			// The quorum counts the voting members, not heads: 9 of 14
			// present read as a majority flagged 未达法定人数 when 5 of
			// the 10 full members came (review s13-attack8 #6).
			if c := acts[i].Counts(); c.Present != h.VotingPresent || c.Due != h.VotingDue {
				mark = model.Textf("%s（有表决权%d/%d）", mark, h.VotingPresent, h.VotingDue)
			}
			a.inquorate[acts[i].ID] = mark
			inquorate++
		}
	}
	summary := lang.N("共 {{.N}} 次活动，补录 {{.Late}} 次", len(acts), map[string]any{"N": len(acts), "Late": late})
	if inquorate > 0 {
		summary += lang.L("；{{.N}} 次未达法定人数", map[string]any{"N": inquorate})
	}
	if electionShort > 0 {
		summary += lang.L("；{{.N}} 次选举未过{{.P}}%", map[string]any{"N": electionShort, "P": rc.Rules.ElectionQuorumPercent})
	}
	a.summary.SetText(summary)
	a.fitRows()
	a.table.Refresh()
	a.refreshPlans()
	a.refreshCalendar()
}

// newPlansTab is 年度计划: what the branch intends to hold, by month.
func (a *activitiesScreen) newPlansTab() fyne.CanvasObject {
	kinds := kindNames()
	kind := kit.NewChoice(kinds, nil).FitOptions()
	kind.SetSelectedIndex(0)
	months := make([]string, 12)
	for i := range months {
		months[i] = monthName(i + 1)
	}
	month := kit.NewSelect(months, nil).FitOptions()
	month.SetSelected(months[int(a.sh.svc.today().Month)-1])
	topic := kit.NewEntry()
	topic.SetPlaceHolder(lang.L("计划议题"))
	addPlan := func() {
		p := model.Plan{Year: a.year, Month: time.Month(month.SelectedIndex() + 1), Kind: model.ActivityKind(kind.Value()), Topic: topic.Text}
		if _, err := a.svc.SavePlan(p); err != nil {
			a.sh.showError("保存年度计划", err)
			return
		}
		topic.SetText("")
		a.sh.dataChanged()
	}
	add := widget.NewButtonWithIcon(lang.L("加入计划"), theme.ContentAddIcon(), addPlan)
	topic.OnSubmitted = func(string) { addPlan() } // Enter adds the plan
	a.planList = widget.NewList(func() int { return len(a.plans) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon("", theme.DeleteIcon(), nil), widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			p := a.plans[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(monthName(int(p.Month)) + "　" + valueText(string(p.Kind)) + "　" + p.Topic)
			row.Objects[1].(*widget.Button).OnTapped = func() {
				// Plans are intentions, not records: removing one is allowed.
				a.sh.confirm(lang.L("删除计划"), lang.L("删除这项计划？已开展的活动记录不受影响。"), func() {
					if err := a.svc.DeletePlan(p.ID); err != nil {
						a.sh.showError("删除年度计划", err)
						return
					}
					a.sh.dataChanged()
				})
			}
		})
	a.planMonth, a.planKind, a.planTopic, a.planAdd = month, kind, topic, add
	form := container.NewBorder(nil, nil, container.NewHBox(month, kind), add, topic)
	return container.NewBorder(form, nil, nil, nil, a.planList)
}

func (a *activitiesScreen) refreshPlans() {
	plans, err := a.svc.Plans(a.year)
	if err != nil {
		a.sh.showError("读取年度计划", err)
		return
	}
	a.plans = plans
	a.planList.Refresh()
}

// newCalendarTab is the compliance calendar: one row per required kind, one
// column per month, each cell saying how that period stands; below it, the
// members who have gone months without organisational life.
func (a *activitiesScreen) newCalendarTab() fyne.CanvasObject {
	// The kinds stay in view; 12月 can be scrolled into view at 1024×700.
	a.calendar = kit.NewStickyTable(1,
		func() (int, int) { return len(a.calKinds), 13 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("即将到期")
			// Cut with an ellipsis rather than run into the next cell.
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			if id.Col == 0 {
				l.SetText(a.kindHeading(a.calKinds[id.Row]))
				return
			}
			s := a.slot(a.calKinds[id.Row], time.Month(id.Col))
			if s == nil {
				l.SetText("")
				return
			}
			switch s.Status {
			case model.SlotMissing:
				l.Importance = widget.DangerImportance
			case model.SlotDueSoon:
				l.Importance = widget.WarningImportance
			case model.SlotHeld:
				l.Importance = widget.SuccessImportance
			}
			// The period is in the row's heading (每季度), so a quarter's
			// cell, in its last month, says only where it stands.
			l.SetText(lang.L(s.Status.String()))
		})
	a.calendar.SetHeader(func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col == 0 {
			o.(*widget.Label).SetText(lang.L("活动类型"))
			return
		}
		o.(*widget.Label).SetText(monthName(id.Col))
	})
	a.sizeCalendar()
	partCols := []textColumn{{"姓名", 6, false}, {"最近参加", 7, false}, {"未参加月数", 5, false}, {"提醒", 6, false}}
	a.partTable = newTextTable(partCols, func() int { return len(a.flagged()) }, func(row, col int) string {
		p := a.flagged()[row]
		switch col {
		case 0:
			return p.Name
		case 1:
			if p.Last.IsZero() {
				return lang.L("无记录")
			}
			return p.Last.String()
		case 2:
			return strconv.Itoa(p.Months)
		}
		return lang.L(p.Severity.String())
	})
	legend := kit.NewWrapLabel(lang.L("按《支部工作条例》：支部党员大会、党课每季度至少一次，支委会、党小组会、主题党日每月一次，组织生活会、民主评议、谈心谈话每年一次。"))
	a.since = kit.NewWrapLabel("")
	partTitle := heading("")
	partTitle.SetText(lang.L("连续{{.N}}个月以上未参加组织生活的党员（党章第九条）", map[string]any{"N": a.sh.rules.Constitution.WarnMonths}))
	part := container.NewBorder(partTitle, nil, nil, nil, a.partTable)
	// Opened at this month, as 收缴 is (review s6-8 newuser #2, s7-8
	// attack #7: at 1024 px it opened at 1月–6月 in November).
	cal, scroll := newScrollingTable(a.calendar, func() widget.TableCellID {
		if today := a.sh.svc.today(); today.Year == a.year {
			return widget.TableCellID{Row: 0, Col: min(int(today.Month)+1, 12)} // this month whole, and the next
		}
		return widget.TableCellID{Row: 0, Col: 1}
	})
	a.scrollCalendar = scroll
	a.calendarBox = container.New(&calendarSplit{a: a}, cal, part)
	return container.NewBorder(container.NewVBox(legend, a.since), nil, nil, nil, a.calendarBox)
}

// calendarSplit gives the calendar the height of all its rows, as far as
// the screen allows, and the list below it the rest: in two equal halves
// the last kinds (民主评议, 谈心谈话) were under the scroll bar or needed an
// inner scroll while the list had room to spare (review s6-look #2, #15).
// Its least size is that of its parts, so it never widens the window.
type calendarSplit struct{ a *activitiesScreen }

// calendarHeight is the height that shows the header and every row whole
// with the horizontal scroll bar below the last.
func (c *calendarSplit) calendarHeight() float32 {
	t := c.a.calendar
	row := t.CreateCell().MinSize().Height
	head := t.CreateHeader().MinSize().Height
	row = max(row, head)
	return head + float32(len(c.a.calKinds))*(row+theme.Padding()) + theme.ScrollBarSize()
}

func (c *calendarSplit) MinSize(objs []fyne.CanvasObject) fyne.Size {
	cal, part := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(cal.Width, part.Width), cal.Height+theme.Padding()+part.Height)
}

func (c *calendarSplit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	h := min(c.calendarHeight(), size.Height-pad-objs[1].MinSize().Height)
	h = max(h, objs[0].MinSize().Height)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, h))
	objs[1].Move(fyne.NewPos(0, h+pad))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-h-pad))
}

// sizeCalendar makes the columns as wide as the words they show in the UI
// language: the kinds, and the statuses with a quarter's name before them.
func (a *activitiesScreen) sizeCalendar() {
	var kinds []string
	for _, k := range model.ActivityKinds {
		for _, p := range lecturePeriods {
			kinds = append(kinds, valueText(string(k))+"（"+lang.L(p.String())+"）")
		}
	}
	first := max(textColumn{chars: 8}.width(), wordsWidth(kinds...))
	a.calendar.SetColumnWidth(0, first)
	var cells []string
	for _, st := range []model.SlotStatus{model.SlotFuture, model.SlotOpen, model.SlotDueSoon, model.SlotHeld, model.SlotMissing, model.SlotNotTracked} {
		cells = append(cells, lang.L(st.String()), lang.L("{{.M}}月", map[string]any{"M": 12}))
	}
	for c := 1; c <= 12; c++ {
		a.calendar.SetColumnWidth(c, max(textColumn{chars: 4.5}.width(), wordsWidth(cells...)))
	}
}

// kindHeading is a calendar row's heading: the kind and how often it is
// required, as the year's slots of that kind say.
func (a *activitiesScreen) kindHeading(k model.ActivityKind) string {
	for _, s := range a.report.Calendar.Slots {
		if s.Kind == k {
			return valueText(string(k)) + lang.L("（") + lang.L(s.Period.String()) + lang.L("）")
		}
	}
	return valueText(string(k))
}

// showCalendar brings the compliance calendar to the front.
func (a *activitiesScreen) showCalendar() { a.tabs.SelectIndex(2) }

// flagged are the members with a warning or worse.
func (a *activitiesScreen) flagged() []model.MemberParticipation {
	var out []model.MemberParticipation
	for _, p := range a.report.Participation {
		if p.Severity != model.Info {
			out = append(out, p)
		}
	}
	return out
}

// slot finds the calendar slot of kind covering month: the month's own, or
// the quarter's or year's shown in its last month.
func (a *activitiesScreen) slot(kind model.ActivityKind, m time.Month) *model.Slot {
	for i := range a.report.Calendar.Slots {
		s := &a.report.Calendar.Slots[i]
		if s.Kind != kind {
			continue
		}
		if s.From.Month <= m && m <= s.To.Month && (s.Period == model.Monthly || s.To.Month == m) {
			return s
		}
	}
	return nil
}

// sharedCompliance is whether the calendar shown is the one the shell works
// out once per data change (see checks): the current year's. Another year's
// is worked out here, when the screen reloads.
func (a *activitiesScreen) sharedCompliance() bool {
	return a.year == a.sh.svc.today().Year
}

func (a *activitiesScreen) refreshCalendar() {
	c := a.sh.checks
	switch {
	case !a.sharedCompliance() || (c != nil && c.complianceYear != a.year):
		// Another year's, or the year turned since the checks ran.
		r, err := a.svc.Compliance(a.year)
		if err != nil {
			a.sh.showError("计算合规日历", err)
			return
		}
		a.report = r
	case c == nil || a.sh.checking():
		return // keeps what it shows until the new calendar arrives
	case c.complianceFailed:
		a.report = model.ComplianceReport{} // the failure was reported once
	default:
		a.report = c.compliance
	}
	r := a.report
	if r.Calendar.Since.IsZero() {
		a.since.Hide()
	} else {
		a.since.SetText(lang.L("本台账的活动记录自{{.Date}}起；此前没有记录的期间标为“建账前”，不计为缺失；补录的此前活动计入其所在的期间。",
			map[string]any{"Date": a.sh.longDate(r.Calendar.Since)}))
		a.since.Show()
	}
	a.calKinds = a.calKinds[:0]
	seen := map[model.ActivityKind]bool{}
	for _, s := range r.Calendar.Slots {
		if !seen[s.Kind] {
			seen[s.Kind] = true
			a.calKinds = append(a.calKinds, s.Kind)
		}
	}
	a.calendar.Refresh()
	a.partTable.Refresh()
	if a.calendarBox != nil {
		a.calendarBox.Refresh() // the kinds' rows may have come or gone
	}
	if a.scrollCalendar != nil && a.calendarYear != a.year {
		a.calendarYear = a.year
		a.scrollCalendar()
	}
}

func kindNames() []string {
	out := make([]string, len(model.ActivityKinds))
	for i, k := range model.ActivityKinds {
		out[i] = string(k)
	}
	return out
}

// safeName strips what Windows refuses in a file name.
func safeName(s string) string {
	return unsafeInFileName.ReplaceAllString(strings.TrimSpace(s), "")
}

// monthName is "3月" in Chinese, "Mar" in English: short enough for the
// twelve columns of a year.
func monthName(m int) string {
	if m < 1 || m > 12 {
		return lang.L("{{.M}}月", map[string]any{"M": m})
	}
	return lang.L(monthKeys[m-1])
}

// monthKeys are the months as the translation files name them.
var monthKeys = []string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"}
