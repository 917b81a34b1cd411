package xlsx

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"branchledger/model"
)

// A printed roster often keeps its leavers at the bottom, under a row
// that says so: 已转出党员, 以下为已故党员, 出党人员, 停止党籍人员. The people
// under it are no members on the roster, as those on a sheet named 已转出
// are not (leftWord): read as members, a transferred or deceased person
// joined the roster an inspection reads (review s13-attack #16). They are
// refused, the row named, so that one still here can be moved above the
// row; a leaver is recorded in the window (转出, 去世 …).
//
// The same is said in a note (注：/说明：) about the people below, about
// the people above (注：以上党员已转出, a footnote under the list) or by
// their names (注：李四已于2025年3月转出): each was passed over as a footer
// line and the people it names stored as current members (review s13-hx
// #3, #7, #9, #12).

// towardsHere are the words of moving that name a place: followed by 本
// or 我 (转至本支部, 转到我支部) they say the people came here.
var towardsHere = []string{"转至", "转往", "转到", "转去", "调往", "迁至", "迁往"}

// noteKind is what a row of a note or a group's title says of the
// people on the roster.
type noteKind int

const (
	noteNone     noteKind = iota
	noteBelow             // the people below it left: 已转出党员, 注：以下党员已转出
	noteAbove             // the people above it left: 注：以上党员已转出
	noteNamed             // the people it names left: 注：李四、王五已于2025年3月转出
	noteCurrent           // the people below are on the roster: 注：以下为在册党员
	noteVague             // some left, not said who: 注：今年已转出3人
	noteNotYet            // the leaving it speaks of is yet to come: 注：李四拟2026年转出
	noteNumbered          // the people of the 序号 or places it gives left: 注：序号4-6为已转出人员 (notenumbers.go)
	noteRemoved           // those who left were taken off the table: 本年转出1人已删除
)

// leaverNote is a row read as a note about who is on the roster.
type leaverNote struct {
	kind  noteKind
	title string   // the row's text
	word  string   // the words saying they left
	names []string // noteNamed: the people it names
	// unsure: a note over the rows above or below it (noteAbove,
	// noteBelow) that says neither that they left in words read here nor
	// that they are still here (keepsItsPeople): 注：以上同志已赴外地工作.
	unsure bool
	// except are the people a note says are not among those who left:
	// 注：除李四外，以上党员均已转出. A noteNamed with except and no names
	// speaks of everyone on the sheet (注：除李四外，其余党员均已转出).
	except []string
	// unnamed is how many people a noteNamed says left beyond those it
	// names (李四等2人: 1), and unsaid that it does not say how many (李四
	// 等人): the rows of the sheet may be theirs.
	unnamed int
	unsaid  bool
	// all: a noteNamed about every row of the sheet (注：表中人员均已转出),
	// naming no one
	all bool
	// serials: a noteNumbered's 序号 or places; towards, noteAbove or
	// noteBelow when it speaks of the rows above or below it only (以上第
	// 4、5号党员已转出)
	serials serialNote
	towards noteKind
	// offRoll: a noteNamed saying all but names are on the roll (注：除赵
	// 丽华外，以上党员均在册): names are not. vague: one saying some of
	// the table's people left, not who (注：其中2人已转出).
	offRoll, vague bool
}

// wholeSheet reports a note naming people that speaks of more than them,
// or of everyone: any row of the sheet may be one it means.
func (l leaverNote) wholeSheet() bool {
	return l.kind == noteNumbered || l.kind == noteNamed && (l.vague || l.unnamed > 0 || l.unsaid || len(l.except) > 0 || l.all)
}

// belowWords and aboveWords start a note about the rows below it or
// above it.
var (
	belowWords = []string{"以下", "下面", "下列", "如下"}
	aboveWords = []string{"以上", "上面", "上列", "上述", "上表"}
)

// countCell is a cell beside a group's title that counts its people (共1人,
// 3名, （2人）) or numbers it as a row (序号 2): no second text of the row.
// An ID number is no count: its digits are a member's.
var countCell = regexp.MustCompile(`^[（(]?(?:共|计|合计)?(?:[一二三四五六七八九十两]+|\d{1,4})(?:人|名|位)?[)）]?$`)

// noteText is the one text of row n that may be a note or a group's
// title, and the column it is in. Beside it the row may hold a count (已
// 转出党员 | … | 共1人) or a 序号. It may sit in any column: merged across
// the table, in the first, in the 姓名 column with 序号 empty, or typed
// where the eye reads it (review s13-reattack #9, s13-hx #3: each was
// read as a person named 已转出党员, and with --skip-invalid the leavers
// under it stored). Only a text alone in 备注 or right of the table
// without a note's words is a remark carried on from the row above.
func (h header) noteText(sr *sheetReader, n int, cells []string) (string, bool) {
	// A member's row fills many cells: not read further, as 20,000 rows
	// are read twice (eachRecord, importer.readRows).
	filled := 0
	for _, v := range cells {
		if v != "" {
			if filled++; filled > 3 {
				return "", false
			}
		}
	}
	text, col, joined := "", -1, false
	for c, v := range cells {
		t := model.TrimSpace(v)
		if t == "" || countCell.MatchString(spaceless(t)) {
			continue
		}
		if col >= 0 {
			// 注： | 赵丽华已转出: a note split over two cells, read as
			// two texts and passed over (review F10).
			if p := strings.TrimRight(text, "：: "); !joined && slices.Contains(splitNotePrefixes, p) {
				text, joined = p+"："+t, true
				continue
			}
			return "", false
		}
		text, col = t, c
	}
	if col < 0 {
		return "", false
	}
	if strings.ContainsAny(text, " \u3000\t") {
		text = strings.Join(strings.Fields(text), "")
	}
	// A note may run longer than a group's title.
	_, note := cutNotePrefix(text)
	if size := utf8.RuneCountInString(text); size > 40 && !note || size > 80 {
		return "", false
	}
	if col == 0 || note || sr.mergedAcross(col+1, n) {
		return text, true
	}
	// A text in brackets goes on from the cell above (张三 / （已故）), as
	// does one alone in 备注 or right of the table: the member's row
	// reads it (saysLeft).
	if strings.HasPrefix(text, "（") || strings.HasPrefix(text, "(") || strings.HasPrefix(text, "【") {
		return "", false
	}
	if c, ok := h.column(model.FieldNotes); ok && c == col || col >= h.width || h.lateHeading(col, n) {
		return "", false
	}
	return text, true
}

