package transfer

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

var today = model.NewDate(2026, 11, 30)

// fakeService keeps the records in memory and checks them with the model's
// rules, as the real service does.
type fakeService struct {
	members []model.Member
	letters []model.TransferLetter
	ins     []model.TransferIn
	mobile  []model.MobileMember
	inflow  []model.InflowMember
	setup   model.LetterSetup
	// setupErr, when set, is LetterSetup's error.
	setupErr error
	// ledgerStart is the dues ledger's 建账月份 the overview gives.
	ledgerStart model.Month
	paidTo      map[int64]model.Month // a member missing here: 党费交至 unknown
	owes        map[int64]model.LetterDues
	// records are the members' records in the branch a letter may not
	// predate, as storage reads them.
	records map[int64][]model.DatedRecord
	// present are the members' presences at activities.
	present  map[int64][]model.Presence
	exported []string
	// overviews counts Overview calls; members, the host's Members calls.
	overviews, memberReads int
}

func (f *fakeService) member(id int64) *model.Member {
	for i := range f.members {
		if f.members[i].ID == id {
			return &f.members[i]
		}
	}
	return nil
}

func (f *fakeService) LetterSetup() (model.LetterSetup, error) { return f.setup, f.setupErr }

func (f *fakeService) PresentWhileAway(memberID int64, from, until model.Date) (model.Presence, bool, error) {
	var out model.Presence
	found := false
	for _, p := range f.present[memberID] {
		if p.Date.After(from) && (until.IsZero() || p.Date.Before(until)) && (!found || p.Date.After(out.Date)) {
			out, found = p, true
		}
	}
	return out, found, nil
}

func (f *fakeService) Overview() (model.TransferOverview, error) {
	f.overviews++
	d := model.TransferRecords{Letters: f.letters, Ins: f.ins, Mobile: f.mobile, Inflow: f.inflow}
	return model.TransferOverview{TransferRecords: d, Setup: f.setup, Attended: map[int64]int{}, LedgerStart: f.ledgerStart,
		Findings: model.CheckTransfers(&d, f.members, today, model.CurrentTransferRules(), model.CurrentMobileRules(), model.CurrentRules().Membership)}, nil
}

func (f *fakeService) DraftLetter(q model.LetterRequest) (model.TransferLetter, model.LetterDues, error) {
	m := f.member(q.MemberID)
	if m == nil {
		return model.TransferLetter{}, model.LetterDues{}, fmt.Errorf("没有编号为 %d 的党员", q.MemberID)
	}
	l, err := model.NewLetter(q, m, "某公司党支部", 0, today, model.CurrentTransferRules())
	if err != nil {
		return l, model.LetterDues{}, err
	}
	if err := model.CheckLetterAfterRecords(l.Date, m.Name, f.records[m.ID]); err != nil {
		return l, model.LetterDues{}, err
	}
	paid, ok := f.paidTo[m.ID]
	if !ok {
		return l, model.LetterDues{}, fmt.Errorf("%w：无法确定%s的党费交至", model.ErrTransfer, m.Name)
	}
	l.PaidTo, l.Number = paid, len(f.letters)+1
	dues := f.owes[m.ID]
	dues.PaidTo, dues.Known = paid, true
	return l, dues, nil
}

func (f *fakeService) IssueLetter(q model.LetterRequest) (model.TransferLetter, error) {
	l, _, err := f.DraftLetter(q)
	if err != nil {
		return l, err
	}
	l.ID = int64(len(f.letters) + 1)
	f.letters = append(f.letters, l)
	m := f.member(q.MemberID)
	m.OnRoster, m.LeftBy, m.LeftOn = false, model.EventTransferOut, l.Date
	return l, nil
}

func (f *fakeService) letter(id int64) *model.TransferLetter {
	for i := range f.letters {
		if f.letters[i].ID == id {
			return &f.letters[i]
		}
	}
	return nil
}

func (f *fakeService) RecordReceipt(id int64, rc model.LetterReceipt) (model.TransferLetter, error) {
	l := f.letter(id)
	if err := model.CheckReceipt(l, &rc, today); err != nil {
		return *l, err
	}
	l.Receipt = &rc
	return *l, nil
}

func (f *fakeService) WithdrawLetter(id int64, w model.LetterWithdrawal) (model.TransferLetter, error) {
	l := f.letter(id)
	if err := model.CheckWithdrawal(l, &w, today); err != nil {
		return *l, err
	}
	l.Withdrawal = &w
	m := f.member(l.MemberID)
	m.OnRoster, m.LeftBy, m.LeftOn = true, "", model.Date{}
	return *l, nil
}

func (f *fakeService) ExportLetter(id int64, path string, overlay bool) error {
	f.exported = append(f.exported, fmt.Sprintf("letter %d overlay=%v", id, overlay))
	return nil
}
func (f *fakeService) ExportRegister(year int, path string) (int, error) {
	f.exported = append(f.exported, fmt.Sprintf("register %d", year))
	return len(f.letters), nil
}
func (f *fakeService) SaveLetterSetup(ls model.LetterSetup) error {
	if errs := ls.Validate(); len(errs) > 0 {
		return errs
	}
	f.setup = ls
	return nil
}
func (f *fakeService) Profile() (model.Profile, error) {
	return model.Profile{BranchName: "某公司党支部", OrgAddress: "兰州市城关区庆阳路1号", ContactPhone: "0931-8123456"}, nil
}

func (f *fakeService) RecordTransferIn(in model.TransferIn, m *model.Member) (model.TransferIn, model.Member, error) {
	var subject model.Member
	if m != nil {
		subject = *m
		subject.Normalize()
		if errs := subject.Validate(today, model.CurrentRules()); len(errs) > 0 {
			return in, subject, errs
		}
	} else if p := f.member(in.MemberID); p != nil {
		subject = *p
	}
	if err := model.CheckTransferIn(&in, &subject, today, model.CurrentDuesRules()); err != nil {
		return in, subject, err
	}
	if m == nil {
		if err := model.CheckReturningPaidTo(&in, subject.Name, f.paidTo[subject.ID]); err != nil {
			return in, subject, err
		}
	}
	if m != nil {
		subject.ID = int64(len(f.members) + 1)
		f.members = append(f.members, subject)
	}
	p := f.member(subject.ID)
	p.OnRoster, p.LeftBy, p.LeftOn, p.ArrivedOn = true, "", model.Date{}, in.Date
	in.ID, in.MemberID, in.Name = int64(len(f.ins)+1), p.ID, p.Name
	f.ins = append(f.ins, in)
	return in, *p, nil
}
func (f *fakeService) LedgerPaidTo(id int64) (model.Month, error) { return f.paidTo[id], nil }

