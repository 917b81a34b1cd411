package storage

import (
	"time"

	"branchledger/model"

	"gorm.io/gorm"
)

// branchID is the id of the branch's single row; a file holds one branch.
const branchID = 1

// Profile returns the branch's set-up. In a new file it is empty except for
// BranchUUID, which the file got when it was created.
func (s *Store) Profile() (model.Profile, error) {
	var b branchRow
	var seats []committeeRow
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&b, branchID).Error; err != nil {
			return err
		}
		return tx.Where("branch_id = ?", branchID).Order("seat").Find(&seats).Error
	})
	if err != nil {
		return model.Profile{}, fail("读取支部信息", err)
	}
	p := model.Profile{
		BranchUUID: b.UUID,
		OrgName:    b.OrgName, OrgType: model.OrgType(b.OrgType), OrgAddress: b.OrgAddress,
		EmployeeCount: b.EmployeeCount,
		BranchName:    b.BranchName, BranchType: model.BranchType(b.BranchType), FoundedOn: b.FoundedOn,
		Secretary: b.Secretary, TermStart: b.TermStart, TermEnd: b.TermEnd,
		InstructorName: b.InstructorName, InstructorPhone: b.InstructorPhone,
		ContactName: b.ContactName, ContactPhone: b.ContactPhone,
		UpdatedAt: time.Time(b.UpdatedAt),
	}
	for _, c := range seats {
		p.Committee = append(p.Committee, model.CommitteeMember{Name: c.Name, Role: c.Role})
	}
	return p, nil
}

// SaveProfile saves the branch's set-up. It returns model.ValidationErrors as
// they are when the form is incomplete. BranchUUID is kept from the file
// whatever p says: it identifies the branch for good.
func (s *Store) SaveProfile(p model.Profile) error {
	_, err := s.saveProfile(p, false)
	return err
}

// SourceBranchName is the source recorded with the members' 所在党支部 when
// saving the profile brings it into line with the branch's name.
const SourceBranchName = "支部名称"

// SaveProfileAligning saves the profile as SaveProfile does and, in the same
// transaction, sets the 所在党支部 of every member on the roster that does
// not already say so to the branch's name, each change kept in the member's
// history (source SourceBranchName). It returns how many members changed.
func (s *Store) SaveProfileAligning(p model.Profile) (int, error) {
	return s.saveProfile(p, true)
}

func (s *Store) saveProfile(p model.Profile, align bool) (int, error) {
	now := s.clock()
	tidyProfile(&p)
	if errs := p.Validate(model.DateOf(now), model.CurrentRules()); len(errs) > 0 {
		return 0, errs
	}
	aligned := 0
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if align {
			n, err := alignBranchName(tx, p.BranchName, now)
			if err != nil {
				return err
			}
			aligned = n
		}
		b := branchRow{
			ID:      branchID,
			OrgName: p.OrgName, OrgType: string(p.OrgType), OrgAddress: p.OrgAddress,
			EmployeeCount: p.EmployeeCount,
			BranchName:    p.BranchName, BranchType: string(p.BranchType), FoundedOn: p.FoundedOn,
			Secretary: p.Secretary, TermStart: p.TermStart, TermEnd: p.TermEnd,
			InstructorName: p.InstructorName, InstructorPhone: p.InstructorPhone,
			ContactName: p.ContactName, ContactPhone: p.ContactPhone,
			UpdatedAt: stamp(now),
		}
		res := tx.Model(&b).Select(
			"org_name", "org_type", "org_address", "employee_count", "branch_name", "branch_type",
			"founded_on", "secretary", "term_start", "term_end", "instructor_name", "instructor_phone",
			"contact_name", "contact_phone", "updated_at",
		).Updates(&b)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return ErrNotFound
		}
		return saveCommittee(tx, p.Committee, now)
	})
	if err != nil {
		return 0, fail("保存支部信息", err)
	}
	return aligned, nil
}

// alignBranchName sets every member on the roster to the branch name.
func alignBranchName(tx *gorm.DB, name string, now time.Time) (int, error) {
	ms, err := queryMembers(tx, 0, "WHERE on_roster = 1 AND branch_name <> ? ORDER BY id", name)
	if err != nil {
		return 0, err
	}
	var changes []model.FieldChange
	for i := range ms {
		m := &ms[i]
		changes = append(changes, model.FieldChange{MemberID: m.ID, Field: model.FieldBranchName, Old: m.BranchName, New: name})
		m.BranchName, m.UpdatedAt = name, now
		if err := updateMemberRow(tx, m); err != nil {
			return 0, err
		}
	}
	return len(ms), insertChanges(tx, changes, SourceBranchName, nil, now)
}

// saveCommittee writes the committee seat by seat, so a seat that did not
// change keeps the time it was first entered. Seats beyond the new committee
// are removed: the committee is the current one, not a history.
func saveCommittee(tx *gorm.DB, committee []model.CommitteeMember, now time.Time) error {
	var stored []committeeRow
	if err := tx.Where("branch_id = ?", branchID).Order("seat").Find(&stored).Error; err != nil {
		return err
	}
	bySeat := make(map[int]committeeRow, len(stored))
	for _, r := range stored {
		bySeat[r.Seat] = r
	}
	for i, c := range committee {
		seat := i + 1
		r, ok := bySeat[seat]
		switch {
		case !ok:
			r = committeeRow{BranchID: branchID, Seat: seat, Name: c.Name, Role: c.Role, CreatedAt: stamp(now), UpdatedAt: stamp(now)}
			if err := tx.Create(&r).Error; err != nil {
				return err
			}
		case r.Name != c.Name || r.Role != c.Role:
			r.Name, r.Role, r.UpdatedAt = c.Name, c.Role, stamp(now)
			if err := tx.Model(&r).Select("name", "role", "updated_at").Updates(&r).Error; err != nil {
				return err
			}
		}
	}
	return tx.Where("branch_id = ? AND seat > ?", branchID, len(committee)).Delete(&committeeRow{}).Error
}

// tidyProfile trims what was typed, as Member.Normalize does for members.
func tidyProfile(p *model.Profile) { p.Normalize() }
