package recruit

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// noMeeting is the meeting choice for a step recorded without a link.
const noMeeting = "（不关联会议记录）"

// stepInputs are the inputs a step's form may have; which ones depends on
// the step (see editStep).
type stepInputs struct {
	date, start, end *kit.DateEntry
	people           *kit.Entry
	chosen           *widget.CheckGroup // mentors, sponsors from the full members
	method, meeting  *kit.Select
	outcome          *kit.Select
	months, hours    *kit.Entry
	// writtenYes, writtenNo: the written opinions (书面意见) of absent
	// voting members, on the steps a general meeting decides.
	writtenYes, writtenNo *kit.Entry
	document, note        *kit.Entry
	archived              *widget.CheckGroup
	workingDays           *widget.Label
	meetingCheck          *kit.WrapLabel
	attachments           *widget.Label
}

// editStep opens the form of one step of r (seq tells apart the reviews and
// the meeting after an extension), with what that step needs; saving writes
// the whole person, so the roster follows at once (approval, 转正).
func (s *Screen) editStep(r model.Recruit, step model.RecruitStep, seq int) {
	var members []model.Member
	var meetings []model.Activity
	var cal model.HolidayCalendar
	var err error
	info := step.Info()
	s.host.Background(func() {
		if step == model.StepMentors || step == model.StepSponsors {
			if members, err = s.svc.FullMembers(); err != nil {
				return
			}
		}
		if info.Meeting != "" {
			if meetings, err = s.svc.Meetings(info.Meeting); err != nil {
				return
			}
		}
		cal, err = s.svc.Calendar()
	}, func() {
		if err != nil {
			s.host.ShowError("读取登记所需的资料", err)
			return
		}
		s.showStepForm(r, step, seq, members, meetings, cal)
	})
}

