package xlsx

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// headerSearchRows is how far down a sheet the header is looked for: below
// a title, a unit line and a template's 填表说明, which may run to twenty
// lines (review s7-7 attack #15; ErrNoHeader names the number).
const headerSearchRows = 40

// maxColumns is the widest roster read; headings further right are not
// looked at.
const maxColumns = 256

// serialHeading heads the row-number column every roster has.
const serialHeading = "序号"

// skippedHeadings head columns that are not a field and not worth naming
// as a column not imported: the row number, in its variants, and the
// reasons column of a workbook of refused rows handed back to be fixed.
var skippedHeadings = map[string]bool{serialHeading: true, "编号": true, "序": true, "No.": true, "NO.": true, "No": true, RejectedReasonHeading: true}

// headings maps a normalised heading (see headingKey) to its field: every
// label and alias of model.RecordFields (the collection form's, and the date
// a member came onto the roster), the one table shared with the UI and the
// export, and of the opening dues position (党费已交至).
var headings = func() map[string]model.Field {
	m := make(map[string]model.Field)
	for _, fi := range append(slices.Clip(model.RecordFields), model.DuesPaidToField) {
		for _, h := range append([]string{fi.Label}, fi.Aliases...) {
			m[headingKey(h, false)] = fi.Field
		}
	}
	for h, f := range flatHeadings {
		if _, ok := m[headingKey(h, false)]; !ok {
			m[headingKey(h, false)] = f
		}
	}
	return m
}()

// dateGroups are group headings that say only that the columns under
// them are dates.
var dateGroups = map[string]bool{"时间": true, "日期": true, "年月": true, "时间年月": true, "日期年月": true, "年月日": true}

// flatHeadings name a field alone: 入党 and 转正
// as a roster's own headings over the two dates (review s6-7 new user #10).
var flatHeadings = map[string]model.Field{"入党": model.FieldJoinDate, "转正": model.FieldFullDate}

// subHeadings are the headings that name a field only under a group
// heading: 预备 and 转正 under 入党时间, 是否 and 流向 under 是否流动党员.
// Keys are normalised (headingKey); the group is the field its own heading
// names.
var subHeadings = func() map[model.Field]map[string]model.Field {
	table := map[model.Field]map[model.Field][]string{
		model.FieldJoinDate: {
			model.FieldJoinDate: {"预备", "预备党员", "成为预备党员", "接收预备党员", "入党", "加入", "接收"},
			model.FieldFullDate: {"转正", "正式", "正式党员", "转为正式党员", "成为正式党员"},
		},
		model.FieldMobile: {
			model.FieldMobile:            {"是否", "是否流动"},
			model.FieldMobileDestination: {"流向", "去向", "流动去向", "外出流向", "外出去向", "流入地", "外出地点", "流入地点"},
		},
		model.FieldLostContact: {
			model.FieldLostContact: {"是否", "是否失联"},
			model.FieldLostSince:   {"时间", "年月", "日期", "失联时间", "失联年月", "失联日期"},
		},
	}
	out := make(map[model.Field]map[string]model.Field, len(table))
	for group, subs := range table {
		out[group] = map[string]model.Field{}
		for f, words := range subs {
			for _, w := range words {
				out[group][headingKey(w, false)] = f
			}
		}
	}
	return out
}()

// header is where a sheet's headings are and which column holds which field.
type header struct {
	first, rows int      // first heading row (1-based) and how many
	cols        []column // in column order, each field at most once
	ignored     []column // columns with a heading that names no field, or a field already taken
	width       int      // the last column (1-based) with a heading
	// headed[c] says column c (0-based) has a heading of any kind: a
	// field's, one not imported, 序号. A value in a column without one is
	// a column not imported too (strays).
	headed []bool
	serial int // the 序号 column (1-based), 0 without one
	// reasons is the 错误原因 column (1-based) of a workbook of refused
	// rows read again, 0 without one: the app's own, never imported.
	reasons int
	// dups are second columns for a field whose value is one word or
	// name (所在党支部, 人员类别 …), not imported: a row whose value there
	// differs from the imported column's is refused (duplicateColumns).
	dups []column
	// joins are second columns for a field read together with its first
	// (column.join says how), neither set aside nor compared.
	joins []column
	// hint is the row (1-based) of fill-in hints right under the headings
	// (（必填）, （18位）), read as part of the header; 0 without one.
	hint int
	// numbers is the row (1-based) numbering the columns under the
	// headings (栏次 | 1 | 2 | 3, columnNumbersRow), read as part of the
	// header; 0 without one.
	numbers int
	// probationEnd is the column (1-based) of the day probation ends
	// (入党时间 over 预备期开始 | 预备期满), 0 without one: not imported —
	// it is no 转正 date — but it says 人员类别 where the row does not
	// (rowMember.categoryByProbationEnd).
	probationEnd int
	// people are the names in the 姓名 column under the headings
	// (withPeople): a note naming leavers is read for them (leaverNote).
	people *peopleIndex
	// nameRows are the rows of names under a note saying they left (注：以
	// 下人员已转出： over 赵丽华、李明: namesUnder), no members
	nameRows map[int]bool
}

type column struct {
	index   int // 0-based
	field   model.Field
	heading string // as the sheet shows it (the lowest heading over the column)
	// tick is the value of field the column stands for when the field is
	// given by ticking one of several columns (ticks.go): "正式党员" for
	// 正式 under 党员类别. "" for a column holding the field's value.
	tick string
	// group is the heading right above heading, "" without one.
	group string
	// join says how a column of header.joins is read with the field's
	// first column.
	join joinHow
	// over is the heading over both columns of a joinMerged join.
	over string
	// part is the part of a date split into columns (joinYearMonth) the
	// column holds: 年, 月 or 日; "" for any other column.
	part string
	// leaving is what a column set aside says of the person having left
	// by its heading (状态, 转出时间: leavingcolumns.go), 0 for most.
	leaving leavingHow
	// late is the row (1-based) under the header where a column about
	// leaving has its heading (withLateHeadings), 0 for most.
	late int
	// meeting marks a date of the 支部大会 that admitted the member
	// (支部大会讨论通过时间) kept beside the 入党时间 read: checked against
	// it row by row (rowMember.meetingDate), a blank 入党时间 taken from it.
	meeting bool
	// pair marks a column holding both party dates (入党及转正时间,
	// 入党/转正时间): it stands in h.cols twice, as 加入党组织日期 and as
	// 转为正式党员日期, and its cells are read as the two
	// (rowMember.twoDates).
	pair bool
	// said names a column not imported in the preview when its heading
	// alone does not say why: 学历（重复的“学历”列）, as a Text so that the
	// English screen says it in English (review s9-7 #6)
	said model.Text
}

// joinHow says how a second column for a field is read together with the
// first rather than set aside (header.joins).
type joinHow int

const (
	// joinMerged: the two columns stand under one heading merged across
	// them (联系电话 over a mobile and a landline column): they are one
	// field, a blank cell of the first takes the second's value and a
	// text field keeps both; of two phone numbers the first is read and the
	// second named (review s9-7 #9: a member whose only number was in the
	// second column was stored without one).
	joinMerged joinHow = iota + 1
	// joinUnitPost: 工作单位 beside 职务 (or 岗位): 工作岗位 is the two
	// together, the unit first, as the alias 工作单位及职务 has it (review
	// s9-7 #2: the employer was stored as the post and 职务 dropped).
	joinUnitPost
	// joinHighest: 学历 under 全日制教育 and 学历 under 在职教育: the higher
	// of the two, as the collection form's 学历 is the highest (review
	// s9-7 #1: every row with both filled was refused).
	joinHighest
	// joinYearMonth: 月 beside 年 under one date heading (入党时间 over
	// 年 | 月, the old paper form's layout): the two cells are one date to
	// the month. The 年 column alone was read as the date and refused as a
	// year without its month, the month next door dropped as a duplicate
	// (review s13-attack #2).
	joinYearMonth
	// joinParts: the parts of one address under its heading (家庭住址 over
	// 省 | 市 | 详细地址), run together in order, a part the next one
	// already starts with not repeated (review F43: 浙江省 alone was
	// stored, the city and street named as second address columns).
	joinParts
	// joinRemarks: a second remarks column (备注 | 其他, 备注1 | 备注2),
	// not under one heading: the two texts are the member's 备注, read
	// for words of leaving as one.
	joinRemarks
)

// fields is how many fields the header names (tick columns of one field
// count once).
func (h header) fields() int {
	seen := map[model.Field]bool{}
	for _, c := range h.cols {
		seen[c.field] = true
	}
	return len(seen)
}

func (h header) has(f model.Field) bool {
	_, ok := h.column(f)
	return ok
}

func (h header) column(f model.Field) (int, bool) {
	for _, c := range h.cols {
		if c.field == f {
			return c.index, true
		}
	}
	return 0, false
}

// ignoredTexts name the columns not imported, in order, with the columns
// that have no heading but hold values (by 0-based column, the first
// value), each named by its letter and what it holds: 第I列（无标题，如
// “第一党支部”）.
func (h header) ignoredTexts(strays map[int]string) []model.Text {
	cols := slices.Clone(h.ignored)
	for c, v := range strays {
		name, _ := excelize.ColumnNumberToName(c + 1)
		if utf8.RuneCountInString(v) > 12 {
			v = string([]rune(v)[:12]) + "…"
		}
		cols = append(cols, column{index: c, said: model.Textf("第%s列（无标题，如“%s”）", name, v)})
	}
	slices.SortFunc(cols, func(a, b column) int { return a.index - b.index })
	out := make([]model.Text, 0, len(cols))
	for _, c := range cols {
		if c.said.IsZero() {
			c.said = model.Textf("%s", c.heading)
		}
		out = append(out, c.said)
	}
	return out
}

// duplicateColumn is the column at c headed leaf, set aside as a second
// column for f.
func duplicateColumn(c int, leaf string, f model.Field) column {
	return column{index: c, heading: leaf, said: model.Textf("%s（重复的“%s”列）", leaf, model.Term(f.Label()))}
}

// texts are the Chinese of ts.
func texts(ts []model.Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.String()
	}
	return out
}

// headingGrid is the top of a sheet as the header is looked for in it.
type headingGrid struct {
	// text[i][c] is the text of row i+1, column c+1; a merged cell's text
	// is in every cell the merge covers.
	text [][]string
	// across[i][c] says the cell is covered by a merge spanning more than
	// one column: a group heading over the columns below it.
	across [][]bool
	// fromAbove[i] says a cell of row i+1 is covered by a merge that
	// starts higher up: a header does not start or end inside a merge.
	fromAbove []bool
	// data[i] says row i+1 holds an ID number: a member's row, however a
	// heading above is merged down into it.
	data []bool
}

