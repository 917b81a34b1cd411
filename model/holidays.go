package model

import (
	"fmt"
	"sort"
	"time"
)

// DayKind says how the official calendar treats a day that differs from the
// usual week: a day off (放假) on a weekday, or a working day (调休上班) on a
// weekend.
type DayKind string

const (
	DayOff  DayKind = "放假"
	DayWork DayKind = "上班"
)

// HolidayDay is one day of the official calendar that is not as the week
// would have it.
type HolidayDay struct {
	Date Date
	Kind DayKind
	Name string // 春节, 国庆节 …
}

// HolidayYear is one year's State Council notice (国务院办公厅关于某年部分节假日
// 安排的通知): its days off and its weekend working days, and where it was read.
type HolidayYear struct {
	Year   int
	Source string
	Off    []HolidaySpan
	Work   []HolidaySpan // 调休: weekend days that are working days
}

// HolidaySpan is a run of days from From to To inclusive, for one festival.
type HolidaySpan struct {
	Name     string
	From, To Date
}

// OfficialHolidays are the notices the app ships with. A year missing here
// is added by the user in 设置 (HolidayCalendar.With) when its notice comes
// out, usually in November of the year before.
var OfficialHolidays = []HolidayYear{
	{
		Year: 2023, Source: "国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）",
		Off: []HolidaySpan{
			span("元旦", 2022, 12, 31, 2023, 1, 2), span("春节", 2023, 1, 21, 2023, 1, 27),
			span("清明节", 2023, 4, 5, 2023, 4, 5), span("劳动节", 2023, 4, 29, 2023, 5, 3),
			span("端午节", 2023, 6, 22, 2023, 6, 24), span("中秋节、国庆节", 2023, 9, 29, 2023, 10, 6),
		},
		Work: []HolidaySpan{
			span("春节", 2023, 1, 28, 2023, 1, 29), span("劳动节", 2023, 4, 23, 2023, 4, 23),
			span("劳动节", 2023, 5, 6, 2023, 5, 6), span("端午节", 2023, 6, 25, 2023, 6, 25),
			span("中秋节、国庆节", 2023, 10, 7, 2023, 10, 8),
		},
	},
	{
		Year: 2024, Source: "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）",
		Off: []HolidaySpan{
			span("元旦", 2024, 1, 1, 2024, 1, 1), span("春节", 2024, 2, 10, 2024, 2, 17),
			span("清明节", 2024, 4, 4, 2024, 4, 6), span("劳动节", 2024, 5, 1, 2024, 5, 5),
			span("端午节", 2024, 6, 10, 2024, 6, 10), span("中秋节", 2024, 9, 15, 2024, 9, 17),
			span("国庆节", 2024, 10, 1, 2024, 10, 7),
		},
		Work: []HolidaySpan{
			span("春节", 2024, 2, 4, 2024, 2, 4), span("春节", 2024, 2, 18, 2024, 2, 18),
			span("清明节", 2024, 4, 7, 2024, 4, 7), span("劳动节", 2024, 4, 28, 2024, 4, 28),
			span("劳动节", 2024, 5, 11, 2024, 5, 11), span("中秋节", 2024, 9, 14, 2024, 9, 14),
			span("国庆节", 2024, 9, 29, 2024, 9, 29), span("国庆节", 2024, 10, 12, 2024, 10, 12),
		},
	},
	{
		Year: 2025, Source: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
		Off: []HolidaySpan{
			span("元旦", 2025, 1, 1, 2025, 1, 1), span("春节", 2025, 1, 28, 2025, 2, 4),
			span("清明节", 2025, 4, 4, 2025, 4, 6), span("劳动节", 2025, 5, 1, 2025, 5, 5),
			span("端午节", 2025, 5, 31, 2025, 6, 2), span("国庆节、中秋节", 2025, 10, 1, 2025, 10, 8),
		},
		Work: []HolidaySpan{
			span("春节", 2025, 1, 26, 2025, 1, 26), span("春节", 2025, 2, 8, 2025, 2, 8),
			span("劳动节", 2025, 4, 27, 2025, 4, 27), span("国庆节、中秋节", 2025, 9, 28, 2025, 9, 28),
			span("国庆节、中秋节", 2025, 10, 11, 2025, 10, 11),
		},
	},
	{
		Year: 2026, Source: "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
		Off: []HolidaySpan{
			span("元旦", 2026, 1, 1, 2026, 1, 3), span("春节", 2026, 2, 15, 2026, 2, 23),
			span("清明节", 2026, 4, 4, 2026, 4, 6), span("劳动节", 2026, 5, 1, 2026, 5, 5),
			span("端午节", 2026, 6, 19, 2026, 6, 21), span("中秋节", 2026, 9, 25, 2026, 9, 27),
			span("国庆节", 2026, 10, 1, 2026, 10, 7),
		},
		Work: []HolidaySpan{
			span("元旦", 2026, 1, 4, 2026, 1, 4), span("春节", 2026, 2, 14, 2026, 2, 14),
			span("春节", 2026, 2, 28, 2026, 2, 28), span("劳动节", 2026, 5, 9, 2026, 5, 9),
			span("国庆节", 2026, 9, 20, 2026, 9, 20), span("国庆节", 2026, 10, 10, 2026, 10, 10),
		},
	},
}

