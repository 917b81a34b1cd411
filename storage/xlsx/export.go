package xlsx

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// rosterName is what the printed form is called; its title is the branch
// name followed by it, and so is the sheet.
const rosterName = "党员花名册"

// RosterSheet is the name of the sheet WriteRoster writes.
const RosterSheet = rosterName

// Layout of the printed roster: a title, a line with the date and counts,
// the heading row (repeated on every printed page), then one row per member.
const (
	titleRow   = 1
	infoRow    = 2
	headingRow = 3
	firstRow   = 4

	fontFamily = "宋体" // the face of printed forms; present on every Chinese Windows
	fontSize   = 10
	lineHeight = 13.5 // points per line of 10 pt 宋体
	rowPadding = 6.5  // points above and below the text of a row
	minRow     = 20   // a single-line row: room to correct by hand
	serialWide = 5    // 序号 column
)

// printColumn is one column of the printed roster.
type printColumn struct {
	field  model.Field
	label  string
	width  float64
	left   bool // long text, aligned left
	asText bool // digits that must stay text ("@"), never a number
	text   func(m *model.Member) string
}

// printColumns are the member columns, from model.MemberFields in its order,
// with 到本支部日期 (model.ArrivalField) before 备注: not on the collection
// form, but an exported roster is how a roster moves to another laptop or
// to an instructor, and without it the import there made every member
// arrive on the day of the import, restarting the count of months without
// organisational life. A 是否 item and its detail (失联 + 失联年月, 流动 + 外出流向) share one column,
// "是" over the detail on a second line, or "否", which the import reads
// back; a column of its own for a detail that is nearly always empty would
// only shrink the print.
var printColumns = func() []printColumn {
	details := map[model.Field]model.Field{
		model.FieldLostContact: model.FieldLostSince,
		model.FieldMobile:      model.FieldMobileDestination,
	}
	folded := make(map[model.Field]bool)
	for _, d := range details {
		folded[d] = true
	}
	var cols []printColumn
	fields := slices.Clone(model.MemberFields)
	notes := slices.IndexFunc(fields, func(fi model.FieldInfo) bool { return fi.Field == model.FieldNotes })
	fields = slices.Insert(fields, notes, model.ArrivalField)
	for _, fi := range fields {
		f := fi.Field
		if folded[f] {
			continue
		}
		pc := printColumn{field: f, label: fi.Label, width: fi.Width, text: func(m *model.Member) string { return m.Text(f) }}
		switch f {
		case model.FieldIDNumber, model.FieldPhone:
			pc.asText = true
		case model.FieldBranchName, model.FieldPost, model.FieldAddress, model.FieldNotes:
			pc.left = true
		}
		if f == model.FieldArrivedOn {
			// The default 到本支部日期, the day the member was added or
			// imported, is no date the branch knows: printed, the register
			// said every member of an imported roster arrived that day
			// (review nu7-7). Blank, an import elsewhere takes its own
			// default, as the checks treat this one (model.ArrivalStated).
			pc.text = func(m *model.Member) string {
				if !m.ArrivalStated() {
					return ""
				}
				return m.Text(f)
			}
		}
		if d, ok := details[f]; ok {
			pc.width = max(pc.width, d.Info().Width)
			pc.text = func(m *model.Member) string {
				yes, _ := model.ParseYesNo(m.Text(f))
				if detail := m.Text(d); yes && detail != "" {
					return m.Text(f) + "\n" + detail
				}
				return m.Text(f)
			}
		}
		cols = append(cols, pc)
	}
	return cols
}()

// rosterStyles are the cell styles of the printed roster.
type rosterStyles struct {
	title, info, heading, center, left, text int
}

func newRosterStyles(f *excelize.File) (rosterStyles, error) {
	align := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
	}
	m := styleMaker{f: f}
	st := rosterStyles{
		title: m.add(excelize.Style{Font: printFont(18, true), Alignment: align("center", false)}),
		info:  m.add(excelize.Style{Font: printFont(fontSize, false), Alignment: align("left", false)}),
		heading: m.add(excelize.Style{Font: printFont(fontSize, true), Alignment: align("center", true), Border: ruled(),
			Fill: headingFill}),
		center: m.add(excelize.Style{Font: printFont(fontSize, false), Alignment: align("center", true), Border: ruled()}),
		left:   m.add(excelize.Style{Font: printFont(fontSize, false), Alignment: align("left", true), Border: ruled()}),
		text:   m.add(excelize.Style{Font: printFont(fontSize, false), Alignment: align("center", true), Border: ruled(), NumFmt: 49}), // 49 is "@": text
	}
	return st, m.err
}

// WriteRosterFile writes the printed roster to path. The file is replaced
// only once the new one is complete (see WriteFileAtomic).
func WriteRosterFile(path, branchName string, members []model.Member, printedOn model.Date) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		return WriteRoster(w, branchName, members, printedOn)
	})
}

