package model

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
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

// DateForms lists, for messages and hints, the ways a date may be typed:
// what ParseDate reads, in the words a secretary uses.
const DateForms = "1985-03-12、1985.3.12、1985/3/12、19850312、1985年3月12日；只知道年月时写 1985-03、1985.03 或 1985年3月"

// ParseDate reads a date the ways people type it and rosters keep it — the
// one parser for forms, the importer and the stored form: 2006-01-02 and
// 2006-1-2 (stored), 1985.3.12, 1985/03/12, 19850312, 1985年3月12日 (or 号),
// and month-only 1985-03, 1985.03, 1985/3, 198503, 1985年3月 (or 月份),
// which give a month-precision date. Full-width digits and separators are
// read as ASCII, spaces are ignored, and a time of day after the date
// (2019/4/15 0:00:00, 2019-04-15T00:00:00Z) is dropped. "" is the unknown
// date. Errors wrap ErrBadDate and are one Chinese sentence naming the text
// and, where it helps, the forms accepted (DateForms).
//
// Excel's date serials and numbers such as 1985.1 (January or October?)
// are the importer's business: it reads them from the cell's type.
func ParseDate(s string) (Date, error) {
	if d, ok := parseStoredDate(s); ok {
		return d, nil
	}
	return parseTypedDate(s)
}

// parseStoredDate is the fast path for the stored form (2006-01-02,
// 2006-01), which every member read goes through.
func parseStoredDate(s string) (Date, bool) {
	switch len(s) {
	case 0:
		return Date{}, true
	case 7, 10:
	default:
		return Date{}, false
	}
	num := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, true
	}
	if s[4] != '-' || (len(s) == 10 && s[7] != '-') {
		return Date{}, false
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	d := Date{Year: y, Month: time.Month(m)}
	ok3 := true
	if len(s) == 10 {
		d.Day, ok3 = num(s[8:])
		ok3 = ok3 && d.Day > 0
	}
	if !ok1 || !ok2 || !ok3 || d.Validate() != nil {
		return Date{}, false
	}
	return d, true
}

func parseTypedDate(raw string) (Date, error) {
	s := dateText(raw)
	switch {
	case s == "":
		return Date{}, nil
	case strings.ContainsRune(s, '年'):
		return parseChineseDate(raw, s)
	case IsDigits(s):
		switch len(s) {
		case 8:
			return makeDate(raw, s[:4], s[4:6], s[6:])
		case 6:
			return makeDate(raw, s[:4], s[4:], "")
		case 4:
			return Date{}, yearOnlyError(raw, s)
		}
		return Date{}, unknownDateError(raw)
	}
	sep := strings.IndexAny(s, ".-/")
	if sep < 0 {
		return Date{}, unknownDateError(raw)
	}
	// 2006.7.1日: the day said after a date written with points, as
	// 2006年7月1日 says it (review ra7 M3).
	if t, ok := strings.CutSuffix(s, "日"); ok && strings.Count(t, s[sep:sep+1]) == 2 {
		s = t
	} else if t, ok := strings.CutSuffix(s, "号"); ok && strings.Count(t, s[sep:sep+1]) == 2 {
		s = t
	}
	parts := strings.Split(strings.TrimSuffix(s, s[sep:sep+1]), s[sep:sep+1])
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, unknownDateError(raw)
	}
	for _, p := range parts {
		if p == "" || len(p) > 4 || !IsDigits(p) {
			return Date{}, unknownDateError(raw)
		}
	}
	if len(parts) == 1 {
		return Date{}, yearOnlyError(raw, parts[0])
	}
	if len(parts) == 2 && s[sep] == '.' && parts[1] == "1" {
		return Date{}, AmbiguousMonthError(raw, parts[0])
	}
	day := ""
	if len(parts) == 3 {
		day = parts[2]
	}
	return makeDate(raw, parts[0], parts[1], day)
}

// YearLast splits a date written with its four-digit year last — 15/6/2008,
// 15.06.2008, 15-06-2008 (or 6/2008, the month and year) — into the numbers
// before the year, in the order written: a is the first, b the second (0 for
// month and year). Which of a and b is the day, the text alone tells only
// when one is above 12; the importer decides the rest (ParseDate, the forms'
// parser, reads the year first only). ok is false for any other text.
func YearLast(s string) (a, b, year int, ok bool) {
	s = dateText(s)
	sep := strings.IndexAny(s, ".-/")
	if sep < 0 {
		return 0, 0, 0, false
	}
	parts := strings.Split(s, s[sep:sep+1])
	if len(parts) < 2 || len(parts) > 3 || len(parts[len(parts)-1]) != 4 {
		return 0, 0, 0, false
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if !IsDigits(p) || i < len(parts)-1 && len(p) > 2 {
			return 0, 0, 0, false
		}
		nums[i], _ = strconv.Atoi(p)
	}
	if len(nums) == 2 {
		return nums[0], 0, nums[1], true
	}
	return nums[0], nums[1], nums[2], true
}

