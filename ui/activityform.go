package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// activityForm is the 新建活动 / 修改记录 form: the record's fields, the
// resolutions with their votes and the attachments on one tab; on the
// other, the attendance grid built from the roster as it stood on the date,
// compact enough for a whole branch, with 全部出席 and the exceptions
// marked after, and under it the members from elsewhere (流入党员) to tick
// as non-voting attendees (列席), who never change 应到 or 实到. The
// quorum and majority checks stay in view under both.
type activityForm struct {
	sc    *activitiesScreen
	act   model.Activity
	rules model.RuleContext // loaded once: the record is checked at every change
	dlg   *kit.FormDialog
	form  *kit.Form

	kind                         *kit.Select
	date                         *kit.DateEntry
	start, end, place            *kit.Entry
	topic, chair, recorder, obsv *kit.Entry
	content                      *kit.Entry
	fields                       map[model.Field]*kit.Field
	tabs                         *container.AppTabs
	attendanceTab                *container.TabItem
	attendance                   *widget.GridWrap
	guests                       *fyne.Container // one check per member from elsewhere offered
	guestsNote                   *kit.WrapLabel
	counts                       *widget.Label
	problems                     *kit.WrapLabel
	checks                       *checkLines
	resolutions                  *fyne.Container
	resRows                      []*resolutionRow // in the order of resolutions
	addResButton                 *widget.Button
	files                        *kit.WrapLabel
	save                         *kit.Button
	// reasonLeft holds the attendance rows whose reason entry the user has
	// left: only those (or all, after a save attempt) are marked as missing one.
	reasonLeft map[int]bool
	markedAll  bool // the grid was refreshed to mark every row after a save attempt
	// stored is the record as saved (ID 0 for a new one): while its kind
	// and date stand, its attendance is the grid.
	stored model.Activity
	// dateTyped is a date typed since the grid was loaded: the grid is
	// loaded again when the user leaves the date (or saves), not for
	// every date the keystrokes make on the way (2026-1-1, 2026-1-12 …),
	// each a query of the store.
	dateTyped bool
}

