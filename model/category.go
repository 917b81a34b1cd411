package model

// CategoryFromDates works out 人员类别 for a record that does not say it,
// as rosters without that column leave it to be read from the dates: a
// member with a 转为正式党员日期 is a full member; one without it whose
// probation — r.ProbationYears from 加入党组织日期, plus the longest
// extension r.ProbationMaxExtensionMonths — has not yet ended on today is
// still probationary. A record whose probation ended even with the longest
// extension and that has no 转正 date cannot be told apart from a full
// member whose date is missing, so it gets a FieldError on FieldFullDate
// saying so. Without a 加入党组织日期 nothing can be worked out: ("", nil).
func CategoryFromDates(join, full, today Date, r MembershipRules) (Category, *FieldError) {
	switch {
	case !full.IsZero():
		return CategoryFull, nil
	case join.IsZero():
		return "", nil
	}
	latest := ProbationLatestEnd(join, r)
	if !latest.Before(today) {
		return CategoryProbationary, nil
	}
	// A Text, so that the English preview says it in English (review s8-7
	// newuser #2).
	t := Textf("没有人员类别，也没有转为正式党员日期：加入党组织日期 %s 起的预备期（%d年，最长延长%d个月）已于 %s 届满，应已转正，请填写转为正式党员日期（或填写人员类别）",
		join, r.ProbationYears, r.ProbationMaxExtensionMonths, latest)
	return "", &FieldError{Field: FieldFullDate, Message: t.String(), Text: t}
}

// ProbationLatestEnd is the last day probation counted from join can run,
// with the longest extension the rules allow.
func ProbationLatestEnd(join Date, r MembershipRules) Date {
	return join.AddYears(r.ProbationYears).AddMonths(r.ProbationMaxExtensionMonths)
}
