package xlsx

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"branchledger/model"
)

// A 姓名 cell holds a name and nothing else: what a secretary writes after
// it — 赵丽华（故）, 杨军-已故, 陈伟†, 赵丽华⏎已转出, 李晨（已退休）, 赵丽华* —
// was glued onto the name (spaces and line breaks are taken out of names)
// and the person stored as a current member named 赵丽华已转出 (review ra7
// F11, F12, F31, F33, F35; nu7-11).

// nameBrackets open a remark after a name.
const nameBrackets = "（(【[〔〈<《{［｛"

// nameMarks part a name from what follows it when they come straight after
// a Chinese character (a Latin name keeps its hyphen: Jean-Pierre).
const nameMarks = "-－—–~～/／\\＼*＊†‡✝✞※#＃,，、;；:：|｜!！?？"

// deathMarks are the marks printed after the name of someone who died.
const deathMarks = "†‡✝✞"

// shortLeftMarks are the one-character shorthands of printed rosters in
// brackets after a name: （故）, （殁）, （亡）, （转）, （调）.
var shortLeftMarks = []string{"故", "殁", "亡", "卒", "逝", "死", "转", "调", "迁", "走"}

// remarkStarts begin words after a space or a line break that are no part
// of a name (李晨 已退休, 刘芳⏎2024.5转出); a name split by spaces (欧阳 娜娜,
// 张 三) is not parted.
var remarkStarts = []string{"已", "于", "现", "原", "曾", "系", "在", "因", "注", "备注"}

// remarkWords after a space or a line break are a remark wherever they are.
var remarkWords = append([]string{"退休", "离休", "病休", "失联", "流动", "外出", "出国"}, model.SuspendedWords...)

// nameAndAfter parts a 姓名 cell into the name and what is written after
// it ("" when the cell holds the name alone).
func nameAndAfter(s string) (name, after string) {
	s = model.CleanText(s)
	if i := strings.IndexAny(s, nameBrackets); i > 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
	}
	prev := rune(0)
	for i, r := range s {
		if strings.ContainsRune(nameMarks, r) && unicode.Is(unicode.Han, prev) {
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
		}
		if !unicode.IsSpace(r) {
			prev = r
		}
	}
	// A space or a line break: the rest is a remark when it reads as one.
	fields := strings.FieldsFunc(s, unicode.IsSpace)
	if len(fields) < 2 || !unicode.Is(unicode.Han, firstRune(fields[0])) {
		return s, ""
	}
	for k := 1; k < len(fields); k++ {
		rest := strings.Join(fields[k:], " ")
		if remarkAfterSpace(rest) {
			return strings.Join(fields[:k], ""), rest
		}
	}
	return s, ""
}

