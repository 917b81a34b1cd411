package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"branchledger/model"
	"branchledger/storage/reason"

	"gorm.io/gorm"
)

// importCacheKiB is the page cache an import's transaction gets, in KiB.
// With SQLite's default (2 MB) an import of thousands of members spills
// dirty pages to the file before the commit, and every spill first syncs the
// rollback journal: with synchronous FULL, a disk flush each time. 64 MB
// holds far more than a county's roster; it is only used as far as needed.
const importCacheKiB = 64 << 10

// defaultCacheKiB is SQLite's default page cache, put back after an import.
const defaultCacheKiB = 2000

// sourceImport names the source of changes from an import whose file name is
// unknown.
const sourceImport = "导入"

// PlanImport works out what importing a roster would do, without writing
// anything: PlanImportRows for rows that all give the same columns.
func (s *Store) PlanImport(source string, incoming []model.Member, columns []model.Field) (model.ImportPlan, error) {
	rows := make([]model.ImportRow, len(incoming))
	for i := range incoming {
		rows[i] = model.ImportRow{Member: incoming[i], Fields: columns}
	}
	return s.PlanImportRows(source, rows)
}

// PlanImportRows works out what importing rows of a roster would do,
// without writing anything. Rows are matched with the stored members,
// including those who left, on the ID number: a new number is an addition;
// a known one is merged (model.MergeImported: only the row's fields, and an
// empty cell never erases) and is an update if anything shown changed. A
// new member whose 人员类别 the file does not give gets it from the dates
// (model.CategoryFromDates). A record that would break a rule once merged,
// or a number given twice, is listed in plan.Refused with the field and the
// reason, and left out of the plan.
func (s *Store) PlanImportRows(source string, incoming []model.ImportRow) (model.ImportPlan, error) {
	existing, err := s.Members()
	if err != nil {
		return model.ImportPlan{}, err
	}
	today := s.Today()
	rules := model.CurrentRules()
	byNumber := make(map[string]int, len(existing))
	for i := range existing {
		byNumber[existing[i].IDNumber] = i
	}

	openings, err := s.DuesOpenings()
	if err != nil {
		return model.ImportPlan{}, err
	}
	checkOpening, err := s.DuesOpeningCheck()
	if err != nil {
		return model.ImportPlan{}, err
	}
	plan := model.ImportPlan{Source: source, Add: make([]model.Member, 0, len(incoming))}
	// refuse refuses row i for errs, each after "与名册中某某的记录合并后："
	// when merged names the member on the roster it was merged with.
	refuse := func(i int, errs model.ValidationErrors, merged string) {
		for _, e := range errs {
			r := model.ImportRefusal{Index: i, Field: e.Field, Reason: e.Message, Text: e.Text}
			if merged != "" {
				t := e.Text
				if t.IsZero() {
					t = model.Sentence(e.Message)
				}
				r.Text = model.Textf("与名册中%s的记录合并后：%s", merged, t)
				r.Reason = r.Text.String()
			}
			plan.Refused = append(plan.Refused, r)
		}
	}
	// opening checks row i's 党费已交至 for member m (m.ID 0: a member to
	// add) as the commit will (DuesOpeningCheck) and notes it when it
	// changes m's; false when refused, and the row with it.
	opening := func(i int, in, m *model.Member) (bool, error) {
		if in.DuesPaidTo == 0 {
			return true, nil
		}
		if err := checkOpening(m, in.DuesPaidTo); err != nil {
			if !errors.Is(err, model.ErrDues) {
				return false, err
			}
			// Inside the ledger, the month is left out and said; the
			// member and the row's other fields are imported (look9 #1:
			// the whole row was refused for an optional column).
			if t, ok := model.SentenceOf(err); ok && errors.Is(err, model.ErrOpeningInLedger) {
				plan.DroppedOpenings = append(plan.DroppedOpenings, model.ImportOpening{IDNumber: in.IDNumber, Name: in.Name,
					PaidTo: in.DuesPaidTo, Old: openings[m.ID], Index: i, Reason: t})
				return true, nil
			}
			e := model.ErrProblem(model.FieldDuesPaidTo, err)
			e.Message = strings.TrimPrefix(e.Message, model.ErrDues.Error()+"：")
			refuse(i, model.ValidationErrors{e}, "")
			return false, nil
		}
		// Earlier than the stored month, it would make paid months
		// owed: the stored one stays, said as a note (review s7-8
		// attack #11); the member's page changes it, asking first.
		if old, had := openings[m.ID]; m.ID != 0 && model.MovesEarlier(old, had, in.DuesPaidTo) {
			plan.KeptOpenings = append(plan.KeptOpenings, model.ImportOpening{IDNumber: in.IDNumber, Name: in.Name, PaidTo: in.DuesPaidTo, Old: old, Index: i})
			return true, nil
		}
		if m.ID == 0 || openings[m.ID] != in.DuesPaidTo {
			plan.Openings = append(plan.Openings, model.ImportOpening{IDNumber: in.IDNumber, Name: in.Name, PaidTo: in.DuesPaidTo, Old: openings[m.ID], Index: i})
		}
		return true, nil
	}
	seen := make(map[string]int, len(incoming))
	for i := range incoming {
		in := incoming[i].Member
		in.Normalize()
		if first, dup := seen[in.IDNumber]; dup {
			// A Text, so that the English window says it in English.
			t := model.Textf("公民身份号码 %s 在文件中出现两次（%s、%s）", in.IDNumber, rowName(incoming[first]), rowName(incoming[i]))
			plan.Refused = append(plan.Refused, model.ImportRefusal{Index: i, Field: model.FieldIDNumber, Reason: t.String(), Text: t})
			continue
		}
		seen[in.IDNumber] = i

		j, found := byNumber[in.IDNumber]
		if !found {
			in.ID = 0
			in.OnRoster, in.LeftBy, in.LeftOn = true, "", model.Date{}
			if in.Category == "" {
				category, ferr := model.CategoryFromDates(in.JoinDate, in.FullDate, today, rules.Membership)
				if ferr != nil {
					refuse(i, model.ValidationErrors{*ferr}, "")
					continue
				}
				in.Category = category
			}
			errs := in.Validate(today, rules)
			later := incoming[i].FullDateLater && in.Category == model.CategoryFull && in.FullDate.IsZero()
			if later {
				errs = errs.Without(model.FieldFullDate)
			}
			if len(errs) > 0 {
				refuse(i, errs, "")
				continue
			}
			// A 预备党员 whose probation ended even with the longest
			// extension is refused as the same row without 人员类别 is
			// (model.CategoryFromDates): an old roster's value (review s7-7
			// attack #26).
			if end := model.ProbationLatestEnd(in.JoinDate, rules.Membership); in.Category == model.CategoryProbationary && !in.JoinDate.IsZero() && end.Before(today) {
				t := model.Textf("人员类别为预备党员，但加入党组织日期 %s 起的预备期（%d年，最长延长%d个月）已于 %s 届满，应已转正；请填写转为正式党员日期并改为正式党员，文件如是旧的名册，请用现在的名册",
					in.JoinDate.String(), rules.Membership.ProbationYears, rules.Membership.ProbationMaxExtensionMonths, end.String())
				plan.Refused = append(plan.Refused, model.ImportRefusal{Index: i, Field: model.FieldCategory, Reason: t.String(), Text: t})
				continue
			}
			if ok, err := opening(i, &in, &in); err != nil {
				return model.ImportPlan{}, err
			} else if !ok {
				continue
			}
			plan.Add = append(plan.Add, in)
			if later {
				plan.FullDateLater = append(plan.FullDateLater, in.IDNumber)
			}
			continue
		}
		old := &existing[j]
		// A member who has left is not changed by a roster that still
		// lists them (last term's file imported again): the record is what
		// their transfer letter was written from, and an update would not
		// bring them back onto the roster (review s7-7 attack #14).
		if !old.OnRoster {
			refuseLeft(&plan, i, old)
			continue
		}
		merged := model.MergeImported(old, &in, incoming[i].Fields)
		merged.Normalize()
		// Probation never runs backwards: an old roster's 预备党员 does not
		// turn a full member back and erase the 转正 date (review s7-7
		// attack #26).
		if old.Category == model.CategoryFull && merged.Category == model.CategoryProbationary {
			var t model.Text
			if old.FullDate.IsZero() {
				t = model.Textf("名册中%s是正式党员，文件中为“%s”：转正不会撤回，这一行未导入；文件如是旧的名册，请用现在的名册，名册有误请在窗口中更正", old.Name, merged.Category)
			} else {
				t = model.Textf("名册中%s已于 %s 转为正式党员，文件中为“%s”：转正不会撤回，这一行未导入；文件如是旧的名册，请用现在的名册，名册有误请在窗口中更正", old.Name, old.FullDate.String(), merged.Category)
			}
			plan.Refused = append(plan.Refused, model.ImportRefusal{Index: i, Field: model.FieldCategory, Reason: t.String(), Text: t})
			continue
		}
		changes := model.DiffMembers(old, &merged)
		if len(changes) == 0 {
			if ok, err := opening(i, &in, old); err != nil {
				return model.ImportPlan{}, err
			} else if ok {
				plan.Unchanged++
			}
			continue
		}
		if errs := merged.Validate(today, rules); len(errs) > 0 {
			refuse(i, errs, old.Name)
			continue
		}
		if ok, err := opening(i, &in, &merged); err != nil {
			return model.ImportPlan{}, err
		} else if !ok {
			continue
		}
		for k := range changes {
			changes[k].Source = source
		}
		plan.Update = append(plan.Update, model.ImportUpdate{Before: *old, After: merged, Changes: changes})
	}
	s.planned.Store(&plannedAdds{today: today, rules: rules, add: slices.Clone(plan.Add)})
	return plan, nil
}

