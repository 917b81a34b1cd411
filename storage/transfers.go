package storage

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"branchledger/model"
)

// Sources recorded in a member's history by transfers.
const (
	SourceTransferIn = "转入介绍信"
	SourceMobile     = "流动党员登记"
)

// Rows of the transfer tables (transfers_schema.go); the DDL is the schema.

type letterRow struct {
	ID              int64 `gorm:"primaryKey"`
	Year            int
	Number          int
	MemberID        int64
	Name            string
	Sex             string
	Age             int
	Ethnicity       string
	Category        string
	IDNumber        string
	Phone           string
	FromOrg         string
	ToOrg           string
	ToCommittee     string
	Reason          string
	Date            model.Date
	ValidDays       int
	PaidTo          string
	ReceiptDate     model.Date
	ReceiptOrg      string
	ReceiptHandler  string
	WithdrawnOn     model.Date
	WithdrawnReason string
	CreatedAt       stamp `gorm:"autoCreateTime:false"`
	UpdatedAt       stamp `gorm:"autoUpdateTime:false"`
}

func (letterRow) TableName() string { return "transfer_letters" }

func (r *letterRow) letter() (model.TransferLetter, error) {
	paid, err := model.ParseMonth(r.PaidTo)
	if err != nil {
		return model.TransferLetter{}, fmt.Errorf("letter %d paid_to: %w", r.ID, err)
	}
	l := model.TransferLetter{
		ID: r.ID, Year: r.Year, Number: r.Number, MemberID: r.MemberID,
		Name: r.Name, Sex: model.Sex(r.Sex), Age: r.Age, Ethnicity: r.Ethnicity, Category: model.Category(r.Category),
		IDNumber: r.IDNumber, Phone: r.Phone, FromOrg: r.FromOrg, ToOrg: r.ToOrg, ToCommittee: r.ToCommittee,
		Reason: r.Reason, Date: r.Date, ValidDays: r.ValidDays, PaidTo: paid, CreatedAt: time.Time(r.CreatedAt),
	}
	if !r.ReceiptDate.IsZero() {
		l.Receipt = &model.LetterReceipt{Date: r.ReceiptDate, Org: r.ReceiptOrg, Handler: r.ReceiptHandler}
	}
	if !r.WithdrawnOn.IsZero() {
		l.Withdrawal = &model.LetterWithdrawal{Date: r.WithdrawnOn, Reason: r.WithdrawnReason}
	}
	return l, nil
}

type transferInRow struct {
	ID            int64 `gorm:"primaryKey"`
	MemberID      int64
	Name          string
	LetterNumber  string
	FromOrg       string
	FromCommittee string
	LetterDate    model.Date
	Date          model.Date
	PaidTo        string
	Category      string
	Handler       string
	Note          string
	CreatedAt     stamp `gorm:"autoCreateTime:false"`
	UpdatedAt     stamp `gorm:"autoUpdateTime:false"`
}

func (transferInRow) TableName() string { return "transfer_ins" }

func (r *transferInRow) transferIn() (model.TransferIn, error) {
	paid, err := model.ParseMonth(r.PaidTo)
	if err != nil {
		return model.TransferIn{}, fmt.Errorf("transfer in %d paid_to: %w", r.ID, err)
	}
	return model.TransferIn{
		ID: r.ID, MemberID: r.MemberID, Name: r.Name, LetterNumber: r.LetterNumber, FromOrg: r.FromOrg,
		FromCommittee: r.FromCommittee, LetterDate: r.LetterDate, Date: r.Date, PaidTo: paid,
		Category: model.Category(r.Category), Handler: r.Handler, Note: r.Note, CreatedAt: time.Time(r.CreatedAt),
	}, nil
}

type letterSetupRow struct {
	ID        int `gorm:"primaryKey"`
	Committee string
	Address   string
	Phone     string
	Fax       string
	Postcode  string
	OffsetX   int
	OffsetY   int
	UpdatedAt stamp `gorm:"autoUpdateTime:false"`
}

func (letterSetupRow) TableName() string { return "transfer_setup" }

