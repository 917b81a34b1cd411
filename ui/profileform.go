package ui

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// Form fields of the profile that model has no constant for, for the
// messages of dates that cannot be read.
const profileTermStart model.Field = "term_start"

// profileForm edits the branch profile (支部基本信息), checked with
// model.Profile.Validate as kit.Form does: on leaving a field or saving.
type profileForm struct {
	sh      *shell
	content fyne.CanvasObject
	form    *kit.Form
	orig    model.Profile

	orgName, orgAddress, employees *kit.Entry
	branchName, secretary          *kit.Entry
	founded, termStart, termEnd    *kit.DateEntry
	instructor, instructorPhone    *kit.Entry
	contact, contactPhone          *kit.Entry
	orgType, branchType            *kit.Select
	committee                      []committeeRow
	committeeBox                   *fyne.Container
	committeeMsg                   *kit.WrapLabel
	// committeeNote names the saved committee's names no member on the
	// roster bears (model.CommitteeOffRoster): a 支委会 roll leaves them
	// out, so a slip (陈晶 for 陈静) is said, not silently kept.
	committeeNote *kit.WrapLabel
	addSeatButton *widget.Button
	fields        map[model.Field]*kit.Field
	save          *kit.Button
	status        *widget.Label
	saveRow       fyne.CanvasObject // the reason, status and 保存
	// onSaved, when set, brings saveRow into view: saved with Enter from
	// a field at the top, 已保存 was below the fold (issue 8, ui13 #6).
	onSaved func()

	// askAlign asks whether saving should also set the members' 所在党支部
	// to the branch's name, and hands the answer to then; cancel keeps the
	// form as it is. Tests replace it.
	askAlign func(message string, then func(align bool))
	// kept is the branch name the secretary chose not to give the members,
	// so that the next save of the same name does not ask again.
	kept string
}

// committeeRow is one seat on the branch committee.
type committeeRow struct {
	name *kit.Entry
	role *kit.Select
	row  fyne.CanvasObject
	// left is set once the user has left the name entry (or the seat was
	// loaded): a new, untouched seat shows no message yet.
	left *bool
}

func newProfileForm(sh *shell) *profileForm {
	f := &profileForm{sh: sh, form: kit.NewForm("保存支部信息"), fields: map[model.Field]*kit.Field{}}
	f.askAlign = f.showAlign
	f.form.OnSubmit = f.submit
	f.form.Check = f.check
	f.save = f.form.Save
	f.orgName, f.orgAddress, f.employees = kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	f.branchName, f.secretary = kit.NewEntry(), kit.NewEntry()
	f.founded, f.termStart, f.termEnd = newDateEntry(sh), newDateEntry(sh), newDateEntry(sh)
	f.instructor, f.instructorPhone, f.contact, f.contactPhone = kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	f.orgType = kit.NewChoice(selectOptions(model.OrgEnterprise, model.OrgSocial), nil)
	f.branchType = kit.NewChoice(selectOptions(model.BranchOwn, model.BranchJoint), nil)
	f.status = widget.NewLabel("")
	f.employees.OnChanged = func(string) { f.status.SetText("") }

	cell := func(label string, w fyne.CanvasObject, field model.Field) *kit.Field {
		fd := f.form.Add(label, w)
		if field != "" {
			f.fields[field] = fd
		}
		return fd
	}
	org := f.form.Grid(2,
		cell("单位名称", f.orgName, model.ProfileOrgName), cell("单位类型", f.orgType, ""),
		cell("单位地址", f.orgAddress, ""), cell("职工人数", f.employees, model.ProfileEmployees),
	)
	branch := f.form.Grid(2,
		cell("党支部名称", f.branchName, model.ProfileBranchName), cell("支部类型", f.branchType, ""),
		cell("成立日期", f.founded, model.ProfileFounded), cell("支部书记", f.secretary, ""),
		cell("本届任期开始", f.termStart, profileTermStart), cell("本届任期届满", f.termEnd, model.ProfileTermEnd),
	)
	contacts := f.form.Grid(2,
		cell("党建指导员", f.instructor, ""), cell("指导员电话", f.instructorPhone, model.ProfileInstructorPhone),
		cell("联系人", f.contact, ""), cell("联系人电话", f.contactPhone, model.ProfileContactPhone),
	)

	f.committeeBox = container.NewVBox()
	f.committeeMsg = kit.NewWrapLabel("")
	f.committeeMsg.Importance = widget.DangerImportance
	f.committeeMsg.Hide()
	f.committeeNote = kit.NewWrapLabel("")
	f.committeeNote.Importance = widget.WarningImportance
	f.committeeNote.Hide()
	addSeat := widget.NewButtonWithIcon(lang.L("添加委员"), theme.ContentAddIcon(), func() { f.addSeat(model.CommitteeMember{}); f.form.MarkChanged() })
	f.addSeatButton = addSeat

	f.saveRow = container.NewBorder(nil, nil, nil, container.NewHBox(f.status, f.save), f.form.Reason)
	f.content = container.NewVBox(
		heading("单位"), org,
		heading("党支部"), branch,
		heading("支部委员会"), f.committeeBox, f.committeeMsg, f.committeeNote, container.NewHBox(addSeat),
		heading("党建指导员与联系人"), contacts,
		f.saveRow,
	)
	f.load()
	return f
}