// refuseLeft refuses row i, whose ID number is old's, a member who has
// left the roster: the row is not imported, and the refusal says when and
// how the member left and what to do if they are back.
func refuseLeft(plan *model.ImportPlan, i int, old *model.Member) {
	var t model.Text
	switch {
	case old.LeftOn.IsZero():
		t = model.Textf("%s因“%s”已不在花名册上，这一行未导入", old.Name, old.LeftBy)
	case old.LeftBy == model.EventTransferOut:
		t = model.Textf("%s已于 %s 转出，不在花名册上，这一行未导入；如已转回本支部，请先在“组织关系 → 转入”中登记转入", old.Name, old.LeftOn.String())
	default:
		t = model.Textf("%s已于 %s 因“%s”离开花名册，这一行未导入", old.Name, old.LeftOn.String(), old.LeftBy)
	}
	plan.Refused = append(plan.Refused, model.ImportRefusal{Index: i, Field: model.FieldIDNumber, Reason: t.String(), Text: t})
}

// plannedAdds are the members a plan adds as PlanImportRows made them:
// normalised, and valid on today by rules. ApplyImport normalises and
// validates each member to add again (a tenth of its time for a big roster)
// unless the plan it is given adds exactly these members on the same day: a
// plan changed since, or made by hand, is checked in full.
type plannedAdds struct {
	today model.Date
	rules model.Rules
	add   []model.Member
}

