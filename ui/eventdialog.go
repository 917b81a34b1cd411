package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"branchledger/model"
	"branchledger/ui/kit"
)

// eventDialog records a membership event (转出, 死亡, 出党, 停止党籍, 恢复党籍,
// 转入) for one member. Only the kinds that apply to the member are offered;
// model's Apply checks the rest before anything is written.
type eventDialog struct {
	sh     *shell
	m      model.Member
	dlg    *kit.FormDialog
	form   *kit.Form
	kind   *kit.Select
	date   *kit.DateEntry
	note   *kit.Entry
	record *kit.Button
	// kindF, dateF and noteF are the fields the checks report against.
	kindF, dateF, noteF *kit.Field
	// later caches the member's records after laterOn: the form checks on
	// every keystroke, the store is asked again only when the date changes.
	later   []model.DatedRecord
	laterOn model.Date
	laterOK bool
}

func showEventDialog(sh *shell, m model.Member) *eventDialog {
	d := &eventDialog{sh: sh, m: m, form: kit.NewForm("登记")}
	d.record = d.form.Save
	d.form.Ask = sh.confirmDiscard
	d.form.OnSubmit = d.submit
	d.kind = kit.NewChoice(selectOptions(model.AvailableEvents(&m)...), func(s string) {
		d.note.SetPlaceHolder(lang.L(model.EventKind(s).NoteHint()))
	})
	d.date = newDateEntry(sh).NeedDay()
	d.note = kit.NewEntry()
	d.kindF = d.form.Add("事项", d.kind)
	d.dateF = d.form.Add("日期", d.date)
	d.noteF = d.form.Add("说明", d.note)
	d.form.Check = d.check
	d.form.Load(func() { d.date.SetDate(sh.svc.today()) })

	intro := kit.NewWrapLabel(lang.L("为 {{.Name}} 登记组织关系变动。", map[string]any{"Name": m.Name}))
	if sh.svc.Transfers != nil {
		// Transfers have their letters: not recorded as bare events.
		intro.SetText(intro.Text + lang.L("转出请用党员页面上的“开具介绍信”，转入请在“组织关系 → 转入”中登记。"))
	}
	body := container.NewVBox(intro, d.form.Grid(1, d.kindF, d.dateF, d.noteF))
	d.dlg = kit.ShowForm(sh.win, "登记变动", d.form, body, fyne.NewSize(560, 360))
	return d
}

// event reads the dialog into an event and checks it against the member as
// model.MembershipEvent.Apply would in the store.
func (d *eventDialog) event() (model.MembershipEvent, *kit.Field, string) {
	if d.kind.Value() == "" {
		return model.MembershipEvent{}, d.kindF, lang.L("请选择要登记的事项")
	}
	kind := model.EventKind(d.kind.Value())
	date, err := d.date.Date()
	if err != nil {
		return model.MembershipEvent{}, d.dateF, err.Error()
	}
	e := model.MembershipEvent{MemberID: d.m.ID, Kind: kind, Date: date, Note: strings.TrimSpace(d.note.Text)}
	m := d.m
	if err := e.Apply(&m, d.sh.svc.today()); err != nil {
		// Apply's complaints are about the date or the note.
		if date.IsZero() || strings.Contains(err.Error(), "日期") {
			return e, d.dateF, err.Error()
		}
		return e, d.noteF, err.Error()
	}
	if kind.LeavesRoster() {
		if p := d.afterRecords(e); p != "" {
			return e, d.dateF, p
		}
	}
	return e, nil, ""
}

// afterRecords says, as RecordEvent would refuse it, a leaving date before
// the member's own later records (model.CheckLeavingAfterRecords, the rule
// 转出 follows), or "".
func (d *eventDialog) afterRecords(e model.MembershipEvent) string {
	if !d.laterOK || d.laterOn != e.Date {
		later, err := d.sh.svc.Roster.LaterRecords(d.m.ID, e.Date)
		if err != nil {
			// the store says it again on 登记
			return ""
		}
		d.later, d.laterOn, d.laterOK = later, e.Date, true
	}
	err := model.CheckLeavingAfterRecords(model.EventDateField, e.Kind, e.Date, d.m.Name, d.later)
	var verrs model.ValidationErrors
	if errors.As(err, &verrs) && len(verrs) > 0 {
		return kit.Say(verrs[0].Text)
	}
	return ""
}

func (d *eventDialog) check(report func(*kit.Field, string)) {
	if _, fd, problem := d.event(); problem != "" {
		report(fd, problem)
	}
}

func (d *eventDialog) submit() {
	e, _, problem := d.event()
	if problem != "" {
		return
	}
	if !e.Kind.LeavesRoster() {
		d.save(e)
		return
	}
	d.sh.confirm(lang.L("确认登记“{{.Kind}}”", map[string]any{"Kind": lang.L(string(e.Kind))}),
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
