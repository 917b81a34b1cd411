package xlsx

import (
	"strings"

	"branchledger/model"
)

// Tick columns: a field given as one column per value, the chosen one
// ticked. Templates of organisation departments and other systems have
// them under a group heading — 党员类别 over 正式 | 预备, 性别 over 男 | 女,
// 是否流动党员 over 是 | 否 — and some as headings side by side without one
// (正式党员 | 预备党员). The row's value is the heading of its ticked
// column; a row with none ticked leaves the field empty (worked out from
// others where it can be, as without the column), and a row with two
// ticked, or with something in a cell that is not a tick, is refused.

// tickValue reads a heading as a value of field f when f may be given by
// tick columns: the text the field's own parser takes ("正式" → 正式党员,
// "男", "停止党籍", "是").
func tickValue(f model.Field, heading string) (string, bool) {
	heading = headingKey(heading, false)
	switch f {
	case model.FieldCategory:
		if c, ok := model.ParseCategory(heading); ok && c != "" {
			return string(c), true
		}
	case model.FieldSex:
		if s, ok := model.ParseSex(heading); ok && s != "" {
			return string(s), true
		}
	case model.FieldStanding:
		if s, ok := model.ParseStanding(heading); ok && s != "" {
			return string(s), true
		}
	case model.FieldMobile, model.FieldLostContact:
		switch heading {
		case "是":
			return "是", true
		case "否":
			return "否", true
		}
	}
	return "", false
}

// tickFields are the fields tick columns may give, in the order a heading
// without a group is tried against them.
var tickFields = []model.Field{model.FieldCategory, model.FieldSex, model.FieldStanding}

// tickMark is the tick the refusals ask for, an argument of their
// sentences (the bundled fonts have no glyph for it: a translation file
// may not hold it).
const tickMark = "√"

// ticks reads the tick columns of one field in a row, after its other
// cells: the value of the one ticked column, or a refusal.
type ticks struct {
	field   model.Field
	chosen  []column // ticked
	crossed []column // holding a "no" mark
}

// tick reads the cell v of the tick column c; something that is not a
// mark is refused.
func (r *rowMember) tick(c column, v string) {
	t := r.ticks[c.field]
	if t == nil {
		if r.ticks == nil {
			r.ticks = map[model.Field]*ticks{}
		}
		t = &ticks{field: c.field}
		r.ticks[c.field] = t
		r.tickOrder = append(r.tickOrder, c.field)
	}
	// The marks are the 是否 columns' (model.ParseMark): a cross or an
	// empty circle beside a tick in another column says no.
	yes, mark := model.ParseMark(v)
	switch {
	case mark && yes, namesTick(c, v):
		t.chosen = append(t.chosen, c)
	case mark:
		t.crossed = append(t.crossed, c)
	default:
		r.shown[c.field] = v
		r.reject(c.field, model.Textf("“%s”栏中%s不是勾选符号：请在符合的一栏打“%s”，其余留空", c.heading, quote(v), tickMark))
	}
}

// namesTick reports a cell holding its column's own value written out:
// 男 under 男, 预备党员 under 预备.
func namesTick(c column, v string) bool {
	w, ok := tickValue(c.field, v)
	return ok && w == c.tick
}

// settleTicks gives each field read from tick columns its value.
func (r *rowMember) settleTicks() error {
	for _, f := range r.tickOrder {
		t := r.ticks[f]
		if r.unreadable(f) {
			continue
		}
		switch len(t.chosen) {
		case 0:
			if len(t.crossed) > 0 {
				r.reject(f, model.Textf("%s一栏也没有打“%s”，请在符合的一栏打“%[2]s”", tickHeadings(t.crossed), tickMark))
			}
		case 1:
			c := t.chosen[0]
			col, src := r.im.sr.below(c.index+1, r.row)
			if err := r.set(f, c.tick, col, src); err != nil {
				return err
			}
		default:
			r.reject(f, model.Textf("%s都打了勾，%s只能勾选一栏", tickHeadings(t.chosen), model.Term(f.Label())))
		}
	}
	return nil
}

// tickHeadings names tick columns for a message: “正式”“预备”.
func tickHeadings(cs []column) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString("“" + c.heading + "”")
	}
	return b.String()
}
