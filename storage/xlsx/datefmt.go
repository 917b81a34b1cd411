package xlsx

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/xuri/nfp"

	"branchledger/model"
)

// A date cell is read from the text its number format makes of it
// (streamSheet, cellDate): 2008年6月 is June 2008 to the month, as typed.
// Formats whose text model.ParseDate does not read — a month name
// (Jun-08), a two-digit year (08年6月), Chinese numerals
// ([DBNum1] 二○○八年六月), month first (6/15/08), a weekday after the date
// — are read from the cell itself: its type and stored serial, and its
// number format through excelize's style API, whose date parts (parsed by
// excelize's own format parser, nfp) say what the person saw: the day, the
// month, only the year, or no year.

// datePrecision is what of a date a number format shows.
type datePrecision int

const (
	notDateFormat datePrecision = iota // a number, a time of day, text
	showsNoYear                        // 6月15日, 15-Jun: the year is not shown
	showsYear                          // the year alone
	showsMonth                         // year and month
	showsDay                           // year, month and day
)

// builtinDateFormats are the built-in number formats that show a date, as
// a Chinese Excel or WPS shows them (excelize's zh-CN table; 14 and 30 are
// the system short date, shownOptions). The others show a number, a time
// or text.
var builtinDateFormats = map[int]string{
	14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "m/d/yy hh:mm",
	27: `yyyy"年"m"月"`, 28: `m"月"d"日"`, 29: `m"月"d"日"`, 30: "yyyy-mm-dd", 31: `yyyy"年"m"月"d"日"`,
	36: `yyyy"年"m"月"`, 50: `yyyy"年"m"月"`, 51: `m"月"d"日"`, 52: `yyyy"年"m"月"`, 53: `m"月"d"日"`,
	54: `m"月"d"日"`, 57: `yyyy"年"m"月"`, 58: `m"月"d"日"`,
}

// formatPrecision is what of a date the number format code shows.
func formatPrecision(code string) datePrecision {
	p := nfp.NumberFormatParser()
	sections := p.Parse(code)
	if len(sections) == 0 {
		return notDateFormat
	}
	return sectionPrecision(sections[0])
}

// dateFormatParts reports which parts of a date a number format code
// shows, from the date and time parts excelize's format parser (nfp) finds
// in its first section (the one for positive numbers; quoted text, escaped
// characters and [tags] are not parts): y, e and b are the year
// (Gregorian, era, Buddhist), d and dd the day (ddd, dddd and aaa are
// weekdays), m and mm the month unless they follow an hour (h, [h]) or
// precede seconds (then minutes), mmm and longer the month.
func dateFormatParts(code string) (day, month, year bool) {
	p := nfp.NumberFormatParser()
	sections := p.Parse(code)
	if len(sections) == 0 {
		return false, false, false
	}
	return sectionDateParts(sections[0])
}

// sectionPrecision is what of a date one section of a number format shows
// (formatPrecision for the section that applies to a value, sections.go).
func sectionPrecision(sec nfp.Section) datePrecision {
	day, month, year := sectionDateParts(sec)
	switch {
	case year && month && day:
		return showsDay
	case year && month:
		return showsMonth
	case year:
		return showsYear
	case month || day:
		return showsNoYear
	}
	return notDateFormat
}

// sectionDateParts is dateFormatParts of one section.
func sectionDateParts(sec nfp.Section) (day, month, year bool) {
	var parts []string
	for _, t := range sec.Items {
		if t.TType == nfp.TokenTypeDateTimes || t.TType == nfp.TokenTypeElapsedDateTimes {
			if v := strings.ToLower(strings.Trim(t.TValue, "[]")); v != "" {
				parts = append(parts, v)
			}
		}
	}
	for i, v := range parts {
		switch v[0] {
		case 'y', 'e', 'b':
			year = true
		case 'd':
			day = day || len(v) <= 2
		case 'm':
			minute := len(v) <= 2 && ((i > 0 && parts[i-1][0] == 'h') || (i+1 < len(parts) && parts[i+1][0] == 's'))
			month = month || !minute
		}
	}
	return day, month, year
}

