package model

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date without a time of day or a zone. Rosters kept by hand
// often know only the month ("1985年3月"), so a Date may carry month precision:
// Day is then 0. The zero Date means "not known".
type Date struct {
	Year  int
	Month time.Month
	Day   int // 0: only the month is known
}

// NewDate returns the full date y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{Year: y, Month: m, Day: d} }

// MonthDate returns a date known only to the month.
func MonthDate(y int, m time.Month) Date { return Date{Year: y, Month: m} }

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// Today is the local calendar date.
func Today() Date { return DateOf(time.Now()) }

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// MonthOnly reports whether only the year and month are known.
func (d Date) MonthOnly() bool { return !d.IsZero() && d.Day == 0 }

// String formats the date as 2006-01-02, or 2006-01 when only the month is
// known, or "" when unknown. This is also the stored form, so text order is
// date order.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
}

// Chinese formats the date the way printed forms show it: 2006年1月2日 or 2006年1月.
func (d Date) Chinese() string {
	switch {
	case d.IsZero():
		return ""
	case d.Day == 0:
		return fmt.Sprintf("%d年%d月", d.Year, int(d.Month))
	default:
		return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
	}
}

// Time returns midnight UTC of the date (the first of the month when only the
// month is known); for arithmetic only.
func (d Date) Time() time.Time {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, d.Month, day, 0, 0, 0, 0, time.UTC)
}

// Compare orders two known dates: -1, 0 or +1. When either side knows only the
// month and both fall in the same month, the order cannot be told and Compare
// returns 0, so that a month-precise record never fails a check it may pass.
func (d Date) Compare(o Date) int {
	if c := cmpInt(d.Year, o.Year); c != 0 {
		return c
	}
	if c := cmpInt(int(d.Month), int(o.Month)); c != 0 {
		return c
	}
	if d.Day == 0 || o.Day == 0 {
		return 0
	}
	return cmpInt(d.Day, o.Day)
}

// Before reports whether d is certainly before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is certainly after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// AddYears moves the date by n years; 29 February becomes 28 February in a
// common year (the legal reading of "the day one turns 18").
func (d Date) AddYears(n int) Date {
	r := d
	r.Year += n
	if r.Month == time.February && r.Day == 29 && !isLeap(r.Year) {
		r.Day = 28
	}
	return r
}

// AddMonths moves the date by n months, clamping the day to the month's end.
func (d Date) AddMonths(n int) Date {
	total := d.Year*12 + int(d.Month) - 1 + n
	r := Date{Year: total / 12, Month: time.Month(total%12 + 1), Day: d.Day}
	if r.Day > daysIn(r.Year, r.Month) {
		r.Day = daysIn(r.Year, r.Month)
	}
	return r
}

// YearsUntil counts whole years from d to later (age, party age). With month
// precision on either side the count turns over at the start of the month.
func (d Date) YearsUntil(later Date) int {
	if d.IsZero() || later.IsZero() {
		return 0
	}
	n := later.Year - d.Year
	if later.Month < d.Month || (later.Month == d.Month && d.Day != 0 && later.Day != 0 && later.Day < d.Day) {
		n--
	}
	if n < 0 {
		return 0
	}
	return n
}

// MonthsUntil counts whole months from d to later.
func (d Date) MonthsUntil(later Date) int {
	n := (later.Year-d.Year)*12 + int(later.Month) - int(d.Month)
	if d.Day != 0 && later.Day != 0 && later.Day < d.Day {
		n--
	}
	return n
}

// ErrBadDate is wrapped by every date parse error.
var ErrBadDate = errors.New("日期格式不正确")

// ParseDate reads the stored and form form of a date: 2006-01-02, 2006-1-2,
// 2006-01 or "" (unknown). Hand-typed spreadsheet styles are read by the
// importer, not here.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) < 2 || len(parts) > 3 {
		return Date{}, fmt.Errorf("%q: %w，应为 年-月-日，如 1985-03-12", s, ErrBadDate)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return Date{}, fmt.Errorf("%q: %w，应为 年-月-日，如 1985-03-12", s, ErrBadDate)
		}
		nums[i] = n
	}
	d := Date{Year: nums[0], Month: time.Month(nums[1])}
	if len(nums) == 3 {
		d.Day = nums[2]
	}
	if err := d.Validate(); err != nil {
		return Date{}, fmt.Errorf("%q: %w", s, err)
	}
	return d, nil
}

// Validate reports whether the date exists on the calendar.
func (d Date) Validate() error {
	if d.Year < 1900 || d.Year > 2200 {
		return fmt.Errorf("%w：年份 %d 不合理", ErrBadDate, d.Year)
	}
	if d.Month < 1 || d.Month > 12 {
		return fmt.Errorf("%w：没有 %d 月", ErrBadDate, int(d.Month))
	}
	if d.Day < 0 || d.Day > daysIn(d.Year, d.Month) {
		return fmt.Errorf("%w：%d年%d月没有 %d 日", ErrBadDate, d.Year, int(d.Month), d.Day)
	}
	return nil
}

// Value stores the date as text (see String); unknown dates are NULL.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a stored date.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		p, err := ParseDate(v)
		*d = p
		return err
	case []byte:
		p, err := ParseDate(string(v))
		*d = p
		return err
	case time.Time:
		*d = DateOf(v)
		return nil
	}
	return fmt.Errorf("model.Date: cannot scan %T", src)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