// holds reports whether add is the planned additions, checked on today by
// rules. Comparing with == sees every field, including any added later.
func (p *plannedAdds) holds(add []model.Member, today model.Date, rules model.Rules) bool {
	if p == nil || p.today != today || p.rules != rules || len(p.add) != len(add) {
		return false
	}
	for i := range add {
		if add[i] != p.add[i] {
			return false
		}
	}
	return true
}

// rowName names an imported row in a message: where it is and whose it is.
func rowName(r model.ImportRow) string {
	name := strings.TrimSpace(r.Member.Name)
	switch {
	case r.Where == "":
		return name
	case name == "":
		return r.Where
	}
	return r.Where + name
}

// ApplyImport writes a plan made by PlanImport, all of it in one transaction:
// if anything fails, the roster is as it was. Before writing it checks again,
// inside the transaction, that no member to be updated was edited since the
// plan was made; then it adds, updates, records each changed field with the
// plan's source, and records the import itself. A number to be added that
// has been entered since the plan was made fails it (the unique index
// refuses it), with a *DuplicateIDError naming the member who has it.
func (s *Store) ApplyImport(plan model.ImportPlan) (added, updated int, err error) {
	now := s.clock()
	today := model.DateOf(now)
	rules := model.CurrentRules()
	source := plan.Source
	if source == "" {
		source = sourceImport
	}

	// The additions as planned, or normalised and checked again: never
	// changed in the caller's plan.
	adds := plan.Add
	if !s.planned.Swap(nil).holds(plan.Add, today, rules) {
		adds = slices.Clone(plan.Add)
		for i := range adds {
			m := &adds[i]
			m.Normalize()
			errs := m.Validate(today, rules)
			if m.Category == model.CategoryFull && m.FullDate.IsZero() && slices.Contains(plan.FullDateLater, m.IDNumber) {
				errs = errs.Without(model.FieldFullDate)
			}
			if len(errs) > 0 {
				return 0, 0, fmt.Errorf("导入未完成，名册没有改动：%s（%s）：%w", m.Name, m.IDNumber, errs)
			}
		}
	}
	addNumbers := make([]string, len(adds))
	for i := range adds {
		addNumbers[i] = adds[i].IDNumber
	}

	if err := s.db.Exec(fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB)).Error; err != nil {
		return 0, 0, fail("导入花名册", err)
	}
	defer s.db.Exec(fmt.Sprintf("PRAGMA cache_size = -%d", defaultCacheKiB))
	err = s.db.Transaction(func(tx *gorm.DB) error {
		updates, changes, err := importUpdates(tx, plan.Update, today, rules, now)
		if err != nil {
			return err
		}
		rec := importRow{Source: source, At: stamp(now), Added: len(adds), Updated: len(updates),
			Unchanged: plan.Unchanged + len(plan.Update) - len(updates), CreatedAt: stamp(now), UpdatedAt: stamp(now)}
		if err := tx.Create(&rec).Error; err != nil {
			return err
		}
		if len(adds) > 0 {
			if err := insertMembersIndexed(tx, adds, today, now); err != nil {
				return err
			}
		}
		if err := updateMembers(tx, updates); err != nil {
			return err
		}
		added, updated = len(adds), len(updates)
		if err := insertChanges(tx, changes, source, &rec.ID, now); err != nil {
			return err
		}
		return importOpenings(tx, plan.Openings, source, now)
	})
	if err != nil {
		if isDuplicateKey(err) {
			// The unique index on the number refused an addition: one
			// entered since the plan was made, or one the plan holds twice.
			// Looked for only now, after the rollback: on the way in it
			// cost a tenth of the write.
			if ferr := checkNumbersFree(s.db, addNumbers); errors.Is(ferr, ErrDuplicateIDNumber) {
				err = ferr
			} else {
				err = duplicateInPlan(addNumbers, plan.Add, err)
			}
		}
		if forUser(err) {
			return 0, 0, fmt.Errorf("导入未完成，名册没有改动：%w", err)
		}
		return 0, 0, &reason.Error{Msg: "导入未完成，名册没有改动：" + reason.Of(err), Err: err}
	}
	return added, updated, nil
}

