package xlsx

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// sheetReader reads the cells of one worksheet through excelize's cell API
// — cell types and styles — once scanSheet has bounded what loading the
// sheet costs, and resolves its merged ranges. The sheet is loaded only
// when a cell's type or style is first asked for.
type sheetReader struct {
	bk     *book
	part   bookSheet
	f      *excelize.File
	sheet  string
	shape  *sheetShape
	loaded bool

	// hiddenRows are the rows hidden in the sheet, in order, as its
	// stream read them (streamSheetAfter).
	hiddenRows []int

	merges []mergeRange         // every merged range of the sheet
	down   map[int][]mergeRange // by column: merges spanning rows, top-left in that column, by first row
	cols   []string             // column names, cols[1] == "A"
	// displays are the cells conditional formatting applies to, as they
	// show (display)
	displays map[[2]int]cellDisplay
	buf      []byte

	// yearLast is the order of day and month the sheet's dates written
	// year last keep (yearLastOrder), said by yearLastBy; settled are the
	// cells that order decided, which their own text did not.
	yearLast   dayMonthOrder
	yearLastBy string
	settled    model.TextList
}

// mergeRange is a merged range, 1-based and inclusive.
type mergeRange struct{ c1, r1, c2, r2 int }

// newSheetReader indexes the merged ranges of a scanned sheet; nothing is
// loaded yet.
func (bk *book) newSheetReader(s bookSheet, shape *sheetShape) *sheetReader {
	sr := &sheetReader{bk: bk, part: s, f: bk.f, sheet: s.name, shape: shape, merges: shape.merges,
		down: map[int][]mergeRange{}}
	for _, m := range shape.merges {
		if m.r2 > m.r1 {
			sr.down[m.c1] = append(sr.down[m.c1], m)
		}
	}
	for _, ms := range sr.down {
		sort.Slice(ms, func(i, j int) bool { return ms[i].r1 < ms[j].r1 })
	}
	return sr
}

// load loads the sheet in excelize, within the budget of one import. Its
// merged ranges are undone in the loaded copy (the file is not touched):
// excelize looks every cell read up in the list of merges, which on a
// sheet of thousands of them would be slow, and the reader resolves merges
// itself (below, within).
func (sr *sheetReader) load() error {
	if sr.loaded {
		return nil
	}
	if err := sr.bk.reserveLoad(sr.part, sr.shape); err != nil {
		return err
	}
	if keep := sr.shape.trimmedAfter(); keep > 0 {
		if err := sr.bk.cutRowsAfter(sr.part, keep); err != nil {
			return fmt.Errorf("%w（工作表“%s”无法读取：%w）", ErrDamaged, sr.sheet, err)
		}
	}
	var err error
	if len(sr.merges) > 0 {
		err = sr.f.UnmergeCell(sr.sheet, "A1", "XFD1048576")
	} else {
		_, err = sr.f.GetCellType(sr.sheet, "A1")
	}
	if err != nil {
		return fmt.Errorf("%w（工作表“%s”无法读取：%w）", ErrDamaged, sr.sheet, err)
	}
	sr.loaded = true
	return nil
}

// rowHidden reports whether row n is hidden.
func (sr *sheetReader) rowHidden(n int) bool {
	_, ok := slices.BinarySearch(sr.hiddenRows, n)
	return ok
}

// ref is the name of the cell at col and row (1-based).
func (sr *sheetReader) ref(col, row int) string {
	for len(sr.cols) <= col {
		name, _ := excelize.ColumnNumberToName(len(sr.cols))
		sr.cols = append(sr.cols, name)
	}
	sr.buf = strconv.AppendInt(append(sr.buf[:0], sr.cols[col]...), int64(row), 10)
	return string(sr.buf)
}

