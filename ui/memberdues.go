package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// memberDuesTab is the 党费 tab of a member's page: where the member stands
// with dues — the opening position (党费已交至), the last month paid in full,
// the months paid and owed — and their months year by year, coloured as in
// the collection grid.
type memberDuesTab struct {
	d       *memberDetail
	item    *container.TabItem
	summary *kit.WrapLabel
	table   *kit.StickyTable
	edit    *widget.Button

	st           model.MemberDues
	years        []int // newest first
	cells        map[model.Month]model.MemberMonth
	form         *kit.Form // the 党费已交至 dialog last opened, and its entry, for tests
	openingEntry *kit.Entry
	scrollToNow  func()
	scrolled     bool // this month was brought into view once
}

func newMemberDuesTab(d *memberDetail) *memberDuesTab {
	t := &memberDuesTab{d: d, cells: map[model.Month]model.MemberMonth{}}
	t.summary = kit.NewWrapLabel("")
	// The year stays in view when the months scroll.
	t.table = kit.NewStickyTable(1, func() (int, int) { return len(t.years), 13 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Alignment = fyne.TextAlignCenter
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(color.Transparent), l)
		}, t.update)
	t.table.SetHeader(func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		return l
	}, func(id widget.TableCellID, o fyne.CanvasObject) {
		text := lang.L("年份")
		if id.Col > 0 {
			text = monthName(id.Col)
		}
		o.(*widget.Label).SetText(text)
	})
	t.table.OnSelected = func(widget.TableCellID) { t.table.UnselectAll() }
	// Each month as wide as the words its cells show in the UI language
	// (English "Overdue", "Pre-ledger" were cut to "Over…", "Befo…":
	// review s5-8 attack #10, newuser #11); the year stays in view when
	// the months scroll, and this month is brought into view.
	unit := fyne.MeasureText("党", theme.TextSize(), fyne.TextStyle{}).Width
	words := []string{"00000.00"}
	for _, l := range monthLooks {
		if l.word != "" {
			words = append(words, lang.L(l.word))
		}
	}
	t.table.SetColumnWidth(0, 4*unit)
	month := float32(0)
	for k := 1; k <= 12; k++ {
		month = max(month, 4.4*unit, wordsWidth(append(words, monthName(k))...))
	}
	// Whole months only at the edge, as on 收缴 (kit.StickyTable.
	// FillWhole): at 1024 px the view ended inside a month.
	atEnd := false
	fill := func() {
		today := t.d.r.sh.svc.today()
		atEnd = int(today.Month) >= 12-t.table.FillWhole(1, month, month, true)
		t.table.FillWhole(1, month, month, atEnd)
	}
	fill()
	grid, scroll := newFittingTable(t.table, fill, func() widget.TableCellID {
		if atEnd {
			return widget.TableCellID{Row: 0, Col: 12}
		}
		today := t.d.r.sh.svc.today()
		return widget.TableCellID{Row: 0, Col: min(int(today.Month)+1, 12)} // this month whole, and the next
	})
	t.scrollToNow = scroll
	t.edit = widget.NewButtonWithIcon(lang.L("党费已交至…"), theme.DocumentCreateIcon(), t.editOpening)
	top := container.NewBorder(nil, nil, nil, container.NewVBox(t.edit), t.summary)
	t.item = container.NewTabItem(lang.L("党费"), container.NewBorder(top, nil, nil, nil, grid))
	return t
}

// load reads the member's statement as of today.
func (t *memberDuesTab) load() error {
	st, err := t.d.r.sh.svc.Dues.MemberDues(t.d.id, t.d.r.sh.svc.today())
	if err != nil {
		return err
	}
	t.st = st
	t.cells = make(map[model.Month]model.MemberMonth, len(st.Months))
	t.years = t.years[:0]
	for _, c := range st.Months {
		t.cells[c.Month] = c
		if n := len(t.years); n == 0 || t.years[n-1] != c.Month.Year() {
			t.years = append(t.years, c.Month.Year())
		}
	}
	for i, j := 0, len(t.years)-1; i < j; i, j = i+1, j-1 {
		t.years[i], t.years[j] = t.years[j], t.years[i]
	}
	return nil
}

func (t *memberDuesTab) show() {
	t.summary.SetText(t.summaryText())
	t.table.Refresh()
	if !t.scrolled {
		t.scrolled = true
		t.scrollToNow()
	}
}