// cutNotePrefix is text without the words starting a note (notePrefix;
// footerPrefixes has the usual ones too: a note is no member), and
// whether it had them. A note may be in brackets (（注：以上党员已转出）), or its
// colon left out (注 以上党员已转出, its space taken out by noteText):
// read as a group's title, each stored the people above as current
// members.
func cutNotePrefix(text string) (string, bool) {
	inner := text
	for _, b := range [][2]string{{"（", "）"}, {"(", ")"}, {"【", "】"}} {
		if strings.HasPrefix(inner, b[0]) && strings.HasSuffix(inner, b[1]) {
			inner = strings.TrimSuffix(strings.TrimPrefix(inner, b[0]), b[1])
			break
		}
	}
	if loc := notePrefix.FindStringIndex(inner); loc != nil {
		return strings.TrimSpace(inner[loc[1]:]), true
	}
	if rest, ok := strings.CutPrefix(strings.TrimLeft(inner, "*＊※★"), "注"); ok && (hasAnyPrefix(rest, aboveWords) || hasAnyPrefix(rest, belowWords)) {
		return rest, true
	}
	return text, false
}

// wholeTable starts a note about every row of the sheet: 表中人员, 本表所列
// 党员, 全体同志. Read as naming no one, 注：表中人员均已转出 imported them
// with a 提示.
var wholeTable = regexp.MustCompile(`^(?:(?:表中|本表|表内|全表|此表|该表)(?:所列)?的?(?:全体|所有|全部)?|全体|所有|全部)(?:人员|党员|同志)`)

func hasAnyPrefix(s string, ps []string) bool {
	return slices.ContainsFunc(ps, func(p string) bool { return strings.HasPrefix(s, p) })
}

// leaverNote reads row n as a note or group row saying who has left the
// roster (noteKind). A group row naming an organisation (历史文化学院党
// 支部, 注销登记科党支部) heads that branch's members, whatever word its
// name holds (review s13-reattack #15), unless its remark says its people
// left: 第二党支部（已转出）, 原第三党支部（已撤销，党员已转出） (review
// s13-reattack #17). A member's row is none, whatever its 备注 says
// (saysLeft reads that).
func (h header) leaverNote(sr *sheetReader, n int, cells []string) leaverNote {
	text, ok := h.noteText(sr, n, cells)
	if !ok {
		return leaverNote{}
	}
	title := model.CleanLine(text)
	rest, note := cutNotePrefix(title)
	if note {
		rest = pointingClause(rest)
	}
	// 注：序号4-6为已转出人员 names its leavers by 序号: read as naming no
	// one, every row was imported, or (以上第4、5号…) every row above it
	// refused (review F8, F9, F34).
	if s, word, ok := serialLeavers(rest); ok {
		l := leaverNote{kind: noteNumbered, title: title, word: word, serials: s}
		switch {
		case hasAnyPrefix(rest, aboveWords):
			l.towards = noteAbove
		case hasAnyPrefix(rest, belowWords):
			l.towards = noteBelow
		}
		return l
	}
	// 注：除赵丽华已转出外其余均在册 names who left inside its exception:
	// read as a name 除赵丽华, she was stored (review F34).
	if names, word, ok := leftInException(rest); ok {
		return leaverNote{kind: noteNamed, title: title, word: word, names: names}
	}
	// 注：除李四外，以上党员均已转出 says the people above left but 李四: read
	// as a note naming nobody, the others were stored as current members.
	if others, except, ok := cutException(rest); ok {
		// 注：除赵丽华外，以上党员均在册: she is not on the roll, and was
		// stored as though she were (review F27).
		if sectionLeftWord(others) == "" && strings.Contains(others, "在册") {
			return leaverNote{kind: noteNamed, title: title, names: except, offRoll: true}
		}
		if word := sectionLeftWord(others); word != "" {
			switch {
			case hasAnyPrefix(others, aboveWords):
				return leaverNote{kind: noteAbove, title: title, word: word, except: except}
			case hasAnyPrefix(others, belowWords):
				return leaverNote{kind: noteBelow, title: title, word: word, except: except}
			}
			// 除李四外，其余党员均已转出: everyone on the sheet but 李四.
			return leaverNote{kind: noteNamed, title: title, word: word, except: except}
		}
	}
	word := sectionLeftWord(rest)
	// 注：以上人员中，张三已转出 names one among them: not all of them.
	if hasAnyPrefix(rest, aboveWords) || hasAnyPrefix(rest, belowWords) {
		if _, after, ok := strings.Cut(rest, "中"); ok && word != "" {
			if names, ok := leaverNames(strings.TrimLeft(after, "，,：: "), word); ok {
				return leaverNote{kind: noteNamed, title: title, word: word, names: names}
			}
		}
	}
	switch {
	case hasAnyPrefix(rest, aboveWords):
		switch {
		case word != "":
			return leaverNote{kind: noteAbove, title: title, word: word}
		case note && !keepsItsPeople(rest):
			return leaverNote{kind: noteAbove, title: title, unsure: true}
		}
		return leaverNote{}
	case hasAnyPrefix(rest, belowWords):
		switch {
		case word != "":
			return leaverNote{kind: noteBelow, title: title, word: word}
		case note && !keepsItsPeople(rest):
			return leaverNote{kind: noteBelow, title: title, unsure: true}
		case note || speaksOfLeaving(title):
			// 注：以下为在册党员 ends the leavers above it (review s13-hx
			// #16: 王五 under it was refused as having left).
			return leaverNote{kind: noteCurrent, title: title}
		}
		return leaverNote{}
	case note && wholeTable.MatchString(rest):
		switch {
		case word != "":
			return leaverNote{kind: noteNamed, title: title, word: word, all: true}
		case !keepsItsPeople(rest):
			return leaverNote{kind: noteNamed, title: title, all: true, unsure: true}
		}
		return leaverNote{}
	case word == "":
		if note && (strings.Contains(rest, "失联") || strings.Contains(rest, "停止组织生活")) || !note && speaksOfLeaving(title) {
			return leaverNote{kind: noteCurrent, title: title}
		}
		return leaverNote{}
	}
	if names, unnamed, unsaid := h.namedLeavers(rest); len(names) > 0 {
		return leaverNote{kind: noteNamed, title: title, word: word, names: names, unnamed: unnamed, unsaid: unsaid}
	}
	// 本年转出1人已删除, 其中转出2人 above the headings count the leavers
	// of the year: read as the title of a sheet of leavers, the whole
	// sheet was left out; in a line of its own, passed over (review ra8
	// G12). One naming them is read above (namedLeavers).
	if (note || n < h.first) && removedLeavers(rest) {
		// One naming people the table still has — 已去世1人（刘芳），已从
		// 名册删除 over 刘芳's row — did not take them off (review ra9 G12).
		if names := h.peopleNamed(rest, word); len(names) > 0 {
			return leaverNote{kind: noteNamed, title: title, word: word, names: names}
		}
		return leaverNote{kind: noteRemoved, title: title, word: word}
	}
	if !note && n < h.first && leaverCount(rest) {
		return leaverNote{kind: noteVague, title: title, word: word}
	}
	if note && notYet(rest) {
		return leaverNote{kind: noteNotYet, title: title, word: word}
	}
	// 注：其中2人已转出 speaks of the table's people without saying who:
	// imported with a 提示, the two were stored (review F28).
	if note && (strings.HasPrefix(rest, "其中") || strings.Contains(rest, "表中") || strings.Contains(rest, "名单中")) {
		return leaverNote{kind: noteNamed, title: title, word: word, vague: true}
	}
	if note {
		return leaverNote{kind: noteVague, title: title, word: word}
	}
	if footerLine(cells) {
		return leaverNote{}
	}
	if name, ok := groupTitleOf(title); ok && (orgName(groupRemark.ReplaceAllString(name, "")) || strings.HasSuffix(name, "小组")) &&
		sectionLeftWord(groupRemark.FindString(title)) == "" && !saysLeaving(groupRemark.ReplaceAllString(name, "")) {
		return leaverNote{}
	}
	return leaverNote{kind: noteBelow, title: title, word: word}
}

