package xlsx

import (
	"strings"
	"unicode"

	"branchledger/model"
)

// headerSearchRows is how far down a sheet the header is looked for: below
// a title, a unit line and perhaps a note or two.
const headerSearchRows = 15

// serialHeading is the row-number column every roster has; it is recognised
// so that it is not mistaken for anything else, and then ignored.
const serialHeading = "序号"

// headings maps a normalised heading (see headingKey) to its field: every
// label and alias of model.MemberFields, the one table shared with the UI
// and the export.
var headings = func() map[string]model.Field {
	m := make(map[string]model.Field)
	for _, fi := range model.MemberFields {
		for _, h := range append([]string{fi.Label}, fi.Aliases...) {
			m[headingKey(h, false)] = fi.Field
		}
	}
	return m
}()

// header is where a sheet's headings are and which column holds which field.
type header struct {
	first, rows int      // first heading row (1-based) and how many (1 or 2)
	cols        []column // in column order, each field at most once
}

type column struct {
	index int // 0-based
	field model.Field
}

func (h header) has(f model.Field) bool {
	for _, c := range h.cols {
		if c.field == f {
			return true
		}
	}
	return false
}

func (h header) column(f model.Field) (int, bool) {
	for _, c := range h.cols {
		if c.field == f {
			return c.index, true
		}
	}
	return 0, false
}

// findHeader looks for the heading row among the first rows of a sheet
// (rows[i] is sheet row i+1). Each row is scored by how many fields its
// cells name, alone or as sub-headings under a merged group heading in the
// row above ("党员信息" over 姓名…, "是否流动党员" over 是否 / 流向). The best
// row that names at least 姓名 and 公民身份号码 wins, the first of equals. A
// two-row reading counts only when it names more fields than its lower row
// alone: a title above a one-row header adds nothing.
func findHeader(rows [][]string) (header, bool) {
	single := make([][]column, len(rows))
	for i, r := range rows {
		single[i] = mapHeadings(r, nil)
	}
	var best header
	for i := range rows {
		candidates := []header{{first: i + 1, rows: 1, cols: single[i]}}
		if i+1 < len(rows) {
			if two := mapHeadings(rows[i+1], rows[i]); len(two) > len(single[i+1]) {
				candidates = append(candidates, header{first: i + 1, rows: 2, cols: two})
			}
		}
		for _, h := range candidates {
			if len(h.cols) > len(best.cols) && h.has(model.FieldName) && h.has(model.FieldIDNumber) {
				best = h
			}
		}
	}
	return best, len(best.cols) > 0
}

// mapHeadings maps the cells of a heading row to fields. With a group row
// above, a cell's own heading is tried first, then the group heading (which
// extends right over the empty cells of its merge), then both together.
func mapHeadings(row, upper []string) []column {
	var cols []column
	used := make(map[model.Field]bool)
	group := ""
	for c := 0; c < max(len(row), len(upper)); c++ {
		own, up := cell(row, c), cell(upper, c)
		if up != "" {
			group = up
		}
		var f model.Field
		var ok bool
		switch {
		case upper == nil:
			f, ok = matchHeading(own)
		case own == "":
			f, ok = matchHeading(up)
		default:
			if f, ok = matchHeading(own); !ok {
				if f, ok = matchHeading(group); !ok {
					f, ok = matchHeading(group + own)
				}
			}
		}
		if ok && !used[f] {
			used[f] = true
			cols = append(cols, column{index: c, field: f})
		}
	}
	return cols
}

// matchHeading finds the field a heading names: as written, then without
// what it says in brackets ("联系电话（手机）").
func matchHeading(s string) (model.Field, bool) {
	if s == "" || len(s) > 200 {
		return "", false
	}
	if f, ok := headings[headingKey(s, false)]; ok {
		return f, true
	}
	f, ok := headings[headingKey(s, true)]
	return f, ok
}

// isHeading reports whether s is the heading of f; used to skip the header
// repeated inside the data, as rosters printed page by page often have.
func isHeading(s string, f model.Field) bool {
	g, ok := matchHeading(s)
	return ok && g == f
}

// headingKey is the form in which headings are compared: without spaces,
// line breaks, colons and required-field stars, brackets removed (or, with
// dropBracketed, what is inside them too), and full-width letters and
// digits made half-width.
func headingKey(s string, dropBracketed bool) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
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
	if c < len(row) {
		return strings.TrimSpace(row[c])
	}
	return ""
}
