package model

import (
	"slices"
	"strings"
	"unicode"
)

// Rosters kept by hand write the coded items of the collection form in many
// ways ("男性", "预备", "本科", "汉"). These tables map what people type to
// the codes, so that every reader of a roster (import, forms) agrees.

// educationAliases maps what rosters write for 学历 to the code in
// Educations. Keys are compared after removing spaces and brackets.
var educationAliases = map[string]string{
	"博士": "博士研究生", "博士研究生": "博士研究生", "研究生博士": "博士研究生",
	// A bare "研究生" does not say 博士 or 硕士: it is kept as written,
	// not stored as 硕士研究生, a guess a doctor's record would carry
	// (review s10-attack7 #5).
	"硕士": "硕士研究生", "硕士研究生": "硕士研究生", "研究生硕士": "硕士研究生",
	"大学": "大学", "大学本科": "大学", "本科": "大学", "大本": "大学",
	"大专": "大专", "专科": "大专", "大学专科": "大专", "高职": "大专",
	"中专": "中专", "中等专科": "中专", "中等专业学校": "中专",
	"职业高中": "职业高中", "职高": "职业高中",
	"技工学校": "技工学校", "技校": "技工学校",
	"普通高中": "普通高中", "高中": "普通高中",
	"初中": "初中", "初级中学": "初中",
	"小学": "小学",
	"其他": "其他",
}

// NormalizeEducation maps a typed 学历 to its code in Educations; text it
// does not know is returned as typed (trimmed), since the field takes free text.
func NormalizeEducation(s string) string {
	s = strings.TrimSpace(s)
	if code, ok := educationAliases[aliasKey(s)]; ok {
		return code
	}
	return s
}

// NormalizeEthnicity adds the 族 that rosters often leave out ("汉" → "汉族")
// when the result is one of the 56 Ethnicities; other text is returned trimmed.
func NormalizeEthnicity(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, "族") {
		return s
	}
	for _, e := range Ethnicities {
		if e == s+"族" {
			return e
		}
	}
	return s
}

// SexCodes are the codes of GB/T 2261.1-2003 (人的性别代码) for the sexes
// a record holds, as other systems' exports write 性别.
var SexCodes = map[string]Sex{"1": SexMale, "2": SexFemale}

// ParseSex reads 性别: 男/女 or 男性/女性. Empty text is ("", true): the
// ID number can supply it.
func ParseSex(s string) (Sex, bool) {
	switch aliasKey(s) {
	case "":
		return "", true
	case "男", "男性":
		return SexMale, true
	case "女", "女性":
		return SexFemale, true
	}
	return "", false
}

// ParseCategory reads 人员类别: 正式党员/预备党员, also written 正式/预备,
// or 正/预 as a 预/正 column of a system's template has it, or as 政治面貌
// writes it (中共党员, 中共预备党员). Empty text, and 党员 (a member of no
// category said), are ("", true).
//
// A remark in brackets after the category is read as a remark
// (预备党员（延长预备期）, 正式党员（已转正）), and a bracketed category after
// 党员 as the category (党员（正式）), unless the remark names the other
// category (预备党员（已转正）): which one holds is then not said
// (review s9-7 #10).
func ParseCategory(s string) (Category, bool) {
	if c, ok := parseCategoryWord(s); ok {
		return c, true
	}
	base, inner, ok := bracketed(s)
	if !ok {
		return "", false
	}
	c, ok := parseCategoryWord(base)
	if !ok {
		return "", false
	}
	if ic, iok := parseCategoryWord(inner); iok {
		switch {
		case c == "":
			return ic, true
		case ic == "" || ic == c:
			return c, true
		}
		return "", false
	}
	if c == "" || categoryNamed(inner, otherCategory(c)) {
		return "", false
	}
	return c, true
}

// CategoryRemark is the remark in brackets after a category that
// ParseCategory reads as a remark (延长预备期 of 预备党员（延长预备期）), ""
// when there is none or the brackets hold the category itself (党员（正式）).
func CategoryRemark(s string) string {
	if _, ok := parseCategoryWord(s); ok {
		return ""
	}
	_, inner, ok := bracketed(s)
	if !ok {
		return ""
	}
	if _, ok := parseCategoryWord(inner); ok {
		return ""
	}
	return strings.TrimSpace(inner)
}

