// Package transferfile is the service behind the 组织关系 section and the
// `transfer` commands: letters out (开具介绍信, 回执, 作废) with 党费交至 from
// the dues ledger, incoming letters (转入) that set the member's opening
// dues position, the mobile-member and inflow-member registers, and the
// prints — the letter (full form or 套打), the 回执 of an incoming letter,
// the 组织关系转接登记簿 and the two registers. The window and the command
// line both call it, so both behave alike.
package transferfile

import (
	"fmt"
	"sort"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/xlsx"
)

// Service works on the transfers of one store.
type Service struct {
	store *storage.Store
}

// New returns the service for store.
func New(store *storage.Store) *Service { return &Service{store: store} }

// Today is the date the rules are checked on.
func (s *Service) Today() model.Date { return s.store.Today() }

// Overview reads what the 组织关系 section shows — the letters of every
// year, the incoming letters, both registers, the setup — and checks it as
// of today.
func (s *Service) Overview() (model.TransferOverview, error) {
	var o model.TransferOverview
	d, err := s.store.TransferRecords()
	if err != nil {
		return o, err
	}
	ms, err := s.store.Members()
	if err != nil {
		return o, err
	}
	if o.Setup, err = s.store.LetterSetup(); err != nil {
		return o, err
	}
	if o.Attended, err = s.store.InflowAttendance(); err != nil {
		return o, err
	}
	if o.LedgerStart, err = s.store.DuesLedgerStart(); err != nil {
		return o, err
	}
	if o.LedgerSetUp, err = s.store.DuesLedgerSetUp(); err != nil {
		return o, err
	}
	o.TransferRecords = d
	o.Findings = model.CheckTransfers(&d, ms, s.store.Today(), model.CurrentTransferRules(), model.CurrentMobileRules(), model.CurrentRules().Membership)
	model.SortFindings(o.Findings)
	return o, nil
}

// DraftLetter is the letter a request would issue and the dues the member
// still owes up to its month, writing nothing (storage.Store.DraftLetter).
func (s *Service) DraftLetter(q model.LetterRequest) (model.TransferLetter, model.LetterDues, error) {
	return s.store.DraftLetter(q)
}

// IssueLetter issues a letter (storage.Store.IssueLetter).
func (s *Service) IssueLetter(q model.LetterRequest) (model.TransferLetter, error) {
	return s.store.IssueLetter(q)
}

// RecordReceipt records a letter's 回执.
func (s *Service) RecordReceipt(id int64, rc model.LetterReceipt) (model.TransferLetter, error) {
	return s.store.RecordReceipt(id, rc)
}

// WithdrawLetter withdraws a letter (作废); the member comes back.
func (s *Service) WithdrawLetter(id int64, w model.LetterWithdrawal) (model.TransferLetter, error) {
	return s.store.WithdrawLetter(id, w)
}

// FindLetter is the letter numbered number in year (0: the latest year
// with that number).
func (s *Service) FindLetter(year, number int) (model.TransferLetter, error) {
	return s.store.FindLetter(year, number)
}

// Letters are the letters of year (every year when 0), by number.
func (s *Service) Letters(year int) ([]model.TransferLetter, error) { return s.store.Letters(year) }

// NextLetterNumber is the number year's next letter takes.
func (s *Service) NextLetterNumber(year int) (int, error) { return s.store.NextLetterNumber(year) }

// ExportLetter prints letter id to path — the full form, or with overlay
// the 套打 layout moved by the setup's offset — with the setup's committee,
// address, phone, fax and postcode (the profile's address and contact phone
// where the setup has none).
func (s *Service) ExportLetter(id int64, path string, overlay bool) error {
	layout := xlsx.LetterFull
	if overlay {
		layout = xlsx.LetterOverlay
	}
	l, err := s.store.Letter(id)
	if err != nil {
		return err
	}
	if l.Withdrawal != nil {
		return model.Errorf(model.ErrTransfer, "%s介绍信已于 %s 作废，不能打印", l.Numbered(), l.Withdrawal.Date.String())
	}
	setup, err := s.resolvedSetup()
	if err != nil {
		return err
	}
	return xlsx.WriteLetterFile(path, xlsx.LetterPrint{Letter: l, Setup: setup}, layout)
}

func (s *Service) resolvedSetup() (model.LetterSetup, error) {
	setup, err := s.store.LetterSetup()
	if err != nil {
		return setup, err
	}
	p, err := s.store.Profile()
	if err != nil {
		return setup, err
	}
	return setup.Resolved(&p), nil
}

// LetterSetup and SaveLetterSetup read and save what letters print besides
// the letter.
func (s *Service) LetterSetup() (model.LetterSetup, error) { return s.store.LetterSetup() }

// SaveLetterSetup saves the letters' setup.
func (s *Service) SaveLetterSetup(ls model.LetterSetup) error { return s.store.SaveLetterSetup(ls) }

// Profile is the branch's profile, for the defaults the setup shows.
func (s *Service) Profile() (model.Profile, error) { return s.store.Profile() }

