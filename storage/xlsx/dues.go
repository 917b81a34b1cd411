package xlsx

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// Sheets of the dues workbook.
const (
	DuesRegisterSheet = "党费收缴登记表"
	DuesSummarySheet  = "年度汇总"
)

// Layout of the register sheet: title, info line, two heading rows (the
// twelve months grouped under 实交), then one row per member and a total.
const (
	duesTitleRow = 1
	duesInfoRow  = 2
	duesHeadRow  = 3
	duesFirstRow = 5
)

// DuesReport is what the dues workbook prints for a year.
type DuesReport struct {
	BranchName  string
	Register    model.DuesRegister
	Balance     model.DuesBalance
	Remittances []model.Remittance
	Arrears     []model.Arrear
	// LedgerStart is the month the ledger begins (建账月份), 0 if it has
	// not; Gaps the members owing months without a base (缺基数).
	LedgerStart model.Month
	Gaps        []model.BaseGap
	// ToRecord are the members with months before the ledger's set-up
	// not yet recorded (待补录), never listed as arrears.
	ToRecord  []model.RecordGap
	PrintedOn model.Date
}

// duesColumn is one column of the register that is not a month.
type duesColumn struct {
	head  string
	width float64
	text  func(r *model.RegisterRow) string
	// money, if set, makes the column a number cell; ok false leaves the
	// cell to text.
	money func(r *model.RegisterRow) (m model.Money, ok bool)
}

var duesLeading = []duesColumn{
	{model.HeadName, 8, func(r *model.RegisterRow) string { return r.Name }, nil},
	{model.HeadCategory, 6.5, func(r *model.RegisterRow) string {
		if !r.HasBase {
			return ""
		}
		return string(r.Base.Category)
	}, nil},
	{model.HeadBase, 9, func(r *model.RegisterRow) string { return r.BaseLabel() }, nil},
	{model.HeadRate, 5.5, func(r *model.RegisterRow) string { return r.RateLabel() }, nil},
	{model.HeadMonthly, 7, func(r *model.RegisterRow) string {
		if !r.HasBase {
			return ""
		}
		return r.Monthly.String()
	}, func(r *model.RegisterRow) (model.Money, bool) { return r.Monthly, r.HasBase }},
}

var duesTrailing = []duesColumn{
	{model.HeadYearDue, 9, func(r *model.RegisterRow) string { return r.YearDue.String() },
		func(r *model.RegisterRow) (model.Money, bool) { return r.YearDue, true }},
	{model.HeadYearPaid, 9, func(r *model.RegisterRow) string { return r.YearPaid.String() },
		func(r *model.RegisterRow) (model.Money, bool) { return r.YearPaid, true }},
	{model.HeadSigned, 9, func(*model.RegisterRow) string { return "" }, nil},
	// Wide enough for the usual 备注 (党费已交至…；N个月待补录…) in four
	// lines (review s7-8 newuser #6: five lines in a four-line row).
	{model.HeadNote, 18, func(r *model.RegisterRow) string { return r.Note }, nil},
}

const monthWidth = 6.5

// monthColumnWidth is the width of the month columns: monthWidth, or wider
// when a month's total (bold, in the 合计 row) needs it, which a spreadsheet
// would otherwise print as ###.
func monthColumnWidth(reg *model.DuesRegister) float64 {
	w := monthWidth
	for _, m := range reg.MonthPaid {
		// A digit is about one unit; bold and the cell's padding take
		// about one more.
		w = max(w, float64(len(m.String()))*1.1+1)
	}
	return w
}

// monthText is what a month cell prints: the amount paid, 未交 for a past
// month owed and unpaid, — when nothing was owed, 免交 when waived, 建账前
// before the ledger began, 已交 when paid before it (党费已交至), 缺基数 for a
// past month whose amount is unknown — a set-up gap, never 未交 — and blank
// for a month still to come. The register writes a paid amount as a number
// instead (moneyValue); the baseline benchmark writes this text.
func monthText(c model.MonthCell, month, current model.Month) string {
	switch c.State {
	case model.MonthPaid:
		return c.Amount.String()
	case model.MonthNotOwed:
		return "—"
	case model.MonthExempt:
		return "免交"
	case model.MonthOverdue:
		return "未交"
	case model.MonthBeforeLedger:
		return "建账前"
	case model.MonthPaidOpening:
		return "已交"
	case model.MonthToRecord:
		return "待补录"
	case model.MonthBaseMissing:
		if month < current {
			return "缺基数"
		}
	}
	return ""
}