// transferError hands a refusal from model (ErrTransfer, ErrEvent) to the
// user as it is: it already says what and why.
func transferError(err error) error {
	var ve model.ValidationErrors
	if err == nil || errors.As(err, &ve) {
		return err
	}
	return &userError{msg: err.Error(), kind: err}
}

// LetterSetup is what the branch prints on its letters besides the letter
// (model.LetterSetup), as saved; empty fields are filled from the profile
// only when printing.
func (s *Store) LetterSetup() (model.LetterSetup, error) {
	var r letterSetupRow
	if err := s.db.Take(&r, 1).Error; err != nil {
		return model.LetterSetup{}, fail("读取介绍信设置", err)
	}
	next, err := nextLetterNumber(s.db, s.Today().Year)
	if err != nil {
		return model.LetterSetup{}, fail("读取介绍信设置", err)
	}
	return model.LetterSetup{Committee: r.Committee, Address: r.Address, Phone: r.Phone, Fax: r.Fax,
		Postcode: r.Postcode, OffsetX: r.OffsetX, OffsetY: r.OffsetY, NextNumber: next}, nil
}

// nextLetterNumber is the number year's next letter takes: after the
// highest used (withdrawn letters keep theirs), and not before where the
// branch set the year's numbering to start.
func nextLetterNumber(tx *gorm.DB, year int) (int, error) {
	var next int
	err := tx.Raw(`SELECT max(ifnull((SELECT max(number) FROM transfer_letters WHERE year = ?), 0) + 1,
		ifnull((SELECT next FROM letter_numbering WHERE year = ?), 1))`, year, year).Scan(&next).Error
	return next, err
}

// NextLetterNumber is the number year's next letter takes (after the
// highest used, and not before where the branch set the year to start).
func (s *Store) NextLetterNumber(year int) (int, error) {
	next, err := nextLetterNumber(s.db, year)
	return next, fail("读取介绍信编号", err)
}

// SaveLetterSetup saves the letters' setup; ValidationErrors when a field
// is wrong, and nothing is written then.
func (s *Store) SaveLetterSetup(ls model.LetterSetup) error {
	if errs := ls.Validate(); len(errs) > 0 {
		return errs
	}
	now := s.clock()
	year := model.DateOf(now).Year
	err := s.db.Transaction(func(tx *gorm.DB) error {
		at, err := nextLetterNumber(tx, year)
		if err != nil {
			return err
		}
		if errs := model.CheckNextLetterNumber(year, ls.NextNumber, at); len(errs) > 0 {
			return errs
		}
		if ls.NextNumber > at {
			if err := tx.Exec(`INSERT INTO letter_numbering (year, next) VALUES (?, ?)
				ON CONFLICT (year) DO UPDATE SET next = excluded.next`, year, ls.NextNumber).Error; err != nil {
				return err
			}
		}
		return tx.Model(&letterSetupRow{}).Where("id = 1").Updates(map[string]any{
			"committee": ls.Committee, "address": ls.Address, "phone": ls.Phone, "fax": ls.Fax, "postcode": ls.Postcode,
			"offset_x": ls.OffsetX, "offset_y": ls.OffsetY, "updated_at": stamp(now),
		}).Error
	})
	var ve model.ValidationErrors
	if errors.As(err, &ve) {
		return ve
	}
	return fail("保存介绍信设置", err)
}

// ErrNoBranchName: a letter says which organisation the member leaves.
var ErrNoBranchName = errors.New("请先在“设置 → 支部基本信息”中填写党支部名称：介绍信要写明党员由哪个党组织转出")

