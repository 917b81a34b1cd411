package xlsx

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"branchledger/model"
)

// Excel counts days from 1899-12-30 (the 1900 system, which also counts a
// 29 February 1900 that never was).
var excelEpoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// cellDateError is a date cell that cannot be read as the date it shows:
// the row is refused, the rest of the sheet read on.
type cellDateError struct{ msg string }

func (e *cellDateError) Error() string { return e.msg }

func dateRefusal(format string, a ...any) error { return &cellDateError{fmt.Sprintf(format, a...)} }

var (
	// yearPointOne is 2003.1: typed as text it is January, but a number
	// cell keeps 2003.10 as 2003.1.
	yearPointOne = regexp.MustCompile(`^\d{4}\.1$`)
	// monthDayOnly is a date shown without its year: 6月15日, 6-15, 6/15.
	monthDayOnly = regexp.MustCompile(`^\d{1,2}(月\d{1,2}日?|[-/]\d{1,2})$`)
)

// cellDate reads a date cell as it shows (streamSheet): text and date
// cells alike go through model.ParseDate, the one parser the forms use
// too, so that "2008年6月" from a date cell formatted yyyy"年"m"月" is June
// 2008 to the month, exactly as the same text typed by hand, not the 1st
// of June Excel stores. What the text alone cannot tell is asked of the
// cell's type through excelize (sheetReader.numeric): 2003.1 in a number
// cell may be January or October, and is refused. The error is a
// *cellDateError for the cell, another for the sheet.
func cellDate(sr *sheetReader, col, row int, shown string) (model.Date, error) {
	switch {
	case shown == "":
		return model.Date{}, nil
	case yearPointOne.MatchString(shown):
		number, _, err := sr.numeric(col, row)
		if errors.Is(err, ErrTooLarge) {
			// The check cannot run: refused, not read unchecked.
			return model.Date{}, fmt.Errorf("%w；无法核对工作表“%s”第%d行的日期%s是数字还是文字（分不清 1 月还是 10 月），请把日期列设为文本后写成 %s.01 或 %s.10", err, sr.sheet, row, quote(shown), shown[:4], shown[:4])
		}
		if err != nil {
			return model.Date{}, err
		}
		if number {
			return model.Date{}, dateRefusal("日期%s存成了数字，分不清是 %s年1月还是10月（Excel 会把 %s0 存成 %s），请把单元格设为文本后写成 %s.01 或 %s.10",
				quote(shown), shown[:4], shown, shown, shown[:4], shown[:4])
		}
	case isDigits(shown) && len(shown) == 5:
		return model.Date{}, notADate(shown, sr.bk.date1904)
	case monthDayOnly.MatchString(shown):
		return model.Date{}, dateRefusal("日期%s只有月和日，没有年份（日期单元格只显示月日时，Excel 会自己补上当年）：请写成含年份的日期，如 1985-03-12", quote(shown))
	}
	d, err := model.ParseDate(shown)
	if err != nil {
		// A real date cell is a date whatever its format shows
		// (1/5/2026, 5-Jan-26, dd/mm/yyyy, a weekday and a month name):
		// its serial is read, to the day or the month its format shows.
		if d, ok, serr := dateCellSerial(sr, col, row); serr != nil || ok {
			return d, serr
		}
		return model.Date{}, dateRefusal("%s", err.Error())
	}
	return d, nil
}