func (a *activitiesScreen) openForm(act model.Activity) {
	rules, err := a.svc.RuleContext()
	if err != nil {
		a.sh.showError("读取活动记录", err)
		return
	}
	f := &activityForm{sc: a, act: act, rules: rules, form: kit.NewForm("保存"), fields: map[model.Field]*kit.Field{}, reasonLeft: map[int]bool{}, stored: act}
	f.stored.Attendance = slices.Clone(act.Attendance)
	a.form = f
	f.save = f.form.Save
	f.form.Ask = a.sh.confirmDiscard
	f.form.OnSubmit = f.submit
	f.kind = kit.NewChoice(kindNames(), func(string) { f.reloadDue() })
	f.date = newDateEntry(a.sh).NeedDay()
	f.date.OnChanged = func(string) { f.dateTyped = true }
	f.date.OnLeft = f.dateLeft
	entry := func(hint string) *kit.Entry {
		e := kit.NewEntry()
		e.SetPlaceHolder(hint)
		return e
	}
	f.start, f.end = entry("14:30"), entry("16:00")
	f.place, f.topic = entry(""), entry("")
	f.chair, f.recorder, f.obsv = entry(""), entry(""), entry("")
	f.content = kit.NewMultiLineEntry()
	f.content.SetMinRowsVisible(6)
	f.counts, f.checks, f.problems = widget.NewLabel(""), newCheckLines(), kit.NewWrapLabel("")
	f.problems.Importance = widget.DangerImportance

	add := func(field model.Field, label string, input fyne.CanvasObject) *kit.Field {
		fd := f.form.Add(label, input)
		f.fields[field] = fd
		return fd
	}
	kindF := add(model.ActivityKindField, "活动类型", f.kind)
	dateF := add(model.ActivityDateField, "日期", f.date)
	startF := add(model.ActivityStartField, "开始时间", f.start)
	endF := add(model.ActivityEndField, "结束时间", f.end)

	placeF := add(model.ActivityPlaceField, "地点", f.place)
	chairF := add(model.ActivityChairField, "主持人", f.chair)
	recorderF := add(model.ActivityRecorderField, "记录人", f.recorder)
	obsvF := add(model.ActivityObserversField, "列席人员", f.obsv)
	topicF := add(model.ActivityTopicField, "议题", f.topic)
	contentF := add(model.ActivityContentField, "会议内容", f.content)
	f.form.Check = f.check

	f.attendance = widget.NewGridWrap(func() int { return len(f.act.Attendance) }, f.newAttendanceCell, f.updateAttendanceCell)
	allPresent := widget.NewButtonWithIcon(lang.L("全部出席"), theme.ConfirmIcon(), f.markAllPresent)

	f.resolutions = container.NewVBox()
	f.addResButton = widget.NewButtonWithIcon(lang.L("添加决议"), theme.ContentAddIcon(), func() {
		f.addResolution(model.Resolution{Voted: true})
		f.form.MarkChanged()
	})
	f.files = kit.NewWrapLabel("")
	addFile := widget.NewButtonWithIcon(lang.L("添加附件"), theme.ContentAddIcon(), func() {
		a.chooseAttachment(func(path string) {
			at, err := a.svc.ReadAttachment(path)
			if err != nil {
				a.sh.showError("添加附件", err)
				return
			}
			f.act.Attachments = append(f.act.Attachments, at)
			f.showFiles()
			f.form.MarkChanged()
		})
	})

	fields := container.NewVBox(
		f.form.Grid(2, kindF, dateF, startF, endF, placeF, chairF, recorderF, obsvF),
		f.form.Stacked(topicF, contentF),
		container.NewBorder(nil, nil, heading("决议"), f.addResButton), f.resolutions,
		container.NewBorder(nil, nil, heading("附件"), addFile), f.files,
	)
	hint := kit.NewWrapLabel(lang.L("先点“全部出席”，再把请假、缺席的人改过来并填写原因。"))
	f.guests = container.NewGridWrap(fyne.NewSize(0, 0))
	f.guestsNote = kit.NewWrapLabel("")
	guests := container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, heading("列席（流入党员）"), nil, f.guestsNote), f.guests)
	attendance := container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, nil, allPresent, f.counts), hint),
		container.NewVBox(guests, f.problems), nil, nil, f.attendance)
	f.attendanceTab = container.NewTabItem(lang.L("出席情况"), attendance)
	f.tabs = container.NewAppTabs(container.NewTabItem(lang.L("活动内容"), kit.NewScroll(fields)), f.attendanceTab)

	title := lang.L("新建活动")
	if act.ID != 0 {
		title = lang.L("修改记录") + lang.L("：") + kit.Say(act.TitleText())
	}
	f.form.Load(func() {
		f.date.SetDate(act.Date)
		f.start.SetText(act.Start)
		f.end.SetText(act.End)
		f.place.SetText(act.Place)
		f.topic.SetText(act.Topic)
		f.chair.SetText(act.Chair)
		f.recorder.SetText(act.Recorder)
		f.obsv.SetText(act.Observers)
		f.content.SetText(act.Content)
		for _, r := range act.Resolutions {
			f.addResolution(r)
		}
		f.showFiles()
		// Set last: it loads the attendance grid for the kind and date.
		f.kind.SetValue(string(act.Kind))
	})
	if act.ID != 0 {
		f.form.ShowAll()
	}
	body := container.NewBorder(nil, f.checks, nil, nil, f.tabs)
	f.dlg = showActivityDialog(a.sh.win, title, f.form, body)
	f.recheck()
}

// showActivityDialog is kit.ShowForm without its scroll: the tabs scroll
// their own content, and the attendance grid needs the wheel for itself.
func showActivityDialog(win fyne.Window, title string, form *kit.Form, body fyne.CanvasObject) *kit.FormDialog {
	return kit.ShowFormUnscrolled(win, title, form, body, fyne.NewSize(1320, 700))
}

// newAttendanceCell is the template of a member's cell: name, status,
// and the reason entry that only 请假 and 缺席 show.
func (f *activityForm) newAttendanceCell() fyne.CanvasObject {
	name := widget.NewLabel("某某某某")
	name.Truncation = fyne.TextTruncateEllipsis
	status := kit.NewSelect(attendanceChoices(), nil)
	reason := kit.NewEntry()
	reason.SetPlaceHolder(lang.L("原因"))
	unit := fyne.MeasureText("党", theme.TextSize(), fyne.TextStyle{}).Width
	// The reason takes about 12 characters (出差外地参加行业展会 and more).
	reasonBox := container.NewGridWrap(fyne.NewSize(reasonChars*unit+4*theme.InnerPadding(), reason.MinSize().Height), reason)
	// Enter in a reason saves the record, Esc cancels, as in the form's
	// own fields (review s5-8 newuser #1).
	f.form.Attach(status, reason)
	return container.NewBorder(nil, nil,
		container.NewGridWrap(fyne.NewSize(4.5*unit+2*theme.InnerPadding(), name.MinSize().Height), name),
		reasonBox, status)
}

