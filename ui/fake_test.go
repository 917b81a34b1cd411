package ui

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

// fakeStore is an in-memory Roster, Branch and RosterFiles that applies the
// same model rules as the real store, so that screens can be tested without
// a database or a workbook.
type fakeStore struct {
	mu      sync.Mutex
	today   model.Date
	members []model.Member
	events  []model.MembershipEvent
	changes []model.FieldChange
	profile model.Profile
	nextID  int64

	preview     model.ImportPreview // what PreviewImport returns
	previewErr  error
	committed   []model.ImportPreview // what CommitImport was given
	choices     []model.ImportChoice  // what PreviewImportWith was given
	rejectedOut []string              // where WriteRejected wrote
	exported    []string              // paths ExportRoster wrote
	// writeRejected, when set, is WriteRejected's copying of the rows.
	writeRejected func(progress func(done, total int) error) error
	// records are each member's dated records (attendance, payments) that
	// LaterRecords and RecordEvent check a leaving date against.
	records map[int64][]model.DatedRecord
}

func newFakeStore(today model.Date, ms ...model.Member) *fakeStore {
	f := &fakeStore{today: today, nextID: 1}
	for _, m := range ms {
		m.ID = f.nextID
		f.nextID++
		f.members = append(f.members, m)
	}
	return f
}

func (f *fakeStore) services() Services {
	return Services{Roster: f, Branch: f, Files: f, Today: func() model.Date { return f.today }}
}

func (f *fakeStore) Members() ([]model.Member, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]model.Member(nil), f.members...), nil
}

func (f *fakeStore) find(id int64) (int, error) {
	for i := range f.members {
		if f.members[i].ID == id {
			return i, nil
		}
	}
	return 0, fmt.Errorf("没有编号为 %d 的党员", id)
}

func (f *fakeStore) Member(id int64) (model.Member, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i, err := f.find(id)
	if err != nil {
		return model.Member{}, err
	}
	return f.members[i], nil
}

func (f *fakeStore) check(m *model.Member) error {
	m.Normalize()
	if errs := m.Validate(f.today, model.CurrentRules()); len(errs) > 0 {
		return errs
	}
	for _, o := range f.members {
		if o.ID != m.ID && o.IDNumber == m.IDNumber {
			return &duplicateIDError{o}
		}
	}
	return nil
}

// duplicateIDError is how the store refuses an ID number already on the
// roster: not a ValidationErrors, but an error that names its field.
type duplicateIDError struct{ existing model.Member }

func (e *duplicateIDError) Error() string {
	return "公民身份号码已属于在册党员 " + e.existing.Name
}
func (e *duplicateIDError) Field() model.Field { return model.FieldIDNumber }

func (f *fakeStore) AddMember(m model.Member, via *model.MembershipEvent) (model.Member, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m.ID = 0
	if err := f.check(&m); err != nil {
		return model.Member{}, err
	}
	m.ID, m.OnRoster = f.nextID, true
	f.nextID++
	if via != nil {
		e := *via
		e.MemberID, e.CreatedAt = m.ID, time.Now()
		if err := e.Apply(&m, f.today); err != nil {
			return model.Member{}, err
		}
		f.events = append(f.events, e)
	}
	f.members = append(f.members, m)
	return m, nil
}

func (f *fakeStore) UpdateMember(m model.Member) ([]model.FieldChange, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i, err := f.find(m.ID)
	if err != nil {
		return nil, err
	}
	if err := f.check(&m); err != nil {
		return nil, err
	}
	changes := model.DiffMembers(&f.members[i], &m)
	for j := range changes {
		changes[j].At, changes[j].Source = time.Now(), "编辑"
	}
	f.changes = append(f.changes, changes...)
	f.members[i] = m
	return changes, nil
}

func (f *fakeStore) RecordEvent(e model.MembershipEvent) (model.Member, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i, err := f.find(e.MemberID)
	if err != nil {
		return model.Member{}, err
	}
	m := f.members[i]
	if err := e.Apply(&m, f.today); err != nil {
		return model.Member{}, err
	}
	if e.Kind.LeavesRoster() {
		if err := model.CheckLeavingAfterRecords(model.EventDateField, e.Kind, e.Date, m.Name, f.records[m.ID]); err != nil {
			return model.Member{}, err
		}
	}
	e.CreatedAt = time.Now()
	f.events = append(f.events, e)
	f.members[i] = m
	return m, nil
}