// WriteRoster writes the roster (党员花名册) of branchName as a workbook
// ready to print: A4 landscape, one page wide, the heading row repeated on
// every page, page numbers in the footer. ID and phone numbers are text
// cells, dates text as the app shows them (2006-01-02, or 2006-01 when only
// the month is known), so that the file reads back as it was written.
func WriteRoster(w io.Writer, branchName string, members []model.Member, printedOn model.Date) error {
	branchName = strings.TrimSuffix(strings.TrimSpace(branchName), rosterName)
	f := excelize.NewFile()
	defer f.Close()
	if err := buildRoster(f, branchName, members, printedOn); err != nil {
		return fmt.Errorf("生成花名册失败：%w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("写入花名册文件失败：%w", err)
	}
	return nil
}

func buildRoster(f *excelize.File, branchName string, members []model.Member, printedOn model.Date) error {
	if err := f.SetSheetName(f.GetSheetName(0), RosterSheet); err != nil {
		return err
	}
	// The sheet properties are written when the stream starts, the page
	// setup when it is flushed: both must be set before.
	if err := setUpPage(f); err != nil {
		return err
	}
	st, err := newRosterStyles(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(RosterSheet)
	if err != nil {
		return err
	}
	if err := writeRosterRows(sw, newTextKeeper(f), st, branchName, members, printedOn); err != nil {
		return err
	}
	return sw.Flush()
}

// setUpPage sets up the roster sheet to print as a form (see setUpPrintPage),
// with the heading row as print titles.
func setUpPage(f *excelize.File) error {
	return setUpPrintPage(f, RosterSheet, headingRow, headingRow)
}

// headingRuneWidth is the width of one character of the bold heading in
// column-width units, as Excel and LibreOffice print it: 加入党组织日期 fits
// a column 11 wide, 转为正式党员日期 does not.
const headingRuneWidth = 1.5

// headingLines breaks a heading too long for one line of its column into two
// lines of about equal length (转为正式 / 党员日期), as printed forms do:
// wrapped by the spreadsheet, it left one character on the second line (转为
// 正式党员日 / 期). The import reads the heading with its break removed.
func headingLines(h string, width float64) string {
	rs := []rune(h)
	if float64(len(rs))*headingRuneWidth <= width {
		return h
	}
	half := (len(rs) + 1) / 2
	return string(rs[:half]) + "\n" + string(rs[half:])
}

func writeRosterRows(sw *excelize.StreamWriter, keep *textKeeper, st rosterStyles, branchName string, members []model.Member, printedOn model.Date) error {
	cols := rosterColumns(branchName, members)
	widths, headings, styles := []float64{serialWide}, []string{serialHeading}, []int{st.center}
	for _, pc := range cols {
		widths, headings = append(widths, pc.width), append(headings, headingLines(pc.label, pc.width))
		switch {
		case pc.asText:
			styles = append(styles, st.text)
		case pc.left:
			styles = append(styles, st.left)
		default:
			styles = append(styles, st.center)
		}
	}
	if err := setUpColumns(sw, widths); err != nil {
		return err
	}

	last, _ := excelize.ColumnNumberToName(len(widths))
	for _, line := range []struct {
		row    int
		text   string
		style  int
		height float64
	}{
		{titleRow, rosterTitle(branchName), st.title, 32},
		{infoRow, rosterInfo(members, printedOn), st.info, minRow},
	} {
		first := fmt.Sprintf("A%d", line.row)
		c, err := keep.cell(line.style, line.text)
		if err != nil {
			return err
		}
		if err := sw.SetRow(first, []any{c}, excelize.RowOpts{Height: line.height}); err != nil {
			return err
		}
		if err := sw.MergeCell(first, fmt.Sprintf("%s%d", last, line.row)); err != nil {
			return err
		}
	}

	row := make([]any, len(widths))
	for i, h := range headings {
		row[i] = excelize.Cell{StyleID: st.heading, Value: h}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", headingRow), row, excelize.RowOpts{Height: rowHeight(headings, widths)}); err != nil {
		return err
	}
	texts := make([]string, len(widths))
	r := firstRow
	for i := range members {
		row[0] = excelize.Cell{StyleID: styles[0], Value: i + 1}
		for j, pc := range cols {
			texts[j+1] = pc.text(&members[i])
			c, err := keep.cell(styles[j+1], texts[j+1])
			if err != nil {
				return err
			}
			row[j+1] = c
		}
		over := overflowing(texts, widths)
		for _, j := range over {
			c := row[j].(excelize.Cell)
			st, err := keep.top(c.StyleID)
			if err != nil {
				return err
			}
			c.StyleID = st
			row[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row, excelize.RowOpts{Height: rowHeight(texts, widths)}); err != nil {
			return err
		}
		r++
		for _, j := range over {
			lead := fmt.Sprintf("第%d名 %s 的%s（全文）：", i+1, members[i].Name, headings[j])
			n, err := continuation(sw, keep, st, r, widths, lead+texts[j])
			if err != nil {
				return err
			}
			r += n
		}
	}
	return nil
}

// continuation writes text too tall for its cell in full across the
// table, from row r on, in as many rows as Excel's height limit needs; the
// first column says they continue the row above. It returns how many rows
// it wrote.
func continuation(sw *excelize.StreamWriter, keep *textKeeper, st rosterStyles, r int, widths []float64, text string) (int, error) {
	columns := len(widths)
	last, _ := excelize.ColumnNumberToName(columns)
	width := 0.0
	for _, w := range widths[1:] {
		width += w
	}
	chunks := splitForRows(text, width)
	for k, chunk := range chunks {
		c, err := keep.cell(st.left, chunk)
		if err != nil {
			return 0, err
		}
		row := make([]any, columns)
		row[0] = excelize.Cell{StyleID: st.center, Value: "续"}
		row[1] = c
		for i := 2; i < columns; i++ {
			row[i] = excelize.Cell{StyleID: st.left}
		}
		cell := fmt.Sprintf("A%d", r+k)
		if err := sw.SetRow(cell, row, excelize.RowOpts{Height: rowHeight([]string{chunk}, []float64{width})}); err != nil {
			return 0, err
		}
		if err := sw.MergeCell(fmt.Sprintf("B%d", r+k), fmt.Sprintf("%s%d", last, r+k)); err != nil {
			return 0, err
		}
	}
	return len(chunks), nil
}

// setUpColumns sets the column widths and freezes the headings and the
// 序号 and 姓名 columns for scrolling.
func setUpColumns(sw *excelize.StreamWriter, widths []float64) error {
	// Right to left: the stream writer puts each new width first, and Excel
	// wants them in column order.
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
	}
	topLeft, _ := excelize.CoordinatesToCellName(3, firstRow)
	return sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: 2, YSplit: headingRow, TopLeftCell: topLeft, ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: "bottomRight"}},
	})
}