// importUpdates checks each planned update against the stored member and
// returns the records to write with the changes to record. A member edited
// since the plan was made fails the import: the plan showed the user
// something that is no longer true.
func importUpdates(tx *gorm.DB, plan []model.ImportUpdate, today model.Date, rules model.Rules, now time.Time) ([]model.Member, []model.FieldChange, error) {
	if len(plan) == 0 {
		return nil, nil, nil
	}
	stored, err := membersByID(tx, plan)
	if err != nil {
		return nil, nil, err
	}
	var out []model.Member
	var changes []model.FieldChange
	for i := range plan {
		u := &plan[i]
		old, ok := stored[u.Before.ID]
		if !ok {
			return nil, nil, notFound(u.Before.ID)
		}
		if len(model.DiffMembers(&old, &u.Before)) > 0 {
			return nil, nil, &userError{msg: old.Name + " 的记录在预览之后已有改动，请重新导入"}
		}
		m := u.After
		m.Normalize()
		if errs := m.Validate(today, rules); len(errs) > 0 {
			return nil, nil, fmt.Errorf("%s（%s）：%w", old.Name, old.IDNumber, errs)
		}
		m.ID = old.ID
		m.OnRoster, m.LeftBy, m.LeftOn, m.CreatedAt = old.OnRoster, old.LeftBy, old.LeftOn, old.CreatedAt
		// The history records what is written, worked out again from the
		// stored record rather than taken from the plan.
		c := model.DiffMembers(&old, &m)
		if len(c) == 0 {
			continue
		}
		m.UpdatedAt = now
		out = append(out, m)
		changes = append(changes, c...)
	}
	return out, changes, nil
}

