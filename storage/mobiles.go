package storage

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"branchledger/model"
)

type mobileRow struct {
	ID            int64 `gorm:"primaryKey"`
	MemberID      int64
	LeftOn        model.Date
	Destination   string
	Reason        string
	CardNumber    string
	CardReviewed  model.Date
	Contact       string
	HostOrg       string
	PlannedReturn model.Date
	ReturnedOn    model.Date
	NoTransfer    string
	Note          string
	CreatedAt     stamp `gorm:"autoCreateTime:false"`
	UpdatedAt     stamp `gorm:"autoUpdateTime:false"`
}

func (mobileRow) TableName() string { return "mobile_members" }

func (r *mobileRow) entry() model.MobileMember {
	return model.MobileMember{
		ID: r.ID, MemberID: r.MemberID, LeftOn: r.LeftOn, Destination: r.Destination, Reason: r.Reason,
		CardNumber: r.CardNumber, CardReviewed: r.CardReviewed, Contact: r.Contact, HostOrg: r.HostOrg,
		PlannedReturn: r.PlannedReturn, ReturnedOn: r.ReturnedOn, NoTransfer: r.NoTransfer, Note: r.Note,
		CreatedAt: time.Time(r.CreatedAt), UpdatedAt: time.Time(r.UpdatedAt),
	}
}

func toMobileRow(mm *model.MobileMember) mobileRow {
	return mobileRow{
		ID: mm.ID, MemberID: mm.MemberID, LeftOn: mm.LeftOn, Destination: mm.Destination, Reason: mm.Reason,
		CardNumber: mm.CardNumber, CardReviewed: mm.CardReviewed, Contact: mm.Contact, HostOrg: mm.HostOrg,
		PlannedReturn: mm.PlannedReturn, ReturnedOn: mm.ReturnedOn, NoTransfer: mm.NoTransfer, Note: mm.Note,
		CreatedAt: stamp(mm.CreatedAt), UpdatedAt: stamp(mm.UpdatedAt),
	}
}

type mobileReportRow struct {
	ID        int64 `gorm:"primaryKey"`
	MobileID  int64
	Date      model.Date
	Way       string
	Content   string
	CreatedAt stamp `gorm:"autoCreateTime:false"`
}

func (mobileReportRow) TableName() string { return "mobile_reports" }

type inflowRow struct {
	ID         int64 `gorm:"primaryKey"`
	Name       string
	Sex        string
	IDNumber   string
	Phone      string
	HomeOrg    string
	Category   string
	CardNumber string
	ArrivedOn  model.Date
	LeftOn     model.Date
	Workplace  string
	Note       string
	CreatedAt  stamp `gorm:"autoCreateTime:false"`
	UpdatedAt  stamp `gorm:"autoUpdateTime:false"`
}

func (inflowRow) TableName() string { return "inflow_members" }

func (r *inflowRow) inflow() model.InflowMember {
	return model.InflowMember{
		ID: r.ID, Name: r.Name, Sex: model.Sex(r.Sex), IDNumber: r.IDNumber, Phone: r.Phone, HomeOrg: r.HomeOrg,
		Category: model.Category(r.Category), CardNumber: r.CardNumber, ArrivedOn: r.ArrivedOn, LeftOn: r.LeftOn,
		Workplace: r.Workplace, Note: r.Note, CreatedAt: time.Time(r.CreatedAt), UpdatedAt: time.Time(r.UpdatedAt),
	}
}

// MobileMembers is the 流动党员登记表: every stay away of every member,
// earliest first, with the member's name and reports.
func (s *Store) MobileMembers() ([]model.MobileMember, error) {
	var out []model.MobileMember
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		out, err = queryMobile(tx, "")
		return err
	})
	return out, fail("读取流动党员登记", err)
}

func queryMobile(tx *gorm.DB, where string, args ...any) ([]model.MobileMember, error) {
	var rows []mobileRow
	q := tx.Order("left_on, id")
	if where != "" {
		q = q.Where(where, args...)
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]model.MobileMember, len(rows))
	index := make(map[int64]int, len(rows))
	for i := range rows {
		out[i] = rows[i].entry()
		index[rows[i].ID] = i
	}
	// The name, and whether and how the member left the roster (for a 转出,
	// the letter that did it: the latest not withdrawn).
	type nameRow struct {
		ID       int64
		Name     string
		OnRoster bool
		LeftBy   string
		LeftOn   model.Date
		Year     int
		Number   int
	}
	var names []nameRow
	if err := tx.Raw(`SELECT m.id, m.name, m.on_roster, m.left_by, m.left_on,
		ifnull(l.year, 0) AS year, ifnull(l.number, 0) AS number
		FROM members m LEFT JOIN transfer_letters l ON l.id = (SELECT id FROM transfer_letters
			WHERE member_id = m.id AND withdrawn_on IS NULL ORDER BY date DESC, id DESC LIMIT 1)
		WHERE m.id IN (SELECT member_id FROM mobile_members)`).Scan(&names).Error; err != nil {
		return nil, err
	}
	byMember := make(map[int64]nameRow, len(names))
	for _, n := range names {
		byMember[n.ID] = n
	}
	var reports []mobileReportRow
	if err := tx.Order("date, id").Find(&reports).Error; err != nil {
		return nil, err
	}
	for _, r := range reports {
		if i, ok := index[r.MobileID]; ok {
			out[i].Reports = append(out[i].Reports, model.MobileReport{ID: r.ID, MobileID: r.MobileID, Date: r.Date, Way: r.Way, Content: r.Content})
		}
	}
	for i := range out {
		m := byMember[out[i].MemberID]
		out[i].Name = m.Name
		if !m.OnRoster && !m.LeftOn.IsZero() && !m.LeftOn.Before(out[i].LeftOn) {
			out[i].EndedOn, out[i].EndedBy = m.LeftOn, model.EventKind(m.LeftBy)
			if out[i].EndedBy == model.EventTransferOut && m.Number > 0 {
				l := model.TransferLetter{Year: m.Year, Number: m.Number}
				out[i].EndLetter = l.Numbered().String()
			}
		}
	}
	return out, nil
}

