package model

import "strings"

// OfficerChecks questions a record whose 主持人 or 记录人 is marked 请假 or
// 缺席 on its own roll: the minutes then contradict themselves, which is
// what an inspector compares first (RULES §6, irregular minutes). A warning,
// not a refusal: a chair from outside the roll is not on it at all, so only
// a name the roll itself says was away is questioned (review s14-attack8
// #18). A field holding several names (段旭辉、尹龙军) is read name by name.
func (a *Activity) OfficerChecks() []Check {
	status := make(map[string]Attendance, len(a.Attendance))
	for _, r := range a.Attendance {
		if r.Status == OnLeave || r.Status == Absent {
			status[strings.TrimSpace(r.Name)] = r.Status
		}
	}
	if len(status) == 0 {
		return nil
	}
	var out []Check
	for _, o := range []struct {
		role  Field
		names string
	}{{ActivityChairField, a.Chair}, {ActivityRecorderField, a.Recorder}} {
		for _, name := range officerNames(o.names) {
			if st, ok := status[name]; ok {
				out = append(out, Check{Finding: Finding{Severity: Warning, About: AboutActivities}.Says(
					"%s%s在出席情况中为%s，请核对", Sentence(string(o.role)), name, Sentence(string(st)))})
			}
		}
	}
	return out
}

// officerNames splits a 主持人 or 记录人 field into the names it holds.
func officerNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '、', ',', '，', ';', '；', ' ', '　', '/':
			return true
		}
		return false
	})
}

// OfficerFindings are a saved record's OfficerChecks as findings for home
// and `check`, naming the record.
func (a *Activity) OfficerFindings() []Finding {
	var out []Finding
	for _, c := range a.OfficerChecks() {
		f := c.Finding.Says("%s的%s：%s", a.Date, a.TitleText(), c.Text)
		out = append(out, f)
	}
	return out
}
