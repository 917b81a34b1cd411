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

// parseCellDate reads a date the ways rosters type it — model.ParseDate, the
// one parser the forms use too (1985.03, 1985.3.12, 1985/03/12, 1985年3月,
// 19850312, 198503 …) — and what only a cell holds: Excel date serials (the
// raw value of a date-formatted cell) and year.month stored as a number.
// numeric says the cell was stored as a number, which decides how "1985.1"
// reads: typed as text it is January, but as a number it may be 1985.10
// with Excel's trailing zero dropped.
func parseCellDate(raw string, numeric, date1904 bool) (model.Date, error) {
	s := strings.TrimSpace(raw)
	if isDigits(s) && len(s) == 5 {
		return serialDate(raw, s, date1904)
	}
	if whole, frac, ok := strings.Cut(s, "."); ok && isDigits(whole) && isDigits(frac) {
		switch {
		case len(whole) == 5:
			return serialDate(raw, whole, date1904) // a serial with a time of day
		case numeric && len(whole) == 4:
			return numericYearMonth(raw, s)
		}
	}
	return model.ParseDate(raw)
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

// checkDate refuses dates that are not on the calendar, saying which part
// is wrong.
func checkDate(raw string, d model.Date) (model.Date, error) { return model.CheckTypedDate(raw, d) }

func unknownDateError(raw string) error {
	return fmt.Errorf("无法识别日期%s，请写成 1985-03-12、1985.03 或 1985年3月 这样的日期", quote(raw))
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
