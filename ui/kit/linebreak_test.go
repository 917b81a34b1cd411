package kit

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// appSentences are texts the window shows (findings, dues messages, rule
// texts, refusals, help), as the UI writes them.
var appSentences = []string{
	"王五 欠缴党费 6 个月，计 213.42 元；自 2026年6月 起连续 6 个月未交。按党章第九条，连续6个月不交纳党费又无正当理由的，视为自行脱党，请支部及时谈话、按规定处理",
	"党费已交至 2026年10月 在本账内（本账自建账月份 2026年1月 起记账），填了会抵消应交而没有交纳记录；本账内已交的月份请在“收缴”中按实际交纳日期登记，党费已交至最晚填 2025年12月",
	"中共中央组织部关于印发《中国共产党流动党员活动证》和《中国共产党党员组织关系介绍信》修订式样的通知（组通字〔2006〕45号）",
	"文件已损坏或不完整（可能没有拷贝完整），请重新拷贝，或在 Excel/WPS 中打开后另存再导入（xl/worksheets/sheet1.xml校验和不符）",
	"花名册中还没有党员。可以逐个新增，也可以从支部现有的 Excel 花名册导入（标题行、合并表头和各种日期写法都能识别，导入前会先预览）。",
	"每年年初按上年月工资收入确定基数，全年一般不变（工资调整的，用“年中调整”从新工资起算的月份改）；农民党员填支部确定的每月金额，学生等按定额的不填。",
	"在职党员：基数 3000 元以上至 5000 元（含），按 1% 交纳；农民党员按月定额 0.20–1.00 元，支部定为 0.50 元，本月应交¥35.57。",
	"阿依古丽·买买提、张三等 14 名党员已连续6个月以上未参加组织生活（党章第九条）……请核实后在“党员 → 登记变动”中处理。",
	"支部党员大会应到 14 人，实到 8 人——未达法定人数，不能作出决定；收据号 DF20260001，日期 2026-11-30。",
	"Dues paid up to Oct 2026 is inside this ledger (kept from the start month Jan 2026): it would clear dues owed with no payment on record. Record months paid in this ledger under Collection with the date they were paid; Dues paid up to can be at most Dec 2025",
	"The file is damaged or incomplete (it may not have been copied completely). Copy it again, or open it in Excel/WPS, save it and import that",
	"Wang Wu owes 6 months of dues, ¥213.42 in all; unpaid for 6 months in a row since Jun 2026.",
}

// Closing punctuation no line may start with, opening punctuation no line
// may end with (GB/T 15834, the usual 行首/行尾禁则).
const (
	closing = "，。、；：？！）」』》〉】〕…”’·,.;:?!)]}%"
	opening = "（「『《〈【〔“‘([{"
)

// unbroken are what must stay on one line when they fit, with the closing
// punctuation after them: numbers (with their sign, decimals, hyphens and
// the Chinese unit after them), Latin words and codes, "……" and "——".
// A range's dash (0.20–1.00) or a slash (Excel/WPS) may end a line.
var unbroken = regexp.MustCompile(`(¥?[0-9A-Za-z]+(?:[.\-:][0-9A-Za-z]+)*%?(?: ?[年月日个名人元号])?|……|——)[，。、；：？！）」』》〉】〕”’,.;:?!)]*`)

// fakeWidth measures as a monospaced Chinese font does, roughly: a Chinese
// character or full-width mark is 14 px, anything else 7.
func fakeWidth(s string) float32 {
	w := float32(0)
	for _, r := range s {
		if CJK(r) || unicode.Is(unicode.Han, r) || r == '·' {
			w += 14
		} else {
			w += 7
		}
	}
	return w
}

func TestBreakLinesKeepsTheChineseRules(t *testing.T) {
	for i, text := range appSentences {
		for width := float32(70); width <= 560; width += 7 {
			t.Run(fmt.Sprintf("%d/%v", i, width), func(t *testing.T) {
				lines := BreakLines(text, width, fakeWidth)
				checkLines(t, text, lines, width, fakeWidth)
			})
		}
	}
}