// reasonChars is how many Chinese characters the reason entry shows.
const reasonChars = 12

// reasonMissing reports whether a row on leave or absent has no reason yet.
func (f *activityForm) reasonMissing(r model.AttendanceRow) bool {
	return (r.Status == model.OnLeave || r.Status == model.Absent) && strings.TrimSpace(r.Reason) == ""
}

// attendanceChoices are the statuses in the UI language.
func attendanceChoices() []string {
	out := make([]string, len(model.Attendances))
	for i, s := range model.Attendances {
		out[i] = lang.L(string(s))
	}
	return out
}

func (f *activityForm) updateAttendanceCell(id widget.GridWrapItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	status := row.Objects[0].(*kit.Select)
	name := row.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	reason := row.Objects[2].(*fyne.Container).Objects[0].(*kit.Entry)
	r := &f.act.Attendance[id]
	name.SetText(r.Name)
	// A row still missing its reason is marked once the user has left its
	// reason entry (or tried to save); the form's footer counts them.
	name.Importance = widget.MediumImportance
	if f.reasonMissing(*r) && (f.reasonLeft[id] || f.form.Submitted()) {
		name.Importance = widget.DangerImportance
		name.SetText("✘ " + r.Name)
	}
	name.Refresh()
	reason.OnLeft = func() {
		if !f.reasonLeft[id] {
			f.reasonLeft[id] = true
			f.attendance.RefreshItem(id)
		}
	}
	status.OnChanged = nil
	status.SetSelectedIndex(slices.Index(model.Attendances, r.Status))
	status.OnChanged = func(string) {
		i := status.SelectedIndex()
		if i < 0 || id >= len(f.act.Attendance) {
			return
		}
		f.act.Attendance[id].Status = model.Attendances[i]
		if model.Attendances[i] == model.Present {
			f.act.Attendance[id].Reason = ""
		}
		f.attendance.RefreshItem(id)
		f.form.MarkChanged()
		f.recheck()
	}
	reason.OnChanged = nil
	reason.SetText(r.Reason)
	reason.OnChanged = func(s string) {
		f.act.Attendance[id].Reason = s
		f.form.MarkChanged()
		f.recheck()
	}
	if r.Status == model.Present {
		reason.Hide()
	} else {
		reason.Show()
	}
}

// markAllPresent marks everyone present; the secretary then changes the
// few who were not.
func (f *activityForm) markAllPresent() {
	for i := range f.act.Attendance {
		f.act.Attendance[i].Status, f.act.Attendance[i].Reason = model.Present, ""
	}
	f.attendance.Refresh()
	f.form.MarkChanged()
	f.recheck()
}

// dateLeft loads the grid for a date typed since it was loaded.
func (f *activityForm) dateLeft() {
	if f.dateTyped {
		f.reloadDue()
	}
}

// reloadDue rebuilds the attendance grid for the kind and date typed,
// keeping what was already marked for members still due.
func (f *activityForm) reloadDue() {
	if f.kind == nil || f.date == nil || f.attendance == nil {
		return
	}
	f.dateTyped = false
	d, err := f.date.Date()
	if err != nil || d.IsZero() || d.MonthOnly() {
		return
	}
	kind := model.ActivityKind(f.kind.Value())
	if f.stored.ID != 0 && kind == f.stored.Kind && d == f.stored.Date {
		// A saved record's attendance is its minutes: someone who came
		// onto the roster since must not appear as 出席 because the
		// record was opened to fix a typo.
		f.act.Attendance = slices.Clone(f.stored.Attendance)
		f.attendance.Refresh()
		f.reloadGuests(d)
		f.recheck()
		return
	}
	due, err := f.sc.svc.DueMembers(kind, d)
	if err != nil {
		f.sc.sh.showError("读取党员名单", err)
		return
	}
	was := make(map[int64]model.AttendanceRow, len(f.act.Attendance))
	for _, r := range f.act.Attendance {
		was[r.MemberID] = r
	}
	mobiles, err := f.sc.svc.MobileMembers()
	if err != nil {
		f.sc.sh.showError("读取流动党员", err)
		return
	}
	rows := model.NewAttendance(due)
	model.MarkAway(rows, mobiles, d)
	for i := range rows {
		// Keep what the secretary marked; a row still as the grid
		// filled it follows the new date (away then, back now …).
		r, ok := was[rows[i].MemberID]
		if ok && !prefilled(r) {
			rows[i] = r
		}
	}
	f.act.Attendance = rows
	f.attendance.Refresh()
	f.reloadGuests(d)
	f.recheck()
}