// leaverCounted is a number of people beside a word of leaving: 转出2人,
// 2人转出, 减少三名.
var leaverCounted = regexp.MustCompile(`(?:[一二三四五六七八九十两]+|\d{1,4})\s*(?:人|名|位)`)

// leaverCount reports a line counting the people who left among the
// sheet's (其中转出2人：李四、王五, 本年转出1人已删除) rather than heading a
// list of them: 已转出党员（2人） names a list, and is one.
func leaverCount(text string) bool {
	if sectionLeftWord(text) == "" || !leaverCounted.MatchString(text) {
		return false
	}
	return strings.Contains(text, "其中") || removedWords.MatchString(text) ||
		!slices.ContainsFunc([]string{"人员", "党员", "名单", "名册", "同志"}, func(w string) bool { return strings.Contains(text, w) })
}

// removedWords say that people were taken off the table.
// 已从名册删除 too (review ra9 G12).
var removedWords = regexp.MustCompile(`(?:已|均已|都已|已经)(?:从[^，,。；;]{1,8}?)?(?:删除|删去|删掉|去掉|剔除|移除|移出)|未列入|不在表中|未列出|未统计在内`)

// removedLeavers reports a count of leavers saying they were taken off the
// table (本年转出1人已删除): the table's people are all here.
func removedLeavers(text string) bool { return leaverCount(text) && removedWords.MatchString(text) }

// saysLeaving reports a title that ends as an organisation's name does
// but says its people left: 已不在本支部, 已转至区委党支部, 已经调离机关党
// 委 — a statement, not a name. A name may hold a word of leaving
// (注销登记科党支部, 历史文化学院党支部), never one said done (已…) or a
// verb of moving (a group row's word no sheet is named by): read as a
// branch's title, 已不在本支部 gave its name to the people under it and
// stored them as current members (review s14-reattack7 #1).
func saysLeaving(name string) bool {
	if slices.ContainsFunc(groupLeftWords, func(w string) bool { return !slices.Contains(leftWords, w) && strings.Contains(name, w) }) {
		return true
	}
	return slices.ContainsFunc(leftWords, func(w string) bool {
		return strings.Contains(name, "已"+w) || strings.Contains(name, "已经"+w)
	})
}

// namedLeavers are the people a note names as having left, clause by
// clause (注：李四于2025年3月转入，王五于2025年5月转出 names 王五 alone):
// the names leaverNames reads before a clause's word of leaving, and the
// sheet's own names the clause holds wherever they stand — 原支部委员李四已
// 于…转出, 共转出2人（李四、王五）, 已转出：李四、王五, 王五已转出、李四已故.
// Read by the first name alone, the others were stored as current members
// and the note called one that names nobody (review s14-reattack7 #7, #19).
// A name read that holds one of the sheet's (李四王五, 王五两名) gives way
// to those.
//
// A clause counting more people than it names (李四等2人已转出, 李四等人已
// 转出) gives how many it leaves unnamed, or unsaid when it does not say
// how many: read by its names, the others were stored as current members.
func (h header) namedLeavers(rest string) (out []string, unnamed int, unsaid bool) {
	add := func(name string) {
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	// A clause that is only names (李四，王五已转出) goes with the next.
	pending := ""
	for _, clause := range strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune("，,；;。", r) }) {
		word := sectionLeftWord(clause)
		if word == "" {
			if nameList(clause) {
				pending += clause + "、"
			} else {
				pending = ""
			}
			continue
		}
		clause, pending = pending+clause, ""
		read, _ := leaverNames(clause, word)
		found := h.peopleNamed(clause, word)
		named := 0
		for _, name := range read {
			if !slices.ContainsFunc(found, func(f string) bool { return strings.Contains(name, f) && !longerName(name, f) }) && !notYetLeft(clause, name, word) {
				add(name)
				named++
			}
		}
		for _, name := range found {
			add(name)
			named++
		}
		if named == 0 {
			continue
		}
		if count, ok := countedOthers(clause); ok && count == 0 {
			unsaid = true
		} else if count > named {
			unnamed += count - named
		}
	}
	return out, unnamed, unsaid
}

// longerName reports r as another person's name that begins with f: f
// and one more character of a given name (赵丽华 after 赵丽), not one that
// counts or goes on with the sentence (王五两名, 李四等, 李四已).
func longerName(r, f string) bool {
	rest, ok := strings.CutPrefix(r, f)
	if !ok || utf8.RuneCountInString(rest) != 1 || !personName(r) {
		return false
	}
	c, _ := utf8.DecodeRuneInString(rest)
	return unicode.Is(unicode.Han, c) && !strings.ContainsRune("一两二三四五六七八九十几名位人等同均都也已于因在和与及", c)
}

