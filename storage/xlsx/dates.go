package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"branchledger/model"
)

// Excel counts days from 1899-12-30 (the 1900 system, which also counts a
// 29 February 1900 that never was) or from 1904-01-01 (old Mac workbooks).
var (
	excelEpoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	excelEpoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

// parseCellDate reads a date the ways rosters type it: 1985.03, 1985.3.12,
// 1985-3-12, 1985/03/12, 1985年3月, 1985年3月12日, 19850312, 198503, and
// Excel date serials (the raw value of a date-formatted cell). Month-only
// input gives a month-precision date. numeric says the cell was stored as a
// number, which decides how "1985.1" reads: typed as text it is January,
// but as a number it may be 1985.10 with Excel's trailing zero dropped.
func parseCellDate(raw string, numeric, date1904 bool) (model.Date, error) {
	s := dateText(raw)
	switch {
	case s == "":
		return model.Date{}, nil
	case strings.ContainsRune(s, '年'):
		return parseChineseDate(raw, s)
	case isDigits(s):
		switch len(s) {
		case 8:
			return makeDate(raw, s[:4], s[4:6], s[6:])
		case 6:
			return makeDate(raw, s[:4], s[4:], "")
		case 5:
			return serialDate(raw, s, date1904)
		case 4:
			return model.Date{}, yearOnlyError(raw, s)
		}
		return model.Date{}, unknownDateError(raw)
	}
	if whole, frac, ok := strings.Cut(s, "."); ok && isDigits(whole) && isDigits(frac) {
		switch {
		case len(whole) == 5:
			return serialDate(raw, whole, date1904) // a serial with a time of day
		case numeric && len(whole) == 4:
			return numericYearMonth(raw, s)
		}
	}
	sep := strings.IndexAny(s, ".-/")
	if sep < 0 {
		return model.Date{}, unknownDateError(raw)
	}
	parts := strings.Split(strings.TrimSuffix(s, s[sep:sep+1]), s[sep:sep+1])
	if len(parts) > 3 || len(parts[0]) != 4 {
		return model.Date{}, unknownDateError(raw)
	}
	for _, p := range parts {
		if p == "" || len(p) > 4 || !isDigits(p) {
			return model.Date{}, unknownDateError(raw)
		}
	}
	if len(parts) == 1 {
		return model.Date{}, yearOnlyError(raw, parts[0])
	}
	day := ""
	if len(parts) == 3 {
		day = parts[2]
	}
	return makeDate(raw, parts[0], parts[1], day)
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
	if len(s) > 10 && s[10] == 'T' && isDigits(s[:4]) {
		s = s[:10]
	}
	return strings.Join(strings.Fields(s), "")
}

// parseChineseDate reads 1985年3月, 1985年3月12日 (or 号), 1985年3月份.
func parseChineseDate(raw, s string) (model.Date, error) {
	y, rest, _ := strings.Cut(s, "年")
	if rest == "" {
		if isDigits(y) && len(y) == 4 {
			return model.Date{}, yearOnlyError(raw, y)
		}
		return model.Date{}, unknownDateError(raw)
	}
	m, rest, ok := strings.Cut(rest, "月")
	if !ok {
		return model.Date{}, unknownDateError(raw)
	}
	rest = strings.TrimSuffix(rest, "份")
	rest = strings.TrimSuffix(strings.TrimSuffix(rest, "日"), "号")
	if len(y) != 4 || !isDigits(y) || !isDigits(m) || len(m) > 2 || (rest != "" && (!isDigits(rest) || len(rest) > 2)) {
		return model.Date{}, unknownDateError(raw)
	}
	return makeDate(raw, y, m, rest)
}

// numericYearMonth reads 1985.03 stored as a number. Excel drops trailing
// zeros, so 1985.2 is February (there is no month 20) but 1985.1 may be
// January or October: that one is refused rather than guessed.
func numericYearMonth(raw, s string) (model.Date, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return model.Date{}, unknownDateError(raw)
	}
	hundredths := math.Round(v * 100)
	if math.Abs(v*100-hundredths) > 1e-6 {
		return model.Date{}, unknownDateError(raw)
	}
	year := int(hundredths) / 100
	month := int(hundredths) % 100
	switch {
	case month == 10:
		return model.Date{}, fmt.Errorf("日期%s存成了数字，分不清是 1 月还是 10 月，请把单元格设为文本后写成 %d.01 或 %d.10", quote(raw), year, year)
	case month%10 == 0:
		month /= 10
	}
	return checkDate(raw, model.MonthDate(year, time.Month(month)))
}

// serialDate reads an Excel date serial (whole days; a fraction is the time
// of day and is dropped).
func serialDate(raw, whole string, date1904 bool) (model.Date, error) {
	n, err := strconv.Atoi(whole)
	if err != nil {
		return model.Date{}, unknownDateError(raw)
	}
	epoch := excelEpoch1900
	if date1904 {
		epoch = excelEpoch1904
	} else if n < 61 {
		// before Excel's phantom 29 February 1900
		epoch = epoch.AddDate(0, 0, 1)
	}
	return checkDate(raw, model.DateOf(epoch.AddDate(0, 0, n)))
}

func makeDate(raw, y, m, d string) (model.Date, error) {
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
	date := model.MonthDate(year, time.Month(month))
	if d != "" {
		date.Day, _ = strconv.Atoi(d)
		if date.Day == 0 {
			return model.Date{}, unknownDateError(raw)
		}
	}
	return checkDate(raw, date)
}

// checkDate refuses dates that are not on the calendar, saying which part
// is wrong.
func checkDate(raw string, d model.Date) (model.Date, error) {
	if err := d.Validate(); err != nil {
		why := strings.TrimPrefix(err.Error(), model.ErrBadDate.Error())
		return model.Date{}, fmt.Errorf("日期%s不存在（%s）", quote(raw), strings.TrimPrefix(why, "："))
	}
	return d, nil
}

func unknownDateError(raw string) error {
	return fmt.Errorf("无法识别日期%s，请写成 1985-03-12、1985.03 或 1985年3月 这样的日期", quote(raw))
}

func yearOnlyError(raw, year string) error {
	return fmt.Errorf("日期%s只有年份，请写到月份，如 %s.03", quote(raw), year)
}

// quote puts typed text in Chinese quotes for a message, shortened so that
// a stray paragraph does not swamp the list of problems.
func quote(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 24 {
		s = string([]rune(s)[:24]) + "…"
	}
	return "“" + s + "”"
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