// reloadGuests offers the members from elsewhere taking part here on d as
// guests, and keeps those already chosen, even one no longer here on d:
// unticking them is the secretary's choice, and saving says why it cannot
// stay.
func (f *activityForm) reloadGuests(d model.Date) {
	offered, err := f.sc.svc.GuestsOn(d)
	if err != nil {
		f.sc.sh.showError("读取流入党员", err)
		return
	}
	type choice struct {
		id   int64
		name string
	}
	var choices []choice
	listed := map[int64]bool{}
	for _, im := range offered {
		choices = append(choices, choice{im.ID, im.Name})
		listed[im.ID] = true
	}
	chosen := map[int64]bool{}
	for _, g := range f.act.Guests {
		chosen[g.InflowID] = true
		if !listed[g.InflowID] {
			choices = append(choices, choice{g.InflowID, g.Name})
		}
	}
	f.guests.RemoveAll()
	var cell fyne.Size
	for _, c := range choices {
		check := widget.NewCheck(c.name, func(on bool) {
			f.setGuest(c.id, c.name, on)
		})
		check.Checked = chosen[c.id]
		cell = cell.Max(check.MinSize())
		f.guests.Add(check)
	}
	f.guests.Layout = layout.NewGridWrapLayout(cell)
	f.guests.Refresh()
	f.showGuestsNote(len(choices))
}

// setGuest ticks or unticks a member from elsewhere.
func (f *activityForm) setGuest(id int64, name string, on bool) {
	i := slices.IndexFunc(f.act.Guests, func(g model.ActivityGuest) bool { return g.InflowID == id })
	switch {
	case on && i < 0:
		f.act.Guests = append(f.act.Guests, model.ActivityGuest{InflowID: id, Name: name})
	case !on && i >= 0:
		f.act.Guests = slices.Delete(f.act.Guests, i, i+1)
	default:
		return
	}
	f.showGuestsNote(len(f.guests.Objects))
	f.form.MarkChanged()
	f.recheck()
}

// showGuestsNote says how many guests are ticked and that they are not
// counted, or, with none to offer, where members from elsewhere are
// registered.
func (f *activityForm) showGuestsNote(offered int) {
	if offered == 0 {
		f.guestsNote.SetText(lang.L("这天没有在本支部参加活动的流入党员（在“组织关系 → 流入党员”中登记）。"))
		return
	}
	f.guestsNote.SetText(lang.L("已选 {{.N}} 人；列席不计入应到、实到人数，也不参加表决。", map[string]any{"N": len(f.act.Guests)}))
}

// resolutionRow is one resolution's line of the form.
type resolutionRow struct {
	box              *fyne.Container
	text             *kit.Entry
	voted, election  *widget.Check
	yes, no, abstain *kit.Entry
}