// Members is everyone ever on the roster.
func (s *Service) Members() ([]model.Member, error) { return s.store.Members() }

// LedgerPaidTo is the last month the ledger records the member paid to
// (storage.Store.LedgerPaidTo).
func (s *Service) LedgerPaidTo(memberID int64) (model.Month, error) {
	return s.store.LedgerPaidTo(memberID)
}

// RecordTransferIn records an incoming letter for a member who comes back
// (m nil) or a new member m (storage.Store.RecordTransferIn).
func (s *Service) RecordTransferIn(in model.TransferIn, m *model.Member) (model.TransferIn, model.Member, error) {
	return s.store.RecordTransferIn(in, m)
}

// ExportInReceipt prints the 回执 of incoming letter id to path, signed by
// the letter's handler (the profile's contact when none) with the
// branch's contact phone.
func (s *Service) ExportInReceipt(id int64, path string) error {
	in, err := s.store.TransferIn(id)
	if err != nil {
		return err
	}
	setup, err := s.resolvedSetup()
	if err != nil {
		return err
	}
	p, err := s.store.Profile()
	if err != nil {
		return err
	}
	handler := in.Handler
	if handler == "" {
		handler = p.ContactName
	}
	return xlsx.WriteInReceiptFile(path, xlsx.InReceiptPrint{In: in, Handler: handler, Phone: setup.Phone})
}

// ExportRegister writes year's 组织关系转接登记簿 to path and returns how many
// transfers it lists.
func (s *Service) ExportRegister(year int, path string) (int, error) {
	if !model.ValidRecordYear(year) {
		return 0, fmt.Errorf("年份 %d 不合理", year)
	}
	letters, err := s.store.Letters(year)
	if err != nil {
		return 0, err
	}
	ins, err := s.store.TransferIns(year)
	if err != nil {
		return 0, err
	}
	p, err := s.store.Profile()
	if err != nil {
		return 0, err
	}
	members, err := s.store.Members()
	if err != nil {
		return 0, err
	}
	byID := make(map[int64]*model.Member, len(members))
	for i := range members {
		byID[members[i].ID] = &members[i]
	}
	entries := make([]xlsx.TransferEntry, 0, len(letters)+len(ins))
	for i := range letters {
		entries = append(entries, xlsx.TransferEntry{Out: &letters[i]})
	}
	for i := range ins {
		entries = append(entries, xlsx.TransferEntry{In: &ins[i], Member: byID[ins[i].MemberID]})
	}
	date := func(e xlsx.TransferEntry) model.Date {
		if e.Out != nil {
			return e.Out.Date
		}
		return e.In.Date
	}
	sort.SliceStable(entries, func(i, j int) bool { return date(entries[i]).Before(date(entries[j])) })
	err = xlsx.WriteTransferRegisterFile(path, xlsx.TransferRegister{BranchName: p.BranchName, Year: year, Entries: entries,
		Today: s.store.Today(), Rules: model.CurrentTransferRules()})
	return len(entries), err
}

// PresentWhileAway is the member's latest presence at an activity between
// from and until (storage.Store.PresentWhileAway).
func (s *Service) PresentWhileAway(memberID int64, from, until model.Date) (model.Presence, bool, error) {
	return s.store.PresentWhileAway(memberID, from, until)
}

// SaveMobile enters or saves a stay away (storage.Store.SaveMobile).
func (s *Service) SaveMobile(mm model.MobileMember) (model.MobileMember, error) {
	return s.store.SaveMobile(mm)
}

// AddMobileReport records a mobile member's report.
func (s *Service) AddMobileReport(r model.MobileReport) (model.MobileReport, error) {
	return s.store.AddMobileReport(r)
}

// ExportMobileRegister writes the 流动党员登记表 to path and returns how many
// stays it lists.
func (s *Service) ExportMobileRegister(path string) (int, error) {
	entries, err := s.store.MobileMembers()
	if err != nil {
		return 0, err
	}
	p, err := s.store.Profile()
	if err != nil {
		return 0, err
	}
	err = xlsx.WriteMobileRegisterFile(path, xlsx.MobileRegister{BranchName: p.BranchName, Entries: entries,
		Today: s.store.Today(), Rules: model.CurrentMobileRules()})
	return len(entries), err
}

// SaveInflow enters or saves a member from elsewhere.
func (s *Service) SaveInflow(im model.InflowMember) (model.InflowMember, error) {
	return s.store.SaveInflow(im)
}

// ExportInflowRegister writes the 流入党员登记表 to path and returns how many
// members it lists.
func (s *Service) ExportInflowRegister(path string) (int, error) {
	entries, err := s.store.InflowMembers()
	if err != nil {
		return 0, err
	}
	attended, err := s.store.InflowAttendance()
	if err != nil {
		return 0, err
	}
	p, err := s.store.Profile()
	if err != nil {
		return 0, err
	}
	err = xlsx.WriteInflowRegisterFile(path, xlsx.InflowRegister{BranchName: p.BranchName, Entries: entries,
		Attended: attended, Today: s.store.Today()})
	return len(entries), err
}
