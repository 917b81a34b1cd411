// Package duesfile moves party dues between the store and Excel workbooks:
// the year's bases read from a workbook (read, check, match, then save on
// confirmation) and the printed 党费收缴登记表 with its annual summary. The
// window and the command line both call it, so both behave alike.
package duesfile

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/backup"
	"branchledger/storage/xlsx"
)

// Service reads and writes dues workbooks for one store.
type Service struct {
	store *storage.Store
}

// New returns the service for store.
func New(store *storage.Store) *Service {
	return &Service{store: store}
}

// PreviewBases reads the bases workbook at path for year and matches each
// row to a member by ID number. It writes nothing. A row whose member is not
// on the roster, or whose name differs from the roster's, is refused. A row
// without a category keeps the member's category for the year, or last
// year's, or 在职.
func (s *Service) PreviewBases(year int, path string) (model.BasePreview, error) {
	return s.PreviewBasesSheets(year, path, nil)
}

// PreviewBasesSheets is PreviewBases reading only the sheets named
// (--sheet, as the roster import's); nil reads every sheet holding bases.
func (s *Service) PreviewBasesSheets(year int, path string, sheets []string) (model.BasePreview, error) {
	bf, err := xlsx.ReadDuesBasesSheets(path, year, sheets)
	if err != nil {
		return model.BasePreview{}, err
	}
	ms, err := s.store.Members()
	if err != nil {
		return model.BasePreview{}, err
	}
	byID := make(map[string]*model.Member, len(ms))
	for i := range ms {
		byID[ms[i].IDNumber] = &ms[i]
	}
	prev := map[int64]model.DuesBase{}
	for _, y := range []int{year - 1, year} { // this year's wins
		bs, err := s.store.DuesBases(y)
		if err != nil {
			return model.BasePreview{}, err
		}
		for _, b := range bs {
			prev[b.MemberID] = b
		}
	}
	openings, err := s.store.DuesOpenings()
	if err != nil {
		return model.BasePreview{}, err
	}
	checkOpening, err := s.store.DuesBasesOpeningCheck()
	if err != nil {
		return model.BasePreview{}, err
	}
	checkPaid, err := s.store.DuesBasesPaidCheck(year)
	if err != nil {
		return model.BasePreview{}, err
	}
	p := model.BasePreview{File: path, Year: year, Sheet: bf.Sheet, HeaderRow: bf.HeaderRow, Sheets: bf.Sheets, Rejected: bf.Rejected,
		Ignored: bf.Ignored, Notes: bf.Notes}
	r := model.CurrentDuesRules()
	for _, row := range bf.Rows {
		reject := func(f model.Field, reason model.Text) {
			// The cell as the sheet shows it, as the reader's refusals
			// quote it: "0", not the "0.00" read from it (review s5-8
			// attack #14).
			value, ok := row.Cells[f]
			if !ok {
				value = map[model.Field]string{model.FieldName: row.Name, model.FieldIDNumber: row.IDNumber,
					model.FieldDuesBase: row.Base.String(), model.FieldDuesCategory: string(row.Category)}[f]
				if f == model.FieldDuesPaidTo && row.PaidTo != 0 {
					value = row.PaidTo.Chinese()
				}
			}
			p.Rejected = append(p.Rejected, model.Rejection{Sheet: row.Sheet, Row: row.Row, Field: f, Reason: reason.String(), Text: reason, Name: row.Name, Value: value})
		}
		m, ok := byID[row.IDNumber]
		switch {
		case !ok:
			reject(model.FieldIDNumber, model.Textf("花名册中没有这个身份证号码的党员"))
			continue
		case m.Name != row.Name:
			reject(model.FieldName, model.Textf("花名册中该身份证号码的党员是 %s，不是 %s", m.Name, row.Name))
			continue
		}
		b := model.DuesBase{MemberID: m.ID, Year: year, Category: row.Category, Base: row.Base}
		old, had := prev[m.ID]
		if b.Category == "" {
			b.Category = model.DuesEmployed
			if had {
				b.Category = old.Category
			}
		}
		// An approved 免交 or 减交 is a decision of the Party committee:
		// a file that lists the member under another category (an HR
		// base list says 在职 for everyone) would undo it back to January
		// in silence and make him owe every month (review s8-7 attack
		// #21). The row is refused naming the approval; undoing it is done
		// in the window.
		if had && old.Year == year && old.Category != b.Category && (old.Category == model.DuesExempt || old.Reduced) {
			what := model.Textf("经上级批准免交")
			if old.Category != model.DuesExempt {
				what = model.Textf("经上级批准减交为每月 %s 元", old.ReducedAmount)
			}
			why := strings.TrimSpace(old.Reason)
			if why == "" {
				why = strings.TrimSpace(old.Approval)
			}
			t := model.Textf("名册中%s %d 年%s，文件中为%s：本行未导入；撤销免交或减交请在窗口的党费基数中办理", m.Name, year, what, b.Category)
			if why != "" {
				t = model.Textf("名册中%s %d 年%s（%s），文件中为%s：本行未导入；撤销免交或减交请在窗口的党费基数中办理", m.Name, year, what, why, b.Category)
			}
			reject(model.FieldDuesCategory, t)
			continue
		}
		if had && old.Year == year && old.Category == b.Category {
			// A reduction or waiver stays as approved; the file carries bases only.
			b.Reduced, b.ReducedAmount, b.Reason, b.Approval = old.Reduced, old.ReducedAmount, old.Reason, old.Approval
		}
		if err := b.Validate(r); err != nil {
			// The field is named already: no "党费：" before the reason.
			reject(model.FieldDuesBase, duesText(err))
			continue
		}
		// A 月交党费 the old ledger gives that is not what the base gives:
		// the base or the category is wrong in one of them, and taking the
		// base silently changed what the member owes (review s14-attack8 #2).
		if row.HasMonthly {
			if due, rule, err := b.Rule(r); err == nil && due != row.Monthly {
				reject(model.FieldDuesMonthly, model.Textf("表中为 %s 元，按计算基数 %s 元应为 %s 元（%s）；请核对计算基数和缴纳类别", row.Monthly, b.Base, due, rule))
				continue
			}
		}
		// A member who has left keeps the base his letter was written
		// from: a file that would change it, or set a year after he
		// left, is refused (review s7-7 attack #14).
		if !m.OnRoster && (m.LeftOn.IsZero() || m.LeftOn.Year < year || !had || old.Year != year || old != b || row.PaidTo != 0 && openings[m.ID] != row.PaidTo) {
			var t model.Text
			if m.LeftOn.IsZero() {
				t = model.Textf("%s因“%s”已不在花名册上，基数未导入", m.Name, m.LeftBy)
			} else {
				t = model.Textf("%s已于 %s %s，不在花名册上，基数未导入（离开时的党费按原基数计算）", m.Name, m.LeftOn.String(), m.LeftBy)
			}
			p.Rejected = append(p.Rejected, model.Rejection{Sheet: row.Sheet, Row: row.Row, Field: model.FieldIDNumber, Reason: t.String(), Text: t,
				Name: row.Name, Value: row.IDNumber})
			continue
		}
		// Checked as the commit checks it: a base changed over months
		// already paid at the old amount (review s14-attack8 #8c).
		if had && old.Year == year && old != b {
			if err := checkPaid(b); err != nil {
				if !errors.Is(err, model.ErrDues) {
					return model.BasePreview{}, err
				}
				reject(model.FieldDuesBase, duesText(err))
				continue
			}
		}
		if row.PaidTo != 0 {
			// Checked as the commit checks it (storage's DuesOpeningCheck),
			// so the preview refuses the row the commit would refuse.
			if err := checkOpening(m, row.PaidTo); err != nil {
				if !errors.Is(err, model.ErrDues) {
					return model.BasePreview{}, err
				}
				reject(model.FieldDuesPaidTo, duesText(err))
				continue
			}
			p.Openings = append(p.Openings, model.DuesOpening{MemberID: m.ID, PaidTo: row.PaidTo})
		}
		changed := !had || old.Year != year || old != b || row.PaidTo != 0 && openings[m.ID] != row.PaidTo
		if changed {
			p.Changed++
		}
		p.Bases = append(p.Bases, b)
		p.Names = append(p.Names, m.Name)
		p.Rows = append(p.Rows, model.BasePreviewRow{Sheet: row.Sheet, Row: row.Row, PaidTo: row.PaidTo, Changed: changed, Was: openings[m.ID]})
	}
	// By sheet, in the workbook's order, then by row, as the roster's.
	model.SortRejections(p.Rejected, bf.Sheets)
	return p, nil
}

