package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// An instructor (党建指导员) keeps a list of the organisations in the area
// (单位名录): every non-public enterprise and social organisation, with or
// without a party organisation, and how each is covered. Coverage figures
// are computed from it (coverage.go), never typed.

// OrgScale is 规上 / 规下: above or below the statistical size threshold
// (规模以上企业).
type OrgScale string

const (
	ScaleAbove OrgScale = "规上"
	ScaleBelow OrgScale = "规下"
)

// OrgScales in the order forms offer them.
var OrgScales = []OrgScale{ScaleAbove, ScaleBelow}

// OrgTypes are the kinds of "两新" organisation, in the order forms offer them.
var OrgTypes = []OrgType{OrgEnterprise, OrgSocial}

// PartyCoverage is how an organisation is covered by a party organisation
// (党的组织覆盖).
type PartyCoverage string

const (
	CoveredOwn   PartyCoverage = "单独组建" // a branch (or higher) of its own
	CoveredJoint PartyCoverage = "联合组建" // part of a joint branch (联合党支部)
	NotCovered   PartyCoverage = "未建"   // no party organisation
)

// PartyCoverages in the order forms offer them.
var PartyCoverages = []PartyCoverage{CoveredOwn, CoveredJoint, NotCovered}

// HasOrganisation reports whether the coverage is a party organisation
// (单独组建 or 联合组建).
func (c PartyCoverage) HasOrganisation() bool { return c == CoveredOwn || c == CoveredJoint }

// UncoveredReason says why an organisation has no party organisation.
type UncoveredReason string

const (
	ReasonEligible  UncoveredReason = "符合条件未建"   // enough full members, not yet formed
	ReasonTooFew    UncoveredReason = "有党员不符合条件" // members, but too few full members
	ReasonNoMembers UncoveredReason = "无党员"
)

// UncoveredReasons in the order forms offer them.
var UncoveredReasons = []UncoveredReason{ReasonEligible, ReasonTooFew, ReasonNoMembers}

// WorkCoverage is who carries party work into an organisation without a
// party organisation (党的工作覆盖).
type WorkCoverage string

const (
	WorkNone       WorkCoverage = ""
	WorkInstructor WorkCoverage = "党建指导员"
	WorkUnion      WorkCoverage = "工会"
	WorkLeague     WorkCoverage = "团组织"
)

// WorkCoverages in the order forms offer them (WorkNone first: 无).
var WorkCoverages = []WorkCoverage{WorkNone, WorkInstructor, WorkUnion, WorkLeague}

// Organisation is one line of the instructor's organisation list.
type Organisation struct {
	ID         int64
	Name       string
	CreditCode string // 统一社会信用代码 (GB 32100-2015), 18 characters, "" if not known
	Type       OrgType
	Scale      OrgScale // enterprises; "" for social organisations
	Staff      int      // 从业人员
	// FullMembers is the number of full members (正式党员) working in the
	// organisation, as the instructor knows it: what decides whether it
	// should have a branch of its own (RULES.md §1).
	FullMembers int
	Coverage    PartyCoverage
	Reason      UncoveredReason // when NotCovered
	Work        WorkCoverage    // when NotCovered
	Instructor  string          // 党建指导员
	Notes       string
}

// Organisation list fields, for headings, form labels and messages.
const (
	OrgFieldName        Field = "org_name"
	OrgFieldCreditCode  Field = "org_credit_code"
	OrgFieldType        Field = "org_type"
	OrgFieldScale       Field = "org_scale"
	OrgFieldStaff       Field = "org_staff"
	OrgFieldFullMembers Field = "org_full_members"
	OrgFieldCoverage    Field = "org_coverage"
	OrgFieldReason      Field = "org_reason"
	OrgFieldWork        Field = "org_work"
	OrgFieldInstructor  Field = "org_instructor"
	OrgFieldNotes       Field = "org_notes"
)

