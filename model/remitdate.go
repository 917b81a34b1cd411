package model

import "time"

// firstDay is the first day of the remittance's quarter: no day before it
// can remit what the quarter collects.
func (rm Remittance) firstDay() Date { return NewDate(rm.Year, time.Month((rm.Quarter-1)*3+1), 1) }