// prepareLetter checks a request in tx and makes the letter it would
// issue, numbered, with the member's dues at the letter's date.
func prepareLetter(tx *gorm.DB, q model.LetterRequest, now time.Time) (model.TransferLetter, model.LetterDues, model.Member, error) {
	today := model.DateOf(now)
	m, err := memberByID(tx, q.MemberID)
	if err != nil {
		return model.TransferLetter{}, model.LetterDues{}, m, err
	}
	var b branchRow
	if err := tx.Take(&b, branchID).Error; err != nil {
		return model.TransferLetter{}, model.LetterDues{}, m, err
	}
	from := strings.TrimSpace(b.BranchName)
	if from == "" {
		return model.TransferLetter{}, model.LetterDues{}, m, &userError{msg: ErrNoBranchName.Error(), kind: ErrNoBranchName}
	}
	tr := model.CurrentTransferRules()
	l, err := model.NewLetter(q, &m, from, 0, today, tr)
	if err != nil {
		return l, model.LetterDues{}, m, transferError(err)
	}
	records, err := laterRecords(tx, &m, l.Date)
	if err != nil {
		return l, model.LetterDues{}, m, err
	}
	if err := model.CheckLetterAfterRecords(l.Date, m.Name, records); err != nil {
		return l, model.LetterDues{}, m, err
	}
	h, err := memberHistory(tx, &m, today.Year+1)
	if err != nil {
		return l, model.LetterDues{}, m, err
	}
	dues := model.DuesAtLetter(&m, h, l.Date, today, model.CurrentDuesRules())
	if !dues.Known {
		return l, dues, m, transferError(&model.TextError{Kind: model.ErrTransfer, Bare: true, Text: dues.UnknownPaidToText(m.Name)})
	}
	l.PaidTo = dues.PaidTo
	if l.Number, err = nextLetterNumber(tx, l.Year); err != nil {
		return l, dues, m, err
	}
	return l, dues, m, nil
}

// laterRecords are the member's records in this branch dated after date:
// their latest attendance (any status: they were on the list), their 转正,
// their latest 转入 or 恢复党籍 and their latest dues payment
// that was not reversed.
func laterRecords(tx *gorm.DB, m *model.Member, date model.Date) ([]model.DatedRecord, error) {
	var out []model.DatedRecord
	if m.FullDate.After(date) {
		out = append(out, model.FullMembershipRecord(m.FullDate))
	}
	// A letter dated before their latest 转入 (or 恢复党籍) would take
	// them off the roster before they came on it. (A 转出作废 undoes a
	// letter that never took effect: a new letter may predate it.)
	var ev struct {
		Date string
		Kind string
	}
	err := tx.Raw(`SELECT date, kind FROM member_events WHERE member_id = ? AND date > ? AND kind IN (?, ?)
		ORDER BY date DESC, id DESC LIMIT 1`,
		m.ID, date.String(), string(model.EventTransferIn), string(model.EventRestoration)).Scan(&ev).Error
	if err != nil {
		return nil, err
	}
	if ev.Date != "" {
		d, err := model.ParseDate(ev.Date)
		if err != nil {
			return nil, err
		}
		out = append(out, model.EventRecord(model.EventKind(ev.Kind), d))
	}
	return appendRollAndPayment(tx, out, m.ID, "a.date > ?", "ORDER BY a.date DESC", "max", date.String())
}

// earlierRecords are the member's first attendance and first dues payment
// in this branch dated before date, since they last left it (a 转出, 死亡
// … before date: what came before belongs to an earlier stay).
func earlierRecords(tx *gorm.DB, m *model.Member, date model.Date) ([]model.DatedRecord, error) {
	var since string
	kinds := make([]string, len(model.LeavingEvents))
	for i, k := range model.LeavingEvents {
		kinds[i] = string(k)
	}
	err := tx.Raw(`SELECT ifnull(max(date), '') FROM member_events WHERE member_id = ? AND date < ? AND kind IN ?`,
		m.ID, date.String(), kinds).Scan(&since).Error
	if err != nil {
		return nil, err
	}
	return appendRollAndPayment(tx, nil, m.ID, "a.date < ? AND a.date > ?", "ORDER BY a.date", "min", date.String(), since)
}