// dateText normalises what was typed: full-width digits and separators made
// ASCII, a time of day dropped (2019/4/15 0:00:00, 2019-04-15T00:00:00Z),
// spaces removed.
func dateText(raw string) string {
	s := strings.TrimSpace(raw)
	if len(s) > 64 {
		return s // too long to be a date; reported as typed
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．' || r == '。':
			return '.'
		case r == '－' || r == '—' || r == '–':
			return '-'
		case r == '／':
			return '/'
		}
		return r
	}, s)
	if f := strings.Fields(s); len(f) == 2 && strings.Contains(f[1], ":") {
		s = f[0]
	}
	if len(s) > 10 && s[10] == 'T' && IsDigits(s[:4]) {
		s = s[:10]
	}
	// A space between two numbers separates them, as the point or dash
	// the rest of the text uses would: 2008 1 2 is 2008-01-02, never
	// 200812 (December). Other spaces go: 2008. 1. 2, 2008 年 1 月.
	fields := strings.Fields(s)
	sep := "-"
	if i := strings.IndexAny(s, ".-/"); i >= 0 {
		sep = s[i : i+1]
	}
	var b strings.Builder
	for i, f := range fields {
		if i > 0 && isASCIIDigit(fields[i-1][len(fields[i-1])-1]) && isASCIIDigit(f[0]) {
			b.WriteString(sep)
		}
		b.WriteString(f)
	}
	return b.String()
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// parseChineseDate reads 1985年3月, 1985年3月12日 (or 号), 1985年3月份.
func parseChineseDate(raw, s string) (Date, error) {
	y, rest, _ := strings.Cut(s, "年")
	if rest == "" {
		if IsDigits(y) && len(y) == 4 {
			return Date{}, yearOnlyError(raw, y)
		}
		return Date{}, unknownDateError(raw)
	}
	m, rest, ok := strings.Cut(rest, "月")
	if !ok {
		return Date{}, unknownDateError(raw)
	}
	rest = strings.TrimSuffix(rest, "份")
	rest = strings.TrimSuffix(strings.TrimSuffix(rest, "日"), "号")
	// 二〇〇八年六月, as 政审 and 档案 material write dates (review s7-7
	// attack #12): the same date as 2008年6月.
	y, m, rest = chineseYear(y), chineseCount(m), chineseCount(rest)
	if len(y) != 4 || !IsDigits(y) || !IsDigits(m) || len(m) > 2 || (rest != "" && (!IsDigits(rest) || len(rest) > 2)) {
		return Date{}, unknownDateError(raw)
	}
	return makeDate(raw, y, m, rest)
}

// chineseDigits are the numerals a date is written with in Chinese, 〇
// (and the 零 and ○ typed for it) to 九.
var chineseDigits = map[rune]byte{
	'〇': '0', '○': '0', '零': '0', 'Ｏ': '0', '一': '1', '二': '2', '三': '3', '四': '4',
	'五': '5', '六': '6', '七': '7', '八': '8', '九': '9',
}

// chineseYear is a year written digit by digit in Chinese numerals
// (二〇〇八, 二零零八) in Arabic digits; any other text as it is.
func chineseYear(s string) string {
	if IsDigits(s) || s == "" {
		return s
	}
	b := make([]byte, 0, 4)
	for _, r := range s {
		d, ok := chineseDigits[r]
		if !ok {
			return s
		}
		b = append(b, d)
	}
	return string(b)
}

// chineseCount is a month or day in Chinese numerals (六, 十, 十二, 二十一,
// 廿三, 卅一, 〇六) in Arabic digits; any other text as it is.
func chineseCount(s string) string {
	if IsDigits(s) || s == "" {
		return s
	}
	rs := []rune(s)
	tens, ones := 0, 0
	switch {
	case len(rs) == 0:
		return s
	case rs[0] == '廿' || rs[0] == '卅':
		tens = map[rune]int{'廿': 2, '卅': 3}[rs[0]]
		rs = rs[1:]
	case len(rs) >= 2 && rs[1] == '十':
		d, ok := chineseDigits[rs[0]]
		if !ok || d < '2' || d > '3' {
			return s
		}
		tens, rs = int(d-'0'), rs[2:]
	case rs[0] == '十':
		tens, rs = 1, rs[1:]
	case len(rs) == 2:
		// 〇六: digit by digit
		a, ok1 := chineseDigits[rs[0]]
		b, ok2 := chineseDigits[rs[1]]
		if !ok1 || !ok2 {
			return s
		}
		return string([]byte{a, b})
	}
	switch len(rs) {
	case 0:
	case 1:
		d, ok := chineseDigits[rs[0]]
		if !ok || d == '0' {
			return s
		}
		ones = int(d - '0')
	default:
		return s
	}
	n := tens*10 + ones
	if n == 0 {
		return s
	}
	return strconv.Itoa(n)
}

