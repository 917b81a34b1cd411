package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// eventDialog records a membership event (转出, 死亡, 出党, 停止党籍, 恢复党籍,
// 转入) for one member. Only the kinds that apply to the member are offered;
// model's Apply checks the rest before anything is written.
type eventDialog struct {
	sh     *shell
	m      model.Member
	dlg    dialog.Dialog
	kind   *widget.Select
	date   *widget.Entry
	note   *widget.Entry
	msg    *widget.Label
	record *widget.Button
	// touched is set once date or note is edited: until then a missing
	// note is shown by the entry's hint, not as an error.
	touched bool
}

func showEventDialog(sh *shell, m model.Member) *eventDialog {
	d := &eventDialog{sh: sh, m: m}
	d.kind = widget.NewSelect(selectOptions(model.AvailableEvents(&m)...), func(string) { d.check() })
	d.kind.PlaceHolder = lang.L("请选择")
	d.date = newDateEntry()
	d.date.SetText(sh.svc.today().String())
	d.date.OnChanged = func(string) { d.touched = true; d.check() }
	d.note = widget.NewEntry()
	d.note.OnChanged = func(string) { d.touched = true; d.check() }
	d.msg = newMessage()
	d.record = widget.NewButton(lang.L("登记"), d.submit)
	d.record.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("取消"), func() { d.dlg.Hide() })

	form := formColumns(1, []*formCell{newCell("事项", d.kind), newCell("日期", d.date), newCell("说明", d.note)})
	intro := widget.NewLabel(lang.L("为 {{.Name}} 登记组织关系变动。", map[string]any{"Name": m.Name}))
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, d.record))
	body := container.NewBorder(intro, container.NewVBox(d.msg, buttons), nil, nil, form)
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("登记变动"), body, sh.win)
	d.dlg.Resize(fyne.NewSize(560, 320))
	d.check()
	d.dlg.Show()
	return d
}

// event reads the dialog into an event and checks it against the member as
// model.MembershipEvent.Apply would in the store; "" means it can be saved.
func (d *eventDialog) event() (model.MembershipEvent, string) {
	if d.kind.Selected == "" {
		return model.MembershipEvent{}, lang.L("请选择要登记的事项")
	}
	kind := model.EventKind(d.kind.Selected)
	d.note.SetPlaceHolder(kind.NoteHint())
	date, err := model.ParseDate(d.date.Text)
	if err != nil {
		return model.MembershipEvent{}, err.Error()
	}
	e := model.MembershipEvent{MemberID: d.m.ID, Kind: kind, Date: date, Note: strings.TrimSpace(d.note.Text)}
	m := d.m
	if err := e.Apply(&m, d.sh.svc.today()); err != nil {
		return e, err.Error()
	}
	return e, ""
}

func (d *eventDialog) check() {
	_, problem := d.event()
	setEnabled(d.record, problem == "")
	// Before a kind is chosen, or anything typed, nothing is wrong yet.
	if d.kind.Selected == "" || !d.touched {
		problem = ""
	}
	setMessage(d.msg, problem)
}

func (d *eventDialog) submit() {
	e, problem := d.event()
	if problem != "" {
		return
	}
	if !e.Kind.LeavesRoster() {
		d.save(e)
		return
	}
	d.sh.confirm(lang.L("确认登记“{{.Kind}}”", map[string]any{"Kind": string(e.Kind)}),
		lang.L("登记后，{{.Name}}将离开在册党员名单。不会删除任何记录：其信息和历史仍可在花名册的“已离开”中查看。", map[string]any{"Name": d.m.Name}),
		func() { d.save(e) })
}

func (d *eventDialog) save(e model.MembershipEvent) {
	if _, err := d.sh.svc.Roster.RecordEvent(e); err != nil {
		d.sh.showError("登记变动", err)
		return
	}
	d.dlg.Hide()
	d.sh.dataChanged()
}