// membersByID loads the stored members the updates refer to.
func membersByID(tx *gorm.DB, plan []model.ImportUpdate) (map[int64]model.Member, error) {
	ids := make([]int64, len(plan))
	for i := range plan {
		ids[i] = plan[i].Before.ID
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	ms, err := queryMembers(tx, len(ids), "WHERE id IN (SELECT value FROM json_each(?))", string(list))
	if err != nil {
		return nil, err
	}
	out := make(map[int64]model.Member, len(ms))
	for _, m := range ms {
		out[m.ID] = m
	}
	return out, nil
}

// checkNumbersFree fails, wrapping a *DuplicateIDError, if any of the numbers
// is already in the file.
func checkNumbersFree(tx *gorm.DB, numbers []string) error {
	if len(numbers) == 0 {
		return nil
	}
	list, err := json.Marshal(numbers)
	if err != nil {
		return err
	}
	ms, err := queryMembers(tx, 0, "WHERE id_number IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 1", string(list))
	if err != nil {
		return err
	}
	if len(ms) > 0 {
		dup := &DuplicateIDError{IDNumber: ms[0].IDNumber, Existing: ms[0]}
		return fmt.Errorf("%w（号码 %s，可能在预览之后刚登记），请重新导入", dup, dup.IDNumber)
	}
	return nil
}

// duplicateInPlan names the number that occurs twice among the additions,
// for a UNIQUE violation that the checks before writing could not foresee.
func duplicateInPlan(numbers []string, adds []model.Member, err error) error {
	first := make(map[string]int, len(numbers))
	for i, n := range numbers {
		if j, dup := first[n]; dup {
			return &userError{
				msg:  fmt.Sprintf("公民身份号码 %s 在导入的数据中出现两次（%s、%s）", n, adds[j].Name, adds[i].Name),
				kind: ErrDuplicateIDNumber,
			}
		}
		first[n] = i
	}
	return errors.Join(ErrDuplicateIDNumber, err)
}

// newMemberSame are the columns every member an import adds at now has the
// same value in: on the roster, added now.
func newMemberSame(now time.Time) []bulkValue {
	return []bulkValue{{"on_roster", true}, {"left_by", ""}, {"left_on", nil}, {"updated_at", stamp(now)}, {"created_at", stamp(now)}}
}

// newMemberCells are the other columns of a new member, in the order of
// memberInsertColumns, each with how its value is written: as toMemberRow
// and the row's values would store it, without the row.
var newMemberCells = []struct {
	column string
	write  func(w *cellWriter, m *model.Member, today model.Date)
}{
	{"name", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(m.Name) }},
	{"sex", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(string(m.Sex)) }},
	{"ethnicity", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(m.Ethnicity) }},
	{"id_number", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(m.IDNumber) }},
	{"birth_date", func(w *cellWriter, m *model.Member, _ model.Date) { w.Date(m.BirthDate) }},
	{"education", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(m.Education) }},
	{"category", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(string(m.Category)) }},
	{"branch_name", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(m.BranchName) }},
	{"join_date", func(w *cellWriter, m *model.Member, _ model.Date) { w.Date(m.JoinDate) }},
	{"full_date", func(w *cellWriter, m *model.Member, _ model.Date) { w.Date(m.FullDate) }},
	{"post", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(m.Post) }},
	{"phone", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(m.Phone) }},
	{"address", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(m.Address) }},
	{"standing", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(string(m.Standing)) }},
	{"lost_contact", func(w *cellWriter, m *model.Member, _ model.Date) { w.Bool(m.LostContact) }},
	{"lost_since", func(w *cellWriter, m *model.Member, _ model.Date) { w.Date(m.LostSince) }},
	{"mobile", func(w *cellWriter, m *model.Member, _ model.Date) { w.Bool(m.Mobile) }},
	{"mobile_destination", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(m.MobileDestination) }},
	{"notes", func(w *cellWriter, m *model.Member, _ model.Date) { w.Text(m.Notes) }},
	{"arrived_on", func(w *cellWriter, m *model.Member, today model.Date) {
		if m.ArrivedOn.IsZero() {
			w.Date(today) // onto the roster the day of the import, unless the file says when
		} else {
			w.Date(m.ArrivedOn)
		}
	}},
}

// newMemberColumns are the columns of newMemberCells.
var newMemberColumns = func() []string {
	cols := make([]string, len(newMemberCells))
	for i, c := range newMemberCells {
		cols[i] = c.column
	}
	return cols
}()

// numberIndexRebuildMin is how many members an import adds, at least,
// before it builds the index of numbers again rather than keep it in order
// row by row (insertMembersIndexed): below, either takes a few milliseconds.
const numberIndexRebuildMin = 1000

