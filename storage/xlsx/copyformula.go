package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
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
// on where it stands; for a reference to one cell (=代码!A1), that cell's
// value in the source workbook, written as a formula of that value alone:
// the copy's rows and sheets are not the source's, and A5 or Sheet2!A1
// would there name another cell, or none. Any other formula naming cells
// gives #N/A (oneCell says why), so that it is typed in rather than
// guessed.
func (cp *sheetCopy) copiedFormula(sc, srow, c, r int) (string, error) {
	ref := cp.sr.ref(sc, srow)
	formula, err := cp.sr.f.GetCellFormula(cp.sr.sheet, ref)
	if err != nil {
		return "", cp.sr.unreadable(srow, err)
	}
	formula = fixedPosition(strings.TrimPrefix(formula, "="), sc, srow)
	if formula != "" && !refersToCells(formula) {
		return formula, nil
	}
	if ownRow(formula, srow) {
		// Its row's cells are copied with it, to the same columns.
		return shiftRefs(formula, c-sc, r-srow), nil
	}
	sheet, cell, ok := cp.oneCell(formula)
	if !ok {
		return "NA()", nil
	}
	v, err := cp.sr.f.GetCellValue(sheet, cell, rawValues)
	if err != nil || v == "" || strings.HasPrefix(v, "#") {
		return "NA()", nil
	}
	return constantFormula(v, cp.textOf(formula)), nil
}

// fixedPosition writes the source cell's own row and column (sc, srow) for
// ROW() and COLUMN() in formula: =ROW()-2, a 序号 column's, gives in the
// copy, whose rows are not the source's, the number the source showed —
// it was #N/A there (review ra7 F48).
func fixedPosition(formula string, sc, srow int) string {
	if !strings.Contains(formula, "(") {
		return formula
	}
	return ownPosition.ReplaceAllStringFunc(formula, func(m string) string {
		switch {
		case strings.HasPrefix(m, `"`):
			return m
		case strings.EqualFold(m[:3], "ROW"):
			return strconv.Itoa(srow)
		}
		return strconv.Itoa(sc)
	})
}

// ownPosition is ROW() or COLUMN() naming no cell, outside quoted text.
var ownPosition = regexp.MustCompile(`"[^"]*"|\b(?i:ROW|COLUMN)\(\s*\)`)

// ownRow reports a formula whose every reference is to a cell of its own
// row (row) on its own sheet, =IF(LEN(B4)=18,"第四党支部",""): copied with
// its references moved with the row, it gives in the copy what it gave.
func ownRow(formula string, row int) bool {
	p := efp.ExcelParser()
	refs := 0
	for _, t := range p.Parse(formula) {
		switch {
		case t.TType == efp.TokenTypeOperand && t.TSubType == efp.TokenSubTypeRange:
			if strings.Contains(t.TValue, "!") {
				return false
			}
			for _, cell := range strings.Split(t.TValue, ":") {
				_, r, err := excelize.CellNameToCoordinates(strings.ReplaceAll(cell, "$", ""))
				if err != nil || r != row || absoluteRow.MatchString(cell) {
					// a defined name, a whole column, another row; or
					// C$4, which would not move with the row
					return false
				}
			}
			refs++
		case t.TType == efp.TokenTypeFunction && t.TSubType == efp.TokenSubTypeStart &&
			positional[strings.ToUpper(strings.TrimPrefix(t.TValue, "_xlfn."))]:
			return false
		}
	}
	return refs > 0
}

// absoluteRow is a reference whose row is fixed: C$4.
var absoluteRow = regexp.MustCompile(`\$[0-9]`)

// oneCell is the cell a formula that is a reference to one cell alone
// names (=代码!A1, =A5, ='第 二'!$B$2): its value is that cell's. Other
// formulas that name cells are not worked out here: excelize's formula
// engine, which could, is two megabytes of the Windows program, which
// went past its 40 MB (issue 10's number) with it; such a cell is #N/A,
// typed in by the user rather than guessed.
func (cp *sheetCopy) oneCell(formula string) (sheet, cell string, ok bool) {
	p := efp.ExcelParser()
	tokens := p.Parse(formula)
	if len(tokens) != 1 || tokens[0].TType != efp.TokenTypeOperand || tokens[0].TSubType != efp.TokenSubTypeRange {
		return "", "", false
	}
	sheet, cell = cp.sr.sheet, tokens[0].TValue
	if i := strings.LastIndex(cell, "!"); i >= 0 {
		sheet, cell = cell[:i], cell[i+1:]
		if strings.HasPrefix(sheet, "'") && strings.HasSuffix(sheet, "'") && len(sheet) > 1 {
			sheet = strings.ReplaceAll(sheet[1:len(sheet)-1], "''", "'")
		}
	}
	cell = strings.ReplaceAll(cell, "$", "")
	if _, _, err := excelize.CellNameToCoordinates(cell); err != nil {
		return "", "", false
	}
	return sheet, cell, true
}

