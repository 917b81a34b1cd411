package workspace

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"branchledger/model"
)

// ErrBadRows: a package whose records hold what no form of the app can
// type (a name of two million characters, a category 外星人, a date in the
// year 99999): not made by this app, or changed since. Refused whole: the
// workspace holds nothing a branch could not have typed.
var ErrBadRows = errors.New("数据包中有不符合规则的记录（不是本软件录入的，或被改动过），没有导入")

// maxNamedProblems is how many bad records a refusal names.
const maxNamedProblems = 3

// checkRows checks the snapshot's records for what no form of the app lets
// a secretary type: text longer than the forms' limits (model's
// TextLimits, as Validate applies them), values outside the lists (sex,
// category, standing, activity kind), dates that cannot exist. It does not
// apply the rules about the records' sense (a vote count, a probation
// period, a phone number's format): those may have changed since the
// branch typed its records, and the branch's own findings report them. It
// returns nil or one sentence naming the file and the first bad records.
func (s *snapshot) checkRows(path string) error {
	rules := model.CurrentRules()
	var problems []string
	total := 0
	note := func(what string, msgs []string) {
		if len(msgs) == 0 {
			return
		}
		total++
		if len(problems) < maxNamedProblems {
			problems = append(problems, what+"："+msgs[0])
		}
	}
	note("支部信息", tooLongIn(s.profile.Validate(s.on, rules)))
	for i := range s.members {
		m := &s.members[i]
		var msgs []string
		if strings.TrimSpace(m.Name) == "" {
			msgs = append(msgs, "姓名为空")
		}
		msgs = append(msgs, tooLongIn(m.Validate(s.on, rules))...)
		if m.Sex != model.SexMale && m.Sex != model.SexFemale {
			msgs = append(msgs, fmt.Sprintf("性别“%s”不是男或女", shortName(string(m.Sex))))
		}
		if m.Category != model.CategoryFull && m.Category != model.CategoryProbationary {
			msgs = append(msgs, fmt.Sprintf("人员类别“%s”不是正式党员或预备党员", shortName(string(m.Category))))
		}
		if m.Standing != model.StandingNormal && m.Standing != model.StandingSuspended {
			msgs = append(msgs, fmt.Sprintf("党籍状态“%s”不是正常或停止党籍", shortName(string(m.Standing))))
		}
		if utf8.RuneCountInString(m.IDNumber) > maxIDNumber {
			msgs = append(msgs, fmt.Sprintf("公民身份号码有%d个字符", utf8.RuneCountInString(m.IDNumber)))
		}
		for _, d := range []struct {
			what string
			d    model.Date
		}{{"出生日期", m.BirthDate}, {"加入党组织日期", m.JoinDate}, {"转正日期", m.FullDate}, {"离开本支部日期", m.LeftOn}, {"到本支部日期", m.ArrivedOn}} {
			if !d.d.IsZero() && d.d.Validate() != nil {
				msgs = append(msgs, d.what+"不存在（"+d.d.Validate().Error()+"）")
			}
		}
		note(fmt.Sprintf("党员第%d条（%s）", i+1, shortName(m.Name)), msgs)
	}
	for i := range s.activities {
		a := &s.activities[i]
		var msgs []string
		if !slices.Contains(model.ActivityKinds, a.Kind) {
			msgs = append(msgs, fmt.Sprintf("活动类型“%s”不是本软件的", shortName(string(a.Kind))))
		}
		if a.Date.IsZero() || a.Date.Validate() != nil {
			msgs = append(msgs, "活动日期不存在")
		}
		msgs = append(msgs, tooLongIn(a.Validate(s.on, nil))...)
		note(fmt.Sprintf("活动记录第%d条（%s）", i+1, shortName(a.Topic)), msgs)
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

// maxIDNumber is more characters than any ID number a form takes (18, or a
// foreign document's number).
const maxIDNumber = 32

// tooLongIn is what errs says about text over the forms' limits, each with
// its field's name: Validate's other rules are left to the findings.
func tooLongIn(errs model.ValidationErrors) []string {
	var out []string
	for _, e := range errs {
		if strings.Contains(e.Message, "过长") {
			out = append(out, e.Field.Label()+"："+e.Message)
		}
	}
	return out
}

// shortName is a name as a refusal quotes it: at most 12 characters.
func shortName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 12 {
		return s
	}
	return string([]rune(s)[:12]) + "…"
}