// summaryText says where the member stands in a sentence or two.
func (t *memberDuesTab) summaryText() string {
	st := &t.st
	var parts []string
	if st.Opening != 0 {
		parts = append(parts, lang.L("建账时登记党费已交至{{.M}}", map[string]any{"M": monthText(st.Opening)}))
	}
	if st.OwedFrom == 0 {
		parts = append(parts, lang.L("党费台账尚未建立（在“党费 → 基数”中填写基数后开始）"))
	} else {
		// From the 建账月份 the 基数 page names (or the member's own later
		// first month): not the month the ledger was set up in the app,
		// which said "本账从2026年12月起" beside 建账月份 2026年10月 once the
		// 建账月份 was moved back (s8-8-recheck new #2). Months to record
		// are the 待补录 sentence below.
		parts = append(parts, lang.L("本账从{{.M}}起计算应交党费", map[string]any{"M": monthText(st.LedgerFrom)}))
	}
	if st.PaidThrough != 0 {
		parts = append(parts, lang.L("党费交至{{.M}}", map[string]any{"M": monthText(st.PaidThrough)}))
	}
	parts = append(parts, lang.N("在本账已交{{.N}}个月，计{{.A}}元", st.PaidMonths, map[string]any{"N": st.PaidMonths, "A": st.Paid.String()}))
	if st.OwedMonths > 0 {
		parts = append(parts, lang.N("欠交{{.N}}个月，计{{.A}}元", st.OwedMonths, map[string]any{"N": st.OwedMonths, "A": st.Owed.String()}))
	} else {
		parts = append(parts, lang.L("没有欠交"))
	}
	if st.Unknown > 0 {
		parts = append(parts, lang.N("{{.N}}个月缺基数，金额未定（不算欠交）", st.Unknown, map[string]any{"N": st.Unknown}))
	}
	if st.ToRecord > 0 {
		parts = append(parts, toRecordText(st))
	}
	return sentenceCase(strings.Join(parts, lang.L("；")) + lang.L("。"))
}

// toRecordText is the 待补录 sentence of a member's statement and how to
// settle its months: recorded as payments with their real dates, and by
// “党费已交至…” only those a 党费已交至 may reach (before the 建账月份): it
// suggested “党费已交至…” for ledger months, which that dialog refuses
// (s8-8-recheck new #2).
func toRecordText(st *model.MemberDues) string {
	args := map[string]any{"N": st.ToRecord}
	if st.Entered != 0 {
		return enteredToRecordText(st, args)
	}
	switch st.ToRecordOpenable {
	case st.ToRecord:
		return lang.N("{{.N}}个月在开始用本软件记账之前，待补录（不算欠交）：已交的请在“收缴”中按实际交纳日期补录，或用“党费已交至…”登记", st.ToRecord, args)
	case 0:
		return lang.N("{{.N}}个月在开始用本软件记账之前，待补录（不算欠交）：已交的请在“收缴”中按实际交纳日期登记交纳（这些月份在本账内，不能用“党费已交至”登记）", st.ToRecord, args)
	}
	args["M"] = monthText(st.OpeningLimit)
	return lang.N("{{.N}}个月在开始用本软件记账之前，待补录（不算欠交）：已交的请在“收缴”中按实际交纳日期登记交纳；{{.M}}及以前的也可用“党费已交至…”登记", st.ToRecord, args)
}

// enteredToRecordText is toRecordText for a member entered after the
// ledger's set-up: their months are before they were entered, not before
// the app was used (review s9-8 #15).
func enteredToRecordText(st *model.MemberDues, args map[string]any) string {
	args["E"] = monthText(st.Entered)
	switch st.ToRecordOpenable {
	case st.ToRecord:
		return lang.N("{{.N}}个月在其录入本软件（{{.E}}）之前，待补录（不算欠交）：已交的请在“收缴”中按实际交纳日期补录，或用“党费已交至…”登记", st.ToRecord, args)
	case 0:
		return lang.N("{{.N}}个月在其录入本软件（{{.E}}）之前，待补录（不算欠交）：已交的请在“收缴”中按实际交纳日期登记交纳（这些月份在本账内，不能用“党费已交至”登记）", st.ToRecord, args)
	}
	args["M"] = monthText(st.OpeningLimit)
	return lang.N("{{.N}}个月在其录入本软件（{{.E}}）之前，待补录（不算欠交）：已交的请在“收缴”中按实际交纳日期登记交纳；{{.M}}及以前的也可用“党费已交至…”登记", st.ToRecord, args)
}

