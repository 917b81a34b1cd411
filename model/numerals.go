package model

import (
	"strconv"
	"strings"
)

// capitalDigits are the capital forms of 0–9 (大写数字) that forms use where
// a figure must not be altered by a stroke: 零壹贰叁肆伍陆柒捌玖.
var capitalDigits = [10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}

// capitalUnits are the capital place names for tens, hundreds and
// thousands.
var capitalUnits = [4]string{"", "拾", "佰", "仟"}

// CapitalNumber writes n (0–9999) in capital numerals as a quantity is
// written on a form: 拾 for 10 and 拾壹 for 11 at the head of the number
// (拾壹月, 拾伍天), 贰拾 and 叁拾 for round tens, 壹佰零伍 with 零 for an
// inner gap and 壹佰壹拾 for a ten after a hundred. A number out of range is
// written in Arabic digits: no form asks for one.
func CapitalNumber(n int) string {
	if n < 0 || n > 9999 {
		return strconv.Itoa(n)
	}
	if n == 0 {
		return capitalDigits[0]
	}
	var digits [4]int // thousands, hundreds, tens, ones
	for i, v := 3, n; i >= 0; i, v = i-1, v/10 {
		digits[i] = v % 10
	}
	var b strings.Builder
	started, gap := false, false
	for i, d := range digits {
		place := 3 - i
		if d == 0 {
			gap = started
			continue
		}
		if gap {
			b.WriteString(capitalDigits[0])
			gap = false
		}
		// 10–19 read 拾, 拾壹 … at the head of the number only.
		if !(d == 1 && place == 1 && !started) {
			b.WriteString(capitalDigits[d])
		}
		b.WriteString(capitalUnits[place])
		started = true
	}
	return b.String()
}

// CapitalYear writes a year digit by digit, as dates are written in
// capitals: 2026 → 贰零贰陆, 2000 → 贰零零零.
func CapitalYear(y int) string {
	s := strconv.Itoa(y)
	var b strings.Builder
	for _, r := range s {
		if r < '0' || r > '9' {
			return s
		}
		b.WriteString(capitalDigits[r-'0'])
	}
	return b.String()
}

// CapitalYearMonth writes a month in capitals as the transfer letter's
// 党费交至 asks: 2026年11月 → 贰零贰陆年拾壹月.
func CapitalYearMonth(m Month) string {
	return CapitalYear(m.Year()) + "年" + CapitalNumber(int(m.Mon())) + "月"
}

// CapitalDays writes a number of days in capitals, as the letter's
// validity (有效期): 30 → 叁拾天.
func CapitalDays(n int) string { return CapitalNumber(n) + "天" }