// OrgFields are the columns of the organisation list, in the order of the
// printed list and the import template; the aliases are headings other
// lists use.
var OrgFields = []FieldInfo{
	{OrgFieldName, "单位名称", []string{"单位全称", "企业名称", "组织名称", "名称"}, 26},
	{OrgFieldCreditCode, "统一社会信用代码", []string{"信用代码", "社会信用代码", "统一代码"}, 21},
	{OrgFieldType, "单位类型", []string{"类型", "单位类别", "类别"}, 9},
	{OrgFieldScale, "规模", []string{"规上规下", "规上/规下", "是否规上", "企业规模"}, 6},
	{OrgFieldStaff, "从业人员数", []string{"从业人员", "职工人数", "员工人数", "职工数", "人数"}, 8},
	{OrgFieldFullMembers, "正式党员数", []string{"正式党员", "党员人数", "党员数"}, 8},
	{OrgFieldCoverage, "党组织覆盖", []string{"组织覆盖", "覆盖方式", "组建情况", "党组织组建情况", "组建方式", "组建形式",
		"党组织组建方式", "党组织组建形式", "党组织建立情况", "建立党组织情况", "是否建立党组织", "党组织覆盖情况", "党组织覆盖方式"}, 10},
	{OrgFieldReason, "未建原因", []string{"未组建原因", "原因"}, 14},
	{OrgFieldWork, "工作覆盖", []string{"工作覆盖方式", "党的工作覆盖"}, 10},
	{OrgFieldInstructor, "党建指导员", []string{"指导员"}, 9},
	{OrgFieldNotes, "备注", []string{"说明"}, 14},
}

var orgFieldIndex = func() map[Field]*FieldInfo {
	m := make(map[Field]*FieldInfo, len(OrgFields))
	for i := range OrgFields {
		m[OrgFields[i].Field] = &OrgFields[i]
	}
	return m
}()

// OrgField returns the description of an organisation list field.
func OrgField(f Field) (FieldInfo, bool) {
	fi, ok := orgFieldIndex[f]
	if !ok {
		return FieldInfo{}, false
	}
	return *fi, true
}

// Text is the organisation's value of field f as the list shows it.
func (o *Organisation) Text(f Field) string {
	switch f {
	case OrgFieldName:
		return o.Name
	case OrgFieldCreditCode:
		return o.CreditCode
	case OrgFieldType:
		return string(o.Type)
	case OrgFieldScale:
		return string(o.Scale)
	case OrgFieldStaff:
		return strconv.Itoa(o.Staff)
	case OrgFieldFullMembers:
		return strconv.Itoa(o.FullMembers)
	case OrgFieldCoverage:
		return string(o.Coverage)
	case OrgFieldReason:
		return string(o.Reason)
	case OrgFieldWork:
		return string(o.Work)
	case OrgFieldInstructor:
		return o.Instructor
	case OrgFieldNotes:
		return o.Notes
	}
	return ""
}

// SetText sets field f from text as typed or read from a workbook, with the
// usual spellings (社会团体 → 社会组织, 规模以上 → 规上, 否/无 → no work
// coverage); a value it cannot read comes back as a FieldError.
func (o *Organisation) SetText(f Field, text string) *FieldError {
	v := CleanLine(text)
	bad := func(msg string) *FieldError { return &FieldError{Field: f, Message: msg} }
	switch f {
	case OrgFieldName:
		o.Name = v
	case OrgFieldCreditCode:
		code := strings.ToUpper(foldCreditCode(v))
		if scientific.MatchString(code) {
			// A cell typed as a number: Excel keeps 15 digits, so the code's
			// last ones are gone (review s4-11 attack #6).
			return bad(fmt.Sprintf("单元格里是一个数字（%s），不是18位的代码：Excel 把长数字只保留15位，代码的末几位已经丢了；请把这一列设为“文本”格式，再重新输入代码", v))
		}
		o.CreditCode = code
	case OrgFieldType:
		t, ok := orgTypeAliases[headingless(v)]
		if !ok && v != "" {
			return bad(fmt.Sprintf("“%s”不是单位类型，应为 非公企业 或 社会组织", v))
		}
		o.Type = t
	case OrgFieldScale:
		s, ok := scaleAliases[headingless(v)]
		if !ok && v != "" {
			return bad(fmt.Sprintf("“%s”应为 规上 或 规下", v))
		}
		o.Scale = s
	case OrgFieldStaff, OrgFieldFullMembers:
		n := 0
		if v != "" {
			var err error
			if n, err = strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(v, "人"), ".0")); err != nil || n < 0 {
				return bad(fmt.Sprintf("“%s”不是人数", v))
			}
		}
		if f == OrgFieldStaff {
			o.Staff = n
		} else {
			o.FullMembers = n
		}
	case OrgFieldCoverage:
		c, ok := coverageAliases[headingless(v)]
		if !ok && v != "" {
			return bad(fmt.Sprintf("“%s”应为 单独组建、联合组建 或 未建", v))
		}
		o.Coverage = c
	case OrgFieldReason:
		r, ok := reasonAliases[headingless(v)]
		if !ok && v != "" {
			return bad(fmt.Sprintf("“%s”应为 符合条件未建、有党员不符合条件 或 无党员", v))
		}
		o.Reason = r
	case OrgFieldWork:
		w, ok := workAliases[headingless(v)]
		if !ok {
			return bad(fmt.Sprintf("“%s”应为 党建指导员、工会、团组织 或 空", v))
		}
		o.Work = w
	case OrgFieldInstructor:
		o.Instructor = v
	case OrgFieldNotes:
		o.Notes = CleanText(text)
	}
	return nil
}

