package xlsx

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"branchledger/model"
)

// How a note on who left is read beyond its words of leaving
// (leavingWords): who it excepts (除李四外), where it points when a number
// or a clause comes first (说明：1.以上…), and which notes over rows say
// nothing of leaving (keepsItsPeople) — the rest of leftsection.go's
// leaverNote, kept apart so that each list can be read whole (brief k7).

// notYet reports a note naming no leaver that speaks of a leaving yet to
// come (李四拟于2026年转出, 李四将转出): its people are still here
// (notYetLeft).
func notYet(rest string) bool {
	return notLeftIn(rest, true)
}

// exception is a clause naming who is not among the people a note says
// left: 除李四外, 除李四、王五外, 除了李四和王五以外, 除李四同志之外 (or
// after them: exceptionAfter).
var exception = regexp.MustCompile(`除了?([^，,。；;：:]+?)(?:同志|党员)?(?:以外|之外|外)[，,、]?`)

// notExcepting end a word with 除 that names no exception: 开除, 清除.
const notExcepting = "开清删排剔免解废扣去拆革消根切摘"

// cutException is a note's text without its exception (以上党员均已转出
// for 除李四外，以上党员均已转出), and the people the exception names; ok
// false when the note has none, or one that names no one (除此之外).
func cutException(rest string) (others string, except []string, ok bool) {
	var m []int
	for _, at := range exception.FindAllStringSubmatchIndex(rest, -1) {
		if before, _ := utf8.DecodeLastRuneInString(rest[:at[0]]); !strings.ContainsRune(notExcepting, before) {
			m = at
			break
		}
	}
	if m == nil {
		m = exceptionAfter.FindStringSubmatchIndex(rest)
	}
	if m == nil {
		return rest, nil, false
	}
	for _, p := range strings.FieldsFunc(rest[m[2]:m[3]], func(r rune) bool { return strings.ContainsRune("、和及与,，/ ", r) }) {
		p = strings.TrimSuffix(p, "同志")
		// （预备党员除外） names a kind of member, not a person: no row's
		// name, so that the rows it covers are refused (unknownExceptions)
		// rather than all read as leavers.
		if p = strings.TrimSuffix(p, "党员"); slices.Contains(memberKinds, p) {
			p += "党员"
		}
		// （已故党员除外） names leavers, not an exception.
		if !personName(strings.TrimSuffix(p, "党员")) || slices.ContainsFunc(anyLeftWords, func(w string) bool { return strings.Contains(p, w) }) {
			return rest, nil, false
		}
		except = append(except, p)
	}
	if len(except) == 0 {
		return rest, nil, false
	}
	return strings.TrimRight(rest[:m[0]], "，,：:；;中") + rest[m[1]:], except, true
}

// leftInException are the people an exception says left, and its word of
// leaving: 除赵丽华已转出外其余均在册 — those named left, the others are
// here. ok false when the exception says no leaving or names no one.
func leftInException(rest string) (names []string, word string, ok bool) {
	for _, at := range exception.FindAllStringSubmatchIndex(rest, -1) {
		if before, _ := utf8.DecodeLastRuneInString(rest[:at[0]]); strings.ContainsRune(notExcepting, before) {
			continue
		}
		inner := rest[at[2]:at[3]]
		if word = sectionLeftWord(inner); word == "" {
			return nil, "", false
		}
		names, ok = leaverNames(inner, word)
		return names, word, ok
	}
	return nil, "", false
}

// noteAboveHeadings reports a row above the headings that is a note (注：
// …, 说明：…), read as one under them (review F42): a title is not.
func (h header) noteAboveHeadings(sr *sheetReader, n int, cells []string) bool {
	text, ok := h.noteText(sr, n, cells)
	if !ok {
		return false
	}
	_, note := cutNotePrefix(text)
	return note || leaverCount(model.CleanLine(text))
}

// namesUnder are the names in the rows just under rows[i], a note saying
// the people below it left (注：以下人员已转出：), that hold names alone —
// 赵丽华、李明 in one cell, or one name a cell — and those rows: the
// people who left, named, not a group of members under a title.
func (h header) namesUnder(rows []streamRow, i int) (names []string, at []int) {
	for _, r := range rows[i+1:] {
		var inRow []string
		for _, v := range r.cells {
			for _, p := range strings.FieldsFunc(model.CleanLine(v), func(r rune) bool { return strings.ContainsRune("、，,；; \u3000", r) }) {
				if p = strings.TrimSuffix(p, "同志"); !personName(p) {
					return names, at
				}
				inRow = append(inRow, p)
			}
		}
		if len(inRow) == 0 {
			if len(at) > 0 {
				return names, at
			}
			continue
		}
		names, at = append(names, inRow...), append(at, r.n)
	}
	return names, at
}