// appendRollAndPayment adds to out the member's attendance and unreversed
// dues payment picked by the date condition when (on a.date / p.date, with
// args), the attendance first in order, the payment's date by agg (max or
// min): the one shape laterRecords and earlierRecords ask in.
func appendRollAndPayment(tx *gorm.DB, out []model.DatedRecord, memberID int64, when, order, agg string, args ...any) ([]model.DatedRecord, error) {
	var att struct {
		Date string
		Kind string
		Seq  int
	}
	err := tx.Raw(`SELECT a.date AS date, a.kind AS kind, a.seq AS seq FROM activity_attendance t JOIN activities a ON a.id = t.activity_id
		WHERE t.member_id = ? AND `+when+` `+order+` LIMIT 1`, append([]any{memberID}, args...)...).Scan(&att).Error
	if err != nil {
		return nil, err
	}
	if att.Date != "" {
		d, err := model.ParseDate(att.Date)
		if err != nil {
			return nil, err
		}
		out = append(out, model.AttendanceRecord(model.ActivityKind(att.Kind), att.Seq, d))
	}
	var paid string
	err = tx.Raw(`SELECT ifnull(`+agg+`(p.date), '') FROM dues_payments p WHERE p.member_id = ? AND `+strings.ReplaceAll(when, "a.date", "p.date")+`
		AND NOT EXISTS (SELECT 1 FROM dues_reversals r WHERE r.payment_id = p.id)`, append([]any{memberID}, args...)...).Scan(&paid).Error
	if err != nil {
		return nil, err
	}
	if paid != "" {
		d, err := model.ParseDate(paid)
		if err != nil {
			return nil, err
		}
		out = append(out, model.DuesPaidRecord(d))
	}
	return out, nil
}

// DraftLetter works out the letter a request would issue — its number, the
// member's particulars and 党费交至 from the dues ledger — and the dues the
// member still owes up to the letter's month, writing nothing. It refuses
// what IssueLetter refuses.
func (s *Store) DraftLetter(q model.LetterRequest) (model.TransferLetter, model.LetterDues, error) {
	var l model.TransferLetter
	var dues model.LetterDues
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		l, dues, _, err = prepareLetter(tx, q, s.clock())
		return err
	})
	return l, dues, fail("开具介绍信", err)
}

// IssueLetter issues a transfer letter in one transaction: the letter with
// the next number of its year (never one used before, withdrawn or not),
// 党费交至 from the dues ledger (model.PaidThrough), and the member's 转出
// event naming the letter — the member leaves the active roster, nothing is
// deleted. A member not on the roster, a request the form rules refuse
// (model.NewLetter) or a 党费交至 the ledger cannot tell is refused with one
// sentence, and nothing is written.
func (s *Store) IssueLetter(q model.LetterRequest) (model.TransferLetter, error) {
	now := s.clock()
	var l model.TransferLetter
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		var m model.Member
		l, _, m, err = prepareLetter(tx, q, now)
		if err != nil {
			return err
		}
		row := letterRow{
			Year: l.Year, Number: l.Number, MemberID: l.MemberID, Name: l.Name, Sex: string(l.Sex), Age: l.Age,
			Ethnicity: l.Ethnicity, Category: string(l.Category), IDNumber: l.IDNumber, Phone: l.Phone,
			FromOrg: l.FromOrg, ToOrg: l.ToOrg, ToCommittee: l.ToCommittee, Reason: l.Reason, Date: l.Date,
			ValidDays: l.ValidDays, PaidTo: l.PaidTo.String(), CreatedAt: stamp(now), UpdatedAt: stamp(now),
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		l.ID, l.CreatedAt = row.ID, now
		return applyEvent(tx, &m, model.MembershipEvent{MemberID: m.ID, Kind: model.EventTransferOut, Date: l.Date, Note: l.LetterNote()}, now)
	})
	if err != nil {
		return model.TransferLetter{}, fail("开具介绍信", err)
	}
	return l, nil
}

// applyEvent records event e on m in tx, as RecordEvent does.
func applyEvent(tx *gorm.DB, m *model.Member, e model.MembershipEvent, now time.Time) error {
	before := *m
	if err := e.Apply(m, model.DateOf(now)); err != nil {
		return transferError(err)
	}
	m.UpdatedAt = now
	if err := updateMemberRow(tx, m); err != nil {
		return err
	}
	row := eventRow{MemberID: m.ID, Kind: string(e.Kind), Date: e.Date, Note: e.Note, CreatedAt: stamp(now), UpdatedAt: stamp(now)}
	if err := tx.Create(&row).Error; err != nil {
		return err
	}
	return insertChanges(tx, model.DiffMembers(&before, m), string(e.Kind), nil, now)
}