func (f *fakeService) ExportInReceipt(id int64, path string) error {
	f.exported = append(f.exported, fmt.Sprintf("receipt %d", id))
	return nil
}

func (f *fakeService) SaveMobile(mm model.MobileMember) (model.MobileMember, error) {
	if errs := mm.Validate(f.member(mm.MemberID), f.mobile, today); len(errs) > 0 {
		return mm, errs
	}
	mm.Name = f.member(mm.MemberID).Name
	if mm.ID == 0 {
		mm.ID = int64(len(f.mobile) + 1)
		f.mobile = append(f.mobile, mm)
		return mm, nil
	}
	for i := range f.mobile {
		if f.mobile[i].ID == mm.ID {
			mm.Reports = f.mobile[i].Reports
			f.mobile[i] = mm
		}
	}
	return mm, nil
}
func (f *fakeService) AddMobileReport(r model.MobileReport) (model.MobileReport, error) {
	for i := range f.mobile {
		if f.mobile[i].ID == r.MobileID {
			if errs := r.Validate(&f.mobile[i], today); len(errs) > 0 {
				return r, errs
			}
			f.mobile[i].Reports = append(f.mobile[i].Reports, r)
		}
	}
	return r, nil
}
func (f *fakeService) ExportMobileRegister(string) (int, error) { return len(f.mobile), nil }
func (f *fakeService) SaveInflow(im model.InflowMember) (model.InflowMember, error) {
	if errs := im.Validate(today); len(errs) > 0 {
		return im, errs
	}
	if im.ID == 0 {
		im.ID = int64(len(f.inflow) + 1)
		f.inflow = append(f.inflow, im)
	}
	return im, nil
}
func (f *fakeService) ExportInflowRegister(string) (int, error) { return len(f.inflow), nil }

// fakeHost runs background work in line and records what it was asked.
type fakeHost struct {
	win      fyne.Window
	svc      *fakeService
	errors   []string
	asked    []string
	changed  []func()
	opened   int64
	saved    []string
	declines bool // answer no to Confirm
}

func (h *fakeHost) Window() fyne.Window { return h.win }
func (h *fakeHost) ShowError(doing string, err error) {
	h.errors = append(h.errors, doing+": "+err.Error())
}
func (h *fakeHost) Background(work func(), then func()) { work(); then() }
func (h *fakeHost) Confirm(title, message string, onYes func()) {
	h.asked = append(h.asked, title+"|"+message)
	if !h.declines {
		onYes()
	}
}
func (h *fakeHost) Progress(string, string) func() { return func() {} }
func (h *fakeHost) DataChanged() {
	for _, f := range h.changed {
		f()
	}
}
func (h *fakeHost) OnDataChanged(f func())  { h.changed = append(h.changed, f) }
func (h *fakeHost) Today() model.Date       { return today }
func (h *fakeHost) Members() []model.Member { h.svc.memberReads++; return h.svc.members }
func (h *fakeHost) OpenMember(id int64)     { h.opened = id }
func (h *fakeHost) ChooseFile(string, []string, func(string)) {
}
func (h *fakeHost) SaveWorkbook(doing, name string, write func(string) (string, error)) {
	h.saved = append(h.saved, name)
	if _, err := write("/tmp/" + name); err != nil {
		h.ShowError(doing, err)
	}
}

var _ kit.Host = (*fakeHost)(nil)

// validID completes the first 17 characters of an ID number with its check
// character.
func validID(first17 string) string { return first17 + string(model.IDCheckChar(first17)) }

// member is a full member on the roster, id 1…, with a valid ID number.
func member(id int64, name, idNumber string) model.Member {
	m := model.NewMember()
	m.ID, m.Name, m.IDNumber, m.Sex = id, name, idNumber, model.SexMale
	m.JoinDate, m.FullDate, m.Phone = model.NewDate(2010, 7, 1), model.NewDate(2011, 7, 1), "17474598897"
	m.Normalize()
	return m
}

func newFake() *fakeService {
	return &fakeService{
		members: []model.Member{member(1, "廖明", "622421197109249938"), member(2, "王强", "11010519491231001X")},
		paidTo:  map[int64]model.Month{1: model.MonthOf(2026, 11), 2: model.MonthOf(2026, 9)},
		owes: map[int64]model.LetterDues{2: {OwedMonths: []model.Month{model.MonthOf(2026, 10), model.MonthOf(2026, 11)},
			Owed: model.Yuan(162)}},
	}
}

func newTestScreen(t *testing.T, svc *fakeService, size fyne.Size) (*Screen, *fakeHost) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(size)
	h := &fakeHost{win: w, svc: svc}
	s := NewScreen(h, svc)
	w.SetContent(s.Content())
	return s, h
}

// capture records the forms the section opens.
func capture(t *testing.T) *[]shown {
	var forms []shown
	formShown = func(f *kit.Form, fields []*kit.Field) { forms = append(forms, shown{f, fields}) }
	t.Cleanup(func() { formShown = nil })
	return &forms
}

type shown struct {
	form   *kit.Form
	fields []*kit.Field
}

func (s shown) field(t *testing.T, label string) *kit.Field {
	t.Helper()
	for _, f := range s.fields {
		if f.Label == label {
			return f
		}
	}
	t.Fatalf("no field %q", label)
	return nil
}

// set types text into a field's entry, as a user would, and leaves it.
func (s shown) set(t *testing.T, label, text string) {
	t.Helper()
	f := s.field(t, label)
	switch in := f.Input.(type) {
	case *kit.DateEntry:
		in.SetText(text)
		in.FocusLost()
	case *kit.Entry:
		in.SetText(text)
		in.FocusLost()
	case *kit.SelectEntry:
		in.SetText(text)
		in.FocusLost()
	case *kit.Select:
		in.SetValue(text)
	default:
		t.Fatalf("field %q is a %T", label, f.Input)
	}
}

func buttonsIn(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Button:
			out = append(out, w)
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
		case *container.AppTabs:
			for _, it := range w.Items {
				walk(it.Content)
			}
		}
	}
	walk(o)
	return out
}

