package workspace

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"branchledger/model"
)

// ErrBadRows: a package whose records break the rules the branch's own
// forms and imports enforce (a name of two million characters, a category
// 外星人, a date in the year 99999): not made by this app's forms, or
// changed since. Refused whole: the workspace holds nothing a branch could
// not have typed.
var ErrBadRows = errors.New("数据包中有不符合规则的记录（不是本软件录入的，或被改动过），没有导入")

// maxNamedProblems is how many bad records a refusal names.
const maxNamedProblems = 3

// checkRows checks the snapshot's records as the branch's own forms check
// them on entry (model's Validate of the profile, each member and each
// activity copied), as of the snapshot's day, and returns nil or one
// sentence naming the file and the first bad records.
func (s *snapshot) checkRows(path string) error {
	rules := model.CurrentRules()
	var problems []string
	total := 0
	note := func(what string, errs model.ValidationErrors) {
		if len(errs) == 0 {
			return
		}
		total++
		if len(problems) < maxNamedProblems {
			e := errs[0]
			msg := e.Message
			if label := e.Field.Label(); label != "" && label != string(e.Field) && !strings.Contains(msg, label) {
				msg = label + e.Message
				if !strings.HasPrefix(e.Message, "过长") && !strings.HasPrefix(e.Message, "内容") {
					msg = label + "：" + e.Message
				}
			}
			problems = append(problems, what+"："+msg)
		}
	}
	var profileErrs model.ValidationErrors
	for _, e := range s.profile.Validate(s.on, rules) {
		// A branch that has not filled in its names yet is a branch still
		// setting up (its findings say so), not a forged package.
		if (e.Field == model.ProfileBranchName || e.Field == model.ProfileOrgName) && strings.HasPrefix(e.Message, "请填写") {
			continue
		}
		profileErrs = append(profileErrs, e)
	}
	note("支部信息", profileErrs)
	byID := make(map[int64]*model.Member, len(s.members))
	for i := range s.members {
		m := &s.members[i]
		byID[m.ID] = m
		errs := m.Validate(s.on, rules)
		if !m.LeftOn.IsZero() {
			if err := m.LeftOn.Validate(); err != nil {
				errs = append(errs, model.FieldError{Message: "离开本支部的日期不正确：" + err.Error()})
			}
		}
		note(fmt.Sprintf("党员第%d条（%s）", i+1, shortName(m.Name)), errs)
	}
	for i := range s.activities {
		a := &s.activities[i]
		note(fmt.Sprintf("活动记录（%s %s）", a.Date, shortName(string(a.Kind))), a.Validate(s.on, byID))
	}
	if total == 0 {
		return nil
	}
	more := ""
	if total > len(problems) {
		more = fmt.Sprintf("等%d条", total)
	}
	return fmt.Errorf("%w：%s（%s%s）", ErrBadRows, path, strings.Join(problems, "；"), more)
}

// shortName is a name as a refusal quotes it: at most 12 characters.
func shortName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 12 {
		return s
	}
	return string([]rune(s)[:12]) + "…"
}