// headingVocab is what a band of heading rows is read against: the
// roster's fields (rosterVocab), or another list's (the 单位名录,
// orgVocab). The band reading — merges, group headings over sub-headings,
// headings merged down over two rows — is the same for every list.
type headingVocab struct {
	// match finds the field a column's headings name, top to bottom.
	match func(path []string) (model.Field, bool)
	// asWritten reports whether a heading names its field as written (not
	// only once bracketed words are dropped): such a column wins when two
	// name one field.
	asWritten func(leaf string) bool
	// required are the fields a header must name.
	required []model.Field
	// roster: tick columns (正式 under 党员类别) and other persons'
	// columns (介绍人/姓名) are read as a roster has them.
	roster bool
}

// rosterVocab reads a roster's header: at least 姓名 and 公民身份号码.
var rosterVocab = headingVocab{
	match:     matchPath,
	asWritten: func(leaf string) bool { _, w, _ := matchHeadingHow(leaf); return w },
	required:  []model.Field{model.FieldName, model.FieldIDNumber},
	roster:    true,
}

// findHeader looks for a roster's headings among the first rows of a
// sheet (findHeaderIn with rosterVocab).
func findHeader(g headingGrid) (header, bool) { return findHeaderIn(g, rosterVocab) }

// findRosterHeader is findHeader reading past note lines inside the
// heading block: 填报说明：日期格式为… in column A between 入党时间 and its
// 预备 | 转正 was read as a member, the sub-headings as another, and every
// member refused for two 加入党组织日期 columns. The sheet is read both
// with its note lines (noteLine) and without them, and the reading without
// them is taken when it reads more (readsMore): a note above or below the
// headings changes nothing. notes are the note lines (1-based) it skipped
// inside the header, which the header's rows then span.
func findRosterHeader(g headingGrid) (h header, notes []int, ok bool) {
	h, ok = findHeader(g)
	var keep []int
	said := map[int]bool{}
	for i := range g.text {
		if text, skip := g.noteLine(i); !skip {
			keep = append(keep, i)
		} else if text != "" {
			said[i+1] = true
		}
	}
	if len(keep) == len(g.text) {
		return h, nil, ok
	}
	var without headingGrid
	for _, i := range keep {
		without.text = append(without.text, g.text[i])
		without.across = append(without.across, g.across[i])
		without.fromAbove = append(without.fromAbove, g.fromAbove[i])
		without.data = append(without.data, g.data[i])
	}
	h2, ok2 := findHeader(without)
	if !ok2 || ok && !readsMore(h2, h) {
		return h, nil, ok
	}
	at := func(r int) int { return keep[r-1] + 1 } // a row of without in g
	last := at(h2.first + h2.rows - 1)
	h2.first = at(h2.first)
	h2.rows = last - h2.first + 1
	if h2.hint > 0 {
		h2.hint = at(h2.hint)
	}
	if h2.numbers > 0 {
		h2.numbers = at(h2.numbers)
	}
	for r := h2.first; r <= last; r++ {
		if said[r] {
			notes = append(notes, r)
		}
	}
	return h2, notes, true
}

// readsMore reports a header that reads more of the sheet than other: more
// fields, or as many with fewer columns compared or set aside — the
// sub-headings under a note line read as their own row, 日 | 月 | 年 under
// 出生日期 were two columns set aside as second 出生日期 columns.
func readsMore(h, other header) bool {
	if n, o := h.fields(), other.fields(); n != o {
		return n > o
	}
	if len(h.dups) != len(other.dups) {
		return len(h.dups) < len(other.dups)
	}
	return len(h.ignored) < len(other.ignored)
}

// noteLine reports a row (0-based) of the grid that may be skipped in a
// heading block: one that holds one note and nothing else of its own —
// 注：…, 说明：…, 填表说明：…, 备注：…, or a long sentence that names no
// field — given as text, or nothing of its own at all (a blank row between
// 入党时间 and its 预备 | 转正). Text merged down from the row above, or
// written again under it, is the heading above, not the row's own.
func (g headingGrid) noteLine(i int) (text string, skip bool) {
	own := ""
	for c, t := range g.text[i] {
		if t == "" || i > 0 && t == cell(g.text[i-1], c) {
			continue
		}
		if own != "" && t != own {
			return "", false
		}
		own = t
	}
	switch {
	case i < len(g.data) && g.data[i]:
		return "", false
	case own == "":
		return "", true
	case notePrefix.MatchString(own), dateLine.MatchString(own):
		return own, true
	}
	_, heading := matchHeading(own)
	return own, utf8.RuneCountInString(own) >= 20 && !heading
}

// notePrefix starts a note line: 注：, 注1：, 说明：, 填表说明：, 备注：, and
// the other ways rosters write one (注释：, 附：, *注：), in the headings as
// under the table (cutNotePrefix).
var notePrefix = regexp.MustCompile(`^\s*[*＊※★]?\s*(注释|注|附注|附|说明|填表说明|填报说明|填写说明|备注|备考|提示)\s*[0-9０-９一二三四五六七八九十]*\s*[：:]`)

// dateLine is a line giving the day the form was filled in (填表日期：
// 2026年11月, 制表时间：…): a note line inside the headings (noteLine), and
// no note about the people under the table.
var dateLine = regexp.MustCompile(`^\s*(?:填表|填报|制表|统计|更新)(?:日期|时间)\s*[：:]`)

// findHeaderIn looks for the headings among the first rows of a sheet. Every
// band of rows is read as a header, however many rows it takes (党员信息
// over 党内信息 over 入党时间 over 预备 / 转正 is four: a depth of three
// at most left such a block unread and the whole workbook refused, review
// s13-attack #1): each column's headings from top to bottom, the lowest
// naming the field, alone or under its group heading. A lower row counts
// only as sub-headings under group headings (merged across columns, or
// centred over empty cells), or as a note under a heading ("（年月）"):
// under a heading of one column, other text in the row below is data, not
// a heading. The band that names most fields, at least v's required ones
// (a roster: 姓名 and 公民身份号码), wins; of equals, the one leaving
// fewest columns out, then the shortest, then the first.
func findHeaderIn(g headingGrid, v headingVocab) (header, bool) {
	var best header
	for i := range g.text {
		if i < len(g.fromAbove) && g.fromAbove[i] {
			continue // the lower half of headings merged down
		}
		for k := 1; i+k <= len(g.text); k++ {
			if i+k < len(g.fromAbove) && g.fromAbove[i+k] && (i+k >= len(g.data) || !g.data[i+k]) {
				continue // the upper half of headings merged down
			}
			h, ok := mapBand(g, i, k, v)
			if !ok {
				// A row that is not sub-headings stays in every deeper
				// band from row i, which fails on it as this one did.
				break
			}
			if slices.ContainsFunc(v.required, func(f model.Field) bool { return !h.has(f) }) {
				continue
			}
			// Fields, not columns: 预备党员 | 正式党员 read as two tick
			// columns of 人员类别 outnumbered nothing, but as the two
			// dates under 入党时间 | 入党时间 above them they are two
			// fields (review s13-hx #13: every member refused, the dates
			// taken for ticks).
			if n, b := h.fields(), best.fields(); n > b || (n == b && betterBand(h, best)) {
				best = h
			}
		}
	}
	// A heading row under the band that says a column is not the branch
	// (所在党支部 over 党小组, each heading written again, or alone in the
	// row below) belongs to the header: read without it, the 党小组's name
	// was stored as the member's branch without a word (review s13-hx #11).
	for k := best.rows + 1; len(best.cols) > 0 && best.first-1+k <= len(g.text); k++ {
		deeper, ok := mapBand(g, best.first-1, k, v)
		if !ok || slices.ContainsFunc(v.required, func(f model.Field) bool { return !deeper.has(f) }) || !onlyNotBranch(best, deeper) {
			break
		}
		best = deeper
	}
	// A row of hints under the headings (（必填）, （18位）, （年.月）) is
	// part of the header, not a member refused field by field (review
	// s6-7 attack #18).
	// So is a row of column numbers (栏次 | 1 | 2 | 3 …, 甲 | 乙 | 1 | 2),
	// as organisation-department and statistics forms print under their
	// headings: read as a member named 1, it refused the whole roster
	// (review s13-attack #13).
	for range 2 {
		below := best.first - 1 + best.rows
		if len(best.cols) == 0 || below >= len(g.text) || below < len(g.data) && g.data[below] {
			break
		}
		switch {
		case best.hint == 0 && hintRow(g.text[below]):
			best.hint = below + 1
		case best.numbers == 0 && columnNumbersRow(g.text[below]):
			best.numbers = below + 1
		default:
			return best, true
		}
		best.rows++
	}
	return best, len(best.cols) > 0
}

// columnNumbersRow reports a row numbering the columns above it: at least
// three labels counting up (gaps allowed: a template whose numbered column
// was deleted goes 1 2 3 5 6), written as numbers, (1), ①, A B C, 一 二 三
// or 第1栏, perhaps after 栏次 or 甲, 乙, 丙 … over the columns of text
// (统计表's 栏次). A member's row has a name and an ID number, which none of
// these is. Only 1 2 3 was known: the other spellings were read as a
// member named “②” and the whole roster refused (review s13-reattack #4).
func columnNumbersRow(cells []string) bool {
	if stemsRow(cells) {
		return true
	}
	last, count := 0, 0
	for _, c := range cells {
		t := headingKey(c, false)
		if t == "" {
			continue
		}
		if n, ok := columnOrdinal(t); ok && n > last {
			last, count = n, count+1
			continue
		}
		if count == 0 && (t == "栏次" || t == "栏号" || t == "列号" || t == "编号" || strings.Contains(stems, t) && utf8.RuneCountInString(t) == 1) {
			continue
		}
		return false
	}
	return count >= 3
}

// stems are the 天干 that forms label columns with, in their order.
const stems = "甲乙丙丁戊己庚辛壬癸"

// stemsRow reports a row labelling every column with 甲 乙 丙 丁 …, in
// order (gaps allowed), at least three: read as a member named 乙, it
// refused the whole roster (review s13-hx #6).
func stemsRow(cells []string) bool {
	last, count := -1, 0
	for _, c := range cells {
		t := headingKey(c, false)
		if t == "" {
			continue
		}
		i := strings.Index(stems, t)
		if utf8.RuneCountInString(t) != 1 || i <= last {
			return false
		}
		last, count = i, count+1
	}
	return count >= 3
}

