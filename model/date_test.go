package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"", Date{}},
		{"  ", Date{}},
		{"1985-03-12", NewDate(1985, 3, 12)},
		{"1985-3-2", NewDate(1985, 3, 2)},
		{"1985-03", MonthDate(1985, 3)},
		{"1985.03", MonthDate(1985, 3)},
		{"1985.3", MonthDate(1985, 3)},
		{"2019.7.1", NewDate(2019, 7, 1)},
		{"1985.03.12", NewDate(1985, 3, 12)},
		{"1985/3/12", NewDate(1985, 3, 12)},
		{"1985/03", MonthDate(1985, 3)},
		{"19850312", NewDate(1985, 3, 12)},
		{"198503", MonthDate(1985, 3)},
		{"1985年3月", MonthDate(1985, 3)},
		{"1985年3月份", MonthDate(1985, 3)},
		{"1985年3月12日", NewDate(1985, 3, 12)},
		{"1985年3月12号", NewDate(1985, 3, 12)},
		{"1985 年 3 月 12 日", NewDate(1985, 3, 12)},
		{"１９８５．０３．１２", NewDate(1985, 3, 12)},
		{"2019/4/15 0:00:00", NewDate(2019, 4, 15)},
		{"2019-04-15T00:00:00Z", NewDate(2019, 4, 15)},
		{" 2000-02-29 ", NewDate(2000, 2, 29)},
		// A space between numbers separates them: never 2008-11 for
		// 2008 1 1 (review s5-7 attack #1).
		{"2008 1 1", NewDate(2008, 1, 1)},
		{"2008 1 2", NewDate(2008, 1, 2)},
		{"2008\u30001\u30001", NewDate(2008, 1, 1)},
		{"2008\u00a01\u00a01", NewDate(2008, 1, 1)},
		{"2008-1 2", NewDate(2008, 1, 2)},
		{"2008 6 1", NewDate(2008, 6, 1)},
		{"2008 06", MonthDate(2008, 6)},
		{"2008. 1. 2", NewDate(2008, 1, 2)},
		{"2008.1 2", NewDate(2008, 1, 2)},
		// The day said after a date written with points (review ra7 M3).
		{"2006.7.1日", NewDate(2006, 7, 1)},
		{"2006.07.01号", NewDate(2006, 7, 1)},
		{"2006-7-1日", NewDate(2006, 7, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseDateRefuses(t *testing.T) {
	tests := []struct{ in, says string }{
		{"1985-02-30", "2月没有 30 日"},
		{"1985-13", "没有 13 月"},
		{"1985", "只有年份"},
		{"1985年", "只有年份"},
		{"85.03", "无法识别"},
		{"31118", "无法识别"}, // an Excel serial is the importer's, read from the cell type
		{"昨天", "无法识别"},
		{"1985.3-12", "无法识别"},
		{"1850.03", "年份 1850 不合理"},
		{"1985-03-00", "无法识别"},
		{"2008 1 0", "无法识别"},
		// January, or October whose 0 Excel dropped: refused by every
		// field and importer alike (review s5-8 attack #5).
		{"1985.1", "分不清是 1985年1月还是10月"},
		{"２０２６．１", "分不清是 2026年1月还是10月"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %v, want an error", tt.in, got)
			}
			if !errors.Is(err, ErrBadDate) {
				t.Errorf("error %q does not wrap ErrBadDate", err)
			}
			if !strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), tt.in) {
				t.Errorf("error %q does not say %q about %q", err, tt.says, tt.in)
			}
		})
	}
}

func TestDateStringRoundTrip(t *testing.T) {
	for _, d := range []Date{NewDate(2001, 1, 9), MonthDate(1999, 12), {}} {
		got, err := ParseDate(d.String())
		if err != nil || got != d {
			t.Errorf("round trip of %v gave %v, %v", d, got, err)
		}
	}
}