// openingExample is the example a 党费已交至 field shows: a month the rule
// takes, the month before the 建账月份 (start) — "如 2026-10" contradicted
// the rule for a ledger begun in October (look9 #3) — or, before the
// ledger begins, last month.
func openingExample(start model.Month, today model.Date) string {
	if start == 0 {
		return shortOpeningExample(start, today)
	}
	m := start - 1
	return lang.L("建账月份之前的月份，如{{.Dash}}", map[string]any{"Dash": m.String()})
}

// shortOpeningExample is openingExample's month alone, for the entry.
func shortOpeningExample(start model.Month, today model.Date) string {
	m := start - 1
	if start == 0 {
		m = model.MonthOfDate(today) - 1
	}
	return lang.L("如{{.Dash}}或{{.Month}}", map[string]any{"Dash": m.String(), "Month": monthText(m)})
}

// openingHint puts a 党费已交至 field's hint where it can be read whole:
// the example month in the entry, and the rule with what an empty field
// means (blank, a sentence ending) under it, wrapped. The whole hint as
// the entry's placeholder was cut at 1024×700, the English one at any
// size (issue 8, ui13 #5).
func openingHint(fd *kit.Field, entry *kit.Entry, start model.Month, today model.Date, blank string) {
	entry.SetPlaceHolder(shortOpeningExample(start, today))
	hint := kit.NewWrapLabel(sentenceCase(openingExample(start, today) + lang.L(blank)))
	hint.SizeName = theme.SizeNameCaptionText
	fd.Extra = hint
}