func tap(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, b := range buttonsIn(o) {
		if b.Text == text {
			if b.Disabled() {
				t.Fatalf("button %q is disabled", text)
			}
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q", text)
}

// A letter from the member's page: the number and 党费交至 show before it
// is issued, the letter is issued with what was typed, and printing is
// offered.
func TestIssueLetterFromTheMemberPage(t *testing.T) {
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	ShowLetterForm(h, svc, 1, s.saved)
	f := (*forms)[0]
	if v := f.field(t, "党员姓名").Input.(*kit.Select); v.Selected != "廖明（9938）" || !v.Disabled() {
		t.Errorf("member %q (disabled %v), want 廖明 fixed", v.Selected, v.Disabled())
	}
	if !f.form.Save.Disabled() {
		t.Error("开具 enabled without a receiving organisation")
	}
	f.set(t, "接收党组织", "兰州新区某公司党支部")
	f.set(t, "转出原因", "工作变动")
	if f.form.Save.Disabled() {
		t.Fatalf("开具 still disabled: %s", f.form.Reason.Text)
	}
	lf := letterFormOf(t, f)
	if got := lf.preview.Text; !strings.Contains(got, "（2026）第1号") || !strings.Contains(got, "贰零贰陆年拾壹月") {
		t.Errorf("preview %q", got)
	}
	test.Tap(f.form.Save)
	if len(svc.letters) != 1 {
		t.Fatalf("letters %+v; errors %v", svc.letters, h.errors)
	}
	l := svc.letters[0]
	if l.ToOrg != "兰州新区某公司党支部" || l.ValidDays != 30 || l.Date != today || l.Reason != "工作变动" || l.Phone != "17474598897" {
		t.Errorf("letter %+v", l)
	}
	if len(h.asked) != 0 {
		t.Errorf("asked %v for a member paid up", h.asked)
	}
	// The letters tab shows it, selected from a finding.
	s.ShowLetters(l.ID)
	if got := strings.Join(labelsIn(s.letters.detail.content), " "); !strings.Contains(got, "兰州新区某公司党支部") || !strings.Contains(got, "待回执") {
		t.Errorf("details: %s", got)
	}
	tap(t, s.letters.detail.content, kit.L("打印介绍信…"))
	tap(t, s.letters.detail.content, kit.L("套打…"))
	if strings.Join(svc.exported, ";") != "letter 1 overlay=false;letter 1 overlay=true" {
		t.Errorf("exported %v", svc.exported)
	}
}

// letterFormOf is the letter dialog whose form f is.
func letterFormOf(t *testing.T, f shown) *letterForm {
	t.Helper()
	if lastLetterForm == nil || lastLetterForm.form != f.form {
		t.Fatal("letter form not found")
	}
	return lastLetterForm
}

// A member who owes dues is named, and the letter waits for a yes.
func TestIssueLetterAsksWhenDuesAreOwed(t *testing.T) {
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	h.declines = true
	ShowLetterForm(h, svc, 0, s.saved)
	f := (*forms)[0]
	f.set(t, "党员姓名", "王强（001X）")
	f.set(t, "接收党组织", "天水某公司党支部")
	lf := letterFormOf(t, f)
	if !lf.warning.Visible() || !strings.Contains(lf.warning.Text, "2026年10月至2026年11月尚未交纳，共2个月，计 162.00 元") {
		t.Errorf("warning %q (visible %v)", lf.warning.Text, lf.warning.Visible())
	}
	test.Tap(f.form.Save)
	if len(h.asked) != 1 || !strings.Contains(h.asked[0], "仍要开具介绍信吗") || len(svc.letters) != 0 {
		t.Fatalf("asked %v, letters %d", h.asked, len(svc.letters))
	}
	h.declines = false
	test.Tap(f.form.Save)
	if len(svc.letters) != 1 || svc.letters[0].PaidTo != model.MonthOf(2026, 9) {
		t.Errorf("letters %+v", svc.letters)
	}
}

// Bad input is refused at the field it concerns, with 开具 disabled and the
// reason beside it; nothing is issued.
func TestLetterFormRefusesBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, label, text, message string
	}{
		{"validity_over_90_days", "有效期（天）", "120", "超过最长的90天"},
		{"validity_not_a_number", "有效期（天）", "三十", "应为天数"},
		{"date_before_joining", "开具日期", "2009-01-01", "早于廖明加入党组织的日期"},
		{"date_after_today", "开具日期", "2026-12-01", "晚于今天"},
		{"bad_phone", "党员联系电话", "12345", "格式不正确"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc := newFake()
			s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
			forms := capture(t)
			ShowLetterForm(h, svc, 1, s.saved)
			f := (*forms)[0]
			f.set(t, "接收党组织", "兰州新区某公司党支部")
			f.set(t, tc.label, tc.text)
			if got := f.field(t, tc.label).Message(); !strings.Contains(got, tc.message) {
				t.Errorf("message under %s: %q, want %q", tc.label, got, tc.message)
			}
			if !f.form.Save.Disabled() || !strings.Contains(f.form.Reason.Text, tc.label) {
				t.Errorf("开具 disabled %v, reason %q", f.form.Save.Disabled(), f.form.Reason.Text)
			}
			f.form.Submit()
			if len(svc.letters) != 0 {
				t.Errorf("issued %+v", svc.letters)
			}
		})
	}
	// A member whose 党费交至 the ledger cannot tell.
	svc := newFake()
	delete(svc.paidTo, 1)
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	ShowLetterForm(h, svc, 1, s.saved)
	f := (*forms)[0]
	f.set(t, "接收党组织", "兰州新区某公司党支部")
	if !f.form.Save.Disabled() || !strings.Contains(f.form.Reason.Text, "无法确定廖明的党费交至") {
		t.Errorf("dues unknown: 开具 disabled %v, reason %q", f.form.Save.Disabled(), f.form.Reason.Text)
	}
}

// The detail of a stay away says when the activity card's 年审 is overdue,
// as the printed register and home do (s5-13-attack #8).
func TestMobileDetailSaysTheReviewIsOverdue(t *testing.T) {
	svc := newFake()
	svc.mobile = []model.MobileMember{{ID: 1, MemberID: 1, Name: "廖明", LeftOn: model.NewDate(2026, 6, 1), Destination: "深圳",
		CardNumber: "LD1", CardReviewed: model.NewDate(2025, 1, 10), Reports: []model.MobileReport{{Date: model.NewDate(2026, 10, 1)}}}}
	s, _ := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	s.mobile.selectEntry(1)
	if got := strings.Join(labelsIn(s.mobile.detail.content), " "); !strings.Contains(got, "LD1（下次年审 2026-01-10，已逾期）") {
		t.Errorf("details: %s", got)
	}
}