func (s *Screen) showStepForm(r model.Recruit, step model.RecruitStep, seq int, members []model.Member, meetings []model.Activity, cal model.HolidayCalendar) {
	info := step.Info()
	cur := model.StepRecord{Step: step, Seq: seq}
	existing := r.RecordSeq(step, seq) != nil
	if existing {
		cur = *r.RecordSeq(step, seq)
	}
	var attachments []model.Attachment
	attachments = append(attachments, cur.Attachments...)
	today := s.host.Today()
	rules := model.RecruitRulesOn(today)
	if cur.Done() {
		rules = model.RecruitRulesOn(cur.Date)
	}

	form := kit.NewForm("保存")
	in := stepInputs{date: kit.NewDateEntry(), note: kit.NewEntry(), attachments: widget.NewLabel("")}
	var fields []*kit.Field
	byField := map[model.Field]*kit.Field{}
	add := func(label string, f model.Field, input fyne.CanvasObject) *kit.Field {
		fd := form.Add(label, input)
		fields = append(fields, fd)
		if f != "" {
			byField[f] = fd
		}
		return fd
	}
	add("日期", model.StepDateField, in.date)

	switch step {
	case model.StepTalk, model.StepUpperTalk:
		in.people = kit.NewEntry()
		add("谈话人", model.StepPeopleField, in.people)
	case model.StepMentors, model.StepSponsors:
		var names []string
		current := map[string]bool{}
		for _, m := range members {
			names = append(names, m.Name)
			current[m.Name] = true
		}
		// Those recorded before who are not among today's full members
		// (since transferred out, or named without a roster link) stay
		// listed, ticked, with their roster link: the record is kept as it
		// was unless the user unticks them.
		for _, n := range model.SplitNames(cur.People) {
			if !current[n] {
				names = append(names, n)
				current[n] = true
			}
		}
		in.chosen = widget.NewCheckGroup(names, nil)
		in.chosen.Horizontal = true
		label := "培养联系人"
		if step == model.StepSponsors {
			label = "入党介绍人"
		}
		add(label, model.StepPeopleField, in.chosen).Value(func() string { return strings.Join(in.chosen.Selected, "、") })
	case model.StepActivist:
		// Shown in the UI language, stored as the model's word: English
		// offered "党员推荐 / 群团推优" (review s14-attack8 #14).
		in.method = kit.NewChoice([]string{string(model.ByMembers), string(model.ByMassGroup)}, nil)
		add("推荐方式", model.StepMethodField, in.method)
	case model.StepCandidateRecord:
		in.method = kit.NewChoice([]string{string(model.DecisionAgreed), string(model.DecisionRecorded)}, nil)
		add("上级党委意见", model.StepMethodField, in.method)
	}
	if step == model.StepCandidateRecord || step == model.StepForm || step == model.StepCourse {
		in.start, in.end = kit.NewDateEntry(), kit.NewDateEntry()
		startLabel, endLabel := "公示开始日期", "公示结束日期"
		if step == model.StepCourse {
			startLabel, endLabel = "培训开始日期", "培训结束日期"
		}
		if step == model.StepForm {
			startLabel, endLabel = "拟接收预备党员公示开始", "拟接收预备党员公示结束"
		}
		add(startLabel, "", in.start)
		fEnd := add(endLabel, model.StepPeriodField, in.end)
		if step != model.StepCourse {
			in.workingDays = widget.NewLabel("")
			in.workingDays.SizeName = theme.SizeNameCaptionText
			fEnd.Extra = in.workingDays
		}
	}
	if step == model.StepCourse {
		in.hours = kit.NewEntry()
		add("学时", "", in.hours).Validate(func(v string) string {
			if v == "" {
				return ""
			}
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err != nil || n < 0 {
				return kit.L("学时应为整数")
			}
			return ""
		})
	}
	var meetingTitles []string
	if info.Meeting != "" {
		meetingTitles = []string{kit.L(noMeeting)}
		for _, a := range meetings {
			meetingTitles = append(meetingTitles, a.Title()+"（"+a.Date.String()+"）")
		}
		in.meeting = kit.NewSelect(meetingTitles, nil)
		fd := add("会议记录", model.StepMeetingField, in.meeting)
		in.meetingCheck = kit.NewWrapLabel("")
		in.meetingCheck.SizeName = theme.SizeNameCaptionText
		fd.Extra = in.meetingCheck
		in.meeting.OnChanged = func(string) {
			if i := in.meeting.SelectedIndex(); i > 0 {
				if a := meetings[i-1]; in.date.Text == "" {
					in.date.SetDate(a.Date)
				}
			}
		}
	}
	if info.Meeting == model.KindGeneralMeeting {
		count := func(v string) string {
			if _, err := model.ParseVotes(v); err != nil {
				return kit.L("份数应为整数")
			}
			return ""
		}
		in.writtenYes, in.writtenNo = kit.NewEntry(), kit.NewEntry()
		in.writtenYes.SetPlaceHolder("0")
		in.writtenNo.SetPlaceHolder("0")
		add("书面意见赞成（份）", "", in.writtenYes).Validate(count)
		add("书面意见反对（份）", model.StepWrittenField, in.writtenNo).Validate(count)
	}
	if step == model.StepFullMeeting {
		var outcomes []string
		for _, o := range model.FullOutcomes {
			outcomes = append(outcomes, string(o))
		}
		in.outcome = kit.NewChoice(outcomes, nil)
		add("讨论结果", model.StepOutcomeField, in.outcome)
		in.months = kit.NewEntry()
		add("延长预备期（月）", "", in.months).Validate(func(v string) string {
			if v == "" {
				return ""
			}
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err != nil || n < 0 {
				return kit.L("月数应为整数")
			}
			return ""
		})
	}
	if step == model.StepArchive {
		in.archived = widget.NewCheckGroup(rules.ArchiveDocument, nil)
		add("归档材料", "", in.archived).Value(func() string { return strings.Join(in.archived.Selected, "、") })
	}
	docLabel := map[model.RecruitStep]string{
		model.StepVetting: "政审结论", model.StepForm: "入党志愿书编号", model.StepApproval: "审批文号",
		model.StepFullApproval: "审批文号",
	}[step]
	if docLabel == "" {
		docLabel = "材料"
	}
	in.document = kit.NewEntry()
	in.document.SetPlaceHolder(kit.L(info.Document))
	add(docLabel, model.StepDocField, in.document)
	add("说明", model.StepNoteField, in.note)

	form.Load(func() {
		in.date.SetDate(cur.Date)
		in.note.SetText(cur.Note)
		in.document.SetText(cur.Document)
		if in.people != nil {
			in.people.SetText(cur.People)
		}
		if in.chosen != nil {
			in.chosen.SetSelected(model.SplitNames(cur.People))
		}
		if in.method != nil {
			in.method.SetValue(cur.Method)
		}
		if in.start != nil {
			in.start.SetDate(cur.Start)
			in.end.SetDate(cur.End)
		}
		if in.hours != nil && cur.Hours > 0 {
			in.hours.SetText(strconv.Itoa(cur.Hours))
		}
		if in.meeting != nil {
			in.meeting.SetSelectedIndex(0)
			for i, a := range meetings {
				if a.ID == cur.ActivityID {
					in.meeting.SetSelectedIndex(i + 1)
				}
			}
		}
		if in.writtenYes != nil {
			for _, w := range []struct {
				e *kit.Entry
				n int
			}{{in.writtenYes, cur.WrittenYes}, {in.writtenNo, cur.WrittenNo}} {
				if w.n != 0 {
					w.e.SetText(strconv.Itoa(w.n))
				}
			}
		}
		if in.outcome != nil {
			in.outcome.SetValue(string(cur.Outcome))
			if cur.Months > 0 {
				in.months.SetText(strconv.Itoa(cur.Months))
			}
		}
		if in.archived != nil {
			in.archived.SetSelected(cur.Archived)
		}
	})

	showAttachments := func() {
		var names []string
		for _, a := range attachments {
			names = append(names, a.Name)
		}
		if len(names) == 0 {
			in.attachments.SetText(kit.L("（无扫描件）"))
		} else {
			in.attachments.SetText(strings.Join(names, "、"))
		}
	}
	showAttachments()
	attach := widget.NewButtonWithIcon(kit.L("添加扫描件…"), theme.FileImageIcon(), func() {
		s.host.ChooseFile("添加扫描件", []string{".jpg", ".jpeg", ".png", ".pdf"}, func(path string) {
			var at model.Attachment
			var err error
			s.host.Background(func() { at, err = s.svc.ReadAttachment(path) }, func() {
				if err != nil {
					form.SetError(kit.SayErr(err))
					return
				}
				attachments = append(attachments, at)
				showAttachments()
				form.MarkChanged()
			})
		})
	})

	read := func() (model.StepRecord, model.ValidationErrors) {
		x := cur
		var errs model.ValidationErrors
		date := func(e *kit.DateEntry, f model.Field) model.Date {
			d, err := e.Date()
			if err != nil {
				errs = append(errs, model.ErrProblem(f, err))
			}
			return d
		}
		x.Date = date(in.date, model.StepDateField)
		x.Note, x.Document = in.note.Text, in.document.Text
		if in.people != nil {
			x.People = in.people.Text
		}
		if in.chosen != nil {
			x.People = strings.Join(in.chosen.Selected, "、")
			x.PeopleIDs = chosenIDs(in.chosen.Selected, members, cur)
		}
		if in.method != nil {
			x.Method = in.method.Value()
		}
		if in.start != nil {
			x.Start, x.End = date(in.start, model.StepPeriodField), date(in.end, model.StepPeriodField)
		}
		if in.hours != nil {
			x.Hours, _ = strconv.Atoi(strings.TrimSpace(in.hours.Text))
		}
		if in.meeting != nil {
			x.ActivityID = 0
			if i := in.meeting.SelectedIndex(); i > 0 {
				x.ActivityID = meetings[i-1].ID
			}
		}
		if in.outcome != nil {
			x.Outcome = model.FullOutcome(in.outcome.Value())
			x.Months, _ = strconv.Atoi(strings.TrimSpace(in.months.Text))
		}
		if in.writtenYes != nil {
			x.WrittenYes, _ = model.ParseVotes(in.writtenYes.Text)
			x.WrittenNo, _ = model.ParseVotes(in.writtenNo.Text)
		}
		if in.archived != nil {
			x.Archived = append([]string(nil), in.archived.Selected...)
		}
		x.Attachments = attachments
		return x, errs
	}
	form.Check = func(report func(f *kit.Field, message string)) {
		x, errs := read()
		errs = append(errs, x.Validate(today)...)
		for _, e := range errs {
			// In the UI language: a date that cannot be read said
			// "日期“2026.13”不存在" under the English Date (review
			// s14-attack8 #14).
			e.Message = strings.TrimPrefix(e.Message, info.Name+"：")
			report(byField[e.Field], kit.SayProblem(e))
		}
		if in.workingDays != nil {
			in.workingDays.SetText("")
			if !x.Start.IsZero() && !x.End.IsZero() && !x.End.Before(x.Start) {
				n, exact := cal.WorkingDays(x.Start, x.End)
				text := kit.L("共{{.N}}个工作日（不少于{{.Min}}个）", map[string]any{"N": n, "Min": rules.NoticeWorkingDays.N})
				if !exact {
					text += kit.L("；该年放假安排未录入，按周一至周五计算")
				}
				in.workingDays.SetText(text)
			}
		}
		if in.meetingCheck != nil {
			text := meetingSummary(meetings, x.ActivityID)
			if text != "" && x.WrittenYes+x.WrittenNo > 0 {
				text += kit.L("未到会党员的书面意见：赞成{{.Yes}}份，反对{{.No}}份，计入表决。", map[string]any{"Yes": x.WrittenYes, "No": x.WrittenNo})
			}
			in.meetingCheck.SetText(text)
		}
	}
	var dlg *kit.FormDialog
	form.OnSubmit = func() {
		x, _ := read()
		out := r
		out.Records = append([]model.StepRecord(nil), r.Records...)
		out.Put(x)
		var saved model.Recruit
		var err error
		s.host.Background(func() { saved, err = s.svc.SaveRecruit(out) }, func() {
			var verrs model.ValidationErrors
			switch {
			case errors.As(err, &verrs):
				for _, e := range verrs {
					msg := strings.TrimPrefix(e.Message, info.Name+"：")
					if f := byField[e.Field]; f != nil && e.Field != model.StepDateField {
						form.SetServerError(f, msg)
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
	title := kit.L(info.Name)
	if step == model.StepTraining {
		title += kit.L("（第{{.N}}次考察）", map[string]any{"N": seq})
	} else if seq > 1 {
		title += kit.L("（延长预备期满后）")
	}
	hint := kit.NewWrapLabel(stepHint(step, rules))
	hint.SizeName = theme.SizeNameCaptionText
	view := widget.NewButtonWithIcon(kit.L("查看扫描件"), theme.VisibilityIcon(), func() { s.showScans(attachments) })
	scans := container.NewBorder(nil, nil, nil, container.NewHBox(view, attach), in.attachments)
	body := container.NewVBox(widget.NewLabel(r.Name+"　"+title), hint, form.Stacked(fields...), scans)
	if existing {
		remove := widget.NewButtonWithIcon(kit.L("删除此环节的记录"), theme.DeleteIcon(), func() {
			s.host.Confirm("删除此环节的记录", kit.L("删除后该环节视为尚未进行；原记录保留在修改记录中。"), func() {
				out := r
				out.Records = nil
				for _, y := range r.Records {
					if y.Step != step || y.Seq != seq {
						out.Records = append(out.Records, y)
					}
				}
				var saved model.Recruit
				var err error
				s.host.Background(func() { saved, err = s.svc.SaveRecruit(out) }, func() {
					if err != nil {
						s.host.ShowError("删除此环节的记录", err)
						return
					}
					dlg.Hide()
					s.saved(saved)
				})
			})
		})
		switch step {
		case model.StepAdmission, model.StepApproval, model.StepFullMeeting, model.StepFullApproval:
			if r.MemberID != 0 {
				remove.Disable() // the roster rests on it (see storage)
			}
		case model.StepApplication:
			remove.Disable()
		}
		if len(cur.Attachments) > 0 {
			remove.Disable()
		}
		body.Add(container.NewHBox(remove))
	}
	dlg = kit.ShowForm(s.host.Window(), info.Name, form, body, fyne.NewSize(640, 600))
	if formShown != nil {
		formShown(form, fields)
	}
}

// showScans shows a step's scans: photos scaled into their boxes, a PDF as
// a document icon with its name, as activity records show theirs.
func (s *Screen) showScans(ats []model.Attachment) {
	if len(ats) == 0 {
		kit.Inform(s.host.Window(), "查看扫描件", kit.L("（无扫描件）"))
		return
	}
	grid := container.NewGridWrap(fyne.NewSize(260, 300))
	for _, at := range ats {
		name := widget.NewLabel(at.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		data := at.Data
		if data == nil && at.ID != 0 && at.Type != model.AttachPDF {
			var err error
			if data, err = s.svc.AttachmentData(at.ID); err != nil {
				s.host.ShowError("读取扫描件", err)
				return
			}
		}
		var body fyne.CanvasObject = widget.NewIcon(theme.FileIcon())
		if at.Type != model.AttachPDF && data != nil {
			img := canvas.NewImageFromReader(bytes.NewReader(data), at.Name)
			img.FillMode = canvas.ImageFillContain
			body = img
		}
		grid.Add(container.NewBorder(nil, name, nil, nil, body))
	}
	d := kit.NewCustom(kit.L("查看扫描件"), kit.L("关闭"), container.NewVScroll(grid), s.host.Window())
	d.Resize(fyne.NewSize(840, 560))
	d.Show()
}

// meetingSummary is what the activity rules say of the chosen meeting: the
// quorum and the vote, so that a meeting that could not decide is seen
// before it is linked.
func meetingSummary(meetings []model.Activity, id int64) string {
	for i := range meetings {
		a := &meetings[i]
		if a.ID != id {
			continue
		}
		c := a.Counts()
		text := kit.L("应到{{.Due}}人，实到{{.Present}}人", map[string]any{"Due": c.Due, "Present": c.Present})
		for _, r := range a.Resolutions {
			if r.Voted {
				text += kit.L("；赞成{{.Yes}}票，反对{{.No}}票，弃权{{.Abstain}}票", map[string]any{"Yes": r.Yes, "No": r.No, "Abstain": r.Abstain})
				break
			}
		}
		return text + kit.L("。是否达到法定人数和表决要求，保存后在核对结果中显示。")
	}
	return ""
}

// stepHint says what the rules want of the step, with the article.
func stepHint(step model.RecruitStep, r *model.RecruitRules) string {
	switch step {
	case model.StepTalk:
		return kit.L("收到入党申请书后{{.N}}个月内派人谈话。", map[string]any{"N": r.TalkMonths.N}) + cite(r.Citing(r.TalkMonths))
	case model.StepActivist:
		return kit.L("经党员推荐或群团组织推优，由支部委员会研究决定，报上级党委备案。") + cite(r.Citation(r.ActivistRecord.Article))
	case model.StepMentors:
		return kit.L("指定{{.Min}}至{{.Max}}名正式党员作培养联系人。", map[string]any{"Min": r.MentorsMin.N, "Max": r.MentorsMax.N}) + cite(r.Citing(r.MentorsMin))
	case model.StepTraining:
		return kit.L("党支部每{{.N}}个月对入党积极分子进行一次考察。", map[string]any{"N": r.ReviewMonths.N}) + cite(r.Citing(r.ReviewMonths))
	case model.StepCandidate:
		return kit.L("经过{{.N}}年以上培养教育和考察，方可列为发展对象。", map[string]any{"N": r.ActivistYears.N}) + cite(r.Citing(r.ActivistYears))
	case model.StepCandidateRecord:
		return kit.L("上级党委同意（2026年版）或备案后，公示不少于{{.N}}个工作日。", map[string]any{"N": r.NoticeWorkingDays.N}) + cite(r.Citing(r.NoticeWorkingDays))
	case model.StepSponsors:
		return kit.L("由{{.N}}名正式党员作入党介绍人。", map[string]any{"N": r.Sponsors.N}) + cite(r.Citing(r.Sponsors))
	case model.StepVetting:
		return kit.L("政治审查须形成结论性材料。") + cite(r.Citing(r.Vetting))
	case model.StepCourse:
		return kit.L("集中培训时间一般不少于{{.D}}天或{{.H}}个学时。", map[string]any{"D": r.TrainingDays.N, "H": r.TrainingHours.N}) + cite(r.Citing(r.TrainingDays))
	case model.StepAdmission:
		return kit.L("预审通过后{{.N}}个月内召开支部党员大会讨论；关联会议记录后自动核对到会人数和表决结果。", map[string]any{"N": r.MeetingAfterPreReviewMonths.N}) + cite(r.Citing(r.MeetingAfterPreReviewMonths))
	case model.StepApproval:
		return kit.L("支部大会通过后{{.N}}个月内审批，特殊情况不超过{{.M}}个月。审批后此人列入花名册，为预备党员。", map[string]any{"N": r.ApprovalMonths.N, "M": r.ApprovalMaxMonths.N}) + cite(r.Citing(r.ApprovalMonths))
	case model.StepOath:
		if r.OathMonths.N > 0 {
			return kit.L("审批后{{.N}}个月内入党宣誓。", map[string]any{"N": r.OathMonths.N}) + cite(r.Citing(r.OathMonths))
		}
	case model.StepFullMeeting:
		return kit.L("预备期满后讨论：按期转正、延长预备期（只能一次，{{.Min}}至{{.Max}}个月）或取消预备党员资格。", map[string]any{"Min": r.ExtensionMin.N, "Max": r.ExtensionMax.N}) + cite(r.Citing(r.ExtensionMin))
	case model.StepFullApproval:
		return kit.L("支部大会讨论后{{.N}}个月内审批；批准转正后，党龄从预备期满之日算起。", map[string]any{"N": r.FullApproval.N}) + cite(r.Citing(r.FullApproval))
	case model.StepArchive:
		return kit.L("转正后将入党材料归入党员档案。") + cite(r.Citation(r.ArchiveArticle))
	}
	return ""
}

// chosenIDs are the roster links of the people ticked: today's full
// members by name, and for a name recorded before who is not among them,
// the link it had (the record's links no current member accounts for, in
// the order of the names without one).
func chosenIDs(selected []string, members []model.Member, cur model.StepRecord) []int64 {
	byName := map[string]int64{}
	known := map[int64]bool{}
	for _, m := range members {
		byName[m.Name] = m.ID
		known[m.ID] = true
	}
	var orphanIDs []int64
	for _, id := range cur.PeopleIDs {
		if !known[id] {
			orphanIDs = append(orphanIDs, id)
		}
	}
	var orphanNames []string
	for _, n := range model.SplitNames(cur.People) {
		if _, ok := byName[n]; !ok {
			orphanNames = append(orphanNames, n)
		}
	}
	previous := map[string]int64{}
	if len(orphanIDs) == len(orphanNames) {
		for i, n := range orphanNames {
			previous[n] = orphanIDs[i]
		}
	}
	var out []int64
	for _, n := range selected {
		if id, ok := byName[n]; ok {
			out = append(out, id)
		} else if id := previous[n]; id != 0 {
			out = append(out, id)
		}
	}
	return out
}

// cite is a rule's citation after its sentence: a space apart in English,
// where the two ran together ("…with the upper committee.Detailed Rules on
// Recruiting CPC Members (2026), art. 8", review s14-attack8 #14); right
// after the 。 in Chinese.
func cite(c model.Citation) string {
	s := kit.Cite(c)
	if s != "" && kit.English() {
		return " " + s
	}
	return s
}
