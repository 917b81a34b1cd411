package storage

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"branchledger/model"

	"gorm.io/gorm"
)

// SourceEdit is the source recorded with a change made in the member form.
const SourceEdit = "编辑"

// memberColumns are the columns memberByColumns reads, in its order.
const memberColumns = `id, name, sex, ethnicity, id_number, birth_date, education, category,
	branch_name, join_date, full_date, post, phone, address, standing,
	lost_contact, lost_since, mobile, mobile_destination, notes,
	on_roster, left_by, left_on, created_at, updated_at, arrived_on`

// memberPacked is the same columns as one text value, joined by the unit
// separator U+001F; unknown dates are empty. The driver's cost is per value
// read (a mutex and several calls into SQLite each), so reading one value per
// member instead of 25 loads a big roster about twice as fast; the roster
// screen loads everyone at start (see BenchmarkMembers20000).
const memberPacked = `concat_ws(char(31), id, name, sex, ethnicity, id_number, ifnull(birth_date, ''),
	education, category, branch_name, ifnull(join_date, ''), ifnull(full_date, ''),
	post, phone, address, standing, lost_contact, ifnull(lost_since, ''), mobile,
	mobile_destination, notes, on_roster, left_by, ifnull(left_on, ''), created_at, updated_at,
	ifnull(arrived_on, ''))`

const memberFieldCount = 26