// 登记转入 with the sending organisation but no 基层党委 says the printed
// 回执 will have no addressee, as the letter form does (s5-13-newuser #6).
func TestTransferInWarnsOfNoCommittee(t *testing.T) {
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	showTransferInForm(s)
	f := (*forms)[0]
	const warn = "未填写转出党组织的基层党委：打印的回执将没有收件单位"
	if got := shownTexts(h); strings.Contains(got, warn) {
		t.Errorf("warned before anything was typed:\n%s", got)
	}
	f.set(t, "转出党组织", "中共深圳市福田区某某贸易有限公司支部委员会")
	if got := shownTexts(h); !strings.Contains(got, warn) {
		t.Errorf("no warning of the empty 基层党委:\n%s", got)
	}
	f.set(t, "转出党组织的基层党委", "中共深圳市福田区委组织部")
	if got := shownTexts(h); strings.Contains(got, warn) {
		t.Errorf("still warned with the 基层党委 filled in:\n%s", got)
	}
}

// The letter form names a member marked 失联 before the letter is issued
// (s5-13-attack #7).
func TestLetterFormWarnsOfLostContact(t *testing.T) {
	svc := newFake()
	svc.members[0].LostContact, svc.members[0].LostSince = true, model.MonthDate(2026, 3)
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	ShowLetterForm(h, svc, 1, s.saved)
	f := (*forms)[len(*forms)-1]
	f.set(t, "接收党组织", "己党委")
	if w := letterFormOf(t, f).warning; !w.Visible() || !strings.Contains(w.Text, "廖明是失联党员（自2026年3月失联）") {
		t.Errorf("warning shown %v: %q", w.Visible(), w.Text)
	}
}

// The phone follows the member chosen: changing the member in 开具介绍信 or
// 登记外出 refills it, unless the user typed one (s5-13-newuser #7, #8).
func TestPhoneFollowsTheMemberChosen(t *testing.T) {
	svc := newFake()
	svc.members[1].Phone = "13800138000"
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	ShowLetterForm(h, svc, 0, s.saved)
	f := (*forms)[len(*forms)-1]
	f.set(t, "党员姓名", "廖明（9938）")
	f.set(t, "党员姓名", "王强（001X）")
	if got := f.field(t, "党员联系电话").Input.(*kit.Entry).Text; got != "13800138000" {
		t.Errorf("letter: after choosing 王强 the phone is %q, want his 13800138000", got)
	}
	f.set(t, "党员联系电话", "0931-8888888")
	f.set(t, "党员姓名", "廖明（9938）")
	if got := f.field(t, "党员联系电话").Input.(*kit.Entry).Text; got != "0931-8888888" {
		t.Errorf("letter: a typed phone was replaced by %q", got)
	}

	showMobileForm(s, model.MobileMember{})
	m := (*forms)[len(*forms)-1]
	m.set(t, "党员姓名", "廖明（9938）")
	m.set(t, "党员姓名", "王强（001X）")
	if got := m.field(t, "联系方式").Input.(*kit.Entry).Text; got != "13800138000" {
		t.Errorf("登记外出: after choosing 王强 the contact is %q, want his 13800138000", got)
	}
}

// A letter whose member came back by a 转入 shows 已转回本支部 and offers
// neither 登记回执 nor 作废 — no confirmation that the store then refuses
// (s5-13-attack #4).
func TestLetterClosedByReturnOffersNoWithdrawal(t *testing.T) {
	svc := newFake()
	if _, err := svc.IssueLetter(model.LetterRequest{MemberID: 1, ToOrg: "乙支部", Date: model.NewDate(2026, 11, 20), ValidDays: 30}); err != nil {
		t.Fatal(err)
	}
	svc.letters[0].ReturnedOn = model.NewDate(2026, 11, 28)
	s, _ := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	s.ShowLetters(svc.letters[0].ID)
	if got := strings.Join(labelsIn(s.letters.detail.content), " "); !strings.Contains(got, "已转回本支部") || !strings.Contains(got, "2026-11-28 转入本支部") {
		t.Errorf("details: %s", got)
	}
	for _, b := range buttonsIn(s.letters.detail.content) {
		if (b.Text == kit.L("登记回执…") || b.Text == kit.L("作废…")) && !b.Disabled() {
			t.Errorf("%s enabled on a letter the member came back from", b.Text)
		}
	}
}

// The receipt closes a letter; withdrawing brings the member back.
func TestReceiptAndWithdrawal(t *testing.T) {
	svc := newFake()
	for _, id := range []int64{1, 2} {
		if _, err := svc.IssueLetter(model.LetterRequest{MemberID: id, ToOrg: "乙支部", Date: model.NewDate(2026, 11, 20), ValidDays: 30}); err != nil {
			t.Fatal(err)
		}
	}
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	s.ShowLetters(1)
	tap(t, s.letters.detail.content, kit.L("登记回执…"))
	f := (*forms)[0]
	f.set(t, "回执日期", "2026-11-10")
	if got := f.field(t, "回执日期").Message(); !strings.Contains(got, "早于介绍信开具日期") {
		t.Errorf("receipt before the letter: %q", got)
	}
	f.set(t, "回执日期", "2026-11-28")
	f.set(t, "经办人", "李强")
	test.Tap(f.form.Save)
	if r := svc.letters[0].Receipt; r == nil || r.Handler != "李强" || r.Org != "乙支部" {
		t.Fatalf("receipt %+v, errors %v", r, h.errors)
	}
	s.ShowLetters(2)
	tap(t, s.letters.detail.content, kit.L("作废…"))
	w := (*forms)[1]
	if !w.form.Save.Disabled() {
		t.Error("作废 without a reason")
	}
	w.set(t, "作废原因", "去向改变，未使用")
	test.Tap(w.form.Save)
	if svc.letters[1].Withdrawal == nil || !svc.members[1].OnRoster {
		t.Errorf("withdrawal %+v, member on roster %v", svc.letters[1].Withdrawal, svc.members[1].OnRoster)
	}
	if len(h.asked) != 1 || !strings.Contains(h.asked[0], "王强回到本支部名册") {
		t.Errorf("asked %v", h.asked)
	}
	s.ShowLetters(1)
	for _, b := range buttonsIn(s.letters.detail.content) {
		if (b.Text == kit.L("登记回执…") || b.Text == kit.L("作废…")) && !b.Disabled() {
			t.Errorf("%s enabled on a received letter", b.Text)
		}
	}
	// A withdrawn letter is not printed: a member must not carry it.
	s.ShowLetters(2)
	for _, b := range buttonsIn(s.letters.detail.content) {
		if (b.Text == kit.L("打印介绍信…") || b.Text == kit.L("套打…")) && !b.Disabled() {
			t.Errorf("%s enabled on a withdrawn letter", b.Text)
		}
	}
}

