package model

import (
	"testing"
	"time"
)

// The transfer letter writes 党费交至 and its validity in capitals (大写), so
// that a stroke cannot turn 叁 into 捌 as it can 3 into 8.
func TestCapitalYearMonth(t *testing.T) {
	months := []string{"壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾", "拾壹", "拾贰"}
	for i, want := range months {
		m := MonthOf(2026, time.Month(i+1))
		t.Run(m.String(), func(t *testing.T) {
			if got := CapitalYearMonth(m); got != "贰零贰陆年"+want+"月" {
				t.Errorf("CapitalYearMonth(%s) = %s, want 贰零贰陆年%s月", m, got, want)
			}
		})
	}
	for _, c := range []struct {
		m    Month
		want string
	}{
		{MonthOf(2000, 1), "贰零零零年壹月"},
		{MonthOf(2010, 10), "贰零壹零年拾月"},
		{MonthOf(2006, 12), "贰零零陆年拾贰月"},
		{MonthOf(1999, 9), "壹玖玖玖年玖月"},
		{MonthOf(2100, 11), "贰壹零零年拾壹月"},
	} {
		t.Run("years_with_0/"+c.m.String(), func(t *testing.T) {
			if got := CapitalYearMonth(c.m); got != c.want {
				t.Errorf("CapitalYearMonth(%s) = %s, want %s", c.m, got, c.want)
			}
		})
	}
}

func TestCapitalDays(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{10, "拾天"},
		{20, "贰拾天"},
		{30, "叁拾天"},
		{90, "玖拾天"},
		{1, "壹天"},
		{7, "柒天"},
		{15, "拾伍天"},
		{45, "肆拾伍天"},
		{60, "陆拾天"},
		{89, "捌拾玖天"},
	} {
		t.Run(c.want, func(t *testing.T) {
			if got := CapitalDays(c.n); got != c.want {
				t.Errorf("CapitalDays(%d) = %s, want %s", c.n, got, c.want)
			}
		})
	}
}

func TestCapitalNumber(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, "零"},
		{100, "壹佰"},
		{105, "壹佰零伍"},
		{110, "壹佰壹拾"},
		{1001, "壹仟零壹"},
		{1010, "壹仟零壹拾"},
		{2026, "贰仟零贰拾陆"},
		{9999, "玖仟玖佰玖拾玖"},
		{10000, "10000"}, // no form asks for one; written plainly
		{-1, "-1"},
	} {
		t.Run(c.want, func(t *testing.T) {
			if got := CapitalNumber(c.n); got != c.want {
				t.Errorf("CapitalNumber(%d) = %s, want %s", c.n, got, c.want)
			}
		})
	}
	if got := CapitalYear(2026); got != "贰零贰陆" {
		t.Errorf("CapitalYear(2026) = %s", got)
	}
}
