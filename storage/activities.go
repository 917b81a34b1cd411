package storage

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"branchledger/model"

	"gorm.io/gorm"
)

// activityColumns are the columns scanActivity reads, in its order.
const activityColumns = `id, kind, seq, date, start_time, end_time, place, topic, chair, recorder,
	observers, content, created_at, updated_at`

type rowScanner interface{ Scan(dest ...any) error }

func scanActivity(r rowScanner, a *model.Activity) error {
	var created, updated stamp
	err := r.Scan(&a.ID, (*string)(&a.Kind), &a.Seq, &a.Date, &a.Start, &a.End, &a.Place, &a.Topic,
		&a.Chair, &a.Recorder, &a.Observers, &a.Content, &created, &updated)
	a.CreatedAt, a.UpdatedAt = time.Time(created), time.Time(updated)
	return err
}

// Activities returns the records of a year in date order, with attendance,
// resolutions and attachment metadata but without the attachments' bytes.
func (s *Store) Activities(year int) ([]model.Activity, error) {
	var out []model.Activity
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		out, err = queryActivities(tx, "WHERE year = ? ORDER BY date, id", year)
		return err
	})
	return out, fail("读取活动记录", err)
}

// Activity returns one record, as Activities does; ErrNotFound if there is none.
func (s *Store) Activity(id int64) (model.Activity, error) {
	var out []model.Activity
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		out, err = queryActivities(tx, "WHERE id = ?", id)
		if err == nil && len(out) == 0 {
			err = fmt.Errorf("%w：没有编号为 %d 的活动记录", ErrNotFound, id)
		}
		return err
	})
	if err != nil {
		return model.Activity{}, fail("读取活动记录", err)
	}
	return out[0], nil
}

// queryActivities reads the activities selected by where and their child
// rows, one query per child table rather than one per activity.
func queryActivities(tx *gorm.DB, where string, args ...any) ([]model.Activity, error) {
	rows, err := tx.Raw("SELECT "+activityColumns+" FROM activities "+where, args...).Rows()
	if err != nil {
		return nil, err
	}
	var out []model.Activity
	index := map[int64]int{}
	for rows.Next() {
		var a model.Activity
		if err := scanActivity(rows, &a); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read activity: %w", err)
		}
		index[a.ID] = len(out)
		out = append(out, a)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]string, 0, len(out))
	for _, a := range out {
		ids = append(ids, strconv.FormatInt(a.ID, 10))
	}
	// The ids are our own integers; a list of them is safe to splice in.
	in := "(" + strings.Join(ids, ",") + ")"

	rows, err = tx.Raw("SELECT activity_id, member_id, name, status, reason, vote FROM activity_attendance WHERE activity_id IN " + in + " ORDER BY activity_id, position").Rows()
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var r model.AttendanceRow
		if err := rows.Scan(&id, &r.MemberID, &r.Name, (*string)(&r.Status), &r.Reason, (*int8)(&r.Vote)); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read attendance: %w", err)
		}
		a := &out[index[id]]
		a.Attendance = append(a.Attendance, r)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}

	rows, err = tx.Raw("SELECT activity_id, text, voted, election, yes, no, abstain FROM activity_resolutions WHERE activity_id IN " + in + " ORDER BY activity_id, position").Rows()
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var r model.Resolution
		if err := rows.Scan(&id, &r.Text, &r.Voted, &r.Election, &r.Yes, &r.No, &r.Abstain); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read resolution: %w", err)
		}
		a := &out[index[id]]
		a.Resolutions = append(a.Resolutions, r)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}

	// Guests in the order they were chosen: rowid follows the insertion.
	rows, err = tx.Raw("SELECT activity_id, inflow_id, name FROM activity_guests WHERE activity_id IN " + in + " ORDER BY activity_id, rowid").Rows()
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var g model.ActivityGuest
		if err := rows.Scan(&id, &g.InflowID, &g.Name); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read guest: %w", err)
		}
		a := &out[index[id]]
		a.Guests = append(a.Guests, g)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}

	rows, err = tx.Raw("SELECT activity_id, id, name, type, size, created_at FROM activity_attachments WHERE activity_id IN " + in + " ORDER BY activity_id, id").Rows()
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var at model.Attachment
		var created stamp
		if err := rows.Scan(&id, &at.ID, &at.Name, (*string)(&at.Type), &at.Size, &created); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read attachment: %w", err)
		}
		at.AddedAt = time.Time(created)
		a := &out[index[id]]
		a.Attachments = append(a.Attachments, at)
	}
	return out, rows.Close()
}