// textOf reports a formula that is a reference to one text cell alone
// (=代码!A1, the common case): its value is text even when digits, a
// phone or an ID number, which as a number would lose zeros or digits.
func (cp *sheetCopy) textOf(formula string) bool {
	sheet, cell, ok := cp.oneCell(formula)
	if !ok {
		return false
	}
	t, err := cp.sr.f.GetCellType(sheet, cell)
	return err == nil && (t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString || t == excelize.CellTypeFormula)
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

// constantFormula is a formula giving the value v: quoted text when text
// says v is text; otherwise TRUE/FALSE as itself, and a number as itself
// when written as a number is (40725, 2003.1: no zeros before or after,
// which a number would not keep: "0012" is text), anything else quoted.
func constantFormula(v string, text bool) string {
	switch up := strings.ToUpper(v); {
	case text:
	case up == "TRUE" || up == "FALSE":
		return up
	case looksNumeric(v):
		if f, err := strconv.ParseFloat(v, 64); err == nil && strconv.FormatFloat(f, 'f', -1, 64) == v {
			return v
		}
	}
	return `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
}

// setFormula writes formula to the copy's cell ref without a result, and
// has the copy worked out when Excel or WPS opens it if the formula is to
// stay without one (unsaved), or if the source asked it (book.recalc). A
// formula that keeps its saved result (keepResult) of a source that did
// not ask it does not: the copy, asking it, would be refused for that
// formula as one of a workbook calculated again when opened, not for its
// placeholder as the source was.
func (cp *sheetCopy) setFormula(ref, formula string, unsaved bool) error {
	if err := cp.out.SetCellFormula(cp.name, ref, formula); err != nil {
		return err
	}
	if !cp.formulas.calcOnLoad && (unsaved || cp.sr.bk.recalc) {
		cp.formulas.calcOnLoad = true
		on := true
		return cp.out.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on})
	}
	return nil
}

// copiedFormulas are the formulas written to the workbook of refused rows:
// whether it is to be worked out when opened (setFormula), and the saved
// results some keep, by sheet and cell.
type copiedFormulas struct {
	calcOnLoad bool
	results    map[string]map[string]savedResult
}

// savedResult is a formula's saved result as the source held it: its
// text and its type as the cell's t attribute gives it ("" a number).
type savedResult struct{ v, t string }

// keepResult keeps the saved result v, of excelize's type t, with the
// formula of the copy's cell ref on sheet: a formula of a workbook
// calculated again when opened keeps what the file held, as the source
// did, so that the copy is refused for it as the source is (staleFormula)
// and not as a formula without a result. excelize writes no result with a
// formula: writeTo adds it.
func (cf *copiedFormulas) keepResult(sheet, ref, v string, t excelize.CellType) {
	typ := "str"
	switch t {
	case excelize.CellTypeUnset, excelize.CellTypeNumber, excelize.CellTypeDate:
		if looksNumeric(v) {
			typ = ""
		}
	case excelize.CellTypeBool:
		typ = "b"
	case excelize.CellTypeError:
		typ = "e"
	}
	if cf.results == nil {
		cf.results = map[string]map[string]savedResult{}
	}
	if cf.results[sheet] == nil {
		cf.results[sheet] = map[string]savedResult{}
	}
	cf.results[sheet][ref] = savedResult{v: v, t: typ}
}

// writeTo writes out to w with the saved results kept (keepResult) put
// into the sheets' XML, after their formulas, where excelize writes
// <c r="D3" s="6" t="str"><f>…</f></c>.
func (cf *copiedFormulas) writeTo(w io.Writer, out *excelize.File) error {
	if len(cf.results) == 0 {
		_, err := out.WriteTo(w)
		return err
	}
	parts := map[string]map[string]savedResult{}
	for id, name := range out.GetSheetMap() {
		if r := cf.results[name]; r != nil {
			parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = r
		}
	}
	buf, err := out.WriteToBuffer()
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if results := parts[zf.Name]; results != nil {
			if body, err = withResults(body, results); err != nil {
				return fmt.Errorf("%s: %w", zf.Name, err)
			}
			delete(parts, zf.Name)
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: zf.Modified})
		if err != nil {
			return err
		}
		if _, err := fw.Write(body); err != nil {
			return err
		}
	}
	if len(parts) > 0 {
		return fmt.Errorf("公式的计算结果没有写入：找不到工作表 %v", slices.Collect(maps.Keys(parts)))
	}
	return zw.Close()
}

// withResults puts each saved result into the sheet XML body after the
// formula of its cell, with the cell's type.
func withResults(body []byte, results map[string]savedResult) ([]byte, error) {
	for ref, res := range results {
		start := bytes.Index(body, []byte(`<c r="`+ref+`"`))
		if start < 0 {
			return nil, fmt.Errorf("没有单元格 %s", ref)
		}
		end := bytes.Index(body[start:], []byte("</c>"))
		if end < 0 {
			return nil, fmt.Errorf("单元格 %s 没有结束", ref)
		}
		cell := string(body[start : start+end])
		open := strings.Index(cell, ">")
		if open < 0 || !strings.HasSuffix(cell, "</f>") || !strings.Contains(cell[:open], ` t="str"`) {
			return nil, fmt.Errorf("单元格 %s 不是公式", ref)
		}
		head := cell[:open]
		if res.t == "" {
			head = strings.Replace(head, ` t="str"`, "", 1)
		} else {
			head = strings.Replace(head, ` t="str"`, ` t="`+res.t+`"`, 1)
		}
		var v bytes.Buffer
		if err := xml.EscapeText(&v, []byte(res.v)); err != nil {
			return nil, err
		}
		cell = head + cell[open:] + "<v>" + v.String() + "</v>"
		body = slices.Concat(body[:start], []byte(cell), body[start+end:])
	}
	return body, nil
}