// Letters are the letters issued in year (every year when year is 0),
// by number.
func (s *Store) Letters(year int) ([]model.TransferLetter, error) {
	out, err := queryLetters(s.db, year)
	return out, fail("读取介绍信", err)
}

func queryLetters(tx *gorm.DB, year int) ([]model.TransferLetter, error) {
	var rows []letterRow
	q := tx.Order("year, number")
	if year != 0 {
		q = q.Where("year = ?", year)
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]model.TransferLetter, 0, len(rows))
	for i := range rows {
		l, err := rows[i].letter()
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, markReturns(tx, out)
}

// markReturns sets each open letter's ReturnedOn: the member's first 转入
// back into this branch on or after the letter's date.
func markReturns(tx *gorm.DB, letters []model.TransferLetter) error {
	var ins []struct {
		MemberID int64
		Date     model.Date
	}
	if err := tx.Raw("SELECT member_id, date FROM transfer_ins ORDER BY date").Scan(&ins).Error; err != nil {
		return err
	}
	for i := range letters {
		l := &letters[i]
		if l.Receipt != nil || l.Withdrawal != nil {
			continue
		}
		for _, in := range ins {
			if in.MemberID == l.MemberID && !in.Date.Before(l.Date) {
				l.ReturnedOn = in.Date
				break
			}
		}
	}
	return nil
}

// Letter is one letter; ErrNotFound when there is none with that id.
func (s *Store) Letter(id int64) (model.TransferLetter, error) {
	l, err := letterByID(s.db, id)
	return l, fail("读取介绍信", err)
}

func letterByID(tx *gorm.DB, id int64) (model.TransferLetter, error) {
	var r letterRow
	err := tx.Take(&r, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return model.TransferLetter{}, fmt.Errorf("%w：没有编号为 %d 的介绍信", ErrNotFound, id)
	}
	if err != nil {
		return model.TransferLetter{}, err
	}
	return oneLetter(tx, &r)
}

// oneLetter is the letter of row r, with its return marked.
func oneLetter(tx *gorm.DB, r *letterRow) (model.TransferLetter, error) {
	l, err := r.letter()
	if err != nil {
		return l, err
	}
	ls := []model.TransferLetter{l}
	err = markReturns(tx, ls)
	return ls[0], err
}

// FindLetter is the letter numbered number in year; year 0 takes the
// latest year with such a number. ErrNotFound names what was asked.
func (s *Store) FindLetter(year, number int) (model.TransferLetter, error) {
	var r letterRow
	q := s.db.Where("number = ?", number)
	if year != 0 {
		q = q.Where("year = ?", year)
	}
	err := q.Order("year DESC").Take(&r).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound) && year != 0:
		return model.TransferLetter{}, fmt.Errorf("%w：没有（%d）第%d号介绍信", ErrNotFound, year, number)
	case errors.Is(err, gorm.ErrRecordNotFound):
		return model.TransferLetter{}, fmt.Errorf("%w：没有第%d号介绍信", ErrNotFound, number)
	case err != nil:
		return model.TransferLetter{}, fail("读取介绍信", err)
	}
	return oneLetter(s.db, &r)
}

// RecordReceipt records the 回执 of a letter, which closes it. A receipt the
// rules refuse (model.CheckReceipt: withdrawn, already received, dated
// before the letter or after today) is refused and nothing is written.
func (s *Store) RecordReceipt(letterID int64, rc model.LetterReceipt) (model.TransferLetter, error) {
	now := s.clock()
	var l model.TransferLetter
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		if l, err = letterByID(tx, letterID); err != nil {
			return err
		}
		if err := model.CheckReceipt(&l, &rc, model.DateOf(now)); err != nil {
			return transferError(err)
		}
		l.Receipt = &rc
		return tx.Exec("UPDATE transfer_letters SET receipt_date = ?, receipt_org = ?, receipt_handler = ?, updated_at = ? WHERE id = ?",
			rc.Date, rc.Org, rc.Handler, stamp(now), l.ID).Error
	})
	if err != nil {
		return model.TransferLetter{}, fail("登记回执", err)
	}
	return l, nil
}