// queryMembers reads the members selected by where (SQL after FROM members).
// It scans by hand rather than through GORM's Find, whose reflection per
// field is far slower on a big roster (BenchmarkMembersGORMFind20000).
func queryMembers(db *gorm.DB, sizeHint int, where string, args ...any) ([]model.Member, error) {
	out := make([]model.Member, 0, sizeHint)
	var odd []int // members with a U+001F in their text, read column by column
	err := scanPacked(db, "member", func(packed string) error {
		out = append(out, model.Member{})
		ok, err := unpackMember(packed, &out[len(out)-1])
		if !ok {
			odd = append(odd, len(out)-1)
		}
		return err
	}, "SELECT "+memberPacked+" FROM members "+where, args...)
	if err != nil {
		return nil, err
	}
	// Only now: the one connection is free again for another query.
	for _, i := range odd {
		if err := memberByColumns(db, out[i].ID, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// unpackMember decodes a memberPacked value. It returns false, leaving only
// m.ID set, when a text field itself contains U+001F so the fields cannot be
// told apart.
func unpackMember(packed string, m *model.Member) (bool, error) {
	var f [memberFieldCount]string
	rest := packed
	for i := 0; i < len(f)-1; i++ {
		sep := strings.IndexByte(rest, 0x1f)
		if sep < 0 {
			return false, fmt.Errorf("read member: %d fields in %q", i+1, packed)
		}
		f[i], rest = rest[:sep], rest[sep+1:]
	}
	f[len(f)-1] = rest
	id, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return false, fmt.Errorf("read member: id %q: %w", f[0], err)
	}
	m.ID = id
	if strings.IndexByte(rest, 0x1f) >= 0 {
		return false, nil
	}

	var errs []error
	date := func(s string) model.Date {
		d, err := model.ParseDate(s)
		errs = append(errs, err)
		return d
	}
	instant := func(s string) time.Time {
		t, err := time.Parse(stampLayout, s)
		errs = append(errs, err)
		return t
	}
	*m = model.Member{
		ID: id, Name: f[1], Sex: model.Sex(f[2]), Ethnicity: f[3], IDNumber: f[4], BirthDate: date(f[5]),
		Education: f[6], Category: model.Category(f[7]), BranchName: f[8],
		JoinDate: date(f[9]), FullDate: date(f[10]), Post: f[11], Phone: f[12], Address: f[13],
		Standing: model.Standing(f[14]), LostContact: f[15] == "1", LostSince: date(f[16]),
		Mobile: f[17] == "1", MobileDestination: f[18], Notes: f[19], OnRoster: f[20] == "1",
		LeftBy: model.EventKind(f[21]), LeftOn: date(f[22]), CreatedAt: instant(f[23]), UpdatedAt: instant(f[24]),
		ArrivedOn: date(f[25]),
	}
	if err := errors.Join(errs...); err != nil {
		return false, fmt.Errorf("read member %d: %w", id, err)
	}
	return true, nil
}

// memberByColumns reads one member column by column, which works whatever
// the text holds.
func memberByColumns(db *gorm.DB, id int64, m *model.Member) error {
	rows, err := db.Raw("SELECT "+memberColumns+" FROM members WHERE id = ?", id).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return notFound(id)
	}
	var created, updated stamp
	err = rows.Scan(&m.ID, &m.Name, (*string)(&m.Sex), &m.Ethnicity, &m.IDNumber, &m.BirthDate,
		&m.Education, (*string)(&m.Category), &m.BranchName, &m.JoinDate, &m.FullDate, &m.Post,
		&m.Phone, &m.Address, (*string)(&m.Standing), &m.LostContact, &m.LostSince, &m.Mobile,
		&m.MobileDestination, &m.Notes, &m.OnRoster, (*string)(&m.LeftBy), &m.LeftOn,
		&created, &updated, &m.ArrivedOn)
	if err != nil {
		return fmt.Errorf("read member %d: %w", id, err)
	}
	m.CreatedAt, m.UpdatedAt = time.Time(created), time.Time(updated)
	return nil
}

// Members returns everyone ever on the roster, including those who left, in
// the order they were entered.
func (s *Store) Members() ([]model.Member, error) {
	var n int
	if err := s.db.Raw("SELECT count(*) FROM members").Scan(&n).Error; err != nil {
		return nil, fail("读取花名册", err)
	}
	ms, err := queryMembers(s.db, n, "ORDER BY id")
	return ms, fail("读取花名册", err)
}

// Member returns one member; ErrNotFound if there is none with that id.
func (s *Store) Member(id int64) (model.Member, error) {
	m, err := memberByID(s.db, id)
	return m, fail("读取党员记录", err)
}

func memberByID(db *gorm.DB, id int64) (model.Member, error) {
	ms, err := queryMembers(db, 1, "WHERE id = ?", id)
	if err != nil {
		return model.Member{}, err
	}
	if len(ms) == 0 {
		return model.Member{}, notFound(id)
	}
	return ms[0], nil
}

// checkIDFree fails with a *DuplicateIDError when a member other than self
// already has the ID number: the number is a member's identity for good,
// even after they left the roster.
func checkIDFree(tx *gorm.DB, idNumber string, self int64) error {
	ms, err := queryMembers(tx, 1, "WHERE id_number = ? AND id <> ?", idNumber, self)
	if err != nil {
		return err
	}
	if len(ms) > 0 {
		return &DuplicateIDError{IDNumber: idNumber, Existing: ms[0]}
	}
	return nil
}

// AddMember puts a new member on the roster. It returns model.ValidationErrors
// as they are when the form is incomplete, and a *DuplicateIDError when the ID
// number is already in the file. via, when not nil, is the 转入 (transfer in)
// that brought the member, recorded in the same transaction; its date is the
// member's arrival on the roster, which is otherwise m.ArrivedOn or, when
// that is zero, today.
func (s *Store) AddMember(m model.Member, via *model.MembershipEvent) (model.Member, error) {
	now := s.clock()
	today := model.DateOf(now)
	m.Normalize()
	if errs := m.Validate(today, model.CurrentRules()); len(errs) > 0 {
		return model.Member{}, errs
	}
	m.ID = 0
	m.OnRoster, m.LeftBy, m.LeftOn = true, "", model.Date{}
	m.CreatedAt, m.UpdatedAt = now, now
	if m.ArrivedOn.IsZero() {
		m.ArrivedOn = today // came onto the roster the day they were added
	}

	var event *eventRow
	if via != nil {
		if via.Kind != model.EventTransferIn {
			return model.Member{}, fmt.Errorf("%w：新登记的党员只能以“%s”登记，%s请在登记后办理", model.ErrEvent, model.EventTransferIn, via.Kind)
		}
		if err := via.Apply(&m, today); err != nil {
			return model.Member{}, err
		}
		event = &eventRow{Kind: string(via.Kind), Date: via.Date, Note: via.Note, CreatedAt: stamp(now), UpdatedAt: stamp(now)}
	}

	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := checkIDFree(tx, m.IDNumber, 0); err != nil {
			return err
		}
		row := toMemberRow(&m)
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		m.ID = row.ID
		if event != nil {
			event.MemberID = m.ID
			return tx.Create(event).Error
		}
		return nil
	})
	if err != nil {
		return model.Member{}, fail("登记党员", err)
	}
	return m, nil
}

