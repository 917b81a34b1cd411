package xlsx

import (
	"errors"
	"strings"

	"branchledger/model"
)

// A column of both party dates (入党及转正时间, 入党/转正时间): each cell
// holds the 入党 and the 转正, as 2005.06/2006.06, 2005.06-2006.06,
// 2005年6月/2006年6月 or on two lines. Named as not imported, every member
// was refused for the 加入党组织日期 the user had written there (review
// F39).

// pairDate is the one date a cell of a column of both party dates holds:
// the 入党 of a 预备党员, else either (pairedAlone).
type pairDate struct {
	d       model.Date
	heading string
	shown   string
}

// pairSeps are what a cell of both party dates writes between the two,
// the most telling first: a line break, a slash, a comma, a dash, a space.
var pairSeps = []string{"\n", "/", "／", "、", "，", ",", "；", ";", "~", "～", "—", "–", "－", "至", "到", "→", " ", "-"}

// splitPair cuts a cell of both party dates in two at the separator
// between them: the middle one of an odd count, so that 2005-06-2006-06
// cuts at its second dash and 2005/6/1/2006/6/1 at its third slash. Each
// half is a date, or one of them blank or a none mark (2005.06/无: not yet
// 转正). ok is false when no separator gives such halves: one date, or
// text that is none.
func splitPair(v string) (join, full model.Date, ok bool) {
	for _, sep := range pairSeps {
		n := strings.Count(v, sep)
		if n%2 == 0 {
			continue
		}
		at, from := -1, 0
		for range n/2 + 1 {
			at = from + strings.Index(v[from:], sep)
			from = at + len(sep)
		}
		a, b := model.TrimSpace(v[:at]), model.TrimSpace(v[from:])
		da, aok := pairHalf(a)
		db, bok := pairHalf(b)
		if aok && bok && !(da.IsZero() && db.IsZero()) {
			return da, db, true
		}
	}
	return model.Date{}, model.Date{}, false
}

// pairHalf reads one half of a cell of both party dates: a date, or
// nothing (blank, 无, —).
func pairHalf(s string) (model.Date, bool) {
	if s == "" || noneMark(s) {
		return model.Date{}, true
	}
	d, err := model.ParseDate(s)
	return d, err == nil && !d.IsZero()
}

// twoDates reads the cell v of the column c of both party dates: the
// first date is the 加入党组织日期, the second the 转为正式党员日期. A
// cell of one date is either, which the row's 人员类别 decides
// (pairedAlone).
func (r *rowMember) twoDates(c column, v string, col, src int) error {
	if join, full, ok := splitPair(v); ok {
		setDate(&r.m, model.FieldJoinDate, join)
		setDate(&r.m, model.FieldFullDate, full)
		return nil
	}
	d, err := cellDate(r.im.sr, col, src, v)
	var de *cellDateError
	switch {
	case errors.As(err, &de):
		r.reject(model.FieldJoinDate, model.Textf("“%s”列为%s，读不出入党和转正两个日期；请写成“入党日期/转正日期”（如 2005.06/2006.06）后再导入", c.heading, quote(v)))
	case err != nil:
		return err
	default:
		r.pairOne = &pairDate{d: d, heading: c.heading, shown: v}
	}
	return nil
}

// pairedAlone settles the one date of a column of both party dates: a
// 预备党员's only date is the 入党 (the 转正 is still to come); of anyone
// else it may be either, and the row is refused naming the column.
func (r *rowMember) pairedAlone() {
	p := r.pairOne
	if p == nil {
		return
	}
	if r.m.Category == model.CategoryProbationary && !r.unreadable(model.FieldCategory) {
		r.m.JoinDate = p.d
		return
	}
	r.reject(model.FieldJoinDate, model.Textf("“%s”列只写了一个日期%s，分不清是入党还是转正的日期；请写成“入党日期/转正日期”（如 2005.06/2006.06；预备党员可只写入党日期，并在人员类别中写明）后再导入", p.heading, quote(p.shown)))
}