func makeDate(raw, y, m, d string) (Date, error) {
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
	date := MonthDate(year, time.Month(month))
	if d != "" {
		date.Day, _ = strconv.Atoi(d)
		if date.Day == 0 {
			return Date{}, unknownDateError(raw)
		}
	}
	return CheckTypedDate(raw, date)
}

// CheckTypedDate returns d if it is on the calendar, or an error saying
// which part of raw, the text it was read from, is wrong.
func CheckTypedDate(raw string, d Date) (Date, error) {
	if err := d.Validate(); err != nil {
		why, _ := SentenceOf(err)
		return Date{}, badDate("日期%s不存在（%s）", QuoteTyped(raw), why)
	}
	return d, nil
}

func unknownDateError(raw string) error {
	e := badDate("无法识别日期%s，请写成 1985-03-12、1985.03 或 1985年3月 这样的日期", QuoteTyped(raw)).(*dateError)
	e.form = true
	return e
}

// AmbiguousMonthError refuses 2026.1, typed or in a text cell: January, or
// October whose 0 Excel dropped (a number cell keeps 2026.10 as 2026.1, and
// copying it gives that text). Every date and month field of every form and
// importer reads it through ParseDate or ParseMonthText and refuses it with
// this one sentence, rather than some reading January and some refusing
// (review s5-8 attack #5, #13).
func AmbiguousMonthError(raw, year string) error {
	return badDate("%s分不清是 %s年1月还是10月，请写成 %s.01 或 %s.10", QuoteTyped(raw), year, year, year)
}

func yearOnlyError(raw, year string) error {
	e := badDate("日期%s只有年份，请写到月份，如 %s.03", QuoteTyped(raw), year).(*dateError)
	e.form = true
	return e
}

// dateError is a date that cannot be read: its message is the whole
// sentence, and errors.Is finds ErrBadDate behind it. form marks text in
// none of the forms a date is read in (as against a date not on the
// calendar).
type dateError struct {
	msg  string
	form bool
	text Text // msg as a Text, for screens in another language
}

func badDate(format string, args ...any) error {
	t := Textf(format, args...)
	return &dateError{msg: t.String(), text: t}
}

// DayForms lists the ways a date with its day may be typed, for a field
// that needs the day.
const DayForms = "2026-11-30、2026.11.30 或 2026年11月30日"

// ParseDay reads a date that needs its day (a letter's, a receipt's): as
// ParseDate, but text that is no date, or a year and month alone, is one
// sentence asking for year, month and day (DayForms) rather than pointing
// to the month-only forms the field would then refuse. "" is the unknown
// date.
func ParseDay(s string) (Date, error) {
	d, err := ParseDate(s)
	var de *dateError
	if errors.As(err, &de) && de.form || err == nil && d.MonthOnly() {
		return Date{}, badDate("%s不是完整的日期：请写年月日，如 %s", QuoteTyped(s), Term(DayForms))
	}
	return d, err
}

func (e *dateError) Error() string { return e.msg }
func (e *dateError) Unwrap() error { return ErrBadDate }

// QuoteTyped puts typed text in Chinese quotes for a message, shortened so
// that a stray paragraph does not swamp a list of problems.
func QuoteTyped(s string) string {
	return "“" + CutTyped(s) + "”"
}

// CutTyped is typed text shortened for a message as QuoteTyped shortens
// it, without the quotes: a 姓名 cell holding a paragraph names its row in
// every refusal, and would swamp each one.
func CutTyped(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 24 {
		s = string([]rune(s)[:24]) + "…"
	}
	return s
}

// Validate reports whether the date exists on the calendar.
func (d Date) Validate() error {
	if d.Year < 1900 || d.Year > 2200 {
		return Errorf(ErrBadDate, "年份 %d 不合理", d.Year)
	}
	if d.Month < 1 || d.Month > 12 {
		return Errorf(ErrBadDate, "没有 %d 月", int(d.Month))
	}
	if d.Day < 0 || d.Day > daysIn(d.Year, d.Month) {
		return Errorf(ErrBadDate, "%d年%d月没有 %d 日", d.Year, int(d.Month), d.Day)
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
