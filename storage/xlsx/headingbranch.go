package xlsx

import (
	"regexp"
	"slices"
	"strings"
)

// rosterWords are what a roster's title or sheet name calls the list
// around the branch's name (第一党支部党员花名册, 党员名单（第五党支部）),
// longest first so that 党员花名册 goes whole.
var rosterWords = []string{"党员花名册", "党员名册", "党员名单", "花名册", "名册", "名单"}

// unitLabels lead a title that names the unit filling the form in
// (填报单位：第四党支部).
var unitLabels = []string{"填报单位：", "填报单位:", "单位名称：", "单位名称:", "单位：", "单位:"}

var (
	// datedBrackets are brackets holding a date or a cut-off
	// (（截至2026年11月）, (2026年), 【2026年度】), which title a list
	// rather than name a branch.
	datedBrackets = regexp.MustCompile(`[（(【\[〔][^）)】\]〕]*(?:[0-9０-９〇○零一二三四五六七八九十]{2,4}\s*年|截至|截止)[^）)】\]〕]*[）)】\]〕]`)
	// cutOff is a trailing 截至… (截至2026年11月30日) outside brackets.
	cutOff = regexp.MustCompile(`(?:截至|截止)[^（(）)]*$`)
	// yearMark is a year written in the name (2026年度, 二〇二六年, 2025年),
	// which a branch's name does not hold.
	yearMark = regexp.MustCompile(`[0-9０-９〇○零一二三四五六七八九]{2,4}\s*年`)
	// periodAround is a year at the start or the end of a name: 2026年度
	// 第一党支部, 第一党支部2025年.
	periodAround = regexp.MustCompile(`^[0-9０-９〇○零一二三四五六七八九]{2,4}\s*年度?|[0-9０-９〇○零一二三四五六七八九]{2,4}\s*年度?$`)
	// bracketed is a remainder wholly in brackets: 党员花名册（第五党支部）.
	bracketed = regexp.MustCompile(`^[（(【\[〔](.*)[）)】\]〕]$`)
	// formerBranch is a former branch's name (原第一党支部, 原党支部,
	// 某公司原第三党支部): its people's branch today is another (review
	// s8-7 attack #23). 原平市… is a place, not 原.
	formerBranch = regexp.MustCompile(`(?:^|[^\p{Han}]|公司|单位|机关|学校|医院|社区|街道)原(?:第|党|机关|一|二|三|四|五|六|七|八|九|十)`)
)

// unitLine is the 填报单位：… part of a line above the headings (填报单位：
// 华星科技有限公司联合党支部　　　填报日期：2026年11月 gives 填报单位：华星科技
// 有限公司联合党支部), "" when no line has one.
func unitLine(above [][]string) string {
	for _, cells := range above {
		for c := range cells {
			t := strings.TrimSpace(cell(cells, c))
			if !slices.ContainsFunc(unitLabels, func(l string) bool { return strings.HasPrefix(t, l) }) {
				continue
			}
			for _, w := range []string{"填报日期", "填表日期", "制表日期", "报送日期", "填报人", "填表人", "制表人", "联系电话"} {
				if i := strings.Index(t, w); i > 0 {
					t = t[:i]
				}
			}
			if loc := wideGap.FindStringIndex(t); loc != nil {
				t = t[:loc[0]]
			}
			return strings.TrimSpace(t)
		}
	}
	return ""
}

// wideGap is the run of spaces a form puts between two items of a line.
var wideGap = regexp.MustCompile(`[ \t\x{3000}\x{00a0}]{2,}|\x{3000}`)

// BranchFromHeading is the one branch a sheet's title or name gives, and
// "" with why not when it gives none: what is left after the roster's
// words (党员花名册, 名册, 名单, 花名册), a 填报单位： label, dates in
// brackets (（截至2026年11月）) and Excel's copy suffix (" (2)") must be
// one branch's name — no year (2026年度第一党支部), no second branch
// (第一党支部、第二党支部), no template placeholder (XX党支部, 某某党支部)
// (review s7-7 attack #21). orgOnly asks that the name end as a party
// organisation's does (支部, 总支, 党委 …), as a title's must; a sheet name
// the user chose need not. The reason is a Chinese phrase, "" when the
// text says nothing about a branch.
func BranchFromHeading(s string, orgOnly bool) (branch, why string) {
	t := BranchText(s)
	for _, l := range unitLabels {
		t = strings.TrimPrefix(t, l)
	}
	t = copySuffix.ReplaceAllString(t, "")
	t = datedBrackets.ReplaceAllString(t, "")
	t = cutOff.ReplaceAllString(t, "")
	for changed := true; changed; {
		changed = false
		for _, w := range rosterWords {
			if u, ok := strings.CutSuffix(t, w); ok {
				t, changed = u, true
			}
			if u, ok := strings.CutPrefix(t, w); ok {
				t, changed = u, true
			}
		}
		if m := bracketed.FindStringSubmatch(t); m != nil {
			t, changed = m[1], true
		}
	}
	// A sheet's name may put the roster's year before or after the
	// branch's (第一党支部2025年, 2026年度第一党支部): the rest is the
	// branch, offered to the user, not taken unasked (review s9-7 #12). A
	// title's year still keeps it from giving a branch.
	if !orgOnly {
		if u := periodAround.ReplaceAllString(t, ""); u != t && orgName(u) {
			t = u
		}
	}
	mentions := strings.Contains(t, "支部") || strings.Contains(t, "党委") || strings.Contains(t, "总支")
	switch {
	case t == "" || orgOnly && !mentions:
		return "", ""
	case yearMark.MatchString(t) || strings.Contains(t, "年度"):
		return "", "含有年份"
	case strings.ContainsAny(t, "、，,/;；") || joinsTwo(t):
		return "", "写了不止一个党支部"
	case orgOnly && formerBranch.MatchString(t):
		return "", "是原来的党支部"
	case placeholderBranch(t):
		return "", "是表格模板中代填的名称"
	case orgOnly && !orgName(t):
		return "", "不只是一个党支部的名称"
	}
	return t, ""
}

// joinsTwo reports a name joining two organisations with 和/及/与
// (第一党支部和第二党支部); 和平街道党支部 joins nothing.
func joinsTwo(t string) bool {
	for _, w := range []string{"和", "及", "与"} {
		for i := strings.Index(t, w); i >= 0; {
			if orgName(t[:i]) {
				return true
			}
			j := strings.Index(t[i+len(w):], w)
			if j < 0 {
				break
			}
			i += len(w) + j
		}
	}
	return false
}