// UpdateMember saves an edited member record and keeps every changed field's
// old and new value in the member's history. Where the member stands on the
// roster (OnRoster, LeftBy, LeftOn) changes only through RecordEvent and is
// kept from the stored record. Nothing is written when nothing changed.
func (s *Store) UpdateMember(m model.Member) ([]model.FieldChange, error) {
	now := s.clock()
	m.Normalize()
	if errs := m.Validate(model.DateOf(now), model.CurrentRules()); len(errs) > 0 {
		return nil, errs
	}
	changes := []model.FieldChange{}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		old, err := memberByID(tx, m.ID)
		if err != nil {
			return err
		}
		m.OnRoster, m.LeftBy, m.LeftOn, m.CreatedAt = old.OnRoster, old.LeftBy, old.LeftOn, old.CreatedAt
		changes = model.DiffMembers(&old, &m)
		if len(changes) == 0 {
			changes = []model.FieldChange{}
			return nil
		}
		if m.IDNumber != old.IDNumber {
			if err := checkIDFree(tx, m.IDNumber, m.ID); err != nil {
				return err
			}
		}
		if !m.ArrivedOn.IsZero() && (old.ArrivedOn.IsZero() || m.ArrivedOn.After(old.ArrivedOn)) {
			// A 到本支部日期 moved after the member's own records here
			// would put their payments and attendance before they came:
			// 到本支部日期 2026-10-01 for a secretary paying since 2025
			// dropped him from the 2025 register while its 收缴 kept
			// his 1798.80 元 (review s14-attack8 #34).
			records, err := earlierRecords(tx, &old, m.ArrivedOn)
			if err != nil {
				return err
			}
			if err := model.CheckArrivalBeforeRecords(m.ArrivedOn, old.Name, records); err != nil {
				return err
			}
		}
		m.UpdatedAt = now
		if err := updateMemberRow(tx, &m); err != nil {
			return err
		}
		return insertChanges(tx, changes, SourceEdit, nil, now)
	})
	if err != nil {
		return nil, fail("保存党员记录", err)
	}
	return changes, nil
}

// memberUpdate writes every column but id and created_at; raw SQL, because
// an import may update thousands of members and GORM's Updates reflects on
// the row each time.
var memberUpdate = "UPDATE members SET " + strings.Join(memberUpdateColumns, " = ?, ") + " = ? WHERE id = ?"

func updateMemberRow(tx *gorm.DB, m *model.Member) error {
	row := toMemberRow(m)
	res := tx.Exec(memberUpdate, append(row.appendUpdateValues(nil), row.ID)...)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected != 1 {
		return notFound(m.ID)
	}
	return nil
}

// insertChanges stamps the changes with their time and source and writes them.
func insertChanges(tx *gorm.DB, changes []model.FieldChange, source string, importID *int64, now time.Time) error {
	for i := range changes {
		changes[i].At, changes[i].Source = now, source
	}
	if len(changes) < bulkChunk/100 {
		// one edit of the form: a statement of a few rows is quicker than
		// building JSON
		return insertRows(tx, "member_changes", changeInsertColumns, len(changes), len(changes)+1, func(args []any, i int) []any {
			r := toChangeRow(&changes[i], importID, now)
			return r.appendValues(args)
		})
	}
	return insertBulk(tx, "member_changes", changeInsertColumns, len(changes), func(args []any, i int) []any {
		r := toChangeRow(&changes[i], importID, now)
		return r.appendValues(args)
	})
}

