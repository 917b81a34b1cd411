package xlsx

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"branchledger/model"
)

// A note may say who left by the rows' 序号 rather than by name —
// 注：序号4-6为已转出人员, 注：1号、4号同志已去世, 4—6号已调离, 以上第4、5号
// 党员已转出 — or by place (注：前3名为在册党员，后3名已转出), or keep some
// by 序号 (注：除1号、2号外，其余同志已转出). Read as naming no one, such a
// note imported every row with a 提示, or (以上…) refused every row above
// it; the people it means are refused, and only they (review F8, F9,
// F34).

// serialRun is a run of 序号 in a note: 序号4-6, 第4、5号, 1号、4号, 4—6号,
// 4至6号. Only one said to be a 序号 (序号…, …号) is one: 2025年 is a
// year, 2人 a count.
var serialRun = regexp.MustCompile(`(序号|编号)?[为是:：]?((?:第?[0-9]{1,4}号?(?:[-—–~～－]+|至|到|、|和|及|与)?)+)`)

// placeRun is a note's 前3名 or 后3名: the first or last rows of the table.
var placeRun = regexp.MustCompile(`([前后])([0-9]{1,3}|[一二三四五六七八九十两]{1,3})(?:名|位|个|人)`)

// serialNote is what a note says of who left by 序号 or place.
type serialNote struct {
	nos    []int // the 序号 of those who left; with except, of those who stayed
	except bool  // everyone but nos left: 除1号、2号外，其余同志已转出
	first  int   // 前3名已转出: the first rows of the table
	last   int   // 后3名已转出: the last rows
}

// any reports a note that says who left by 序号 or place.
func (s serialNote) any() bool { return len(s.nos) > 0 || s.first > 0 || s.last > 0 }

// serialsIn are the 序号 a run of serialRun names, nil when it is no
// run of 序号 (a date's 3月1号, a run without 序号 or 号).
func serialsIn(text string, m []int) []int {
	if m[2] < 0 && !strings.Contains(text[m[4]:m[5]], "号") {
		return nil
	}
	if before, _ := utf8.DecodeLastRuneInString(text[:m[0]]); strings.ContainsRune("年月日.．/-", before) || before >= '0' && before <= '9' {
		return nil
	}
	run := strings.TrimRight(text[m[4]:m[5]], "-—–~～－至到、和及与")
	// After the run a 序号 goes on to what it counts: 4名, 3人 are counts.
	if after, _ := utf8.DecodeRuneInString(text[m[5]:]); m[2] < 0 && !strings.HasSuffix(run, "号") || strings.ContainsRune("年月日人名位个岁", after) {
		return nil
	}
	var out []int
	ranged := false
	for run != "" {
		r, size := utf8.DecodeRuneInString(run)
		switch {
		case r >= '0' && r <= '9':
			end := strings.IndexFunc(run, func(r rune) bool { return r < '0' || r > '9' })
			if end < 0 {
				end = len(run)
			}
			n, _ := strconv.Atoi(run[:end])
			run = run[end:]
			if ranged && len(out) > 0 && n > out[len(out)-1] && n-out[len(out)-1] <= 500 {
				for k := out[len(out)-1] + 1; k <= n; k++ {
					out = append(out, k)
				}
			} else {
				out = append(out, n)
			}
			ranged = false
			continue
		case strings.ContainsRune("-—–~～－至到", r):
			ranged = true
		}
		run = run[size:]
	}
	return out
}

