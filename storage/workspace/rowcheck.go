package workspace

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
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
	profile := tooLongIn(s.profile.Validate(s.on, rules))
	p := &s.profile
	for _, f := range []struct{ what, text string }{
		{"单位名称", p.OrgName}, {"党支部名称", p.BranchName}, {"单位地址", p.OrgAddress}, {"书记", p.Secretary},
		{"党建指导员", p.InstructorName}, {"联系人", p.ContactName}, {"党建指导员电话", p.InstructorPhone}, {"联系电话", p.ContactPhone},
	} {
		profile = append(profile, lineProblems(f.what, f.text, maxProfileText)...)
	}
	if p.EmployeeCount < 0 {
		// The form refuses it, as Validate says; not a text limit.
		profile = append(profile, fmt.Sprintf("职工人数为 %d", p.EmployeeCount))
	}
	for i, c := range p.Committee {
		profile = append(profile, lineProblems(fmt.Sprintf("第%d位支委的姓名", i+1), c.Name, maxName)...)
		profile = append(profile, lineProblems(fmt.Sprintf("第%d位支委的职务", i+1), c.Role, maxName)...)
	}
	note("支部信息", profile)
	ids := map[string]int{} // StoredIDNumber → the first member holding it
	for i := range s.members {
		m := &s.members[i]
		var msgs []string
		if strings.TrimSpace(m.Name) == "" {
			msgs = append(msgs, "姓名为空")
		}
		msgs = append(msgs, tooLongIn(m.Validate(s.on, rules))...)
		for _, f := range []struct{ what, text string }{{"姓名", m.Name}, {"公民身份号码", m.IDNumber}, {"民族", m.Ethnicity}, {"学历", m.Education}} {
			msgs = append(msgs, lineProblems(f.what, f.text, maxProfileText)...)
		}
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
		} else if m.IDNumber != model.NormalizeIDNumber(m.IDNumber) {
			// The forms store it normalised: a trailing space, a
			// zero-width character or a lower-case x would hide a second
			// record of one person (review s5-11 attack #7).
			msgs = append(msgs, "公民身份号码含有空格、不可见字符、全角字符或小写x，不是本软件保存的形式")
		} else if id := model.StoredIDNumber(m.IDNumber); id != "" {
			if first, twice := ids[id]; twice {
				msgs = append(msgs, fmt.Sprintf("公民身份号码与党员第%d条（%s）的相同（同一人登记了两次）", first+1, shortName(s.members[first].Name)))
			} else {
				ids[id] = i
			}
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
	dues := model.CurrentDuesRules()
	for i := range s.register.Rows {
		r := &s.register.Rows[i]
		var msgs []string
		amounts := []model.Money{r.Monthly, r.YearDue, r.YearPaid, r.Extra}
		for _, c := range r.Months {
			amounts = append(amounts, c.Amount)
		}
		amounts = append(amounts, r.Due[:]...)
		for _, a := range amounts {
			if a < 0 || a > maxDuesAmount(dues) {
				msgs = append(msgs, fmt.Sprintf("金额 %s 元不合理", a))
				break
			}
		}
		note(fmt.Sprintf("党费登记第%d行（%s）", i+1, shortName(r.Name)), msgs)
	}
	for q, x := range s.balance.Quarters {
		if x.Collected < 0 || x.Remitted < 0 || x.Collected > maxQuarterAmount || x.Remitted > maxQuarterAmount {
			note(fmt.Sprintf("第%d季度党费", q+1), []string{fmt.Sprintf("收缴 %s 元、上缴 %s 元不合理", x.Collected, x.Remitted)})
		}
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

// Limits of the row check beyond the forms' TextLimits: a profile's text
// and a name no form takes longer (the forms' own limits are lower).
const (
	maxProfileText = 200
	maxName        = 50
	// maxQuarterAmount is more than any branch collects in a quarter
	// (100 million 元), and far from int64's end, so sums cannot wrap.
	maxQuarterAmount = model.Money(100_000_000_00)
)

// maxDuesAmount is the most one cell of the dues register may hold: a
// month's dues, a year's dues or the voluntary extra, each below what the
// forms take (the monthly base's and the extra's limits, a year of them).
func maxDuesAmount(r model.DuesRules) model.Money {
	return 12*r.MaxBase + r.MaxExtra
}

// lineProblems says what is wrong with text of a one-line field: control
// characters (a line break, ESC), direction overrides or isolates that
// reorder what is shown, more than limit characters.
func lineProblems(what, text string, limit int) []string {
	var out []string
	if !utf8.ValidString(text) {
		out = append(out, what+"含有无法识别的字节（不是UTF-8文字）")
	}
	for _, r := range text {
		if unshown(r) {
			out = append(out, what+"含有控制字符或改变文字方向的字符")
			break
		}
	}
	if n := utf8.RuneCountInString(text); n > limit {
		out = append(out, fmt.Sprintf("%s过长（%d个字）", what, n))
	}
	return out
}

// unshown is a character no field may hold: a control character (a line
// break, ESC), or a direction override or isolate that reorders what is
// shown.
func unshown(r rune) bool {
	return unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
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

// shortName is a name as a refusal quotes it: at most 12 characters, on
// one line, without bytes that are not text or characters that reorder it.
func shortName(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if unshown(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 12 {
		return s
	}
	return string([]rune(s)[:12]) + "…"
}