// WriteRejectedBases writes the refused rows of a previewed bases
// workbook to out, in the layout of the file they came from with a 错误原因
// column, as the roster import does (xlsx.WriteRejectedRowsFile): fixed,
// they import as they are. It returns how many rows it wrote.
func (s *Service) WriteRejectedBases(p model.BasePreview, out string) (int, error) {
	return xlsx.WriteRejectedRowsFile(p.File, out, p.Rejected, nil, nil)
}

// CommitBases saves a previewed workbook's bases and opening positions in
// one transaction.
func (s *Service) CommitBases(p model.BasePreview) error {
	if err := backup.Before(s.store, storage.BackupImport); err != nil {
		return err
	}
	return s.store.SaveDuesSetup(p.Year, p.Bases, p.Openings, model.SourceDuesImport+"："+filepath.Base(p.File))
}

// ExportDues writes the year's 党费收缴登记表 and annual summary to path,
// replacing it only once the new file is complete, and returns how many
// members the register lists.
func (s *Service) ExportDues(year int, path string) (int, error) {
	today := s.store.Today()
	profile, err := s.store.Profile()
	if err != nil {
		return 0, err
	}
	reg, err := s.store.DuesRegister(year, today)
	if err != nil {
		return 0, err
	}
	bal, err := s.store.DuesBalance(year)
	if err != nil {
		return 0, err
	}
	rem, err := s.store.Remittances(year)
	if err != nil {
		return 0, err
	}
	h, err := s.store.DuesHistory(today.Year)
	if err != nil {
		return 0, err
	}
	ms, err := s.store.Members()
	if err != nil {
		return 0, err
	}
	dr := model.CurrentDuesRules()
	r := &xlsx.DuesReport{BranchName: profile.BranchName, Register: reg, Balance: bal, Remittances: rem,
		Arrears: model.YearArrears(ms, h, year, today, dr, model.CurrentRules().Constitution), LedgerStart: h.Start,
		Gaps: gapsIn(model.BaseGaps(ms, h, today, dr), year), ToRecord: recordGapsIn(model.RecordGaps(ms, h, dr), year), PrintedOn: today}
	if err := xlsx.WriteDuesFile(path, r); err != nil {
		return 0, err
	}
	return len(reg.Rows), nil
}

