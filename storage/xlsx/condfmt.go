package xlsx

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"branchledger/model"
)

// Conditional formatting that sets a number format. A rule such as "cell
// value > 0" with a differential format of yyyy"年"m"月" makes a date cell
// formatted yyyy-mm-dd show 2008年6月; one with ;;; hides the cell. excelize
// shows the cell's own format, so the rules are read while the sheet is
// scanned (they follow its cells) and applied to each cell read
// (sheetReader.display). A rule that cannot be told — a formula, "top 10",
// "contains" — over a cell whose display it could change refuses the cell:
// the check cannot run, so the value is not taken on trust.

// cfRule is a conditional formatting rule that sets a number format.
type cfRule struct {
	ranges   []mergeRange
	priority int
	typ, op  string
	operands []string
	format   *cellFormat
}

// maxCFRules bounds the rules a sheet's scan keeps.
const maxCFRules = 10_000

// cfScan is the state of the scan inside a <conditionalFormatting>
// (x14 ones in the extension list too: the same local names).
type cfScan struct {
	depth  int // the stack depth of the <conditionalFormatting>
	ranges []mergeRange
	rules  []*cfRule
	rule   *cfRule
	inText bool
	text   []byte
}

// conditionalFormatReason is the refusal of a field whose cell a
// conditional format may show otherwise, by a rule the import cannot work
// out.
const conditionalFormatReason = "单元格设有条件格式，会按条件改变它的数字格式（显示方式），无法确定它显示的是什么；请清除该列的条件格式规则（开始 → 条件格式 → 清除规则）后再导入"

func (sc *sheetScan) cfStart(t *scanTag) error {
	switch string(t.local) {
	case "conditionalFormatting":
		if sc.cf == nil {
			sc.cf = &cfScan{depth: len(sc.stack)}
			if v, ok := t.attr("sqref"); ok {
				sc.cf.ranges = parseSqref(string(v))
			}
		}
	case "cfRule":
		r := &cfRule{}
		r.typ, r.op = t.attrString("type"), t.attrString("operator")
		r.priority, _ = strconv.Atoi(strings.TrimSpace(t.attrString("priority")))
		if id, err := strconv.Atoi(strings.TrimSpace(t.attrString("dxfId"))); err == nil {
			r.format = sc.dxfs[id]
		}
		sc.cf.rule = r
	case "formula", "f", "sqref":
		sc.cf.inText, sc.cf.text = true, sc.cf.text[:0]
	case "numFmt": // an x14 rule's own differential format
		if sc.cf.rule != nil {
			sc.cf.rule.format = newCellFormat(t.attrString("formatCode"))
		}
	}
	return nil
}

func (sc *sheetScan) cfEnd(local []byte) error {
	cf := sc.cf
	switch string(local) {
	case "formula", "f":
		if cf.rule != nil {
			cf.rule.operands = append(cf.rule.operands, string(cf.text))
		}
		cf.inText = false
	case "sqref":
		cf.ranges, cf.inText = parseSqref(string(cf.text)), false
	case "cfRule":
		if cf.rule != nil {
			cf.rules = append(cf.rules, cf.rule)
		}
		cf.rule = nil
	case "conditionalFormatting":
		if len(sc.stack) >= cf.depth {
			return nil // a nested one: the outer is still open
		}
		for _, r := range cf.rules {
			if r.format == nil || len(cf.ranges) == 0 {
				continue // no number format: what the cell shows is unchanged
			}
			if len(sc.shape.cfRules) >= maxCFRules {
				return fmt.Errorf("%w（工作表“%s”有超过 %d 条设定数字格式的条件格式）", ErrTooLarge, sc.sheet, maxCFRules)
			}
			r.ranges = cf.ranges
			sc.shape.cfRules = append(sc.shape.cfRules, *r)
		}
		slices.SortStableFunc(sc.shape.cfRules, func(a, b cfRule) int { return a.priority - b.priority })
		sc.cf = nil
	}
	return nil
}