// remarkLeavers reads a member's 备注 naming other people of the sheet as
// having left — 李明's 备注 赵丽华已转出 — as a note naming them: 李明 was
// refused and 赵丽华 stored (review F29). The row's own person is the
// remark's too when it ties them to the others (与赵丽华同时转出:
// rowMember.remarkOnOthers).
func (im *importer) remarkLeavers(rows []streamRow) {
	for _, r := range im.h.remarksNaming(rows) {
		im.named = append(im.named, namedLeavers{leaverNote: r.note, row: r.row, at: len(im.rd.rf.Notes), found: map[string]bool{},
			remarkOf: r.own})
	}
}

// remarkNaming is a member's 备注 naming other people of the sheet who
// left, read as a note naming them.
type remarkNaming struct {
	row  int
	own  string // the row's person
	note leaverNote
}

// remarksNaming are the 备注 of rows, in order, that name other people of
// the sheet as having left (remarkLeavers; the workbook of refused rows
// writes each as a note above the first of them).
func (h header) remarksNaming(rows []streamRow) []remarkNaming {
	c, ok := h.column(model.FieldNotes)
	if !ok {
		return nil
	}
	name, ok := h.column(model.FieldName)
	if !ok {
		name = -1
	}
	var out []remarkNaming
	for _, r := range rows {
		v := cell(r.cells, c)
		if r.n < h.first+h.rows || v == "" || !leftSayingStarts.any(v) {
			continue
		}
		v = model.CleanLine(v)
		w := leftSaying(v)
		if w == "" {
			continue
		}
		own := spaceless(model.CleanText(cell(r.cells, name)))
		others := slices.DeleteFunc(h.peopleNamed(v, w), func(n string) bool { return n == own })
		if len(others) == 0 {
			continue
		}
		out = append(out, remarkNaming{row: r.n, own: own, note: leaverNote{kind: noteNamed, title: v, word: w, names: others}})
	}
	return out
}

// remarkSays is what a member's 备注 with a word of leaving says of the
// member (rowMember.remarkOnOthers).
type remarkSays int

const (
	remarkOwn     remarkSays = iota // the member left: 已转出, 与赵丽华同时转出
	remarkOthers                    // others left, named: 赵丽华已转出 in 李明's row
	remarkExcepts                   // merged over rows, it excepts the member: 除赵丽华外均已转出
	remarkUnsure                    // in the member's row alone, it excepts the member
)

// tiedWords before a name in a 备注 tie the row's person to the named
// one's leaving: 与赵丽华同时转出.
var tiedWords = []string{"与", "和", "同", "跟", "随", "及", "偕"}

// remarkOnOthers reads the 备注 notes, saying w, of the member of row r.
func (r *rowMember) remarkOnOthers(notes, w string) remarkSays {
	own := spaceless(r.m.Name)
	if _, except, ok := cutException(notes); ok && slices.Contains(except, own) {
		if c, ok := r.im.h.column(model.FieldNotes); ok && r.im.sr.mergedDown(c+1, r.row) {
			return remarkExcepts
		}
		return remarkUnsure
	}
	others := slices.DeleteFunc(r.im.h.peopleNamed(notes, w), func(n string) bool { return n == own })
	if len(others) == 0 || own != "" && strings.Contains(notes, own) {
		return remarkOwn
	}
	// Tied in the clause that says the leaving: 与刘芳系夫妻，刘芳已调走
	// ties them as a couple, not in leaving (review ra9 L11).
	clause := notes
	if at := strings.Index(notes, w); at >= 0 {
		clause = clauseBefore(notes, at)
	}
	for _, name := range others {
		before, _, found := strings.Cut(clause, name)
		if found && slices.ContainsFunc(tiedWords, func(t string) bool { return strings.HasSuffix(before, t) }) {
			return remarkOwn
		}
	}
	return remarkOthers
}

// splitNotePrefixes start a note whose words are in the next cell of its
// row: 注： | 赵丽华已转出.
var splitNotePrefixes = []string{"注", "注释", "附注", "说明", "备注", "备考"}

// memberKinds are the words before 党员 that name a kind of member: 预备党
// 员, 流动党员, 离退休党员.
var memberKinds = []string{"预备", "正式", "流动", "离退休", "退休", "离休", "在职", "失联", "困难", "老", "女", "男", "少数民族", "外出", "流入", "年轻"}