// below resolves a data cell covered by a merge to the cell its value comes
// from. A merged cell's value belongs to every row the merge covers, in its
// own column: 所在党支部 merged down over a branch's members is each
// member's branch. Columns a merge spans to the right of its first take
// nothing: their field is another one.
func (sr *sheetReader) below(col, row int) (int, int) {
	ms := sr.down[col]
	if len(ms) == 0 {
		return col, row
	}
	i := sort.Search(len(ms), func(i int) bool { return ms[i].r1 >= row }) - 1
	if i >= 0 && row > ms[i].r1 && row <= ms[i].r2 {
		return col, ms[i].r1
	}
	return col, row
}

// mergedDown reports a data cell merged down over more rows than its own.
func (sr *sheetReader) mergedDown(col, row int) bool {
	return slices.ContainsFunc(sr.down[col], func(m mergeRange) bool { return row >= m.r1 && row <= m.r2 && m.r2 > m.r1 })
}

// within resolves a heading cell covered by a merge to the merge's first
// cell, in both directions: a heading merged over two heading rows or over
// the columns of its sub-headings heads each of them.
func (sr *sheetReader) within(col, row int) (int, int) {
	for _, m := range sr.merges {
		if col >= m.c1 && col <= m.c2 && row >= m.r1 && row <= m.r2 {
			return m.c1, m.r1
		}
	}
	return col, row
}

// value is the cell's value as stored: a date cell gives its serial, a
// number its digits, a shared string its text.
func (sr *sheetReader) value(col, row int) (string, error) {
	if err := sr.load(); err != nil {
		return "", err
	}
	v, err := sr.f.GetCellValue(sr.sheet, sr.ref(col, row), rawValues)
	if err != nil {
		return "", sr.unreadable(row, err)
	}
	return v, nil
}

// cellType is the cell's type as excelize reads it (GetCellType). Asking
// loads the sheet (load), within the budget of one import: it is asked
// only of the cells whose shown value makes them a suspect.
func (sr *sheetReader) cellType(col, row int) (excelize.CellType, error) {
	if err := sr.load(); err != nil {
		return excelize.CellTypeUnset, err
	}
	t, err := sr.f.GetCellType(sr.sheet, sr.ref(col, row))
	if err != nil {
		return excelize.CellTypeUnset, sr.unreadable(row, err)
	}
	return t, nil
}

// numeric reports whether the cell is stored as a number (a date cell is a
// number too), and whether it holds a formula error (#N/A …).
func (sr *sheetReader) numeric(col, row int) (number, isError bool, err error) {
	t, err := sr.cellType(col, row)
	if err != nil {
		return false, false, err
	}
	switch t {
	case excelize.CellTypeUnset, excelize.CellTypeNumber, excelize.CellTypeDate:
		return true, false, nil
	case excelize.CellTypeError:
		return false, true, nil
	}
	return false, false, nil
}

// longNumber reports a number cell holding a whole number of more than 15
// digits (sheetShape.longNumbers), without loading the sheet.
func (sr *sheetReader) longNumber(col, row int) bool {
	return sr.shape != nil && sr.shape.longNumbers[[2]int{col, row}]
}

// boolCell reports a TRUE/FALSE cell (a logical value), asked of excelize
// only for a cell showing TRUE or FALSE, as excelize shows every logical
// value: text typed so costs a load, and is rare.
func (sr *sheetReader) boolCell(col, row int, shown string) (bool, error) {
	if shown != "TRUE" && shown != "FALSE" {
		return false, nil
	}
	t, err := sr.cellType(col, row)
	if errors.Is(err, ErrTooLarge) {
		return false, fmt.Errorf("%w；无法核对工作表“%s”第%d行显示为 %s 的单元格是逻辑值还是文字", err, sr.sheet, row, shown)
	}
	return t == excelize.CellTypeBool, err
}

// unsavedFormula reports a formula cell without a saved result
// (sheetShape.unsaved): it shows nothing until Excel or WPS works it out.
func (sr *sheetReader) unsavedFormula(col, row int) bool {
	return sr.shape != nil && sr.shape.unsaved[[2]int{col, row}]
}

