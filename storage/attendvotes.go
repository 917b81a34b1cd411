package storage

import (
	"fmt"
	"strings"
	"time"

	"branchledger/model"
	"gorm.io/gorm"
)

// migrateAttendanceVotes (schema version 13) keeps on the roll of each
// 支部党员大会 every member's vote on the day (model.AttendanceRow.Vote):
// the record's own 应到/实到 decide its quorum, so a later edit of a
// member's Party dates or 到本支部日期 no longer turns a meeting that could
// not decide into one held (review s8-8 #6). The records already saved get
// the votes they show now. It reads only the members' columns of version 12
// that the vote depends on.
func migrateAttendanceVotes(tx *gorm.DB, _ time.Time) error {
	if err := tx.Exec("ALTER TABLE activity_attendance ADD COLUMN vote INTEGER NOT NULL DEFAULT 0 CHECK (vote BETWEEN 0 AND 3)").Error; err != nil {
		return fmt.Errorf("add attendance vote: %w", err)
	}
	type memberRow struct {
		ID        int64
		Category  string
		FullDate  *string
		ArrivedOn *string
		CreatedAt string
	}
	var ms []memberRow
	if err := tx.Raw("SELECT id, category, full_date, arrived_on, created_at FROM members").Scan(&ms).Error; err != nil {
		return fmt.Errorf("read members' votes: %w", err)
	}
	byID := make(map[int64]*model.Member, len(ms))
	for _, r := range ms {
		m := &model.Member{ID: r.ID, Category: model.Category(r.Category)}
		if r.FullDate != nil && strings.TrimSpace(*r.FullDate) != "" {
			d, err := model.ParseDate(*r.FullDate)
			if err != nil {
				return fmt.Errorf("member %d full_date: %w", r.ID, err)
			}
			m.FullDate = d
		}
		if r.ArrivedOn != nil && strings.TrimSpace(*r.ArrivedOn) != "" {
			d, err := model.ParseDate(*r.ArrivedOn)
			if err != nil {
				return fmt.Errorf("member %d arrived_on: %w", r.ID, err)
			}
			m.ArrivedOn = d
		}
		if t, err := time.Parse(stampLayout, r.CreatedAt); err == nil {
			m.CreatedAt = t
		}
		byID[r.ID] = m
	}
	type rollRow struct {
		ID       int64
		MemberID int64
		Date     string
	}
	var rows []rollRow
	if err := tx.Raw(`SELECT t.id, t.member_id, a.date FROM activity_attendance t JOIN activities a ON a.id = t.activity_id
		WHERE a.kind = ?`, string(model.KindGeneralMeeting)).Scan(&rows).Error; err != nil {
		return fmt.Errorf("read general meetings' rolls: %w", err)
	}
	for _, r := range rows {
		d, err := model.ParseDate(r.Date)
		if err != nil {
			return fmt.Errorf("activity date %q: %w", r.Date, err)
		}
		v := model.VoteOn(byID[r.MemberID], d)
		if err := tx.Exec("UPDATE activity_attendance SET vote = ? WHERE id = ?", int(v), r.ID).Error; err != nil {
			return fmt.Errorf("record attendance vote: %w", err)
		}
	}
	return nil
}
