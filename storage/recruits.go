package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"branchledger/model"

	"gorm.io/gorm"
)

// SourceRecruiting is the source recorded with the roster changes the
// pipeline makes (approval, 转正).
const SourceRecruiting = "发展党员"

const recruitColumns = `id, name, sex, id_number, birth_date, ethnicity, education, post, phone, notes,
	member_id, created_at, updated_at, leave_date`

const stepColumns = `id, recruit_id, step, seq, date, start_date, end_date, hours, people, people_ids,
	method, document, note, activity_id, outcome, months, archived, written_yes, written_no`

// stepPacked is stepColumns as one text joined by U+001F, read as
// memberPacked is: the driver's cost is per value, and a pipeline of 50
// people has over a thousand step rows.
const stepPacked = `concat_ws(char(31), id, recruit_id, step, seq, ifnull(date, ''), ifnull(start_date, ''),
	ifnull(end_date, ''), hours, people, people_ids, method, document, note, ifnull(activity_id, 0), outcome,
	months, archived, written_yes, written_no)`

const stepFieldCount = 19

// unpackStep decodes a stepPacked value into x and returns the recruit's
// ID; ok is false, with only x.ID set, when a text holds U+001F.
func unpackStep(packed string, x *model.StepRecord) (rid int64, ok bool, err error) {
	f := strings.Split(packed, "\x1f")
	id, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("read recruit step: id %q: %w", f[0], err)
	}
	x.ID = id
	if len(f) != stepFieldCount {
		return 0, false, nil
	}
	var errs []error
	num := func(s string) int64 {
		n, err := strconv.ParseInt(s, 10, 64)
		errs = append(errs, err)
		return n
	}
	date := func(s string) model.Date {
		d, err := model.ParseDate(s)
		errs = append(errs, err)
		return d
	}
	rid = num(f[1])
	*x = model.StepRecord{ID: id, Step: model.RecruitStep(num(f[2])), Seq: int(num(f[3])), Date: date(f[4]),
		Start: date(f[5]), End: date(f[6]), Hours: int(num(f[7])), People: f[8], PeopleIDs: parseIDs(f[9]),
		Method: f[10], Document: f[11], Note: f[12], ActivityID: num(f[13]), Outcome: model.FullOutcome(f[14]),
		Months: int(num(f[15])), WrittenYes: int(num(f[17])), WrittenNo: int(num(f[18]))}
	if f[16] != "" {
		x.Archived = strings.Split(f[16], "\n")
	}
	if err := errors.Join(errs...); err != nil {
		return 0, false, fmt.Errorf("read recruit step %d: %w", id, err)
	}
	return rid, true, nil
}

// stepByColumns reads one step row column by column, whatever its text.
func stepByColumns(tx *gorm.DB, id int64, x *model.StepRecord) (int64, error) {
	rows, err := tx.Raw("SELECT "+stepColumns+" FROM recruit_steps WHERE id = ?", id).Rows()
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if !rows.Next() {
		return 0, fmt.Errorf("%w：没有编号为 %d 的环节记录", ErrNotFound, id)
	}
	var rid int64
	var activity sql.NullInt64
	var ids, archived string
	if err := rows.Scan(&x.ID, &rid, &x.Step, &x.Seq, &x.Date, &x.Start, &x.End, &x.Hours, &x.People, &ids,
		&x.Method, &x.Document, &x.Note, &activity, (*string)(&x.Outcome), &x.Months, &archived,
		&x.WrittenYes, &x.WrittenNo); err != nil {
		return 0, fmt.Errorf("read recruit step: %w", err)
	}
	x.ActivityID, x.PeopleIDs = activity.Int64, parseIDs(ids)
	if archived != "" {
		x.Archived = strings.Split(archived, "\n")
	}
	return rid, nil
}

// Recruits returns everyone in the pipeline, in the order they were entered,
// with their step records and attachment metadata (not the bytes).
func (s *Store) Recruits() ([]model.Recruit, error) {
	var out []model.Recruit
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		out, err = queryRecruits(tx, "ORDER BY id")
		return err
	})
	return out, fail("读取发展党员记录", err)
}