func TestCompareWithMonthPrecision(t *testing.T) {
	tests := []struct {
		a, b Date
		want int
	}{
		{NewDate(2020, 5, 1), NewDate(2020, 5, 2), -1},
		{MonthDate(2020, 5), NewDate(2020, 5, 31), 0}, // cannot tell: not a breach
		{MonthDate(2020, 4), NewDate(2020, 5, 1), -1},
		{NewDate(2021, 1, 1), MonthDate(2020, 12), 1},
	}
	for _, tt := range tests {
		if got := tt.a.Compare(tt.b); got != tt.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestYearsUntil(t *testing.T) {
	tests := []struct {
		from, to Date
		want     int
	}{
		{NewDate(2000, 6, 15), NewDate(2018, 6, 14), 17},
		{NewDate(2000, 6, 15), NewDate(2018, 6, 15), 18},
		{NewDate(2000, 2, 29), NewDate(2018, 2, 28), 17},
		{MonthDate(2000, 6), NewDate(2018, 6, 1), 18},
		{NewDate(2020, 1, 1), NewDate(2019, 1, 1), 0},
	}
	for _, tt := range tests {
		if got := tt.from.YearsUntil(tt.to); got != tt.want {
			t.Errorf("%v.YearsUntil(%v) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestAddYearsOnLeapDay(t *testing.T) {
	if got := NewDate(2000, 2, 29).AddYears(18); got != NewDate(2018, 2, 28) {
		t.Errorf("18 years after 2000-02-29 = %v, want 2018-02-28", got)
	}
	if got := NewDate(2020, 1, 31).AddMonths(1); got != NewDate(2020, time.February, 29) {
		t.Errorf("a month after 2020-01-31 = %v, want 2020-02-29", got)
	}
}

func TestDateScanValue(t *testing.T) {
	var d Date
	if err := d.Scan("2019-09"); err != nil || d != MonthDate(2019, 9) {
		t.Fatalf("Scan month date: %v %v", d, err)
	}
	if v, _ := (Date{}).Value(); v != nil {
		t.Errorf("unknown date must be stored as NULL, got %v", v)
	}
	if err := d.Scan(nil); err != nil || !d.IsZero() {
		t.Errorf("NULL must scan as unknown date")
	}
}

// A date that needs its day asks for year, month and day when given text
// in no date form or a month alone, and says which part is wrong of a date
// not on the calendar.
func TestParseDay(t *testing.T) {
	for in, want := range map[string]string{
		"2月30日": "请写年月日", "2026.11": "请写年月日", "0000": "请写年月日", "abc": "请写年月日",
		"2026-02-30": "2026年2月没有 30 日",
	} {
		if _, err := ParseDay(in); err == nil || !strings.Contains(err.Error(), want) || !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseDay(%q) = %v, want %q", in, err, want)
		}
	}
	if d, err := ParseDay("２０２６年１１月３０日"); err != nil || d != NewDate(2026, 11, 30) {
		t.Errorf("ParseDay full-width = %v, %v", d, err)
	}
}

// Dates written in Chinese numerals, as 政审 and 档案 material write them,
// are the same dates as in Arabic digits, to the month when no day is
// given (review s7-7 attack #12); a numeral that is no month or day is
// refused as before.
func TestParseDateChineseNumerals(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Date
	}{
		{"二〇〇八年六月", MonthDate(2008, 6)},
		{"二零零八年六月一日", NewDate(2008, 6, 1)},
		{"二○○八年十月", MonthDate(2008, 10)},
		{"一九九九年十二月三十一日", NewDate(1999, 12, 31)},
		{"二〇〇九年十一月廿三日", NewDate(2009, 11, 23)},
		{"二〇〇九年二月廿日", NewDate(2009, 2, 20)},
		{"二〇一〇年一月卅一日", NewDate(2010, 1, 31)},
		{"二〇〇八年〇六月", MonthDate(2008, 6)},
		{"二〇〇八年六月十号", NewDate(2008, 6, 10)},
		{"二〇〇八年六月份", MonthDate(2008, 6)},
		{"二〇〇八 年 六 月", MonthDate(2008, 6)},
		{"2008年六月", MonthDate(2008, 6)},
		{"二〇〇八年6月15日", NewDate(2008, 6, 15)},
	} {
		got, err := ParseDate(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"二〇〇八年十三月", "二〇〇八年二月三十日", "二〇〇年六月", "二〇〇八年一十月", "二〇〇八年零月", "〇八年六月", "二〇〇八年六月四十日"} {
		if d, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %v, want refused", in, d)
		}
	}
}

// A date written with its year last gives its numbers in the order
// written; the importer decides which is the day (brief loud #1).
func TestYearLast(t *testing.T) {
	tests := []struct {
		in      string
		a, b, y int
		ok      bool
	}{
		{"15/6/2008", 15, 6, 2008, true},
		{"15.06.2008", 15, 6, 2008, true},
		{"05-06-2008", 5, 6, 2008, true},
		{"１５／６／２００８", 15, 6, 2008, true},
		{"15/6/2008 0:00:00", 15, 6, 2008, true},
		{"06/2008", 6, 0, 2008, true},
		{"2008/6/15", 0, 0, 0, false},
		{"15/6/08", 0, 0, 0, false},
		{"115/6/2008", 0, 0, 0, false},
		{"15/6", 0, 0, 0, false},
		{"15/6/2008/1", 0, 0, 0, false},
		{"1985.03", 0, 0, 0, false},
	}
	for _, tt := range tests {
		a, b, y, ok := YearLast(tt.in)
		if a != tt.a || b != tt.b || y != tt.y || ok != tt.ok {
			t.Errorf("YearLast(%q) = %d %d %d %v, want %d %d %d %v", tt.in, a, b, y, ok, tt.a, tt.b, tt.y, tt.ok)
		}
	}
}