// bracketed splits "A（B）" into A and B; ok only for text ending in one
// bracketed part after a non-empty head.
func bracketed(s string) (head, inner string, ok bool) {
	s = strings.TrimSpace(s)
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}, {"【", "】"}, {"[", "]"}} {
		i := strings.Index(s, br[0])
		if i > 0 && strings.HasSuffix(s, br[1]) && !strings.Contains(s[i+len(br[0]):], br[0]) {
			return s[:i], s[i+len(br[0]) : len(s)-len(br[1])], true
		}
	}
	return "", "", false
}

// otherCategory is the category that is not c.
func otherCategory(c Category) Category {
	if c == CategoryFull {
		return CategoryProbationary
	}
	return CategoryFull
}

// categoryNamed reports whether a remark speaks of category c: 转正 and
// 正式 of a full member, 预备 (but not 延长预备期, which only a
// probationary member has) of a probationary one.
func categoryNamed(remark string, c Category) bool {
	if c == CategoryFull {
		return strings.Contains(remark, "转正") || strings.Contains(remark, "正式")
	}
	return strings.Contains(remark, "预备")
}

func parseCategoryWord(s string) (Category, bool) {
	switch aliasKey(s) {
	case "", "党员", "中国共产党", "中共":
		// A member, of no category said: it follows from the dates.
		return "", true
	case "正式党员", "正式", "正", "中共党员", "中国共产党党员", "共产党员", "中共正式党员", "中国共产党正式党员":
		return CategoryFull, true
	case "预备党员", "预备", "预", "中共预备党员", "中国共产党预备党员", "中共党员预备", "共产党员预备":
		return CategoryProbationary, true
	}
	return "", false
}

// NotPartyMember reports a 政治面貌 that is not the Party's: 群众, 共青团员,
// 无党派人士, a democratic party's member. A roster holding such a row
// lists someone who is no member.
func NotPartyMember(s string) bool {
	k := aliasKey(s)
	for _, w := range []string{"群众", "团员", "无党派", "民主党派", "民革", "民盟", "民建", "民进", "农工", "致公", "九三学社", "台盟"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// SuspendedWords are the ways rosters write 停止党籍 (RULES.md §4): a
// 党籍状态 cell, a 备注 or a 状态 column saying 停籍, 中止党籍 or 暂停党籍
// was refused or read as 正常 (review ra8 G7, G14). The first is the
// standing's own name.
var SuspendedWords = []string{string(StandingSuspended), "中止党籍", "暂停党籍", "停籍", "党籍停止", "党籍中止", "党籍暂停"}

// ParseStanding reads 党籍状态: 正常 or 停止党籍 (also 停止 and the
// SuspendedWords); 在册 is 正常 — the member is on the roll (review ra8
// G14). Empty text is ("", true): Normalize makes it 正常.
func ParseStanding(s string) (Standing, bool) {
	k := aliasKey(s)
	switch k {
	case "":
		return "", true
	case "正常", "在册", "正常在册":
		return StandingNormal, true
	case "停止":
		return StandingSuspended, true
	}
	if slices.Contains(SuspendedWords, k) {
		return StandingSuspended, true
	}
	return "", false
}

// aliasKey is s without spaces and brackets, the form in which coded values
// are compared.
func aliasKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("()（）[]【】", r) {
			return -1
		}
		return r
	}, s)
}

// MemberStatus is what a roster's 党员类别 column says when it classes
// members by their work, as dues registers do (在职党员, 离退休党员), or by
// being away (流动党员), rather than as 正式 or 预备 (review ra7 F17).
type MemberStatus struct {
	Post   string // the 工作岗位 it says (离退休人员), "" for none
	Mobile bool   // 流动党员
}

// ParseMemberStatus reads a MemberStatus; ok is false for anything else,
// 正式党员 and 预备党员 among them.
func ParseMemberStatus(s string) (st MemberStatus, ok bool) {
	k := strings.TrimSuffix(aliasKey(s), "党员")
	switch k {
	case "在职", "在岗", "在职在岗":
		return MemberStatus{}, true
	case "离退休", "退休", "离休", "离退", "离退休人员", "退休人员":
		return MemberStatus{Post: "离退休人员"}, true
	case "学生":
		return MemberStatus{Post: "学生"}, true
	case "农民", "农牧渔民":
		return MemberStatus{Post: "农牧渔民"}, true
	case "流动", "外出流动":
		return MemberStatus{Mobile: true}, true
	}
	return MemberStatus{}, false
}