// serialLeavers reads a note's text (its 注： taken off) for who left by
// 序号 or place: a clause saying so holds the run, or an exception does
// (除1号、2号外). ok false when it names none so.
func serialLeavers(rest string) (s serialNote, word string, ok bool) {
	if !strings.ContainsAny(rest, "0123456789号前后一二三四五六七八九十两") {
		return serialNote{}, "", false
	}
	rest = model.HalfWidthDigits(rest)
	// 除1号、2号外，其余同志已转出: those named stayed.
	if m := exception.FindStringSubmatchIndex(rest); m != nil {
		inner := rest[m[2]:m[3]]
		if w := sectionLeftWord(inner); w != "" {
			// 除4号已转出外其余均在册: those named left.
			if nos := allSerials(inner); len(nos) > 0 {
				return serialNote{nos: nos}, w, true
			}
		} else if w := sectionLeftWord(rest[m[1]:]); w != "" {
			if nos := allSerials(inner); len(nos) > 0 {
				return serialNote{nos: nos, except: true}, w, true
			}
		}
	}
	for _, clause := range strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune("，,；;。", r) }) {
		w := sectionLeftWord(clause)
		if w == "" {
			continue
		}
		if nos := allSerials(clause); len(nos) > 0 {
			s.nos, word = append(s.nos, nos...), w
			continue
		}
		if m := placeRun.FindStringSubmatch(clause); m != nil {
			n, err := strconv.Atoi(m[2])
			if err != nil {
				n = chineseCount(m[2])
			}
			if n > 0 {
				if m[1] == "前" {
					s.first = n
				} else {
					s.last = n
				}
				word = w
			}
		}
	}
	slices.Sort(s.nos)
	s.nos = slices.Compact(s.nos)
	return s, word, s.any()
}

// allSerials are the 序号 every run of serialRun in text names.
func allSerials(text string) []int {
	var out []int
	for _, m := range serialRun.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, serialsIn(text, m)...)
	}
	return out
}

