package xlsx

import (
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"
)

// setUpPrintPage sets what makes a sheet print as a form: A4 landscape, fit
// to one page wide and as many tall as needed, narrow margins centred
// across, page numbers, and rows titleFirst–titleLast repeated on every
// page (0: none). Shared by every printed workbook so they look alike.
func setUpPrintPage(f *excelize.File, sheet string, titleFirst, titleLast int) error {
	fit, a4, landscape, wide, tall := true, 9, "landscape", 1, 0
	narrow, edge, top, bottom, centred := 0.25, 0.3, 0.5, 0.6, true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("%s sheet props: %w", sheet, err)
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return fmt.Errorf("%s page layout: %w", sheet, err)
	}
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &narrow, Right: &narrow, Top: &top, Bottom: &bottom, Header: &edge, Footer: &edge, Horizontally: &centred,
	}); err != nil {
		return fmt.Errorf("%s margins: %w", sheet, err)
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&C&9第 &P 页 / 共 &N 页",
	}); err != nil {
		return fmt.Errorf("%s footer: %w", sheet, err)
	}
	if titleFirst == 0 {
		return nil
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, titleFirst, titleLast),
		Scope:    sheet,
	}); err != nil {
		return fmt.Errorf("%s print titles: %w", sheet, err)
	}
	return nil
}

// ruled is the thin black line round every ruled cell of a printed form.
func ruled() []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
}

// headingFill is the light grey behind headings and totals.
var headingFill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}

// printFont is the forms' typeface at size points.
func printFont(size float64, bold bool) *excelize.Font {
	return &excelize.Font{Family: fontFamily, Size: size, Bold: bold}
}

// styleMaker makes one workbook's cell styles in a row and keeps the first
// error, so that a whole set is written out and checked once.
type styleMaker struct {
	f   *excelize.File
	err error
}

func (m *styleMaker) add(s excelize.Style) int {
	if m.err != nil {
		return 0
	}
	id, err := m.f.NewStyle(&s)
	m.err = err
	return id
}

// maxRowHeight is the tallest row Excel allows, in points; SetRowHeight
// refuses more, and Excel and WPS would cut a taller one.
const maxRowHeight = 409

// formulaLike reports whether text would turn into a formula, or be read as
// one, when its cell is edited in Excel or WPS: it starts with = + - @, a
// tab or a carriage return (as "=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)").
func formulaLike(text string) bool {
	if text == "" {
		return false
	}
	switch text[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// textKeeper gives each cell style a twin for formula-like text: the text
// number format ("@") and the quote prefix (Excel's leading apostrophe, kept
// in the style, not in the text), so that the cell stays text when it is
// edited. excelize's Style has no quote prefix; its style sheet, reached
// through File.Styles, has the attribute.
type textKeeper struct {
	f     *excelize.File
	twins map[int]int
	tops  map[int]int
}

func newTextKeeper(f *excelize.File) *textKeeper {
	return &textKeeper{f: f, twins: make(map[int]int), tops: make(map[int]int)}
}

// top is style base aligned to the top of its cell: for text cut off by
// the row height limit, so that its start shows and nothing is drawn
// above the row (it continues in rows below; see overflowing).
func (k *textKeeper) top(base int) (int, error) {
	if st, ok := k.tops[base]; ok {
		return st, nil
	}
	s, err := k.f.GetStyle(base)
	if err != nil {
		return 0, err
	}
	if s.Alignment == nil {
		s.Alignment = &excelize.Alignment{}
	}
	s.Alignment.Vertical = "top"
	st, err := k.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	if quoted := k.f.Styles.CellXfs; quoted != nil && base < len(quoted.Xf) && st < len(quoted.Xf) {
		quoted.Xf[st].QuotePrefix = quoted.Xf[base].QuotePrefix
	}
	k.tops[base] = st
	return st, nil
}

// style is the style for text in a cell of style base: base itself, or its
// twin if the text is formula-like.
func (k *textKeeper) style(base int, text string) (int, error) {
	if !formulaLike(text) {
		return base, nil
	}
	if twin, ok := k.twins[base]; ok {
		return twin, nil
	}
	s, err := k.f.GetStyle(base)
	if err != nil {
		return 0, err
	}
	s.NumFmt, s.CustomNumFmt = 49, nil // 49 is "@": text
	twin, err := k.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	if xfs := k.f.Styles.CellXfs; xfs != nil && twin < len(xfs.Xf) {
		quote := true
		xfs.Xf[twin].QuotePrefix = &quote
	}
	k.twins[base] = twin
	return twin, nil
}

// cell is a stream writer's text cell of style base, kept text if need be.
func (k *textKeeper) cell(base int, text string) (excelize.Cell, error) {
	st, err := k.style(base, text)
	return excelize.Cell{StyleID: st, Value: text}, err
}

// keepSheet gives every formula-like text cell of a sheet written cell by
// cell (not by a stream writer) its style's twin.
func (k *textKeeper) keepSheet(sheet string) error {
	rows, err := k.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	for r, row := range rows {
		for c, v := range row {
			if !formulaLike(v) {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			base, err := k.f.GetCellStyle(sheet, cell)
			if err != nil {
				return err
			}
			st, err := k.style(base, v)
			if err != nil {
				return err
			}
			if err := k.f.SetCellStyle(sheet, cell, cell, st); err != nil {
				return err
			}
		}
	}
	return nil
}

// keepWorkbook runs keepSheet on every sheet but those named in streamed
// (written by a stream writer, whose cells were kept as they were written).
func (k *textKeeper) keepWorkbook(streamed ...string) error {
	for _, sheet := range k.f.GetSheetList() {
		if slices.Contains(streamed, sheet) {
			continue
		}
		if err := k.keepSheet(sheet); err != nil {
			return err
		}
	}
	return nil
}