// SaveActivity enters a new record (ID 0) or saves an edited one, in one
// transaction: the record, its attendance, guests and resolutions, the attachments
// not yet stored (those with Data and no ID), and, for an edit, one history
// row per changed field. Records of a kind are numbered in each year by
// their dates (第1次 is the year's first held): a record entered late for
// an earlier date takes its place, and the later ones move up one, each
// with a 序号 row in its history, since a printed form may cite the old
// number (review s5-8 attack #11: the March meeting entered after the
// November one was 第2次 before 第1次).
// The record is checked against the roster as it stood on its date, and
// its guests (列席的流入党员) against the inflow register; the problems come
// back as model.ValidationErrors. Guests never enter the attendance rows,
// so they change neither 应到/实到 nor the quorum.
func (s *Store) SaveActivity(a model.Activity) (model.Activity, error) {
	now := s.clock()
	tidyActivity(&a)
	for i := range a.Attachments {
		at := &a.Attachments[i]
		if at.ID != 0 {
			continue
		}
		t, err := model.SniffAttachment(at.Name, at.Data)
		if err != nil {
			return model.Activity{}, model.ValidationErrors{{Field: model.ActivityAttachmentField, Message: err.Error()}}
		}
		at.Type, at.Size, at.AddedAt = t, int64(len(at.Data)), now
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		members, err := queryMembers(tx, 64, "")
		if err != nil {
			return err
		}
		byID := make(map[int64]*model.Member, len(members))
		for i := range members {
			byID[members[i].ID] = &members[i]
		}
		for i := range a.Attendance {
			if m := byID[a.Attendance[i].MemberID]; m != nil {
				a.Attendance[i].Name = m.Name
			}
		}
		inflow, err := inflowByID(tx)
		if err != nil {
			return err
		}
		var founded model.Date
		if err := tx.Model(&branchRow{}).Select("founded_on").Where("id = ?", branchID).Scan(&founded).Error; err != nil {
			return err
		}
		if a.ID != 0 {
			// A record moved to another day or kind has its votes
			// worked out again for that day; otherwise the roll keeps
			// the votes it was saved with (review s8-8 #6).
			var was []struct {
				Kind string
				Date string
			}
			if err := tx.Raw("SELECT kind, date FROM activities WHERE id = ?", a.ID).Scan(&was).Error; err != nil {
				return err
			}
			if len(was) == 1 && (was[0].Kind != string(a.Kind) || was[0].Date != a.Date.String()) {
				a.ForgetVotes()
			}
		}
		rc := model.RuleContext{Members: byID, FoundedOn: founded}
		errs := rc.Validate(&a, model.DateOf(now))
		if errs = append(errs, a.CheckGuests(inflow)...); len(errs) > 0 {
			return errs
		}
		a.RecordVotes(byID)
		var old []model.Activity
		inserted := a.ID == 0
		if inserted {
			err = insertActivity(tx, &a, now)
		} else {
			if old, err = queryActivities(tx, "WHERE id = ?", a.ID); err == nil {
				err = updateActivity(tx, &a, now)
			}
		}
		if err != nil {
			return err
		}
		if len(old) == 1 && (old[0].Date.Year != a.Date.Year || old[0].Kind != a.Kind) {
			if err := renumberActivities(tx, old[0].Date.Year, old[0].Kind, 0, now); err != nil {
				return err
			}
		}
		var skip int64 // a new record has no history
		if inserted {
			skip = a.ID
		}
		if err := renumberActivities(tx, a.Date.Year, a.Kind, skip, now); err != nil {
			return err
		}
		return tx.Raw("SELECT seq FROM activities WHERE id = ?", a.ID).Scan(&a.Seq).Error
	})
	if err != nil {
		return model.Activity{}, fail("保存活动记录", err)
	}
	for i := range a.Attachments {
		a.Attachments[i].Data = nil
	}
	return a, nil
}

