package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/efp"
	"github.com/xuri/excelize/v2"
)

// The workbook of refused rows holds each cell as the importer read it. A
// formula without a saved result was read as nothing at all — its field
// refused (unsavedFormulaReason) — so the copy holds a formula without a
// result too: imported unchanged it is refused again, not read as an empty
// cell (stored, that was an empty 所在党支部 without a word: review fix13
// #1), and opened in Excel or WPS, as the refusal asks, it shows what the
// original's formula shows.

// copiedFormula is the formula the copy of the source cell (sc, srow) holds:
// the source's own when it refers to no cell, whose value does not depend
// on where it stands; otherwise the value the source's formula gives in its
// own workbook (excelize works it out there, where the cells it refers to
// are), written as a formula of that value alone: the copy's rows and
// sheets are not the source's, and A5 or Sheet2!A1 would there name
// another cell, or none. A formula whose value cannot be worked out gives
// #N/A, so that it is typed in rather than guessed.
func (cp *sheetCopy) copiedFormula(sc, srow int) (string, error) {
	ref := cp.sr.ref(sc, srow)
	formula, err := cp.sr.f.GetCellFormula(cp.sr.sheet, ref)
	if err != nil {
		return "", cp.sr.unreadable(srow, err)
	}
	formula = strings.TrimPrefix(formula, "=")
	if formula != "" && !refersToCells(formula) {
		return formula, nil
	}
	v, err := cp.sr.f.CalcCellValue(cp.sr.sheet, ref, rawValues)
	if err != nil || v == "" || strings.HasPrefix(v, "#") {
		return "NA()", nil
	}
	return constantFormula(v), nil
}

// positional are the functions whose value depends on where the formula
// stands, or which name cells by text: such a formula refers to cells
// even with no reference in it.
var positional = map[string]bool{"ROW": true, "COLUMN": true, "INDIRECT": true, "OFFSET": true, "CELL": true}

// refersToCells reports whether a formula names a cell, a range, a defined
// name or another sheet, or asks where it stands.
func refersToCells(formula string) bool {
	p := efp.ExcelParser()
	for _, t := range p.Parse(formula) {
		switch {
		case t.TType == efp.TokenTypeOperand && t.TSubType == efp.TokenSubTypeRange:
			return true
		case t.TType == efp.TokenTypeFunction && t.TSubType == efp.TokenSubTypeStart &&
			positional[strings.ToUpper(strings.TrimPrefix(t.TValue, "_xlfn."))]:
			return true
		}
	}
	return false
}

// constantFormula is a formula giving the value v: a number or TRUE/FALSE
// as itself, anything else as quoted text.
func constantFormula(v string) string {
	switch up := strings.ToUpper(v); {
	case up == "TRUE" || up == "FALSE":
		return up
	case looksNumeric(v):
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			return v
		}
	}
	return `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
}

// setFormula writes formula to the copy's cell ref without a result, and
// has the copy worked out when Excel or WPS opens it.
func (cp *sheetCopy) setFormula(ref, formula string) error {
	if err := cp.out.SetCellFormula(cp.name, ref, formula); err != nil {
		return err
	}
	if cp.formulas != nil && !*cp.formulas {
		*cp.formulas = true
		on := true
		return cp.out.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on})
	}
	return nil
}