// A new member transferred in: their particulars and the letter's, in one
// go; a probationary member keeps their admission date.
func TestTransferInNewMember(t *testing.T) {
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	s.tabs.SelectIndex(1)
	tap(t, s.ins.content, kit.L("登记转入…"))
	f := (*forms)[0]
	f.set(t, "姓名", "马兰")
	f.set(t, "公民身份号码", validID("6201021990010100"+"2"))
	f.set(t, "人员类别", string(model.CategoryProbationary))
	f.set(t, "加入党组织日期", "2026-03-01")
	f.set(t, "介绍信编号", "（2026）第15号")
	f.set(t, "转出党组织", "定西某公司党支部")
	f.set(t, "党费交至", "2026年10月")
	if f.form.Save.Disabled() {
		t.Fatalf("登记转入 disabled: %s", f.form.Reason.Text)
	}
	test.Tap(f.form.Save)
	if len(svc.ins) != 1 {
		t.Fatalf("ins %+v errors %v", svc.ins, h.errors)
	}
	in, m := svc.ins[0], svc.members[2]
	if in.PaidTo != model.MonthOf(2026, 10) || in.Category != model.CategoryProbationary || m.Name != "马兰" || m.Sex != model.SexFemale ||
		m.JoinDate != model.NewDate(2026, 3, 1) || !m.OnRoster || m.ArrivedOn != today {
		t.Errorf("in %+v member %+v", in, m)
	}
	s.tabs.SelectIndex(1)
	s.ins.list.Select(0)
	tap(t, s.ins.detail.content, kit.L("打印回执…"))
	if len(svc.exported) != 1 || svc.exported[0] != "receipt 1" {
		t.Errorf("exported %v", svc.exported)
	}
}

// A member who transferred out comes back, chosen from the former ones.
func TestTransferInReturningMember(t *testing.T) {
	svc := newFake()
	if _, err := svc.IssueLetter(model.LetterRequest{MemberID: 1, ToOrg: "乙支部", Date: model.NewDate(2026, 11, 2), ValidDays: 30}); err != nil {
		t.Fatal(err)
	}
	s, _ := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	showTransferInForm(s)
	f := (*forms)[0]
	f.field(t, "转入的是").Input.(*widget.RadioGroup).SetSelected(kit.L(inReturn))
	// The member not yet chosen is said once, at its field.
	if r := f.form.Reason.Text; strings.Count(r, "党员") != 1 {
		t.Errorf("reason %q names the member field more than once", r)
	}
	f.set(t, "党员姓名", "廖明（9938）")
	f.set(t, "介绍信编号", "乙字第3号")
	f.set(t, "转出党组织", "乙支部")
	f.set(t, "党费交至", "2026-11")
	f.set(t, "人员类别", string(model.CategoryFull))
	test.Tap(f.form.Save)
	if len(svc.ins) != 1 || svc.ins[0].MemberID != 1 || !svc.members[0].OnRoster {
		t.Errorf("ins %+v, back on roster %v; reason %q", svc.ins, svc.members[0].OnRoster, f.form.Reason.Text)
	}
}

func TestMobileAndInflow(t *testing.T) {
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	s.tabs.SelectIndex(2)
	tap(t, s.mobile.content, kit.L("登记外出…"))
	f := (*forms)[0]
	f.set(t, "党员姓名", "廖明（9938）")
	f.set(t, "外出日期", "2026-05-20")
	f.set(t, "外出流向", "广东省深圳市南山区")
	f.set(t, "流动党员活动证编号", "甘流0012")
	test.Tap(f.form.Save)
	if len(svc.mobile) != 1 || svc.mobile[0].Destination != "广东省深圳市南山区" {
		t.Fatalf("mobile %+v errors %v reason %q", svc.mobile, h.errors, f.form.Reason.Text)
	}
	// Away six months without a reason not to transfer: the section says so.
	if !s.findings.Visible() || !strings.Contains(s.findings.Text, "应转接组织关系") {
		t.Errorf("findings %q", s.findings.Text)
	}
	s.mobile.list.Select(0)
	tap(t, s.mobile.detail.content, kit.L("登记报告…"))
	r := (*forms)[1]
	r.set(t, "报告方式", "电话")
	test.Tap(r.form.Save)
	if len(svc.mobile[0].Reports) != 1 {
		t.Errorf("reports %+v", svc.mobile[0].Reports)
	}
	tap(t, s.mobile.detail.content, kit.L("登记返回…"))
	b := (*forms)[2]
	test.Tap(b.form.Save)
	if svc.mobile[0].ReturnedOn != today {
		t.Errorf("returned %v; reason %q", svc.mobile[0].ReturnedOn, b.form.Reason.Text)
	}

	s.tabs.SelectIndex(3)
	tap(t, s.inflow.content, kit.L("新增流入党员…"))
	i := (*forms)[3]
	i.set(t, "姓名", "马兰")
	i.set(t, "性别", string(model.SexFemale))
	i.set(t, "组织关系所在党组织", "定西市某村党支部")
	test.Tap(i.form.Save)
	if len(svc.inflow) != 1 || svc.inflow[0].ArrivedOn != today {
		t.Errorf("inflow %+v reason %q", svc.inflow, i.form.Reason.Text)
	}
}

