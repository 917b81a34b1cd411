package model

import (
	"fmt"
	"strconv"
	"strings"
)

// The years a branch's records (activities, dues, transfers, plans) and the
// command line's --year can be of: from the founding of the PRC, with room
// ahead for a typing slip to be caught rather than stored. Dates of birth
// go further back (Date.Validate).
const (
	FirstRecordYear = 1949
	LastRecordYear  = 2200
)

// ValidRecordYear reports whether y can be the year of a branch's records.
func ValidRecordYear(y int) bool { return y >= FirstRecordYear && y <= LastRecordYear }

// ParseYear reads a year of records as typed: four digits, full-width ones
// too (２０２６), spaces around ignored. The error names what was typed.
func ParseYear(s string) (int, error) {
	t := halfWidthNumber(strings.TrimSpace(s))
	y, err := strconv.Atoi(t)
	if err != nil || !IsDigits(t) || !ValidRecordYear(y) {
		return 0, fmt.Errorf("年份%s不正确，应为 %d 至 %d 之间的四位数字，如 2026", QuoteTyped(s), FirstRecordYear, LastRecordYear)
	}
	return y, nil
}