func (f *profileForm) load() {
	p, err := f.sh.svc.Branch.Profile()
	if err != nil {
		f.sh.showError("读取支部信息", err)
		return
	}
	f.orig = p
	f.form.Load(func() {
		f.orgName.SetText(p.OrgName)
		f.orgType.SetValue(string(p.OrgType))
		f.orgAddress.SetText(p.OrgAddress)
		f.employees.SetText("")
		if p.EmployeeCount > 0 {
			f.employees.SetText(strconv.Itoa(p.EmployeeCount))
		}
		f.branchName.SetText(p.BranchName)
		f.branchType.SetValue(string(p.BranchType))
		f.founded.SetDate(p.FoundedOn)
		f.secretary.SetText(p.Secretary)
		f.termStart.SetDate(p.TermStart)
		f.termEnd.SetDate(p.TermEnd)
		f.instructor.SetText(p.InstructorName)
		f.instructorPhone.SetText(p.InstructorPhone)
		f.contact.SetText(p.ContactName)
		f.contactPhone.SetText(p.ContactPhone)
		f.committee = nil
		f.committeeBox.RemoveAll()
		for _, c := range p.Committee {
			f.addSeat(c)
		}
	})
	if p.IsSet() {
		f.form.ShowAll() // a profile filled before shows its problems at once
	}
	f.status.SetText("")
	note := ""
	if off := model.CommitteeOffRoster(p.Committee, f.sh.members); len(off) > 0 {
		note = kit.Say(model.CommitteeOffRosterText(off))
	}
	setMessage(f.committeeNote, note)
}

func (f *profileForm) addSeat(c model.CommitteeMember) {
	r := committeeRow{name: kit.NewEntry(), role: kit.NewChoice(model.CommitteeRoles, nil), left: new(bool)}
	*r.left = c.Name != ""
	r.name.SetPlaceHolder(lang.L("姓名"))
	r.name.SetText(c.Name)
	r.role.SetValue(c.Role)
	// The seats are not fields of the form: an edit counts as a change and
	// the committee's message shows under the list.
	r.name.OnChanged = func(string) { f.form.MarkChanged() }
	r.name.OnLeft = func() { *r.left = true; f.form.Refresh() }
	r.role.OnChanged = func(string) { f.form.MarkChanged() }
	// Enter in a seat saves 设置 and Esc cancels, as in the form's own
	// fields (review s6-8 newuser #7).
	f.form.Attach(r.name, r.role)
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i := range f.committee {
			if f.committee[i].row == r.row {
				f.committee = append(f.committee[:i], f.committee[i+1:]...)
				break
			}
		}
		f.committeeBox.Remove(r.row)
		f.form.MarkChanged()
	})
	remove.Importance = widget.LowImportance
	r.row = container.NewGridWithColumns(3, r.name, r.role, container.NewHBox(remove))
	f.committee = append(f.committee, r)
	f.committeeBox.Add(r.row)
}

// profile reads the form, with the problems of what cannot be read.
func (f *profileForm) profile() (model.Profile, model.ValidationErrors) {
	p := f.orig
	var errs model.ValidationErrors
	date := func(e *kit.DateEntry, field model.Field) model.Date {
		d, err := e.Date()
		if err != nil {
			errs = append(errs, model.ErrProblem(field, err))
		}
		return d
	}
	p.OrgName, p.OrgAddress = strings.TrimSpace(f.orgName.Text), strings.TrimSpace(f.orgAddress.Text)
	p.OrgType, p.BranchType = model.OrgType(f.orgType.Value()), model.BranchType(f.branchType.Value())
	p.EmployeeCount = 0
	if t := strings.TrimSpace(f.employees.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			errs = append(errs, model.FieldError{Field: model.ProfileEmployees, Message: lang.L("请填写整数，如 120")})
		}
		p.EmployeeCount = n
	}
	p.BranchName, p.Secretary = strings.TrimSpace(f.branchName.Text), strings.TrimSpace(f.secretary.Text)
	p.FoundedOn = date(f.founded, model.ProfileFounded)
	p.TermStart = date(f.termStart, profileTermStart)
	p.TermEnd = date(f.termEnd, model.ProfileTermEnd)
	p.InstructorName, p.InstructorPhone = strings.TrimSpace(f.instructor.Text), strings.TrimSpace(f.instructorPhone.Text)
	p.ContactName, p.ContactPhone = strings.TrimSpace(f.contact.Text), strings.TrimSpace(f.contactPhone.Text)
	p.Committee = nil
	for _, r := range f.committee {
		p.Committee = append(p.Committee, model.CommitteeMember{Name: strings.TrimSpace(r.name.Text), Role: r.role.Value()})
	}
	p.Normalize() // what is saved, and named in the 所在党支部 question, is what the user saw
	for _, e := range p.Validate(f.sh.svc.today(), f.sh.rules) {
		if errs.For(e.Field) == "" {
			errs = append(errs, e)
		}
	}
	return p, errs
}