// parseSqref reads a list of ranges such as "G2:H3 J2:J9".
func parseSqref(s string) []mergeRange {
	var out []mergeRange
	for _, f := range strings.Fields(s) {
		if m, ok := parseRange(f); ok {
			out = append(out, m)
		}
	}
	return out
}

func (r *cfRule) covers(col, row int) bool {
	for _, m := range r.ranges {
		if col >= m.c1 && col <= m.c2 && row >= m.r1 && row <= m.r2 {
			return true
		}
	}
	return false
}

// holds evaluates a "cell value" rule against the cell: a number v, or text
// (number false), which Excel's comparisons put above every number. known
// is false for a rule the import cannot evaluate.
func (r *cfRule) holds(number bool, v float64) (holds, known bool) {
	if r.typ != "cellIs" {
		return false, false
	}
	var ops []float64
	for _, o := range r.operands {
		f, err := strconv.ParseFloat(strings.TrimSpace(o), 64)
		if err != nil {
			return false, false // a reference, a formula, text
		}
		ops = append(ops, f)
	}
	need := 1
	if r.op == "between" || r.op == "notBetween" {
		need = 2
	}
	if len(ops) < need {
		return false, false
	}
	if !number {
		switch r.op {
		case "greaterThan", "greaterThanOrEqual", "notEqual", "notBetween":
			return true, true
		case "lessThan", "lessThanOrEqual", "equal", "between":
			return false, true
		}
		return false, false
	}
	a := ops[0]
	switch r.op {
	case "greaterThan":
		return v > a, true
	case "greaterThanOrEqual":
		return v >= a, true
	case "lessThan":
		return v < a, true
	case "lessThanOrEqual":
		return v <= a, true
	case "equal":
		return v == a, true
	case "notEqual":
		return v != a, true
	case "between", "notBetween":
		lo, hi := min(a, ops[1]), max(a, ops[1])
		in := v >= lo && v <= hi
		return in == (r.op == "between"), true
	}
	return false, false
}

// cellDisplay is how a cell's number format — its own, or one conditional
// formatting sets — shows its value, where excelize would show it
// otherwise.
type cellDisplay struct {
	hidden  bool          // the value shows as nothing
	byRule  bool          // hidden by conditional formatting, not the cell's own format
	section *shownSection // shown through this section (a date's precision)
	unknown bool          // a conditional format may change it, by a rule that cannot be told
	// ruleCode is the number format the conditional format that applies
	// puts in place of the cell's own, "" when none does.
	ruleCode string
}

// display is how the cell at (col, row) shows, as far as excelize's text
// of it is not what Excel shows (sheetScan.byFormat, the rules above).
func (sr *sheetReader) display(col, row int) (cellDisplay, error) {
	var d cellDisplay
	if sr.shape == nil {
		return d, nil
	}
	at := [2]int{col, row}
	d.hidden = sr.shape.formatHidden[at]
	if s, ok := sr.shape.sections[at]; ok {
		d.section = &s
	}
	if len(sr.shape.cfRules) == 0 {
		return d, nil
	}
	var rules []*cfRule
	for i := range sr.shape.cfRules {
		if sr.shape.cfRules[i].covers(col, row) {
			rules = append(rules, &sr.shape.cfRules[i])
		}
	}
	if len(rules) == 0 {
		return d, nil
	}
	if got, ok := sr.displays[at]; ok {
		return got, nil
	}
	raw, err := sr.value(col, row)
	var number bool
	if err == nil {
		number, _, err = sr.numeric(col, row)
	}
	if errors.Is(err, ErrTooLarge) {
		return cellDisplay{unknown: true}, nil // the rules cannot be checked
	}
	if err != nil {
		return d, err
	}
	if raw = strings.TrimSpace(raw); raw != "" {
		v, perr := strconv.ParseFloat(raw, 64)
		number = number && perr == nil
		d = sr.applyRules(d, rules, number, v)
	}
	if sr.displays == nil {
		sr.displays = map[[2]int]cellDisplay{}
	}
	sr.displays[at] = d
	return d, nil
}