// WithdrawLetter withdraws a letter (作废) in one transaction: the letter is
// marked with the date and reason, its number stays used, and the member
// comes back onto the roster as they were (event 转出作废). A letter received
// or already withdrawn, or whose member is no longer off the roster by it,
// is refused and nothing is written.
func (s *Store) WithdrawLetter(letterID int64, w model.LetterWithdrawal) (model.TransferLetter, error) {
	now := s.clock()
	var l model.TransferLetter
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		if l, err = letterByID(tx, letterID); err != nil {
			return err
		}
		if err := model.CheckWithdrawal(&l, &w, model.DateOf(now)); err != nil {
			return transferError(err)
		}
		m, err := memberByID(tx, l.MemberID)
		if err != nil {
			return err
		}
		if m.OnRoster || m.LeftBy != model.EventTransferOut || m.LeftOn != l.Date {
			return &userError{kind: model.ErrTransfer, msg: fmt.Sprintf("%s目前不是凭%s介绍信离开名册的（%s），不能作废这封介绍信", m.Name, l.NumberText(), rosterState(&m))}
		}
		l.Withdrawal = &w
		if err := tx.Exec("UPDATE transfer_letters SET withdrawn_on = ?, withdrawn_reason = ?, updated_at = ? WHERE id = ?",
			w.Date, w.Reason, stamp(now), l.ID).Error; err != nil {
			return err
		}
		return applyEvent(tx, &m, model.MembershipEvent{MemberID: m.ID, Kind: model.EventTransferVoid, Date: w.Date, Note: l.WithdrawalNote()}, now)
	})
	if err != nil {
		return model.TransferLetter{}, fail("作废介绍信", err)
	}
	return l, nil
}

func rosterState(m *model.Member) string {
	if m.OnRoster {
		return "在册"
	}
	return fmt.Sprintf("%s %s", m.LeftOn, m.LeftBy)
}

// RecordTransferIn records an incoming letter in one transaction: with m
// nil, the member in.MemberID — who left this roster by a transfer out —
// comes back; with m set, a new member m is added to the roster (its record
// checked as AddMember checks it). Either way the 转入 event names the
// letter, the member arrives on in.Date, and their opening dues position
// (党费已交至) becomes the letter's 党费交至, so that dues are owed here from
// the month after. A letter the rules refuse (model.CheckTransferIn), a
// member's record that is not complete, or an ID number already in the file
// is refused and nothing is written.
func (s *Store) RecordTransferIn(in model.TransferIn, m *model.Member) (model.TransferIn, model.Member, error) {
	now := s.clock()
	today := model.DateOf(now)
	var member model.Member
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if m != nil {
			member = *m
			if member.BranchName == "" {
				// 所在党支部: this branch, which the member now belongs to.
				var b branchRow
				if err := tx.Take(&b, branchID).Error; err != nil {
					return err
				}
				member.BranchName = b.BranchName
			}
			member.Normalize()
			member.ID, member.OnRoster, member.LeftBy, member.LeftOn = 0, false, "", model.Date{}
			if errs := member.Validate(today, model.CurrentRules()); len(errs) > 0 {
				return errs
			}
			if err := checkIDFree(tx, member.IDNumber, 0); err != nil {
				return err
			}
		} else {
			var err error
			if member, err = memberByID(tx, in.MemberID); err != nil {
				return err
			}
		}
		if err := model.CheckTransferIn(&in, &member, today, model.CurrentDuesRules()); err != nil {
			return transferError(err)
		}
		opening := in.PaidTo
		if m == nil {
			paid, start, kept, err := ledgerPaidTo(tx, &member, today)
			if err != nil {
				return err
			}
			if err := model.CheckReturningPaidTo(&in, member.Name, paid); err != nil {
				return transferError(err)
			}
			if model.KeepsLedgerOpening(&in, paid, start) {
				opening = kept
			}
		}
		e := model.MembershipEvent{Kind: model.EventTransferIn, Date: in.Date, Note: in.EventNote()}
		if m != nil {
			// A new member: on the roster from the letter's date.
			member.OnRoster, member.ArrivedOn, member.CreatedAt, member.UpdatedAt = true, in.Date, now, now
			row := toMemberRow(&member)
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			member.ID = row.ID
			ev := eventRow{MemberID: member.ID, Kind: string(e.Kind), Date: e.Date, Note: e.Note, CreatedAt: stamp(now), UpdatedAt: stamp(now)}
			if err := tx.Create(&ev).Error; err != nil {
				return err
			}
		} else {
			e.MemberID = member.ID
			if err := applyEvent(tx, &member, e, now); err != nil {
				return err
			}
		}
		in.MemberID, in.Name = member.ID, member.Name
		row := transferInRow{MemberID: in.MemberID, Name: in.Name, LetterNumber: in.LetterNumber, FromOrg: in.FromOrg,
			FromCommittee: in.FromCommittee, LetterDate: in.LetterDate, Date: in.Date, PaidTo: in.PaidTo.String(),
			Category: string(in.Category), Handler: in.Handler, Note: in.Note, CreatedAt: stamp(now), UpdatedAt: stamp(now)}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		in.ID, in.CreatedAt = row.ID, now
		return setOpenings(tx, []model.DuesOpening{{MemberID: member.ID, PaidTo: opening}}, SourceTransferIn, now)
	})
	if err != nil {
		return model.TransferIn{}, model.Member{}, fail("登记转入", err)
	}
	return in, member, nil
}

