package xlsx

import (
	"regexp"
	"strconv"
	"time"

	"branchledger/model"
)

// twoDigitYear matches a date of an old roster written with a two-digit
// year and points: 85.03, 85.3.12, 05.07.01日. Only points: 05/07 or 05-07
// may be a month and a day, which is refused as such (cellDate).
var twoDigitYear = regexp.MustCompile(`^(\d{2})[.．](\d{1,2})(?:[.．](\d{1,2}))?[日号]?$`)

// shortYear is a date cell written with a two-digit year, waiting for the
// row's birth year to say its century (settleShortYears).
type shortYear struct {
	field      model.Field
	shown      string
	yy         int
	month, day int
	refusal    model.Text // what the cell gets when its century cannot be told
}

// shortYearDate notes the date cell of f showing v when it is written with
// a two-digit year (twoDigitYear) and reports whether it did. A number
// cell showing 85.1 may be January or October: left to its refusal. The
// birth date is not read so: it is what says the century of the others.
func (r *rowMember) shortYearDate(f model.Field, v string, col, src int, refusal model.Text) (bool, error) {
	if f == model.FieldBirthDate || f == model.FieldDuesPaidTo {
		return false, nil
	}
	g := twoDigitYear.FindStringSubmatch(v)
	if g == nil {
		return false, nil
	}
	if g[3] == "" && g[2] == "1" {
		if number, _, err := r.im.sr.numeric(col, src); err != nil || number {
			return false, err
		}
	}
	yy, _ := strconv.Atoi(g[1])
	month, _ := strconv.Atoi(g[2])
	day, _ := strconv.Atoi(g[3])
	r.shortYears = append(r.shortYears, shortYear{field: f, shown: v, yy: yy, month: month, day: day, refusal: refusal})
	return true, nil
}

// settleShortYears gives each date written with a two-digit year its century,
// once the row's birth year is known (its 出生日期, or its ID number's):
// 19xx or 20xx, whichever falls within the member's life — not before
// their birth, not after today (RULES.md §4: the national form's dates are
// dates of the member's life). A year after this one is 19xx without a
// birth year. When both centuries fit (a member born before 19xx, or no
// birth year to tell), the cell is refused asking for four digits; so it
// is when neither does, saying why.
func (r *rowMember) settleShortYears() {
	if len(r.shortYears) == 0 {
		return
	}
	birth := r.m.BirthDate.Year
	if birth == 0 && !r.unreadable(model.FieldIDNumber) {
		id := r.m.IDNumber
		if up, ok := model.UpgradeIDNumber(id); ok {
			id = up
		}
		if info, err := model.ParseIDNumber(id); err == nil {
			birth = info.Birth.Year
		}
	}
	today := r.im.rd.today
	for _, s := range r.shortYears {
		var fits []model.Date
		onCalendar := true
		for _, century := range []int{1900, 2000} {
			d := model.MonthDate(century+s.yy, time.Month(s.month))
			d.Day = s.day
			if d.Validate() != nil {
				onCalendar = false
				continue
			}
			if d.After(today) || birth != 0 && d.Year < birth {
				continue
			}
			fits = append(fits, d)
		}
		switch len(fits) {
		case 0:
			if birth == 0 || !onCalendar {
				r.reject(s.field, s.refusal)
				break
			}
			// Neither century fits (49.10 of a member born in 1980): said,
			// not “无法识别” about a date a person reads.
			r.reject(s.field, model.Textf("日期%s的年份只有两位：%d 年早于出生（%d 年），%d 年还没到；请写成四位年份", quote(s.shown), 1900+s.yy, birth, 2000+s.yy))
		case 1:
			setDate(&r.m, s.field, fits[0])
			r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, s.field,
				"%s：%s%s的年份只有两位，读作 %s", r.who(), model.Term(s.field.Label()), quote(s.shown), fits[0].String()))
		default:
			r.reject(s.field, model.Textf("日期%s的年份只有两位，分不清是 %d 年还是 %d 年，请写成四位年份，如 %d.%02d", quote(s.shown), fits[0].Year, fits[1].Year, fits[0].Year, s.month))
		}
	}
}