func span(name string, y1 int, m1 time.Month, d1 int, y2 int, m2 time.Month, d2 int) HolidaySpan {
	return HolidaySpan{Name: name, From: NewDate(y1, m1, d1), To: NewDate(y2, m2, d2)}
}

// HolidayCalendar tells working days from days off: Monday to Friday work,
// the weekend rests, except where an official notice or the user's own entry
// says otherwise. The zero value knows no year.
type HolidayCalendar struct {
	days  map[Date]HolidayDay
	years map[int]string // year → source
}

// NewHolidayCalendar builds the calendar of the official notices plus the
// user's days (added in 设置 for a year the app does not ship with, or to
// correct one); a user's day overrides an official one on the same date.
// Every year that has at least one user day counts as known.
func NewHolidayCalendar(official []HolidayYear, user []HolidayDay) HolidayCalendar {
	c := HolidayCalendar{days: map[Date]HolidayDay{}, years: map[int]string{}}
	for _, y := range official {
		c.years[y.Year] = y.Source
		for _, s := range y.Off {
			c.addSpan(s, DayOff)
		}
		for _, s := range y.Work {
			c.addSpan(s, DayWork)
		}
	}
	for _, d := range user {
		c.days[d.Date] = d
		if _, ok := c.years[d.Date.Year]; !ok {
			c.years[d.Date.Year] = "用户在设置中录入"
		}
	}
	return c
}

// DefaultHolidayCalendar is the calendar of the official notices alone.
func DefaultHolidayCalendar() HolidayCalendar { return NewHolidayCalendar(OfficialHolidays, nil) }

func (c *HolidayCalendar) addSpan(s HolidaySpan, k DayKind) {
	for d := s.From; !d.After(s.To); d = d.AddDays(1) {
		c.days[d] = HolidayDay{Date: d, Kind: k, Name: s.Name}
	}
}

// Knows reports whether the calendar has the official days of year; for
// another year only weekends are known, and counts of working days are an
// estimate (see WorkingDays).
func (c HolidayCalendar) Knows(year int) bool {
	_, ok := c.years[year]
	return ok
}

// Source says where the year's days come from, "" if unknown.
func (c HolidayCalendar) Source(year int) string { return c.years[year] }

// Years lists the known years in order.
func (c HolidayCalendar) Years() []int {
	out := make([]int, 0, len(c.years))
	for y := range c.years {
		out = append(out, y)
	}
	sort.Ints(out)
	return out
}

// IsWorkingDay reports whether d is a working day.
func (c HolidayCalendar) IsWorkingDay(d Date) bool {
	if h, ok := c.days[d]; ok {
		return h.Kind == DayWork
	}
	wd := d.Time().Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// Day is the calendar's entry for d, if it has one.
func (c HolidayCalendar) Day(d Date) (HolidayDay, bool) {
	h, ok := c.days[d]
	return h, ok
}

// WorkingDays counts the working days from from to to, both included; 0 when
// to is before from. exact is false when a day in the range falls in a year
// the calendar does not know. Month-only dates count from the first and to
// the last day of their month.
func (c HolidayCalendar) WorkingDays(from, to Date) (n int, exact bool) {
	from, to = from.FirstDay(), to.LastDay()
	exact = true
	for d := from; !d.After(to); d = d.AddDays(1) {
		if !c.Knows(d.Year) {
			exact = false
		}
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n, exact
}

// AddWorkingDays is the n-th working day counted from from (from itself is
// the first if it is a working day): the last day of a notice of n working
// days that starts on from.
func (c HolidayCalendar) AddWorkingDays(from Date, n int) Date {
	d := from.FirstDay()
	for {
		if c.IsWorkingDay(d) {
			n--
			if n <= 0 {
				return d
			}
		}
		d = d.AddDays(1)
	}
}

// ValidateHolidayDay checks a day the user enters in 设置.
func ValidateHolidayDay(h HolidayDay) error {
	if err := ValidateHolidayDate(h.Date); err != nil {
		return err
	}
	if h.Kind != DayOff && h.Kind != DayWork {
		return fmt.Errorf("请选择“%s”或“%s”", DayOff, DayWork)
	}
	return nil
}

// ValidateHolidayDate refuses a holiday's date by itself: a full, real
// date (the form says it when the date is left, before a kind is chosen).
func ValidateHolidayDate(d Date) error {
	if d.IsZero() || d.MonthOnly() {
		return fmt.Errorf("请填写完整的日期（年-月-日）")
	}
	return d.Validate()
}

// AddDays moves a full date by n days.
func (d Date) AddDays(n int) Date {
	return DateOf(d.FirstDay().Time().AddDate(0, 0, n))
}

// FirstDay is the date itself, or the first of the month when only the month
// is known.
func (d Date) FirstDay() Date {
	if d.Day == 0 && !d.IsZero() {
		d.Day = 1
	}
	return d
}

// LastDay is the date itself, or the last of the month when only the month
// is known.
func (d Date) LastDay() Date {
	if d.Day == 0 && !d.IsZero() {
		d.Day = daysIn(d.Year, d.Month)
	}
	return d
}
