package model

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Sex as recorded on the form.
type Sex string

const (
	SexMale   Sex = "男"
	SexFemale Sex = "女"
)

// Category is 人员类别: full or probationary member.
type Category string

const (
	CategoryFull         Category = "正式党员"
	CategoryProbationary Category = "预备党员"
)

// Standing is 党籍状态.
type Standing string

const (
	StandingNormal    Standing = "正常"
	StandingSuspended Standing = "停止党籍"
)

// Educations are the 学历 codes of the 2017 collection form, highest first.
var Educations = []string{"博士研究生", "硕士研究生", "大学", "大专", "中专", "职业高中", "技工学校", "普通高中", "初中", "小学", "其他"}

// Posts are the 工作岗位 entries that matter most for branches in non-public
// enterprises and social organisations; the field also takes free text.
var Posts = []string{
	"非公有制经济组织管理人员", "非公有制经济组织专业技术人员", "非公有制经济组织工勤技能人员", "农民工",
	"民办非企业单位管理人员", "民办非企业单位专业技术人员",
	"农牧渔民", "学生", "离退休人员", "其他",
}

// Member is one person on the roster (党员花名册): the 16 fields of the 2017
// collection form, notes, and where the member stands on the roster.
type Member struct {
	ID int64

	Name              string
	Sex               Sex
	Ethnicity         string // 民族
	IDNumber          string // 公民身份号码, normalised
	BirthDate         Date
	Education         string // 学历
	Category          Category
	BranchName        string // 所在党支部
	JoinDate          Date   // 加入党组织日期 (admitted as probationary member)
	FullDate          Date   // 转为正式党员日期
	Post              string // 工作岗位
	Phone             string
	Address           string
	Standing          Standing
	LostContact       bool   // 失联党员
	LostSince         Date   // 失联年月
	Mobile            bool   // 流动党员
	MobileDestination string // 外出流向
	Notes             string

	// ArrivedOn (到本支部日期) is when the member came onto this branch's
	// roster: the day they were added or imported (unless the import says
	// otherwise), or the date of their latest 转入 or 恢复党籍. Their time
	// without organisational life is not counted before it (Participation).
	ArrivedOn Date

	// DuesPaidTo is an imported roster's 党费已交至 (or 历史党费缴至): the
	// opening dues position the import sets (DuesOpening). It travels with
	// the record from the file to the plan only; it is not a field of the
	// record and is not stored with it.
	DuesPaidTo Month

	// OnRoster is false once an event (转出, 死亡, 出党, 停止党籍) took the
	// member off the active roster; LeftBy and LeftOn say which and when.
	OnRoster bool
	LeftBy   EventKind
	LeftOn   Date

	CreatedAt time.Time
	UpdatedAt time.Time
}

// NewMember returns an empty member as the add form starts it.
func NewMember() Member {
	return Member{Ethnicity: "汉族", Category: CategoryFull, Standing: StandingNormal, OnRoster: true}
}

// nameDots are the characters typed or pasted for the middle dot of a
// name in several parts (阿不都·热合曼): the bullet, the katakana middle
// dot, the full stop and others that look alike.
var nameDots = map[rune]bool{'•': true, '・': true, '･': true, '‧': true, '⋅': true, '∙': true, '．': true, '.': true, '⸱': true, '·': true, '\u0387': true}

// NormalizeName is a name as stored: one line (CleanLine), no spaces
// inside, and the dot between its parts the middle dot U+00B7 the ID card
// prints, whatever look-alike was typed (阿不都•热合曼 is 阿不都·热合曼), so
// that a search finds it.
func NormalizeName(s string) string {
	s = CleanLine(s)
	if strings.ContainsAny(s, " \u3000") {
		s = strings.Join(strings.Fields(s), "")
	}
	if !strings.ContainsFunc(s, func(r rune) bool { return nameDots[r] && r != '·' }) {
		return s
	}
	rs := []rune(s)
	for i, r := range rs {
		if nameDots[r] && i > 0 && i < len(rs)-1 && !unicode.IsDigit(rs[i-1]) && !unicode.IsDigit(rs[i+1]) {
			rs[i] = '·'
		}
	}
	return string(rs)
}

