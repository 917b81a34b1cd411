package model

import "strings"

// The marks a 是否 column (是否流动党员, 是否失联党员) or a tick column
// (性别 over 男 | 女, 人员类别 over 正式 | 预备) holds, one rule for all of
// them: rosters come from organisation departments' templates, other
// systems and hand-kept sheets, which say yes and no with words, letters,
// digits, ticks and circles alike. A mark that is in neither list is
// refused by the caller, naming the row and the column: read as 否, a
// "?" or "待核实" would clear a member's 流动 without a word.
var (
	yesMarks = []string{"是", "有", "Y", "YES", "TRUE", "1", "V",
		"√", "✓", "✔", "☑", "✅", "🗸", "●", "◉", "◎", "■", "★", "◆"}
	noMarks = []string{"否", "无", "不是", "N", "NO", "FALSE", "0",
		"×", "✗", "✘", "╳", "☒", "○", "◯", "□", "☐", "-", "—", "–", "/"}
)

// ParseMark reads one yes/no mark (see yesMarks, noMarks): spaces around
// it, letter case and full-width forms (Ｙ, １, ／) do not matter. ok is
// false for anything else, blank included.
func ParseMark(s string) (yes, ok bool) {
	k := strings.ToUpper(foldWidth(strings.TrimSpace(CleanText(s))))
	for _, m := range yesMarks {
		if k == m {
			return true, true
		}
	}
	for _, m := range noMarks {
		if k == m {
			return false, true
		}
	}
	return false, false
}

// ParseYesNo reads a 是否 cell: a mark (ParseMark), or blank for no.
func ParseYesNo(s string) (yes, ok bool) {
	if strings.TrimSpace(CleanText(s)) == "" {
		return false, true
	}
	return ParseMark(s)
}

// foldWidth turns full-width ASCII (Ｙ, １, ／, typed with a Chinese input
// method) into ASCII.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '！' && r <= '～' {
			return r - '！' + '!'
		}
		return r
	}, s)
}
