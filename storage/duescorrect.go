package storage

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"branchledger/model"

	"gorm.io/gorm"
)

// midyearPacked reads a dues_midyear_bases row as one text, like basePacked.
const midyearPacked = `concat_ws(char(31), member_id, year, category, base, reduced, reduced_amount, reason, approval, from_month)`

// queryMidyear reads the changes of base during a year.
func queryMidyear(db *gorm.DB, where string, args ...any) ([]model.DuesBase, error) {
	var out []model.DuesBase
	err := scanPacked(db, "dues base change", func(packed string) error {
		i := strings.LastIndexByte(packed, '\x1f')
		if i < 0 {
			return fmt.Errorf("read dues base change: %q", packed)
		}
		b, err := parseBase(packed[:i])
		if err != nil {
			return err
		}
		from := packed[i+1:]
		m, err := strconv.Atoi(from)
		if err != nil {
			return fmt.Errorf("read dues base change %q: %w", packed, err)
		}
		b.From = time.Month(m)
		out = append(out, b)
		return nil
	}, "SELECT "+midyearPacked+" FROM dues_midyear_bases "+where, args...)
	return out, err
}

// basesWithChanges is the bases of the years from–to with the changes
// during them.
func basesWithChanges(tx *gorm.DB, from, to int) ([]model.DuesBase, error) {
	bases, err := queryBases(tx, "WHERE year BETWEEN ? AND ?", from, to)
	if err != nil {
		return nil, err
	}
	changes, err := queryMidyear(tx, "WHERE year BETWEEN ? AND ?", from, to)
	return append(bases, changes...), err
}

// SaveDuesBaseChange records a member's new base from a month of the year
// (b.From, 2–12) when new pay starts: the months before keep the year's
// amount. A second change from the same month replaces the first, keeping
// the old value in the history with source, as a corrected base does.
func (s *Store) SaveDuesBaseChange(b model.DuesBase, source string) error {
	now := s.clock()
	r := model.CurrentDuesRules()
	b.Reason, b.Approval = cleanText(b.Reason), cleanText(b.Approval)
	if !b.Reduced {
		b.ReducedAmount, b.Reason = 0, ""
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		m, err := memberByID(tx, b.MemberID)
		if err != nil {
			return err
		}
		year, err := queryBases(tx, "WHERE member_id = ? AND year = ?", b.MemberID, b.Year)
		if err != nil {
			return err
		}
		paid, err := queryPaid(tx, b.MemberID)
		if err != nil {
			return err
		}
		if err := model.CheckChange(b, len(year) > 0, paid, r); err != nil {
			msg := m.Name + "：" + strings.TrimPrefix(err.Error(), model.ErrDues.Error()+"：")
			// Kept a Text, as the grid's refusals are, so that the English
			// 年中调整 dialog says it in English (review s14-attack8 #23).
			if t, ok := model.SentenceOf(err); ok {
				return &userError{msg: msg, kind: &model.TextError{Kind: model.ErrDues, Text: model.Textf("%s：%s", m.Name, t), Bare: true}}
			}
			return &userError{msg: msg, kind: model.ErrDues}
		}
		old, err := queryMidyear(tx, "WHERE member_id = ? AND year = ? AND from_month = ?", b.MemberID, b.Year, int(b.From))
		if err != nil {
			return err
		}
		err = tx.Exec(`INSERT INTO dues_midyear_bases (member_id, year, from_month, category, base, reduced, reduced_amount, reason, approval, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (member_id, year, from_month) DO UPDATE SET category = excluded.category, base = excluded.base,
			reduced = excluded.reduced, reduced_amount = excluded.reduced_amount, reason = excluded.reason,
			approval = excluded.approval, updated_at = excluded.updated_at`,
			b.MemberID, b.Year, int(b.From), string(b.Category), int64(b.Base), b.Reduced, int64(b.ReducedAmount), b.Reason, b.Approval, stamp(now), stamp(now)).Error
		if err != nil {
			return err
		}
		was := "（无）"
		if len(old) > 0 {
			was = old[0].ChangeText(r)
		}
		return tx.Exec(`INSERT INTO dues_base_changes (member_id, year, old_value, new_value, source, at) VALUES (?, ?, ?, ?, ?, ?)`,
			b.MemberID, b.Year, was, b.ChangeText(r), source, stamp(now)).Error
	})
	return fail("保存年中基数调整", err)
}