// dateCellSerial reads a cell whose text is no date the parser knows as a
// date cell: a number (its raw value) in a number format that shows a
// date. ok is false for any other cell. The date is to the day when the
// format shows the day, else to the month; a format without the year is
// refused, as the text would be (Excel fills in the current year).
func dateCellSerial(sr *sheetReader, col, row int) (model.Date, bool, error) {
	raw, err := sr.value(col, row)
	if err != nil || !looksNumeric(raw) {
		return model.Date{}, false, err
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil || serial < 1 {
		return model.Date{}, false, nil
	}
	idx, err := sr.f.GetCellStyle(sr.sheet, sr.ref(col, row))
	if err != nil {
		return model.Date{}, false, sr.unreadable(row, err)
	}
	st, err := sr.f.GetStyle(idx)
	if err != nil || st == nil {
		return model.Date{}, false, nil
	}
	code := builtInDateFormats[st.NumFmt]
	if st.CustomNumFmt != nil {
		code = *st.CustomNumFmt
	}
	day, month, year := dateFormatParts(code)
	if !month {
		return model.Date{}, false, nil
	}
	epoch := excelEpoch1900
	if sr.bk.date1904 {
		epoch = excelEpoch1904
	}
	t := epoch.AddDate(0, 0, int(serial))
	d := model.DateOf(t)
	switch {
	case !year:
		return model.Date{}, true, dateRefusal("日期单元格只显示月和日，没有年份（Excel 会自己补上当年）：请写成含年份的日期，如 1985-03-12")
	case d.Validate() != nil:
		return model.Date{}, false, nil
	case !day:
		d = model.MonthDate(d.Year, d.Month)
	}
	return d, true, nil
}

// excelEpoch1904 is day 0 of a workbook in the 1904 date system (Mac Excel).
var excelEpoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)

// builtInDateFormats are the built-in number formats that show a date
// whose text the parser may not read (the locale's own are shown as
// Chinese dates already, shownOptions).
var builtInDateFormats = map[int]string{14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "m/d/yy h:mm"}

// dateFormatParts reports which parts of a date a number format code
// shows, reading only its first section and skipping quoted text,
// escaped characters and [bracketed] tags: d (day, not ddd or dddd, the
// weekday, alone), m (month; after h or before s it is minutes) and y or e
// (year).
func dateFormatParts(code string) (day, month, year bool) {
	code, _, _ = strings.Cut(code, ";")
	prev := byte(0) // the last date or time letter seen
	for i := 0; i < len(code); i++ {
		c := code[i] | 0x20
		switch code[i] {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			}
			continue
		case '\\', '_', '*':
			i++
			continue
		case '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				if tag := code[i+1 : i+j]; tag != "" && tag[0]|0x20 == 'h' {
					prev = 'h' // elapsed hours: [h]:mm is minutes
				}
				i += j
			}
			continue
		}
		n := 1
		for i+n < len(code) && code[i+n]|0x20 == c {
			n++
		}
		switch c {
		case 'd':
			day = day || n <= 2
		case 'y', 'e':
			year = true
		case 'm':
			next := strings.TrimLeft(code[i+n:], ":. ")
			if prev != 'h' && (next == "" || next[0]|0x20 != 's') {
				month = true
			}
		}
		if c >= 'a' && c <= 'z' {
			prev = c
		}
		i += n - 1
	}
	return day, month, year
}

// notADate refuses a five-digit number in a date column: a date serial
// shown as a number (a date cell whose format was lost), or a number that
// is not a date at all. Which it is the user can see once the cell is
// formatted as a date. The date a serial stands for depends on the
// workbook's date system (date1904: Mac Excel's).
func notADate(s string, date1904 bool) error {
	hint := ""
	if n, err := strconv.Atoi(s); err == nil {
		if d, err := serialDate(n, date1904); err == nil {
			hint = fmt.Sprintf("；若是日期（%s），请把单元格设为日期格式或直接写成 %s", d.Chinese(), d.String())
		}
	}
	return dateRefusal("单元格显示的是数字%s，不是日期%s", quote(s), hint)
}

// serialDate is the date of an Excel date serial, in the 1904 date system
// when date1904 (day 0 is 1904-01-01), else in the 1900 one.
func serialDate(n int, date1904 bool) (model.Date, error) {
	if n < 61 || n > 200000 {
		return model.Date{}, fmt.Errorf("serial %d out of range", n)
	}
	epoch := excelEpoch1900
	if date1904 {
		epoch = excelEpoch1904
	}
	d := model.DateOf(epoch.AddDate(0, 0, n))
	return d, d.Validate()
}

// quote puts typed text in Chinese quotes for a message (see model.QuoteTyped).
func quote(s string) string { return model.QuoteTyped(s) }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
