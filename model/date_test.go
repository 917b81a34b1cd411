package model

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"1985-03-12", NewDate(1985, 3, 12), false},
		{"1985-3-2", NewDate(1985, 3, 2), false},
		{"1985-03", MonthDate(1985, 3), false},
		{"", Date{}, false},
		{"1985-02-30", Date{}, true},
		{"1985-13", Date{}, true},
		{"1985/03/12", Date{}, true},
		{"昨天", Date{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
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
