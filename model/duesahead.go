package model

// DuesYearsAhead is how many years past this one the dues bases and the
// dues register reach: next year's bases may be set ahead (the 党费
// window's year list offers it); a later year is a typing error, which the
// command line took silently (review s13-attack8 #14: --year 2099 meant
// 2026 stored fourteen bases for 2099 and left 2026 without any).
const DuesYearsAhead = 1

// CheckDuesYear refuses a dues year later than DuesYearsAhead past today's.
func CheckDuesYear(year int, today Date) error {
	if last := today.Year + DuesYearsAhead; year > last {
		return Errorf(ErrDues, "%d年晚于明年（%d年），是否输错了年份？党费基数和党费台账最多只能填到明年", year, last)
	}
	return nil
}
