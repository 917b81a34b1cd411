package xlsx

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// cellDateError is a date cell that cannot be read as the date it shows:
// the row is refused, the rest of the sheet read on.
// Its sentence is a Text, for a window in another language.
type cellDateError struct {
	text model.Text
	// either are the two dates a text such as 05/06/2008 may be, day
	// first and month first, when nothing on the sheet settles which
	// (yearLastDate): a 出生日期's is settled by the ID number (birthByID).
	either [2]model.Date
}

func (e *cellDateError) Error() string { return e.text.String() }

func dateRefusal(format string, a ...any) error {
	return &cellDateError{text: model.Textf(format, a...)}
}

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
	switch disp, err := sr.display(col, row); {
	case err != nil:
		return model.Date{}, err
	case disp.unknown:
		return model.Date{}, dateRefusal("%s", conditionalFormatReason)
	case disp.section != nil:
		return sectionDate(sr, *disp.section)
	}
	if shown != "" && sr.shape != nil && sr.shape.isoDates[[2]int{col, row}] {
		// An ISO 8601 date cell shows what its format makes of it; excelize
		// shows it to the day.
		fd, p, err := sr.formattedDate(col, row)
		if errors.Is(err, ErrTooLarge) {
			return model.Date{}, fmt.Errorf("%w；无法核对工作表“%s”第%d行的日期单元格显示到日还是到月", err, sr.sheet, row)
		}
		if err != nil {
			return model.Date{}, err
		}
		if d, ok, err := precisionDate(shown, fd, p); ok {
			return d, err
		}
	}
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
	case model.IsDigits(shown) && len(shown) == 5:
		return model.Date{}, notADate(shown, sr.bk.date1904)
	case monthDayOnly.MatchString(shown):
		// A date cell decides by its format: 10/7 through yy/m is July
		// 2010; one whose format hides the year still holds one, which
		// the refusal gives to be checked (hiddenYear).
		if fd, p, err := sr.formattedDate(col, row); err == nil && fd.Validate() == nil {
			switch p {
			case showsDay:
				return fd, nil
			case showsMonth:
				return model.MonthDate(fd.Year, fd.Month), nil
			case showsNoYear:
				return model.Date{}, hiddenYear(shown, fd)
			}
		}
		return model.Date{}, dateRefusal("日期%s只有月和日，没有年份（日期单元格只显示月日时，Excel 会自己补上当年）：请写成含年份的日期，如 1985-03-12", quote(shown))
	}
	d, err := model.ParseDate(shown)
	if err == nil {
		return d, nil
	}
	// A real date cell is a date whatever its format shows (Jun-08,
	// 08年6月, 二○○八年六月, 1/5/2026, a weekday and a month name): its
	// serial is read, to the day or the month the format shows
	// (formattedDate). A sheet too large to load keeps the refusal of the
	// text: the row is refused, not read unchecked.
	fd, p, ferr := sr.formattedDate(col, row)
	if ferr != nil && !errors.Is(ferr, ErrTooLarge) {
		return model.Date{}, ferr
	}
	if d, ok, err := precisionDate(shown, fd, p); ok {
		return d, err
	}
	if a, b, y, ok := model.YearLast(shown); ok {
		return sr.yearLastDate(col, row, shown, a, b, y)
	}
	return model.Date{}, &cellDateError{text: errText(err)}
}

// dayMonthOrder is which of the two numbers before the year of a date
// written year last (15/6/2008) is the day.
type dayMonthOrder int

const (
	orderUnsaid dayMonthOrder = iota // 05/06/2008: either may be
	dayFirst                         // 15/6/2008, dd/mm/yyyy
	monthFirst                       // 6/15/2008, mm/dd/yyyy
)

// textOrder is the order the numbers a, b before the year say by
// themselves: one above 12 is the day.
func textOrder(a, b int) dayMonthOrder {
	switch {
	case a > 12 && b >= 1 && b <= 12:
		return dayFirst
	case b > 12 && a >= 1 && a <= 12:
		return monthFirst
	}
	return orderUnsaid
}

