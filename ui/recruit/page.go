package recruit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// page is one person's page: who they are, the next action, what the
// checks found, and the 5 stages with their steps as a timeline.
type page struct {
	s       *Screen
	content *fyne.Container
	hint    *kit.WrapLabel

	r   model.Recruit
	rep model.RecruitReport
}

func newPage(s *Screen) *page {
	p := &page{s: s}
	p.hint = kit.NewWrapLabel(kit.L("在左侧选择一个人，查看其发展党员的全部环节。"))
	p.content = container.NewStack(container.NewPadded(p.hint))
	return p
}

func (p *page) clear() {
	p.r = model.Recruit{}
	p.content.Objects = []fyne.CanvasObject{container.NewPadded(p.hint)}
	p.content.Refresh()
}

// show lays out the page of r with its report.
func (p *page) show(r model.Recruit, rep model.RecruitReport) {
	p.r, p.rep = r, rep
	name := widget.NewLabel(r.Name)
	name.TextStyle.Bold = true
	name.SizeName = theme.SizeNameSubHeadingText
	info := widget.NewLabel(kit.L(string(r.Status())) + "　" + kit.Word(string(r.Sex)) + "　" + r.IDNumber + "　" + kit.Word(r.Post))
	info.Truncation = fyne.TextTruncateEllipsis

	edit := widget.NewButtonWithIcon(kit.L("修改个人信息"), theme.DocumentCreateIcon(), func() { p.s.editPerson(p.r) })
	record := widget.NewButtonWithIcon(kit.L("打印纪实表…"), theme.DocumentPrintIcon(), p.printRecord)
	candidate := widget.NewButtonWithIcon(kit.L("发展对象公示…"), theme.DocumentPrintIcon(), func() { p.printNotice(false) })
	admission := widget.NewButtonWithIcon(kit.L("拟接收公示…"), theme.DocumentPrintIcon(), func() { p.printNotice(true) })
	if x := r.Record(model.StepCandidateRecord); x == nil || x.Start.IsZero() {
		candidate.Disable()
	}
	if x := r.Record(model.StepForm); x == nil || x.Start.IsZero() {
		admission.Disable()
	}
	history := widget.NewButtonWithIcon(kit.L("修改记录"), theme.HistoryIcon(), p.showHistory)
	right := container.NewHBox(history)
	if r.MemberID != 0 {
		right.Add(widget.NewButtonWithIcon(kit.L("在花名册中查看"), theme.AccountIcon(), func() { p.s.host.OpenMember(p.r.MemberID) }))
	}
	head := container.NewVBox(container.NewBorder(nil, nil, nil, right, name), info,
		kit.NewFlow(edit, record, candidate, admission))

	body := container.NewVBox(p.nextCard(), p.findingsBox())
	for stage := model.RecruitStage(1); stage <= 5; stage++ {
		body.Add(p.stageCard(stage))
	}
	p.content.Objects = []fyne.CanvasObject{container.NewBorder(container.NewPadded(head), nil, nil, nil, kit.NewScroll(container.NewPadded(body)))}
	p.content.Refresh()
}

// nextCard says what to do next, with the button that does it.
func (p *page) nextCard() fyne.CanvasObject {
	n := p.rep.Next()
	if n == nil {
		msg := kit.L("各环节均已登记。")
		if p.r.Status() == model.StatusProbationary {
			msg = kit.L("预备期至{{.Date}}，届满后登记转正申请。", map[string]any{"Date": p.r.ProbationEnd().Chinese()})
		}
		l := kit.NewWrapLabel(msg)
		return widget.NewCard(kit.L("下一步"), "", l)
	}
	text, imp := nextText(p.rep)
	l := kit.NewWrapLabel(text)
	l.Importance = imp
	l.TextStyle.Bold = true
	step := n.Step
	var do fyne.CanvasObject = layoutNone()
	if step != model.StepProbation {
		b := widget.NewButtonWithIcon(kit.L("登记此环节"), theme.ContentAddIcon(), func() { p.s.editStep(p.r, step, p.nextSeq(step)) })
		b.Importance = widget.HighImportance
		do = b
	}
	rule := kit.NewWrapLabel(kit.Cite(n.Rule))
	rule.SizeName = theme.SizeNameCaptionText
	return widget.NewCard(kit.L("下一步"), "", container.NewBorder(nil, nil, nil, do, container.NewVBox(l, rule)))
}