// columnOrdinal reads a column's label as its number: 3, ③, C, 三, 第3栏.
func columnOrdinal(t string) (int, bool) {
	t = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(t, "第"), "栏"), "列")
	if n, err := strconv.Atoi(t); err == nil && n > 0 && n < 1000 {
		return n, true
	}
	r := []rune(t)
	if len(r) == 1 {
		switch c := r[0]; {
		case c >= '①' && c <= '⑳':
			return int(c-'①') + 1, true
		case c >= 'A' && c <= 'Z':
			return int(c-'A') + 1, true
		case c >= 'a' && c <= 'z':
			return int(c-'a') + 1, true
		}
	}
	return chineseOrdinal(r)
}

// chineseOrdinal reads 一 … 九十九 written with 十: 三, 十二, 二十, 二十一.
func chineseOrdinal(r []rune) (int, bool) {
	digit := func(c rune) int { return strings.IndexRune("一二三四五六七八九", c)/3 + 1 }
	isDigit := func(c rune) bool { return strings.ContainsRune("一二三四五六七八九", c) }
	switch {
	case len(r) == 1 && isDigit(r[0]):
		return digit(r[0]), true
	case len(r) == 1 && r[0] == '十':
		return 10, true
	case len(r) == 2 && r[0] == '十' && isDigit(r[1]):
		return 10 + digit(r[1]), true
	case len(r) == 2 && isDigit(r[0]) && r[1] == '十':
		return digit(r[0]) * 10, true
	case len(r) == 3 && isDigit(r[0]) && r[1] == '十' && isDigit(r[2]):
		return digit(r[0])*10 + digit(r[2]), true
	}
	return 0, false
}

// onlyNotBranch reports whether the deeper band reads the columns of best
// as best does, but for 所在党支部 columns its lower row says are not the
// branch (notTheBranch), and at least one of those.
func onlyNotBranch(best, deeper header) bool {
	dropped := 0
	for _, c := range append(slices.Clip(best.cols), best.dups...) {
		i := slices.IndexFunc(deeper.cols, func(d column) bool { return d.index == c.index })
		switch {
		case i >= 0 && deeper.cols[i].field == c.field:
		case i < 0 && c.field == model.FieldBranchName && slices.ContainsFunc(deeper.ignored, func(d column) bool {
			return d.index == c.index && notTheBranch(d.heading)
		}):
			dropped++
		default:
			return false
		}
	}
	return dropped > 0
}

// isBranchHeading reports a heading naming 所在党支部.
func isBranchHeading(s string) bool {
	f, ok := matchHeading(s)
	return ok && f == model.FieldBranchName
}

// betterBand reports whether band h, naming as many fields as best, is
// the better reading: fewer fields read from two columns, then fewer
// columns left out (联系方式 over 手机 | 座机
// reads the landline with the mobile, the lowest row alone leaves it out),
// then fewer rows.
func betterBand(h, best header) bool {
	// A band that reads one field from two columns compares them row by
	// row and refuses every row where they differ: 所在党支部 | 所在党支部
	// over 支部 | 党小组, each heading filled (WPS 取消合并并填充), read as
	// its top row alone, refused every member (review s13-reattack #5).
	if len(h.dups) != len(best.dups) {
		return len(h.dups) < len(best.dups)
	}
	if len(h.ignored) != len(best.ignored) {
		return len(h.ignored) < len(best.ignored)
	}
	return h.rows < best.rows
}

// dupChecked are the fields whose second column is compared, row by row,
// with the one imported: a secretary keeps last year's 所在党支部 beside
// the new one, hiding it, and the first was stored in silence (review s7-7
// attack #10). Phones, addresses and remarks may well differ (手机 and 办
// 公电话). Dates and ID numbers are compared by what they mean
// (sameMeaning): a hidden old 加入党组织日期 was stored over the one on
// screen (review s8-7 attack #3).
var dupChecked = map[model.Field]bool{model.FieldBranchName: true, model.FieldCategory: true, model.FieldSex: true,
	model.FieldEthnicity: true, model.FieldEducation: true, model.FieldStanding: true, model.FieldName: true,
	model.FieldIDNumber: true, model.FieldBirthDate: true, model.FieldJoinDate: true, model.FieldFullDate: true}

// hintRow reports a row whose every text is a short hint in brackets
// (（必填）, (18位), 【年.月】) or a bare 必填 / 选填: the fill-in hints
// templates put under their headings. A member's row has a name that is
// none.
// A row led by 说明 (填写说明, 提示) in its first cell may show sample
// dates among its hints (review s7-7 attack #5).
func hintRow(cells []string) bool {
	found, lead := false, false
	for _, c := range cells {
		t := spaceless(model.CleanLine(c))
		if t == "" {
			continue
		}
		if !found && slices.Contains(hintLeads, strings.TrimRight(t, "：:")) {
			found, lead = true, true
			continue
		}
		if !rowHint(t) {
			if _, err := model.ParseDate(t); !lead || err != nil {
				return false
			}
		}
		found = true
	}
	return found
}

// hintLeads, first in a row under the headings, say the row explains them.
var hintLeads = []string{"说明", "填写说明", "填表说明", "填写要求", "提示", "注意", "备注说明"}

// hintText reports a fill-in hint (hintRow): a short text in brackets
// that holds no value ((18位), 【年.月】, not （110101…）, （5400） or
// （2008.06）: a member's row in brackets is data, refused field by field,
// never swallowed: review s6-7-late #5), or a bare hint: 必填, 18位,
// 格式：2008.06, 例：…, 年.月 (review s6-7-late #10).
func hintText(t string) bool {
	switch t {
	case "必填", "选填", "非必填", "必填项", "选填项", "可不填":
		return true
	}
	if utf8.RuneCountInString(t) > 30 {
		return false
	}
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}, {"【", "】"}, {"[", "]"}, {"(", "）"}, {"（", ")"}} {
		if strings.HasPrefix(t, p[0]) && strings.HasSuffix(t, p[1]) {
			return !valueText(strings.TrimSuffix(strings.TrimPrefix(t, p[0]), p[1]))
		}
	}
	if bareHint.MatchString(t) {
		return true
	}
	for _, p := range []string{"格式", "例：", "例:", "例如", "如：", "如:", "请填写", "请选择", "请输入", "填写", "选填：", "必填：", "必填:", "下拉", "从下拉", "选择", "填到", "填至", "精确到", "单位：", "单位:"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	// 年.月, yyyy-mm, YYYY年MM月: a date's pattern, no date.
	return strings.Trim(t, "年月日.-/．－YyMmDd") == "" && strings.ContainsAny(t, "年月YyMm")
}

// bareHint is a hint of a field's length: 18位, 11位数字.
var bareHint = regexp.MustCompile(`^\d{1,2}位(?:数字|字符|数)?$`)

// rowHint reports, of a row under the headings, a hint a template puts
// there besides hintText's: the values to choose from (男/女), a length
// with what it is (18位，文本格式, 11位手机号), a form (2005-07-01格式)
// (review ra7 M4). Not read as a note inside the headings: 正式/预备 is a
// heading there.
func rowHint(t string) bool {
	return hintText(t) || lengthHint.MatchString(t) || choiceHint(t) || strings.HasSuffix(t, "格式")
}

// lengthHint is a field's length and what a template says after it.
var lengthHint = regexp.MustCompile(`^\d{1,2}位(?:[，,：:；;（(]|[\p{Han}]{1,6}$)`)

// choiceHint reports a hint listing the values to choose from: 男/女,
// 正式党员/预备党员, 是/否 — two or more of one field's words (review ra7
// M4). No cell of a member's holds more than one.
func choiceHint(t string) bool {
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '/' || r == '／' || r == '、' || r == '|' })
	if len(parts) < 2 {
		return false
	}
	kinds := []func(string) bool{
		func(s string) bool { _, ok := model.ParseSex(s); return ok },
		func(s string) bool { c, ok := model.ParseCategory(s); return ok && c != "" },
		func(s string) bool { _, ok := model.ParseYesNo(s); return ok },
	}
	for _, is := range kinds {
		all := true
		for _, p := range parts {
			all = all && is(p)
		}
		if all {
			return true
		}
	}
	return false
}

// valueText reports text that is a value a member's row holds: an ID
// number, an amount or a date.
func valueText(t string) bool {
	t = model.CleanText(t)
	if id := strings.ToUpper(strings.Join(strings.Fields(t), "")); (len(id) == 15 || len(id) == 18) && model.IsDigits(strings.TrimSuffix(id, "X")) {
		return true
	}
	if _, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64); err == nil {
		return true
	}
	_, err := model.ParseDate(t)
	return err == nil
}

// numbersNote is the note for the row n of column numbers read as part
// of the header.
func numbersNote(sheet string, n int) model.ImportNote {
	return model.Note(sheet, n, "", "表头下给各列编号的栏次行（如“1 2 3”）：是表头的一部分，不是党员，未导入")
}

// hintNote is the note for the hint row n read as part of the header.
func hintNote(sheet string, n int) model.ImportNote {
	return model.Note(sheet, n, "", "表头下的填写说明行（如“（必填）”）：是表头的一部分，不是党员，未导入")
}