// duesLegend explains the words of the month cells, under the register,
// in lines no wider than width (in the column-width units of textLines).
// The lines are broken between explanations, each line ending with its
// "；": left to the spreadsheet, a line began with "；“缺基数”…" in print
// (review s13-look).
func duesLegend(r *DuesReport, width float64) string {
	parts := []string{"说明：月份栏中的数字为实交金额", "“未交”为已到期未交纳", "“—”为不需交纳（入党前、到本支部前或离开本支部后）", "“免交”为经批准免交"}
	if r.LedgerStart != 0 {
		parts = append(parts, fmt.Sprintf("“建账前”为本账建账月份（%s）之前的月份，不计应交", r.LedgerStart.Chinese()),
			"“已交”为在本账以外已交纳的月份（建账前或转入前，见备注“党费已交至”）")
	}
	if hasToRecord(r) {
		parts = append(parts, "“待补录”为开始用本软件记账之前的月份，交纳情况尚未登记，不计欠交")
	}
	parts = append(parts, "“缺基数”为尚未填写计算基数，应交金额未定，不计欠交")
	// A spreadsheet's glyphs are not quite those textLines counts: a line
	// is filled to most of the width, so that it is not wrapped before
	// its "；" by the program that prints it.
	const fill = 0.85
	var lines []string
	line := ""
	for i, p := range parts {
		end := "；"
		if i == len(parts)-1 {
			end = "。"
		}
		switch {
		case line == "":
			line = p + end
		case textLines(line+p+end, width*fill) > 1:
			lines = append(lines, line)
			line = p + end
		default:
			line += p + end
		}
	}
	return strings.Join(append(lines, line), "\n")
}

// toRecordWhy is what a 待补录 note adds in brackets; the legend under the
// register says it once when a month is 待补录.
const toRecordWhy = "（开始用本软件记账之前）"

// printedNotes are the register's rows with their 备注 as printed, and
// sentences saying once, under the table, the parts of 备注 that (nearly)
// every row has: the same long note in each of 14 rows ("党费已交至2026年9月
// （建账前已交）；2个月待补录（开始用本软件记账之前）") made every row three
// lines tall and the register two pages (issue 8). A part at least two
// thirds of the rows have is taken out of them and said as "除第13号外，表中
// 每一名党员：…". A 待补录 note loses its bracket when the legend explains
// the word (legend). The rows are copies: the register is not changed.
func printedNotes(rows []model.RegisterRow, legend bool) ([]model.RegisterRow, []string) {
	rows = slices.Clone(rows)
	parts := make([][]string, len(rows))
	var order []string // every part, in the order first seen
	for i := range rows {
		if rows[i].Note == "" {
			continue
		}
		for _, p := range strings.Split(rows[i].Note, "；") {
			if legend && strings.HasSuffix(p, "个月待补录"+toRecordWhy) {
				p = strings.TrimSuffix(p, toRecordWhy)
			}
			parts[i] = append(parts[i], p)
			if !slices.Contains(order, p) {
				order = append(order, p)
			}
		}
	}
	// The common parts, grouped by the rows that lack them.
	type group struct {
		parts  []string
		except string
	}
	var groups []group
	common := map[string]bool{}
	for _, p := range order {
		var lacking []string
		for i := range rows {
			if !slices.Contains(parts[i], p) {
				lacking = append(lacking, strconv.Itoa(i+1))
			}
		}
		if has := len(rows) - len(lacking); has < 2 || 3*has < 2*len(rows) {
			continue
		}
		common[p] = true
		except := strings.Join(lacking, "、")
		if k := slices.IndexFunc(groups, func(g group) bool { return g.except == except }); k >= 0 {
			groups[k].parts = append(groups[k].parts, p)
		} else {
			groups = append(groups, group{[]string{p}, except})
		}
	}
	var said []string
	for _, g := range groups {
		who := "表中每一名党员"
		if g.except != "" {
			who = "除第" + g.except + "号外，" + who
		}
		said = append(said, who+"："+strings.Join(g.parts, "；")+"。")
	}
	for i := range rows {
		rows[i].Note = strings.Join(slices.DeleteFunc(parts[i], func(p string) bool { return common[p] }), "；")
	}
	return rows, said
}

func hasToRecord(r *DuesReport) bool {
	for i := range r.Register.Rows {
		for _, c := range r.Register.Rows[i].Months {
			if c.State == model.MonthToRecord {
				return true
			}
		}
	}
	return false
}

