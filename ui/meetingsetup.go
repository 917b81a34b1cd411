package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// lecturePeriods are the 党课 periods offered, in the order shown.
var lecturePeriods = []model.Period{model.Monthly, model.Quarterly, model.Yearly}

// maxLecturesPerTerm bounds the count choice: a form limit, not a rule.
const maxLecturesPerTerm = 12

// meetingSetupForm is 组织生活设置 in 设置: whether the branch has party
// groups and how often its local rules want a 党课. Which meetings the
// compliance calendar expects follows from it; whether there is a committee
// follows from the profile and is only shown.
type meetingSetupForm struct {
	sh        *shell
	content   fyne.CanvasObject
	committee *kit.WrapLabel
	groups    *widget.Check
	period    *kit.Select
	count     *kit.Select
	save      *widget.Button
	status    *widget.Label
	saveRow   fyne.CanvasObject // 保存 and status
	onSaved   func()            // brings saveRow into view, as the profile's
}

func newMeetingSetupForm(sh *shell) *meetingSetupForm {
	f := &meetingSetupForm{sh: sh}
	f.committee = kit.NewWrapLabel("")
	f.groups = widget.NewCheck(lang.L("支部设有党小组（每月召开党小组会）"), func(bool) { f.changed() })
	var periods []string
	for _, p := range lecturePeriods {
		periods = append(periods, lang.L(p.String()))
	}
	f.period = kit.NewSelect(periods, func(string) { f.changed() }).FitOptions()
	var counts []string
	for n := 1; n <= maxLecturesPerTerm; n++ {
		counts = append(counts, strconv.Itoa(n))
	}
	f.count = kit.NewSelect(counts, func(string) { f.changed() }).FitOptions()
	f.save = widget.NewButtonWithIcon(lang.L("保存"), theme.DocumentSaveIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	f.status = widget.NewLabel("")

	hint := kit.NewWrapLabel(lang.L("党课的次数各地规定不同，请按上级党组织的要求填写。合规日历按这里的设置检查。"))
	lecture := container.NewHBox(widget.NewLabel(lang.L("党课：")), f.period, widget.NewLabel(lang.L("至少")), f.count, widget.NewLabel(lang.L("次")))
	f.saveRow = container.NewHBox(f.save, f.status)
	f.content = container.NewVBox(f.committee, f.groups, lecture, hint, f.saveRow)

	sh.onDataChanged(f.load)
	f.load()
	return f
}

// load shows the set-up as stored; a branch that never set its 党课
// frequency sees the rule's.
func (f *meetingSetupForm) load() {
	b, err := f.sh.svc.Activities.MeetingSetup()
	if err != nil {
		f.sh.showError("读取组织生活设置", err)
		return
	}
	if b.HasCommittee {
		f.committee.SetText(lang.L("支部委员会：已设立，每月召开支委会（按“支部基本信息”中填写的支委人数判断）"))
	} else {
		f.committee.SetText(lang.L("支部委员会：未设立，不要求召开支委会（按“支部基本信息”中填写的支委人数判断）"))
	}
	period, n := b.LecturePeriod, b.LecturesPerTerm
	if n == 0 {
		for _, q := range model.MeetingRules2018.Requirements {
			if q.Kind == model.KindLecture {
				period, n = q.Period, q.Min
			}
		}
	}
	f.groups.SetChecked(b.HasGroups)
	for i, p := range lecturePeriods {
		if p == period {
			f.period.SetSelectedIndex(i)
		}
	}
	f.count.SetSelectedIndex(min(n, maxLecturesPerTerm) - 1)
	f.status.SetText("")
	f.save.Disable()
}

// dirty reports a choice made and not saved: 保存 is enabled from the first
// touch until saved or reloaded.
func (f *meetingSetupForm) dirty() bool { return !f.save.Disabled() }

// changed enables 保存 once the user touches the form.
func (f *meetingSetupForm) changed() {
	f.status.SetText("")
	f.save.Enable()
}

func (f *meetingSetupForm) submit() {
	b := model.BranchMeetingSetup{
		HasGroups:       f.groups.Checked,
		LecturePeriod:   lecturePeriods[f.period.SelectedIndex()],
		LecturesPerTerm: f.count.SelectedIndex() + 1,
	}
	if err := f.sh.svc.Activities.SaveMeetingSetup(b); err != nil {
		f.sh.showError("保存组织生活设置", err)
		return
	}
	// Every screen reloads, this form too; the calendar then expects what
	// was just set.
	f.sh.dataChanged()
	f.status.SetText(lang.L("已保存"))
	if f.onSaved != nil {
		f.onSaved()
	}
}