// rosterColumns are the columns to print. 所在党支部 is left out when every
// member is in the branch the title names: the same long name on every row
// would only make each row three lines tall. The import reads it back from
// the title (see branchFromTitle).
func rosterColumns(branchName string, members []model.Member) []printColumn {
	same := branchName != ""
	for i := range members {
		if members[i].BranchName != branchName {
			same = false
			break
		}
	}
	if !same {
		return printColumns
	}
	cols := make([]printColumn, 0, len(printColumns))
	for _, pc := range printColumns {
		if pc.field != model.FieldBranchName {
			cols = append(cols, pc)
		}
	}
	return cols
}

func rosterTitle(branchName string) string { return branchName + rosterName }

// rosterInfo is the line under the title: the date and the counts an
// inspector checks first.
func rosterInfo(members []model.Member, printedOn model.Date) string {
	full := 0
	for i := range members {
		if members[i].Category == model.CategoryFull {
			full++
		}
	}
	return fmt.Sprintf("填报日期：%s　　　　党员 %d 名（%s %d 名，%s %d 名）",
		printedOn.Chinese(), len(members), model.CategoryFull, full, model.CategoryProbationary, len(members)-full)
}

// rowHeight is the height in points that shows every cell's wrapped text:
// Excel and WPS do not grow a row for wrapped text written by a program, so
// the lines are counted here. It is at most maxRowHeight; the cells that
// need more are those overflowing returns.
func rowHeight(texts []string, widths []float64) float64 {
	lines := 1
	for i, s := range texts {
		if s != "" {
			lines = max(lines, textLines(s, widths[i]))
		}
	}
	return min(maxRowHeight, max(minRow, math.Ceil(float64(lines)*lineHeight+rowPadding)))
}

// overflowing lists the cells whose text needs a row taller than Excel's
// limit: their rows show the start, and the whole text follows in
// continuation rows.
func overflowing(texts []string, widths []float64) []int {
	var out []int
	for i, s := range texts {
		if s != "" && math.Ceil(float64(textLines(s, widths[i]))*lineHeight+rowPadding) > maxRowHeight {
			out = append(out, i)
		}
	}
	return out
}

// textLines estimates how many lines s takes in a column width wide (in
// Excel's units, the width of a digit): a Chinese character of 10 pt 宋体
// is nearly two digits wide, a Latin letter or digit about one.
func textLines(s string, width float64) int {
	usable := max(width-0.3, 1) // less the cell's padding
	lines := 0
	for line := range strings.SplitSeq(s, "\n") {
		w := 0.0
		for _, r := range line {
			if r < 0x2E80 {
				w++
			} else {
				w += 1.9
			}
		}
		lines += max(1, int(math.Ceil(w/usable)))
	}
	return lines
}
