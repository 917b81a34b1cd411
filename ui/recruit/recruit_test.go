package recruit

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

var today = model.NewDate(2026, 11, 30)

func d(y int, m time.Month, day int) model.Date { return model.NewDate(y, m, day) }

// fakeService keeps the pipeline in memory and checks it with the model's
// rules, as the real service does.
type fakeService struct {
	recruits []model.Recruit
	members  []model.Member
	meetings []model.Activity
	saves    int
	commits  int
	exported []string
	failSave error
	preview  *model.RecruitImportPreview // what PreviewImport gives, when set
}

func (f *fakeService) context() *model.RecruitContext {
	byID := map[int64]*model.Member{}
	for i := range f.members {
		byID[f.members[i].ID] = &f.members[i]
	}
	acts := map[int64]*model.Activity{}
	for i := range f.meetings {
		acts[f.meetings[i].ID] = &f.meetings[i]
	}
	return &model.RecruitContext{Members: byID, Activities: acts, Calendar: model.DefaultHolidayCalendar(), Today: today,
		Meetings: model.RuleContext{Members: byID, CommitteeSeats: 3, Rules: model.BranchWorkRules2018}}
}

func (f *fakeService) Pipeline() (model.RecruitPipeline, error) {
	p := model.RecruitPipeline{Recruits: append([]model.Recruit(nil), f.recruits...), Reports: map[int64]model.RecruitReport{}, Meetings: map[int64]string{}}
	c := f.context()
	for i := range p.Recruits {
		p.Reports[p.Recruits[i].ID] = model.CheckRecruit(&p.Recruits[i], c)
	}
	for _, a := range f.meetings {
		p.Meetings[a.ID] = a.Title()
	}
	return p, nil
}

func (f *fakeService) SaveRecruit(r model.Recruit) (model.Recruit, error) {
	if f.failSave != nil {
		return r, f.failSave
	}
	r.Normalize()
	if errs := r.Validate(today); len(errs) > 0 {
		return r, errs
	}
	f.saves++
	if r.ID == 0 {
		r.ID = int64(len(f.recruits) + 1)
		f.recruits = append(f.recruits, r)
		return r, nil
	}
	for i := range f.recruits {
		if f.recruits[i].ID == r.ID {
			f.recruits[i] = r
		}
	}
	return r, nil
}

func (f *fakeService) RecruitChanges(int64) ([]model.RecruitChange, error) { return nil, nil }
func (f *fakeService) Meetings(kind model.ActivityKind) ([]model.Activity, error) {
	var out []model.Activity
	for _, a := range f.meetings {
		if a.Kind == kind {
			out = append(out, a)
		}
	}
	return out, nil
}
func (f *fakeService) FullMembers() ([]model.Member, error) { return f.members, nil }
func (f *fakeService) ReadAttachment(path string) (model.Attachment, error) {
	return model.Attachment{Name: path, Type: model.AttachJPEG, Size: 3, Data: []byte{0xFF, 0xD8, 0xFF}}, nil
}
func (f *fakeService) AttachmentData(int64) ([]byte, error) { return []byte{0xFF, 0xD8, 0xFF}, nil }
func (f *fakeService) PreviewImport(path string) (model.RecruitImportPreview, error) {
	if f.preview != nil {
		return *f.preview, nil
	}
	r := model.Recruit{Name: "新人", IDNumber: "110101199001011237"}
	r.Put(model.StepRecord{Step: model.StepApplication, Seq: 1, Date: d(2026, 10, 1)})
	return model.RecruitImportPreview{File: path, Sheet: "Sheet1", Add: []model.Recruit{r},
		Rejected: []model.Rejection{{Row: 4, Field: model.ColApplication, Reason: "递交入党申请书时未满18周岁"}}}, nil
}
func (f *fakeService) CommitImport(p model.RecruitImportPreview) (int, int, error) {
	f.commits++
	for _, r := range p.Add {
		_, _ = f.SaveRecruit(r)
	}
	return len(p.Add), 0, nil
}
func (f *fakeService) ExportLedger(path string) (int, error) {
	f.exported = append(f.exported, "ledger")
	return len(f.recruits), nil
}
func (f *fakeService) ExportRecord(id int64, path string) error {
	f.exported = append(f.exported, "record")
	return nil
}
func (f *fakeService) ExportCandidateNotice(int64, string) error {
	f.exported = append(f.exported, "candidate")
	return nil
}
func (f *fakeService) ExportAdmissionNotice(int64, string) error {
	f.exported = append(f.exported, "admission")
	return nil
}
func (f *fakeService) Holidays() ([]model.HolidayDay, error) { return nil, nil }
func (f *fakeService) SaveHoliday(model.HolidayDay) error    { return nil }
func (f *fakeService) DeleteHoliday(model.Date) error        { return nil }
func (f *fakeService) Calendar() (model.HolidayCalendar, error) {
	return model.DefaultHolidayCalendar(), nil
}