// checkLines asserts what a reader would notice in lines, text broken to
// width: a line that starts with closing or ends with opening
// punctuation, a number or word split though it fits on a line, a line
// wider than the width, text lost, English broken but at a space or a
// hyphen.
func checkLines(t *testing.T, text string, lines []string, width float32, measure func(string) float32) {
	t.Helper()
	for i, l := range lines {
		rs := []rune(l)
		if len(rs) == 0 {
			t.Errorf("line %d is empty: %q", i, lines)
			continue
		}
		if i > 0 && strings.ContainsRune(closing, rs[0]) {
			t.Errorf("at %v a line starts with %q: %q", width, rs[0], lines)
		}
		if i < len(lines)-1 && strings.ContainsRune(opening, rs[len(rs)-1]) {
			t.Errorf("at %v a line ends with %q: %q", width, rs[len(rs)-1], lines)
		}
		if measure(l) > width && len(rs) > 1 {
			t.Errorf("at %v line %q is %v wide", width, l, measure(l))
		}
	}
	for _, m := range unbroken.FindAllStringSubmatch(text, -1) {
		if measure(m[0]) > width {
			continue
		}
		w := m[1]
		found := false
		for _, l := range lines {
			found = found || strings.Contains(l, w)
		}
		if !found {
			t.Errorf("at %v %q is split: %q", width, w, lines)
		}
	}
	spaceless := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if got := spaceless(strings.Join(lines, "")); got != spaceless(text) {
		t.Errorf("at %v the lines hold %q, not the text", width, lines)
	}
	if !hasHan(text) {
		rest := text
		for _, l := range lines[:len(lines)-1] {
			rest = strings.TrimPrefix(rest, l)
			word := strings.Fields(l)[len(strings.Fields(l))-1] + strings.Fields(rest)[0]
			if !strings.HasPrefix(rest, " ") && !strings.HasSuffix(l, "-") && !strings.HasSuffix(l, "/") && measure(word) <= width {
				t.Errorf("at %v English broken inside %q after %q", width, word, l)
			}
			rest = strings.TrimLeft(rest, " ")
		}
	}
}

func TestBreakLinesFillsEachLine(t *testing.T) {
	// Each line is full: the next line's first piece would not have fitted.
	text := appSentences[0]
	lines := BreakLines(text, 210, fakeWidth)
	want := []string{
		"王五 欠缴党费 6 个月，计",
		"213.42 元；自 2026年6月 起连续",
		"6 个月未交。按党章第九条，连续",
		"6个月不交纳党费又无正当理由",
		"的，视为自行脱党，请支部及时谈",
		"话、按规定处理",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestBreakLinesEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		width      float32
		want       []string
	}{
		{"not laid out yet", "第一行\n第二行", 0, []string{"第一行", "第二行"}},
		{"a newline always breaks", "第一行\n第二行", 500, []string{"第一行", "第二行"}},
		{"fits whole", "已保存。", 500, []string{"已保存。"}},
		{"a path wider than the line is cut where it is full", "/home/user/docs/a.xlsx", 70, []string{"/home/", "user/docs/", "a.xlsx"}},
		{"a number wider than the line", "12345678901234567890", 70, []string{"1234567890", "1234567890"}},
		{"closing punctuation goes with the character before", "一二三四五，六七", 70, []string{"一二三四", "五，六七"}},
		{"opening punctuation goes with the character after", "一二三四（五六）", 70, []string{"一二三四", "（五六）"}},
		{"a number keeps its unit", "一二三2026年", 70, []string{"一二三", "2026年"}},
		{"English at spaces", "Record months paid", 70, []string{"Record", "months", "paid"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := BreakLines(tc.text, tc.width, fakeWidth); strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// A term kept together is never split, at any width that holds it, and
// draws as it did (review s13-look: "收缴 / 率95.9%", "离开 / 后）").
func TestKeepTogetherIsNeverSplit(t *testing.T) {
	measure := func(s string) float32 {
		w := float32(0)
		for _, r := range s {
			switch {
			case r == '\u2060':
			case r < 0x2E80:
				w += 8
			default:
				w += 14
			}
		}
		return w
	}
	for _, c := range []struct{ text, word string }{
		{"已到期应交11673.10元，收缴率95.9%", "收缴率"},
		{"不需交（入党前、到本支部前或离开后）", "离开后）"},
	} {
		kept := KeepTogether(c.text, c.word)
		if strings.ReplaceAll(kept, "\u2060", "") != c.text {
			t.Fatalf("KeepTogether changed the text: %q", kept)
		}
		for width := measure(c.word); width < measure(c.text); width++ {
			whole := false
			for _, line := range BreakLines(kept, width, measure) {
				whole = whole || strings.Contains(strings.ReplaceAll(line, "\u2060", ""), c.word)
			}
			if !whole {
				t.Errorf("%q at %.0f px: %q split", c.text, width, c.word)
				break
			}
		}
	}
}
