package storage

import (
	"fmt"
	"strings"
	"unicode"

	"branchledger/model"
)

// DuesRowProblems names the dues records no form of the app can write: a
// payment, remittance or reversal dated on a day that does not exist
// ("0000-00-00", the 30th of February, before 1900 or after 2200), a paid
// month that does not exist ("2026-13"), an amount above maxAmount (9 223
// 372 036 854 775 807 分 makes the sums overflow). The instructor's
// workspace asks it of a package's data file before working its dues out,
// so that such a file is refused naming the record, not with 数据库出错
// (review s5-11 attack #5). It returns at most limit sentences and how many
// records are wrong.
func (s *Store) DuesRowProblems(maxAmount model.Money, limit int) (problems []string, total int, err error) {
	const badDate = `(%[1]s IS NOT date(%[1]s) OR %[1]s < '1900' OR %[1]s >= '2201')`
	checks := []struct {
		query string
		args  []any
		say   func(id int64, when string, amount int64) string
	}{
		{`SELECT id, date, max(amount, extra) FROM dues_payments WHERE ` + fmt.Sprintf(badDate, "date") + ` OR amount > ? OR extra > ?`, []any{int64(maxAmount), int64(maxAmount)},
			func(id int64, when string, amount int64) string {
				if model.Money(amount) > maxAmount {
					return fmt.Sprintf("党费缴纳记录（编号%d）的金额 %s 元不合理", id, model.Money(amount))
				}
				return fmt.Sprintf("党费缴纳记录（编号%d）的日期“%s”不存在", id, shortText(when))
			}},
		{`SELECT payment_id, month, amount FROM dues_payment_months WHERE month NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
			OR CAST(substr(month, 6, 2) AS INTEGER) NOT BETWEEN 1 AND 12 OR substr(month, 1, 4) NOT BETWEEN '1900' AND '2200'
			OR amount > ?`, []any{int64(maxAmount)},
			func(id int64, when string, amount int64) string {
				if model.Money(amount) > maxAmount {
					return fmt.Sprintf("党费缴纳记录（编号%d）所交%s的金额 %s 元不合理", id, shortText(when), model.Money(amount))
				}
				return fmt.Sprintf("党费缴纳记录（编号%d）所交的月份“%s”不存在", id, shortText(when))
			}},
		{`SELECT id, date, amount FROM dues_remittances WHERE ` + fmt.Sprintf(badDate, "date") + ` OR year NOT BETWEEN 1900 AND 2200 OR amount > ?`, []any{int64(maxAmount)},
			func(id int64, when string, amount int64) string {
				if model.Money(amount) > maxAmount {
					return fmt.Sprintf("季度党费上缴记录（编号%d）的金额 %s 元不合理", id, model.Money(amount))
				}
				return fmt.Sprintf("季度党费上缴记录（编号%d）的日期或年份“%s”不存在", id, shortText(when))
			}},
		{`SELECT id, date, 0 FROM dues_reversals WHERE ` + fmt.Sprintf(badDate, "date"), nil,
			func(id int64, when string, _ int64) string {
				return fmt.Sprintf("党费冲正记录（编号%d）的日期“%s”不存在", id, shortText(when))
			}},
	}
	for _, c := range checks {
		rows, err := s.db.Raw(c.query, c.args...).Rows()
		if err != nil {
			return problems, total, fail("检查党费记录", err)
		}
		for rows.Next() {
			var id, amount int64
			var when string
			if err := rows.Scan(&id, &when, &amount); err != nil {
				rows.Close()
				return problems, total, fail("检查党费记录", err)
			}
			total++
			if len(problems) < limit {
				problems = append(problems, c.say(id, when, amount))
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return problems, total, fail("检查党费记录", err)
		}
	}
	return problems, total, nil
}

// shortText is a value as a problem quotes it: at most 20 characters, on
// one line, without bytes that are not text or characters that reorder it.
func shortText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

// ActivitiesAfter names the activity records dated after last (the
// instructor's workspace passes a year after a package's snapshot): no
// branch records a meeting years ahead, and such a record drops out of the
// year's figures unseen (review s6-11 attack #5). At most limit sentences,
// and how many records.
func (s *Store) ActivitiesAfter(last model.Date, limit int) (problems []string, total int, err error) {
	rows, err := s.db.Raw(`SELECT id, date FROM activities WHERE date > ? OR year > ? ORDER BY id`, last.String(), last.Year).Rows()
	if err != nil {
		return nil, 0, fail("检查活动记录", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var when string
		if err := rows.Scan(&id, &when); err != nil {
			return problems, total, fail("检查活动记录", err)
		}
		total++
		if len(problems) < limit {
			problems = append(problems, fmt.Sprintf("活动记录（编号%d）的日期“%s”晚于快照一年以上", id, shortText(when)))
		}
	}
	return problems, total, fail("检查活动记录", rows.Err())
}