// scientific is a number as a spreadsheet shows a long one: 9.16201006604876E+17.
var scientific = regexp.MustCompile(`^[0-9](\.[0-9]+)?E\+?[0-9]+$`)

// headingless is a value compared without spaces and brackets.
func headingless(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(" \t（）()【】[]", r) {
			return -1
		}
		return r
	}, s)
}

var (
	orgTypeAliases = map[string]OrgType{
		"非公企业": OrgEnterprise, "非公有制企业": OrgEnterprise, "企业": OrgEnterprise, "非公有制经济组织": OrgEnterprise, "民营企业": OrgEnterprise,
		"社会组织": OrgSocial, "社会团体": OrgSocial, "社团": OrgSocial, "民办非企业单位": OrgSocial, "民非": OrgSocial, "基金会": OrgSocial, "社会服务机构": OrgSocial,
	}
	scaleAliases = map[string]OrgScale{
		"规上": ScaleAbove, "规模以上": ScaleAbove, "是": ScaleAbove, "规上企业": ScaleAbove,
		"规下": ScaleBelow, "规模以下": ScaleBelow, "否": ScaleBelow, "规下企业": ScaleBelow,
	}
	coverageAliases = map[string]PartyCoverage{
		"单独组建": CoveredOwn, "单建": CoveredOwn, "独立组建": CoveredOwn,
		"联合组建": CoveredJoint, "联建": CoveredJoint, "联合党支部": CoveredJoint,
		"未建": NotCovered, "未组建": NotCovered, "无": NotCovered, "否": NotCovered,
	}
	reasonAliases = map[string]UncoveredReason{
		"符合条件未建": ReasonEligible, "具备条件未建": ReasonEligible,
		"有党员不符合条件": ReasonTooFew, "有党员但不具备条件": ReasonTooFew, "有党员不具备条件": ReasonTooFew, "党员不足3名": ReasonTooFew,
		"无党员": ReasonNoMembers, "没有党员": ReasonNoMembers,
	}
	workAliases = map[string]WorkCoverage{
		"": WorkNone, "无": WorkNone, "否": WorkNone, "未覆盖": WorkNone,
		"党建指导员": WorkInstructor, "指导员": WorkInstructor, "选派党建指导员": WorkInstructor,
		"工会": WorkUnion, "团组织": WorkLeague, "共青团": WorkLeague, "团支部": WorkLeague,
	}
)