// ReverseDuesPayment voids a payment entered by mistake (冲正): the
// reversal is a new record naming the payment and why; the payment stays,
// marked reversed, and its months are unpaid again, all in one
// transaction. A payment is reversed once; a reversal that would leave the
// branch holding less than nothing (the money was already remitted) is
// refused until the remittance is corrected.
func (s *Store) ReverseDuesPayment(paymentID int64, reason string) (model.DuesReversal, error) {
	now := s.clock()
	rv := model.DuesReversal{PaymentID: paymentID, Date: model.DateOf(now), Reason: cleanText(reason), CreatedAt: now}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := rv.Validate(); err != nil {
			return &userError{msg: err.Error(), kind: model.ErrDues}
		}
		var p struct {
			Date   string
			Total  int64
			Name   string
			Months string
		}
		err := tx.Raw(`SELECT p.date, p.amount + p.extra AS total, m.name,
			(SELECT ifnull(group_concat(month, '、'), '') FROM dues_payment_months WHERE payment_id = p.id) AS months
			FROM dues_payments p JOIN members m ON m.id = p.member_id WHERE p.id = ?`, paymentID).Scan(&p).Error
		if err != nil {
			return err
		}
		if p.Name == "" {
			return &userError{msg: fmt.Sprintf("找不到这笔党费交纳（编号 %d）", paymentID), kind: ErrNotFound}
		}
		if err := notReversed(tx, "payment_id", paymentID, fmt.Sprintf("%s %s 交纳的 %s 元", p.Name, p.Date, model.Money(p.Total))); err != nil {
			return err
		}
		h, err := held(tx)
		if err != nil {
			return err
		}
		if h-model.Money(p.Total) < 0 {
			return &userError{msg: fmt.Sprintf("冲正后支部结存将为 %s 元：这笔钱已计入上缴。请先冲正多登记的上缴，再冲正这笔交纳", h-model.Money(p.Total)), kind: model.ErrDues}
		}
		if rv.ID, err = insertReversal(tx, rv); err != nil {
			return err
		}
		return tx.Exec(`UPDATE dues_payment_months SET reversed = 1 WHERE payment_id = ?`, paymentID).Error
	})
	if err != nil {
		return model.DuesReversal{}, fail("冲正党费交纳", err)
	}
	return rv, nil
}

// ReverseRemittance voids a remittance entered by mistake (冲正): the
// money counts as held by the branch again.
func (s *Store) ReverseRemittance(remittanceID int64, reason string) (model.DuesReversal, error) {
	now := s.clock()
	rv := model.DuesReversal{RemittanceID: remittanceID, Date: model.DateOf(now), Reason: cleanText(reason), CreatedAt: now}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := rv.Validate(); err != nil {
			return &userError{msg: err.Error(), kind: model.ErrDues}
		}
		var rm struct {
			Date   string
			Amount int64
			Found  bool
		}
		if err := tx.Raw(`SELECT date, amount, 1 AS found FROM dues_remittances WHERE id = ?`, remittanceID).Scan(&rm).Error; err != nil {
			return err
		}
		if !rm.Found {
			return &userError{msg: fmt.Sprintf("找不到这笔党费上缴（编号 %d）", remittanceID), kind: ErrNotFound}
		}
		if err := notReversed(tx, "remittance_id", remittanceID, fmt.Sprintf("%s 上缴的 %s 元", rm.Date, model.Money(rm.Amount))); err != nil {
			return err
		}
		var err error
		rv.ID, err = insertReversal(tx, rv)
		return err
	})
	if err != nil {
		return model.DuesReversal{}, fail("冲正党费上缴", err)
	}
	return rv, nil
}

// notReversed refuses a second reversal of the same entry; column is our
// own constant.
func notReversed(tx *gorm.DB, column string, id int64, what string) error {
	var prior []struct {
		Date   string
		Reason string
	}
	if err := tx.Raw("SELECT date, reason FROM dues_reversals WHERE "+column+" = ?", id).Scan(&prior).Error; err != nil {
		return err
	}
	if len(prior) > 0 {
		return &userError{msg: fmt.Sprintf("%s已于 %s 冲正（%s），不能重复冲正", what, prior[0].Date, prior[0].Reason), kind: model.ErrDues}
	}
	return nil
}

func insertReversal(tx *gorm.DB, rv model.DuesReversal) (int64, error) {
	var payment, remittance any
	if rv.PaymentID != 0 {
		payment = rv.PaymentID
	}
	if rv.RemittanceID != 0 {
		remittance = rv.RemittanceID
	}
	if err := tx.Exec(`INSERT INTO dues_reversals (payment_id, remittance_id, date, reason, created_at) VALUES (?, ?, ?, ?, ?)`,
		payment, remittance, rv.Date, rv.Reason, stamp(rv.CreatedAt)).Error; err != nil {
		return 0, err
	}
	var id int64
	err := tx.Raw("SELECT last_insert_rowid()").Scan(&id).Error
	return id, err
}

// reversals reads the reversals of the entries whose ids are listed in
// column (payment_id or remittance_id, our own constants).
func reversals(tx *gorm.DB, column string, ids []int64) (map[int64]*model.DuesReversal, error) {
	out := map[int64]*model.DuesReversal{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := tx.Raw("SELECT id, "+column+", date, reason FROM dues_reversals WHERE "+column+" IN ?", ids).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		rv := &model.DuesReversal{}
		var of int64
		if err := rows.Scan(&rv.ID, &of, &rv.Date, &rv.Reason); err != nil {
			return nil, err
		}
		if column == "payment_id" {
			rv.PaymentID = of
		} else {
			rv.RemittanceID = of
		}
		out[of] = rv
	}
	return out, rows.Err()
}

// yearExtras is the voluntary extra dues of the year's payments not
// reversed, by member, and how many payments carried them.
func yearExtras(tx *gorm.DB, year int) (map[int64]model.Money, int, error) {
	var rows []struct {
		MemberID int64
		Extra    int64
		N        int
	}
	err := tx.Raw(`SELECT member_id, sum(extra) AS extra, count(*) AS n FROM dues_payments
		WHERE extra > 0 AND substr(date, 1, 4) = ? AND id NOT IN (SELECT payment_id FROM dues_reversals WHERE payment_id IS NOT NULL)
		GROUP BY member_id`, fmt.Sprintf("%04d", year)).Scan(&rows).Error
	out := make(map[int64]model.Money, len(rows))
	n := 0
	for _, r := range rows {
		out[r.MemberID] = model.Money(r.Extra)
		n += r.N
	}
	return out, n, err
}