// check reports the profile's problems against their fields; the
// committee's show under the seats once the user has edited them.
func (f *profileForm) check(report func(*kit.Field, string)) {
	_, errs := f.profile()
	committee := ""
	// A seat just added, whose name the user has not yet typed and left,
	// is not wrong yet: it only still needs a name (no red message).
	pending := false
	for _, r := range f.committee {
		pending = pending || (!*r.left && strings.TrimSpace(r.name.Text) == "")
	}
	pending = pending && !f.form.Submitted()
	for _, e := range errs {
		if e.Field == model.ProfileCommittee {
			committee = e.Message
			if pending {
				report(nil, lang.L("尚需填写：")+lang.L("委员姓名"))
			} else {
				report(nil, lang.L("请更正：")+lang.L("支部委员会"))
			}
			continue
		}
		report(f.fields[e.Field], kit.SayProblem(e))
	}
	if pending {
		committee = ""
	}
	if f.form.Dirty() || f.orig.IsSet() {
		setMessage(f.committeeMsg, committee)
	}
	if f.form.Dirty() && f.status != nil {
		f.status.SetText("")
	}
}

func (f *profileForm) submit() {
	p, errs := f.profile()
	if len(errs) > 0 {
		return
	}
	groups := model.BranchNameGroups(f.sh.members, p.BranchName)
	if len(groups) == 0 || p.BranchName == f.kept {
		f.store(p, false)
		return
	}
	f.askAlign(alignMessage(groups, p.BranchName), func(align bool) {
		if !align {
			f.kept = p.BranchName
		}
		f.store(p, align)
	})
}

// alignMessage says which members' 所在党支部 differs from name and asks
// whether to change them.
func alignMessage(groups map[string]int, name string) string {
	n := 0
	var parts []string
	for _, old := range slices.Sorted(maps.Keys(groups)) {
		n += groups[old]
		if old == "" {
			parts = append(parts, lang.L("未填写的{{.N}}人", map[string]any{"N": groups[old]}))
		} else {
			parts = append(parts, lang.L("写作“{{.Old}}”的{{.N}}人", map[string]any{"Old": old, "N": groups[old]}))
		}
	}
	return lang.N("有{{.N}}名在册党员的“所在党支部”不是“{{.Name}}”：{{.Which}}。是否一并改为“{{.Name}}”？每人的修改都记入其信息修改记录。", n,
		map[string]any{"N": n, "Name": name, "Which": strings.Join(parts, lang.L("、"))})
}

// showAlign is askAlign as a question: 取消, 只保存支部信息 or 一并更正
// (Enter).
func (f *profileForm) showAlign(message string, then func(align bool)) {
	kit.Ask(f.sh.win, "所在党支部", message,
		kit.Choice{Text: "只保存支部信息", Run: func() { then(false) }},
		kit.Choice{Text: "一并更正", Run: func() { then(true) }})
}

// store saves the profile, with the members' 所在党支部 when align.
func (f *profileForm) store(p model.Profile, align bool) {
	var err error
	aligned := 0
	if align {
		aligned, err = f.sh.svc.Branch.SaveProfileAligning(p)
	} else {
		err = f.sh.svc.Branch.SaveProfile(p)
	}
	var ve model.ValidationErrors
	switch {
	case errors.As(err, &ve):
		for _, e := range ve {
			if fd := f.fields[e.Field]; fd != nil {
				f.form.SetServerError(fd, kit.SayProblem(e))
			} else {
				f.form.SetError(e.Error())
			}
		}
		return
	case err != nil:
		f.sh.showError("写入支部信息", err)
		return
	}
	f.sh.dataChanged()
	f.load()
	if aligned > 0 {
		f.status.SetText(lang.N("已保存，{{.N}} 名党员的所在党支部已一并更正", aligned, map[string]any{"N": aligned}))
	} else {
		f.status.SetText(lang.L("已保存"))
	}
	if off := model.CommitteeOffRoster(p.Committee, f.sh.members); len(off) > 0 {
		// Saved as typed (the member may be added to the roster later),
		// but said beside 保存 too: the full sentence is under the seats.
		f.status.SetText(lang.N("已保存；{{.N}} 名委员不在党员名册上", len(off), map[string]any{"N": len(off)}))
	}
	if f.onSaved != nil {
		f.onSaved()
	}
}

// dirty reports unsaved edits, for leaving the screen.
func (f *profileForm) dirty() bool { return f.form.Dirty() }