func tidyActivity(a *model.Activity) {
	for _, p := range []*string{&a.Start, &a.End, &a.Place, &a.Topic, &a.Chair, &a.Recorder, &a.Observers, &a.Content} {
		*p = strings.TrimSpace(*p)
	}
	for i := range a.Attendance {
		a.Attendance[i].Reason = strings.TrimSpace(a.Attendance[i].Reason)
		if a.Attendance[i].Status == model.Present {
			a.Attendance[i].Reason = ""
		}
	}
	for i := range a.Resolutions {
		a.Resolutions[i].Text = strings.TrimSpace(a.Resolutions[i].Text)
		if !a.Resolutions[i].Voted {
			a.Resolutions[i].Yes, a.Resolutions[i].No, a.Resolutions[i].Abstain = 0, 0, 0
		}
	}
}

func nextSeq(tx *gorm.DB, year int, kind model.ActivityKind) (int, error) {
	var n int
	err := tx.Raw("SELECT ifnull(max(seq), 0) + 1 FROM activities WHERE year = ? AND kind = ?", year, string(kind)).Scan(&n).Error
	return n, err
}

// renumberActivities numbers the records of kind in year by date (and
// start time, then the order of entry), noting each changed number in the
// record's history, except for skip's (a record just entered).
func renumberActivities(tx *gorm.DB, year int, kind model.ActivityKind, skip int64, now time.Time) error {
	var rows []struct {
		ID  int64
		Seq int
	}
	if err := tx.Raw("SELECT id, seq FROM activities WHERE year = ? AND kind = ? ORDER BY date, start_time, id",
		year, string(kind)).Scan(&rows).Error; err != nil {
		return err
	}
	var changes []model.ActivityChange
	for i, r := range rows {
		if r.Seq != i+1 && r.ID != skip {
			changes = append(changes, model.ActivityChange{ActivityID: r.ID, Field: "序号", Old: strconv.Itoa(r.Seq), New: strconv.Itoa(i + 1)})
		}
	}
	moved := false
	for i, r := range rows {
		moved = moved || r.Seq != i+1
	}
	if !moved {
		return nil
	}
	// Through numbers no record holds, as (year, kind, seq) is unique.
	if err := tx.Exec("UPDATE activities SET seq = seq + 1000000 WHERE year = ? AND kind = ?", year, string(kind)).Error; err != nil {
		return err
	}
	for i, r := range rows {
		if err := tx.Exec("UPDATE activities SET seq = ? WHERE id = ?", i+1, r.ID).Error; err != nil {
			return err
		}
	}
	return insertActivityChanges(tx, changes, now)
}