// WriteDuesFile writes the year's dues workbook to path, replacing it only
// once the new one is complete.
func WriteDuesFile(path string, r *DuesReport) error {
	return WriteFileAtomic(path, func(w io.Writer) error { return WriteDues(w, r) })
}

// WriteDues writes the year's 党费收缴登记表 and a one-page annual summary,
// both ready to print on A4 landscape, one page wide.
func WriteDues(w io.Writer, r *DuesReport) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := buildDues(f, r); err != nil {
		return fmt.Errorf("生成党费收缴登记表失败：%w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("写入党费收缴登记表文件失败：%w", err)
	}
	return nil
}

func duesTitle(r *DuesReport, what string) string {
	branch := strings.TrimSpace(r.BranchName)
	return fmt.Sprintf("%s%d年%s", branch, r.Register.Year, what)
}

func buildDues(f *excelize.File, r *DuesReport) error {
	if err := f.SetSheetName(f.GetSheetName(0), DuesRegisterSheet); err != nil {
		return err
	}
	if _, err := f.NewSheet(DuesSummarySheet); err != nil {
		return err
	}
	for _, s := range []string{DuesRegisterSheet, DuesSummarySheet} {
		first, last := duesHeadRow, duesHeadRow+1
		if s == DuesSummarySheet {
			first, last = 0, 0
		}
		if err := setUpPrintPage(f, s, first, last); err != nil {
			return err
		}
	}
	st, err := newRosterStyles(f)
	if err != nil {
		return err
	}
	right, err := f.NewStyle(&excelize.Style{Font: printFont(fontSize, false),
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: ruled(), NumFmt: moneyFormat})
	if err != nil {
		return err
	}
	// The total row: bold on grey like the headings, as numbers.
	totals, err := f.NewStyle(&excelize.Style{Font: printFont(fontSize, true),
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: ruled(), NumFmt: moneyFormat,
		Fill: headingFill})
	if err != nil {
		return err
	}
	// The legend under the register: plain, wrapped.
	note, err := f.NewStyle(&excelize.Style{Font: printFont(fontSize, false),
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(DuesRegisterSheet)
	if err != nil {
		return err
	}
	keep := newTextKeeper(f)
	if err := writeDuesRows(sw, keep, st, right, totals, note, r); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := writeDuesSummary(f, st, right, r); err != nil {
		return err
	}
	return keep.keepSheet(DuesSummarySheet)
}

// duesColumnWidths are the register's column widths, 序号 to 备注.
func duesColumnWidths(r *DuesReport) []float64 {
	widths := []float64{serialWide - 0.5}
	for _, c := range duesLeading {
		widths = append(widths, moneyColumnWidth(c, &r.Register))
	}
	months := monthColumnWidth(&r.Register)
	for range 12 {
		widths = append(widths, months)
	}
	for _, c := range duesTrailing {
		widths = append(widths, moneyColumnWidth(c, &r.Register))
	}
	return widths
}

// moneyColumnWidth is c's width, or wider when c holds amounts and the
// largest of them needs it: a spreadsheet prints a number cell too narrow
// for it as ###, and the largest base the rules allow gave 月应交 20000.00,
// which printed so (review s14-attack8 #6). The totals (全年应交, 全年实交 of
// the 合计 row) are bold, as the month totals.
func moneyColumnWidth(c duesColumn, reg *model.DuesRegister) float64 {
	w := c.width
	if c.money == nil {
		return w
	}
	// A digit is about one unit and the cell's padding half of one; bold
	// takes about half a unit more (9 holds the demo's 11902.39 in bold).
	widest := func(m model.Money, pad float64) { w = max(w, float64(len(m.String()))+pad) }
	for i := range reg.Rows {
		if m, ok := c.money(&reg.Rows[i]); ok {
			widest(m, 0.5)
		}
	}
	switch c.head {
	case model.HeadYearDue:
		widest(reg.YearDue, 1)
	case model.HeadYearPaid:
		widest(reg.YearPaid, 1)
	}
	return w
}

func writeDuesRows(sw *excelize.StreamWriter, keep *textKeeper, st rosterStyles, right, totals, note int, r *DuesReport) error {
	nLead, nTrail := 1+len(duesLeading), len(duesTrailing)
	total := nLead + 12 + nTrail
	widths := duesColumnWidths(r)
	if err := setUpColumns(sw, widths); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(total)
	lines := []struct {
		row    int
		text   string
		style  int
		height float64
	}{
		{duesTitleRow, duesTitle(r, "党费收缴登记表"), st.title, 32},
		{duesInfoRow, fmt.Sprintf("填报日期：%s　　　　单位：元　　　　（月份栏的说明见表末）", r.PrintedOn.Chinese()), st.info, minRow},
	}
	for _, l := range lines {
		first := fmt.Sprintf("A%d", l.row)
		c, err := keep.cell(l.style, l.text)
		if err != nil {
			return err
		}
		if err := sw.SetRow(first, []any{c}, excelize.RowOpts{Height: l.height}); err != nil {
			return err
		}
		if err := sw.MergeCell(first, fmt.Sprintf("%s%d", last, l.row)); err != nil {
			return err
		}
	}

	// Two heading rows: the months under one 实交 heading, every other
	// column merged down over both.
	top := make([]any, total)
	bottom := make([]any, total)
	heads := []string{model.HeadSerial}
	for _, c := range duesLeading {
		heads = append(heads, c.head)
	}
	for i := range total {
		top[i] = excelize.Cell{StyleID: st.heading}
		bottom[i] = excelize.Cell{StyleID: st.heading}
	}
	for i, h := range heads {
		top[i] = excelize.Cell{StyleID: st.heading, Value: h}
	}
	top[nLead] = excelize.Cell{StyleID: st.heading, Value: model.HeadPaid}
	for k := range 12 {
		bottom[nLead+k] = excelize.Cell{StyleID: st.heading, Value: model.MonthHeading(k)}
	}
	for i, c := range duesTrailing {
		top[nLead+12+i] = excelize.Cell{StyleID: st.heading, Value: c.head}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", duesHeadRow), top, excelize.RowOpts{Height: minRow}); err != nil {
		return err
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", duesHeadRow+1), bottom, excelize.RowOpts{Height: minRow}); err != nil {
		return err
	}
	for i := range total {
		if i >= nLead && i < nLead+12 {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := sw.MergeCell(fmt.Sprintf("%s%d", col, duesHeadRow), fmt.Sprintf("%s%d", col, duesHeadRow+1)); err != nil {
			return err
		}
	}
	m1, _ := excelize.ColumnNumberToName(nLead + 1)
	m12, _ := excelize.ColumnNumberToName(nLead + 12)
	if err := sw.MergeCell(fmt.Sprintf("%s%d", m1, duesHeadRow), fmt.Sprintf("%s%d", m12, duesHeadRow)); err != nil {
		return err
	}

	reg := &r.Register
	first := model.MonthOf(reg.Year, 1)
	current := model.MonthOfDate(r.PrintedOn)
	rows, common := printedNotes(reg.Rows, hasToRecord(r))
	row := make([]any, total)
	texts := make([]string, total)
	for i := range rows {
		rr := &rows[i]
		row[0] = excelize.Cell{StyleID: st.center, Value: i + 1}
		for j, c := range duesLeading {
			row[1+j] = columnCell(c, rr, st.center, right)
		}
		for k := range 12 {
			if rr.Months[k].State == model.MonthPaid {
				row[nLead+k] = excelize.Cell{StyleID: right, Value: moneyValue(rr.Months[k].Amount)}
				continue
			}
			row[nLead+k] = excelize.Cell{StyleID: st.center, Value: monthText(rr.Months[k], first+model.Month(k), current)}
		}
		for j, c := range duesTrailing {
			row[nLead+12+j] = columnCell(c, rr, st.left, right)
		}
		height, err := keepRowText(keep, row, texts, widths)
		if err != nil {
			return err
		}
		cell, _ := excelize.CoordinatesToCellName(1, duesFirstRow+i)
		if err := sw.SetRow(cell, row, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
	}
	// The total row.
	for i := range row {
		row[i] = excelize.Cell{StyleID: st.heading}
	}
	row[0] = excelize.Cell{StyleID: st.heading, Value: "合计"}
	row[1] = excelize.Cell{StyleID: st.heading, Value: fmt.Sprintf("%d人", len(reg.Rows))}
	// Each total is a SUM over its column, so that a figure corrected by
	// hand adds up again; its stored value is the exact total computed in
	// 分, which a reader that does not recalculate shows as it is.
	sum := func(col int, m model.Money) excelize.Cell {
		name, _ := excelize.ColumnNumberToName(col + 1)
		f := fmt.Sprintf("SUM(%s%d:%s%d)", name, duesFirstRow, name, duesFirstRow+max(len(reg.Rows), 1)-1)
		return excelize.Cell{StyleID: totals, Formula: f, Value: moneyValue(m)}
	}
	for k := range 12 {
		row[nLead+k] = sum(nLead+k, reg.MonthPaid[k])
	}
	row[nLead+12] = sum(nLead+12, reg.YearDue)
	row[nLead+13] = sum(nLead+13, reg.YearPaid)
	height := float64(minRow)
	if reg.Extra > 0 {
		extra := fmt.Sprintf("另自愿多交 %s 元", reg.Extra)
		row[nLead+15] = excelize.Cell{StyleID: st.left, Value: extra}
		height = max(height, float64(textLines(extra, widths[nLead+15]))*lineHeight+rowPadding)
	}
	cell, _ := excelize.CoordinatesToCellName(1, duesFirstRow+len(reg.Rows))
	if err := sw.SetRow(cell, row, excelize.RowOpts{Height: height}); err != nil {
		return err
	}
	// The legend under the table, wrapped across the page's width, after
	// the 备注 every member has.
	width := 0.0
	for _, w := range widths {
		width += w
	}
	legend := duesLegend(r, width)
	if len(common) > 0 {
		legend = "备注：" + strings.Join(common, "") + "\n" + legend
	}
	at := duesFirstRow + len(reg.Rows) + 1
	cell, _ = excelize.CoordinatesToCellName(1, at)
	height = max(minRow, float64(textLines(legend, width))*lineHeight+rowPadding)
	if err := sw.SetRow(cell, []any{excelize.Cell{StyleID: note, Value: legend}}, excelize.RowOpts{Height: height}); err != nil {
		return err
	}
	return sw.MergeCell(cell, fmt.Sprintf("%s%d", last, at))
}

// keepRowText gives the text cells of a register row the styles that keep
// formula-like text text, and returns the row's height for its wrapped text
// (Excel's limit at most: names and notes are kept short at entry).
func keepRowText(keep *textKeeper, row []any, texts []string, widths []float64) (float64, error) {
	for i, v := range row {
		texts[i] = ""
		c, ok := v.(excelize.Cell)
		if !ok {
			continue
		}
		s, ok := c.Value.(string)
		if !ok {
			continue
		}
		texts[i] = s
		st, err := keep.style(c.StyleID, s)
		if err != nil {
			return 0, err
		}
		c.StyleID = st
		row[i] = c
	}
	return registerRowHeight(texts, widths), nil
}

// printedLine is the height LibreOffice gives a line of 10 pt Chinese text
// in print (measured on the PDF: about 14.8 pt), more than lineHeight, the
// roster's estimate: a register row of five lines of 备注 at lineHeight
// printed its first line on the top border and its last ("）") in the next
// row (review s7-8 newuser #6).
const printedLine = 15.0

// registerRowHeight is the height of a register row whose text cells hold
// texts: its wrapped lines at printedLine, with the row's padding.
func registerRowHeight(texts []string, widths []float64) float64 {
	lines := 1
	for i, s := range texts {
		if s != "" {
			lines = max(lines, textLines(s, widths[i]))
		}
	}
	if lines == 1 {
		return rowHeight(texts, widths)
	}
	// Half a line more: the text is centred, and its first line no longer
	// touches the top border.
	return min(maxRowHeight, max(minRow, math.Ceil(float64(lines)*printedLine+printedLine/2+rowPadding)))
}

// columnCell is a register cell of a column that is not a month: a number
// for an amount, else the column's text.
func columnCell(c duesColumn, rr *model.RegisterRow, textStyle, moneyStyle int) excelize.Cell {
	if c.money != nil {
		if m, ok := c.money(rr); ok {
			return excelize.Cell{StyleID: moneyStyle, Value: moneyValue(m)}
		}
	}
	return excelize.Cell{StyleID: textStyle, Value: c.text(rr)}
}

// writeDuesSummary writes the one-page annual summary: the months, the
// quarters with remittances and the balance, the categories and the
// members behind.
func writeDuesSummary(f *excelize.File, st rosterStyles, right int, r *DuesReport) error {
	const sheet = DuesSummarySheet
	reg := &r.Register
	rowN := 1
	var err error
	set := func(col, row int, v any, style int) {
		if err != nil {
			return
		}
		cell, _ := excelize.CoordinatesToCellName(col, row)
		if m, ok := v.(model.Money); ok {
			// The exact decimal text as the number cell's value: no float.
			err = f.SetCellDefault(sheet, cell, m.String())
		} else {
			err = f.SetCellValue(sheet, cell, v)
		}
		if err == nil {
			err = f.SetCellStyle(sheet, cell, cell, style)
		}
	}
	merge := func(row, from, to int) {
		if err != nil {
			return
		}
		a, _ := excelize.CoordinatesToCellName(from, row)
		b, _ := excelize.CoordinatesToCellName(to, row)
		err = f.MergeCell(sheet, a, b)
	}
	const cols = 14 // a label and 12 months and the year
	set(1, rowN, duesTitle(r, "党费收缴情况汇总"), st.title)
	merge(rowN, 1, cols)
	_ = f.SetRowHeight(sheet, rowN, 32)
	rowN++
	set(1, rowN, fmt.Sprintf("填报日期：%s　　　　单位：元", r.PrintedOn.Chinese()), st.info)
	merge(rowN, 1, cols)
	rowN += 2

	// Months.
	paidCount, lateCount, openCount := [12]int{}, [12]int{}, [12]int{}
	for i := range reg.Rows {
		for k, c := range reg.Rows[i].Months {
			switch c.State {
			case model.MonthPaid:
				paidCount[k]++
			case model.MonthOverdue:
				lateCount[k]++
			case model.MonthPaidOpening:
				openCount[k]++
			}
		}
	}
	set(1, rowN, "月份", st.heading)
	for k := range 12 {
		set(2+k, rowN, model.MonthHeading(k), st.heading)
	}
	set(14, rowN, "全年", st.heading)
	rowN++
	totalPaid, totalLate, totalOpen := 0, 0, 0
	for k := range 12 {
		totalPaid += paidCount[k]
		totalLate += lateCount[k]
		totalOpen += openCount[k]
	}
	// Counts are whole numbers: right-aligned without the money format.
	count, cerr := f.NewStyle(&excelize.Style{Font: printFont(fontSize, false),
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: ruled()})
	if cerr != nil {
		return cerr
	}
	type monthLine struct {
		label string
		cell  func(k int) any
		year  any
	}
	monthLines := []monthLine{
		{"实交金额", func(k int) any { return reg.MonthPaid[k] }, reg.YearPaid},
		{"已交人次", func(k int) any { return paidCount[k] }, totalPaid},
	}
	if totalOpen > 0 {
		// The register's 已交 months paid outside this ledger (党费已交至):
		// counted apart, so that page 1's 已交 and this table agree.
		monthLines = append(monthLines, monthLine{"本账外已交人次", func(k int) any { return openCount[k] }, totalOpen})
	}
	monthLines = append(monthLines, monthLine{"欠交人次", func(k int) any { return lateCount[k] }, totalLate})
	for _, line := range monthLines {
		style := right
		if _, money := line.year.(model.Money); !money {
			style = count
		}
		set(1, rowN, line.label, st.heading)
		for k := range 12 {
			set(2+k, rowN, line.cell(k), style)
		}
		set(14, rowN, line.year, style)
		rowN++
	}
	rowN++

	// Quarters.
	set(1, rowN, "季度", st.heading)
	for q := range 4 {
		set(2+3*q, rowN, fmt.Sprintf("第%s季度", "一二三四"[q*3:q*3+3]), st.heading)
		merge(rowN, 2+3*q, 4+3*q)
	}
	set(14, rowN, "全年", st.heading)
	rowN++
	var col, rem model.Money
	for _, line := range []struct {
		label string
		v     func(q model.DuesQuarter) model.Money
	}{
		{"收缴", func(q model.DuesQuarter) model.Money { return q.Collected }},
		{"上缴", func(q model.DuesQuarter) model.Money { return q.Remitted }},
	} {
		set(1, rowN, line.label, st.heading)
		var sum model.Money
		for q := range 4 {
			v := line.v(r.Balance.Quarters[q])
			sum += v
			set(2+3*q, rowN, v, right)
			set(3+3*q, rowN, "", right)
			set(4+3*q, rowN, "", right)
			merge(rowN, 2+3*q, 4+3*q)
		}
		set(14, rowN, sum, right)
		if line.label == "收缴" {
			col = sum
		} else {
			rem = sum
		}
		rowN++
	}
	rowN++
	lines := []string{
		fmt.Sprintf("全年应交%s元，实交%s元%s；%s；本年收缴%s元，上缴%s元；截至填报日支部结存%s元。",
			reg.YearDue, reg.YearPaid, paidBeforeLedger(reg), collectionRate(reg), col, rem, r.Balance.Held),
		ledgerLine(r),
		categoryLine(reg, r.LedgerStart),
		extraLine(reg),
		arrearsLine(r.Arrears, model.CurrentRules().Constitution),
	}
	if l := gapsLine(r.Gaps); l != "" {
		lines = append(lines, l)
	}
	if l := toRecordLine(r.ToRecord); l != "" {
		lines = append(lines, l)
	}
	if len(r.Remittances) > 0 {
		parts := make([]string, len(r.Remittances))
		for i, rm := range r.Remittances {
			parts[i] = fmt.Sprintf("%s上缴第%d季度%s元", rm.Date, rm.Quarter, rm.Amount)
			if rm.Receipt != "" {
				parts[i] += "（" + rm.Receipt + "）"
			}
		}
		lines = append(lines, "上缴记录："+strings.Join(parts, "；")+"。")
	}
	for _, l := range lines {
		set(1, rowN, l, st.left)
		merge(rowN, 1, cols)
		_ = f.SetRowHeight(sheet, rowN, min(maxRowHeight, max(minRow, float64(textLines(l, 150))*lineHeight+rowPadding)))
		rowN++
	}
	rowN++
	set(1, rowN, "支部书记（签名）：　　　　　　　　组织委员（签名）：　　　　　　　　上级党委（盖章）：", st.info)
	merge(rowN, 1, cols)
	if err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", "A", 11); err != nil {
		return err
	}
	return f.SetColWidth(sheet, "B", "N", 10)
}

// collectionRate is the 收缴率 over the months already over (what the
// months still to come owe is not late): the paid share of what they owed,
// or, before any month is over, that nothing is due yet — a ledger begun
// this month has collected 0 of 0, not 0%. Months to record (待补录) are
// said apart and the rate is over the others (model.CollectionRate): it is
// neither 0.0 % because the app has not been told of payments made on
// paper, nor 100 % over one recorded month without saying so.
func collectionRate(reg *model.DuesRegister) string {
	pm, ok := reg.CollectionRate()
	switch {
	case reg.DueToDate <= 0:
		return "收缴率：尚无到期应交的党费"
	case !ok:
		return fmt.Sprintf("已到期应交%s元，均为待补录（不计欠交），补录后计算收缴率", reg.DueToDate)
	case reg.ToRecordDue > 0:
		return fmt.Sprintf("已到期应交%s元，其中待补录%s元（不计欠交，补录后计入）；其余%s元收缴率%d.%d%%", reg.DueToDate, reg.ToRecordDue, reg.RecordedDue(), pm/10, pm%10)
	}
	return fmt.Sprintf("已到期应交%s元，收缴率%d.%d%%", reg.DueToDate, pm/10, pm%10)
}

// paidBeforeLedger says, beside 实交, what of it was paid for months
// before the 建账月份: such months owe nothing here, so without it the
// stamped summary read 应交3484.50元，实交6969.00元，收缴率100.0% with
// nothing to reconcile them (review s13-attack8 #17). "" when none.
func paidBeforeLedger(reg *model.DuesRegister) string {
	if reg.PaidBeforeLedger == 0 {
		return ""
	}
	return fmt.Sprintf("（其中%s元是为建账月份之前的%d个月交纳的，不计入应交和收缴率）", reg.PaidBeforeLedger, reg.PaidBeforeLedgerMonths)
}

// ledgerLine says from when the ledger is kept: the months before are not
// counted as owed, which a reader of the figures must know.
func ledgerLine(r *DuesReport) string {
	if r.LedgerStart == 0 {
		return "本支部尚未建立党费台账（未填写计算基数）。"
	}
	return fmt.Sprintf("本台账自%s起记账（建账月份），此前的月份不计应交；建账前已交纳的月份按“党费已交至”登记。", r.LedgerStart.Chinese())
}

// gapsLine names the members whose dues cannot be computed for want of a
// base: a gap in the ledger's set-up, said as such and never as arrears.
func gapsLine(gaps []model.BaseGap) string {
	if len(gaps) == 0 {
		return ""
	}
	names := make([]string, 0, len(gaps))
	for _, g := range gaps {
		names = append(names, g.Name)
	}
	return fmt.Sprintf("尚未填写计算基数、应交金额未定（不计欠交）的党员%d人：%s。", len(gaps), strings.Join(names, "、"))
}

// toRecordLine names the members with months before the ledger was set up
// in the app and nothing recorded for them: a backlog of entry, said as
// such and never as arrears.
func toRecordLine(gaps []model.RecordGap) string {
	if len(gaps) == 0 {
		return ""
	}
	names := make([]string, 0, len(gaps))
	for _, g := range gaps {
		names = append(names, fmt.Sprintf("%s（%s）", g.Name, model.MonthRange(g.From, g.To)))
	}
	return fmt.Sprintf("开始用本软件记账之前的月份交纳情况待补录（不计欠交）的党员%d人：%s。", len(gaps), strings.Join(names, "、"))
}

// extraLine reports the voluntary extra dues (自愿多交), which are apart
// from 实交 and included in 收缴.
func extraLine(reg *model.DuesRegister) string {
	if reg.Extra == 0 {
		return "本年无自愿多交党费。"
	}
	return fmt.Sprintf("本年自愿多交党费%s元（%d笔），未计入上表“实交金额”，已计入“收缴”。", reg.Extra, reg.ExtraPaid)
}

func categoryLine(reg *model.DuesRegister, start model.Month) string {
	// A year wholly before the 建账月份 owes nothing here and asks for no
	// base: "未填基数 9 人" on its sheet read as a gap (review s7-8
	// attack #14).
	if start != 0 && reg.Year < start.Year() {
		// A 党费已交至 earlier than the 建账月份 leaves the months after it
		// to record (待补录), which need the year's base: the sheet said
		// no base was needed above rows of 缺基数 (review s13-attack8 #3).
		var behind []string
		for i := range reg.Rows {
			for _, c := range reg.Rows[i].Months {
				if c.State == model.MonthBaseMissing || c.State == model.MonthToRecord {
					behind = append(behind, reg.Rows[i].Name)
					break
				}
			}
		}
		if len(behind) > 0 {
			return fmt.Sprintf("%d年全年在本台账建账月份（%s）之前，不计欠交；%s的党费已交至早于建账月份，其后的月份待补录，补录前须填写%d年基数。",
				reg.Year, start.Chinese(), strings.Join(behind, "、"), reg.Year)
		}
		return fmt.Sprintf("%d年全年在本台账建账月份（%s）之前，不计应交，也不需填写基数。", reg.Year, start.Chinese())
	}
	counts := map[model.DuesCategory]int{}
	missing := 0
	for i := range reg.Rows {
		if reg.Rows[i].HasBase {
			counts[reg.Rows[i].Base.Category]++
		} else {
			missing++
		}
	}
	parts := []string{}
	for _, c := range model.DuesCategories {
		if counts[c] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d人", c, counts[c]))
		}
	}
	if missing > 0 {
		parts = append(parts, fmt.Sprintf("未填基数%d人", missing))
	}
	return fmt.Sprintf("应交党费党员%d人：%s。", len(reg.Rows), strings.Join(parts, "，"))
}

func arrearsLine(as []model.Arrear, c model.PartyConstitutionRules) string {
	var serious, warn []string
	for _, a := range as {
		run := fmt.Sprintf("%d个月", a.Streak)
		if a.Streak < c.WarnMonths {
			// An earlier run, paid since (review s9-8 #5): its months,
			// not "0个月".
			run = fmt.Sprintf("%s，此后已有交纳", model.MonthRange(a.EarlierFrom, a.EarlierTo))
		}
		who := fmt.Sprintf("%s（%s）", a.Name, run)
		if !a.LeftOn.IsZero() {
			// No longer on the roster: the arrear was while they were here.
			who = fmt.Sprintf("%s（%s；%s%s）", a.Name, run, a.LeftOn.Chinese(), a.LeftBy)
		}
		switch a.Severity {
		case model.Serious:
			serious = append(serious, who)
		case model.Warning:
			warn = append(warn, who)
		}
	}
	if len(serious)+len(warn) == 0 {
		return fmt.Sprintf("没有连续%d个月以上未交党费的党员。", c.WarnMonths)
	}
	s := ""
	if len(serious) > 0 {
		s += fmt.Sprintf("连续%d个月以上未交党费（党章第九条）：", c.LapseMonths) + strings.Join(serious, "、") + "。"
	}
	if len(warn) > 0 {
		s += fmt.Sprintf("连续%d个月以上未交：", c.WarnMonths) + strings.Join(warn, "、") + "。"
	}
	return s
}