// SaveMobile enters (ID 0) or saves an entry of the mobile-member register
// in one transaction, checked against the member and their other stays
// (model.MobileMember.Validate). The member's record follows the entry: an
// open stay marks them 流动党员 with its 外出流向, a return clears it, each
// change kept in their history. Reports are saved with AddMobileReport.
func (s *Store) SaveMobile(mm model.MobileMember) (model.MobileMember, error) {
	now := s.clock()
	today := model.DateOf(now)
	err := s.db.Transaction(func(tx *gorm.DB) error {
		m, err := memberByID(tx, mm.MemberID)
		if errors.Is(err, ErrNotFound) {
			return model.ValidationErrors{{Field: model.MobileMemberField, Message: "请选择外出的党员"}}
		}
		if err != nil {
			return err
		}
		others, err := queryMobile(tx, "member_id = ?", mm.MemberID)
		if err != nil {
			return err
		}
		var old *model.MobileMember
		for i := range others {
			if others[i].ID == mm.ID {
				old = &others[i]
			}
		}
		if mm.ID != 0 && old == nil {
			return fmt.Errorf("%w：没有编号为 %d 的流动党员登记", ErrNotFound, mm.ID)
		}
		if old != nil && old.MemberID != mm.MemberID {
			return model.ValidationErrors{{Field: model.MobileMemberField, Message: "登记的党员不能更换，请另行登记"}}
		}
		if errs := mm.Validate(&m, others, today); len(errs) > 0 {
			return errs
		}
		mm.UpdatedAt = now
		if mm.ID == 0 {
			mm.CreatedAt = now
		} else {
			mm.CreatedAt = old.CreatedAt
		}
		row := toMobileRow(&mm)
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		mm.ID, mm.Name = row.ID, m.Name
		if old != nil {
			mm.Reports = old.Reports
		}
		return syncMobileFlag(tx, &m, mm, today, now)
	})
	if err != nil {
		return model.MobileMember{}, fail("保存流动党员登记", err)
	}
	return mm, nil
}

// syncMobileFlag keeps the member's 是否流动党员 and 外出流向 (the
// collection form's fields) in step with their latest stay.
func syncMobileFlag(tx *gorm.DB, m *model.Member, latest model.MobileMember, today model.Date, now time.Time) error {
	entries, err := queryMobile(tx, "member_id = ?", m.ID)
	if err != nil {
		return err
	}
	away, dest := false, ""
	for _, e := range entries {
		if e.Away(today) {
			away, dest = true, e.Destination
		}
	}
	if !m.OnRoster || m.Mobile == away && m.MobileDestination == dest {
		return nil
	}
	before := *m
	m.Mobile, m.MobileDestination, m.UpdatedAt = away, dest, now
	if err := updateMemberRow(tx, m); err != nil {
		return err
	}
	return insertChanges(tx, model.DiffMembers(&before, m), SourceMobile, nil, now)
}

// AddMobileReport records a mobile member's report to the branch.
func (s *Store) AddMobileReport(r model.MobileReport) (model.MobileReport, error) {
	now := s.clock()
	err := s.db.Transaction(func(tx *gorm.DB) error {
		entries, err := queryMobile(tx, "id = ?", r.MobileID)
		if err != nil {
			return err
		}
		if len(entries) == 0 {
			return fmt.Errorf("%w：没有编号为 %d 的流动党员登记", ErrNotFound, r.MobileID)
		}
		if errs := r.Validate(&entries[0], model.DateOf(now)); len(errs) > 0 {
			return errs
		}
		row := mobileReportRow{MobileID: r.MobileID, Date: r.Date, Way: r.Way, Content: r.Content, CreatedAt: stamp(now)}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		r.ID = row.ID
		return nil
	})
	if err != nil {
		return model.MobileReport{}, fail("登记流动党员报告", err)
	}
	return r, nil
}