// mapBand maps the columns of the k heading rows from row i to fields of
// v; ok is false when a lower row is not sub-headings.
func mapBand(g headingGrid, i, k int, v headingVocab) (header, bool) {
	h := header{first: i + 1, rows: k}
	width := 0
	for _, r := range g.text[i : i+k] {
		width = max(width, min(len(r), maxColumns))
	}
	h.headed = make([]bool, width)
	// Each row as its headings head the row below: a group heading extends
	// over the columns it is merged across, or centred over (empty cells
	// to its right with sub-headings under them).
	groups := make([][]string, k)
	for j := range k {
		row := g.text[i+j]
		groups[j] = make([]string, width)
		for c := 0; c < width; c++ {
			groups[j][c] = cell(row, c)
		}
		if j+1 == k {
			continue
		}
		below := g.text[i+j+1]
		for c := 0; c < width; c++ {
			t := cell(row, c)
			if t == "" || acrossAt(g, i+j, c) {
				continue
			}
			for e := c + 1; e < width && cell(row, e) == "" && cell(below, e) != ""; e++ {
				groups[j][e] = t
			}
		}
	}
	used := make(map[model.Field]bool)
	loose := make(map[model.Field]bool)              // used, but only by a heading without its brackets
	byTicks := make(map[model.Field]map[string]bool) // used by tick columns, the values taken
	var lone []column                                // tick columns without a group heading, if they come in twos
	var pairs []column                               // columns of both party dates (twoDatesHeading)
	for c := 0; c < width; c++ {
		var path []string
		leafRow := i // where the lowest heading is
		for j := range k {
			t := groups[j][c]
			if t == "" || (len(path) > 0 && path[len(path)-1] == t) {
				continue
			}
			// A note under a heading — （年月）, （必填）, a unit line
			// between a group heading and its sub-headings — is heading
			// text, not a level: taken for the group of 预备 | 转正 under
			// 入党时间 / （年.月）, it left 预备 unread and every member
			// refused (review s13-reattack #14).
			// 年 | 月 under a group heading are the date's parts, not a
			// note (joinYearMonth).
			if len(path) > 0 {
				grouped := isGroup(g, groups[leafRow-i], leafRow, c)
				_, part := dateParts[headingKey(t, true)]
				// Under a group, a note is skipped only with sub-headings
				// still below it: the lowest text in brackets under 入党时间
				// — （预备） | （转正） — is the sub-heading itself.
				lower := false
				for jj := j + 1; jj < k && !lower; jj++ {
					lower = groups[jj][c] != "" && groups[jj][c] != t
				}
				if hintText(t) && (!grouped || lower && !part) {
					continue
				}
				// 所在党支部 over 党小组 alone in the row below: the
				// sub-heading says the column is not the branch.
				if !grouped && !(len(path) == 1 && isBranchHeading(path[0]) && notTheBranch(t)) && !(len(path) == 1 && parentOverOne(path[0], t)) {
					return header{}, false
				}
			}
			path = append(path, t)
			leafRow = i + j
		}
		if len(path) == 0 {
			continue
		}
		h.width = c + 1
		h.headed[c] = true
		leaf := path[len(path)-1]
		if who := otherPerson(path[:len(path)-1]); v.roster && who != "" {
			h.ignored = append(h.ignored, column{index: c, heading: who + "/" + leaf})
			continue
		}
		if f, tv, ok := groupTick(path); v.roster && ok {
			if (used[f] && byTicks[f] == nil) || byTicks[f][tv] {
				h.ignored = append(h.ignored, duplicateColumn(c, leaf, f))
				continue
			}
			if byTicks[f] == nil {
				byTicks[f] = map[string]bool{}
			}
			used[f], byTicks[f][tv] = true, true
			h.cols = append(h.cols, column{index: c, field: f, heading: leaf, tick: tv})
			continue
		}
		f, ok := v.match(path)
		asWritten := v.asWritten(leaf)
		if !ok && v.roster {
			if f, tv, ok := loneTick(leaf); ok {
				lone = append(lone, column{index: c, field: f, heading: leaf, tick: tv})
				continue
			}
		}
		switch {
		case ok && !used[f]:
			used[f] = true
			loose[f] = !asWritten
			h.cols = append(h.cols, column{index: c, field: f, heading: leaf, group: parentOf(path)})
		case ok && f == model.FieldJoinDate && h.meetingBeside(column{index: c, field: f, heading: leaf, group: parentOf(path)}):
		case ok && loose[f] && asWritten:
			// An earlier column named f only loosely ("联系方式（微信）"
			// before "手机号码"): this one takes f, that one is set aside.
			for i := range h.cols {
				if h.cols[i].field == f {
					h.ignored = append(h.ignored, duplicateColumn(h.cols[i].index, h.cols[i].heading, f))
					h.cols[i] = column{index: c, field: f, heading: leaf}
					break
				}
			}
			loose[f] = false
		case ok && h.joinWith(g, leafRow, column{index: c, field: f, heading: leaf, group: parentOf(path)}):
		case ok:
			// Of two columns for f, the one headed by f's own name is the
			// one read: 人员类别 beside an earlier 政治面貌 (review s8-7
			// newuser #4); the other is compared row by row.
			set := column{index: c, field: f, heading: leaf, group: parentOf(path)}
			if own := headingKey(f.Label(), false); headingKey(leaf, false) == own {
				for i := range h.cols {
					if h.cols[i].field == f && h.cols[i].tick == "" && headingKey(h.cols[i].heading, false) != own {
						set, h.cols[i] = h.cols[i], set
						break
					}
				}
			}
			h.ignored = append(h.ignored, duplicateColumn(set.index, set.heading, f))
			if dupChecked[f] {
				h.dups = append(h.dups, set)
			}
		case skippedHeadings[headingKey(leaf, false)] && !(len(path) > 1 && isBranchHeading(path[len(path)-2])):
			// (编号 under 所在党支部 is the branch's number: named above.)
			if headingKey(leaf, false) == RejectedReasonHeading {
				h.reasons = c + 1
			} else if h.serial == 0 {
				h.serial = c + 1
			}
		case twoDatesHeading(leaf):
			pairs = append(pairs, column{index: c, heading: leaf, group: parentOf(path)})
		case v.roster && h.probationEnd == 0 && probationEndHeading(path):
			h.probationEnd = c + 1
			h.ignored = append(h.ignored, column{index: c, heading: leaf})
		case len(leaf) <= 200:
			// Named with its group (转正情况 › 是否按期): under a group of
			// one thing's facts the sub-heading alone (时间, 是否按期) does
			// not say whose (review ra7 F19).
			named := leaf
			if parent := parentOf(path); parent != "" && len(parent) <= 200 {
				switch stem := groupHeadingStem(parent); {
				case leavingOf(parent) != 0 && leavingOf(parent+leaf) != leavingOf(leaf):
					// 转出 over 时间 | 去向, 死亡 over 日期: the group says
					// what the date or place is of, and the column is read
					// as 转出时间, 死亡日期 are (withLeavingColumns). Named
					// 时间, the leavers under it were stored (review ra8 G2).
					named = parent + leaf
				case stem != parent && !strings.Contains(headingKey(leaf, true), stem):
					named = parent + " › " + leaf
				}
			}
			h.ignored = append(h.ignored, column{index: c, heading: named})
		}
	}
	// A column of both party dates gives the two where the sheet has no
	// other column for either (review F39: named as not imported, every
	// member was refused for the 加入党组织日期 written there). Beside one,
	// or a second such column, it is named as not imported.
	for i, p := range pairs {
		if i == 0 && !used[model.FieldJoinDate] && !used[model.FieldFullDate] {
			p.pair = true
			join, full := p, p
			join.field, full.field = model.FieldJoinDate, model.FieldFullDate
			h.cols = append(h.cols, join, full)
			continue
		}
		h.ignored = append(h.ignored, column{index: p.index, heading: p.heading,
			said: model.Textf("%s（一列写了入党和转正两个日期，表中另有这两个日期的列，此列未导入）", p.heading)})
	}
	h.wholeSplitDates()
	h.addLoneTicks(lone, used)
	// A column set aside for a later one leaves both lists out of order.
	slices.SortStableFunc(h.cols, func(a, b column) int { return a.index - b.index })
	slices.SortFunc(h.ignored, func(a, b column) int { return a.index - b.index })
	return h, true
}

// meetingHeading reports a heading naming the day the 支部大会 admitted
// the member (支部大会讨论通过时间, 支部大会接收日期): the 加入党组织日期
// itself, as probation runs from it (发展党员工作细则 steps 15 and 21).
func meetingHeading(s string) bool {
	f, ok := matchHeading(s)
	return ok && f == model.FieldJoinDate && strings.Contains(headingKey(s, true), "支部大会")
}

// meetingBeside keeps col, a second 加入党组织日期 column, when one of the
// two is the 支部大会's date and the other is not: the other (入党时间)
// is read, the meeting's date checked against it row by row (meeting).
// Taken for two columns of one date, a roster with both refused every
// member whose 入党时间 was the upper committee's approval, weeks later.
//
// Beside a heading saying it is the upper committee's approval (批准入党时间,
// 上级党委审批时间), the meeting's date is read and the approval's set
// aside: it is another day, weeks later by rule (发展党员工作细则 step 17),
// and read as 加入党组织日期 it made every 转正 a year after the meeting
// “早于预备期满”.
func (h *header) meetingBeside(col column) bool {
	for i := range h.cols {
		kept := &h.cols[i]
		if kept.field != col.field || kept.tick != "" || meetingHeading(kept.heading) == meetingHeading(col.heading) {
			continue
		}
		if approval := kept.heading; meetingHeading(col.heading) && approvalHeading(approval) || meetingHeading(approval) && approvalHeading(col.heading) {
			if meetingHeading(col.heading) {
				*kept, col = col, *kept
			}
			h.ignored = append(h.ignored, column{index: col.index, heading: col.heading,
				said: model.Textf("%s（上级党委批准之日，不是加入党组织日期：加入党组织日期是支部大会通过之日，按“%s”导入）", col.heading, kept.heading)})
			return true
		}
		if meetingHeading(kept.heading) {
			*kept, col = col, *kept
		}
		col.meeting = true
		h.dups = append(h.dups, col)
		return true
	}
	return false
}

// dateLabelAt names the date column c (0-based) in a message: its heading,
// with the group over it when that is a sub-heading (入党时间（预备）, not
// “预备” alone).
func (h header) dateLabelAt(c int) string {
	for _, col := range h.cols {
		if col.index != c {
			continue
		}
		if _, sub := subHeadings[model.FieldJoinDate][headingKey(col.heading, true)]; sub && col.group != "" {
			return col.group + "（" + col.heading + "）"
		}
		return col.heading
	}
	return ""
}

// approvalHeading reports a date heading naming the upper committee's
// approval (批准入党时间, 党委审批日期) rather than the meeting's.
func approvalHeading(s string) bool {
	key := headingKey(s, true)
	return strings.Contains(key, "批准") || strings.Contains(key, "审批")
}

// probationEndHeading is the heading of the probationEnd column, "" without
// one.
func (h header) probationEndHeading() string {
	for _, c := range h.ignored {
		if c.index == h.probationEnd-1 {
			return c.heading
		}
	}
	return ""
}

// probationEndHeading reports the headings of the day probation ends:
// 预备期满 (预备期止, 预备期结束) under 入党时间 or 预备期, or written flat
// (预备期满时间).
func probationEndHeading(path []string) bool {
	key := headingKey(strings.Join(path[max(0, len(path)-2):], ""), true)
	return strings.Contains(key, "预备期") && slices.ContainsFunc([]string{"满", "结束", "截止", "到期", "止"}, func(w string) bool { return strings.Contains(key, w) })
}