func (f *fakeStore) LaterRecords(id int64, date model.Date) ([]model.DatedRecord, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.DatedRecord
	for _, r := range f.records[id] {
		if r.Date.After(date) {
			out = append(out, r)
		}
	}
	return out, nil
}

func (f *fakeStore) MemberEvents(id int64) ([]model.MembershipEvent, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.MembershipEvent
	for _, e := range f.events {
		if e.MemberID == id {
			out = append(out, e)
		}
	}
	return out, nil
}

func (f *fakeStore) MemberChanges(id int64) ([]model.FieldChange, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.FieldChange
	for _, c := range f.changes {
		if c.MemberID == id {
			out = append(out, c)
		}
	}
	return out, nil
}

func (f *fakeStore) Profile() (model.Profile, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.profile, nil
}

func (f *fakeStore) SaveProfileAligning(p model.Profile) (int, error) {
	if err := f.SaveProfile(p); err != nil {
		return 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for i := range f.members {
		m := &f.members[i]
		if m.OnRoster && m.BranchName != p.BranchName {
			f.changes = append(f.changes, model.FieldChange{MemberID: m.ID, Field: model.FieldBranchName, Old: m.BranchName, New: p.BranchName, At: time.Now(), Source: "支部名称"})
			m.BranchName = p.BranchName
			n++
		}
	}
	return n, nil
}

func (f *fakeStore) SaveProfile(p model.Profile) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if errs := p.Validate(f.today, model.CurrentRules()); len(errs) > 0 {
		return errs
	}
	f.profile = p
	return nil
}

func (f *fakeStore) PreviewImport(path string) (model.ImportPreview, error) {
	if f.previewErr != nil {
		return model.ImportPreview{}, f.previewErr
	}
	p := f.preview
	p.File = path
	return p, nil
}

// PreviewImportWith keeps the sheets the choice names: enough to show the
// preview plans again when a box is changed.
func (f *fakeStore) PreviewImportWith(path string, c model.ImportChoice) (model.ImportPreview, error) {
	p, err := f.PreviewImport(path)
	if err != nil {
		return p, err
	}
	f.mu.Lock()
	f.choices = append(f.choices, c)
	f.mu.Unlock()
	p.Choice = c
	p.Sheets = slices.Clone(p.Sheets)
	for i := range p.Sheets {
		p.Sheets[i].Included = slices.Contains(c.Sheets, p.Sheets[i].Name)
		p.Sheets[i].BranchFromName = p.Sheets[i].CanUseName && slices.Contains(c.SheetNameBranch, p.Sheets[i].Name)
	}
	var kept []model.Rejection
	for _, r := range p.Rejected {
		if slices.Contains(c.Sheets, r.Sheet) {
			kept = append(kept, r)
		}
	}
	p.Rejected = kept
	return p, nil
}

// WriteRejected records where the refused rows were to go; with
// writeRejected set, that runs first, as the copy would, with progress, and
// its error stops it (nothing recorded).
func (f *fakeStore) WriteRejected(p model.ImportPreview, path string, progress func(done, total int) error) (int, error) {
	if f.writeRejected != nil {
		if err := f.writeRejected(progress); err != nil {
			return 0, err
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rejectedOut = append(f.rejectedOut, path)
	return p.RejectedRows(), nil
}

func (f *fakeStore) CommitImport(p model.ImportPreview) (int, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.committed = append(f.committed, p)
	for _, m := range p.Plan.Add {
		m.ID, m.OnRoster = f.nextID, true
		f.nextID++
		f.members = append(f.members, m)
	}
	for _, u := range p.Plan.Update {
		i, err := f.find(u.Before.ID)
		if err != nil {
			return 0, 0, err
		}
		f.members[i] = u.After
	}
	return len(p.Plan.Add), len(p.Plan.Update), nil
}

func (f *fakeStore) ExportRoster(path string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if path == "" {
		return 0, errors.New("没有指定文件")
	}
	f.exported = append(f.exported, path)
	return len(model.FilterMembers(f.members, model.MemberFilter{Left: model.No})), nil
}

// fill types text into a form's input as a user does: the cursor goes into
// the field, the text is typed, and the user leaves the field (the moment
// kit.Form checks it).
func fill(in fyne.CanvasObject, text string) {
	f := in.(fyne.Focusable)
	c := fyne.CurrentApp().Driver().CanvasForObject(in)
	if c != nil {
		c.Focus(f)
	}
	test.Type(f, text)
	if c != nil {
		c.Unfocus()
	} else {
		f.FocusLost()
	}
}
