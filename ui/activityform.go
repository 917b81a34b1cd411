package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// activityForm is the 新建活动 / 修改记录 form: the record's fields, the
// attendance grid built from the roster as it stood on the date, the
// resolutions with their votes, the attachments to add, and the quorum and
// majority checks, recomputed as the secretary types.
type activityForm struct {
	sc    *activitiesScreen
	act   model.Activity
	rules model.RuleContext // loaded once: the record is checked at every change
	dlg   dialog.Dialog

	kind                         *widget.Select
	date, start, end, place      *widget.Entry
	topic, chair, recorder, obsv *widget.Entry
	content                      *widget.Entry
	attendance                   *widget.List
	counts, checks, problems     *widget.Label
	resolutions                  *fyne.Container
	resRows                      []*resolutionRow // in the order of resolutions
	files                        *widget.Label
	save                         *widget.Button
}

func (a *activitiesScreen) openForm(act model.Activity) {
	rules, err := a.svc.RuleContext()
	if err != nil {
		a.sh.showError("读取活动记录", err)
		return
	}
	f := &activityForm{sc: a, act: act, rules: rules}
	a.form = f
	f.kind = widget.NewSelect(kindNames(), func(string) { f.reloadDue() })
	f.date = widget.NewEntry()
	f.date.SetPlaceHolder(datePlaceholder)
	f.date.SetText(act.Date.String())
	f.date.OnChanged = func(string) { f.reloadDue() }
	entry := func(text, hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(hint)
		return e
	}
	f.start, f.end = entry(act.Start, "14:30"), entry(act.End, "16:00")
	f.place, f.topic = entry(act.Place, ""), entry(act.Topic, "")
	f.chair, f.recorder, f.obsv = entry(act.Chair, ""), entry(act.Recorder, ""), entry(act.Observers, "")
	f.content = widget.NewMultiLineEntry()
	f.content.SetText(act.Content)
	f.content.Wrapping = fyne.TextWrapWord
	f.content.SetMinRowsVisible(6)
	f.counts, f.checks, f.problems = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	f.checks.Wrapping, f.problems.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	f.problems.Importance = widget.DangerImportance

	f.attendance = widget.NewList(func() int { return len(f.act.Attendance) },
		func() fyne.CanvasObject {
			status := widget.NewRadioGroup([]string{string(model.Present), string(model.OnLeave), string(model.Absent)}, nil)
			status.Horizontal = true
			reason := widget.NewEntry()
			reason.SetPlaceHolder(lang.L("请假或缺席原因"))
			return container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("某某某某"), status), nil, reason)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			reason := row.Objects[0].(*widget.Entry)
			left := row.Objects[1].(*fyne.Container)
			status := left.Objects[1].(*widget.RadioGroup)
			r := &f.act.Attendance[id]
			left.Objects[0].(*widget.Label).SetText(r.Name)
			status.OnChanged = nil
			status.SetSelected(string(r.Status))
			status.OnChanged = func(s string) {
				if s == "" { // a radio group lets a tap clear it; keep a status
					status.SetSelected(string(f.act.Attendance[id].Status))
					return
				}
				f.act.Attendance[id].Status = model.Attendance(s)
				f.recheck()
			}
			reason.OnChanged = nil
			reason.SetText(r.Reason)
			reason.OnChanged = func(s string) { f.act.Attendance[id].Reason = s }
		})

	f.resolutions = container.NewVBox()
	for _, r := range act.Resolutions {
		f.addResolution(r)
	}
	addRes := widget.NewButtonWithIcon(lang.L("添加决议"), theme.ContentAddIcon(), func() { f.addResolution(model.Resolution{Voted: true}) })
	f.files = widget.NewLabel("")
	addFile := widget.NewButtonWithIcon(lang.L("添加附件"), theme.ContentAddIcon(), func() {
		a.chooseAttachment(func(path string) {
			at, err := a.svc.ReadAttachment(path)
			if err != nil {
				a.sh.showError("添加附件", err)
				return
			}
			f.act.Attachments = append(f.act.Attachments, at)
			f.showFiles()
		})
	})
	f.showFiles()

	f.save = widget.NewButtonWithIcon(lang.L("保存"), theme.DocumentSaveIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("取消"), func() { f.dlg.Hide() })

	fields := container.NewVBox(
		container.NewGridWithColumns(4, labelled("活动类型", f.kind), labelled("日期", f.date), labelled("开始时间", f.start), labelled("结束时间", f.end)),
		container.NewGridWithColumns(4, labelled("地点", f.place), labelled("主持人", f.chair), labelled("记录人", f.recorder), labelled("列席人员", f.obsv)),
		labelled("议题", f.topic),
		labelled("会议内容", f.content),
		container.NewBorder(nil, nil, heading("决议"), addRes), f.resolutions,
		container.NewBorder(nil, nil, heading("附件"), addFile), f.files,
	)
	attendance := container.NewBorder(container.NewVBox(heading("出席情况"), f.counts), container.NewVBox(f.checks), nil, nil, f.attendance)
	body := container.NewHSplit(container.NewVScroll(fields), attendance)
	body.Offset = 0.55
	title := lang.L("新建活动")
	if act.ID != 0 {
		title = lang.L("修改记录") + "：" + act.Title()
	}
	f.dlg = dialog.NewCustomWithoutButtons(title,
		container.NewBorder(nil, container.NewVBox(f.problems, container.NewHBox(f.save, cancel)), nil, nil, body), a.sh.win)
	f.dlg.Resize(fyne.NewSize(1180, 640))
	// Set last: it loads the attendance grid for the kind and date.
	f.kind.SetSelected(string(act.Kind))
	f.recheck()
	f.dlg.Show()
}