// othersCounted is 等 and the count after a list of names: 等2人, 等三名
// 同志, 等人, 等同志, 等十余人 — or 等 and the sentence going on (李四、王五
// 等已转出): others than those named.
var othersCounted = regexp.MustCompile(`等([0-9]+|[一二三四五六七八九十两]+)?(余|多|几|若干)?(?:名|位|个)?(?:人|同志|党员)|等(?:已|于|均|都|先后|相继|[0-9])`)

// countedOthers is the number of people a clause says are in its list of
// names (李四等2人: 2), 0 if it says 等人 without a number; ok false when
// it says no 等.
func countedOthers(clause string) (count int, ok bool) {
	m := othersCounted.FindStringSubmatch(clause)
	if m == nil {
		return 0, false
	}
	// 李四等十余人, 李四等几人, 李四、王五等已转出: not how many.
	if m[1] == "" || m[2] != "" {
		return 0, true
	}
	if n, err := strconv.Atoi(m[1]); err == nil {
		return n, true
	}
	return chineseCount(m[1]), true
}

// chineseCount is a count under a hundred written in Chinese numerals: 三,
// 两, 十二, 二十, 二十三; 0 if it is none.
func chineseCount(s string) int {
	digit := func(r rune) int { return slices.Index([]rune("零一二三四五六七八九"), r) }
	rs := []rune(strings.ReplaceAll(s, "两", "二"))
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return max(digit(rs[0]), 0)
	case len(rs) == 2 && rs[0] == '十':
		return 10 + max(digit(rs[1]), 0)
	case len(rs) == 2 && rs[1] == '十':
		return 10 * max(digit(rs[0]), 0)
	case len(rs) == 3 && rs[1] == '十':
		return 10*max(digit(rs[0]), 0) + max(digit(rs[2]), 0)
	}
	return 0
}

// notYetLeft reports a clause that says, between name and its word of
// leaving, that the leaving is yet to come or did not happen: 李四拟于
// 2026年1月转出, 李四同志2026年将转出, 李四未转出.
func notYetLeft(clause, name, word string) bool {
	_, after, ok := strings.Cut(clause, name)
	at := strings.Index(after, word)
	if !ok || at < 0 {
		return false
	}
	return notLeftIn(after[:at], false)
}

// nameList reports text that is a list of names and nothing else: 李四、
// 王五, 李四同志.
func nameList(text string) bool {
	parts := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("、和及与/ ", r) })
	// 除李四外 names who is not among them.
	return len(parts) > 0 && !strings.HasPrefix(text, "除") && !slices.ContainsFunc(parts, func(p string) bool { return !personName(strings.TrimSuffix(p, "同志")) })
}

// peopleIn are the sheet's names (header.people) clause holds, a name
// inside a longer one (李四 in 李四海) not counted, nor one whose leaving
// the words before word say is yet to come or did not happen (李四拟于2026
// 年转出, 李四未转出).
func (h header) peopleIn(clause, word string) []string {
	if !h.people.any() {
		return nil
	}
	runes := []rune(clause)
	var out []string
	for i := 0; i < len(runes); {
		longest := 0
		for n := min(8, len(runes)-i); n >= 2; n-- {
			if h.people.names[string(runes[i:i+n])] {
				longest = n
				break
			}
		}
		if longest == 0 {
			i++
			continue
		}
		name := string(runes[i : i+longest])
		// 除李四外: the one named is the one who stayed.
		if !strings.HasSuffix(string(runes[:i]), "除") && !notYetLeft(string(runes[i:]), name, word) && !slices.Contains(out, name) {
			out = append(out, name)
		}
		i += longest
	}
	return out
}

// peopleNamed are the sheet's people a clause saying word names as having
// left (peopleIn), but for one whose name is inside a longer name the
// clause's words give (leaverNames): 赵丽 on the sheet is not the 赵丽华
// the note names (review nu8 N1: a member 赵丽 was refused for 注：赵丽华已
// 转出, and for 李明's 备注 赵丽华已转出), unless the clause names it by
// itself too (赵丽、赵丽华) or the sheet has the longer name as well.
func (h header) peopleNamed(clause, word string) []string {
	found := h.peopleIn(clause, word)
	if len(found) == 0 {
		return nil
	}
	read, _ := leaverNames(clause, word)
	return slices.DeleteFunc(found, func(f string) bool {
		return !slices.Contains(read, f) && slices.ContainsFunc(read, func(r string) bool { return longerName(r, f) && !h.people.names[r] })
	})
}

// withPeople is h knowing the names in the 姓名 column of rows under the
// headings (header.people), read the first time a note needs them: a
// sheet of 20,000 members without such a note does not pay for them.
func (h header) withPeople(rows []streamRow) header {
	if c, ok := h.column(model.FieldName); ok {
		h.people = &peopleIndex{rows: rows, from: h.first + h.rows, col: c}
	}
	return h
}

// peopleIndex is the names of a sheet's 姓名 column (withPeople).
type peopleIndex struct {
	rows      []streamRow
	from, col int // the first row under the headings, the 姓名 column
	names     map[string]bool
}

// any reads the names if not yet read, and reports whether there are any.
func (p *peopleIndex) any() bool {
	if p == nil {
		return false
	}
	if p.names == nil {
		p.names = map[string]bool{}
		for _, r := range p.rows {
			if r.n < p.from {
				continue
			}
			// A row's one text in the 姓名 column is a title or a note
			// (已过世), no one's name.
			filled := 0
			for _, v := range r.cells {
				if strings.TrimSpace(v) != "" {
					filled++
				}
			}
			if name := spaceless(model.CleanText(cell(r.cells, p.col))); filled > 1 && personName(name) && sectionLeftWord(name) == "" {
				p.names[name] = true
			}
		}
	}
	return len(p.names) > 0
}

// speaksOfLeaving reports a row's one text that speaks of leaving but
// does not say its people left (组织关系转出中, 历史遗留：党员组织关系待接
// 转): the title of a group of members. Not read so, it was refused as a
// person named so, or passed over without a line (review s13-reattack
// #17). A group's title known as one (待转出党员) is read as before.
func speaksOfLeaving(title string) bool {
	if _, ok := groupTitleOf(title); ok || utf8.RuneCountInString(title) > 20 {
		return false
	}
	return slices.ContainsFunc(anyLeftWords, func(w string) bool { return strings.Contains(title, w) })
}