// RecordEvent records a change in the member's place on the roster (transfer,
// death, expulsion, suspension, restoration) and returns the member as it
// stands afterwards. The event's own check (model.MembershipEvent.Apply) is
// returned as is when it refuses. Changes the event makes to fields of the
// record (党籍状态 on suspension) go into the member's history with the event
// as their source.
func (s *Store) RecordEvent(e model.MembershipEvent) (model.Member, error) {
	now := s.clock()
	var m model.Member
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		m, err = memberByID(tx, e.MemberID)
		if err != nil {
			return err
		}
		before := m
		if err := e.Apply(&m, model.DateOf(now)); err != nil {
			return err
		}
		if e.Kind.LeavesRoster() {
			// 转出 by letter is checked the same way in prepareLetter.
			records, err := laterRecords(tx, &before, e.Date)
			if err != nil {
				return err
			}
			if err := model.CheckLeavingAfterRecords(model.EventDateField, e.Kind, e.Date, before.Name, records); err != nil {
				return err
			}
		}
		m.UpdatedAt = now
		if err := updateMemberRow(tx, &m); err != nil {
			return err
		}
		row := eventRow{MemberID: m.ID, Kind: string(e.Kind), Date: e.Date, Note: e.Note, CreatedAt: stamp(now), UpdatedAt: stamp(now)}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return insertChanges(tx, model.DiffMembers(&before, &m), string(e.Kind), nil, now)
	})
	if err != nil {
		return model.Member{}, fail("登记"+string(e.Kind), err)
	}
	return m, nil
}

// LaterRecords are the member's records in this branch dated after date
// (their latest attendance, 转正, 转入 or 恢复党籍, dues payment), for a form
// to say on leaving its date field what saving would refuse.
func (s *Store) LaterRecords(memberID int64, date model.Date) ([]model.DatedRecord, error) {
	var out []model.DatedRecord
	err := s.db.Transaction(func(tx *gorm.DB) error {
		m, err := memberByID(tx, memberID)
		if err != nil {
			return err
		}
		out, err = laterRecords(tx, &m, date)
		return err
	})
	return out, fail("读取党员记录", err)
}

// MemberEvents returns the member's events, oldest first.
func (s *Store) MemberEvents(memberID int64) ([]model.MembershipEvent, error) {
	var rows []eventRow
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := memberExists(tx, memberID); err != nil {
			return err
		}
		return tx.Where("member_id = ?", memberID).Order("date, id").Find(&rows).Error
	})
	if err != nil {
		return nil, fail("读取党员的转入转出记录", err)
	}
	out := make([]model.MembershipEvent, len(rows))
	for i := range rows {
		out[i] = rows[i].event()
	}
	return out, nil
}

// EventsByMember returns every member's events, by member ID, oldest first:
// what tells who was on the roster on a past day (model.OnRosterThen).
func (s *Store) EventsByMember() (map[int64][]model.MembershipEvent, error) {
	var rows []eventRow
	if err := s.db.Order("member_id, date, id").Find(&rows).Error; err != nil {
		return nil, fail("读取党员的转入转出记录", err)
	}
	out := map[int64][]model.MembershipEvent{}
	for i := range rows {
		out[rows[i].MemberID] = append(out[rows[i].MemberID], rows[i].event())
	}
	return out, nil
}

// MemberChanges returns the edits to the member's record, newest first.
func (s *Store) MemberChanges(memberID int64) ([]model.FieldChange, error) {
	var rows []changeRow
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := memberExists(tx, memberID); err != nil {
			return err
		}
		// Ids grow with every change written, so they order the changes even
		// when the laptop's clock or zone was changed in between.
		return tx.Where("member_id = ?", memberID).Order("id DESC").Find(&rows).Error
	})
	if err != nil {
		return nil, fail("读取党员的修改记录", err)
	}
	out := make([]model.FieldChange, len(rows))
	for i := range rows {
		out[i] = rows[i].change()
	}
	return out, nil
}

func memberExists(tx *gorm.DB, id int64) error {
	var n int64
	if err := tx.Model(&memberRow{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return notFound(id)
	}
	return nil
}

// isDuplicateKey reports a UNIQUE violation, which with TranslateError GORM
// reports as gorm.ErrDuplicatedKey.
func isDuplicateKey(err error) bool { return errors.Is(err, gorm.ErrDuplicatedKey) }
