package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in 分 (0.01 元). It never passes through a float: sums,
// rates and rounding are done on integers.
type Money int64

// Yuan returns y 元 as Money.
func Yuan(y int64) Money { return Money(y * 100) }

// String prints the amount in 元 with two decimals: 81.00, -0.20.
func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// ErrBadMoney is wrapped by every amount that cannot be read.
var ErrBadMoney = errors.New("金额格式不正确")

// ParseMoney reads an amount in 元 as people type it: 5400, 5400.5, 5,400.00,
// ￥5400, 5400元. More than two decimals is refused rather than rounded, since
// the user meant something else.
func ParseMoney(s string) (Money, error) {
	t := halfWidthNumber(CleanText(s))
	t = strings.TrimPrefix(strings.TrimPrefix(t, "￥"), "¥")
	t = strings.TrimSuffix(t, "元")
	// 0.54万: the unit, not the decimals, is what is wrong (review s7-7
	// attack #9).
	if strings.HasSuffix(strings.TrimSpace(t), "万") {
		return 0, Errorf(ErrBadMoney, "%s带单位“万”，请写成以元为单位的金额，如 5400", QuoteTyped(s))
	}
	t = strings.ReplaceAll(strings.ReplaceAll(t, ",", ""), "，", "")
	t = strings.TrimSpace(t)
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	whole, frac, hasDot := strings.Cut(t, ".")
	if whole == "" && (!hasDot || frac == "") {
		return 0, Errorf(ErrBadMoney, "%s不是金额，请写成 5400 或 5400.50", QuoteTyped(s))
	}
	if len(frac) > 2 {
		return 0, Errorf(ErrBadMoney, "%s最多两位小数（分）", QuoteTyped(s))
	}
	if whole == "" {
		whole = "0"
	}
	if !IsDigits(whole) || (frac != "" && !IsDigits(frac)) || len(whole) > 13 {
		return 0, Errorf(ErrBadMoney, "%s不是金额，请写成 5400 或 5400.50", QuoteTyped(s))
	}
	y, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, Errorf(ErrBadMoney, "%s不是金额，请写成 5400 或 5400.50", QuoteTyped(s))
	}
	for len(frac) < 2 {
		frac += "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	v := Money(y*100 + f)
	if neg {
		v = -v
	}
	return v, nil
}

// Percent applies a rate given in basis points (1% = 100) and rounds half up
// to the 分, as the dues rules require.
func (m Money) Percent(basisPoints int64) Money {
	p := int64(m) * basisPoints
	if p >= 0 {
		return Money((p + 5000) / 10000)
	}
	return -Money((-p + 5000) / 10000)
}