// yearLastDate reads a text date written with its year last, as rosters
// copied from other systems and typed by hand have it: 15/6/2008 and
// 15.06.2008 are the 15th of June (a number above 12 is the day), 6/2008
// June. Where both numbers could be the month (05/06/2008), the cell's own
// number format decides (a text cell formatted dd/mm/yyyy), else the
// order the sheet's other dates settle (yearLastOrder), else the row is
// refused asking for the year first: 5 June and 6 May are both dates a
// roster may hold, and guessing one stores a date the sheet does not say.
func (sr *sheetReader) yearLastDate(col, row int, shown string, a, b, year int) (model.Date, error) {
	check := func(d model.Date) (model.Date, error) {
		d, err := model.CheckTypedDate(shown, d)
		if err != nil {
			return model.Date{}, &cellDateError{text: errText(err)}
		}
		return d, nil
	}
	if b == 0 {
		return check(model.MonthDate(year, time.Month(a)))
	}
	order := textOrder(a, b)
	if order == orderUnsaid && a == b {
		order = dayFirst // the same date either way
	}
	if order == orderUnsaid {
		order = sr.cellOrder(col, row)
	}
	if order == orderUnsaid && sr.yearLast != orderUnsaid {
		order = sr.yearLast
		sr.settled = append(sr.settled, model.Textf("第%d行（%s）", row, quote(shown)))
	}
	dayFirstDate, monthFirstDate := model.NewDate(year, time.Month(b), a), model.NewDate(year, time.Month(a), b)
	switch order {
	case dayFirst:
		return check(dayFirstDate)
	case monthFirst:
		return check(monthFirstDate)
	}
	return model.Date{}, &cellDateError{text: model.Textf("日期%s分不清哪个数是日、哪个是月，可能是%s，也可能是%s：请照实写成年在前的日期（如 %s）后再导入",
		quote(shown), dayFirstDate, monthFirstDate, dayFirstDate.String()), either: [2]model.Date{dayFirstDate, monthFirstDate}}
}

// cellOrder is the order of day and month in the cell's own number
// format: a text cell formatted dd/mm/yyyy was typed to be read so.
// orderUnsaid for a cell without a date format, or one that cannot be
// asked (a sheet too large to load): the refusal stands then.
func (sr *sheetReader) cellOrder(col, row int) dayMonthOrder {
	if err := sr.load(); err != nil {
		return orderUnsaid
	}
	idx, err := sr.f.GetCellStyle(sr.sheet, sr.ref(col, row))
	if err != nil {
		return orderUnsaid
	}
	st, err := sr.f.GetStyle(idx)
	if err != nil || st == nil {
		return orderUnsaid
	}
	return formatOrder(numFmtCode(st))
}

// yearLastOrder is the order the dates of a sheet written year last keep,
// as the ones whose numbers settle it say (15/6/2008: the day first), with
// the first such text; orderUnsaid when none does, or they disagree.
func yearLastOrder(h header, rows []streamRow) (dayMonthOrder, string) {
	var said [3]string
	for _, r := range rows {
		if r.n < h.first+h.rows {
			continue
		}
		for _, c := range h.cols {
			if !dateFields[c.field] || c.part != "" {
				continue
			}
			t := cell(r.cells, c.index)
			if len(t) < 6 || !strings.ContainsAny(t, "./-／．－") {
				continue
			}
			if a, b, _, ok := model.YearLast(t); ok && b != 0 {
				if o := textOrder(a, b); o != orderUnsaid && said[o] == "" {
					said[o] = t
				}
			}
		}
	}
	switch {
	case said[dayFirst] != "" && said[monthFirst] == "":
		return dayFirst, said[dayFirst]
	case said[monthFirst] != "" && said[dayFirst] == "":
		return monthFirst, said[monthFirst]
	}
	return orderUnsaid, ""
}

// precisionDate is the date cell holding fd as its format shows it (p);
// ok is false when the cell is no valid date or its format shows none.
func precisionDate(shown string, fd model.Date, p datePrecision) (model.Date, bool, error) {
	switch {
	case fd.Validate() != nil:
	case p == showsDay:
		return fd, true, nil
	case p == showsMonth:
		return model.MonthDate(fd.Year, fd.Month), true, nil
	case p == showsNoYear:
		return model.Date{}, true, hiddenYear(shown, fd)
	case p == showsYear:
		// The cell holds a whole date but shows only its year: what the
		// person saw is a year, which says too little, and the month and
		// day they did not see are not taken on trust.
		return model.Date{}, true, dateRefusal("日期%s只有年份，请写到月份；单元格里存的日期是 %s：若无误，请把单元格格式改为显示年月的日期，或直接写成 %s", quote(shown), fd.String(), fd.String())
	}
	return model.Date{}, false, nil
}