// insertMembersIndexed is insertMembers, and where the import adds at least
// numberIndexRebuildMin members and at least as many as the file holds, the
// unique index of 公民身份号码 (memberNumberIndex) is dropped first and built
// again after, in the import's transaction: an import of 20,000 members
// into a new file spent a fifth of its write keeping the index in order.
// Building it again refuses a number the file already holds, or that the
// rows hold twice, as the index kept row by row would (a UNIQUE violation:
// gorm.ErrDuplicatedKey), and the transaction is rolled back.
func insertMembersIndexed(tx *gorm.DB, ms []model.Member, today model.Date, now time.Time) error {
	if len(ms) < numberIndexRebuildMin {
		return insertMembers(tx, ms, today, now)
	}
	var held int
	if err := tx.Raw("SELECT count(*) FROM members").Scan(&held).Error; err != nil {
		return err
	}
	if len(ms) < held {
		return insertMembers(tx, ms, today, now)
	}
	if err := tx.Exec("DROP INDEX " + memberNumberIndex).Error; err != nil {
		return err
	}
	if err := insertMembers(tx, ms, today, now); err != nil {
		return err
	}
	return tx.Exec(memberNumberIndexSQL).Error
}

// insertMembers writes new members in bulk (insertBulkSame), without GORM's
// reflection per row: all on the roster and added at now, whatever their
// records say of that, and those without an arrival date arriving today.
func insertMembers(tx *gorm.DB, ms []model.Member, today model.Date, now time.Time) error {
	return insertBulkSame(tx, "members", newMemberColumns, newMemberSame(now), len(ms), newMemberRow(ms, today))
}

// newMemberRow writes the cells of member i for newMemberColumns.
func newMemberRow(ms []model.Member, today model.Date) func(w *cellWriter, i int) {
	return func(w *cellWriter, i int) {
		for _, c := range newMemberCells {
			c.write(w, &ms[i], today)
		}
	}
}

// updateMembers writes edited members in bulk (updateBulk): every column
// but id and created_at.
func updateMembers(tx *gorm.DB, ms []model.Member) error {
	if len(ms) == 0 {
		return nil
	}
	rows := make([]memberRow, len(ms))
	for i := range ms {
		rows[i] = toMemberRow(&ms[i])
	}
	return updateBulk(tx, "members", memberUpdateColumns, len(rows), func(args []any, i int) []any {
		return append(rows[i].appendUpdateValues(args), rows[i].ID)
	})
}

// insertRows writes n rows into table, batch rows to a statement;
// appendRow appends the values of row i for columns. For a few rows; many
// go faster through insertBulk.
func insertRows(tx *gorm.DB, table string, columns []string, n, batch int, appendRow func(args []any, i int) []any) error {
	tuple := "(" + strings.Repeat("?, ", len(columns)-1) + "?)"
	head := "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES "
	full := head + strings.Repeat(tuple+", ", batch-1) + tuple
	args := make([]any, 0, batch*len(columns))
	for start := 0; start < n; start += batch {
		end := min(start+batch, n)
		q := full
		if end-start < batch {
			q = head + strings.Repeat(tuple+", ", end-start-1) + tuple
		}
		args = args[:0]
		for i := start; i < end; i++ {
			args = appendRow(args, i)
		}
		if err := tx.Exec(q, args...).Error; err != nil {
			return err
		}
	}
	return nil
}

// importOpenings sets the 党费已交至 an imported roster gives, in the
// import's transaction, once the members it adds have their IDs; each is
// recorded in the member's history with the import's source.
func importOpenings(tx *gorm.DB, in []model.ImportOpening, source string, now time.Time) error {
	if len(in) == 0 {
		return nil
	}
	numbers := make([]string, len(in))
	for i, o := range in {
		numbers[i] = o.IDNumber
	}
	ids := make(map[string]int64, len(in))
	for chunk := range slices.Chunk(numbers, 500) {
		var rows []struct {
			ID       int64
			IDNumber string
		}
		if err := tx.Raw("SELECT id, id_number FROM members WHERE id_number IN ?", chunk).Scan(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			ids[r.IDNumber] = r.ID
		}
	}
	out := make([]model.DuesOpening, 0, len(in))
	for _, o := range in {
		id, ok := ids[o.IDNumber]
		if !ok {
			return fmt.Errorf("导入的党员 %s（%s）不在名册中", o.Name, o.IDNumber)
		}
		out = append(out, model.DuesOpening{MemberID: id, PaidTo: o.PaidTo})
	}
	return setOpenings(tx, out, source, now)
}