// parentOf is the heading above a column's lowest, "" without one.
func parentOf(path []string) string {
	if len(path) < 2 {
		return ""
	}
	return path[len(path)-2]
}

// joinWith adds col, a second column for a field the header has a column
// for, to h.joins when the two are read together (joinHow), and reports
// whether it did. leafRow is the (0-based) row of col's lowest heading.
func (h *header) joinWith(g headingGrid, leafRow int, col column) bool {
	var first column
	for _, c := range h.cols {
		if c.field == col.field && c.tick == "" {
			first = c
			break
		}
	}
	if first.heading == "" {
		return false
	}
	// A date split into parts — 年 | 月 (| 日) under the date's heading, or
	// written flat, 入党时间（年） | 入党时间（月） or 入党年份 | 入党月份 —
	// is one date, the parts paired by the date they belong to, not by
	// order: 日 beside 年 | 月, 月 before 年, and the flat parts of two
	// dates interleaved were each taken for a second column of the date and
	// every member refused (review s13-reattack #1–#3, s13-hx #4).
	if splitDate[col.field] {
		fb, fp := datePartOf(first)
		cb, cp := datePartOf(col)
		// The parts join in whatever order their headings stand (日 | 月 |
		// 年 too); a 日 without both a 年 and a 月 is undone once every
		// column is mapped (wholeSplitDates).
		if fp != "" && cp != "" && fp != cp && headingKey(fb, true) == headingKey(cb, true) && !h.hasPart(col.field, cp) {
			col.join, col.part, col.group = joinYearMonth, cp, cb
			h.joins = append(h.joins, col)
			for i := range h.cols {
				if h.cols[i].index == first.index {
					h.cols[i].part = fp
				}
			}
			return true
		}
	}
	// 家庭住址 over 省 | 市 | 详细地址: sub-headings naming no field of
	// their own under the address's heading are its parts. Two that do
	// (现住址 | 户籍地址) are two addresses, not parts of one.
	if col.field == model.FieldAddress && col.group != "" && col.group == first.group && !matchesAlone(col.heading) && !matchesAlone(first.heading) {
		col.join = joinParts
		h.joins = append(h.joins, col)
		return true
	}
	// One merge over both: the column to the left has the same heading in
	// the same merge (or is itself joined to the first so).
	prev := col.index - 1
	inMerge := prev >= 0 && acrossAt(g, leafRow, col.index) && acrossAt(g, leafRow, prev) && cell(g.text[leafRow], prev) == col.heading
	// 联系电话 over 手机 | 座机: a landline under the group that names
	// the field is the same field's second number, as under one merged
	// heading (a member with only a landline kept no number). So is 电话
	// under 联系方式 beside 手机: named as a second column, the number of
	// a member who had only that one was not imported.
	landline := col.field == model.FieldPhone && col.group != "" && col.group == first.group &&
		(!matchesAlone(col.heading) || isHeading(col.group, model.FieldPhone)) &&
		(strings.Contains(col.heading, "电话") || strings.Contains(col.heading, "座机"))
	if landline || inMerge && (first.index == prev || slices.ContainsFunc(h.joins, func(j column) bool { return j.index == prev && j.join == joinMerged })) {
		// The heading over both: the group over 手机 | 座机, or the
		// column's own heading merged across the two (the note named
		// 座机 as the merged heading: review s13-attack #3).
		col.over = col.heading
		if !inMerge {
			col.over = col.group
		}
		if dupChecked[col.field] && col.field != model.FieldPhone {
			// One value (a date, a branch): compared row by row, a blank
			// filled from the other (duplicateColumns), never listed as
			// not imported.
			h.dups = append(h.dups, col)
			return true
		}
		col.join = joinMerged
		h.joins = append(h.joins, col)
		return true
	}
	// 备注 beside 其他 or 备注2: the remarks are the two together, as one
	// merged heading's (joinMerged). Set aside as a second 备注 column,
	// a 已转出 written there was lost and the person stored (review ra8 G4).
	if col.field == model.FieldNotes {
		col.join = joinRemarks
		h.joins = append(h.joins, col)
		return true
	}
	switch {
	case col.field == model.FieldPost && (unitHeading(first.heading) && postHeading(col.heading) || postHeading(first.heading) && unitHeading(col.heading)):
		col.join = joinUnitPost
	case col.field == model.FieldEducation && (fullTimeColumn(first) && inServiceColumn(col) || inServiceColumn(first) && fullTimeColumn(col)):
		col.join = joinHighest
	default:
		return false
	}
	if slices.ContainsFunc(h.joins, func(j column) bool { return j.field == col.field }) {
		return false // a third column: set aside as before
	}
	h.joins = append(h.joins, col)
	return true
}

// wholeSplitDates undoes the split dates whose parts are a 日 without a
// 年 or a 月: a date of two parts without its month is no date, and the
// columns are read as before they were joined — the first for the date,
// the others as second columns of it. Decided once every column is
// mapped, as 日 | 月 | 年 (the day-first order) names its 年 last: joined
// pair by pair, the 日 refused its 月 and every member was refused for a
// 日 read as the whole date.
func (h *header) wholeSplitDates() {
	for _, c := range slices.Clone(h.cols) {
		f := c.field
		parts := h.splitParts(f)
		has := func(p string) bool { return slices.ContainsFunc(parts, func(c column) bool { return c.part == p }) }
		if parts == nil || !has("日") || has("年") && has("月") {
			continue
		}
		h.joins = slices.DeleteFunc(h.joins, func(j column) bool {
			if j.join != joinYearMonth || j.field != f {
				return false
			}
			h.ignored = append(h.ignored, duplicateColumn(j.index, j.heading, f))
			if dupChecked[f] {
				j.join, j.part = 0, ""
				h.dups = append(h.dups, j)
			}
			return true
		})
		for i := range h.cols {
			if h.cols[i].field == f {
				h.cols[i].part = ""
			}
		}
	}
}

// splitDate are the date fields a roster may split into 年 and 月
// columns under the field's heading (joinYearMonth).
var splitDate = map[model.Field]bool{model.FieldBirthDate: true, model.FieldJoinDate: true, model.FieldFullDate: true,
	model.FieldLostSince: true, model.FieldArrivedOn: true}

// dateParts are the sub-headings naming a part of a date split into
// columns (joinYearMonth), by the part each names.
var dateParts = map[string]string{"年": "年", "年份": "年", "月": "月", "月份": "月", "日": "日"}

// flatDateParts end a heading naming a date's part after the date's stem
// (入党年份, 入党月, 转正年): the longer first.
var flatDateParts = []string{"年份", "月份", "年", "月"}

// datePartSuffix is a date heading with its part in brackets: 入党时间（年）.
var datePartSuffix = regexp.MustCompile(`^(.+?)\s*[（(]\s*(年|年份|月|月份|日)\s*[)）]$`)

// datePartOf is the date a column of a split date belongs to, as written,
// and the part it holds (年, 月 or 日): 年 under 入党时间, 入党时间（年）,
// 入党年份. part is "" for a column that is not a date's part.
func datePartOf(c column) (date, part string) {
	if p, ok := dateParts[headingKey(c.heading, true)]; ok && c.group != "" {
		return c.group, p
	}
	if m := datePartSuffix.FindStringSubmatch(model.CleanLine(c.heading)); m != nil {
		return m[1], dateParts[m[2]]
	}
	key := headingKey(c.heading, true)
	for _, end := range flatDateParts {
		if stem, ok := strings.CutSuffix(key, end); ok && utf8.RuneCountInString(stem) >= 2 {
			return stem, dateParts[end]
		}
	}
	return "", ""
}

// hasPart reports whether the date f split into parts already has a
// column for part: a second 年 is a second column, set aside.
func (h header) hasPart(f model.Field, part string) bool {
	for _, c := range append(slices.Clip(h.cols), h.joins...) {
		if c.field == f && c.part == part && (c.join == joinYearMonth || c.join == 0 && c.tick == "") {
			return true
		}
	}
	return false
}

// splitParts are the columns of the date f split into parts, the column
// of h.cols first, or nil when f is not split.
func (h header) splitParts(f model.Field) []column {
	var out []column
	for _, j := range h.joins {
		if j.join == joinYearMonth && j.field == f {
			out = append(out, j)
		}
	}
	if out == nil {
		return nil
	}
	for _, c := range h.cols {
		if c.field == f && c.tick == "" {
			return append([]column{c}, out...)
		}
	}
	return nil
}

// matchesAlone reports a heading that names a field by itself.
func matchesAlone(s string) bool { _, ok := matchHeading(s); return ok }

// unitHeading and postHeading tell the two halves of 工作单位及职务 apart
// (joinUnitPost).
func unitHeading(s string) bool {
	switch headingKey(s, true) {
	case "工作单位", "现工作单位", "单位", "所在单位", "工作单位名称", "现工作单位名称", "现所在单位":
		return true
	}
	return false
}

func postHeading(s string) bool {
	switch headingKey(s, true) {
	case "职务", "岗位", "工作岗位", "现任职务", "职业", "职务职称", "职称", "担任职务", "现职务":
		return true
	}
	return false
}

// fullTimeGroup and inServiceGroup are the group headings of the 组织部
// template's two 学历 columns: 全日制教育 and 在职教育 (joinHighest).
func fullTimeGroup(s string) bool { return strings.HasPrefix(headingKey(s, true), "全日制") }

func inServiceGroup(s string) bool { return strings.HasPrefix(headingKey(s, true), "在职") }

// fullTimeColumn and inServiceColumn are the two 学历 columns under
// 全日制教育 and 在职教育, or, the other way round, under 学历 merged over
// 全日制 | 在职 (review ra7 K6-a: every row was refused for two 学历).
func fullTimeColumn(c column) bool { return fullTimeGroup(c.group) || fullTimeGroup(c.heading) }

func inServiceColumn(c column) bool { return inServiceGroup(c.group) || inServiceGroup(c.heading) }

