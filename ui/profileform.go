package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// Form fields of the profile that model has no constant for, for the
// messages of dates that cannot be read.
const profileTermStart model.Field = "term_start"

// profileForm edits the branch profile (支部基本信息), checked as it is typed
// with model.Profile.Validate.
type profileForm struct {
	sh      *shell
	content fyne.CanvasObject
	orig    model.Profile
	touched bool // messages show once the form is edited, or when it was filled before

	orgName, orgAddress, employees *widget.Entry
	branchName, secretary          *widget.Entry
	founded, termStart, termEnd    *widget.Entry
	instructor, instructorPhone    *widget.Entry
	contact, contactPhone          *widget.Entry
	orgType, branchType            *widget.Select
	committee                      []committeeRow
	committeeBox                   *fyne.Container
	msgs                           map[model.Field]*widget.Label
	save                           *widget.Button
	status                         *widget.Label
}

// committeeRow is one seat on the branch committee.
type committeeRow struct {
	name *widget.Entry
	role *widget.Select
	row  fyne.CanvasObject
}

func newProfileForm(sh *shell) *profileForm {
	f := &profileForm{sh: sh, msgs: map[model.Field]*widget.Label{}}
	entry := func() *widget.Entry {
		e := widget.NewEntry()
		e.OnChanged = func(string) { f.changed() }
		return e
	}
	dateEntry := func() *widget.Entry {
		e := newDateEntry()
		e.OnChanged = func(string) { f.changed() }
		return e
	}
	f.orgName, f.orgAddress, f.employees = entry(), entry(), entry()
	f.branchName, f.secretary = entry(), entry()
	f.founded, f.termStart, f.termEnd = dateEntry(), dateEntry(), dateEntry()
	f.instructor, f.instructorPhone, f.contact, f.contactPhone = entry(), entry(), entry(), entry()
	f.orgType = widget.NewSelect(selectOptions(model.OrgEnterprise, model.OrgSocial), func(string) { f.changed() })
	f.branchType = widget.NewSelect(selectOptions(model.BranchOwn, model.BranchJoint), func(string) { f.changed() })
	f.orgType.PlaceHolder, f.branchType.PlaceHolder = lang.L("请选择"), lang.L("请选择")

	cell := func(label string, w fyne.CanvasObject, field model.Field) *formCell {
		c := newCell(label, w)
		if field != "" {
			f.msgs[field] = c.msg
		}
		return c
	}
	org := formColumns(2, []*formCell{
		cell("单位名称", f.orgName, model.ProfileOrgName), cell("单位类型", f.orgType, ""),
		cell("单位地址", f.orgAddress, ""), cell("职工人数", f.employees, model.ProfileEmployees),
	})
	branch := formColumns(2, []*formCell{
		cell("党支部名称", f.branchName, model.ProfileBranchName), cell("支部类型", f.branchType, ""),
		cell("成立日期", f.founded, model.ProfileFounded), cell("支部书记", f.secretary, ""),
		cell("本届任期开始", f.termStart, profileTermStart), cell("本届任期届满", f.termEnd, model.ProfileTermEnd),
	})
	contacts := formColumns(2, []*formCell{
		cell("党建指导员", f.instructor, ""), cell("指导员电话", f.instructorPhone, model.ProfileInstructorPhone),
		cell("联系人", f.contact, ""), cell("联系人电话", f.contactPhone, model.ProfileContactPhone),
	})

	f.committeeBox = container.NewVBox()
	committeeMsg := newMessage()
	f.msgs[model.ProfileCommittee] = committeeMsg
	addSeat := widget.NewButtonWithIcon(lang.L("添加委员"), theme.ContentAddIcon(), func() { f.addSeat(model.CommitteeMember{}); f.changed() })

	f.save = widget.NewButtonWithIcon(lang.L("保存支部信息"), theme.DocumentSaveIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	f.status = widget.NewLabel("")
	f.content = container.NewVBox(
		heading("单位"), org,
		heading("党支部"), branch,
		heading("支部委员会"), f.committeeBox, committeeMsg, container.NewHBox(addSeat),
		heading("党建指导员与联系人"), contacts,
		container.NewHBox(f.save, f.status),
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
	f.orgName.SetText(p.OrgName)
	f.orgType.SetSelected(string(p.OrgType))
	f.orgAddress.SetText(p.OrgAddress)
	f.employees.SetText("")
	if p.EmployeeCount > 0 {
		f.employees.SetText(strconv.Itoa(p.EmployeeCount))
	}
	f.branchName.SetText(p.BranchName)
	f.branchType.SetSelected(string(p.BranchType))
	f.founded.SetText(p.FoundedOn.String())
	f.secretary.SetText(p.Secretary)
	f.termStart.SetText(p.TermStart.String())
	f.termEnd.SetText(p.TermEnd.String())
	f.instructor.SetText(p.InstructorName)
	f.instructorPhone.SetText(p.InstructorPhone)
	f.contact.SetText(p.ContactName)
	f.contactPhone.SetText(p.ContactPhone)
	f.committee = nil
	f.committeeBox.RemoveAll()
	for _, c := range p.Committee {
		f.addSeat(c)
	}
	f.touched = p.IsSet()
	f.revalidate()
	f.status.SetText("")
}

func (f *profileForm) addSeat(c model.CommitteeMember) {
	r := committeeRow{name: widget.NewEntry(), role: widget.NewSelect(model.CommitteeRoles, func(string) { f.changed() })}
	r.name.SetPlaceHolder(lang.L("姓名"))
	r.name.SetText(c.Name)
	r.name.OnChanged = func(string) { f.changed() }
	r.role.SetSelected(c.Role)
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i := range f.committee {
			if f.committee[i].row == r.row {
				f.committee = append(f.committee[:i], f.committee[i+1:]...)
				break
			}
		}
		f.committeeBox.Remove(r.row)
		f.changed()
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
	date := func(e *widget.Entry, field model.Field) model.Date {
		d, err := model.ParseDate(e.Text)
		if err != nil {
			errs = append(errs, model.FieldError{Field: field, Message: err.Error()})
		}
		return d
	}
	p.OrgName, p.OrgAddress = strings.TrimSpace(f.orgName.Text), strings.TrimSpace(f.orgAddress.Text)
	p.OrgType, p.BranchType = model.OrgType(f.orgType.Selected), model.BranchType(f.branchType.Selected)
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
		p.Committee = append(p.Committee, model.CommitteeMember{Name: strings.TrimSpace(r.name.Text), Role: r.role.Selected})
	}
	for _, e := range p.Validate(f.sh.svc.today(), f.sh.rules) {
		if errs.For(e.Field) == "" {
			errs = append(errs, e)
		}
	}
	return p, errs
}

func (f *profileForm) changed() {
	f.touched = true
	f.status.SetText("")
	f.revalidate()
}

func (f *profileForm) revalidate() {
	if f.save == nil {
		return // still building
	}
	_, errs := f.profile()
	for field, l := range f.msgs {
		msg := ""
		if f.touched {
			msg = errs.For(field)
		}
		setMessage(l, msg)
	}
	setEnabled(f.save, len(errs) == 0)
}

func (f *profileForm) submit() {
	p, errs := f.profile()
	if len(errs) > 0 {
		return
	}
	err := f.sh.svc.Branch.SaveProfile(p)
	var ve model.ValidationErrors
	switch {
	case errors.As(err, &ve):
		for field, l := range f.msgs {
			setMessage(l, ve.For(field))
		}
		return
	case err != nil:
		f.sh.showError("保存支部信息", err)
		return
	}
	f.sh.dataChanged()
	f.load()
	f.status.SetText(lang.L("已保存"))
}