// nameEnds are the words after a list of names in a note where the
// sentence goes on: 李四已…, 李四于…, 李四同志…, 李四等2人…, and the words
// of a leaving yet to come (李四拟…, 李四将…: notYetLeft) — read into the
// name, the note was said to name 李四拟, whom the sheet does not have.
var nameEnds = []string{"已", "于", "同志", "均", "都", "等", "因", "正在", "在", "拟", "将", "准备", "计划", "申请", "尚未", "未", "被", "（", "(", "：", ":"}

// leaverNames are the people a note names as having left — 李四已于2025年
// 3月转出, 李四、王五同志2024年调走 — ok false when what comes before the
// words of leaving is no list of names (部分党员, 今年).
func leaverNames(rest, word string) ([]string, bool) {
	// A group's title (自行脱党人员, 已转出党员名单) names no one.
	if slices.ContainsFunc([]string{"人员", "党员", "名单", "同志们"}, func(s string) bool { return strings.HasSuffix(rest, s) }) {
		return nil, false
	}
	// The names end where the sentence goes on: 已, 于, 同志, a date —
	// not at the word itself (自行脱党: 自行 is no name).
	cut := strings.Index(rest, word)
	if cut < 0 {
		return nil, false
	}
	named := false
	for _, w := range nameEnds {
		if i := strings.Index(rest, w); i >= 0 && i <= cut {
			cut, named = i, true
		}
	}
	if i := strings.IndexFunc(rest, unicode.IsDigit); i >= 0 && i <= cut {
		cut, named = i, true
	}
	if !named {
		return nil, false
	}
	parts := strings.FieldsFunc(rest[:cut], func(r rune) bool { return strings.ContainsRune("、，,和及与/；; ", r) })
	if len(parts) == 0 {
		return nil, false
	}
	for i, p := range parts {
		p = strings.TrimSuffix(strings.TrimSuffix(p, "同志"), "党员")
		if !personName(p) {
			return nil, false
		}
		parts[i] = p
	}
	return parts, true
}

// personName reports text that may be a person's name: two to eight
// Chinese characters (a name of the minorities joined by ·), none that
// speaks of a group (党员, 人员, 本支部, 以下) or a time (今年).
func personName(s string) bool {
	n := utf8.RuneCountInString(s)
	// 组织关系已转走 names no one (review wd F30: 组织关系 was read as
	// the name of the person who left, and the rows under it were stored).
	if n < 2 || n > 8 || strings.Contains(s, "组织") || strings.Contains(s, "关系") {
		return false
	}
	// 失联党员（已停止党籍）: a group of members, read as naming 失联.
	if slices.Contains([]string{"失联", "流动", "在职", "退休", "离休", "离退休"}, s) {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && r != '·' && r != '•' || strings.ContainsRune("党员人支部以本其该此位年月日", r) {
			return false
		}
	}
	return true
}

// sectionLeftWord is the word of groupLeftWords (leavingWords) that text
// says, "" if none or if one is negated: 不含已转出党员 says no one below
// has left, though 出党 is in it too; 转至本支部 says they came.
func sectionLeftWord(text string) string {
	text = leavingText(text)
	// A group of members that counts some leavers among them
	// (离退休党员（含已故党员1名）) or people on their way (转出中) is no
	// row of leavers: its people are members.
	// Only a word inside the count or the process says so: 注：以下党员已转
	// 出（含预备党员1名）, （其中1名为预备党员） still say the people below
	// left.
	// 李四已转出（手续办理中） says it was done, the bracket how far the
	// papers are (review s14-reattack7 #19: 李四 was stored without a line).
	if strings.HasSuffix(strings.TrimRight(text, "）)"), "中") &&
		!slices.ContainsFunc(groupLeftWords, func(w string) bool { return strings.Contains(text, "已"+w) }) {
		return ""
	}
	said := ""
	for _, w := range groupLeftWords {
		for at := range indexesOf(text, w) {
			if notLeft(text[:at]) {
				return ""
			}
			after := text[at+len(w):]
			if slices.Contains(towardsHere, w) && towardsUs(after) {
				continue
			}
			if strings.HasPrefix(after, "中") || strings.Contains(text[:at], "含") && !strings.Contains(text[:at], "不含") || notLeftBy(w, after) {
				continue
			}
			if said == "" {
				said = w
			}
		}
	}
	// 注：以下党员组织关系已转 ends on the move itself (review
	// s14-reattack7 #17); 关系已转入 is an arrival.
	if said == "" && strings.HasSuffix(text, "关系已转") {
		said = "关系已转"
	}
	return said
}

// leftSection is a row saying the people under it have left the roster,
// up to the next group row: row, its text and the word that says so;
// those under it (第4行（节二）). A group row that says nothing of
// leaving is kept with an empty word: it ends the one above. A note
// saying the people above it left (above) covers the rows from from, the
// first under the group row or heading before it.
type leftSection struct {
	row    int
	title  string
	word   string
	people model.TextList
	at     int // where among the sheet's notes its note goes: in row order with the other group rows'
	above  bool
	from   int
	// unsure, except: as the note's (leaverNote); unknown are the people
	// except names whom the rows it covers do not have (unknownExceptions)
	unsure  bool
	except  []string
	unknown []string
	// names: rows of names under it say whom it means (namesUnder)
	names bool
	// suspended: the row says its people's membership is suspended
	// (以下党员已停止党籍): they are on the roster, 党籍状态 停止党籍
	// (suspendedBy), and word is "".
	suspended bool
}

// suspends reports a note or group row whose only word of leaving is
// 停止党籍 (or 停籍, 中止党籍: model.SuspendedWords): a 党籍状态 of members
// on the roster (RULES.md §4), as a sheet so named is read (sheetStatusOf)
// — its people were refused as gone (review wd F32, ra8 G7). 停止党籍及除名
// 人员 holds leavers.
func (l leaverNote) suspends() bool {
	return slices.Contains(model.SuspendedWords, l.word) && !l.unsure && len(l.except) == 0 && len(l.names) == 0 &&
		sectionLeftWord(withoutSuspended(l.title)) == ""
}