// joinNotes say, for each column read together with the field's first
// (h.joins), how.
func (h header) joinNotes(sheet string) []model.ImportNote {
	var out []model.ImportNote
	for _, j := range h.joins {
		first, _ := h.column(j.field)
		ka, _ := excelize.ColumnNumberToName(first + 1)
		kb, _ := excelize.ColumnNumberToName(j.index + 1)
		label := model.Term(j.field.Label())
		switch j.join {
		case joinMerged:
			if joinsText[j.field] {
				out = append(out, model.Note(sheet, 0, j.field, "%s列和%s列同在合并的表头“%s”下，读作一个“%s”：两列都填了的，前后连起来导入", ka, kb, j.over, label))
			} else {
				out = append(out, model.Note(sheet, 0, j.field, "%s列和%s列同在合并的表头“%s”下，读作一个“%s”：%[1]s列为空的行用%[2]s列的；两列都填了的，导入%[1]s列的，另一个在提示中列出", ka, kb, j.over, label))
			}
		case joinRemarks:
			out = append(out, model.Note(sheet, 0, j.field, "%s列“%s”和%s列“%s”都是备注：两列都填了的，前后连起来作为“%s”导入", ka, h.headingAt(first), kb, j.heading, label))
		case joinUnitPost:
			out = append(out, model.Note(sheet, 0, j.field, "%s列“%s”和%s列“%s”合为“%s”导入（工作单位在前，职务在后）", ka, h.headingAt(first), kb, j.heading, label))
		case joinHighest:
			out = append(out, model.Note(sheet, 0, j.field, "%s列和%s列分别是全日制教育和在职教育的学历：每人导入两者中较高的一个（“学历”填最高学历）", ka, kb))
		case joinParts:
			if slices.ContainsFunc(h.joins, func(o column) bool { return o.join == joinParts && o.index > j.index }) {
				continue // said once, with the last part
			}
			cols, heads := []string{ka}, []string{h.headingAt(first)}
			for _, o := range h.joins {
				if o.join == joinParts {
					name, _ := excelize.ColumnNumberToName(o.index + 1)
					cols, heads = append(cols, name), append(heads, o.heading)
				}
			}
			out = append(out, model.Note(sheet, 0, j.field, "%s列是“%s”下的%s，依次连成一个“%s”导入（后一格已写了前面内容的不重复）",
				model.Names(cols), j.group, model.Names(heads), label))
		case joinYearMonth:
			parts := h.splitParts(j.field)
			if parts[len(parts)-1].index != j.index {
				continue // said once, with the date's last part
			}
			out = append(out, splitNote(sheet, j, parts, label))
		}
	}
	return out
}

// splitNote says how the parts of a date split into columns (j the last
// of them) are read: E列和F列是“入党时间”下的年、月两列, each column's
// part named when they do not stand in the order 年, 月.
func splitNote(sheet string, j column, parts []column, label model.Term) model.ImportNote {
	byPart := slices.Clone(parts)
	slices.SortFunc(byPart, func(a, b column) int { return partOrder(a.part) - partOrder(b.part) })
	var cols []string
	for _, c := range byPart {
		name, _ := excelize.ColumnNumberToName(c.index + 1)
		cols = append(cols, name)
	}
	switch {
	case len(cols) == 3:
		return model.Note(sheet, 0, j.field, "%s列（年）、%s列（月）、%s列（日）是“%s”下的年、月、日三列：合为一个%s导入（日为空的到月）", cols[0], cols[1], cols[2], j.group, label)
	case byPart[0].index > byPart[1].index:
		return model.Note(sheet, 0, j.field, "%[2]s列（月）和%[1]s列（年）是“%[3]s”下的年、月两列：合为一个%[4]s（到月）导入", cols[0], cols[1], j.group, label)
	}
	return model.Note(sheet, 0, j.field, "%s列和%s列是“%s”下的年、月两列：合为一个%s（到月）导入", cols[0], cols[1], j.group, label)
}

// partOrder orders the parts of a split date: 年, 月, 日.
func partOrder(p string) int { return strings.Index("年月日", p) }

// groupAt is the group heading over the header's column c (0-based), ""
// if none.
func (h header) groupAt(c int) string {
	for _, col := range h.cols {
		if col.index == c {
			return col.group
		}
	}
	return ""
}

// headingAt is the heading of the header's column c (0-based), "" if none.
func (h header) headingAt(c int) string {
	for _, col := range h.cols {
		if col.index == c {
			return col.heading
		}
	}
	return ""
}

// joinsText are the free-text fields whose two cells under one merged
// heading are kept together (joinMerged): an address in two parts, a
// post, remarks.
var joinsText = map[model.Field]bool{model.FieldPost: true, model.FieldAddress: true, model.FieldNotes: true, model.FieldMobileDestination: true}

// isGroup reports whether the heading at row (0-based) and column c heads
// more than its own column: merged across columns, extended over the
// empty cells beside it (groups), or written again over each of its
// columns — what WPS's 取消合并并填充 and systems exporting two-row
// headings leave: 入党时间 | 入党时间 over 预备 | 转正 was read as two
// 加入党组织日期 columns and every member refused (review s13-attack #18).
func isGroup(g headingGrid, groups []string, row, c int) bool {
	if acrossAt(g, row, c) {
		return true
	}
	t := groups[c]
	own := cell(g.text[row], c)
	return (c > 0 && groups[c-1] == t && own == "") ||
		(c+1 < len(groups) && groups[c+1] == t && cell(g.text[row], c+1) == "") ||
		own != "" && (cell(g.text[row], c-1) == own || cell(g.text[row], c+1) == own)
}

func acrossAt(g headingGrid, row, c int) bool {
	return row < len(g.across) && c < len(g.across[row]) && g.across[row][c]
}

// parentOverOne reports a heading over one column whose sub-heading reads
// with it as a heading a person reads without trouble: 入党 over 时间 (入党
// 时间), 预备党员 over 入党时间 (the sub-heading alone names the field).
// Sub-headings are a band's lower row only when their columns name a
// field so: a member's row under headings (姓名 over 张三) names none but
// its heading's, and stays refused (review ra7 F18: the whole file was).
func parentOverOne(parent, child string) bool {
	if valueText(child) {
		return false
	}
	for _, h := range []string{child, parent + child, child + parent} {
		if _, ok := matchHeading(h); ok {
			return true
		}
	}
	if trimmed := groupHeadingStem(parent); trimmed != parent {
		_, ok := matchHeading(trimmed + child)
		return ok
	}
	return false
}

// groupHeadingStem is a group heading without the word saying it groups
// things (转正情况, 入党信息 → 转正, 入党): what its sub-headings are of.
func groupHeadingStem(s string) string {
	key := headingKey(s, true)
	for _, w := range []string{"相关信息", "相关情况", "情况", "信息", "记录"} {
		if stem, ok := strings.CutSuffix(key, w); ok && stem != "" {
			return stem
		}
	}
	return s
}

// matchPath finds the field a column's headings name, top to bottom: the
// lowest under its group's sub-headings (预备 under 入党时间), the lowest
// alone, the two together ("出生" over "年月"), and last the group alone
// over a sub-heading that names nothing ("联系电话" over "座机").
func matchPath(path []string) (model.Field, bool) {
	f, ok := matchPathWords(path)
	// 工作经历 over 参加工作时间 | 转正时间, or 转正时间 over 工作 | 党内:
	// the group (or the sub-heading) says the 转正 is the job's, and read
	// as the party's it was stored as 转为正式党员日期 without a word
	// (review s14-reattack7 #21). A leaf saying 党 keeps its own word.
	if ok && (f == model.FieldJoinDate || f == model.FieldFullDate) && !strings.Contains(headingKey(path[len(path)-1], false), "党") &&
		slices.ContainsFunc(path, employmentHeading) {
		return "", false
	}
	return f, ok
}

// employmentHeading reports a heading (or a group's) that speaks of a job
// and not of the party: 工作经历, 工作情况, 工作.
func employmentHeading(s string) bool {
	key := headingKey(s, false)
	return !strings.Contains(key, "党") && slices.ContainsFunc(employmentWords, func(w string) bool { return strings.Contains(key, w) })
}

// matchPathWords is matchPath before a job's words in the path are
// weighed.
func matchPathWords(path []string) (model.Field, bool) {
	leaf := path[len(path)-1]
	parent := ""
	if len(path) > 1 {
		parent = path[len(path)-2]
	}
	if parent != "" {
		if g, ok := matchHeading(parent); ok && g == model.FieldBranchName && notTheBranch(leaf) {
			return "", false
		}
		if g, ok := matchHeading(parent); ok {
			if f, ok := subHeadings[g][headingKey(leaf, true)]; ok {
				return f, true
			}
		}
	}
	// A date heading over the events: 时间 (日期, 年月) over 入党 / 转正
	// or 预备 / 正式 names the dates as 入党时间 over them does (review
	// s6-7 new user #10).
	if parent != "" && dateGroups[headingKey(parent, true)] {
		if f, ok := subHeadings[model.FieldJoinDate][headingKey(leaf, true)]; ok {
			return f, true
		}
	}
	if f, ok := matchHeading(leaf); ok {
		return f, true
	}
	if parent == "" {
		return "", false
	}
	// 入党时间 over 预备期开始 | 预备期满: the end of a period is another
	// date than its group's — read as the group's, it made a second 加入党
	// 组织日期 column and every member was refused (review s14-reattack7
	// #16). It is not the 转正 either: it may lie ahead (预备期满时间).
	if f, ok := matchHeading(parent); ok && (f == model.FieldJoinDate || f == model.FieldFullDate) &&
		slices.ContainsFunc([]string{"满", "结束", "截止", "到期", "止"}, func(w string) bool { return strings.Contains(headingKey(leaf, true), w) }) {
		return "", false
	}
	if f, ok := matchHeading(parent + leaf); ok {
		return f, true
	}
	// 时间 over 出生 / 入党 / 失联 reads as 出生时间, 入党时间, 失联时间
	// (review s9-7 #11).
	if f, ok := matchHeading(leaf + parent); ok {
		return f, true
	}
	// 转正情况 over 时间 | 是否按期: 时间 is the 转正's (review ra7 F19).
	if stem := groupHeadingStem(parent); stem != parent {
		if f, ok := matchHeading(stem + leaf); ok {
			return f, true
		}
	}
	// 出生 over 年 | 月 | 日: the parts of the date the group names with
	// 时间 or 日期 after it (read as the one date, joinYearMonth).
	if _, ok := dateParts[headingKey(leaf, true)]; ok {
		if f, ok := splitDateOf(parent); ok {
			return f, true
		}
	}
	// A sub-heading naming a thing of its own is not its group's field:
	// 党小组 under 所在党支部 beside 支部 was taken for a second branch
	// column and every member refused (review s13-attack #14).
	if partyGroupHeading(leaf) {
		return "", false
	}
	return matchHeading(parent)
}