func (f *activityForm) addResolution(r model.Resolution) {
	row := &resolutionRow{text: kit.NewEntry()}
	changed := func() { f.form.MarkChanged(); f.recheck() }
	row.text.SetPlaceHolder(lang.L("决议内容"))
	row.text.SetText(r.Text)
	row.text.OnChanged = func(string) { changed() }
	row.voted = widget.NewCheck(lang.L("表决"), func(bool) { changed() })
	row.voted.SetChecked(r.Voted)
	// 选举: the quorum check then asks for more than four fifths present.
	row.election = widget.NewCheck(lang.L("选举"), func(bool) { changed() })
	row.election.SetChecked(r.Election)
	num := func(n int) *kit.Entry {
		e := kit.NewEntry()
		// No count yet is an empty field showing 0, not a "0" that a click
		// and 12 typed made "012" (review s14-newuser #13).
		e.SetPlaceHolder("0")
		if n != 0 {
			e.SetText(countText(n))
		}
		e.OnChanged = func(string) { changed() }
		return e
	}
	row.yes, row.no, row.abstain = num(r.Yes), num(r.No), num(r.Abstain)
	// Each as wide as a four-digit count: the entry's own width showed three.
	count := func(e *kit.Entry) fyne.CanvasObject {
		w := fyne.MeasureText("8888", theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.InnerPadding()
		return container.NewGridWrap(fyne.NewSize(max(w, e.MinSize().Width), e.MinSize().Height), e)
	}
	// Enter in the resolution (often the last thing typed) saves, Esc
	// cancels, as in the form's fields (review s10-newuser8 #3).
	f.form.Attach(row.text, row.yes, row.no, row.abstain)
	votes := container.NewHBox(row.voted, row.election,
		widget.NewLabel(lang.L("赞成")), count(row.yes), widget.NewLabel(lang.L("反对")), count(row.no), widget.NewLabel(lang.L("弃权")), count(row.abstain))
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		f.resolutions.Remove(row.box)
		f.resRows = slices.DeleteFunc(f.resRows, func(x *resolutionRow) bool { return x == row })
		changed()
	})
	// The text on its own line: the votes and the check boxes do not leave
	// room for it at 1024 px.
	row.box = container.NewVBox(container.NewBorder(nil, nil, nil, remove, row.text), votes)
	f.resRows = append(f.resRows, row)
	f.resolutions.Add(row.box)
	f.recheck()
}

// resolutionsTyped reads the resolution rows; a count that is not a number
// reads as 0, and voteProblems says so.
func (f *activityForm) resolutionsTyped() []model.Resolution {
	n := func(e *kit.Entry) int {
		v, _ := model.ParseVotes(e.Text) // what does not read is said by voteProblems
		return v
	}
	var out []model.Resolution
	for _, r := range f.resRows {
		out = append(out, model.Resolution{Text: r.text.Text, Voted: r.voted.Checked, Election: r.election.Checked,
			Yes: n(r.yes), No: n(r.no), Abstain: n(r.abstain)})
	}
	return out
}

// voteProblems names each vote count typed that is not one (full-width
// digits read as digits: ３ is 3).
func (f *activityForm) voteProblems() []string {
	var out []string
	for i, r := range f.resRows {
		for _, v := range []struct {
			which string
			e     *kit.Entry
		}{{"赞成", r.yes}, {"反对", r.no}, {"弃权", r.abstain}} {
			_, err := model.ParseVotes(v.e.Text)
			data := map[string]any{"N": i + 1, "Which": lang.L(v.which), "Text": strings.TrimSpace(v.e.Text), "Max": model.MaxVotes}
			switch {
			case errors.Is(err, model.ErrTooManyVotes):
				// An extra digit: "not 0 or a positive integer" would
				// not show what is wrong with 100001.
				out = append(out, lang.L("第{{.N}}项决议的{{.Which}}票“{{.Text}}”超过 {{.Max}}，不可能是一个支部的票数，请核对", data))
			case err != nil:
				out = append(out, lang.L("第{{.N}}项决议的{{.Which}}票“{{.Text}}”不是票数（应为 0 或正整数）", data))
			}
		}
	}
	return out
}

// typed is the record as the form holds it now.
func (f *activityForm) typed() model.Activity {
	a := f.act
	a.Kind = model.ActivityKind(f.kind.Value())
	a.Date, _ = f.date.Date()
	a.Start, a.End = model.NormalizeClock(f.start.Text), model.NormalizeClock(f.end.Text)
	a.Place, a.Topic = f.place.Text, f.topic.Text
	a.Chair, a.Recorder, a.Observers, a.Content = f.chair.Text, f.recorder.Text, f.obsv.Text, f.content.Text
	a.Resolutions = f.resolutionsTyped()
	return a
}

