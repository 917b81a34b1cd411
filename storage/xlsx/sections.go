package xlsx

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/xuri/nfp"
)

// Which section of a number format shows a value. excelize shows every
// positive number through a format's first section, whatever its
// condition, and a zero through the first too; Excel and WPS pick the
// section the value falls in: [<40000]yyyy"年"m"月";yyyy-mm-dd shows the
// serial 40344 as 2010-06-15, to the day, and 0;-0;;@ shows 0 as nothing.
// The cell formats for which that matters — a condition, or a section
// that shows nothing (;;; hides whatever the cell holds) — are found in
// the styles part (checkStyles), and each cell using one is decided while
// its sheet is scanned (sheetScan), where its stored value is at hand:
// what the user saw is then known without loading the sheet.

// cellFormat is a number format whose sections matter (above).
type cellFormat struct {
	code        string // the whole format code
	sections    []nfp.Section
	codes       []string // each section's code, for rendering it alone (renderSection)
	conditional bool     // some section has a [condition]
	// struck says the cell format's font is struck through (withStruck);
	// such a format may have no sections of its own.
	struck bool
}

// parseCellFormat parses a custom number format code; ok is false when
// excelize's first-section reading shows what Excel shows for every value
// that may be a roster's: no condition, and no section that hides a value.
func parseCellFormat(code string) (*cellFormat, bool) {
	if !strings.Contains(code, ";") && !strings.Contains(code, "[") {
		return nil, false
	}
	cf := newCellFormat(code)
	special := false
	for _, sec := range cf.sections {
		if condition(sec) != nil {
			cf.conditional, special = true, true
		}
		if showsNothing(sec) {
			special = true
		}
	}
	return cf, special
}

// newCellFormat parses a number format code.
func newCellFormat(code string) *cellFormat {
	p := nfp.NumberFormatParser()
	cf := &cellFormat{code: code, sections: p.Parse(code), codes: splitSections(code)}
	for _, sec := range cf.sections {
		if condition(sec) != nil {
			cf.conditional = true
		}
	}
	return cf
}

// condition is a section's [condition] as a test of the value; nil when it
// has none.
func condition(sec nfp.Section) func(float64) bool {
	for _, t := range sec.Items {
		if t.TType != nfp.TokenTypeCondition || len(t.Parts) != 2 {
			continue
		}
		op := t.Parts[0].Token.TValue
		n, err := strconv.ParseFloat(strings.TrimSpace(t.Parts[1].Token.TValue), 64)
		if err != nil {
			return nil
		}
		switch op {
		case "<":
			return func(v float64) bool { return v < n }
		case "<=", "=<":
			return func(v float64) bool { return v <= n }
		case ">":
			return func(v float64) bool { return v > n }
		case ">=", "=>":
			return func(v float64) bool { return v >= n }
		case "=":
			return func(v float64) bool { return v == n }
		case "<>":
			return func(v float64) bool { return v != n }
		}
	}
	return nil
}

// numberSection is the index of the section that shows the number v, as
// Excel picks it: with conditions, the first section whose condition holds
// or that has none (the rest); without, the first for a positive number,
// the second for a negative one and the third for zero when there are
// that many.
func (cf *cellFormat) numberSection(v float64) int {
	n := min(len(cf.sections), 3)
	if n == 0 {
		return -1
	}
	if cf.conditional {
		for i := range n {
			if c := condition(cf.sections[i]); c == nil || c(v) {
				return i
			}
		}
		return n - 1
	}
	switch {
	case v < 0 && n >= 2:
		return 1
	case v == 0 && n >= 3:
		return 2
	}
	return 0
}

// hidesText reports whether text is shown as nothing: a fourth section that
// shows nothing (;;;). Without a fourth section text shows as typed.
func (cf *cellFormat) hidesText() bool {
	return len(cf.sections) >= 4 && showsNothing(cf.sections[3])
}

// showsNothing reports a section with nothing visible in it: no digit,
// date part or text, only colours, conditions, spaces and empty literals.
func showsNothing(sec nfp.Section) bool {
	for _, t := range sec.Items {
		switch t.TType {
		case nfp.TokenTypeColor, nfp.TokenTypeCondition, nfp.TokenTypeAlignment,
			nfp.TokenTypeCurrencyLanguage, nfp.TokenTypeSwitchArgument:
		case nfp.TokenTypeLiteral, nfp.TokenTypeRepeatsChar:
			if strings.TrimSpace(t.TValue) != "" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// splitSections splits a number format code into its sections' codes, at
// the semicolons outside quotes, brackets and escapes.
func splitSections(code string) []string {
	var out []string
	start, quoted, bracket := 0, false, false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '\\' && !quoted:
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '[':
			bracket = true
		case c == ']':
			bracket = false
		case c == ';' && !bracket:
			out = append(out, code[start:i])
			start = i + 1
		}
	}
	return append(out, code[start:])
}

// sectionCode is section i's code without its [condition], "" when
// unknown.
func (cf *cellFormat) sectionCode(i int) string {
	if i < 0 || i >= len(cf.codes) {
		return ""
	}
	return conditionPart.ReplaceAllString(cf.codes[i], "")
}

// conditionPart is a section's [condition]: [<40000], [>=5].
var conditionPart = regexp.MustCompile(`\[(?:[<>]=?|=<|=>|<>|=)\s*-?[\d.]+\]`)

// renderSection is the text a number cell holding v shows through one
// section's code, as excelize renders it; "" when it cannot tell.
func renderSection(v float64, code string, date1904 bool) string {
	if strings.TrimSpace(code) == "" {
		return ""
	}
	f := excelize.NewFile(shownOptions)
	defer f.Close()
	if date1904 {
		d := true
		_ = f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &d})
	}
	st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		return ""
	}
	if f.SetCellFloat("Sheet1", "A1", v, -1, 64) != nil || f.SetCellStyle("Sheet1", "A1", "A1", st) != nil {
		return ""
	}
	text, err := f.GetCellValue("Sheet1", "A1")
	if err != nil {
		return ""
	}
	return text
}

// shownSection is what the scan learnt of a number cell whose conditional
// format shows it through another section than the first: its value, and
// what of a date that section shows.
type shownSection struct {
	value float64
	p     datePrecision
	code  string // the section's code without its condition (renderSection)
}