// Recruit returns one person; ErrNotFound if there is none.
func (s *Store) Recruit(id int64) (model.Recruit, error) {
	var out []model.Recruit
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		out, err = queryRecruits(tx, "WHERE id = ?", id)
		if err == nil && len(out) == 0 {
			err = fmt.Errorf("%w：没有编号为 %d 的发展党员记录", ErrNotFound, id)
		}
		return err
	})
	if err != nil {
		return model.Recruit{}, fail("读取发展党员记录", err)
	}
	return out[0], nil
}

func queryRecruits(tx *gorm.DB, where string, args ...any) ([]model.Recruit, error) {
	rows, err := tx.Raw("SELECT "+recruitColumns+" FROM recruits "+where, args...).Rows()
	if err != nil {
		return nil, err
	}
	var out []model.Recruit
	index := map[int64]int{}
	for rows.Next() {
		var r model.Recruit
		var member sql.NullInt64
		var created, updated stamp
		if err := rows.Scan(&r.ID, &r.Name, (*string)(&r.Sex), &r.IDNumber, &r.BirthDate, &r.Ethnicity,
			&r.Education, &r.Post, &r.Phone, &r.Notes, &member, &created, &updated, &r.LeaveDate); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read recruit: %w", err)
		}
		r.MemberID = member.Int64
		r.CreatedAt, r.UpdatedAt = time.Time(created), time.Time(updated)
		index[r.ID] = len(out)
		out = append(out, r)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	cond, all := "", len(index) > 1 && where == "ORDER BY id"
	if !all {
		ids := make([]string, 0, len(out))
		for _, r := range out {
			ids = append(ids, strconv.FormatInt(r.ID, 10))
		}
		// Our own integers: safe to splice in.
		cond = "WHERE recruit_id IN (" + strings.Join(ids, ",") + ") "
	}
	stepOwner := map[int64][2]int{} // step row id → recruit index, record index
	var odd []int64                 // rows whose text holds U+001F, read by column
	add := func(rid int64, x model.StepRecord) {
		if i, ok := index[rid]; ok {
			out[i].Records = append(out[i].Records, x)
			stepOwner[x.ID] = [2]int{i, len(out[i].Records) - 1}
		}
	}
	err = scanPacked(tx, "recruit step", func(packed string) error {
		var x model.StepRecord
		rid, ok, err := unpackStep(packed, &x)
		if err != nil {
			return err
		}
		if !ok {
			odd = append(odd, x.ID)
			return nil
		}
		add(rid, x)
		return nil
	}, "SELECT "+stepPacked+" FROM recruit_steps "+cond+"ORDER BY recruit_id, step, seq")
	if err != nil {
		return nil, err
	}
	for _, id := range odd {
		var x model.StepRecord
		rid, err := stepByColumns(tx, id, &x)
		if err != nil {
			return nil, err
		}
		add(rid, x)
	}
	for i := range out {
		rs := out[i].Records
		out[i].Records = nil
		for _, x := range rs {
			out[i].Put(x) // in step order, whichever way they were read
		}
	}
	for i := range out {
		for j := range out[i].Records {
			stepOwner[out[i].Records[j].ID] = [2]int{i, j}
		}
	}
	rows, err = tx.Raw("SELECT id, step_id, name, type, size, created_at FROM recruit_attachments ORDER BY id").Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var at model.Attachment
		var stepID int64
		var created stamp
		if err := rows.Scan(&at.ID, &stepID, &at.Name, (*string)(&at.Type), &at.Size, &created); err != nil {
			return nil, fmt.Errorf("read recruit attachment: %w", err)
		}
		at.AddedAt = time.Time(created)
		if o, ok := stepOwner[stepID]; ok {
			x := &out[o[0]].Records[o[1]]
			x.Attachments = append(x.Attachments, at)
		}
	}
	return out, rows.Err()
}

func parseIDs(s string) []int64 {
	if s == "" {
		return nil
	}
	var out []int64
	for _, p := range strings.Split(s, ",") {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil {
			out = append(out, id)
		}
	}
	return out
}

func formatIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