// sentenceCase starts an English sentence with a capital letter; Chinese
// is left as it is.
func sentenceCase(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

// monthText is a month as the screens write it: 2026年10月, Oct 2026 — the
// month's English name as findings say it (kit.Say), not "10/2026"
// (review s9-8 #10).
func monthText(m model.Month) string {
	return kit.Say(model.Textf("%s", m))
}

// monthRangeText is a run of months: 2026年1月至10月, Jan–Oct 2026. Built
// here, not by a translated template: the English drops the month numbers
// the Chinese template needs.
func monthRangeText(from, to model.Month) string {
	switch {
	case from == to:
		return monthText(from)
	case from.Year() == to.Year() && kit.English():
		return fmt.Sprintf("%s–%s %d", from.Mon().String()[:3], to.Mon().String()[:3], from.Year())
	case from.Year() == to.Year():
		return fmt.Sprintf("%d年%d月至%d月", from.Year(), int(from.Mon()), int(to.Mon()))
	}
	return lang.L("{{.A}}至{{.B}}", map[string]any{"A": monthText(from), "B": monthText(to)})
}

func (t *memberDuesTab) update(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	bg := stack.Objects[0].(*canvas.Rectangle)
	l := stack.Objects[1].(*widget.Label)
	year := t.years[id.Row]
	bg.FillColor = color.Transparent
	l.Importance = widget.MediumImportance
	text := ""
	if id.Col == 0 {
		text = strconv.Itoa(year)
	} else if c, ok := t.cells[model.MonthOf(year, 1)+model.Month(id.Col-1)]; ok {
		look := monthLooks[c.State]
		bg.FillColor = look.bg
		text = c.Amount.String() // a paid month shows what was paid
		if look.word != "" {
			text = lang.L(look.word)
		}
		if c.State == model.MonthOverdue {
			l.Importance = widget.DangerImportance
		}
	}
	bg.Refresh()
	l.SetText(text)
}

// editOpening sets or clears the member's opening position: the last month
// they paid before the ledger, on paper or at another branch.
func (t *memberDuesTab) editOpening() {
	sh := t.d.r.sh
	form := kit.NewForm("保存")
	form.Ask = sh.confirmDiscard
	entry := kit.NewEntry()
	start, _ := sh.svc.Dues.DuesLedgerStart()
	// The store's own check (before admission, inside the ledger), read
	// once, is applied when the field is left, before any 确定吗？: it
	// came only after the question was answered (review s13-attack8 #12).
	// Its answers are kept by month, as the form asks on every change.
	check, _ := sh.svc.Dues.DuesOpeningCheck()
	checked := map[model.Month]error{}
	member := t.d.m
	field := form.Add("党费已交至", entry).Validate(func(s string) string {
		m, err := model.ParseFormMonth(s)
		if err != nil {
			return kit.SayErr(err)
		}
		if m != 0 {
			if err := model.ValidateOpening(m, sh.svc.today(), model.CurrentDuesRules()); err != nil {
				return kit.SayErr(err)
			}
			if check != nil {
				err, known := checked[m]
				if !known {
					err = check(&member, m)
					checked[m] = err
				}
				if err != nil {
					return kit.SayErr(err)
				}
			}
		}
		return ""
	})
	openingHint(field, entry, start, sh.svc.today(), "；不填表示未登记")
	form.Load(func() {
		if t.st.Opening != 0 {
			entry.SetText(t.st.Opening.String())
		}
	})
	note := kit.NewWrapLabel(lang.L("党费已交至：建账（或转入本支部）之前，这名党员的党费已交到哪个月（如纸质台账或介绍信上的“党费交至”）。此后的月份按本账计算，此前的不算欠交。"))
	var dlg *kit.FormDialog
	form.OnSubmit = func() {
		m, _ := model.ParseFormMonth(entry.Text)
		save := func() {
			o := []model.DuesOpening{{MemberID: t.d.id, PaidTo: m}}
			if err := sh.svc.Dues.SaveDuesSetup(sh.svc.today().Year, nil, o, model.SourceDuesOpening); err != nil {
				form.SetServerError(field, kit.SayErr(err))
				return
			}
			dlg.Hide()
			sh.dataChanged()
		}
		// Moved earlier (or cleared), paid months become owed: asked
		// first, as 为所选党员设置 asks (review s7-8 attack #13).
		if old := t.st.Opening; model.MovesEarlier(old, old != 0, m) {
			sh.confirmAs("修改党费已交至", earlierQuestion([]model.OpeningMove{{MemberID: t.d.id, Name: t.d.m.Name, From: old, To: m}}), "确定修改", save)
			return
		}
		save()
	}
	dlg = kit.ShowForm(sh.win, lang.L("党费已交至：")+t.d.m.Name, form, container.NewVBox(note, form.Grid(1, field)), fyne.NewSize(520, 320))
	t.form, t.openingEntry = form, entry
}

// memberAttendanceTab is the 出席记录 tab of a member's page: every activity
// the member was due at, newest first, with how they stood, and how long
// they have gone without organisational life.
type memberAttendanceTab struct {
	d       *memberDetail
	item    *container.TabItem
	summary *kit.WrapLabel
	table   *widget.Table
	rows    []model.MemberAttendance
}

var memberAttendanceColumns = []textColumn{{"日期", 7, false}, {"活动记录", 16, false}, {"出席情况", 6, false}, {"原因", 14, false}}

func newMemberAttendanceTab(d *memberDetail) *memberAttendanceTab {
	t := &memberAttendanceTab{d: d}
	t.summary = kit.NewWrapLabel("")
	t.table = newTextTable(memberAttendanceColumns, func() int { return len(t.rows) }, func(row, col int) string {
		r := &t.rows[row]
		return [...]string{r.Date.String(), kit.Say(r.TitleText()), lang.L(string(r.Status)), r.Reason}[col]
	})
	t.item = container.NewTabItem(lang.L("出席记录"), container.NewBorder(t.summary, nil, nil, nil, t.table))
	return t
}

func (t *memberAttendanceTab) load() error {
	rows, err := t.d.r.sh.svc.Activities.MemberAttendance(t.d.id)
	if err != nil {
		return err
	}
	t.rows = rows
	return nil
}

func (t *memberAttendanceTab) show() {
	counts := map[model.Attendance]int{}
	for _, r := range t.rows {
		counts[r.Status]++
	}
	text := lang.L("应出席{{.N}}次：出席{{.P}}次，请假{{.L}}次，缺席{{.A}}次",
		map[string]any{"N": len(t.rows), "P": counts[model.Present], "L": counts[model.OnLeave], "A": counts[model.Absent]})
	if c := t.d.r.sh.checks; c != nil {
		if p, ok := c.participation[t.d.id]; ok && p.Months > 0 {
			text += lang.L("；自{{.D}}起已{{.N}}个月未参加组织生活", map[string]any{"D": p.Since.String(), "N": p.Months})
		}
	}
	t.summary.SetText(text + lang.L("。"))
	t.item.Text = lang.L("出席记录（{{.N}}）", map[string]any{"N": len(t.rows)})
	t.table.Refresh()
}
