package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
	"branchledger/ui/transfer"
)

// memberDetail is one member's page: every field with any problem under it,
// 党龄, their dues and attendance, and the history — membership events and
// field changes, newest first.
type memberDetail struct {
	r       *rosterScreen
	id      int64
	m       model.Member
	events  []model.MembershipEvent
	changes []model.FieldChange
	content fyne.CanvasObject

	name, status *widget.Label
	values, msgs map[model.Field]*kit.WrapLabel
	partyAge     *widget.Label

	tabs                      *container.AppTabs
	eventsTab, changesTab     *container.TabItem
	eventsTable, changesTable *widget.Table
	dues                      *memberDuesTab       // nil without a dues service
	attendance                *memberAttendanceTab // nil without an activity service
	editButton, eventButton   *widget.Button
	letterButton              *widget.Button // 开具介绍信; nil without a transfer service
	form                      *memberForm    // the edit form last opened, for tests
	eventDialog               *eventDialog   // the event dialog last opened, for tests
}

func newMemberDetail(r *rosterScreen, id int64) (*memberDetail, error) {
	d := &memberDetail{r: r, id: id, values: map[model.Field]*kit.WrapLabel{}, msgs: map[model.Field]*kit.WrapLabel{}}
	back := widget.NewButtonWithIcon(lang.L("返回花名册"), theme.NavigateBackIcon(), r.showList)
	d.name = heading("")
	d.status = widget.NewLabel("")
	d.editButton = widget.NewButtonWithIcon(lang.L("编辑"), theme.DocumentCreateIcon(), func() {
		d.form = showMemberForm(r.sh, d.m)
	})
	d.eventButton = widget.NewButtonWithIcon(lang.L("登记变动"), theme.ContentRedoIcon(), func() {
		d.eventDialog = showEventDialog(r.sh, d.m)
	})
	actions := container.NewHBox(d.editButton, d.eventButton)
	if sh := r.sh; sh.svc.Transfers != nil {
		// 转出 goes through a letter (ui/transfer): its number, 党费交至
		// and the 转出 event together.
		d.letterButton = widget.NewButtonWithIcon(lang.L("开具介绍信"), theme.MailSendIcon(), func() {
			transfer.ShowLetterForm(sh, sh.svc.Transfers, d.m.ID, sh.dataChanged)
		})
		actions.Add(d.letterButton)
	}
	bar := container.NewBorder(nil, nil, container.NewHBox(back, d.name, d.status), actions)

	cells := make([]*formCell, 0, len(model.RecordFields))
	for _, fi := range model.RecordFields {
		v := kit.NewWrapLabel("")
		v.Selectable = true // so an ID number or phone can be copied
		cell := newCell(fi.Label, v)
		d.values[fi.Field], d.msgs[fi.Field] = v, cell.msg
		cells = append(cells, cell)
		if fi.Field == model.FieldFullDate {
			// 党龄 gets its own labelled row after 转正日期, so "15 年"
			// does not sit under the date with no label.
			d.partyAge = widget.NewLabel("")
			d.partyAge.Selectable = true
			cells = append(cells, newCell("党龄", d.partyAge))
		}
	}

	d.eventsTable = newTextTable([]textColumn{{"日期", 7, false}, {"事项", 5, false}, {"说明", 30, false}, {"登记时间", 10, false}},
		func() int { return len(d.events) },
		func(row, col int) string {
			e := d.events[row]
			return [...]string{e.Date.String(), valueText(string(e.Kind)), e.Note, formatTime(e.CreatedAt)}[col]
		})
	d.changesTable = newTextTable([]textColumn{{"修改时间", 10, false}, {"项目", 8, false}, {"原值", 14, false}, {"新值", 14, false}, {"来源", 12, false}},
		func() int { return len(d.changes) },
		func(row, col int) string {
			c := d.changes[row]
			return [...]string{formatTime(c.At), fieldLabel(c.Field), changeValue(c.Field, c.Old), changeValue(c.Field, c.New), sourceText(c.Source)}[col]
		})
	d.eventsTab = container.NewTabItem("", d.eventsTable)
	d.changesTab = container.NewTabItem("", d.changesTable)
	d.tabs = container.NewAppTabs()
	if r.sh.svc.Dues != nil {
		d.dues = newMemberDuesTab(d)
		d.tabs.Append(d.dues.item)
	}
	if r.sh.svc.Activities != nil {
		d.attendance = newMemberAttendanceTab(d)
		d.tabs.Append(d.attendance.item)
	}
	d.tabs.Append(d.eventsTab)
	d.tabs.Append(d.changesTab)

	split := container.NewVSplit(container.NewVScroll(formColumns(detailColumns(cells), cells)), d.tabs)
	split.Offset = 0.55
	d.content = container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, split)
	if err := d.load(); err != nil {
		return nil, err
	}
	d.show()
	return d, nil
}