// fakeHost runs background work in line and records what it was asked.
type fakeHost struct {
	win      fyne.Window
	errors   []string
	changed  []func()
	opened   int64
	saved    []string
	chooseTo string
}

func (h *fakeHost) Window() fyne.Window { return h.win }
func (h *fakeHost) ShowError(doing string, err error) {
	h.errors = append(h.errors, doing+": "+err.Error())
}
func (h *fakeHost) Background(work func(), then func())                { work(); then() }
func (h *fakeHost) Confirm(_, _ string, onYes func())                  { onYes() }
func (h *fakeHost) Progress(string, string) func()                     { return func() {} }
func (h *fakeHost) DataChanged()                                       { h.run() }
func (h *fakeHost) OnDataChanged(f func())                             { h.changed = append(h.changed, f) }
func (h *fakeHost) Today() model.Date                                  { return today }
func (h *fakeHost) Members() []model.Member                            { return nil }
func (h *fakeHost) OpenMember(id int64)                                { h.opened = id }
func (h *fakeHost) ChooseFile(_ string, _ []string, then func(string)) { then(h.chooseTo) }
func (h *fakeHost) SaveWorkbook(doing, name string, write func(string) (string, error)) {
	h.saved = append(h.saved, name)
	if _, err := write("/tmp/" + name); err != nil {
		h.ShowError(doing, err)
	}
}
func (h *fakeHost) run() {
	for _, f := range h.changed {
		f()
	}
}

var _ kit.Host = (*fakeHost)(nil)

func members() []model.Member {
	var out []model.Member
	for i, n := range []string{"王芳", "李强", "赵敏", "孙伟", "周杰"} {
		out = append(out, model.Member{ID: int64(i + 1), Name: n, Category: model.CategoryFull, JoinDate: d(2008, 7, 1),
			FullDate: d(2009, 7, 1), OnRoster: true, Standing: model.StandingNormal})
	}
	return out
}

// applicant applied on applied; the talk is due a month later.
func applicant(id int64, name, idNumber string, applied model.Date) model.Recruit {
	r := model.Recruit{ID: id, Name: name, Sex: model.SexMale, IDNumber: idNumber}
	r.Put(model.StepRecord{Step: model.StepApplication, Seq: 1, Date: applied})
	return r
}

func newTestScreen(t *testing.T, svc *fakeService) (*Screen, *fakeHost) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1240, 680))
	h := &fakeHost{win: w}
	s := NewScreen(h, svc)
	w.SetContent(s.Content())
	return s, h
}