// sectionDate reads a number cell that a conditional number format shows
// through another section than the first (sections.go): excelize's text
// of it is the first section's, and the section that applies says what
// the person saw. [<40000]yyyy"年"m"月";yyyy-mm-dd shows 40344 to the day.
func sectionDate(sr *sheetReader, sec shownSection) (model.Date, error) {
	d := sec.date(sr.bk.date1904)
	switch {
	case sec.p == notDateFormat || d.Validate() != nil:
		what := "数字"
		if _, err := strconv.ParseFloat(strings.ReplaceAll(sectionShown(sr, sec), ",", ""), 64); err != nil {
			what = ""
		}
		return model.Date{}, dateRefusal("单元格显示的是%s%s，不是日期（它的数字格式按数值大小分段显示，这个值落在不显示日期的一段）",
			what, quote(sectionShown(sr, sec)))
	case sec.p == showsDay:
		return d, nil
	case sec.p == showsMonth:
		return model.MonthDate(d.Year, d.Month), nil
	case sec.p == showsNoYear:
		return model.Date{}, hiddenYear(fmt.Sprintf("%d月%d日", int(d.Month), d.Day), d)
	}
	return model.Date{}, dateRefusal("日期%s只有年份，请写到月份；单元格里存的日期是 %s：若无误，请把单元格格式改为显示年月的日期，或直接写成 %s", quote(strconv.Itoa(d.Year)), d.String(), d.String())
}

// date is the date of the cell's serial; zero when it is none.
func (sec shownSection) date(date1904 bool) model.Date {
	if sec.value >= 1 {
		if t, err := excelize.ExcelDateToTime(sec.value, date1904); err == nil {
			return model.DateOf(t)
		}
	}
	return model.Date{}
}

// sectionShown is, near enough for a message, what the section of a
// conditional format shows of the cell (excelize's text is the first
// section's): the date to the day or the month, or the number.
func sectionShown(sr *sheetReader, sec shownSection) string {
	d := sec.date(sr.bk.date1904)
	switch {
	case d.Validate() != nil || sec.p == notDateFormat:
		if text := renderSection(sec.value, sec.code, sr.bk.date1904); text != "" {
			return text
		}
	case sec.p == showsDay:
		return d.String()
	case sec.p == showsMonth:
		return fmt.Sprintf("%d年%d月", d.Year, int(d.Month))
	case sec.p == showsNoYear:
		return fmt.Sprintf("%d月%d日", int(d.Month), d.Day)
	case sec.p == showsYear:
		return strconv.Itoa(d.Year)
	}
	return strconv.FormatFloat(sec.value, 'f', -1, 64)
}

// hiddenYear refuses a date cell whose number format shows the month and
// day only, giving the date it holds: its year may be the one Excel added
// when only the month and day were typed.
func hiddenYear(shown string, fd model.Date) error {
	return dateRefusal("日期%s只显示月和日，没有年份；单元格里存的日期是 %s（只输入月日时 Excel 会自己补上输入那年的年份，请核对）：若无误，请把单元格格式改为含年份的日期，或直接写成 %s",
		quote(shown), fd.String(), fd.String())
}

// notADate refuses a five-digit number in a date column: a date serial
// shown as a number (a date cell whose format was lost), or a number that
// is not a date at all. Which it is the user can see once the cell is
// formatted as a date. The date a serial stands for depends on the
// workbook's date system (date1904: Mac Excel's).
func notADate(s string, date1904 bool) error {
	if n, err := strconv.Atoi(s); err == nil {
		if d, err := serialDate(n, date1904); err == nil {
			return dateRefusal("单元格显示的是数字%s，不是日期；若是日期（%s），请把单元格设为日期格式或直接写成 %s", quote(s), d, d.String())
		}
	}
	return dateRefusal("单元格显示的是数字%s，不是日期", quote(s))
}

// serialDate is the date of an Excel date serial, in the workbook's date
// system (date1904: day 0 is 1904-01-01), as excelize reads date cells.
func serialDate(n int, date1904 bool) (model.Date, error) {
	if n < 61 || n > 200000 {
		return model.Date{}, fmt.Errorf("serial %d out of range", n)
	}
	t, err := excelize.ExcelDateToTime(float64(n), date1904)
	if err != nil {
		return model.Date{}, err
	}
	d := model.DateOf(t)
	return d, d.Validate()
}

// errText is err's sentence as a Text, as err.Error() says it: the
// model's Text when it has one (its kind before it: 日期格式不正确：…), else
// the sentence as it stands.
func errText(err error) model.Text {
	if t, ok := model.SentenceOf(err); ok {
		if t.String() == err.Error() {
			return t
		}
		if errors.Is(err, model.ErrBadDate) && model.ErrBadDate.Error()+"："+t.String() == err.Error() {
			return model.Textf("日期格式不正确：%s", t)
		}
		if errors.Is(err, model.ErrBadMoney) && model.ErrBadMoney.Error()+"："+t.String() == err.Error() {
			return model.Textf("金额格式不正确：%s", t)
		}
	}
	return model.Sentence(err.Error())
}

// quote puts typed text in Chinese quotes for a message (see model.QuoteTyped).
func quote(s string) string { return model.QuoteTyped(s) }