// Validate checks one line of the organisation list: a name, a valid
// credit code if there is one, a type, and a coverage whose details agree
// (a reason for 未建 and none otherwise; work coverage only for 未建).
func (o *Organisation) Validate(r BranchWorkRules) ValidationErrors {
	var errs ValidationErrors
	add := func(f Field, msg string) { errs = append(errs, FieldError{Field: f, Message: msg}) }
	if o.Name == "" {
		add(OrgFieldName, "请填写单位名称")
	}
	for _, t := range []struct {
		f    Field
		text string
	}{{OrgFieldName, o.Name}, {OrgFieldInstructor, o.Instructor}, {OrgFieldNotes, o.Notes}} {
		if e, ok := tooLongProblem(t.f, nil, t.text); ok {
			errs = append(errs, e)
		}
	}
	// A count typed negative or beyond any organisation (a stray digit, a
	// value pasted into the wrong column) is refused naming its field
	// (review s5-11 attack #5): the import and the form check it, and so
	// does a save by any other way.
	for _, c := range []struct {
		f Field
		n int
	}{{OrgFieldStaff, o.Staff}, {OrgFieldFullMembers, o.FullMembers}} {
		if c.n < 0 || c.n > MaxOrgStaff {
			add(c.f, fmt.Sprintf("人数 %d 不合理（应为 0 到 %d）", c.n, MaxOrgStaff))
		}
	}
	// A unit's full members work in it: more of them than its staff is a
	// typing error (review s6-11 attack #3); a staff count of 0 is "not
	// known".
	if o.Staff > 0 && o.FullMembers > o.Staff && o.FullMembers <= MaxOrgStaff {
		add(OrgFieldFullMembers, fmt.Sprintf("正式党员%d名多于从业人员%d人，请核对", o.FullMembers, o.Staff))
	}
	// A name or instructor with a character that does not show (a
	// zero-width space, NEL, a tab, U+2028) or that reverses the text
	// (RLO) looks like another or prints backwards (review s6-11 attack #4).
	for _, t := range []struct {
		f    Field
		text string
	}{{OrgFieldName, o.Name}, {OrgFieldInstructor, o.Instructor}} {
		if strings.IndexFunc(t.text, unshownInName) >= 0 {
			add(t.f, "含有不显示的字符（如零宽空格、制表符、换行或改变文字方向的字符），请删去后重新输入")
		}
	}
	if o.CreditCode != "" {
		if msg := CheckCreditCode(o.CreditCode); msg != "" {
			add(OrgFieldCreditCode, msg)
		}
	}
	switch o.Type {
	case OrgEnterprise:
	case OrgSocial:
		if o.Scale != "" {
			add(OrgFieldScale, "社会组织不分规上规下，请留空")
		}
	default:
		add(OrgFieldType, "请选择单位类型（非公企业 或 社会组织）")
	}
	switch o.Coverage {
	case CoveredOwn, CoveredJoint:
		if o.Reason != "" {
			add(OrgFieldReason, "已建党组织的单位不填未建原因")
		}
		if o.Work != WorkNone {
			add(OrgFieldWork, "工作覆盖只填未建党组织的单位")
		}
	case NotCovered:
		if o.Reason == "" {
			add(OrgFieldReason, "请选择未建原因")
		}
		if o.Reason == ReasonNoMembers && o.FullMembers > 0 {
			add(OrgFieldReason, fmt.Sprintf("填有正式党员%d名，未建原因不应是“无党员”", o.FullMembers))
		}
	default:
		add(OrgFieldCoverage, "请选择党组织覆盖情况（单独组建、联合组建 或 未建）")
	}
	return errs
}

// unshownInName is a character a one-line name may not hold: a control
// or format character (zero-width space, RLO), or a line or paragraph
// separator.
func unshownInName(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// MaxOrgStaff is the most staff (or full members) one organisation of the
// list may have: more than the largest employer has, so that only a typing
// error is refused (app policy, not a rule of a document).
const MaxOrgStaff = 5_000_000

// creditCodeChars are the characters of a 统一社会信用代码, each worth its
// index (GB 32100-2015: no I, O, S, V or Z).
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditCodeWeights are the weights of the first 17 characters.
var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CheckCreditCode checks a 统一社会信用代码 (GB 32100-2015): 18 characters
// of creditCodeChars whose last is the check character, 31 − (Σ value·weight
// mod 31), 31 written as 0. It returns "" for a valid code, else one
// sentence saying what is wrong.
func CheckCreditCode(code string) string {
	if n := len([]rune(code)); n != 18 {
		return fmt.Sprintf("统一社会信用代码应为18位，这里是%d位", n)
	}
	rs := []rune(code)
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexRune(creditCodeChars, rs[i])
		if v < 0 {
			// Quoted as typed (a full-width ９, not its first byte).
			return fmt.Sprintf("统一社会信用代码第%d位“%c”不是允许的字符", i+1, rs[i])
		}
		sum += v * creditCodeWeights[i]
	}
	check := (31 - sum%31) % 31
	if rs[17] != rune(creditCodeChars[check]) {
		return "统一社会信用代码校验位不对，请核对是否抄错"
	}
	return ""
}

// foldCreditCode drops the spaces in a typed 统一社会信用代码 and turns
// full-width digits and letters (as a Chinese input method gives them) into
// ASCII (review s5-11 attack #6).
func foldCreditCode(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\u3000':
		case r >= '！' && r <= '～':
			b.WriteRune(r - 0xFEE0)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// OrgRow is one row of an organisation workbook as read: its row number,
// the organisation, and the cells that could not be read.
type OrgRow struct {
	Row      int
	Org      Organisation
	Problems []FieldError
}