// ledgerPaidTo is the last month this ledger records m paid to
// (model.PaidThrough; 0 when it establishes none) and the ledger's
// 建账月份, for a member coming back by transfer; opening is the opening
// position that keeps their months owed here as they stood before they
// left: their 党费已交至 if they had one, else the month before the first
// they owed. (Without one, their 转入 would count them owed only from the
// month they came back.)
func ledgerPaidTo(tx *gorm.DB, m *model.Member, today model.Date) (paid, start, opening model.Month, err error) {
	h, err := memberHistory(tx, m, today.Year+1)
	if err != nil {
		return 0, 0, 0, err
	}
	if p, ok := model.PaidThrough(m, h, model.CurrentDuesRules()); ok {
		paid = p
	}
	if o, has := h.Openings[m.ID]; has {
		opening = o
	} else if from, ok := h.OwedFrom(m); ok {
		opening = from - 1
	}
	return paid, h.Start, opening, nil
}

// LedgerPaidTo is ledgerPaidTo for the 转入 form, which questions a
// returning member's letter on leaving its 党费交至.
func (s *Store) LedgerPaidTo(memberID int64) (model.Month, error) {
	var paid model.Month
	err := s.db.Transaction(func(tx *gorm.DB) error {
		m, err := memberByID(tx, memberID)
		if err != nil {
			return err
		}
		paid, _, _, err = ledgerPaidTo(tx, &m, model.DateOf(s.clock()))
		return err
	})
	return paid, fail("读取党费记录", err)
}

// TransferIns are the incoming letters recorded in year (every year when 0),
// oldest first.
func (s *Store) TransferIns(year int) ([]model.TransferIn, error) {
	var rows []transferInRow
	q := s.db.Order("date, id")
	if year != 0 {
		q = q.Where("date >= ? AND date < ?", fmt.Sprintf("%04d", year), fmt.Sprintf("%04d", year+1))
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, fail("读取转入记录", err)
	}
	out := make([]model.TransferIn, 0, len(rows))
	for i := range rows {
		in, err := rows[i].transferIn()
		if err != nil {
			return nil, fail("读取转入记录", err)
		}
		out = append(out, in)
	}
	return out, nil
}

// TransferIn is one incoming letter; ErrNotFound when there is none.
func (s *Store) TransferIn(id int64) (model.TransferIn, error) {
	var r transferInRow
	err := s.db.Take(&r, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return model.TransferIn{}, fmt.Errorf("%w：没有编号为 %d 的转入记录", ErrNotFound, id)
	}
	if err != nil {
		return model.TransferIn{}, fail("读取转入记录", err)
	}
	in, err := r.transferIn()
	return in, fail("读取转入记录", err)
}