// Normalize tidies what a person typed or pasted: invisible characters and
// surrounding spaces (CleanText, CleanLine), spaces inside the name, the ID
// number's form (an old 15-digit number becomes its 18-digit form,
// UpgradeIDNumber), and fills birth date and sex from a valid ID number when
// they are empty.
func (m *Member) Normalize() {
	// A line break in 工作岗位 parts the unit from the post (某某公司
	// ⏎ 会计): a space, not the two run together (review s9-7 #8).
	m.Post = strings.ReplaceAll(CleanText(m.Post), "\n", " ")
	for _, s := range []*string{&m.Name, &m.Ethnicity, &m.Education, &m.BranchName, &m.Post, &m.Address, &m.MobileDestination} {
		*s = CleanLine(*s)
	}
	m.Notes = CleanText(m.Notes)
	m.Name = NormalizeName(m.Name)
	// As the importer reads it: a member typed in with 本科 and one
	// imported with 本科 are both 大学 (review s13-newuser #1).
	m.Education = NormalizeEducation(m.Education)
	m.Phone = NormalizePhone(m.Phone)
	m.IDNumber = StoredIDNumber(m.IDNumber)
	if info, err := ParseIDNumber(m.IDNumber); err == nil {
		if m.BirthDate.IsZero() || (m.BirthDate.MonthOnly() && m.BirthDate.Compare(info.Birth) == 0) {
			m.BirthDate = info.Birth
		}
		if m.Sex == "" {
			m.Sex = info.Sex
		}
	}
	if m.Standing == "" {
		m.Standing = StandingNormal
	}
	if !m.LostContact {
		m.LostSince = Date{}
	}
	if !m.Mobile {
		m.MobileDestination = ""
	}
}

// PartyAge is 党龄: whole years since becoming a full member. Probationary
// members have none yet (ok is false).
func (m *Member) PartyAge(today Date) (years int, ok bool) {
	if m.Category != CategoryFull || m.FullDate.IsZero() {
		return 0, false
	}
	return m.FullDate.YearsUntil(today), true
}

// Age is the member's age in whole years.
func (m *Member) Age(today Date) int { return m.BirthDate.YearsUntil(today) }

// NormalizePhone removes spaces and invisible characters (CleanText) and
// turns full-width digits into ASCII. A mobile number written in groups
// (137-1234-5678, 137.1234.5678, (137)1234-5678, or a number cell shown
// through the format 000-0000-0000) is stored as its 11 digits, as one
// written with spaces is; a landline keeps the dash after its area code.
//
// The international prefix is read one way however it is typed: 0086 (as
// dialled from a landline) is +86, so that the 11 digits of a mobile after
// it are checked too, and a landline after it keeps its own form with the
// trunk 0 (+86 0931-1234567 is 0931-1234567) (review s5-final attack #5).
func NormalizePhone(s string) string {
	s = normalizePhoneChars(s)
	if !strings.ContainsAny(s, phoneSeparators) {
		return normalizeOnePhone(s) // one number, the common case: no parts to allocate
	}
	if parts := phoneParts(s); len(parts) > 1 {
		// Several numbers ("13712345680/0931-8123456"): each read alone,
		// their separators kept as typed.
		var b strings.Builder
		at := 0
		for _, p := range parts {
			b.WriteString(s[at:p[0]])
			b.WriteString(normalizeOnePhone(s[p[0]:p[1]]))
			at = p[1]
		}
		b.WriteString(s[at:])
		return b.String()
	}
	return normalizeOnePhone(s)
}

// phoneSeparators are what a 联系电话 cell puts between two numbers.
const phoneSeparators = "/、，,；;"

// phoneParts are the byte ranges of the numbers in s between
// phoneSeparators, one range when there is one number.
func phoneParts(s string) [][2]int {
	var parts [][2]int
	start := 0
	for i, r := range s {
		if strings.ContainsRune(phoneSeparators, r) {
			parts = append(parts, [2]int{start, i})
			start = i + utf8.RuneLen(r)
		}
	}
	return append(parts, [2]int{start, len(s)})
}

// phoneNote splits a number from a note after it in brackets, as rosters
// write "13712345680(本人)" or "0931-8123456(办)": the note holds no digit.
func phoneNote(s string) (number, note string) {
	i := strings.LastIndexByte(s, '(')
	if i <= 0 || !strings.HasSuffix(s, ")") || strings.ContainsAny(s[i:], "0123456789") {
		return s, ""
	}
	return s[:i], s[i:]
}

// normalizeOnePhone is NormalizePhone of one number, its characters
// already normalised. An area code in brackets, as business cards print
// it — (010)87654321 — is the landline 010-87654321 (review s9-7 #4).
func normalizeOnePhone(s string) string {
	s, note := phoneNote(s)
	if rest, ok := strings.CutPrefix(s, "("); ok {
		if area, number, ok := strings.Cut(rest, ")"); ok && len(area) >= 3 && len(area) <= 4 && area[0] == '0' && IsDigits(area) {
			if number = strings.TrimLeft(number, "-"); number != "" && number[0] != '0' {
				s = area + "-" + number
			}
		}
	}
	return normalizeGroupedPhone(s) + note
}