// applyRules applies the first rule, by priority, that holds for the cell.
func (sr *sheetReader) applyRules(d cellDisplay, rules []*cfRule, number bool, v float64) cellDisplay {
	for _, r := range rules {
		if !number && !r.format.hidesText() {
			continue // a number format shows text as it is
		}
		holds, known := r.holds(number, v)
		if !known {
			return cellDisplay{unknown: true}
		}
		if !holds {
			continue
		}
		if !number {
			return cellDisplay{hidden: true, byRule: true, ruleCode: r.format.code}
		}
		i := r.format.numberSection(v)
		if i < 0 {
			return d
		}
		if showsNothing(r.format.sections[i]) {
			return cellDisplay{hidden: true, byRule: true, ruleCode: r.format.code}
		}
		return cellDisplay{section: &shownSection{value: v, p: sectionPrecision(r.format.sections[i]), code: r.format.sectionCode(i)}, ruleCode: r.format.code}
	}
	return d
}

// shownCell is a cell as Excel shows it (sheetReader.shown).
type shownCell struct {
	text string // what it shows
	// hidden is the value it holds but shows as nothing (its number
	// format, or conditional formatting, hides it); text is then "".
	hidden *hiddenCell
	// unknown: conditional formatting may show it otherwise, by a rule
	// that cannot be worked out; the value is not to be taken on trust.
	unknown bool
	// bySection: shown through another section than the first of its
	// number format (a condition picked it), or a conditional format's.
	bySection bool
}

// shown reads the cell at (col, row), whose text excelize gives as v, as
// Excel shows it (display): through the section of its number format or
// the conditional format that applies, as nothing when one hides it. The
// one reading of every import of members' rows (the roster's and the dues
// bases'). date says the value is a date, for a hidden value's text. The
// error is for a sheet that cannot be read on.
func (sr *sheetReader) shown(col, row int, v string, date bool) (shownCell, error) {
	disp, err := sr.display(col, row)
	switch {
	case err != nil:
		return shownCell{}, err
	case disp.unknown:
		return shownCell{unknown: true}, nil
	case disp.hidden:
		// Blank on screen, as Excel shows it: said, not dropped silently.
		// A sheet too large to load leaves the value unnamed.
		raw, err := sr.value(col, row)
		if err != nil && !errors.Is(err, ErrTooLarge) {
			return shownCell{}, err
		}
		raw = model.CleanText(strings.TrimSpace(raw))
		if raw == "" && err == nil {
			return shownCell{}, nil // white space: blank indeed
		}
		if date {
			raw = hiddenDate(raw, sr.bk.date1904)
		}
		return shownCell{hidden: &hiddenCell{raw: raw, byRule: disp.byRule}}, nil
	case disp.section != nil:
		return shownCell{text: sectionShown(sr, *disp.section), bySection: true}, nil
	}
	if date && v != "" && sr.shape != nil && sr.shape.isoDates[[2]int{col, row}] {
		// An ISO 8601 date cell (t="d") is shown by excelize as stored,
		// 2005-06-01T00:00:00; the user sees it through its format. The
		// date itself is read by cellDate.
		if fd, p, err := sr.formattedDate(col, row); err == nil && fd.Validate() == nil {
			if text := precisionText(fd, p); text != "" {
				return shownCell{text: text}, nil
			}
		}
	}
	return shownCell{text: v}, nil
}

// precisionText is the date d as a format showing p shows it, near enough
// for a message: 2005-06-01, 2005年6月, 6月1日, 2005; "" for no date.
func precisionText(d model.Date, p datePrecision) string {
	switch p {
	case showsDay:
		return d.String()
	case showsMonth:
		return fmt.Sprintf("%d年%d月", d.Year, int(d.Month))
	case showsNoYear:
		return fmt.Sprintf("%d月%d日", int(d.Month), d.Day)
	case showsYear:
		return strconv.Itoa(d.Year)
	}
	return ""
}