func labelsIn(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *kit.WrapLabel:
			out = append(out, w.Text)
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

// The section fits a 1024×700 window.
func TestSectionFitsSmallWindow(t *testing.T) {
	svc := newFake()
	s, _ := newTestScreen(t, svc, fyne.NewSize(1024, 700))
	if m := s.Content().MinSize(); m.Width > 1000 || m.Height > 640 {
		t.Errorf("the section needs %v", m)
	}
}

// A member transferred out meanwhile (the page was read before): one line
// says why, 开具 stays disabled, and no letter is issued.
func TestLetterFormRefusesMemberAlreadyTransferredOut(t *testing.T) {
	svc := newFake()
	if _, err := svc.IssueLetter(model.LetterRequest{MemberID: 1, ToOrg: "乙支部", Date: model.NewDate(2026, 11, 2), ValidDays: 30}); err != nil {
		t.Fatal(err)
	}
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	ShowLetterForm(h, svc, 1, s.saved)
	f := (*forms)[0]
	f.set(t, "接收党组织", "兰州新区某公司党支部")
	want := "廖明已于 2026-11-02 转出，不在册，不能开具介绍信"
	if !f.form.Save.Disabled() || !strings.Contains(f.form.Reason.Text, want) || strings.Count(f.form.Reason.Text, want) != 1 {
		t.Errorf("开具 disabled %v, reason %q; want it once", f.form.Save.Disabled(), f.form.Reason.Text)
	}
	f.form.Submit()
	if len(svc.letters) != 1 {
		t.Errorf("letters %d, want the first only", len(svc.letters))
	}
}

// A new member transferred in with a bad ID number, or arriving before
// joining the party: the field says so and nothing is recorded.
func TestTransferInRefusesBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, label, text, message string
	}{
		{"bad_id_number", "公民身份号码", "620102199001010021", "校验"},
		{"arrival_before_joining", "转入日期", "2026-02-01", "早于"},
		{"paid_to_far_ahead", "党费交至", "2029年3月", "预交不宜超过"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc := newFake()
			s, _ := newTestScreen(t, svc, fyne.NewSize(1366, 768))
			forms := capture(t)
			showTransferInForm(s)
			f := (*forms)[0]
			f.set(t, "姓名", "马兰")
			f.set(t, "公民身份号码", validID("6201021990010100"+"2"))
			f.set(t, "性别", string(model.SexFemale))
			f.set(t, "人员类别", string(model.CategoryProbationary))
			f.set(t, "加入党组织日期", "2026-03-01")
			f.set(t, "介绍信编号", "（2026）第15号")
			f.set(t, "转出党组织", "定西某公司党支部")
			f.set(t, "党费交至", "2026年10月")
			if f.form.Save.Disabled() {
				t.Fatalf("disabled before the bad input: %s", f.form.Reason.Text)
			}
			f.set(t, tc.label, tc.text)
			got := f.field(t, tc.label).Message()
			if got == "" || !strings.Contains(got, tc.message) || strings.Contains(got, "\n") {
				t.Errorf("message under %s: %q, want one line with %q", tc.label, got, tc.message)
			}
			f.form.Submit()
			if len(svc.ins) != 0 || len(svc.members) != 2 {
				t.Errorf("recorded %+v, members %d", svc.ins, len(svc.members))
			}
		})
	}
}

// After 开具 the details show the letter just issued, not the one that was
// open before — whose 作废 would otherwise act on the wrong letter
// (s3-13-newuser #7).
func TestIssuedLetterIsTheOneShown(t *testing.T) {
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	ShowLetterForm(h, svc, 1, s.saved)
	first := (*forms)[0]
	first.set(t, "接收党组织", "兰州新区某公司党支部")
	test.Tap(first.form.Save)
	if len(svc.letters) != 1 {
		t.Fatalf("letters %+v; errors %v", svc.letters, h.errors)
	}
	s.ShowLetters(svc.letters[0].ID)
	tap(t, s.letters.content, kit.L("开具介绍信…"))
	second := (*forms)[len(*forms)-1]
	second.set(t, "党员姓名", "王强（001X）")
	second.set(t, "接收党组织", "天水某公司党支部")
	test.Tap(second.form.Save)
	if len(svc.letters) != 2 {
		t.Fatalf("letters %+v; asked %v, errors %v", svc.letters, h.asked, h.errors)
	}
	if got := strings.Join(labelsIn(s.letters.detail.content), " "); !strings.Contains(got, "王强") || strings.Contains(got, "廖明") {
		t.Errorf("details after issuing 王强's letter: %s", got)
	}
}

// Without a 基层党委 in the letter settings the letter dialog says the
// receipt's addressee will print blank; with one it says nothing
// (s3-13-newuser #1).
func TestLetterFormWarnsOfNoCommittee(t *testing.T) {
	for _, committee := range []string{"", "中共某街道工作委员会"} {
		svc := newFake()
		svc.setup.Committee = committee
		s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
		forms := capture(t)
		ShowLetterForm(h, svc, 1, s.saved)
		f := (*forms)[len(*forms)-1]
		warned := letterFormOf(t, f).noCommittee.Visible()
		if warned != (committee == "") {
			t.Errorf("committee %q: warned %v", committee, warned)
		}
	}
}

// A setup that cannot be read is not a setup without a 基层党委: the dialog
// says it could not read it and gives the reason, never the false "还没有
// 填写" warning.
func TestLetterFormSaysWhenTheSetupCannotBeRead(t *testing.T) {
	svc := newFake()
	svc.setup.Committee = "中共某街道工作委员会"
	svc.setupErr = errors.New("读取介绍信设置失败：数据文件已损坏")
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	ShowLetterForm(h, svc, 1, s.saved)
	f := (*forms)[len(*forms)-1]
	label := letterFormOf(t, f).noCommittee
	if !label.Visible() || strings.Contains(label.Text, "还没有填写") || !strings.Contains(label.Text, "无法读取介绍信设置") {
		t.Errorf("setup unreadable: shown %v, %q", label.Visible(), label.Text)
	}
}

// The banner names the first finding and says where the others are, so a
// count of 2 never shows just one (s3-13-newuser #12).
func TestFindingsBannerSaysWhereTheRestAre(t *testing.T) {
	s, _ := newTestScreen(t, newFake(), fyne.NewSize(1366, 768))
	s.data.Findings = []model.Finding{{Severity: model.Warning, Message: "甲"}, {Severity: model.Warning, Message: "乙"}}
	s.showFindings()
	if got := s.findings.Text; !strings.Contains(got, "2 项提醒") || !strings.Contains(got, "甲。 另有 1 项见首页") {
		t.Errorf("banner %q (the finding ends with 。 before 另有: s5-13-newuser #4d)", got)
	}
	s.data.Findings = s.data.Findings[:1]
	s.showFindings()
	if got := s.findings.Text; strings.Contains(got, "另有") {
		t.Errorf("banner of one finding %q", got)
	}
}