func insertActivity(tx *gorm.DB, a *model.Activity, now time.Time) error {
	seq, err := nextSeq(tx, a.Date.Year, a.Kind)
	if err != nil {
		return err
	}
	a.Seq, a.CreatedAt, a.UpdatedAt = seq, now, now
	res := tx.Exec(`INSERT INTO activities (kind, year, seq, date, start_time, end_time, place, topic, chair,
		recorder, observers, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		string(a.Kind), a.Date.Year, a.Seq, a.Date, a.Start, a.End, a.Place, a.Topic, a.Chair,
		a.Recorder, a.Observers, a.Content, stamp(now), stamp(now))
	if res.Error != nil {
		return res.Error
	}
	if err := tx.Raw("SELECT last_insert_rowid()").Scan(&a.ID).Error; err != nil {
		return err
	}
	if err := writeChildren(tx, a); err != nil {
		return err
	}
	return insertAttachments(tx, a, now, false)
}

func updateActivity(tx *gorm.DB, a *model.Activity, now time.Time) error {
	old, err := queryActivities(tx, "WHERE id = ?", a.ID)
	if err != nil {
		return err
	}
	if len(old) == 0 {
		return fmt.Errorf("%w：没有编号为 %d 的活动记录", ErrNotFound, a.ID)
	}
	o := &old[0]
	a.CreatedAt, a.Seq = o.CreatedAt, o.Seq
	if a.Date.Year != o.Date.Year || a.Kind != o.Kind {
		if a.Seq, err = nextSeq(tx, a.Date.Year, a.Kind); err != nil {
			return err
		}
	}
	changes := model.DiffActivities(o, a)
	if a.Seq != o.Seq {
		changes = append(changes, model.ActivityChange{ActivityID: a.ID, Field: "序号", Old: strconv.Itoa(o.Seq), New: strconv.Itoa(a.Seq)})
	}
	hasNewFiles := false
	for _, at := range a.Attachments {
		hasNewFiles = hasNewFiles || at.ID == 0
	}
	if len(changes) == 0 && !hasNewFiles {
		*a = *o
		return nil
	}
	a.UpdatedAt = now
	if len(changes) > 0 {
		res := tx.Exec(`UPDATE activities SET kind = ?, year = ?, seq = ?, date = ?, start_time = ?, end_time = ?,
			place = ?, topic = ?, chair = ?, recorder = ?, observers = ?, content = ?, updated_at = ? WHERE id = ?`,
			string(a.Kind), a.Date.Year, a.Seq, a.Date, a.Start, a.End, a.Place, a.Topic, a.Chair, a.Recorder,
			a.Observers, a.Content, stamp(now), a.ID)
		if res.Error != nil {
			return res.Error
		}
		for _, table := range []string{"activity_attendance", "activity_resolutions", "activity_guests"} {
			if err := tx.Exec("DELETE FROM "+table+" WHERE activity_id = ?", a.ID).Error; err != nil {
				return err
			}
		}
		if err := writeChildren(tx, a); err != nil {
			return err
		}
		if err := insertActivityChanges(tx, changes, now); err != nil {
			return err
		}
	} else if err := tx.Exec("UPDATE activities SET updated_at = ? WHERE id = ?", stamp(now), a.ID).Error; err != nil {
		return err
	}
	// Attachments already stored stay as they are: a record keeps them all.
	kept := append([]model.Attachment(nil), o.Attachments...)
	for _, at := range a.Attachments {
		if at.ID == 0 {
			kept = append(kept, at)
		}
	}
	a.Attachments = kept
	return insertAttachments(tx, a, now, true)
}

func writeChildren(tx *gorm.DB, a *model.Activity) error {
	att := a.Attendance
	if err := insertRows(tx, "activity_attendance", []string{"activity_id", "position", "member_id", "name", "status", "reason", "vote"},
		len(att), 100, func(args []any, i int) []any {
			return append(args, a.ID, i+1, att[i].MemberID, att[i].Name, string(att[i].Status), att[i].Reason, int(att[i].Vote))
		}); err != nil {
		return err
	}
	gs := a.Guests
	if err := insertRows(tx, "activity_guests", []string{"activity_id", "inflow_id", "name"},
		len(gs), 100, func(args []any, i int) []any {
			return append(args, a.ID, gs[i].InflowID, gs[i].Name)
		}); err != nil {
		return err
	}
	rs := a.Resolutions
	return insertRows(tx, "activity_resolutions", []string{"activity_id", "position", "text", "voted", "election", "yes", "no", "abstain"},
		len(rs), 100, func(args []any, i int) []any {
			return append(args, a.ID, i+1, rs[i].Text, rs[i].Voted, rs[i].Election, rs[i].Yes, rs[i].No, rs[i].Abstain)
		})
}

// inflowByID reads the inflow register by ID, for checking guests.
func inflowByID(tx *gorm.DB) (map[int64]*model.InflowMember, error) {
	var rows []inflowRow
	if err := tx.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[int64]*model.InflowMember, len(rows))
	for i := range rows {
		im := rows[i].inflow()
		out[im.ID] = &im
	}
	return out, nil
}

// insertAttachments stores the attachments without an ID; logged, an edit
// records each added file in the history.
func insertAttachments(tx *gorm.DB, a *model.Activity, now time.Time, logged bool) error {
	for i := range a.Attachments {
		at := &a.Attachments[i]
		if at.ID != 0 {
			continue
		}
		if err := tx.Exec("INSERT INTO activity_attachments (activity_id, name, type, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?)",
			a.ID, at.Name, string(at.Type), at.Size, at.Data, stamp(now)).Error; err != nil {
			return err
		}
		if err := tx.Raw("SELECT last_insert_rowid()").Scan(&at.ID).Error; err != nil {
			return err
		}
		at.AddedAt = now
		if logged {
			c := model.ActivityChange{ActivityID: a.ID, Field: model.ActivityAttachmentField, New: "添加 " + at.Name}
			if err := insertActivityChanges(tx, []model.ActivityChange{c}, now); err != nil {
				return err
			}
		}
	}
	return nil
}

func insertActivityChanges(tx *gorm.DB, cs []model.ActivityChange, now time.Time) error {
	return insertRows(tx, "activity_changes", []string{"activity_id", "field", "old_value", "new_value", "at"},
		len(cs), 100, func(args []any, i int) []any {
			return append(args, cs[i].ActivityID, string(cs[i].Field), cs[i].Old, cs[i].New, stamp(now))
		})
}

// AddAttachment adds one file to a stored record and notes it in the record's
// history. The file's type is told by its bytes; a file over the size limit,
// or whose content does not match its name, is refused with the reason.
func (s *Store) AddAttachment(activityID int64, name string, data []byte) (model.Attachment, error) {
	a, err := s.Activity(activityID)
	if err != nil {
		return model.Attachment{}, err
	}
	a.Attachments = append(a.Attachments, model.Attachment{Name: name, Data: data})
	saved, err := s.SaveActivity(a)
	if err != nil {
		return model.Attachment{}, err
	}
	return saved.Attachments[len(saved.Attachments)-1], nil
}

// AttachmentData returns the bytes of one attachment.
func (s *Store) AttachmentData(id int64) ([]byte, error) {
	var data []byte
	err := s.db.Transaction(func(tx *gorm.DB) error {
		rows, err := tx.Raw("SELECT data FROM activity_attachments WHERE id = ?", id).Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		if !rows.Next() {
			return fmt.Errorf("%w：没有编号为 %d 的附件", ErrNotFound, id)
		}
		return rows.Scan(&data)
	})
	return data, fail("读取附件", err)
}

// ActivityChanges returns the edits to a record, newest first.
func (s *Store) ActivityChanges(activityID int64) ([]model.ActivityChange, error) {
	var out []model.ActivityChange
	err := s.db.Transaction(func(tx *gorm.DB) error {
		rows, err := tx.Raw("SELECT field, old_value, new_value, at FROM activity_changes WHERE activity_id = ? ORDER BY id DESC", activityID).Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c := model.ActivityChange{ActivityID: activityID}
			var at stamp
			if err := rows.Scan((*string)(&c.Field), &c.Old, &c.New, &at); err != nil {
				return err
			}
			c.At = time.Time(at)
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, fail("读取活动记录的修改记录", err)
}

// HeldActivities returns the activities held from from to to (inclusive),
// with who was present and who was not, and whether each held an election,
// for the compliance calendar, the quorum (model.MarkQuorum) and the
// participation check. It reads one text per activity and status (the
// members' ids joined by commas) instead of one row per member: the
// calendar reads ten years at a time (BenchmarkHeldActivities).
func (s *Store) HeldActivities(from, to model.Date) ([]model.HeldActivity, error) {
	var out []model.HeldActivity
	err := s.db.Transaction(func(tx *gorm.DB) error {
		// One pass over each activity's attendance: the present as their
		// ids, and, for a general meeting (whose quorum counts them), the
		// others as negative ids; the rest are left out (NULL).
		rows, err := tx.Raw(`SELECT a.kind, a.date,
			ifnull((SELECT group_concat(CASE WHEN t.status = ? THEN t.member_id WHEN a.kind = ? THEN -t.member_id END)
				FROM activity_attendance t WHERE t.activity_id = a.id), ''),
			CASE WHEN a.kind = ? THEN ifnull((SELECT group_concat(t.member_id || ':' || t.vote)
				FROM activity_attendance t WHERE t.activity_id = a.id AND t.vote <> 0), '') ELSE '' END,
			CASE WHEN a.kind = ? THEN EXISTS (SELECT 1 FROM activity_resolutions r WHERE r.activity_id = a.id AND r.election = 1) ELSE 0 END
			FROM activities a WHERE a.date >= ? AND a.date <= ? ORDER BY a.date, a.id`,
			string(model.Present), string(model.KindGeneralMeeting), string(model.KindGeneralMeeting), string(model.KindGeneralMeeting), from.String(), to.String()).Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h model.HeldActivity
			var kind, ids, votes string
			if err := rows.Scan(&kind, &h.Date, &ids, &votes, &h.Election); err != nil {
				return err
			}
			h.Kind = model.ActivityKind(kind)
			if err := splitAttendance(ids, &h); err != nil {
				return err
			}
			if err := splitVotes(votes, &h); err != nil {
				return err
			}
			out = append(out, h)
		}
		return rows.Err()
	})
	return out, fail("读取活动记录", err)
}

// splitAttendance reads ids joined by commas into the present (positive)
// and those due but not present (negative); "" is none.
func splitAttendance(s string, h *model.HeldActivity) error {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	h.Present = make([]int64, 0, len(parts))
	for _, p := range parts {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return fmt.Errorf("read attendance ids %q: %w", s, err)
		}
		if id < 0 {
			h.NotPresent = append(h.NotPresent, -id)
		} else {
			h.Present = append(h.Present, id)
		}
	}
	return nil
}

// splitVotes reads "id:vote" pairs joined by commas into h.Votes; "" is
// none.
func splitVotes(s string, h *model.HeldActivity) error {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	h.Votes = make(map[int64]model.Vote, len(parts))
	for _, p := range parts {
		id, v, ok := strings.Cut(p, ":")
		n, err := strconv.ParseInt(id, 10, 64)
		vote, verr := strconv.Atoi(v)
		if !ok || err != nil || verr != nil {
			return fmt.Errorf("read attendance votes %q", s)
		}
		h.Votes[n] = model.Vote(vote)
	}
	return nil
}

// MemberAttendance lists every activity a member was due at, newest first,
// with how they stood.
func (s *Store) MemberAttendance(memberID int64) ([]model.MemberAttendance, error) {
	var out []model.MemberAttendance
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := memberExists(tx, memberID); err != nil {
			return err
		}
		rows, err := tx.Raw(`SELECT a.id, a.kind, a.seq, a.date, t.status, t.reason FROM activity_attendance t
			JOIN activities a ON a.id = t.activity_id WHERE t.member_id = ? ORDER BY a.date DESC, a.id DESC`, memberID).Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r model.MemberAttendance
			if err := rows.Scan(&r.ActivityID, (*string)(&r.Kind), &r.Seq, &r.Date, (*string)(&r.Status), &r.Reason); err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, fail("读取党员的出席记录", err)
}

// Plans returns the plans of a year by month.
func (s *Store) Plans(year int) ([]model.Plan, error) {
	var out []model.Plan
	err := s.db.Transaction(func(tx *gorm.DB) error {
		rows, err := tx.Raw("SELECT id, year, month, kind, topic, note FROM activity_plans WHERE year = ? ORDER BY month, id", year).Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p model.Plan
			if err := rows.Scan(&p.ID, &p.Year, &p.Month, (*string)(&p.Kind), &p.Topic, &p.Note); err != nil {
				return err
			}
			out = append(out, p)
		}
		return rows.Err()
	})
	return out, fail("读取年度计划", err)
}

// SavePlan adds (ID 0) or changes a plan.
func (s *Store) SavePlan(p model.Plan) (model.Plan, error) {
	p.Topic, p.Note = strings.TrimSpace(p.Topic), strings.TrimSpace(p.Note)
	if errs := p.Validate(); len(errs) > 0 {
		return model.Plan{}, errs
	}
	now := stamp(s.clock())
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if p.ID == 0 {
			if err := tx.Exec("INSERT INTO activity_plans (year, month, kind, topic, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
				p.Year, int(p.Month), string(p.Kind), p.Topic, p.Note, now, now).Error; err != nil {
				return err
			}
			return tx.Raw("SELECT last_insert_rowid()").Scan(&p.ID).Error
		}
		res := tx.Exec("UPDATE activity_plans SET year = ?, month = ?, kind = ?, topic = ?, note = ?, updated_at = ? WHERE id = ?",
			p.Year, int(p.Month), string(p.Kind), p.Topic, p.Note, now, p.ID)
		if res.Error == nil && res.RowsAffected == 0 {
			return fmt.Errorf("%w：没有编号为 %d 的计划", ErrNotFound, p.ID)
		}
		return res.Error
	})
	if err != nil {
		return model.Plan{}, fail("保存年度计划", err)
	}
	return p, nil
}

// DeletePlan removes a plan. Unlike activity records, plans are intentions
// and a changed intention leaves nothing to keep.
func (s *Store) DeletePlan(id int64) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Exec("DELETE FROM activity_plans WHERE id = ?", id)
		if res.Error == nil && res.RowsAffected == 0 {
			return fmt.Errorf("%w：没有编号为 %d 的计划", ErrNotFound, id)
		}
		return res.Error
	})
	return fail("删除年度计划", err)
}

// MeetingSetup returns the branch's meeting set-up as stored: whether it has
// party groups and its local 党课 frequency. Whether it has a committee
// follows from the profile and is for the caller to fill in.
func (s *Store) MeetingSetup() (model.BranchMeetingSetup, error) {
	var b model.BranchMeetingSetup
	err := s.db.Transaction(func(tx *gorm.DB) error {
		return tx.Raw("SELECT has_groups, lecture_period, lectures_per_term FROM meeting_setup WHERE id = 1").
			Row().Scan(&b.HasGroups, &b.LecturePeriod, &b.LecturesPerTerm)
	})
	return b, fail("读取组织生活设置", err)
}

// FileCreated is the local date the data file was made: the day its ledger
// was opened, where the activity records begin (model.RecordsBegin).
func (s *Store) FileCreated() (model.Date, error) {
	var created stamp
	err := s.db.Transaction(func(tx *gorm.DB) error {
		return tx.Raw("SELECT created_at FROM branch WHERE id = ?", branchID).Row().Scan(&created)
	})
	if err != nil {
		return model.Date{}, fail("读取数据文件信息", err)
	}
	return model.DateOf(time.Time(created).Local()), nil
}

// SetFileCreated dates the file's making back (or forward) to d, the day
// its ledger counts from: for sample data (demo) with a history of years,
// which would otherwise be a ledger opened today with every earlier record
// entered afterwards.
func (s *Store) SetFileCreated(d model.Date) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		return tx.Exec("UPDATE branch SET created_at = ? WHERE id = ?", stamp(time.Date(d.Year, d.Month, max(d.Day, 1), 12, 0, 0, 0, time.Local)), branchID).Error
	})
	return fail("保存数据文件信息", err)
}

// SaveMeetingSetup stores the branch's meeting set-up.
func (s *Store) SaveMeetingSetup(b model.BranchMeetingSetup) error {
	if b.LecturesPerTerm < 0 || b.LecturePeriod < model.Monthly || b.LecturePeriod > model.Yearly {
		return &userError{msg: "党课次数或周期不正确"}
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		return tx.Exec("UPDATE meeting_setup SET has_groups = ?, lecture_period = ?, lectures_per_term = ?, updated_at = ? WHERE id = 1",
			b.HasGroups, int(b.LecturePeriod), b.LecturesPerTerm, stamp(s.clock())).Error
	})
	return fail("保存组织生活设置", err)
}

// OfficersAway are the records dated from..to whose 主持人 or 记录人 names
// someone the record's own roll marks 请假 or 缺席 (model.OfficerChecks),
// each with its 主持人, 记录人 and only those rows of its roll — what home
// and `check` need to question them, without loading every roll.
func (s *Store) OfficersAway(from, to model.Date) ([]model.Activity, error) {
	var out []model.Activity
	err := s.db.Transaction(func(tx *gorm.DB) error {
		// instr finds the name inside a field of several (段旭辉、尹龙军);
		// model.OfficerChecks then reads the names whole.
		rows, err := tx.Raw(`SELECT a.id, a.kind, a.date, a.seq, a.chair, a.recorder, t.member_id, t.name, t.status
			FROM activities a JOIN activity_attendance t ON t.activity_id = a.id
			WHERE a.date >= ? AND a.date <= ? AND t.status <> ? AND t.name <> ''
				AND (instr(a.chair, t.name) > 0 OR instr(a.recorder, t.name) > 0)
			ORDER BY a.date, a.id, t.position`, from.String(), to.String(), string(model.Present)).Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a model.Activity
			var r model.AttendanceRow
			var kind, status string
			if err := rows.Scan(&a.ID, &kind, &a.Date, &a.Seq, &a.Chair, &a.Recorder, &r.MemberID, &r.Name, &status); err != nil {
				return err
			}
			a.Kind, r.Status = model.ActivityKind(kind), model.Attendance(status)
			if n := len(out); n > 0 && out[n-1].ID == a.ID {
				out[n-1].Attendance = append(out[n-1].Attendance, r)
				continue
			}
			a.Attendance = []model.AttendanceRow{r}
			out = append(out, a)
		}
		return rows.Err()
	})
	return out, fail("读取活动记录", err)
}