// labels gathers the text of every label under o.
func labels(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *kit.WrapLabel:
			out = append(out, w.Text)
		case *widget.Card:
			out = append(out, w.Title)
			if w.Content != nil {
				walk(w.Content)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *kit.Scroll:
			walk(w.Inner().Content)
		case *container.Scroll:
			walk(w.Content)
		case *container.Split:
			walk(w.Leading)
			walk(w.Trailing)
		case *widget.PopUp:
			walk(w.Content)
		case *container.AppTabs:
			for _, it := range w.Items {
				out = append(out, it.Text)
				walk(it.Content)
			}
		}
	}
	walk(o)
	return out
}

func buttons(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Button:
			out = append(out, w)
		case *kit.Button:
			out = append(out, &w.Button)
		case *widget.Card:
			if w.Content != nil {
				walk(w.Content)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *kit.Scroll:
			walk(w.Inner().Content)
		case *container.Scroll:
			walk(w.Content)
		case *widget.PopUp:
			walk(w.Content)
		}
	}
	walk(o)
	return out
}

func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, b := range buttons(o) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

func contains(ss []string, part string) bool {
	for _, s := range ss {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// The list shows each person's stage and next step, an overdue one in red;
// a person's page shows the 5 stages and their steps, the next action and
// what the checks found.
func TestPipelineListAndPage(t *testing.T) {
	svc := &fakeService{members: members(), recruits: []model.Recruit{
		applicant(1, "王浩然", "110101199001011237", d(2026, 10, 20)),
		applicant(2, "陈静", "110101199203041242", d(2026, 11, 20)),
	}}
	s, _ := newTestScreen(t, svc)
	if s.list.Length() != 2 {
		t.Fatalf("%d people listed", s.list.Length())
	}
	text, imp := nextText(s.pipeline.Reports[1])
	if imp != widget.DangerImportance || !strings.Contains(text, "已逾期：党组织派人谈话（应于2026-11-20前）") {
		t.Errorf("王浩然's line: %q", text)
	}
	if text, imp := nextText(s.pipeline.Reports[2]); imp == widget.DangerImportance || !strings.Contains(text, "2026-12-20前") {
		t.Errorf("陈静's line: %q", text)
	}
	s.list.Select(0)
	page := labels(s.page.content)
	for _, want := range []string{"王浩然", "申请入党", "入党积极分子的确定和培养教育", "预备党员的教育、考察和转正",
		"1. 递交入党申请书", "25. 材料归档", "已逾期：应于2026年11月20日前完成", "尚不能进行：前面的环节还没有完成",
		"严重：谈话 应于2026年11月20日前完成，已逾期10天（《中国共产党发展党员工作细则》（2026年）第七条）"} {
		if !contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// The search narrows the list.
	s.search.SetText("陈")
	if s.list.Length() != 1 || s.shown[0].Name != "陈静" {
		t.Errorf("search: %d shown", s.list.Length())
	}
	s.search.SetText("")
	s.status.SetSelected("入党积极分子")
	if s.list.Length() != 0 {
		t.Errorf("status filter: %d shown", s.list.Length())
	}
}

// A new applicant: the ID number fills sex and birth date, the application
// date is asked for, and saving adds the person and shows them.
func TestNewApplicant(t *testing.T) {
	svc := &fakeService{members: members()}
	s, h := newTestScreen(t, svc)
	if !s.empty.Visible() {
		t.Errorf("an empty pipeline says how to start")
	}
	s.editPerson(model.Recruit{})
	form := topForm(t, h.win)
	inputs := formInputs(form)
	test.Type(inputs["姓名"].(*kit.Entry), "刘洋")
	test.Type(inputs["公民身份号码"].(*kit.Entry), "110101199001011237")
	if got := inputs["性别"].(*kit.Select).Selected; got != "男" {
		t.Errorf("sex from the ID number: %q", got)
	}
	if got := inputs["出生日期"].(*kit.DateEntry).Text; got != "1990-01-01" {
		t.Errorf("birth date from the ID number: %q", got)
	}
	date := inputs["递交入党申请书日期"].(*kit.DateEntry)
	test.Type(date, "2027-01-01")
	form.form.Refresh()
	if form.form.Valid() {
		t.Errorf("a future application date can be saved")
	}
	date.SetText("")
	test.Type(date, "2026年11月2日")
	form.form.Refresh()
	if !form.form.Valid() {
		t.Fatalf("form refused: %v", form.form.Problems())
	}
	form.form.Submit()
	if svc.saves != 1 || len(svc.recruits) != 1 {
		t.Fatalf("saves %d", svc.saves)
	}
	r := svc.recruits[0]
	if r.IDNumber != "110101199001011237" || r.Sex != model.SexMale || r.DateOf(model.StepApplication) != d(2026, 11, 2) {
		t.Errorf("saved %+v", r)
	}
	if s.list.Length() != 1 || s.empty.Visible() || s.page.r.ID != r.ID {
		t.Errorf("the new person is listed and shown")
	}
}

// Recording the talk from the page's next action; recording the admitting
// meeting linked to its record shows the meeting's counts before saving.
func TestRecordSteps(t *testing.T) {
	svc := &fakeService{members: members(), recruits: []model.Recruit{applicant(1, "王浩然", "110101199001011237", d(2026, 10, 20))}}
	s, h := newTestScreen(t, svc)
	s.Show(1)
	button(t, s.page.content, "登记此环节").OnTapped()
	form := topForm(t, h.win)
	inputs := formInputs(form)
	test.Type(inputs["日期"].(*kit.DateEntry), "2026-11-25")
	test.Type(inputs["谈话人"].(*kit.Entry), "王芳")
	form.form.Refresh()
	form.form.Submit()
	if got := svc.recruits[0].Record(model.StepTalk); got == nil || got.Date != d(2026, 11, 25) || got.People != "王芳" {
		t.Fatalf("talk saved as %+v", got)
	}
	if contains(labels(s.page.content), "已逾期") {
		t.Errorf("the page still shows the talk overdue")
	}

	// The admitting meeting, linked to a 支部党员大会 record below quorum.
	meeting := model.Activity{ID: 9, Kind: model.KindGeneralMeeting, Seq: 2, Date: d(2026, 11, 20)}
	for i := 1; i <= 5; i++ {
		st := model.Absent
		if i <= 2 {
			st = model.Present
		}
		meeting.Attendance = append(meeting.Attendance, model.AttendanceRow{MemberID: int64(i), Status: st, Reason: "出差"})
	}
	meeting.Resolutions = []model.Resolution{{Text: "接收", Voted: true, Yes: 2}}
	svc.meetings = []model.Activity{meeting}
	s.editStep(svc.recruits[0], model.StepAdmission, 1)
	form = topForm(t, h.win)
	inputs = formInputs(form)
	inputs["会议记录"].(*kit.Select).SetSelectedIndex(1)
	if got := inputs["日期"].(*kit.DateEntry).Text; got != "2026-11-20" {
		t.Errorf("the date follows the meeting: %q", got)
	}
	form.form.Refresh()
	if !contains(labels(form.body), "应到5人，实到2人；赞成2票") {
		t.Errorf("the form shows the meeting's counts: %q", labels(form.body))
	}
	form.form.Submit()
	if got := svc.recruits[0].Record(model.StepAdmission); got == nil || got.ActivityID != 9 {
		t.Fatalf("meeting not linked: %+v", got)
	}
	if !contains(labels(s.page.content), "严重：支部大会讨论接收 2026年第2次支部党员大会：有表决权的党员应到5人，实到2人，未超过半数") {
		t.Errorf("the page shows the meeting below quorum: %q", labels(s.page.content))
	}
}

// A mentor is chosen from the full members on the roster.
func TestMentorsFromTheRoster(t *testing.T) {
	r := applicant(1, "王浩然", "110101199001011237", d(2026, 3, 1))
	r.Put(model.StepRecord{Step: model.StepTalk, Seq: 1, Date: d(2026, 3, 10), People: "王芳"})
	r.Put(model.StepRecord{Step: model.StepActivist, Seq: 1, Date: d(2026, 4, 10), Method: string(model.ByMembers)})
	svc := &fakeService{members: members(), recruits: []model.Recruit{r}}
	s, h := newTestScreen(t, svc)
	s.Show(1)
	s.editStep(svc.recruits[0], model.StepMentors, 1)
	form := topForm(t, h.win)
	inputs := formInputs(form)
	test.Type(inputs["日期"].(*kit.DateEntry), "2026-04-12")
	inputs["培养联系人"].(*widget.CheckGroup).SetSelected([]string{"李强", "周杰"})
	form.form.Refresh()
	form.form.Submit()
	x := svc.recruits[0].Record(model.StepMentors)
	if x == nil || x.People != "李强、周杰" || len(x.PeopleIDs) != 2 || x.PeopleIDs[0] != 2 || x.PeopleIDs[1] != 5 {
		t.Fatalf("mentors saved as %+v", x)
	}
}

func TestImportPreviewThenCommit(t *testing.T) {
	svc := &fakeService{members: members()}
	s, h := newTestScreen(t, svc)
	h.chooseTo = "发展党员.xlsx"
	s.chooseImport()
	if svc.commits != 0 {
		t.Fatal("committed before confirming")
	}
	dlg := topDialog(t, h.win)
	if !contains(labels(dlg), "新增 1 人，更新 0 人，无变化 0 人，1 行未通过") {
		t.Errorf("preview: %q", labels(dlg))
	}
	button(t, dlg, "确认导入（跳过未通过的行）").OnTapped()
	if svc.commits != 1 || s.list.Length() != 1 {
		t.Errorf("commits %d, listed %d", svc.commits, s.list.Length())
	}
}

func TestPrintsAndErrors(t *testing.T) {
	r := applicant(1, "王浩然", "110101199001011237", d(2026, 3, 1))
	r.Put(model.StepRecord{Step: model.StepTalk, Seq: 1, Date: d(2026, 3, 10)})
	svc := &fakeService{members: members(), recruits: []model.Recruit{r}}
	s, h := newTestScreen(t, svc)
	s.Show(1)
	button(t, s.page.content, "打印纪实表…").OnTapped()
	if b := button(t, s.page.content, "发展对象公示…"); !b.Disabled() {
		t.Errorf("a notice without dates can be printed")
	}
	s.exportLedger()
	if strings.Join(svc.exported, ",") != "record,ledger" || h.saved[0] != "王浩然发展党员全程纪实表.xlsx" {
		t.Errorf("exports %v, names %v", svc.exported, h.saved)
	}
	svc.failSave = errors.New("磁盘已满")
	s.editStep(svc.recruits[0], model.StepActivist, 1)
	form := topForm(t, h.win)
	test.Type(formInputs(form)["日期"].(*kit.DateEntry), "2026-04-01")
	form.form.Refresh()
	form.form.Submit()
	if len(h.errors) != 1 || !strings.Contains(h.errors[0], "磁盘已满") {
		t.Errorf("a failed save is reported: %v", h.errors)
	}
}

// shownForm is the form dialog on top of the window.
type shownForm struct {
	form   *kit.Form
	body   fyne.CanvasObject
	fields []*kit.Field
}

func topDialog(t *testing.T, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	ov := w.Canvas().Overlays().Top()
	if ov == nil {
		t.Fatal("no dialog shown")
	}
	return ov
}

// topForm finds the kit form in the dialog on top; its fields are found by
// their labels.
func topForm(t *testing.T, w fyne.Window) shownForm {
	t.Helper()
	ov := topDialog(t, w)
	if lastForm == nil {
		t.Fatal("no form")
	}
	return shownForm{form: lastForm, body: ov, fields: lastFields}
}

var (
	lastForm   *kit.Form
	lastFields []*kit.Field
)

func init() {
	formShown = func(f *kit.Form, fields []*kit.Field) { lastForm, lastFields = f, fields }
}

// formInputs maps each field's label to its input.
func formInputs(sf shownForm) map[string]fyne.CanvasObject {
	out := map[string]fyne.CanvasObject{}
	for _, fd := range sf.fields {
		out[fd.Label] = fd.Input
	}
	return out
}

var _ = dialog.NewInformation

// A scanned document added in a step's form is saved with the step.
func TestScanAttachesToTheStep(t *testing.T) {
	svc := &fakeService{members: members(), recruits: []model.Recruit{applicant(1, "王浩然", "110101199001011237", d(2026, 10, 20))}}
	s, h := newTestScreen(t, svc)
	s.Show(1)
	s.editStep(svc.recruits[0], model.StepTalk, 1)
	form := topForm(t, h.win)
	test.Type(formInputs(form)["日期"].(*kit.DateEntry), "2026-11-02")
	h.chooseTo = "谈话记录.jpg"
	button(t, form.body, "添加扫描件…").OnTapped()
	if !contains(labels(form.body), "谈话记录.jpg") {
		t.Errorf("the scan is not listed in the form: %q", labels(form.body))
	}
	form.form.Refresh()
	form.form.Submit()
	x := svc.recruits[0].Record(model.StepTalk)
	if x == nil || len(x.Attachments) != 1 || x.Attachments[0].Name != "谈话记录.jpg" {
		t.Fatalf("saved %+v", x)
	}
	if !contains(labels(s.page.content), "扫描件1份") {
		t.Errorf("the timeline does not count the scan")
	}
}

// A mentor who has since left the roster stays listed and ticked on the
// step form, keeps their roster link when the form is saved unchanged, and
// can be unticked (attack review of issue 12 #11).
func TestStepFormKeepsPeopleNoLongerOnTheRoster(t *testing.T) {
	r := applicant(1, "王浩然", "110101199001011237", d(2026, 3, 1))
	r.Put(model.StepRecord{Step: model.StepTalk, Seq: 1, Date: d(2026, 3, 10), People: "王芳"})
	r.Put(model.StepRecord{Step: model.StepActivist, Seq: 1, Date: d(2026, 4, 10), Method: string(model.ByMembers)})
	r.Put(model.StepRecord{Step: model.StepMentors, Seq: 1, Date: d(2026, 4, 12), People: "李强、周杰", PeopleIDs: []int64{2, 5}})
	svc := &fakeService{members: members()[:4], recruits: []model.Recruit{r}} // 周杰 (5) has left
	s, h := newTestScreen(t, svc)
	s.Show(1)
	s.editStep(svc.recruits[0], model.StepMentors, 1)
	form := topForm(t, h.win)
	cg := formInputs(form)["培养联系人"].(*widget.CheckGroup)
	if !slices.Contains(cg.Options, "周杰") || !slices.Contains(cg.Selected, "周杰") {
		t.Fatalf("options %q, selected %q: the mentor who left is hidden", cg.Options, cg.Selected)
	}
	form.form.Submit()
	x := svc.recruits[0].Record(model.StepMentors)
	if x.People != "李强、周杰" || !slices.Equal(x.PeopleIDs, []int64{2, 5}) {
		t.Errorf("saved unchanged: People=%q PeopleIDs=%v", x.People, x.PeopleIDs)
	}
	s.editStep(svc.recruits[0], model.StepMentors, 1)
	form = topForm(t, h.win)
	cg = formInputs(form)["培养联系人"].(*widget.CheckGroup)
	cg.SetSelected([]string{"李强"})
	form.form.Submit()
	if x := svc.recruits[0].Record(model.StepMentors); x.People != "李强" || !slices.Equal(x.PeopleIDs, []int64{2}) {
		t.Errorf("unticked: People=%q PeopleIDs=%v", x.People, x.PeopleIDs)
	}
}
