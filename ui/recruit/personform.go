package recruit

import (
	"errors"

	"fyne.io/fyne/v2"

	"branchledger/model"
	"branchledger/ui/kit"
)

// editPerson opens the form of a person's own data; for a new person (ID 0)
// it also asks for the day the application was handed in, the first step.
func (s *Screen) editPerson(r model.Recruit) {
	isNew := r.ID == 0
	form := kit.NewForm("保存")
	name, id, birth := kit.NewEntry(), kit.NewEntry(), kit.NewDateEntry()
	sex := kit.NewChoice([]string{string(model.SexMale), string(model.SexFemale)}, nil)
	phone, notes := kit.NewEntry(), kit.NewEntry()
	// Shown in the UI language, kept as the Chinese value: 民族 read 汉族
	// and 学历 大学本科 in the English form (issue 8, ui13 #1).
	ethnicity := kit.NewValueEntry(model.CurrentEthnicities.Choices())
	education := kit.NewValueEntry(model.Educations)
	post := kit.NewValueEntry(model.Posts)
	applied, leave := kit.NewDateEntry(), kit.NewDateEntry()
	// The ID number gives birth date and sex: filled in as soon as it reads.
	id.OnChanged = func(v string) {
		if info, err := model.ParseIDNumber(v); err == nil {
			if birth.Text == "" {
				birth.SetDate(info.Birth)
			}
			if sex.Value() == "" {
				sex.SetValue(string(info.Sex))
			}
		}
	}
	fName := form.Add("姓名", name)
	fID := form.Add("公民身份号码", id)
	fSex := form.Add("性别", sex)
	fBirth := form.Add("出生日期", birth)
	fEth := form.Add("民族", ethnicity)
	fEdu := form.Add("学历", education)
	fPost := form.Add("工作岗位", post)
	fPhone := form.Add("联系电话", phone)
	// 2026 §18: someone leaving the unit within months of the meeting
	// should not be admitted; the checks remind when the date is near.
	fLeave := form.Add("预计离开本单位日期", leave)
	fNotes := form.Add("备注", notes)
	fields := []*kit.Field{fName, fID, fSex, fBirth, fEth, fEdu, fPost, fPhone, fLeave, fNotes}
	var fApplied *kit.Field
	if isNew {
		fApplied = form.Add("递交入党申请书日期", applied)
		fields = append(fields, fApplied)
	}
	form.Load(func() {
		name.SetText(r.Name)
		id.SetText(r.IDNumber)
		sex.SetValue(string(r.Sex))
		birth.SetDate(r.BirthDate)
		ethnicity.SetValue(r.Ethnicity)
		if r.ID == 0 {
			ethnicity.SetValue(model.NewMember().Ethnicity)
		}
		education.SetValue(r.Education)
		post.SetValue(r.Post)
		phone.SetText(r.Phone)
		notes.SetText(r.Notes)
		leave.SetDate(r.LeaveDate)
	})
	read := func() (model.Recruit, model.ValidationErrors) {
		out := r
		out.Records = append([]model.StepRecord(nil), r.Records...)
		out.Name, out.IDNumber, out.Sex = name.Text, id.Text, model.Sex(sex.Value())
		out.Ethnicity, out.Education, out.Post, out.Phone, out.Notes = ethnicity.Value(), education.Value(), post.Value(), phone.Text, notes.Text
		var errs model.ValidationErrors
		var err error
		if out.BirthDate, err = birth.Date(); err != nil {
			errs = append(errs, model.ErrProblem(model.RecruitBirthDate, err))
		}
		if out.LeaveDate, err = leave.Date(); err != nil {
			errs = append(errs, model.ErrProblem(model.RecruitLeaveDate, err))
		}
		if isNew {
			d, err := applied.Date()
			if err != nil {
				errs = append(errs, model.ErrProblem(model.StepDateField, err))
			}
			out.Put(model.StepRecord{Step: model.StepApplication, Seq: 1, Date: d})
		}
		out.Normalize()
		return out, errs
	}
	byField := map[model.Field]*kit.Field{
		model.RecruitName: fName, model.RecruitIDNumber: fID, model.RecruitSex: fSex,
		model.RecruitBirthDate: fBirth, model.RecruitPhone: fPhone, model.StepDateField: fApplied,
		model.RecruitEthnicity: fEth, model.RecruitEducation: fEdu, model.RecruitPost: fPost, model.RecruitNotes: fNotes,
		model.RecruitLeaveDate: fLeave,
	}
	form.Check = func(report func(f *kit.Field, message string)) {
		out, errs := read()
		errs = append(errs, out.ValidatePerson()...)
		if isNew {
			errs = append(errs, out.Record(model.StepApplication).Validate(s.host.Today())...)
		}
		for _, e := range errs {
			report(byField[e.Field], kit.SayProblem(e))
		}
	}
	title := "新增入党申请人"
	if !isNew {
		title = "修改个人信息"
	}
	body := form.Grid(2, fields...)
	var dlg *kit.FormDialog
	form.OnSubmit = func() {
		out, _ := read()
		var saved model.Recruit
		var err error
		s.host.Background(func() { saved, err = s.svc.SaveRecruit(out) }, func() {
			var verrs model.ValidationErrors
			switch {
			case errors.As(err, &verrs):
				for _, e := range verrs {
					if f := byField[e.Field]; f != nil {
						form.SetServerError(f, kit.SayProblem(e))
					} else {
						form.SetError(kit.SayProblem(e))
					}
				}
			case err != nil:
				s.host.ShowError("保存发展党员记录", err)
			default:
				dlg.Hide()
				s.saved(saved)
			}
		})
	}
	dlg = kit.ShowForm(s.host.Window(), title, form, body, fyne.NewSize(760, 520))
	if formShown != nil {
		formShown(form, fields)
	}
}
