package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"branchledger/model"
)

// Excel counts days from 1899-12-30 (the 1900 system, which also counts a
// 29 February 1900 that never was) or from 1904-01-01 (old Mac workbooks).
var (
	excelEpoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	excelEpoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

// cellDateError is a date cell that cannot be read as the date it shows:
// the row is refused, the rest of the sheet read on.
type cellDateError struct{ msg string }

func (e *cellDateError) Error() string { return e.msg }

func dateRefusal(format string, a ...any) error { return &cellDateError{fmt.Sprintf(format, a...)} }

// readCellDate reads a date cell the way it shows. A cell stored as a
// number means what its number format makes of it, read through excelize's
// style API: a date format that shows year and month only ("2008年6月",
// 2008-06) gives a date to the month, exactly as the same text typed by
// hand; one that shows no year is refused, since Excel supplies the current
// year to "6月15日". A number in a number format (198503, 2008.06) is read as
// the text it shows; 2008.1 in General may be January or October with
// Excel's trailing zero dropped, and is refused. Text is read by
// model.ParseDate, the one parser the forms use too. shown is the cell as
// the user sees it, for messages; errors of type *cellDateError refuse the
// cell, others the sheet.
func readCellDate(sr *sheetReader, col, row int, text, raw string, date1904 bool) (d model.Date, shown string, err error) {
	if text == "" {
		return model.Date{}, "", nil
	}
	if looksNumeric(raw) {
		number, _, err := sr.numeric(col, row)
		if err != nil {
			return model.Date{}, "", err
		}
		if number {
			ds, err := sr.dateShown(col, row)
			if err != nil {
				return model.Date{}, "", err
			}
			if ds.date {
				return serialCellDate(raw, ds, date1904)
			}
			shown, err := sr.formatted(col, row)
			if err != nil {
				return model.Date{}, "", err
			}
			shown = model.CleanText(shown)
			d, err := numberCellDate(shown, ds.general)
			return d, shown, err
		}
	} else if sr.isDateType(col, row) {
		// t="d": an ISO 8601 date; the number format still decides the
		// precision shown.
		d, err := model.ParseDate(text)
		if err != nil {
			return model.Date{}, text, dateRefusal("%s", err.Error())
		}
		ds, err := sr.dateShown(col, row)
		if err != nil {
			return model.Date{}, "", err
		}
		return shownPrecision(d, ds, text)
	}
	return textDate(text)
}

// textDate reads a date typed as text.
func textDate(text string) (model.Date, string, error) {
	if isDigits(text) && len(text) == 5 {
		return model.Date{}, text, notADate(text)
	}
	d, err := model.ParseDate(text)
	if err != nil {
		return model.Date{}, text, dateRefusal("%s", err.Error())
	}
	return d, text, nil
}

// serialCellDate reads a number in a date format: its serial, to the parts
// the format shows.
func serialCellDate(raw string, ds dateShown, date1904 bool) (model.Date, string, error) {
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 1 || v > 200000 {
		return model.Date{}, raw, dateRefusal("日期单元格的值%s不是有效的日期", quote(raw))
	}
	d, err := serialDate(raw, strconv.Itoa(int(v)), date1904)
	if err != nil {
		return model.Date{}, raw, err
	}
	return shownPrecision(d, ds, d.String())
}

// shownPrecision keeps of a full date what the cell's format shows.
func shownPrecision(d model.Date, ds dateShown, fallback string) (model.Date, string, error) {
	switch {
	case ds.year && ds.month && ds.day:
		return d, d.String(), nil
	case ds.year && ds.month:
		m := model.MonthDate(d.Year, d.Month)
		return m, m.Chinese(), nil
	case !ds.year && (ds.month || ds.day):
		shown := fmt.Sprintf("%d月%d日", int(d.Month), d.Day)
		return model.Date{}, shown, dateRefusal("日期单元格只显示月和日（%s），没有年份：请把单元格格式改为含年份的日期，或写成 %d-%02d-%02d 这样的日期", shown, d.Year, int(d.Month), d.Day)
	case ds.year:
		shown := strconv.Itoa(d.Year)
		return model.Date{}, shown, dateRefusal("日期单元格只显示年份（%s）：请写到月份，如 %d.%02d", shown, d.Year, int(d.Month))
	}
	return model.Date{}, fallback, dateRefusal("单元格显示的是时间，不是日期：请填写日期，如 %s", d.String())
}

// numberCellDate reads a number shown by a number format (not a date) as
// the text it shows.
func numberCellDate(shown string, general bool) (model.Date, error) {
	if whole, frac, ok := strings.Cut(shown, "."); ok && general && len(whole) == 4 && isDigits(whole) && isDigits(frac) {
		return numericYearMonth(shown)
	}
	if isDigits(shown) && len(shown) == 5 {
		return model.Date{}, notADate(shown)
	}
	d, err := model.ParseDate(shown)
	if err != nil {
		return model.Date{}, dateRefusal("%s", err.Error())
	}
	return d, nil
}

// notADate refuses a five-digit number in a date column: a date serial
// shown as a number, or a number that is not a date at all. Which it is
// the user can see once the cell is formatted as a date.
func notADate(s string) error {
	hint := ""
	if n, err := strconv.Atoi(s); err == nil {
		if d, err := serialDate(s, strconv.Itoa(n), false); err == nil {
			hint = fmt.Sprintf("；若是日期（%s），请把单元格设为日期格式或直接写成 %s", d.Chinese(), d.String())
		}
	}
	return dateRefusal("单元格显示的是数字%s，不是日期%s", quote(s), hint)
}

// numericYearMonth reads 1985.03 stored as a number in General. Excel drops
// trailing zeros, so 1985.2 is February (there is no month 20) but 1985.1
// may be January or October: that one is refused rather than guessed.
func numericYearMonth(s string) (model.Date, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return model.Date{}, unknownDateError(s)
	}
	hundredths := math.Round(v * 100)
	if math.Abs(v*100-hundredths) > 1e-6 {
		return model.Date{}, unknownDateError(s)
	}
	year := int(hundredths) / 100
	month := int(hundredths) % 100
	switch {
	case month == 10:
		return model.Date{}, dateRefusal("日期%s存成了数字，分不清是 1 月还是 10 月，请把单元格设为文本后写成 %d.01 或 %d.10", quote(s), year, year)
	case month%10 == 0:
		month /= 10
	}
	d, err := checkDate(s, model.MonthDate(year, time.Month(month)))
	if err != nil {
		return model.Date{}, dateRefusal("%s", err.Error())
	}
	return d, nil
}

// serialDate reads an Excel date serial (whole days; a fraction is the time
// of day and is dropped).
func serialDate(raw, whole string, date1904 bool) (model.Date, error) {
	n, err := strconv.Atoi(whole)
	if err != nil || n < 0 || n > 200000 {
		return model.Date{}, unknownDateError(raw)
	}
	epoch := excelEpoch1900
	if date1904 {
		epoch = excelEpoch1904
	} else if n < 61 {
		// before Excel's phantom 29 February 1900
		epoch = epoch.AddDate(0, 0, 1)
	}
	d, err := checkDate(raw, model.DateOf(epoch.AddDate(0, 0, n)))
	if err != nil {
		return model.Date{}, dateRefusal("%s", err.Error())
	}
	return d, nil
}

// checkDate refuses dates that are not on the calendar, saying which part
// is wrong.
func checkDate(raw string, d model.Date) (model.Date, error) { return model.CheckTypedDate(raw, d) }

func unknownDateError(raw string) error {
	return dateRefusal("无法识别日期%s，请写成 1985-03-12、1985.03 或 1985年3月 这样的日期", quote(raw))
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