// exceptionAfter is an exception written after the names: 以上党员均已转出，
// 李四除外; 以上党员（李四、王五除外）均已转出.
var exceptionAfter = regexp.MustCompile(`(?:^|[，,：:；;（(])([^，,。；;：:（()）]+?)(?:同志|党员)?除外[）)]?`)

// keepWords, in a note over the rows above or below it, say what those
// people are or what their data is — 注：以上党员均为在职职工, 注：以下为预
// 备党员, 注：以上数据截至2026年6月, 注：以上人员党费已交至2026年6月 — not
// that they left: the rows import as they are.
var keepWords = []string{
	// who they are
	"在册", "在职", "在岗", "在编", "在读", "职工", "正式党员", "预备党员", "离退休", "退休", "离休", "流动党员", "失联",
	"停止组织生活", "本支部党员", "全体党员", "党员名单", "人员名单",
	// arrivals: 注：以下党员组织关系已转入本支部
	"转入", "调入", "迁入", "转来", "调来", "迁来", "转回", "新发展",
	// their data and the table's
	"数据", "信息", "资料", "统计", "截至", "截止", "核对", "核实", "审核", "填报", "填写", "排序", "排列", "顺序", "来源",
	"排名", "不分先后", "内容", "属实", "报送", "上报", "表格",
	// dues, counts, and the mark under the last entry
	"党费", "合计", "总计", "共计", "人数", "空白", "无内容", "无正文",
	// members, as such: 注：以上同志均为中共党员, 注：以上为我支部党员
	"中共党员", "共产党员", "为党员", "是党员", "我支部党员",
	// how a value is read: 注：以上人员年龄计算至2026年6月, 以身份证为准
	"年龄", "计算", "为准", "核验",
}

// keepFields are the fields a note over rows may speak of without saying
// they left (注：以上人员学历为最高学历): the data of the record. Not the
// branch, the standing or being away — a note on those may say the people
// left (以上人员党籍已停止, 以上同志已赴外地支部).
var keepFields = []model.Field{model.FieldSex, model.FieldEthnicity, model.FieldIDNumber, model.FieldBirthDate, model.FieldEducation,
	model.FieldCategory, model.FieldJoinDate, model.FieldFullDate, model.FieldPost, model.FieldPhone, model.FieldAddress}

// keepFieldWords are the labels and headings of keepFields.
var keepFieldWords = func() []string {
	var out []string
	for _, f := range keepFields {
		info := f.Info()
		out = append(out, info.Label)
		out = append(out, info.Aliases...)
	}
	return out
}()

// keepsItsPeople reports a note over the rows above or below it that says
// those people are still here: in keepWords, or in a word of leaving that
// sectionLeftWord read as not said (以下人员组织关系未转出, 以下为待转出
// 党员). Any other (注：以上同志已赴外地工作) refuses its rows: imported
// with a 提示, people who left were stored as current members (issue 7,
// brief k7 #3).
func keepsItsPeople(rest string) bool {
	return slices.ContainsFunc(slices.Concat(keepWords, keepFieldWords, anyLeftWords), func(w string) bool { return strings.Contains(rest, w) })
}

// itemNumber numbers a note's item: 1., 1、, 一、, （1）.
var itemNumber = regexp.MustCompile(`(?:^|[；;。\s])(?:[0-9]{1,2}[.．、]|[一二三四五六七八九十]{1,2}、|[（(][0-9一二三四五六七八九十]{1,2}[)）])`)

// pointingClause is a note's text from where it points at the rows above
// or below it, after a number (说明：1.以上人员已去世) or a clause saying
// how it was found (注：经核实，以上同志已调往外地) that says nothing of
// leaving: read from its start, it was a note naming no one, its rows
// imported with a 提示 or without a word. A note of several items, or one
// whose first clause speaks of leaving or names an exception, is read as
// it stands.
func pointingClause(rest string) string {
	if items := itemNumber.FindAllStringIndex(rest, -1); len(items) == 1 && items[0][0] == 0 {
		rest = rest[items[0][1]:]
	}
	if hasAnyPrefix(rest, aboveWords) || hasAnyPrefix(rest, belowWords) {
		return rest
	}
	for i, r := range rest {
		if !strings.ContainsRune("，,；;", r) {
			continue
		}
		lead, after := rest[:i], strings.TrimSpace(rest[i+utf8.RuneLen(r):])
		if strings.Contains(lead, "除") || slices.ContainsFunc(anyLeftWords, func(w string) bool { return strings.Contains(lead, w) }) {
			return rest
		}
		if hasAnyPrefix(after, aboveWords) || hasAnyPrefix(after, belowWords) {
			return after
		}
	}
	return rest
}