// suspendedBy is the group row or note saying row n's people are
// suspended (leftSection.suspended), nil if none.
func (im *importer) suspendedBy(n int) *leftSection {
	return im.covering(n, func(s *leftSection) bool { return s.suspended }, im.suspendedAbove)
}

// covering is the group row or note that says something (is) of row n's
// people: the last one of lefts at or above n, when is holds for it — a
// group row saying nothing ends the one before — or else the note of
// aboves (saying so of the rows above it, up to the group row or heading
// before it) whose rows hold n; nil if none. leftAt and suspendedBy ask it.
func (im *importer) covering(n int, is func(*leftSection) bool, aboves []leftSection) *leftSection {
	var at *leftSection
	for i := range im.lefts {
		if im.lefts[i].row > n {
			break
		}
		at = &im.lefts[i]
	}
	if at != nil && is(at) {
		return at
	}
	for i := range aboves {
		if s := &aboves[i]; n >= s.from && n < s.row {
			return s
		}
	}
	return nil
}

// namedLeavers is a note naming the people who left (注：李四已于2025年3月
// 转出): their rows are refused wherever they are in the sheet (review
// s13-hx #7: 李四 was stored as a current member and the note passed over
// in silence).
type namedLeavers struct {
	leaverNote
	row    int
	at     int
	people model.TextList
	found  map[string]bool
	// others are the rows refused as ones the note may mean, not naming
	// them (leaverNote.wholeSheet); unknown the people its exception names
	// whom the sheet does not have
	others  model.TextList
	unknown []string
	// remarkOf: the names are in the 备注 of another member's row, this
	// person's (remarkLeavers)
	remarkOf string
}

// leftAt is the section saying row n's people have left, nil when the
// row is under none (or under a group row that ended it) and above no
// note saying those above it left.
func (im *importer) leftAt(n int) *leftSection {
	return im.covering(n, func(s *leftSection) bool { return s.word != "" || s.unsure }, im.aboves)
}

// namedAt is the note naming who as having left, nil if none does.
func (im *importer) namedAt(who string) *namedLeavers {
	who = spaceless(who)
	for i := range im.named {
		if slices.Contains(im.named[i].names, who) {
			return &im.named[i]
		}
	}
	return nil
}

// refuseLeaver refuses the record rec as having left the roster (why),
// its row listed among the people of the note saying so.
func (im *importer) refuseLeaver(rec *record, people *model.TextList, why model.Text) {
	who := cell(rec.cells, im.nameIndex())
	if who == "" {
		*people = append(*people, model.Textf("第%d行", rec.n))
	} else {
		*people = append(*people, model.Textf("第%d行（%s）", rec.n, who))
	}
	im.rd.rf.Rejected = append(im.rd.rf.Rejected, model.Rejection{Sheet: im.sheet.Name, Row: rec.n, Field: model.FieldName,
		Reason: why.String(), Text: why, Name: model.CutTyped(who), Value: model.CutTyped(who)})
}

// refusedLeaver refuses the record rec when a row or note says its
// person left (leftAt, namedAt), or may have (leaverNote.unsure,
// wholeSheet), and reports whether it did. Refused, not left out: a row
// wrongly read as saying its people left dropped current members with one
// 提示 among many (review s13-reattack #8); refused, they are listed and
// come back in the workbook of refused rows.
func (im *importer) refusedLeaver(rec *record) bool {
	if im.refusedNumbered(rec) {
		return true
	}
	who := model.CleanText(cell(rec.cells, im.nameIndex()))
	if s := im.leftAt(rec.n); s != nil && !(len(s.unknown) == 0 && slices.Contains(s.except, spaceless(who))) {
		switch {
		case len(s.unknown) > 0:
			im.refuseLeaver(rec, &s.people, model.Textf("第%d行的说明“%s”说除%s外都已离开，但它所说的各行中没有%s，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
				s.row, s.title, strings.Join(s.except, "、"), strings.Join(s.unknown, "、")))
		case s.unsure && s.above:
			im.refuseLeaver(rec, &s.people, model.Textf("在第%d行的说明“%s”之上：这一说明说的是其上各行，却没有说他们仍在册，这一行未导入：仍是党员的，请删去这一说明后再导入；已离开的，请删去这一行", s.row, s.title))
		case s.unsure:
			im.refuseLeaver(rec, &s.people, model.Textf("在第%d行的说明“%s”之下：这一说明说的是其下各行，却没有说他们仍在册，这一行未导入：仍是党员的，请删去这一说明后再导入；已离开的，请删去这一行", s.row, s.title))
		case s.above:
			im.refuseLeaver(rec, &s.people, model.Textf("在第%d行的说明“%s”之上，看来已不在花名册上（写着“%s”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之下后再导入", s.row, s.title, s.word))
		default:
			im.refuseLeaver(rec, &s.people, model.Textf("在分组行“%s”之下，看来已不在花名册上（写着“%s”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之上后再导入", s.title, s.word))
		}
		return true
	}
	if s := im.namedAt(who); s != nil && who != "" {
		s.found[spaceless(who)] = true
		if s.remarkOf != "" {
			im.refuseLeaver(rec, &s.people, model.Textf("第%d行（%s）的备注“%s”说此人已离开（写着“%s”），看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的备注后再导入", s.row, s.remarkOf, s.title, s.word))
			return true
		}
		if s.offRoll {
			im.refuseLeaver(rec, &s.people, model.Textf("第%d行的说明“%s”说除%s外都在册，此人不在册，这一行未导入：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入", s.row, s.title, strings.Join(s.names, "、")))
			return true
		}
		im.refuseLeaver(rec, &s.people, model.Textf("第%d行的说明“%s”说此人已离开（写着“%s”），看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入", s.row, s.title, s.word))
		return true
	}
	// A note that speaks of more people than it names may mean this row.
	for i := range im.named {
		s := &im.named[i]
		switch {
		case !s.wholeSheet():
			continue
		case s.vague:
			im.refuseLeaver(rec, &s.others, model.Textf("第%d行的说明“%s”说表中有人已离开（写着“%s”），却没有说是谁，此人可能是其中一位，这一行未导入：请在说明中写出离开的人的姓名，或删去他们的行后再导入", s.row, s.title, s.word))
		case len(s.unknown) > 0:
			im.refuseLeaver(rec, &s.others, model.Textf("第%d行的说明“%s”说除%s外都已离开，但表中没有%s，看不出谁仍在册，这一行未导入：请改正说明中的姓名后再导入",
				s.row, s.title, strings.Join(s.except, "、"), strings.Join(s.unknown, "、")))
		case s.all && s.unsure:
			im.refuseLeaver(rec, &s.others, model.Textf("第%d行的说明“%s”说的是表中各行，却没有说他们仍在册，这一行未导入：仍是党员的，请删去这一说明后再导入；已离开的，请删去这一行", s.row, s.title))
		case s.all:
			im.refuseLeaver(rec, &s.others, model.Textf("第%d行的说明“%s”说表中的人都已离开（写着“%s”），看来此人已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入", s.row, s.title, s.word))
		case len(s.except) > 0 && slices.Contains(s.except, spaceless(who)):
			continue
		case len(s.except) > 0:
			im.refuseLeaver(rec, &s.others, model.Textf("第%d行的说明“%s”说除%s外都已离开（写着“%s”），看来此人已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入",
				s.row, s.title, strings.Join(s.except, "、"), s.word))
		case s.unsaid:
			im.refuseLeaver(rec, &s.others, model.Textf("第%d行的说明“%s”说%s等人已离开，没有写出全部姓名，此人可能是其中一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
				s.row, s.title, strings.Join(s.names, "、")))
		default:
			im.refuseLeaver(rec, &s.others, model.Textf("第%d行的说明“%s”说%d人已离开，只写出了%d人（%s），此人可能是没有写出的一位，这一行未导入：请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
				s.row, s.title, len(s.names)+s.unnamed, len(s.names), strings.Join(s.names, "、")))
		}
		return true
	}
	return false
}