// SaveRecruit enters a new person (ID 0) or saves an edited one with all
// their step records, in one transaction, and keeps every changed field and
// step in the person's history. Attachments with Data and no ID are added to
// their step. The roster follows the pipeline in the same transaction: on
// the upper committee's approval (审批) the person is put on the roster as
// 预备党员 with 加入党组织日期 = the admitting meeting's date (and owes dues
// from then; 到本支部日期 is the day of the save, as for a member added); on the approval of 转正 they become 正式党员 with
// 转为正式党员日期 = the end of probation; a cancelled probation takes them
// off the roster. Field problems come back as model.ValidationErrors.
func (s *Store) SaveRecruit(r model.Recruit) (model.Recruit, error) {
	var out model.Recruit
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		out, err = s.saveRecruit(tx, r, SourceEdit)
		return err
	})
	if err != nil {
		return model.Recruit{}, fail("保存发展党员记录", err)
	}
	return out, nil
}

// saveRecruit does SaveRecruit's work inside tx; source is recorded with the
// changes.
func (s *Store) saveRecruit(tx *gorm.DB, r model.Recruit, source string) (model.Recruit, error) {
	now := s.clock()
	today := model.DateOf(now)
	r.Normalize()
	for i := range r.Records {
		if r.Records[i].Seq == 0 {
			r.Records[i].Seq = 1
		}
	}
	if errs := r.Validate(today); len(errs) > 0 {
		return model.Recruit{}, errs
	}
	for i := range r.Records {
		for j := range r.Records[i].Attachments {
			at := &r.Records[i].Attachments[j]
			if at.ID != 0 {
				continue
			}
			t, err := model.SniffAttachment(at.Name, at.Data)
			if err != nil {
				return model.Recruit{}, model.ValidationErrors{{Field: model.StepDocField, Message: err.Error()}}
			}
			at.Type, at.Size, at.AddedAt = t, int64(len(at.Data)), now
		}
	}
	if err := checkRecruitIDFree(tx, &r); err != nil {
		return model.Recruit{}, err
	}
	var old model.Recruit
	if r.ID != 0 {
		olds, err := queryRecruits(tx, "WHERE id = ?", r.ID)
		if err != nil {
			return model.Recruit{}, err
		}
		if len(olds) == 0 {
			return model.Recruit{}, fmt.Errorf("%w：没有编号为 %d 的发展党员记录", ErrNotFound, r.ID)
		}
		old = olds[0]
		r.MemberID, r.CreatedAt = old.MemberID, old.CreatedAt
	} else {
		r.MemberID, r.CreatedAt = 0, now // linked by syncRoster only
	}
	r.UpdatedAt = now
	if r.ID == 0 {
		res := tx.Exec(`INSERT INTO recruits (name, sex, id_number, birth_date, ethnicity, education, post, phone, notes,
			member_id, created_at, updated_at, leave_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
			r.Name, string(r.Sex), r.IDNumber, r.BirthDate, r.Ethnicity, r.Education, r.Post, r.Phone, r.Notes,
			stamp(now), stamp(now), r.LeaveDate)
		if res.Error != nil {
			return model.Recruit{}, res.Error
		}
		if err := tx.Raw("SELECT last_insert_rowid()").Scan(&r.ID).Error; err != nil {
			return model.Recruit{}, err
		}
		old.ID = r.ID
	} else {
		if err := tx.Exec(`UPDATE recruits SET name = ?, sex = ?, id_number = ?, birth_date = ?, ethnicity = ?,
			education = ?, post = ?, phone = ?, notes = ?, leave_date = ?, updated_at = ? WHERE id = ?`,
			r.Name, string(r.Sex), r.IDNumber, r.BirthDate, r.Ethnicity, r.Education, r.Post, r.Phone, r.Notes,
			r.LeaveDate, stamp(now), r.ID).Error; err != nil {
			return model.Recruit{}, err
		}
	}
	if err := writeSteps(tx, &old, &r, now); err != nil {
		return model.Recruit{}, err
	}
	changes := model.DiffRecruits(&old, &r)
	if old.CreatedAt.IsZero() {
		changes = nil // a new person: the record itself is the history
	}
	for _, c := range changes {
		if err := tx.Exec("INSERT INTO recruit_changes (recruit_id, field, old_value, new_value, source, at) VALUES (?, ?, ?, ?, ?, ?)",
			r.ID, c.Field, c.Old, c.New, source, stamp(now)).Error; err != nil {
			return model.Recruit{}, err
		}
	}
	if err := s.syncRoster(tx, &old, &r, today, now); err != nil {
		return model.Recruit{}, err
	}
	for i := range r.Records {
		for j := range r.Records[i].Attachments {
			r.Records[i].Attachments[j].Data = nil
		}
	}
	return r, nil
}

// checkRecruitIDFree refuses an ID number already in the pipeline for
// another person, and one on the roster for a member the person is not
// linked to: one person, one record (RULES.md §4). The one member the
// pipeline may take over is the same person entered on the roster by hand
// once approved — same name, 加入党组织日期 the admitting meeting's, not
// already linked to someone else's pipeline; anyone else is refused, so
// that no import or save rewrites a member who joined otherwise.
func checkRecruitIDFree(tx *gorm.DB, r *model.Recruit) error {
	var other struct {
		ID   int64
		Name string
	}
	if err := tx.Raw("SELECT id, name FROM recruits WHERE id_number = ? AND id <> ?", r.IDNumber, r.ID).Scan(&other).Error; err != nil {
		return err
	}
	if other.ID != 0 {
		return model.ValidationErrors{{Field: model.RecruitIDNumber, Message: "公民身份号码已属于发展党员名单中的 " + other.Name}}
	}
	ms, err := queryMembers(tx, 1, "WHERE id_number = ?", r.IDNumber)
	if err != nil {
		return err
	}
	var linked int64
	if r.ID != 0 {
		if err := tx.Raw("SELECT ifnull(member_id, 0) FROM recruits WHERE id = ?", r.ID).Scan(&linked).Error; err != nil {
			return err
		}
	}
	if len(ms) == 0 || ms[0].ID == linked {
		return nil
	}
	m := ms[0]
	refuse := func(msg string) error {
		return model.ValidationErrors{{Field: model.RecruitIDNumber, Message: msg}}
	}
	meeting := r.DateOf(model.StepAdmission)
	if !r.Record(model.StepApproval).Done() || meeting.IsZero() {
		return refuse("公民身份号码已属于花名册上的党员 " + m.Name + "，已是党员的不能再列入发展名单")
	}
	var taken int64
	if err := tx.Raw("SELECT count(*) FROM recruits WHERE member_id = ? AND id <> ?", m.ID, r.ID).Scan(&taken).Error; err != nil {
		return err
	}
	if m.Name != r.Name || m.JoinDate.Compare(meeting) != 0 || taken > 0 {
		return refuse(fmt.Sprintf("公民身份号码已属于花名册上的党员 %s（%s，加入党组织日期 %s），与此人的发展记录（%s，支部大会 %s）不是同一份记录；同一人只能有一条记录，请核对身份证号码",
			m.Name, m.Category, m.JoinDate, r.Name, meeting))
	}
	return nil
}

// writeSteps brings the person's step rows from old to r: inserts new ones,
// rewrites changed ones, deletes those no longer there (a step entered by
// mistake; its text stays in the history), and adds new attachments.
func writeSteps(tx *gorm.DB, old, r *model.Recruit, now time.Time) error {
	keep := map[int64]bool{}
	// New rows go in as one statement and their IDs are read back in one:
	// an import saves thousands of people, and the driver parses every
	// statement it runs.
	var added []*model.StepRecord
	var args []any
	for i := range r.Records {
		x := &r.Records[i]
		prev := old.RecordSeq(x.Step, x.Seq)
		var activity any
		if x.ActivityID != 0 {
			activity = x.ActivityID
		}
		vals := []any{x.Date, x.Start, x.End, x.Hours, x.People, formatIDs(x.PeopleIDs), x.Method, x.Document,
			x.Note, activity, string(x.Outcome), x.Months, strings.Join(x.Archived, "\n"), x.WrittenYes, x.WrittenNo,
			stamp(now)}
		if prev == nil {
			added = append(added, x)
			args = append(append(args, vals...), r.ID, int(x.Step), x.Seq, stamp(now))
			continue
		}
		x.ID = prev.ID
		keep[x.ID] = true
		if prev.Text() != x.Text() {
			if err := tx.Exec(`UPDATE recruit_steps SET date = ?, start_date = ?, end_date = ?, hours = ?, people = ?,
				people_ids = ?, method = ?, document = ?, note = ?, activity_id = ?, outcome = ?, months = ?,
				archived = ?, written_yes = ?, written_no = ?, updated_at = ? WHERE id = ?`, append(vals, x.ID)...).Error; err != nil {
				return stepError(x, err)
			}
		}
	}
	if len(added) > 0 {
		// One placeholder for each value a row gave args above.
		row := "(?" + strings.Repeat(", ?", len(args)/len(added)-1) + ")"
		values := row + strings.Repeat(", "+row, len(added)-1)
		if err := tx.Exec(`INSERT INTO recruit_steps (date, start_date, end_date, hours, people, people_ids, method,
			document, note, activity_id, outcome, months, archived, written_yes, written_no, updated_at, recruit_id,
			step, seq, created_at)
			VALUES `+values, args...).Error; err != nil {
			if len(added) == 1 {
				return stepError(added[0], err)
			}
			for _, x := range added {
				if x.ActivityID != 0 {
					if e := stepError(x, err); forUser(e) {
						return e
					}
				}
			}
			return err
		}
		rows, err := tx.Raw("SELECT id, step, seq FROM recruit_steps WHERE recruit_id = ?", r.ID).Rows()
		if err != nil {
			return err
		}
		ids := map[[2]int]int64{}
		for rows.Next() {
			var id int64
			var step, seq int
			if err := rows.Scan(&id, &step, &seq); err != nil {
				rows.Close()
				return err
			}
			ids[[2]int{step, seq}] = id
		}
		if err := rows.Close(); err != nil {
			return err
		}
		for _, x := range added {
			x.ID = ids[[2]int{int(x.Step), x.Seq}]
			keep[x.ID] = true
		}
	}
	for i := range r.Records {
		x := &r.Records[i]
		for j := range x.Attachments {
			at := &x.Attachments[j]
			if at.ID != 0 {
				continue
			}
			if err := tx.Exec("INSERT INTO recruit_attachments (step_id, name, type, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?)",
				x.ID, at.Name, string(at.Type), at.Size, at.Data, stamp(now)).Error; err != nil {
				return err
			}
			if err := tx.Raw("SELECT last_insert_rowid()").Scan(&at.ID).Error; err != nil {
				return err
			}
		}
	}
	for _, x := range old.Records {
		if keep[x.ID] {
			continue
		}
		if len(x.Attachments) > 0 {
			return model.ValidationErrors{{Field: model.StepDateField, Message: x.Label() + "已附有扫描件，不能删除；如有错误请修改该环节的内容"}}
		}
		if old.MemberID != 0 && onRosterBy(x.Step) {
			// The roster took the person in on these records; undoing them
			// is a roster matter (出党, 停止党籍), not a deleted line.
			return model.ValidationErrors{{Field: model.StepDateField, Message: x.Label() + "：此人已据此列入花名册，不能删除该记录；日期有误请修改"}}
		}
		if err := tx.Exec("DELETE FROM recruit_steps WHERE id = ?", x.ID).Error; err != nil {
			return err
		}
	}
	return nil
}

// onRosterBy reports whether the roster's record of the person rests on
// the step: the admitting meeting and the approvals.
func onRosterBy(s model.RecruitStep) bool {
	switch s {
	case model.StepAdmission, model.StepApproval, model.StepFullMeeting, model.StepFullApproval:
		return true
	}
	return false
}

// stepError says which step a failed write was for; a link to a meeting
// record that is not in the file is the one the user can cause.
func stepError(x *model.StepRecord, err error) error {
	if errors.Is(err, gorm.ErrForeignKeyViolated) || strings.Contains(err.Error(), "FOREIGN KEY") {
		return model.ValidationErrors{{Field: model.StepMeetingField, Message: x.Label() + "：关联的会议记录不存在"}}
	}
	return fmt.Errorf("%s: %w", x.Label(), err)
}

// rosterFacts are what the roster takes from a person's pipeline:
// 加入党组织日期 (the admitting meeting), 人员类别, 转为正式党员日期 (the end
// of probation) and whether the probation was cancelled, on which day.
type rosterFacts struct {
	on                 bool // approved: the person belongs on the roster
	join, full, leftOn model.Date
	category           model.Category
	cancelled          bool
}

func factsOf(r *model.Recruit) rosterFacts {
	meeting := r.DateOf(model.StepAdmission)
	if !r.Record(model.StepApproval).Done() || meeting.IsZero() {
		return rosterFacts{}
	}
	f := rosterFacts{on: true, join: meeting, category: model.CategoryProbationary}
	switch r.Status() {
	case model.StatusFull:
		f.category, f.full = model.CategoryFull, r.ProbationEnd()
	case model.StatusCancelled:
		f.cancelled = true
		for _, x := range r.All(model.StepFullApproval) {
			if x.Done() {
				f.leftOn = x.Date
			}
		}
	}
	return f
}

// syncRoster puts the roster in step with the pipeline (see SaveRecruit).
// It writes only what a roster-relevant step changed between old and r,
// field by field: a save that leaves the admitting meeting, the approvals
// and the outcome as they were leaves the roster alone, so a correction
// made on the roster since is kept. A field the pipeline changes that was
// itself corrected on the roster meanwhile (it holds neither the old nor
// the new value) is refused in a sentence rather than overwritten.
func (s *Store) syncRoster(tx *gorm.DB, old, r *model.Recruit, today model.Date, now time.Time) error {
	was, want := factsOf(old), factsOf(r)
	if !want.on {
		return nil
	}
	if r.MemberID != 0 && was == want {
		return nil
	}
	var m model.Member
	found := false
	if r.MemberID != 0 {
		var err error
		if m, err = memberByID(tx, r.MemberID); err != nil {
			return err
		}
		found = true
	} else if ms, err := queryMembers(tx, 1, "WHERE id_number = ?", r.IDNumber); err != nil {
		return err
	} else if len(ms) > 0 {
		// The same person entered on the roster by hand after the approval
		// (checkRecruitIDFree made sure): linked, and brought forward only.
		m, found = ms[0], true
		was = rosterFacts{on: true, join: m.JoinDate, category: m.Category, full: m.FullDate, cancelled: !m.OnRoster && m.LeftBy == model.EventExpulsion, leftOn: m.LeftOn}
		if m.Category == model.CategoryFull && want.category == model.CategoryProbationary {
			want.category, want.full = m.Category, m.FullDate
		}
	}
	before := m
	if !found {
		var branchName string
		if err := tx.Raw("SELECT branch_name FROM branch WHERE id = ?", branchID).Scan(&branchName).Error; err != nil {
			return err
		}
		m = model.NewMember()
		m.Name, m.Sex, m.IDNumber, m.BirthDate, m.Phone = r.Name, r.Sex, r.IDNumber, r.BirthDate, r.Phone
		if r.Ethnicity != "" {
			m.Ethnicity = r.Ethnicity
		}
		m.Education, m.Post, m.BranchName = r.Education, r.Post, branchName
		m.JoinDate, m.Category, m.FullDate = want.join, want.category, want.full
		// On the roster from the day it is written, as a member added or
		// imported is (README): the branch's records of organisational
		// life before that day cannot name the person, so counting from
		// the admitting meeting of a pipeline entered afterwards would
		// report a false 自行脱党 gap. Dues are owed from 加入党组织日期.
		m.ArrivedOn = today
	} else {
		conflict := func(label string, have, was, want string) error {
			return model.ValidationErrors{{Field: model.StepDateField, Message: fmt.Sprintf(
				"花名册上%s的%s是%s，是在花名册中改过的（发展记录原为%s），没有按发展记录改为%s；请先在花名册中核对该项，再保存",
				m.Name, label, orNone(have), orNone(was), orNone(want))}}
		}
		if want.join != was.join && m.JoinDate != want.join {
			if m.JoinDate != was.join {
				return conflict("加入党组织日期", m.JoinDate.String(), was.join.String(), want.join.String())
			}
			m.JoinDate = want.join
		}
		if (want.category != was.category || want.full != was.full) && (m.Category != want.category || m.FullDate != want.full) {
			if m.Category != was.category || m.FullDate != was.full {
				return conflict("人员类别和转为正式党员日期", categoryText(m.Category, m.FullDate),
					categoryText(was.category, was.full), categoryText(want.category, want.full))
			}
			m.Category, m.FullDate = want.category, want.full
		}
		if was.cancelled && !want.cancelled {
			return model.ValidationErrors{{Field: model.StepOutcomeField, Message: m.Name +
				"已因取消预备党员资格离开花名册；如讨论结果登记有误，请先在花名册中为其登记恢复，再修改发展记录"}}
		}
	}
	m.Normalize()
	if errs := m.Validate(today, model.CurrentRules()); len(errs) > 0 {
		// Say it in the pipeline's terms: the roster cannot take the person
		// as the steps stand.
		return model.ValidationErrors{{Field: model.StepDateField, Message: "无法列入花名册：" + errs.Error()}}
	}
	m.UpdatedAt = now
	if !found {
		m.CreatedAt = now
		row := toMemberRow(&m)
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		m.ID = row.ID
	} else if changes := model.DiffMembers(&before, &m); len(changes) > 0 {
		if err := updateMemberRow(tx, &m); err != nil {
			return err
		}
		for i := range changes {
			changes[i].MemberID = m.ID
		}
		if err := insertChanges(tx, changes, SourceRecruiting, nil, now); err != nil {
			return err
		}
	}
	if want.cancelled && !was.cancelled && m.OnRoster {
		e := model.MembershipEvent{MemberID: m.ID, Kind: model.EventExpulsion, Date: want.leftOn, Note: string(model.OutcomeCancel)}
		after := m
		if err := e.Apply(&after, today); err != nil {
			return err
		}
		after.UpdatedAt = now
		if err := updateMemberRow(tx, &after); err != nil {
			return err
		}
		row := eventRow{MemberID: m.ID, Kind: string(e.Kind), Date: e.Date, Note: e.Note, CreatedAt: stamp(now), UpdatedAt: stamp(now)}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
	}
	if r.MemberID != m.ID {
		r.MemberID = m.ID
		return tx.Exec("UPDATE recruits SET member_id = ? WHERE id = ?", m.ID, r.ID).Error
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "空"
	}
	return s
}

// categoryText is 人员类别 with the 转正 date, for a message.
func categoryText(c model.Category, full model.Date) string {
	if full.IsZero() {
		return string(c)
	}
	return string(c) + "（" + full.String() + "转正）"
}

// RecruitChanges returns the edits to a person's record, newest first.
func (s *Store) RecruitChanges(id int64) ([]model.RecruitChange, error) {
	var out []model.RecruitChange
	err := s.db.Transaction(func(tx *gorm.DB) error {
		rows, err := tx.Raw("SELECT field, old_value, new_value, source, at FROM recruit_changes WHERE recruit_id = ? ORDER BY id DESC", id).Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c := model.RecruitChange{RecruitID: id}
			var at stamp
			if err := rows.Scan(&c.Field, &c.Old, &c.New, &c.Source, &at); err != nil {
				return err
			}
			c.At = time.Time(at)
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, fail("读取发展党员记录的修改", err)
}

// RecruitAttachmentData returns the bytes of one scanned document.
func (s *Store) RecruitAttachmentData(id int64) ([]byte, error) {
	var data []byte
	err := s.db.Transaction(func(tx *gorm.DB) error {
		rows, err := tx.Raw("SELECT data FROM recruit_attachments WHERE id = ?", id).Rows()
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

// Holidays returns the days the user added to the official calendar, by
// date.
func (s *Store) Holidays() ([]model.HolidayDay, error) {
	var out []model.HolidayDay
	err := s.db.Transaction(func(tx *gorm.DB) error {
		rows, err := tx.Raw("SELECT date, kind, name FROM holidays ORDER BY date").Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h model.HolidayDay
			if err := rows.Scan(&h.Date, (*string)(&h.Kind), &h.Name); err != nil {
				return err
			}
			out = append(out, h)
		}
		return rows.Err()
	})
	return out, fail("读取放假安排", err)
}

// SaveHoliday adds or replaces the user's entry for a day.
func (s *Store) SaveHoliday(h model.HolidayDay) error {
	h.Name = strings.TrimSpace(h.Name)
	if err := model.ValidateHolidayDay(h); err != nil {
		return &userError{msg: err.Error()}
	}
	err := s.db.Exec("INSERT INTO holidays (date, kind, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name",
		h.Date, string(h.Kind), h.Name, stamp(s.clock())).Error
	return fail("保存放假安排", err)
}

// DeleteHoliday removes the user's entry for a day; the official calendar
// applies to it again.
func (s *Store) DeleteHoliday(d model.Date) error {
	return fail("删除放假安排", s.db.Exec("DELETE FROM holidays WHERE date = ?", d).Error)
}

// HolidayCalendar is the official calendar with the user's days.
func (s *Store) HolidayCalendar() (model.HolidayCalendar, error) {
	user, err := s.Holidays()
	if err != nil {
		return model.HolidayCalendar{}, err
	}
	return model.NewHolidayCalendar(model.OfficialHolidays, user), nil
}