// formatOrder is whether a number format code shows the day or the month
// first (dd/mm/yyyy, d"日"m"月"yyyy"年": the day), orderUnsaid for one
// that shows no day and month.
func formatOrder(code string) dayMonthOrder {
	p := nfp.NumberFormatParser()
	sections := p.Parse(code)
	if len(sections) == 0 {
		return orderUnsaid
	}
	var parts []string
	for _, t := range sections[0].Items {
		if t.TType == nfp.TokenTypeDateTimes || t.TType == nfp.TokenTypeElapsedDateTimes {
			if v := strings.ToLower(strings.Trim(t.TValue, "[]")); v != "" {
				parts = append(parts, v)
			}
		}
	}
	for i, v := range parts {
		switch {
		case v[0] == 'd' && len(v) <= 2:
			return dayFirst
		case v[0] == 'm' && !(len(v) <= 2 && ((i > 0 && parts[i-1][0] == 'h') || (i+1 < len(parts) && parts[i+1][0] == 's'))):
			if slices.ContainsFunc(parts[i+1:], func(p string) bool { return p[0] == 'd' && len(p) <= 2 }) {
				return monthFirst
			}
			return orderUnsaid
		}
	}
	return orderUnsaid
}

// numFmtCode is the format code of a cell style: its custom code, or the
// code of its built-in format if that shows a date ("" otherwise).
func numFmtCode(st *excelize.Style) string {
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return builtinDateFormats[st.NumFmt]
}

// formattedDate reads the cell at (col, row) as a date cell: a number
// shown through a date format, or a cell of the date type. It gives the
// date, and what of it the format shows; notDateFormat for a text cell or
// a number in a number format (then the text it shows is all there is).
// The error is for a sheet that cannot be read on, or ErrTooLarge when the
// sheet cannot be loaded within the import's budget.
func (sr *sheetReader) formattedDate(col, row int) (model.Date, datePrecision, error) {
	if err := sr.load(); err != nil {
		return model.Date{}, notDateFormat, err
	}
	ref := sr.ref(col, row)
	typ, err := sr.f.GetCellType(sr.sheet, ref)
	if err != nil {
		return model.Date{}, notDateFormat, sr.unreadable(row, err)
	}
	raw, err := sr.f.GetCellValue(sr.sheet, ref, rawValues)
	if err != nil {
		return model.Date{}, notDateFormat, sr.unreadable(row, err)
	}
	var t time.Time
	switch typ {
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
		serial, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
		if err != nil || serial < 1 {
			return model.Date{}, notDateFormat, nil
		}
		if t, err = excelize.ExcelDateToTime(serial, sr.bk.date1904); err != nil {
			return model.Date{}, notDateFormat, nil
		}
	case excelize.CellTypeDate: // an ISO 8601 date cell (t="d")
		raw = strings.TrimSpace(raw)
		if t, err = time.Parse(time.RFC3339Nano, raw); err != nil {
			if t, err = time.Parse(time.DateOnly, raw[:min(len(raw), 10)]); err != nil {
				return model.Date{}, notDateFormat, nil
			}
		}
	default:
		return model.Date{}, notDateFormat, nil
	}
	idx, err := sr.f.GetCellStyle(sr.sheet, ref)
	if err != nil {
		return model.Date{}, notDateFormat, sr.unreadable(row, err)
	}
	st, err := sr.f.GetStyle(idx)
	if err != nil || st == nil {
		return model.Date{}, notDateFormat, nil
	}
	p := formatPrecision(numFmtCode(st))
	if p == notDateFormat && typ == excelize.CellTypeDate {
		p = showsDay // a cell typed as a date is one, whatever its format
	}
	return model.DateOf(t), p, nil
}