// nextSeq is the Seq a new record of the step gets: the next review, or the
// meeting after an extension.
func (p *page) nextSeq(s model.RecruitStep) int {
	switch s {
	case model.StepTraining:
		return len(p.r.All(s)) + 1
	case model.StepFullMeeting, model.StepFullApproval:
		if first := p.r.RecordSeq(model.StepFullMeeting, 1); first.Done() && first.Outcome == model.OutcomeExtend &&
			(s == model.StepFullMeeting || p.r.RecordSeq(model.StepFullApproval, 1).Done()) {
			return 2
		}
	}
	return 1
}

// findingsBox lists what the checks found for the person, most serious
// first; nothing when all is well.
func (p *page) findingsBox() fyne.CanvasObject {
	box := container.NewVBox()
	for _, sev := range []model.Severity{model.Serious, model.Warning, model.Info} {
		for _, f := range p.rep.Findings {
			if f.Severity != sev {
				continue
			}
			icon, imp := severityLook(sev)
			l := kit.NewWrapLabel(kit.L(sev.String()) + kit.L("：") + kit.Say(model.RecruitDetail(f)))
			l.Importance = imp
			box.Add(container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l))
		}
	}
	if len(box.Objects) == 0 {
		return layoutNone()
	}
	return widget.NewCard(kit.L("核对结果"), "", box)
}

func layoutNone() fyne.CanvasObject { return container.NewVBox() }

func severityLook(s model.Severity) (fyne.Resource, widget.Importance) {
	switch s {
	case model.Serious:
		return theme.NewErrorThemedResource(theme.ErrorIcon()), widget.DangerImportance
	case model.Warning:
		return theme.NewWarningThemedResource(theme.WarningIcon()), widget.WarningImportance
	}
	return theme.InfoIcon(), widget.MediumImportance
}

// stageCard is one stage with its steps, one line each: state, number and
// name, what was recorded or when it is due, and the button to record or
// change it.
func (p *page) stageCard(stage model.RecruitStage) fyne.CanvasObject {
	rows := container.NewVBox()
	for i := range p.rep.Timeline {
		st := &p.rep.Timeline[i]
		if st.Step.Info().Stage != stage {
			continue
		}
		rows.Add(p.stepRow(st))
	}
	return widget.NewCard(kit.L(model.RecruitStages[stage]), "", rows)
}

func (p *page) stepRow(st *model.StepStatus) fyne.CanvasObject {
	info := st.Step.Info()
	icon := widget.NewIcon(stateIcon(st.State))
	name := widget.NewLabel(itoa(int(st.Step)) + ". " + kit.L(info.Name))
	status := kit.NewWrapLabel(p.statusText(st))
	switch st.State {
	case model.StepOverdue:
		status.Importance = widget.DangerImportance
	case model.StepWaiting:
		status.Importance = widget.LowImportance
		name.Importance = widget.LowImportance
	case model.StepDue:
		status.Importance = widget.WarningImportance
	}
	step := st.Step
	var action fyne.CanvasObject = layoutNone()
	switch {
	case step == model.StepProbation:
	case step == model.StepTraining && len(p.r.All(step)) == 0:
		action = widget.NewButton(p.addLabel(step), func() { p.s.editStep(p.r, step, 1) })
	case st.State == model.StepDone && (step == model.StepTraining || p.nextSeq(step) > 1):
		action = container.NewHBox(
			widget.NewButton(kit.L("修改"), func() { p.s.editStep(p.r, step, 1) }),
			widget.NewButton(p.addLabel(step), func() { p.s.editStep(p.r, step, p.nextSeq(step)) }))
	case st.State == model.StepDone:
		action = widget.NewButton(kit.L("修改"), func() { p.s.editStep(p.r, step, 1) })
	case st.State != model.StepWaiting || step == model.StepTraining:
		b := widget.NewButton(p.addLabel(step), func() { p.s.editStep(p.r, step, p.nextSeq(step)) })
		if st.State == model.StepWaiting {
			b.Disable()
		}
		action = b
	}
	left := container.NewHBox(icon, name)
	return container.NewBorder(nil, widget.NewSeparator(), left, action, status)
}