// staleFormula reports a formula cell of a workbook that asks to be
// calculated again when opened (book.recalc): its saved result is a
// placeholder (an exporter's 0 or empty text), not what Excel shows. It
// asks excelize for the cell's formula, which loads the sheet within the
// budget of one import: such workbooks come from other programs' exports
// and are seldom large.
func (sr *sheetReader) staleFormula(col, row int) (bool, error) {
	if !sr.bk.recalc {
		return false, nil
	}
	if err := sr.load(); err != nil {
		return false, err
	}
	f, err := sr.f.GetCellFormula(sr.sheet, sr.ref(col, row))
	if err != nil {
		return false, sr.unreadable(row, err)
	}
	return f != "", nil
}

// placeholderFormula reports a formula cell whose saved result may stand
// for one not worked out (sheetShape.placeholders): the text 0 in any
// workbook, empty text or 0 in one not last saved by Excel, WPS or
// LibreOffice (book.computed).
func (sr *sheetReader) placeholderFormula(col, row int) bool {
	if sr.shape == nil || len(sr.shape.placeholders) == 0 {
		return false
	}
	switch sr.shape.placeholders[[2]int{col, row}] {
	case placeholderTextZero:
		return true
	case placeholderEmpty:
		return !sr.bk.computed
	}
	return false
}

// unknownFormula is the refusal of a cell whose value, shown as shown, the
// file does not hold: a formula saved without its result (shown blank),
// any formula of a workbook calculated again when opened, or one whose
// saved result may be a placeholder; the zero Text if the value shown is
// the cell's. Every reader of a cell asks it, so a roster, a bases sheet
// and a recruits sheet refuse the same cells.
func (sr *sheetReader) unknownFormula(col, row int, shown string) (model.Text, error) {
	if shown == "" && sr.unsavedFormula(col, row) {
		return model.Textf(unsavedFormulaReason), nil
	}
	if stale, err := sr.staleFormula(col, row); err != nil || stale {
		if err != nil {
			return model.Text{}, err
		}
		return model.Textf(staleFormulaReason), nil
	}
	if sr.placeholderFormula(col, row) {
		return model.Textf(placeholderFormulaReason), nil
	}
	return model.Text{}, nil
}

// placeholderFormulaReason is the refusal of a field whose cell is a
// formula whose saved result may be a placeholder (placeholderFormula).
const placeholderFormulaReason = "单元格是公式，文件里保存的结果是空白或 0，这常是生成表格的软件没有算出公式时写的占位值，不一定是它显示的；请在 Excel 或 WPS 中打开并保存后再导入"

// staleFormulaReason is the refusal of a field whose cell is a formula of
// a workbook calculated again when opened (staleFormula).
const staleFormulaReason = "单元格是公式，而这个文件要求打开时重新计算（其他软件导出的表格常见），文件里保存的结果不一定是它显示的；请在 Excel 或 WPS 中打开并保存后再导入"

// unsavedFormulaReason is the refusal of a field whose cell is a formula
// without a saved result: never read as an empty cell.
const unsavedFormulaReason = "单元格是公式，但文件里没有保存它的计算结果（其他软件生成的表格常见），无法知道它显示什么；请在 Excel 或 WPS 中打开并保存后再导入"

func (sr *sheetReader) unreadable(row int, err error) error {
	return fmt.Errorf("%w（工作表“%s”第%d行无法读取：%w）", ErrDamaged, sr.sheet, row, err)
}

// looksNumeric reports text a number cell could hold as its raw value:
// digits with an optional point and exponent. Only such text needs the
// cell's type to be read right.
func looksNumeric(s string) bool {
	if s == "" {
		return false
	}
	s = strings.TrimPrefix(s, "-")
	digits := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' || c == 'E' || c == 'e' || c == '+' || c == '-':
		default:
			return false
		}
	}
	return digits
}

// excelErrors are the error values a formula cell may show.
var excelErrors = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true, "#NUM!": true,
	"#N/A": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true, "#FIELD!": true, "#BLOCKED!": true,
	"#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true, "#EXTERNAL!": true, "#PYTHON!": true,
}