// A mobile member transferred out by a letter is no longer 外出中: the
// stay says so, and its report, return and letter buttons are off
// (s3-13-attack #13).
func TestMobileMemberTransferredOut(t *testing.T) {
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	s.tabs.SelectIndex(2)
	tap(t, s.mobile.content, kit.L("登记外出…"))
	f := (*forms)[0]
	f.set(t, "党员姓名", "廖明（9938）")
	f.set(t, "外出日期", "2026-05-20")
	f.set(t, "外出流向", "广东省深圳市南山区")
	test.Tap(f.form.Save)
	ShowLetterForm(h, svc, 1, s.saved)
	lf := (*forms)[len(*forms)-1]
	lf.set(t, "接收党组织", "深圳某支部")
	test.Tap(lf.form.Save)
	if len(svc.letters) != 1 || len(svc.mobile) != 1 {
		t.Fatalf("letters %d, mobile %d; errors %v", len(svc.letters), len(svc.mobile), h.errors)
	}
	if _, caption, _ := s.mobile.item(&s.mobile.shown[0]); !strings.Contains(caption, "已离开本支部名册") || strings.Contains(caption, "外出中") {
		t.Errorf("caption %q", caption)
	}
	s.mobile.list.Select(0)
	for _, b := range buttonsIn(s.mobile.detail.content) {
		if (b.Text == kit.L("登记报告…") || b.Text == kit.L("登记返回…") || b.Text == kit.L("开具介绍信…")) && !b.Disabled() {
			t.Errorf("%s enabled for a member transferred out", b.Text)
		}
	}
}

// The 流动党员 list reads the roster once for all its rows, not once per
// row and sort comparison (a register of many stays read every member
// for each).
func TestMobileListReadsTheRosterOnce(t *testing.T) {
	svc := newFake()
	for i := range 40 {
		svc.mobile = append(svc.mobile, model.MobileMember{ID: int64(i + 1), MemberID: int64(i%2 + 1), Name: "廖明",
			LeftOn: model.NewDate(2025, time.Month(1+i%12), 1), Destination: "深圳"})
	}
	s, _ := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	s.tabs.SelectIndex(2)
	s.Reload()
	before := svc.memberReads
	s.mobile.refresh()
	if got := svc.memberReads - before; got > 1 {
		t.Errorf("one refresh of 40 stays read the roster %d times, want once", got)
	}
}

// The letter dialog reads the letters' setup, not the whole section again.
func TestLetterFormReadsOnlyTheSetup(t *testing.T) {
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	before := svc.overviews
	ShowLetterForm(h, svc, 1, s.saved)
	if got := svc.overviews - before; got != 0 {
		t.Errorf("opening the letter form read the overview %d times", got)
	}
}

// shownTexts are the texts of every visible label in the window's top
// overlay (the open dialog).
func shownTexts(h *fakeHost) string {
	var out []string
	objects := test.LaidOutObjects(h.win.Canvas().Overlays().Top())
	// A kit.WrapLabel draws its text, broken into lines, through a Label
	// of its own: its text is said once, whole.
	drawing := map[fyne.CanvasObject]bool{}
	for _, o := range objects {
		if l, ok := o.(*kit.WrapLabel); ok {
			// Its renderer's: LaidOutObjects leaves out a hidden
			// WrapLabel's, whose inner Label is not itself hidden.
			for _, in := range test.WidgetRenderer(l).Objects() {
				drawing[in] = true
			}
		}
	}
	for _, o := range objects {
		switch l := o.(type) {
		case *widget.Label:
			if l.Visible() && !drawing[l] {
				out = append(out, l.Text)
			}
		case *kit.WrapLabel:
			if l.Visible() {
				out = append(out, l.Text)
			}
		}
	}
	return strings.Join(out, "\n")
}

// An incoming letter whose 党费交至 stops long before the arrival: the form
// says before it is saved which months since are arrears — those from the
// branch's 建账月份 on — and which, before it, are 待补录, and the
// confirmation says the same instead of "党费从2020年2月起在本支部交纳".
func TestTransferInOldPaidTo(t *testing.T) {
	for _, c := range []struct {
		start     model.Month
		want, not string
	}{
		{model.MonthOf(2019, 1), "介绍信写明党费交至2020年1月，2020年2月至2026年10月尚未交纳（81个月），计为欠交", "待补录"},
		{model.MonthOf(2026, 11), "介绍信写明党费交至2020年1月，2020年2月至2026年10月尚未交纳（81个月）；这些月份在本支部党费建账（建账月份2026年11月）之前，待补录，不计欠交", "计为欠交"},
		{model.MonthOf(2026, 6), "其中2020年2月至2026年5月在本支部党费建账（建账月份2026年6月）之前，待补录，不计欠交；2026年6月至2026年10月计为欠交", ""},
	} {
		t.Run(c.start.String(), func(t *testing.T) {
			svc := newFake()
			svc.ledgerStart = c.start
			s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
			forms := capture(t)
			showTransferInForm(s)
			f := (*forms)[0]
			f.set(t, "姓名", "测试乙")
			f.set(t, "公民身份号码", validID("62010219800101025"))
			f.set(t, "人员类别", string(model.CategoryFull))
			f.set(t, "加入党组织日期", "2005-03-01")
			f.set(t, "转为正式党员日期", "2006-03-01")
			f.set(t, "介绍信编号", "（2026）第9号")
			f.set(t, "转出党组织", "定西某公司党支部")
			f.set(t, "党费交至", "2020年1月")
			if got := shownTexts(h); !strings.Contains(got, c.want) || c.not != "" && strings.Contains(got, c.not) {
				t.Errorf("the form says:\n%s\nwant %q, not %q", got, c.want, c.not)
			}
			if f.form.Save.Disabled() {
				t.Fatalf("a 党费交至 long ago is a warning, not a refusal: %s", f.form.Reason.Text)
			}
			test.Tap(f.form.Save)
			if got := shownTexts(h); !strings.Contains(got, c.want) || strings.Contains(got, "党费从2020年2月起") {
				t.Errorf("confirmation:\n%s", got)
			}
		})
	}
}