// reloadDue rebuilds the attendance grid for the kind and date typed,
// keeping what was already marked for members still due.
func (f *activityForm) reloadDue() {
	if f.kind == nil || f.date == nil {
		return
	}
	d, err := model.ParseDate(f.date.Text)
	if err != nil || d.IsZero() || d.MonthOnly() {
		return
	}
	due, err := f.sc.svc.DueMembers(model.ActivityKind(f.kind.Selected), d)
	if err != nil {
		f.sc.sh.showError("读取党员名单", err)
		return
	}
	was := make(map[int64]model.AttendanceRow, len(f.act.Attendance))
	for _, r := range f.act.Attendance {
		was[r.MemberID] = r
	}
	rows := model.NewAttendance(due)
	for i := range rows {
		if r, ok := was[rows[i].MemberID]; ok {
			rows[i] = r
		}
	}
	f.act.Attendance = rows
	f.attendance.Refresh()
	f.recheck()
}

// resolutionRow is one resolution's line of the form.
type resolutionRow struct {
	box              *fyne.Container
	text             *widget.Entry
	voted, election  *widget.Check
	yes, no, abstain *widget.Entry
}

func (f *activityForm) addResolution(r model.Resolution) {
	row := &resolutionRow{text: widget.NewEntry()}
	row.text.SetPlaceHolder(lang.L("决议内容"))
	row.text.SetText(r.Text)
	row.voted = widget.NewCheck(lang.L("表决"), func(bool) { f.recheck() })
	row.voted.SetChecked(r.Voted)
	// 选举: the quorum check then asks for more than four fifths present.
	row.election = widget.NewCheck(lang.L("选举"), func(bool) { f.recheck() })
	row.election.SetChecked(r.Election)
	num := func(n int) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(countText(n))
		e.OnChanged = func(string) { f.recheck() }
		return e
	}
	row.yes, row.no, row.abstain = num(r.Yes), num(r.No), num(r.Abstain)
	votes := container.NewHBox(row.voted, row.election, widget.NewLabel(lang.L("赞成")), row.yes,
		widget.NewLabel(lang.L("反对")), row.no, widget.NewLabel(lang.L("弃权")), row.abstain)
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		f.resolutions.Remove(row.box)
		f.resRows = slices.DeleteFunc(f.resRows, func(x *resolutionRow) bool { return x == row })
		f.recheck()
	})
	row.box = container.NewBorder(nil, nil, nil, container.NewHBox(votes, remove), row.text)
	f.resRows = append(f.resRows, row)
	f.resolutions.Add(row.box)
	f.recheck()
}

// resolutionsTyped reads the resolution rows; a count that is not a whole
// number reads as -1, which validation refuses with a message.
func (f *activityForm) resolutionsTyped() []model.Resolution {
	n := func(e *widget.Entry) int {
		v, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			return -1
		}
		return v
	}
	var out []model.Resolution
	for _, r := range f.resRows {
		out = append(out, model.Resolution{Text: r.text.Text, Voted: r.voted.Checked, Election: r.election.Checked,
			Yes: n(r.yes), No: n(r.no), Abstain: n(r.abstain)})
	}
	return out
}

// typed is the record as the form holds it now.
func (f *activityForm) typed() model.Activity {
	a := f.act
	a.Kind = model.ActivityKind(f.kind.Selected)
	a.Date, _ = model.ParseDate(f.date.Text)
	a.Start, a.End, a.Place, a.Topic = f.start.Text, f.end.Text, f.place.Text, f.topic.Text
	a.Chair, a.Recorder, a.Observers, a.Content = f.chair.Text, f.recorder.Text, f.obsv.Text, f.content.Text
	a.Resolutions = f.resolutionsTyped()
	return a
}

// recheck shows the derived counts and the quorum and majority messages.
func (f *activityForm) recheck() {
	if f.checks == nil || f.kind == nil {
		return
	}
	a := f.typed()
	c := a.Counts()
	f.counts.SetText(lang.L("应到 {{.Due}} 人，实到 {{.Present}} 人，请假 {{.Leave}} 人，缺席 {{.Absent}} 人",
		map[string]any{"Due": c.Due, "Present": c.Present, "Leave": c.Leave, "Absent": c.Absent}))
	checks := f.rules.Check(&a)
	var lines []string
	f.checks.Importance = widget.SuccessImportance
	for _, ch := range checks {
		mark := "✔ "
		if !ch.OK {
			mark = "✘ "
			f.checks.Importance = widget.DangerImportance
		}
		lines = append(lines, mark+ch.Message)
	}
	f.checks.SetText(strings.Join(lines, "\n"))
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
	a := f.typed()
	if _, err := model.ParseDate(f.date.Text); err != nil {
		f.problems.SetText(err.Error())
		return
	}
	saved, err := f.sc.svc.SaveActivity(a)
	if err != nil {
		var verrs model.ValidationErrors
		if errors.As(err, &verrs) {
			f.problems.SetText(verrs.Error())
			return
		}
		f.sc.sh.showError("保存活动记录", err)
		return
	}
	f.dlg.Hide()
	f.sc.sh.dataChanged()
	f.sc.openView(saved.ID)
}

// labelled puts a label over an input, for the activity form's compact grid.
func labelled(label string, input fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(lang.L(label))
	l.TextStyle.Bold = true
	return container.NewBorder(l, nil, nil, nil, input)
}