// notTheBranch reports a sub-heading under 所在党支部 that heads something
// else than the branch: the 党小组 below it, the 党委 or 党总支 above it, the
// branch's number or code. Each was stored as the member's branch (党小组
// under 所在党支部 written over each column, WPS style) or taken for a
// second branch column that refused every member (review s13-hx #11,
// s13-reattack #6b); it is a column not imported, named as it is headed.
func notTheBranch(leaf string) bool {
	key := headingKey(leaf, true)
	if partyGroupHeading(leaf) || strings.Contains(key, "上级") {
		return true
	}
	// … or a person of the branch: 支部书记, 联系人 (review s14-reattack7
	// #13: merged over 支部 | 支部书记, every member was refused for two
	// branch columns).
	for _, end := range []string{"党委", "总支", "党工委", "编号", "代码", "编码", "序号", "书记", "委员", "负责人", "联系人"} {
		if strings.HasSuffix(key, end) {
			return true
		}
	}
	return false
}

// partyGroupHeadings head a member's 党小组, which the roster does not
// keep: a column not imported, also under a 所在党支部 group heading.
var partyGroupHeadings = []string{"党小组", "小组", "所在党小组", "所在小组", "党小组名称", "所属党小组", "组别"}

// partyGroupHeading reports a heading of partyGroupHeadings, or one that
// speaks of a 小组 or a 组长 in other words: 小组名称 and 党小组长 under
// 所在党支部 were taken for a second branch column and every member
// refused (review s13-reattack #5).
func partyGroupHeading(h string) bool {
	key := headingKey(h, true)
	return slices.Contains(partyGroupHeadings, key) || strings.Contains(key, "小组") || strings.Contains(key, "组长")
}

// matchHeading finds the field a heading names: as written, then without
// what it says in brackets ("联系电话（手机）").
func matchHeading(s string) (model.Field, bool) {
	f, _, ok := matchHeadingHow(s)
	return f, ok
}

// matchHeadingHow is matchHeading, also saying whether the heading named
// the field as written (or as alternatives that all name it: "手机号码/电话")
// rather than only once its bracketed words were dropped ("联系方式（微信）"):
// the column named as written wins when two name one field.
func matchHeadingHow(s string) (f model.Field, asWritten, ok bool) {
	if s == "" || len(s) > 200 || twoDatesHeading(s) {
		return "", false, false
	}
	if f, ok := headings[headingKey(s, false)]; ok {
		return f, true, true
	}
	if f, ok := matchAlternatives(s); ok {
		return f, true, true
	}
	if numberedRemark.MatchString(headingKey(s, false)) {
		return model.FieldNotes, true, true
	}
	// What a bracket says of a party date may make it a personnel
	// file's: 转正时间（工作）, 转正（定级）时间, 转正日期（单位） — read
	// without the bracket they stored an employment date as 转为正式党员
	// 日期 without a word (review s14-reattack7 #10), as 工作转正时间 is not.
	if f, ok = headings[headingKey(s, true)]; !ok {
		if f, ok = matchAffixed(headingKey(s, true)); !ok {
			f, ok = partyDateHeading(headingKey(s, true))
		}
	}
	if ok {
		if notPartyBracket(s, f) {
			return "", false, false
		}
		// 入党时间（转正）, 入党日期(正式): the bracket says which of the
		// party's two dates the column holds — read as a second 入党时间,
		// every member beside a real one was refused for two 加入党组织日期
		// columns (review F38). 转正时间（入党） stays the 转正: 入党 there
		// says whose 转正, not another date.
		if f == model.FieldJoinDate && fullQualifier(bracketText(s)) {
			f = model.FieldFullDate
		}
		return f, false, true
	}
	// 入党年份 | 入党月份: a date's parts, written flat (joinYearMonth);
	// 入党年 | 入党月 | 转正年 | 转正月 too (review s14-reattack7 #4: the
	// members were refused for the dates the user had filled in).
	for _, end := range flatDateParts {
		if stem, cut := strings.CutSuffix(headingKey(s, true), end); cut && utf8.RuneCountInString(stem) >= 2 {
			if f, ok := splitDateOf(stem); ok {
				return f, false, true
			}
		}
	}
	return "", false, false
}

// numberedRemark is a remarks heading numbered as rosters number a second
// and third (备注1, 备注2, 备注（二）): named as not imported, the 已转出
// written there was lost and the person stored (review ra8 G4).
var numberedRemark = regexp.MustCompile(`^(?:备注|说明|附注|备考)[0-9一二三四五六七八九十]+$`)

// splitDateOf is the date a heading without its 时间 or 日期 names (出生,
// 入党), of those a roster may split into parts.
func splitDateOf(stem string) (model.Field, bool) {
	for _, end := range []string{"", "时间", "日期"} {
		if f, ok := matchHeading(stem + end); ok && splitDate[f] {
			return f, true
		}
	}
	return "", false
}

// twoDatesJoined is a heading naming the two party dates in one column:
// 入党-转正时间, 入党—转正时间, 入党至转正时间, 入党~转正时间, 入党（转正）时间.
// A space alone between them (入党 转正时间) joins them too (review
// s14-reattack7 #2), and so do / 、 及 和 与, also after the first date's
// own 时间 (入党/转正时间, 入党及转正时间, 入党时间/转正时间: review F39).
// 入党转正时间 with nothing between is the 转正's, and 入党时间（转正）
// names the 转正 by its bracket (fullQualifier).
var twoDatesJoined = regexp.MustCompile(`入党(?:(?:时间|日期|年月)?\s*(?:[-－—–~～→至到/／、,，;；&＆和及与]+|以及)\s*|\s*[（(]\s*|\s+)转正`)

// twoDatesHeading reports a heading of two dates in one column: read as
// 转为正式党员日期 (its 转正), a cell 2015.03 there was stored as the
// member's 转正 date, though it may be either (review s13-hx #14). A
// bracket naming both (入党时间（预备/转正）) makes one too. Alone on its
// sheet such a column gives both dates (header.pairs, rowMember.twoDates).
func twoDatesHeading(s string) bool {
	if twoDatesJoined.MatchString(model.CleanLine(s)) {
		return true
	}
	said := bracketText(s)
	if !fullQualifier(said) || !strings.Contains(said, "预备") && !strings.Contains(said, "入党") {
		return false
	}
	// Only a date's heading: 人员类别（正式/预备） names the category.
	key := headingKey(s, true)
	f, ok := headings[key]
	if !ok {
		f, ok = partyDateHeading(key)
	}
	return ok && (f == model.FieldJoinDate || f == model.FieldFullDate)
}

// partyDateHeading reads a date heading that speaks of the party by what
// it says of the party dates rather than by a list: one saying 转正 or 正式
// is the 转为正式党员日期 (党员转正日期, 正式入党时间, 批准为正式党员时间),
// one saying 入党, 接收 or 吸收 the 加入党组织日期 (批准入党时间,
// 吸收预备党员时间) — the list of the headings of each review's files left
// the next file's column out, and the completeness check then blamed the
// date the user had filled in (review s13-reattack #7). A date of the
// steps before admission (入党申请时间, 积极分子, 发展对象, 宣誓 …) is none.
func partyDateHeading(key string) (model.Field, bool) {
	dated := false
	for _, end := range headingEndings[0] {
		if strings.HasSuffix(key, end) {
			dated = true
		}
	}
	// Two dates in one heading (入党时间/转正时间) name neither.
	if !dated || strings.ContainsAny(key, "/、,，;；和及或与") {
		return "", false
	}
	// Only a heading that speaks of the party (党) names a party date:
	// 转正定级时间, 试用期转正时间 and 组织关系接收时间 are a personnel
	// file's, and 预计转正时间, 预备期满时间 say when it is due, not that it
	// happened — read as the party dates they stored an employment date as
	// 转为正式党员日期 without a word, or refused every member (review
	// s13-reattack #16, #18, #19).
	// A heading naming the body that admits or approves (支部大会接收时间,
	// 转正批准时间, 支部大会通过转正时间) speaks of the party too: without
	// 党 in it, such everyday headings were not imported and every member
	// refused for the date the user had filled in (review s14-reattack7 #16).
	if !strings.Contains(key, "党") && !strings.Contains(key, "支部大会") && !strings.Contains(key, "批准") {
		return "", false
	}
	// 支部大会讨论转正时间 is when the branch took the question up, not
	// that it passed: read as the 转正, it made a second 转正 column beside
	// the real one and refused every member (found in this fix's own sweep).
	if (strings.Contains(key, "讨论") || strings.Contains(key, "表决")) && !strings.Contains(key, "通过") {
		return "", false
	}
	for _, w := range []string{"申请", "积极分子", "发展对象", "介绍人", "宣誓", "志愿书", "培养", "考察", "谈话", "公示", "政审", "出生", "失联", "外出", "返回", "流动",
		"关系", "转入", "转出", "团", "定级", "工作", "职工", "试用", "聘", "预计", "拟", "应", "期满", "到期",
		// a 转正 postponed or refused, and other dates that say 正式 (s13 hostile pass)
		"延期", "推迟", "延长", "暂缓", "不予", "取消", "职务", "任职", "调入", "恢复", "成立", "缴纳", "党费", "党组织",
		// when this branch received a member who came: 转入, not 入党
		"本党支部", "党支部接收", "党小组"} {
		if strings.Contains(key, w) {
			return "", false
		}
	}
	// 正式 alone is too weak a word (党员正式调入时间): only 转正, 正式党员
	// and 正式入党 name the date a member became a full member.
	for _, w := range []string{"转正", "正式党员", "正式入党"} {
		if strings.Contains(key, w) {
			return model.FieldFullDate, true
		}
	}
	for _, w := range []string{"入党", "接收", "吸收", "加入党", "加入中国共产党", "加入中共"} {
		if strings.Contains(key, w) {
			return model.FieldJoinDate, true
		}
	}
	// 支部大会讨论通过时间, 支部大会通过日期: the day the branch admitted
	// the member as 预备党员 — the 加入党组织日期 (a 转正 was passed over
	// above). Not imported, every member of an official roster without an
	// 入党时间 column was refused for a date the user had filled in.
	if strings.Contains(key, "支部大会") && (strings.Contains(key, "通过") || strings.Contains(key, "同意")) {
		return model.FieldJoinDate, true
	}
	return "", false
}

// notPartyQualifiers, in a bracket of a party date's heading, say the
// date is of employment or still to come: 转正时间（参加工作）, 转正（定级）
// 时间, 转正日期（单位）, 转正时间（预计） — the words partyDateHeading
// refuses when written outside the bracket.
var notPartyQualifiers = slices.Concat(employmentWords, []string{"预计", "计划", "期满", "到期", "延期", "推迟", "延长", "团"})