func normalizeGroupedPhone(s string) string {
	if rest, ok := strings.CutPrefix(s, "0086"); ok {
		s = "+86" + rest
	}
	if rest, ok := strings.CutPrefix(s, "+86"); ok && strings.HasPrefix(strings.TrimLeft(rest, "-"), "0") {
		s = strings.TrimLeft(rest, "-")
	}
	grouped := strings.Map(func(r rune) rune {
		switch r {
		case '-', '.', '(', ')', '/':
			return -1
		}
		return r
	}, s)
	mobile := len(grouped) == 11 && grouped[0] == '1' ||
		len(grouped) == 14 && strings.HasPrefix(grouped, "+861") // +86 139-1234-5678, as contacts copy it
	if grouped != s && mobile && validPhone(grouped) {
		return grouped
	}
	return s
}

func normalizePhoneChars(s string) string {
	if isPhoneForm(s) {
		return s // the common case, nothing to change: no copy
	}
	var b strings.Builder
	for _, r := range CleanText(s) {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == '－' || r == '—' || r == '‐' || r == '‑' || r == '–':
			b.WriteByte('-')
		case r == '（':
			b.WriteByte('(')
		case r == '）':
			b.WriteByte(')')
		case r == '．':
			b.WriteByte('.')
		case r == '＋':
			b.WriteByte('+')
		case unicode.IsSpace(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPhoneForm reports whether s holds only what normalizePhoneChars keeps as
// it is: ASCII digits and - ( ) . + (a space it removes).
func isPhoneForm(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '-', c == '(', c == ')', c == '.', c == '+':
		default:
			return false
		}
	}
	return true
}

// validPhone accepts a mainland mobile number (11 digits starting 1[3-9]) or a
// landline with area code (0xx-xxxxxxx[x], the dash optional), with an
// optional extension.
//
// A cell may list several numbers (phoneSeparators), each with a note in
// brackets (13712345680(本人)): each must be a phone.
func validPhone(s string) bool {
	if !strings.ContainsAny(s, phoneSeparators) {
		number, _ := phoneNote(s)
		return validOnePhone(number)
	}
	for _, p := range phoneParts(s) {
		number, _ := phoneNote(strings.TrimSpace(s[p[0]:p[1]]))
		if !validOnePhone(number) {
			return false
		}
	}
	return true
}

func validOnePhone(s string) bool {
	if len(s) == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && IsDigits(s) {
		return true
	}
	if strings.HasPrefix(s, "+86") {
		return validOnePhone(strings.TrimPrefix(strings.TrimPrefix(s, "+86"), "-"))
	}
	main, _, _ := strings.Cut(s, "转")
	parts := strings.Split(main, "-")
	if len(parts) > 3 || !strings.HasPrefix(main, "0") {
		return false
	}
	digits := strings.Join(parts, "")
	for _, p := range parts {
		if p == "" || !IsDigits(p) {
			return false
		}
	}
	return len(digits) >= 10 && len(digits) <= 16
}

// Validate checks a member against the rules of the collection form and the
// recruiting rules. It returns every problem, each tied to its field, so a
// form can show the message next to the field.
func (m *Member) Validate(today Date, r Rules) ValidationErrors {
	var errs ValidationErrors
	addf := func(f Field, format string, args ...any) { errs = append(errs, Problem(f, format, args...)) }
	addErr := func(f Field, err error) { errs = append(errs, ErrProblem(f, err)) }

	if m.Name == "" {
		addf(FieldName, "请填写姓名")
	}
	for _, f := range []struct {
		field Field
		text  string
	}{
		{FieldName, m.Name}, {FieldEthnicity, m.Ethnicity}, {FieldBranchName, m.BranchName}, {FieldPost, m.Post},
		{FieldPhone, m.Phone}, {FieldAddress, m.Address}, {FieldMobileDestination, m.MobileDestination}, {FieldNotes, m.Notes},
	} {
		if t := contentTooLong(f.field, f.text); !t.IsZero() {
			errs = append(errs, FieldError{Field: f.field, Message: t.String(), Text: t})
		}
	}
	if m.Sex != SexMale && m.Sex != SexFemale {
		addf(FieldSex, "请选择性别（男/女）")
	}
	if m.Ethnicity != "" && tooLong(FieldEthnicity, "内容", m.Ethnicity) == "" && !KnownEthnicity(m.Ethnicity) {
		addf(FieldEthnicity, "%s不是民族名称，应填写如“汉族”（%s 所列的民族）", QuoteTyped(m.Ethnicity), CurrentEthnicities.Document)
	}

	// The ID number is the member's identity: imports match on it.
	birth := m.BirthDate
	if m.IDNumber == "" {
		addf(FieldIDNumber, "请填写公民身份号码")
	} else if info, err := ParseIDNumber(m.IDNumber); err != nil {
		addErr(FieldIDNumber, err)
	} else {
		if !m.BirthDate.IsZero() && m.BirthDate.Compare(info.Birth) != 0 {
			addf(FieldBirthDate, "出生日期 %s 与身份证号码中的 %s 不一致", m.BirthDate.String(), info.Birth.String())
		}
		if (m.Sex == SexMale || m.Sex == SexFemale) && m.Sex != info.Sex {
			addf(FieldSex, "性别与身份证号码不一致（号码第17位表示%s）", info.Sex)
		}
		birth = info.Birth
	}
	if !m.BirthDate.IsZero() && m.BirthDate.After(today) {
		addf(FieldBirthDate, "出生日期不能晚于今天")
	}

	switch m.Category {
	case CategoryFull, CategoryProbationary:
	default:
		addf(FieldCategory, "请选择人员类别（正式党员/预备党员）")
	}

	switch {
	case m.JoinDate.IsZero():
		addf(FieldJoinDate, "请填写加入党组织日期")
	case m.JoinDate.After(today):
		addf(FieldJoinDate, "加入党组织日期不能晚于今天")
	case !birth.IsZero() && m.JoinDate.Before(birth.AddYears(r.Membership.MinAge)):
		addf(FieldJoinDate, "加入党组织日期早于年满%d周岁（%s）", r.Membership.MinAge, birth.AddYears(r.Membership.MinAge).String())
	}

	switch {
	case m.Category == CategoryProbationary && !m.FullDate.IsZero():
		addf(FieldFullDate, "预备党员不应有转正日期；已转正请将人员类别改为正式党员")
	case m.Category == CategoryFull && m.FullDate.IsZero():
		addf(FieldFullDate, "正式党员请填写转为正式党员日期")
	case m.FullDate.IsZero():
	case m.FullDate.After(today):
		addf(FieldFullDate, "转正日期不能晚于今天")
	case !m.JoinDate.IsZero() && !m.FullDate.After(m.JoinDate):
		addf(FieldFullDate, "转正日期应晚于加入党组织日期")
	case !m.JoinDate.IsZero() && m.FullDate.Before(m.JoinDate.AddYears(r.Membership.ProbationYears)):
		addf(FieldFullDate, "转正日期早于预备期满（加入党组织满%d年，即 %s）", r.Membership.ProbationYears, m.JoinDate.AddYears(r.Membership.ProbationYears).String())
	}

	switch {
	case m.Phone == "" || validPhone(m.Phone):
	case m.Phone[0] == '1' && IsDigits(m.Phone):
		// A mobile with a digit too many or too few: the count says it,
		// for a number hard to count (full-width digits, review nu7-12).
		addf(FieldPhone, "联系电话格式不正确：手机号应为11位（现为%d位）", len(m.Phone))
	default:
		addf(FieldPhone, "联系电话格式不正确：手机号应为11位，座机应带区号（如 0931-8123456）")
	}
	if m.Standing != StandingNormal && m.Standing != StandingSuspended {
		addf(FieldStanding, "党籍状态应为“正常”或“停止党籍”")
	}
	if m.LostContact {
		switch {
		case m.LostSince.IsZero():
			addf(FieldLostSince, "失联党员请填写失联年月")
		case m.LostSince.After(today):
			addf(FieldLostSince, "失联年月不能晚于今天")
		}
	}
	if m.Mobile && m.MobileDestination == "" {
		addf(FieldMobileDestination, "流动党员请填写外出流向")
	}
	switch {
	case m.ArrivedOn.IsZero():
	case m.ArrivedOn.Validate() != nil:
		addErr(FieldArrivedOn, m.ArrivedOn.Validate())
	case m.ArrivedOn.After(today):
		addf(FieldArrivedOn, "到本支部日期不能晚于今天")
	case !m.JoinDate.IsZero() && m.JoinDate.Validate() == nil && m.ArrivedOn.Before(m.JoinDate):
		// One comes onto a branch's roster as a party member: at
		// admission at the earliest.
		addf(FieldArrivedOn, "到本支部日期 %s 早于加入党组织日期 %s", m.ArrivedOn.String(), m.JoinDate.String())
	}
	return errs
}