// check is the form's whole-record check: model's rules by field; the
// attendance's and the resolutions' problems go under the grid and the
// resolutions, and beside 保存 as one line each.
func (f *activityForm) check(report func(*kit.Field, string)) {
	if f.attendance == nil {
		return
	}
	a := f.typed()
	if _, err := f.date.Date(); err != nil {
		report(f.fields[model.ActivityDateField], kit.SayErr(err))
	}
	var att, res []string
	missing := 0
	for _, r := range a.Attendance {
		if f.reasonMissing(r) {
			missing++
		}
	}
	for _, e := range f.rules.Validate(&a, f.sc.sh.svc.today()) {
		switch e.Field {
		case model.ActivityAttendanceField:
			if strings.HasSuffix(e.Message, "请填写原因") {
				continue // counted in one line below, marked on the row
			}
			att = append(att, kit.SayProblem(e))
		case model.ActivityResolutionField:
			res = append(res, kit.SayProblem(e))
		default:
			report(f.fields[e.Field], kit.SayProblem(e))
		}
	}
	res = append(f.voteProblems(), res...)
	f.problems.SetText(strings.Join(append(att, res...), "\n"))
	if len(att) > 0 {
		report(nil, lang.L("出席情况：")+att[0])
	}
	if missing > 0 {
		report(nil, lang.N("{{.N}} 人尚需填写请假或缺席原因", missing, map[string]any{"N": missing}))
	}
	if f.form.Submitted() && !f.markedAll {
		f.markedAll = true
		f.attendance.Refresh()
	}
	if len(res) > 0 {
		report(nil, res[0])
	}
}

// recheck shows the derived counts and the quorum and majority messages.
func (f *activityForm) recheck() {
	if f.checks == nil || f.kind == nil || f.attendanceTab == nil {
		return
	}
	a := f.typed()
	c := a.Counts()
	f.counts.SetText(lang.L("应到 {{.Due}} 人，实到 {{.Present}} 人，请假 {{.Leave}} 人，缺席 {{.Absent}} 人",
		map[string]any{"Due": c.Due, "Present": c.Present, "Leave": c.Leave, "Absent": c.Absent}))
	f.attendanceTab.Text = lang.L("出席情况（实到 {{.Present}}/应到 {{.Due}}）", map[string]any{"Present": c.Present, "Due": c.Due})
	f.tabs.Refresh()
	checks := append(f.rules.Check(&a), f.rules.CommitteeRollChecks(&a)...)
	f.checks.set(append(checks, a.OfficerChecks()...))
	f.form.Refresh()
}

func (f *activityForm) showFiles() {
	var names []string
	for _, at := range f.act.Attachments {
		names = append(names, at.Name)
	}
	if len(names) == 0 {
		f.files.SetText(lang.L("尚未添加照片或签到表（jpg、png、pdf，每个不超过{{.MB}} MB）", map[string]any{"MB": model.MaxAttachmentBytes >> 20}))
		return
	}
	f.files.SetText(strings.Join(names, "、"))
}

func (f *activityForm) submit() {
	f.dateLeft() // Enter in the date saves without leaving it
	a := f.typed()
	if officers := a.OfficerChecks(); len(officers) > 0 {
		// A chair the roll marks absent is a contradiction the secretary
		// may still mean (a roll corrected later): asked, not refused.
		says := make([]string, len(officers))
		for i, c := range officers {
			says[i] = kit.Say(c.Text)
		}
		f.sc.sh.confirm(lang.L("主持人、记录人的出席情况"),
			strings.Join(says, "\n")+"\n"+lang.L("仍要保存这条记录吗？"), func() { f.store(a) })
		return
	}
	f.store(a)
}

// store saves the record (confirmed, if it had to be).
func (f *activityForm) store(a model.Activity) {
	before := numbered(f.sc.svc, a.Date.Year, a.Kind)
	saved, err := f.sc.svc.SaveActivity(a)
	if err != nil {
		var verrs model.ValidationErrors
		if errors.As(err, &verrs) {
			f.form.SetError(verrs.Error())
			return
		}
		f.sc.sh.showError("保存活动记录", err)
		return
	}
	f.dlg.Hide()
	f.sc.sh.dataChanged()
	f.sc.openView(saved.ID)
	sayRenumbered(f.sc.sh.win, renumberedText(before, numbered(f.sc.svc, saved.Date.Year, saved.Kind), saved.ID))
}

// prefilled reports whether an attendance row is as the grid fills it in
// (present, or absent as away), not a mark the secretary made.
func prefilled(r model.AttendanceRow) bool {
	return (r.Status == model.Present && r.Reason == "") ||
		(r.Status == model.Absent && r.Reason == model.AwayReason)
}