// employmentWords say a date is of a job: 转正 there is the end of a
// probation at work.
var employmentWords = []string{"工作", "定级", "单位", "职工", "工人", "试用", "见习", "聘", "入职", "合同", "转干"}

// notPartyBracket reports a heading of a party date (f) whose bracketed
// words say it is not the party's: see notPartyQualifiers.
func notPartyBracket(s string, f model.Field) bool {
	if f != model.FieldJoinDate && f != model.FieldFullDate {
		return false
	}
	said := bracketText(s)
	return said != "" && slices.ContainsFunc(notPartyQualifiers, func(w string) bool { return strings.Contains(said, w) })
}

// fullQualifier reports a bracket of a date heading saying the date is
// the 转正: （转正）, （正式）, （转为正式党员）.
func fullQualifier(said string) bool {
	return strings.Contains(said, "转正") || strings.Contains(said, "正式")
}

// bracketText is what a heading says in brackets, its brackets' texts run
// together: 预计 of 转正时间（预计）.
func bracketText(s string) string {
	var in strings.Builder
	depth := 0
	for _, r := range model.CleanText(s) {
		switch {
		case r == '(' || r == '（' || r == '[' || r == '【':
			depth++
		case r == ')' || r == '）' || r == ']' || r == '】':
			depth = max(depth-1, 0)
		case depth > 0:
			in.WriteRune(r)
		}
	}
	return in.String()
}

// headingPrefixes are words a roster puts before a heading without changing
// the field it names: 现所在支部, 目前所在党支部, 本人电话, 联系手机,
// 家庭现住址 (review s9-7 #11).
var headingPrefixes = []string{"现在", "现", "目前", "当前", "本人", "联系", "家庭"}

// headingEndings are endings that say the same of a heading: a date as
// 年月日, 年月, 时间 or 日期 (入党年月日 = 入党年月), a name or number with
// or without 名称, 全称 or 号码 (所属党组织名称 = 党组织全称 = 所属党组织).
var headingEndings = [][]string{{"年月日", "年月", "时间", "日期"}, {"名称", "全称", ""}, {"号码", ""}}

// matchAffixed finds the field of a normalised heading that is a known one
// with a prefix of headingPrefixes before it, or another of headingEndings'
// endings after it (or both), so that a closed list of headings does not
// leave out the field of 现所在支部 or 入党年月日. What remains must be at
// least two characters, so a lone 现 or 日期 names nothing.
func matchAffixed(key string) (model.Field, bool) {
	stems := []string{key}
	for stem := key; len(stems) < 3; { // 目前家庭住址: two prefixes at most
		cut := false
		for _, p := range headingPrefixes {
			if rest, ok := strings.CutPrefix(stem, p); ok && utf8.RuneCountInString(rest) >= 2 {
				stem, cut = rest, true
				stems = append(stems, stem)
				break
			}
		}
		if !cut {
			break
		}
	}
	for i, stem := range stems {
		if i > 0 {
			if f, ok := headings[stem]; ok {
				return f, true
			}
		}
		for _, same := range headingEndings {
			for _, end := range same {
				base, ok := strings.CutSuffix(stem, end)
				if !ok || end == "" || utf8.RuneCountInString(base) < 2 {
					continue
				}
				for _, other := range same {
					if f, ok := headings[base+other]; ok && other != end {
						return f, true
					}
				}
			}
		}
	}
	return "", false
}

// matchAlternatives reads a heading that lists alternatives ("手机号码/电话",
// "职务/职称", "电话或手机"): the field every part that names one names, if
// they name the same one.
func matchAlternatives(s string) (model.Field, bool) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("/／、或|", r) })
	if len(parts) < 2 {
		return "", false
	}
	var found model.Field
	for _, p := range parts {
		f, ok := headings[headingKey(p, false)]
		switch {
		case !ok:
			continue
		case found != "" && f != found:
			return "", false
		}
		found = f
	}
	return found, found != ""
}

// mayHoldRoster reports whether the first rows of a sheet name 姓名 and
// 公民身份号码 somewhere: the cheap test, on values streamed without
// loading the sheet, for whether a sheet is worth loading at all.
func mayHoldRoster(rows [][]string) bool {
	name, id := false, false
	for _, r := range rows {
		for c := range min(len(r), maxColumns) {
			if f, ok := matchHeading(cell(r, c)); ok {
				name = name || f == model.FieldName
				id = id || f == model.FieldIDNumber
			}
		}
	}
	return name && id
}

// unreadHeader says why a sheet whose first rows name 姓名 and 公民身份号码
// gave no header: where the two headings are, as written, and that the rows
// around them could not be read as one block of headings. Saying the two
// columns are missing, as when there are none, sent the user looking for
// headings that are plainly there (review s13-attack #1).
func unreadHeader(g headingGrid) (string, bool) {
	var at [2]int
	var said [2]string
	for i, row := range g.text {
		for c := range row {
			f, ok := matchHeading(cell(row, c))
			k := slices.Index([]model.Field{model.FieldName, model.FieldIDNumber}, f)
			if ok && k >= 0 && at[k] == 0 {
				at[k], said[k] = i+1, cell(row, c)
			}
		}
	}
	if at[0] == 0 || at[1] == 0 {
		// Not both among the rows looked at as headings (a cell's text
		// as streamed may name one that the grid does not): no header.
		return "", false
	}
	rows := fmt.Sprintf("第%d行", at[0])
	if at[1] != at[0] {
		rows = fmt.Sprintf("第%d行和第%d行", min(at[0], at[1]), max(at[0], at[1]))
	}
	return fmt.Sprintf("%s有“%s”和“%s”，但没能读出这几行表头：某列标题下方还有文字，又不在合并的分组标题之下；请把表头整理为每列一个标题（分组标题合并在其下各列之上）后再导入", rows, said[0], said[1]), true
}

// isHeading reports whether s is the heading of f; used to skip the header
// repeated inside the data, as rosters printed page by page often have.
func isHeading(s string, f model.Field) bool {
	g, ok := matchHeading(s)
	return ok && g == f
}

// headingKey is the form in which headings are compared: invisible
// characters, spaces, line breaks, colons and required-field stars
// removed, brackets removed (or, with dropBracketed, what is inside them
// too), and full-width letters and digits made half-width.
func headingKey(s string, dropBracketed bool) string {
	var b strings.Builder
	depth := 0
	for _, r := range model.CleanText(s) {
		switch {
		case r == '(' || r == '（' || r == '[' || r == '【':
			depth++
			continue
		case r == ')' || r == '）' || r == ']' || r == '】':
			if depth > 0 {
				depth--
			}
			continue
		case dropBracketed && depth > 0:
			continue
		case unicode.IsSpace(r) || strings.ContainsRune(":：*＊", r):
			continue
		case r >= '！' && r <= '～':
			r -= '！' - '!' // full-width ASCII block
		}
		b.WriteRune(r)
	}
	return b.String()
}

func cell(row []string, c int) string {
	if c >= 0 && c < len(row) {
		return model.TrimSpace(row[c])
	}
	return ""
}

// groupTick reads a column whose heading is a value of the field its group
// heading names (正式 under 党员类别, 男 under 性别) as a tick column.
func groupTick(path []string) (model.Field, string, bool) {
	if len(path) < 2 {
		return "", "", false
	}
	g, ok := matchHeading(path[len(path)-2])
	if !ok {
		return "", "", false
	}
	if _, ok := subHeadings[g][headingKey(path[len(path)-1], true)]; ok {
		return "", "", false
	}
	v, ok := tickValue(g, path[len(path)-1])
	return g, v, ok
}

// loneTick reads a heading that names no field but a value of one that
// tick columns may give (正式党员, 女).
func loneTick(heading string) (model.Field, string, bool) {
	for _, f := range tickFields {
		if v, ok := tickValue(f, heading); ok {
			return f, v, true
		}
	}
	return "", "", false
}

// addLoneTicks takes tick columns without a group heading for their field
// when at least two of them name different values of it (正式党员 |
// 预备党员) and no other column gives it; any other is not imported.
// The caller puts the columns back in order.
func (h *header) addLoneTicks(lone []column, used map[model.Field]bool) {
	values := map[model.Field]map[string]bool{}
	for _, c := range lone {
		if values[c.field] == nil {
			values[c.field] = map[string]bool{}
		}
		values[c.field][c.tick] = true
	}
	taken := map[model.Field]map[string]bool{}
	for _, c := range lone {
		f := c.field
		if len(values[f]) < 2 || used[f] || taken[f][c.tick] {
			h.ignored = append(h.ignored, column{index: c.index, heading: c.heading})
			continue
		}
		if taken[f] == nil {
			taken[f] = map[string]bool{}
		}
		taken[f][c.tick] = true
		h.cols = append(h.cols, c)
	}
}

// otherPersonWords name, in a group heading, someone other than the member
// whose sub-headings (姓名, 联系电话, 公民身份号码 …) are that person's: an
// emergency contact, the sponsors, the family.
// 家庭主要成员 (the heading of the 党员登记表 and 干部履历 forms), 爱人 and the
// like were missing, and the father's phone and employer were stored as
// the member's (review s10-attack7 #11); any 家庭 group that is not the
// member's own address or phone (familyOwn) is the family's.
var otherPersonWords = []string{"联系人", "联络人", "介绍人", "培养人", "推荐人", "担保人", "配偶", "爱人", "妻子",
	"丈夫", "父亲", "母亲", "父母", "子女", "家长", "成员", "家属", "亲属", "亲友", "社会关系", "监护人", "本人以外"}

// familyOwn are the 家庭 headings that are the member's own: their home
// address or phone (家庭住址 over 省/市/详细地址).
var familyOwn = []string{"住址", "地址", "电话", "住所"}

// otherPerson is the group heading over a column that names another person
// (紧急联系人 over 姓名 | 联系电话), "" when none does.
func otherPerson(groups []string) string {
	for _, g := range groups {
		key := headingKey(g, true)
		for _, w := range otherPersonWords {
			if strings.Contains(key, w) {
				return g
			}
		}
		if strings.Contains(key, "家庭") && !slices.ContainsFunc(familyOwn, func(w string) bool { return strings.Contains(key, w) }) {
			return g
		}
	}
	return ""
}

// noteText is the note of a note line (noteLine).
func (g headingGrid) noteText(i int) string {
	text, _ := g.noteLine(i)
	return text
}