// gapsIn keeps the members whose base is missing for year: the summary of
// 2025 listed a member who joined in 2026 because his 2026 base was missing
// (review s5-8 attack #13).
func gapsIn(gaps []model.BaseGap, year int) []model.BaseGap {
	var out []model.BaseGap
	for _, g := range gaps {
		if slices.Contains(g.Years, year) {
			out = append(out, g)
		}
	}
	return out
}

// recordGapsIn are the months to record (待补录) that fall in year, each
// member's span cut to the year: a year's sheet speaks of that year only
// (review s7-8-newuser #9: the 2025 sheet listed November 2026).
func recordGapsIn(gaps []model.RecordGap, year int) []model.RecordGap {
	first, last := model.MonthOf(year, time.January), model.MonthOf(year, time.December)
	var out []model.RecordGap
	for _, g := range gaps {
		if g.To < first || g.From > last {
			continue
		}
		g.From, g.To = max(g.From, first), min(g.To, last)
		out = append(out, g)
	}
	return out
}

// duesText is a dues error's sentence as a Text, without its kind
// ("党费："): the field is named beside it.
func duesText(err error) model.Text {
	msg := strings.TrimPrefix(err.Error(), model.ErrDues.Error()+"：")
	if t, ok := model.SentenceOf(err); ok && t.String() == msg {
		return t
	}
	return model.Sentence(msg)
}
