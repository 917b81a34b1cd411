package model

// DuesYearsAhead is how many years past this one the dues bases and the
// dues register reach: next year's bases may be set ahead (the 党费
// window's year list offers it); a later year is a typing error, which the
// command line took silently (review s13-attack8 #14: --year 2099 meant
// 2026 stored fourteen bases for 2099 and left 2026 without any).
const DuesYearsAhead = 1

// CheckDuesYear refuses a dues year later than DuesYearsAhead past today's.
// The message names the last year allowed, not "明年", so that it stays
// true if DuesYearsAhead changes.
func CheckDuesYear(year int, today Date) error {
	if last := today.Year + DuesYearsAhead; year > last {
		return Errorf(ErrDues, "%d年晚于%d年，是否输错了年份？党费基数和党费台账最多只能填到%d年", year, last, last)
	}
	return nil
}