func (p *page) addLabel(s model.RecruitStep) string {
	switch {
	case s == model.StepTraining:
		return kit.L("登记考察")
	case p.nextSeq(s) > 1:
		return kit.L("登记延长期满后")
	}
	return kit.L("登记")
}

func stateIcon(s model.StepState) fyne.Resource {
	switch s {
	case model.StepDone:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case model.StepOverdue:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case model.StepDue:
		return theme.NewWarningThemedResource(theme.HistoryIcon())
	case model.StepOpen:
		return theme.NavigateNextIcon()
	}
	return theme.NewDisabledResource(theme.RadioButtonIcon())
}

// statusText is what a step's line says: the record, or when it is due, or
// why it cannot be taken yet.
func (p *page) statusText(st *model.StepStatus) string {
	r := &p.r
	if st.Step == model.StepProbation {
		end := r.ProbationEnd()
		if end.IsZero() {
			return kit.L("尚不能进行")
		}
		return kit.L("预备期 {{.From}} 至 {{.To}}", map[string]any{"From": r.DateOf(model.StepAdmission).String(), "To": end.String()})
	}
	if st.State == model.StepDone || st.Step == model.StepTraining {
		var parts []string
		for _, x := range r.All(st.Step) {
			if !x.Done() && x.Start.IsZero() {
				continue
			}
			parts = append(parts, recordSummary(x, p.s.pipeline.Meetings))
		}
		if len(parts) > 0 {
			text := joinLines(parts)
			if st.State == model.StepDue || st.State == model.StepOverdue {
				text += "\n" + dueText(st)
			}
			return text
		}
	}
	if st.Step == model.StepTraining && st.State == model.StepDone {
		return kit.L("未登记考察记录")
	}
	switch st.State {
	case model.StepWaiting:
		return kit.L("尚不能进行：前面的环节还没有完成")
	case model.StepDue, model.StepOverdue:
		return dueText(st)
	}
	if !st.Earliest.IsZero() {
		return kit.L("{{.Date}}起可以进行", map[string]any{"Date": st.Earliest.Chinese()})
	}
	if x := r.Record(st.Step); x != nil && !x.Start.IsZero() {
		return recordSummary(x, p.s.pipeline.Meetings)
	}
	return kit.L("可以登记")
}

func dueText(st *model.StepStatus) string {
	if st.State == model.StepOverdue {
		return kit.L("已逾期：应于{{.Date}}前完成", map[string]any{"Date": st.Due.Chinese()})
	}
	return kit.L("应于{{.Date}}前完成", map[string]any{"Date": st.Due.Chinese()})
}

// recordSummary is a step's record as one line for the timeline.
func recordSummary(x *model.StepRecord, meetings map[int64]string) string {
	s := x.Date.String()
	if x.Step == model.StepTraining {
		s = kit.L("第{{.N}}次考察 {{.Date}}", map[string]any{"N": x.Seq, "Date": x.Date.String()})
	} else if x.Seq > 1 {
		s = kit.L("第{{.N}}次", map[string]any{"N": x.Seq}) + " " + s
	}
	add := func(v string) {
		if v != "" {
			if s != "" {
				s += "　"
			}
			s += v
		}
	}
	add(x.People)
	if x.Method != "" {
		add(kit.L(x.Method))
	}
	if !x.Start.IsZero() {
		if x.Step == model.StepCourse {
			add(kit.L("期间 {{.From}} 至 {{.To}}", map[string]any{"From": x.Start.String(), "To": x.End.String()}))
		} else {
			add(kit.L("公示 {{.From}} 至 {{.To}}", map[string]any{"From": x.Start.String(), "To": x.End.String()}))
		}
	}
	if x.Hours > 0 {
		add(kit.L("{{.N}}学时", map[string]any{"N": x.Hours}))
	}
	add(x.Document)
	if x.ActivityID != 0 {
		add(meetings[x.ActivityID])
	}
	if x.Outcome != "" {
		add(kit.L(string(x.Outcome)))
		if x.Outcome == model.OutcomeExtend {
			add(kit.L("{{.N}}个月", map[string]any{"N": x.Months}))
		}
	}
	if len(x.Attachments) > 0 {
		add(kit.L("扫描件{{.N}}份", map[string]any{"N": len(x.Attachments)}))
	}
	add(x.Note)
	return s
}

func joinLines(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += "\n"
		}
		out += s
	}
	return out
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}
