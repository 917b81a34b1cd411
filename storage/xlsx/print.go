package xlsx

import (
	"fmt"

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