// unknownExceptions finds, for each note with an exception (除李四外), the
// people it names whom the rows it covers do not have: with a name
// mistyped, or one who is elsewhere, the note cannot say who is still
// here, and its rows are refused rather than read as all leavers.
func (im *importer) unknownExceptions(rows []streamRow) {
	col := im.nameIndex()
	namesIn := func(from, to int) map[string]bool {
		out := map[string]bool{}
		for _, r := range rows {
			if r.n >= from && r.n < to {
				if name := spaceless(model.CleanText(cell(r.cells, col))); name != "" {
					out[name] = true
				}
			}
		}
		return out
	}
	missing := func(except []string, have map[string]bool) []string {
		var out []string
		for _, name := range except {
			if !have[name] {
				out = append(out, name)
			}
		}
		return out
	}
	for i := range im.lefts {
		if s := &im.lefts[i]; len(s.except) > 0 {
			to := math.MaxInt
			if i+1 < len(im.lefts) {
				to = im.lefts[i+1].row
			}
			s.unknown = missing(s.except, namesIn(s.row+1, to))
		}
	}
	for i := range im.aboves {
		if s := &im.aboves[i]; len(s.except) > 0 {
			s.unknown = missing(s.except, namesIn(s.from, s.row))
		}
	}
	for i := range im.named {
		if s := &im.named[i]; len(s.except) > 0 {
			s.unknown = missing(s.except, namesIn(im.h.first+im.h.rows, math.MaxInt))
		}
	}
}

