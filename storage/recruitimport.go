package storage

import (
	"errors"
	"fmt"
	"path/filepath"

	"branchledger/model"

	"gorm.io/gorm"
)

// RecruitRow is a row of an imported pipeline workbook: its sheet row
// number and the person it holds.
type RecruitRow struct {
	Row     int
	Recruit model.Recruit
	// planned marks a row of a previewed plan being written; before is the
	// stored record the plan was made against (nil for a person it adds).
	planned bool
	before  *model.Recruit
}

// planRow is the savepoint each row of a plan is saved under.
const planRow = "plan_row"

// errPlanOnly rolls back the transaction a plan is worked out in.
var errPlanOnly = errors.New("plan only")

// PlanRecruitImport works out what importing the rows would do, without
// writing anything: each row is matched on the ID number with the pipeline,
// merged (model.MergeRecruit: an empty cell never erases), and saved for
// real inside a transaction that is then rolled back, so that every rule a
// save applies, the roster's included (an approved person must fit on the
// roster), refuses the row here, by its number, rather than at commit.
// Mentors and sponsors are linked to the roster members of the same name.
func (s *Store) PlanRecruitImport(file string, rows []RecruitRow) (model.RecruitImportPreview, error) {
	p := model.RecruitImportPreview{File: file}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.importRecruits(tx, filepath.Base(file), rows, &p, true); err != nil {
			return err
		}
		return errPlanOnly
	})
	if err != nil && !errors.Is(err, errPlanOnly) {
		return model.RecruitImportPreview{}, fail("检查导入的发展党员台账", err)
	}
	return p, nil
}

// ApplyRecruitImport writes a previewed import in one transaction. A plan
// made stale by later edits is refused and nothing is written, as the
// roster import refuses one: a person it updates whose record changed since
// the preview, a person it adds who has been entered since, or any row that
// now fails a save's checks (the roster changed).
func (s *Store) ApplyRecruitImport(p model.RecruitImportPreview) (added, updated int, err error) {
	var rows []RecruitRow
	for _, r := range p.Add {
		rows = append(rows, RecruitRow{Recruit: r, planned: true})
	}
	for i := range p.Update {
		u := &p.Update[i]
		rows = append(rows, RecruitRow{Recruit: u.After, planned: true, before: &u.Before})
	}
	var done model.RecruitImportPreview
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.importRecruits(tx, filepath.Base(p.File), rows, &done, false); err != nil {
			return err
		}
		if len(done.Rejected) > 0 {
			r := done.Rejected[0]
			return &userError{msg: fmt.Sprintf("导入未完成，发展党员名单没有改动：%s：%s（数据在预览后有变化，请重新导入）", r.Field, r.Reason)}
		}
		return nil
	})
	if err != nil {
		return 0, 0, fail("导入发展党员台账", err)
	}
	return len(done.Add), len(done.Update), nil
}

// importRecruits saves each row in tx, under a savepoint when planning so
// that a refused row leaves no trace, and records the outcome in p. Rows of
// a plan already merged (Row 0) are saved as they are.
func (s *Store) importRecruits(tx *gorm.DB, source string, rows []RecruitRow, p *model.RecruitImportPreview, planning bool) error {
	existing, err := queryRecruits(tx, "ORDER BY id")
	if err != nil {
		return err
	}
	byNumber := map[string]*model.Recruit{}
	for i := range existing {
		byNumber[existing[i].IDNumber] = &existing[i]
	}
	members, err := queryMembers(tx, 64, "")
	if err != nil {
		return err
	}
	byName := map[string]int64{}
	for _, m := range members {
		if _, dup := byName[m.Name]; dup {
			byName[m.Name] = 0 // two members of that name: cannot tell which
			continue
		}
		byName[m.Name] = m.ID
	}
	for _, row := range rows {
		in := row.Recruit
		in.Normalize()
		for j := range in.Records {
			x := &in.Records[j]
			if x.People != "" && len(x.PeopleIDs) == 0 && (x.Step == model.StepMentors || x.Step == model.StepSponsors) {
				for _, n := range model.SplitNames(x.People) {
					if id := byName[n]; id != 0 {
						x.PeopleIDs = append(x.PeopleIDs, id)
					}
				}
			}
		}
		target, before := in, model.Recruit{}
		old, known := byNumber[in.IDNumber]
		if row.planned {
			switch {
			case row.before == nil && known:
				return &userError{msg: fmt.Sprintf("导入未完成，发展党员名单没有改动：%s（%s）在预览之后已列入发展党员名单，请重新导入", in.Name, in.IDNumber)}
			case row.before != nil && (!known || old.ID != row.before.ID || len(model.DiffRecruits(old, row.before)) > 0):
				return &userError{msg: "导入未完成，发展党员名单没有改动：" + row.before.Name + " 的发展记录在预览之后已有改动，请重新导入"}
			}
		}
		if known && !row.planned {
			target = model.MergeRecruit(old, &in)
			target.Normalize()
			before = *old
		} else if known {
			before = *old
		}
		if known {
			target.ID = old.ID
			if len(model.DiffRecruits(old, &target)) == 0 {
				p.Unchanged++
				continue
			}
		} else {
			target.ID = 0
		}
		// One savepoint a row, released once the row is through: left open,
		// savepoints nest, and SQLite checks every page written against
		// each open one (10,000 rows took 25 s and 640 MB that way).
		if planning {
			if err := tx.SavePoint(planRow).Error; err != nil {
				return err
			}
		}
		saved, err := s.saveRecruit(tx, target, source)
		if err != nil {
			if !forUser(err) {
				return err
			}
			if planning {
				if rerr := tx.RollbackTo(planRow).Error; rerr != nil {
					return rerr
				}
				if rerr := tx.Exec("RELEASE SAVEPOINT " + planRow).Error; rerr != nil {
					return rerr
				}
			}
			refuseRow(p, row.Row, err)
			continue
		}
		if planning {
			if err := tx.Exec("RELEASE SAVEPOINT " + planRow).Error; err != nil {
				return err
			}
		}
		if known {
			p.Update = append(p.Update, model.RecruitUpdate{Before: before, After: target, Changes: model.DiffRecruits(&before, &saved)})
		} else {
			target.ID = 0 // the plan's copy: the ID was the rolled-back one
			p.Add = append(p.Add, target)
			saved.ID = 0
		}
		byNumber[in.IDNumber] = &saved
	}
	return nil
}

// refuseRow turns a save's refusal into the row's rejections.
func refuseRow(p *model.RecruitImportPreview, row int, err error) {
	var verrs model.ValidationErrors
	if errors.As(err, &verrs) {
		for _, e := range verrs {
			t := e.Text
			if t.IsZero() || t.String() != e.Message {
				t = model.Sentence(e.Message)
			}
			p.Rejected = append(p.Rejected, model.Rejection{Row: row, Field: importField(e.Field), Reason: e.Message, Text: t})
		}
		return
	}
	t, ok := model.SentenceOf(err)
	if !ok || t.String() != err.Error() {
		t = model.Sentence(err.Error())
	}
	p.Rejected = append(p.Rejected, model.Rejection{Row: row, Field: model.ColName, Reason: err.Error(), Text: t})
}

// importField is the workbook column a save's problem belongs to.
func importField(f model.Field) model.Field {
	switch f {
	case model.RecruitIDNumber:
		return model.ColIDNumber
	case model.RecruitName:
		return model.ColName
	case model.RecruitSex:
		return model.ColSex
	case model.RecruitBirthDate:
		return model.ColBirthDate
	case model.RecruitPhone:
		return model.ColRecruitPhone
	}
	return model.ColApproval
}