// load reads the member and its history from the store.
func (d *memberDetail) load() error {
	m, err := d.r.sh.svc.Roster.Member(d.id)
	if err != nil {
		return err
	}
	events, err := d.r.sh.svc.Roster.MemberEvents(d.id)
	if err != nil {
		return err
	}
	changes, err := d.r.sh.svc.Roster.MemberChanges(d.id)
	if err != nil {
		return err
	}
	slices.SortStableFunc(events, func(a, b model.MembershipEvent) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return b.CreatedAt.Compare(a.CreatedAt)
	})
	slices.SortStableFunc(changes, func(a, b model.FieldChange) int { return b.At.Compare(a.At) })
	d.m, d.events, d.changes = m, events, changes
	if d.dues != nil {
		if err := d.dues.load(); err != nil {
			return err
		}
	}
	if d.attendance != nil {
		return d.attendance.load()
	}
	return nil
}

// reload refreshes the page after a write.
func (d *memberDetail) reload() {
	if err := d.load(); err != nil {
		d.r.sh.showError("读取党员信息", err)
		return
	}
	d.show()
}

func (d *memberDetail) show() {
	today := d.r.sh.svc.today()
	d.name.SetText(d.m.Name)
	if d.m.OnRoster {
		d.status.Importance = widget.MediumImportance
		d.status.SetText(lang.L("在册"))
	} else {
		d.status.Importance = widget.WarningImportance
		d.status.SetText(lang.L("已于 {{.Date}} {{.Kind}}，不在册", map[string]any{"Date": d.m.LeftOn.String(), "Kind": valueText(string(d.m.LeftBy))}))
	}
	errs := d.m.Validate(today, d.r.sh.rules)
	for _, fi := range model.RecordFields {
		d.values[fi.Field].SetText(fieldValue(&d.m, fi.Field))
		setMessage(d.msgs[fi.Field], errs.For(fi.Field))
	}
	if !d.m.ArrivalStated() && !d.m.CreatedAt.IsZero() {
		// The default 到本支部日期 is the day the member was added or
		// imported: shown bare, it read as the day they arrived, for every
		// member of an imported roster (review M8). The checks and the
		// printed register treat it as not stated (model.ArrivalStated).
		d.values[model.FieldArrivedOn].SetText(lang.L("未填写（{{.Date}} 记入本台账）", map[string]any{"Date": model.DateOf(d.m.CreatedAt).String()}))
	}
	age := ""
	if y, ok := d.m.PartyAge(today); ok {
		age = lang.N("{{.N}} 年", y, map[string]any{"N": y})
	}
	d.partyAge.SetText(age)
	d.eventsTab.Text = lang.L("组织关系变动（{{.N}}）", map[string]any{"N": len(d.events)})
	d.changesTab.Text = lang.L("信息修改记录（{{.N}}）", map[string]any{"N": len(d.changes)})
	if d.dues != nil {
		d.dues.show()
	}
	if d.attendance != nil {
		d.attendance.show()
	}
	d.tabs.Refresh()
	d.eventsTable.Refresh()
	d.changesTable.Refresh()
	setEnabled(d.eventButton, len(model.AvailableEvents(&d.m)) > 0)
	if d.letterButton != nil {
		setEnabled(d.letterButton, d.m.OnRoster)
	}
}

// sourceText is where a change came from as the UI's language says it:
// the sources are stored in Chinese (支部名称, 基数录入 …); one that names a
// file stays as stored.
func sourceText(source string) string {
	// 基数导入：bases.xlsx — the kind said, the file as stored; whole, the
	// text read Chinese in English and was looked up as a message ID,
	// logging a miss each time (review s14-newuser #4).
	if kind, file, ok := strings.Cut(source, "："); ok && knownWords()[kind] {
		return lang.L(kind) + lang.L("：") + file
	}
	return valueText(source)
}

// changeValue is an old or new value in a member's 信息修改记录 as their
// page shows it: a coded field's word (学历 硕士研究生) in the UI language
// — "Master's degree" on the page read 硕士研究生 in Edits (review
// s14-newuser #4).
func changeValue(f model.Field, v string) string {
	if translatedFields[f] {
		return valueText(v)
	}
	return v
}

// detailColumns is how many columns of label and value a member's page
// uses: three, or two when the labels are long (English "Date became full
// member"), which left the values so narrow that dates and ID numbers
// broke across lines at 1024 px (review s5-8 attack #10).
func detailColumns(cells []*formCell) int {
	unit := fyne.MeasureText("党", theme.TextSize(), fyne.TextStyle{Bold: true}).Width
	for _, c := range cells {
		if fyne.MeasureText(lang.L(c.label), theme.TextSize(), fyne.TextStyle{Bold: true}).Width > 9*unit {
			return 2
		}
	}
	return 3
}