// leftNotes names, for each row or note saying its people have left,
// whom it refused.
func (im *importer) leftNotes() {
	type placed struct {
		at int
		n  model.ImportNote
	}
	var notes []placed
	for _, s := range im.lefts {
		if s.word == "" && !s.unsure {
			continue
		}
		var n model.ImportNote
		switch {
		case s.unsure && len(s.people) == 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：说的是其下各行，但其下（到下一个分组行为止）没有党员；这一行是说明，不是党员，未导入", s.title)
		case s.unsure:
			n = model.Note(im.sheet.Name, s.row, "",
				"说明行“%s”：说的是其下各行（到下一个分组行为止），却没有说他们仍在册，这些行未予导入（见未通过的行）：%s；仍是党员的，请删去这一说明后再导入，已离开的请删去这些行",
				s.title, s.people)
		case len(s.people) == 0 && s.names:
			// the note on the names says it (namedLeavers)
			continue
		case len(s.people) == 0:
			n = model.Note(im.sheet.Name, s.row, "", "分组行“%s”：写着“%s”，是分组的标题，不是党员，未导入", s.title, s.word)
		case len(s.unknown) > 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：说除%s外都已离开，但其下各行中没有%s，这些行未予导入（见未通过的行）：%s；请改正说明中的姓名后再导入",
				s.title, strings.Join(s.except, "、"), strings.Join(s.unknown, "、"), s.people)
		case len(s.except) > 0:
			n = model.Note(im.sheet.Name, s.row, "",
				"说明行“%s”：写着“%s”，其下各行（到下一个分组行为止）除%s外看来已不在花名册上，未予导入（见未通过的行）：%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请移到这一行之上后再导入",
				s.title, s.word, strings.Join(s.except, "、"), s.people)
		default:
			n = model.Note(im.sheet.Name, s.row, "",
				"分组行“%s”：写着“%s”，其下各行（到下一个分组行为止）看来已不在花名册上，未予导入（见未通过的行）：%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请移到这一行之上后再导入",
				s.title, s.word, s.people)
		}
		notes = append(notes, placed{s.at, n})
	}
	for _, s := range im.aboves {
		var n model.ImportNote
		switch {
		case s.unsure && len(s.people) == 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：说的是其上各行，但其上（到上一个分组行或表头为止）没有党员；这一行是说明，不是党员，未导入", s.title)
		case s.unsure:
			n = model.Note(im.sheet.Name, s.row, "",
				"说明行“%s”：说的是其上各行（到上一个分组行或表头为止），却没有说他们仍在册，这些行未予导入（见未通过的行）：%s；仍是党员的，请删去这一说明后再导入，已离开的请删去这些行",
				s.title, s.people)
		case len(s.people) == 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，但其上（到上一个分组行或表头为止）没有党员；这一行是说明，不是党员，未导入", s.title, s.word)
		case len(s.unknown) > 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：说除%s外都已离开，但其上各行中没有%s，这些行未予导入（见未通过的行）：%s；请改正说明中的姓名后再导入",
				s.title, strings.Join(s.except, "、"), strings.Join(s.unknown, "、"), s.people)
		case len(s.except) > 0:
			n = model.Note(im.sheet.Name, s.row, "",
				"说明行“%s”：写着“%s”，其上各行（到上一个分组行或表头为止）除%s外看来已不在花名册上，未予导入（见未通过的行）：%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请移到这一行之下后再导入",
				s.title, s.word, strings.Join(s.except, "、"), s.people)
		default:
			n = model.Note(im.sheet.Name, s.row, "",
				"说明行“%s”：写着“%s”，其上各行（到上一个分组行或表头为止）看来已不在花名册上，未予导入（见未通过的行）：%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请移到这一行之下后再导入",
				s.title, s.word, s.people)
		}
		notes = append(notes, placed{s.at, n})
	}
	for _, s := range im.named {
		var missing []string
		for _, name := range s.names {
			if !s.found[name] {
				missing = append(missing, name)
			}
		}
		if s.remarkOf != "" && len(s.people) == 0 {
			continue
		}
		var n model.ImportNote
		switch {
		case s.remarkOf != "":
			n = model.Note(im.sheet.Name, s.row, model.FieldNotes, "备注“%s”：写着“%s”，说的是表中另外的人，他们未予导入（见未通过的行）：%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”", s.title, s.word, s.people)
		case s.vague && len(s.others) == 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，但表中没有党员；这一行是说明，不是党员，未导入", s.title, s.word)
		case s.vague:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，却没有说是谁，看不出哪几位已离开，表中各行未予导入（见未通过的行）：%s；请在说明中写出离开的人的姓名，或删去他们的行后再导入", s.title, s.word, s.others)
		case s.offRoll && len(s.people) == 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：说除%s外都在册，但表中没有找到%s；这一行是说明，不是党员，未导入", s.title, strings.Join(s.names, "、"), strings.Join(missing, "、"))
		case s.offRoll:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：说除%s外都在册，所说不在册的人未予导入（见未通过的行）：%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”", s.title, strings.Join(s.names, "、"), s.people)
		case s.all && len(s.others) == 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：说的是表中各行，但表中没有党员；这一行是说明，不是党员，未导入", s.title)
		case s.all && s.unsure:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：说的是表中各行，却没有说他们仍在册，这些行未予导入（见未通过的行）：%s；仍是党员的，请删去这一说明后再导入，已离开的请删去这些行",
				s.title, s.others)
		case s.all:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，表中各行看来已不在花名册上，未予导入（见未通过的行）：%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改正这一行的说明后再导入",
				s.title, s.word, s.others)
		case len(s.unknown) > 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：说除%s外都已离开，但表中没有%s，各行未予导入（见未通过的行）：%s；请改正说明中的姓名后再导入",
				s.title, strings.Join(s.except, "、"), strings.Join(s.unknown, "、"), s.others)
		case len(s.except) > 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，表中除%s外的各行看来已不在花名册上，未予导入（见未通过的行）：%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改正这一行的说明后再导入",
				s.title, s.word, strings.Join(s.except, "、"), s.others)
		case len(s.people) == 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，但表中没有找到%s；这一行是说明，不是党员，未导入", s.title, s.word, strings.Join(missing, "、"))
		case len(missing) > 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，所说的人未予导入（见未通过的行）：%s；表中没有找到%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”", s.title, s.word, s.people, strings.Join(missing, "、"))
		default:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，所说的人未予导入（见未通过的行）：%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”", s.title, s.word, s.people)
		}
		notes = append(notes, placed{s.at, n})
		// The rows it may mean, not naming them (李四等2人, 李四等人).
		switch {
		case len(s.except) > 0 || s.all || s.vague || !s.wholeSheet() || len(s.others) == 0:
		case s.unsaid:
			notes = append(notes, placed{s.at, model.Note(im.sheet.Name, s.row, "",
				"说明行“%s”：说%s等人已离开，没有写出全部姓名，看不出另外的人是谁，表中其余各行未予导入（见未通过的行）：%s；请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
				s.title, strings.Join(s.names, "、"), s.others)})
		default:
			notes = append(notes, placed{s.at, model.Note(im.sheet.Name, s.row, "",
				"说明行“%s”：说%d人已离开，只写出了%d人的姓名（%s），看不出另外的人是谁，表中其余各行未予导入（见未通过的行）：%s；请在说明中写出全部离开的人的姓名，或删去他们的行后再导入",
				s.title, len(s.names)+s.unnamed, len(s.names), strings.Join(s.names, "、"), s.others)})
		}
	}
	for i, n := range im.numberedNotes() {
		notes = append(notes, placed{im.numbered[i].at, n})
	}
	// Last first: each goes where the notes were when its row was read,
	// which the ones before it do not move.
	slices.SortStableFunc(notes, func(a, b placed) int { return a.at - b.at })
	for i := len(notes) - 1; i >= 0; i-- {
		im.rd.rf.Notes = slices.Insert(im.rd.rf.Notes, min(notes[i].at, len(im.rd.rf.Notes)), notes[i].n)
	}
}

// currentNote says of a note that the people below it are on the
// roster (注：以下为在册党员) that it was read, and that it ended the
// leavers above it (ended, their title). 失联党员 and those who stopped
// taking part in the branch's life are members (RULES.md §4: 是否失联党
// 员 is a field of the member's record; 党章 art. 9 makes the branch,
// not the roster, decide on a member away from its life): imported, as
// the note says, and said.
func (im *importer) currentNote(n int, title, ended string) {
	note := func(format string, args ...any) {
		im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, n, "", format, args...))
	}
	_, isNote := cutNotePrefix(title)
	switch {
	case !isNote:
		// A group's title: speaksOfLeaving.
		note("分组行“%s”：是分组的标题，不是党员，未导入；它没有说其下的人已离开，其下各行照常导入", title)
	case strings.Contains(title, "失联") && !im.h.has(model.FieldLostContact):
		note("说明行“%s”：失联党员仍在花名册上，其下各行照常导入，但没有记为失联党员，请导入后在窗口中逐人登记", title)
	case strings.Contains(title, "停止组织生活"):
		note("说明行“%s”：这些党员仍在花名册上，其下各行照常导入；长期不参加组织生活的，请支部按党章第九条处理后在窗口中登记", title)
	case ended != "":
		note("说明行“%s”：其下各行为在册党员，照常导入；分组行“%s”所说离开的人员到此为止", title, ended)
	default:
		note("说明行“%s”：是说明，不是党员，未导入；其下各行照常导入", title)
	}
}