// serialList writes 序号 as a note's reader does: 4—6, 1、4.
func serialList(nos []int) string {
	var parts []string
	for i := 0; i < len(nos); {
		j := i
		for j+1 < len(nos) && nos[j+1] == nos[j]+1 {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, strconv.Itoa(nos[i])+"—"+strconv.Itoa(nos[j]))
		case j == i+1:
			parts = append(parts, strconv.Itoa(nos[i]), strconv.Itoa(nos[j]))
		default:
			parts = append(parts, strconv.Itoa(nos[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, "、")
}

// numberedLeavers is a note saying who left by 序号 or place
// (noteNumbered), and the rows it covers: from up to to (the rows above a
// 以上… note, below a 以下… note, or the whole sheet).
type numberedLeavers struct {
	leaverNote
	row, at  int
	from, to int
	// seen counts the records read in its rows (a record's place), total
	// is how many there are (for 后3名)
	seen, total int
	people      model.TextList
	found       map[int]bool
}

// numberedNote is the numberedLeavers of the note l in row n; bound is the
// last group row, note or heading row above it. In a workbook of refused
// rows read again (copy) the note stands above the first row it refused,
// whichever way it pointed: it covers the sheet.
func numberedNote(l leaverNote, n, at, bound int, copy bool) numberedLeavers {
	s := numberedLeavers{leaverNote: l, row: n, at: at, from: 0, to: math.MaxInt, found: map[int]bool{}}
	switch {
	case copy:
	case l.towards == noteAbove:
		s.from, s.to = bound+1, n
	case l.towards == noteBelow:
		s.from = n + 1
	}
	return s
}

// countNumbered counts the records each numbered note covers, when one
// says who left by the last places (后3名).
func (im *importer) countNumbered(rows []streamRow) error {
	if !slices.ContainsFunc(im.numbered, func(s numberedLeavers) bool { return s.serials.last > 0 }) {
		return nil
	}
	return eachRecord(im.h, im.sr, rows, func(rec *record) error {
		for i := range im.numbered {
			if s := &im.numbered[i]; rec.n >= s.from && rec.n < s.to {
				s.total++
			}
		}
		return nil
	})
}

// serialOf is the 序号 a row's 序号 cell gives: 4, 4., （4）.
func serialOf(v string) (int, bool) {
	n, err := strconv.Atoi(strings.Trim(model.HalfWidthDigits(v), ".．、()（） "))
	return n, err == nil
}

// refusedNumbered refuses the record rec when a note saying who left by
// 序号 or place means it, or may (its 序号 unreadable), and reports
// whether it did. Every note covering it counts it first: a record's
// place is its place among the rows a note covers.
func (im *importer) refusedNumbered(rec *record) bool {
	var by *numberedLeavers
	var why model.Text
	for i := range im.numbered {
		s := &im.numbered[i]
		if rec.n < s.from || rec.n >= s.to {
			continue
		}
		s.seen++
		if by == nil {
			if why = im.numberedWhy(s, rec); !why.IsZero() {
				by = s
			}
		}
	}
	if by == nil {
		return false
	}
	im.refuseLeaver(rec, &by.people, why)
	return true
}

// numberedWhy is why the note s, which covers the record rec and has
// counted it, refuses it: the note means it by its 序号 or its place, or
// may (a 序号 blank or no number, places a workbook of refused rows does
// not keep); the zero Text when the note does not mean it. A 序号 the
// note names that rec has is marked found.
func (im *importer) numberedWhy(s *numberedLeavers, rec *record) model.Text {
	place := s.seen
	sn := s.serials
	byPlace := im.h.serial == 0
	switch {
	// In a workbook of refused rows the places are not the file's:
	// the rows a note gave by place cannot be told.
	case im.h.reasons > 0 && (byPlace || sn.first > 0 || sn.last > 0):
		return model.Textf("第%d行的说明“%s”按位置说谁已离开，在导出的问题行中各行的位置已变，看不出这一行是不是其中一位，这一行未导入：仍在册的请删去这一说明后再导入", s.row, s.title)
	case sn.first > 0 && place <= sn.first:
		return model.Textf("第%d行的说明“%s”说前%d名已离开（写着“%s”），这一行是第%d名，看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入", s.row, s.title, sn.first, s.word, place)
	case sn.last > 0 && place > s.total-sn.last:
		return model.Textf("第%d行的说明“%s”说后%d名已离开（写着“%s”），这一行是共%d名中的第%d名，看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入", s.row, s.title, sn.last, s.word, s.total, place)
	case len(sn.nos) == 0:
		return model.Text{}
	}
	no := place
	if !byPlace {
		v := cell(rec.cells, im.h.serial-1)
		n, ok := serialOf(v)
		switch {
		case v == "":
			return model.Textf("第%d行的说明“%s”按序号说谁已离开，这一行没有填序号，看不出是不是其中一位，这一行未导入：请填写序号后再导入", s.row, s.title)
		case !ok:
			return model.Textf("第%d行的说明“%s”按序号说谁已离开，这一行的序号“%s”不是一个数，看不出是不是其中一位，这一行未导入：请改正序号后再导入", s.row, s.title, v)
		}
		no = n
	}
	named := slices.Contains(sn.nos, no)
	if named {
		s.found[no] = true
	}
	if named == sn.except {
		return model.Text{}
	}
	list := serialList(sn.nos)
	switch {
	case sn.except && byPlace:
		return model.Textf("第%d行的说明“%s”说除第%s名外都已离开（写着“%s”），表中没有序号列，这一行是第%d名，看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入", s.row, s.title, list, s.word, no)
	case sn.except:
		return model.Textf("第%d行的说明“%s”说除序号为%s的人外都已离开（写着“%s”），这一行的序号是%d，看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入", s.row, s.title, list, s.word, no)
	case byPlace:
		return model.Textf("第%d行的说明“%s”说第%s名已离开（写着“%s”），表中没有序号列，这一行是第%d名，看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入", s.row, s.title, list, s.word, no)
	default:
		return model.Textf("第%d行的说明“%s”说序号为%s的人已离开（写着“%s”），这一行的序号是%d，看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入", s.row, s.title, list, s.word, no)
	}
}

// numberedNotes says, of each note saying who left by 序号 or place,
// whom it refused and which 序号 the table does not have.
func (im *importer) numberedNotes() []model.ImportNote {
	var out []model.ImportNote
	for _, s := range im.numbered {
		var missing []int
		if !s.serials.except {
			for _, no := range s.serials.nos {
				if !s.found[no] {
					missing = append(missing, no)
				}
			}
		}
		var n model.ImportNote
		switch {
		case len(s.people) == 0 && len(missing) > 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，但它所说的各行中没有序号%s；这一行是说明，不是党员，未导入", s.title, s.word, serialList(missing))
		case len(s.people) == 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，但它所说的各行中没有它说已离开的人；这一行是说明，不是党员，未导入", s.title, s.word)
		case len(missing) > 0:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，按序号或位置所说的人未予导入（见未通过的行）：%s；它所说的各行中没有序号%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”",
				s.title, s.word, s.people, serialList(missing))
		default:
			n = model.Note(im.sheet.Name, s.row, "", "说明行“%s”：写着“%s”，按序号或位置所说的人未予导入（见未通过的行）：%s；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”",
				s.title, s.word, s.people)
		}
		out = append(out, n)
	}
	return out
}