// A 党费交至 the form refuses (before the member joined) counts no months:
// the refusal alone is shown, not an arrears note back to 2019 under it
// (s5-13-attack #3).
func TestTransferInRefusedPaidToCountsNothing(t *testing.T) {
	svc := newFake()
	svc.ledgerStart = model.MonthOf(2019, 1)
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	showTransferInForm(s)
	f := (*forms)[0]
	f.set(t, "姓名", "测试乙")
	f.set(t, "公民身份号码", validID("62010219980315002"))
	f.set(t, "人员类别", string(model.CategoryProbationary))
	f.set(t, "加入党组织日期", "2026-03-01")
	f.set(t, "介绍信编号", "（2026）第88号")
	f.set(t, "转出党组织", "乌鲁木齐某公司党支部")
	f.set(t, "党费交至", "2019年1月")
	if got := f.field(t, "党费交至").Message(); !strings.Contains(got, "早于测试乙加入党组织的") {
		t.Errorf("党费交至 2019年1月 for a member who joined in 2026: %q", got)
	}
	if got := shownTexts(h); strings.Contains(got, "尚未交纳") {
		t.Errorf("a refused 党费交至 still counts months:\n%s", got)
	}
	f.set(t, "党费交至", "2026年8月")
	if got := shownTexts(h); !strings.Contains(got, "介绍信写明党费交至2026年8月，2026年9月至2026年10月尚未交纳（2个月），计为欠交") {
		t.Errorf("an accepted 党费交至 with a gap:\n%s", got)
	}
	// A new member has no base yet: the arrears named need one, and the
	// form says so rather than promising arrears the page shows as 缺基数
	// (s5-13-newuser #1).
	if got := shownTexts(h); !strings.Contains(got, "其党费基数尚未填写：请在“党费 → 基数”中填写") {
		t.Errorf("no word of the missing base:\n%s", got)
	}
}

// A refusal under a field is shown whole, wrapped onto more lines in a
// narrow window, never cut with "…": it names the date to move past.
func TestFieldMessagesWrapWhole(t *testing.T) {
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1024, 700))
	forms := capture(t)
	ShowLetterForm(h, svc, 1, s.saved)
	f := (*forms)[0]
	f.set(t, "接收党组织", "兰州新区某公司党支部")
	f.set(t, "开具日期", "2009-01-01")
	fd := f.field(t, "开具日期")
	l := fd.MessageLabel()
	if !strings.Contains(fd.Message(), "早于廖明加入党组织的日期") {
		t.Fatalf("message %q", fd.Message())
	}
	test.LaidOutObjects(h.win.Canvas().Overlays().Top())
	h.win.Canvas().Overlays().Top().Refresh()
	if l.Truncation != fyne.TextTruncateOff || l.Wrapping != fyne.TextWrapWord {
		t.Errorf("message truncation %v wrapping %v: cut with …", l.Truncation, l.Wrapping)
	}
	if l.Size().Height+1 < l.MinSize().Height {
		t.Errorf("message %q drawn %v high, needs %v", fd.Message(), l.Size().Height, l.MinSize().Height)
	}
}

// dialogScroll is the scrolled body of the open dialog.
func dialogScroll(t *testing.T, h *fakeHost) *container.Scroll {
	t.Helper()
	for _, o := range test.LaidOutObjects(h.win.Canvas().Overlays().Top()) {
		if s, ok := o.(*kit.Scroll); ok {
			return s.Inner()
		}
	}
	t.Fatal("the dialog has no scrolled body")
	return nil
}

// 登记回执 has three fields: at 1366×740 they show without scrolling.
func TestReceiptDialogDoesNotScroll(t *testing.T) {
	svc := newFake()
	if _, err := svc.IssueLetter(model.LetterRequest{MemberID: 1, ToOrg: "乙支部", Date: model.NewDate(2026, 11, 2), ValidDays: 30}); err != nil {
		t.Fatal(err)
	}
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 740))
	showReceiptForm(s, svc.letters[0])
	sc := dialogScroll(t, h)
	if need, has := sc.Content.MinSize().Height, sc.Size().Height; need > has {
		t.Errorf("the receipt's fields need %.0f px, the dialog shows %.0f: it scrolls", need, has)
	}
}

// deferredHost runs background work but not what follows it, as a window
// does before the work is done.
type deferredHost struct{ *fakeHost }

func (deferredHost) Background(work func(), then func()) { work() }

// Before the section is read, no empty band is kept above the tabs.
func TestNoBannerBandBeforeLoad(t *testing.T) {
	svc := newFake()
	_, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	s := NewScreen(deferredHost{h}, svc)
	if s.findings.Visible() {
		t.Error("the findings banner takes its band before the section is read")
	}
}

// The 登记转入 form: the examples in its fields fit them, and the
// probation's rules show only for a probationary member.
func TestTransferInFormFits(t *testing.T) {
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 740))
	forms := capture(t)
	showTransferInForm(s)
	f := (*forms)[0]
	test.LaidOutObjects(h.win.Canvas().Overlays().Top())
	for _, fd := range f.fields {
		var ph string
		var w float32
		switch in := fd.Input.(type) {
		case *kit.DateEntry:
			ph, w = in.PlaceHolder, in.Size().Width-theme.IconInlineSize()-2*theme.InnerPadding()
		case *kit.Entry:
			ph, w = in.PlaceHolder, in.Size().Width
		default:
			continue
		}
		if ph == "" || w <= 0 {
			continue
		}
		if need := fyne.MeasureText(ph, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding(); need > w {
			t.Errorf("%s: the example %q needs %.0f px, the field has %.0f", fd.Label, ph, need, w)
		}
	}
	probation := func() bool {
		return strings.Contains(shownTexts(h), "预备期继续计算")
	}
	f.set(t, "人员类别", string(model.CategoryFull))
	if probation() {
		t.Error("the probation's rules show for a full member")
	}
	f.set(t, "人员类别", string(model.CategoryProbationary))
	if !probation() {
		t.Error("the probation's rules are not shown for a probationary member")
	}
}

// A probationary member who arrives after even the postponed 转正
// discussion was due is named as such in the 转入 form, not given the
// usual "the discussion may wait" rule (s5-13 attack #9).
func TestTransferInWarnsOfPostponementPassed(t *testing.T) {
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	showTransferInForm(s)
	f := (*forms)[0]
	const passed = "推迟讨论转正的期限"
	f.set(t, "人员类别", string(model.CategoryProbationary))
	f.set(t, "加入党组织日期", "2026-03-01")
	if got := shownTexts(h); strings.Contains(got, passed) {
		t.Errorf("warned of a passed postponement while still on probation:\n%s", got)
	}
	f.set(t, "加入党组织日期", "2024-01-01")
	got := shownTexts(h)
	if !strings.Contains(got, passed) || !strings.Contains(got, "2025-01-01") || !strings.Contains(got, "2025-07-01") {
		t.Errorf("no warning naming the end of probation and the latest date:\n%s", got)
	}
	f.set(t, "人员类别", string(model.CategoryFull))
	if got := shownTexts(h); strings.Contains(got, passed) {
		t.Errorf("warning kept for a full member:\n%s", got)
	}
}