// remarkAfterSpace reports words after a space or a line break in a 姓名
// cell that are a remark, not the rest of the name.
func remarkAfterSpace(rest string) bool {
	if r := firstRune(rest); unicode.IsDigit(r) || !unicode.Is(unicode.Han, r) && r != '·' {
		return unicode.IsDigit(r)
	}
	if leftSaying(rest) != "" {
		return true
	}
	for _, w := range remarkStarts {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	for _, w := range remarkWords {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// nameLeftWord is the word in what follows a name that says the person
// left the roster: a word of leaving (leftSaying), a one-character
// shorthand in brackets (（故）) or the mark of a death (†); "" if none.
func nameLeftWord(after string) string {
	if w := leftSaying(after); w != "" {
		return w
	}
	if i := strings.IndexAny(after, deathMarks); i >= 0 {
		r, _ := utf8.DecodeRuneInString(after[i:])
		return string(r)
	}
	inner := strings.TrimFunc(after, func(r rune) bool {
		return strings.ContainsRune(nameBrackets+"）)】]〕〉>》}］｝", r) || unicode.IsSpace(r)
	})
	inner = strings.TrimPrefix(inner, "已")
	for _, w := range shortLeftMarks {
		if inner == w {
			return w
		}
	}
	return ""
}

// nameCell reads the 姓名 cell for what is written after the name: a word
// of leaving refuses the row as the bracketed （已转出） always did; 停止党籍
// keeps the member with that 党籍状态 and a 提示; any other remark refuses
// the row, since what the cell holds is printed on the roster and on
// letters as the person's name.
func (r *rowMember) nameCell() {
	if r.m.Name == "" || r.unreadable(model.FieldName) {
		return
	}
	name, after := nameAndAfter(r.m.Name)
	if after == "" || name == "" {
		return
	}
	bracketed := strings.ContainsRune(nameBrackets, firstRune(after))
	switch w := nameLeftWord(after); {
	case w != "" && bracketed:
		r.reject(model.FieldName, model.Textf("姓名中写着“%s”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去括号中的字后再导入", w))
	case w != "":
		r.reject(model.FieldName, model.Textf("姓名%s在姓名后写着“%s”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去姓名后的字后再导入", quote(r.name), w))
	case suspendedSaying(after) != "":
		// 张三（停籍）: as 停止党籍 (review ra8 G7: refused as a remark).
		said := suspendedSaying(after)
		switch {
		case r.m.Standing == model.StandingSuspended:
		case r.shown[model.FieldStanding] != "":
			r.reject(model.FieldName, model.Textf("姓名后写着“%s”，党籍状态却为%s：请改正其中之一后再导入", said, quote(r.shown[model.FieldStanding])))
			return
		default:
			r.m.Standing = model.StandingSuspended
			r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, model.FieldStanding, "%s：姓名%s后写着“%s”，姓名记为%s，党籍状态记为“停止党籍”", name, quote(r.name), said, quote(name)))
		}
		r.m.Name = name
	default:
		r.reject(model.FieldName, model.Textf("姓名%s除姓名外还有%s：请把说明移到备注后再导入", quote(r.name), quote(after)))
	}
}

// leavingFieldsElsewhere are the fields whose cells say a leaving in their
// own way: 姓名 (nameCell), 备注 (saysLeft), 党籍状态 (set), and the mobile
// member's columns, where 转至 and 外出 name where the member went while
// still on the roster.
var leavingFieldsElsewhere = map[model.Field]bool{
	model.FieldName: true, model.FieldNotes: true, model.FieldStanding: true,
	model.FieldMobile: true, model.FieldMobileDestination: true, model.FieldLostContact: true,
}

// cellSaysLeft refuses the row when a cell of another field says the
// person left — 所在党支部 已转出 or 转至XX社区党委, 人员类别 正式党员（已故）
// — with the words that refuse it in 姓名 or 备注: such rows were stored
// as current members, and 正式党员（已故） was imported as a 正式党员 with
// a 提示 that 已故 had been left out (review ra7 F23).
func (r *rowMember) cellSaysLeft(c column, v string, col, src int) bool {
	if leavingFieldsElsewhere[c.field] || leftSaying(model.CleanLine(v)) == "" {
		return false
	}
	r.reject(c.field, model.Textf("“%s”列（%s）为%s，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改正这一格后再导入",
		c.heading, cellRef(col, src), quote(v)))
	return true
}

// serialSaysLeft refuses the row whose 序号 cell holds a word of leaving
// (转出, 已故) in place of its number: the secretary's mark that the
// person is gone (review ra7 F23).
func (r *rowMember) serialSaysLeft(cells []string) {
	if r.im.h.serial == 0 {
		return
	}
	v := model.CleanLine(cell(cells, r.im.h.serial-1))
	if leftSaying(v) == "" {
		return
	}
	r.reject(model.FieldName, model.Textf("“%s”列（%s）为%s，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改正这一格后再导入",
		serialHeading, cellRef(r.im.h.serial, r.row), quote(v)))
}

// recruitCategory is the stage of joining a 人员类别 names — 入党申请人,
// 入党积极分子, 发展对象 — "" if none.
func recruitCategory(v string) string {
	for _, w := range []string{"入党申请人", "申请入党", "积极分子", "发展对象"} {
		if strings.Contains(v, w) {
			return w
		}
	}
	return ""
}