// InflowMembers is the 流入党员登记表, by arrival.
func (s *Store) InflowMembers() ([]model.InflowMember, error) {
	var rows []inflowRow
	if err := s.db.Order("arrived_on, id").Find(&rows).Error; err != nil {
		return nil, fail("读取流入党员登记", err)
	}
	out := make([]model.InflowMember, len(rows))
	for i := range rows {
		out[i] = rows[i].inflow()
	}
	return out, nil
}

// SaveInflow enters (ID 0) or saves an inflow member, checked by
// model.InflowMember.Validate; a member from elsewhere whose ID number is
// on this roster is refused (they are not from elsewhere).
func (s *Store) SaveInflow(im model.InflowMember) (model.InflowMember, error) {
	now := s.clock()
	if errs := im.Validate(model.DateOf(now)); len(errs) > 0 {
		return model.InflowMember{}, errs
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if im.IDNumber != "" {
			ms, err := queryMembers(tx, 1, "WHERE id_number = ? AND on_roster = 1", im.IDNumber)
			if err != nil {
				return err
			}
			if len(ms) > 0 {
				return model.ValidationErrors{{Field: model.InflowIDNumberField, Message: "此公民身份号码属于本支部在册党员 " + ms[0].Name + "，不是流入党员"}}
			}
		}
		row := inflowRow{ID: im.ID, Name: im.Name, Sex: string(im.Sex), IDNumber: im.IDNumber, Phone: im.Phone,
			HomeOrg: im.HomeOrg, Category: string(im.Category), CardNumber: im.CardNumber, ArrivedOn: im.ArrivedOn,
			LeftOn: im.LeftOn, Workplace: im.Workplace, Note: im.Note, CreatedAt: stamp(now), UpdatedAt: stamp(now)}
		if im.ID != 0 {
			var old inflowRow
			if err := tx.Take(&old, im.ID).Error; err != nil {
				if errors.Is(err, gorm.ErrRecordNotFound) {
					return fmt.Errorf("%w：没有编号为 %d 的流入党员", ErrNotFound, im.ID)
				}
				return err
			}
			row.CreatedAt = old.CreatedAt
		}
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		im.ID, im.CreatedAt, im.UpdatedAt = row.ID, time.Time(row.CreatedAt), now
		return nil
	})
	if err != nil {
		return model.InflowMember{}, fail("保存流入党员", err)
	}
	return im, nil
}

// TransferRecords reads everything the transfer checks look at.
func (s *Store) TransferRecords() (model.TransferRecords, error) {
	var d model.TransferRecords
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		if d.Letters, err = queryLetters(tx, 0); err != nil {
			return err
		}
		var ins []transferInRow
		if err := tx.Order("date, id").Find(&ins).Error; err != nil {
			return err
		}
		for i := range ins {
			in, err := ins[i].transferIn()
			if err != nil {
				return err
			}
			d.Ins = append(d.Ins, in)
		}
		if d.Mobile, err = queryMobile(tx, ""); err != nil {
			return err
		}
		var inflow []inflowRow
		if err := tx.Order("arrived_on, id").Find(&inflow).Error; err != nil {
			return err
		}
		for i := range inflow {
			d.Inflow = append(d.Inflow, inflow[i].inflow())
		}
		return nil
	})
	return d, fail("读取组织关系记录", err)
}

// InflowAttendance is how many activities each inflow member attended as a
// non-voting attendee, by inflow member.
func (s *Store) InflowAttendance() (map[int64]int, error) {
	type row struct {
		InflowID int64
		N        int
	}
	var rows []row
	if err := s.db.Raw("SELECT inflow_id, count(*) AS n FROM activity_guests GROUP BY inflow_id").Scan(&rows).Error; err != nil {
		return nil, fail("读取流入党员参加活动情况", err)
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.InflowID] = r.N
	}
	return out, nil
}

// PresentWhileAway is the member's latest presence (出席) at an activity
// dated after from and, when until is set, before it: a stay away over
// those days contradicts it. ok is false when there is none.
func (s *Store) PresentWhileAway(memberID int64, from, until model.Date) (p model.Presence, ok bool, err error) {
	var row struct {
		Date string
		Kind string
		Seq  int
	}
	upper := "9999-12-31"
	if !until.IsZero() {
		upper = until.String()
	}
	err = s.db.Raw(`SELECT a.date AS date, a.kind AS kind, a.seq AS seq FROM activity_attendance t JOIN activities a ON a.id = t.activity_id
		WHERE t.member_id = ? AND t.status = ? AND a.date > ? AND a.date < ? ORDER BY a.date DESC LIMIT 1`,
		memberID, string(model.Present), from.String(), upper).Scan(&row).Error
	if err != nil || row.Date == "" {
		return p, false, fail("读取考勤", err)
	}
	d, err := model.ParseDate(row.Date)
	if err != nil {
		return p, false, fail("读取考勤", err)
	}
	return model.Presence{Kind: model.ActivityKind(row.Kind), Seq: row.Seq, Date: d}, true, nil
}
