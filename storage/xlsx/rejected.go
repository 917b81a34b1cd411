package xlsx

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// RejectedReasonHeading heads the column the workbook of refused rows adds
// after the file's own; the importer skips it, so that the fixed workbook
// imports as it is.
const RejectedReasonHeading = "错误原因"

// rejectedFill marks the cells a row was refused for: Excel's light red.
var rejectedFill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}

// SheetBranches are, by sheet, the 所在党支部 an import gave the rows of a
// sheet that has no such column from the sheet's name (chosen in the
// preview, or --sheet-as-branch): nothing in the rows says it.
type SheetBranches map[string]string

// Progress hears, as the refused rows are copied, how many of them are
// done of how many; an error it returns (the user cancelled) stops the
// copy and is returned, and nothing is written. 20,000 refused rows take
// some ten seconds: a bar and a 取消 that works are what the window needs.
// nil: not told.
type Progress = func(done, total int) error

// progressEvery is how many rows are copied between two reports: often
// enough for a bar that moves and a 取消 that answers at once, seldom
// enough to cost nothing.
const progressEvery = 250

// WriteRejectedRowsFile reads the roster workbook src again and writes the
// rows the rejections name to out, replacing out only once the new file is
// complete. It returns how many refused rows it wrote (the rows that
// continue one go with it). See WriteRejectedRows; progress hears how far
// it got (may be nil).
func WriteRejectedRowsFile(src, out string, rejections []model.Rejection, named SheetBranches, progress Progress) (int, error) {
	// The file being imported is never the target: the user's workbook
	// would be replaced by its refused rows (review s6-7 attack #11).
	if sameFile(src, out) {
		return 0, fmt.Errorf("%s 就是要导入的文件，写入问题行会把它替换掉，请换一个文件名", out)
	}
	data, err := readFileLimited(src)
	if err != nil {
		return 0, err
	}
	n := 0
	err = WriteFileAtomic(out, func(w io.Writer) error {
		var werr error
		n, werr = writeRejectedRows(w, data, rejections, named, progress)
		return werr
	})
	return n, err
}

// WriteRejectedRows writes, for each sheet of the workbook data with refused
// rows, a sheet of the same name in the same layout: the rows above and of
// the header as they are (title, merged headings, column widths), then
// each refused row with the values it holds (a merged value in each row it
// covers; numbers and dates as numbers in their own format, text as text),
// the cells it was refused for filled light red, and one more column,
// 错误原因, saying what to fix. Fixed, the workbook imports as it is.
//
// A sheet without a 所在党支部 column whose rows took it from elsewhere
// (its name, as named says; its title; a group row) gets the column,
// holding each row's branch as the import took it: the copy would
// otherwise lose it (a sheet name is no branch unless chosen, and a title
// gives none once the column is there), and a row refused for clashing
// with another sheet's branch would import clean, unfixed (review attack7
// #12).
func WriteRejectedRows(w io.Writer, data []byte, rejections []model.Rejection, named SheetBranches) (int, error) {
	return writeRejectedRows(w, data, rejections, named, nil)
}

// rowsDone counts the refused rows copied across the sheets for Progress.
type rowsDone struct {
	done, total int
	tell        Progress
}

// step counts one row copied and reports every progressEvery rows.
func (d *rowsDone) step() error {
	d.done++
	if d.done%progressEvery != 0 {
		return nil
	}
	return d.report()
}

// report tells how far the copy is: also between the stages of reading
// the sheet again, which take seconds before the first row is copied, so
// that a stop is heard then too.
func (d *rowsDone) report() error {
	if d.tell == nil {
		return nil
	}
	return d.tell(d.done, d.total)
}

func writeRejectedRows(w io.Writer, data []byte, rejections []model.Rejection, named SheetBranches, progress Progress) (int, error) {
	bySheet := map[string]map[int][]model.Rejection{}
	for _, r := range rejections {
		if bySheet[r.Sheet] == nil {
			bySheet[r.Sheet] = map[int][]model.Rejection{}
		}
		bySheet[r.Sheet][r.Row] = append(bySheet[r.Sheet][r.Row], r)
	}
	counted := &rowsDone{tell: progress}
	for _, rows := range bySheet {
		counted.total += len(rows)
	}
	if err := counted.report(); err != nil {
		return 0, err
	}
	bk, err := openWorkbook(data)
	if err != nil {
		return 0, err
	}
	defer bk.Close()
	if err := counted.report(); err != nil {
		return 0, err
	}
	out := excelize.NewFile()
	defer out.Close()
	// The program that saved the source, whose saved formula results the
	// copy keeps (copiedFormulas.keepResult): trusted or not as the
	// source's are (book.computed).
	if bk.app != "" {
		if err := out.SetAppProps(&excelize.AppProperties{Application: bk.app}); err != nil {
			return 0, err
		}
	}
	// Date cells are copied as their serials: in the source's date system,
	// or every date would show 4 years and a day off (Mac Excel's 1904).
	if bk.date1904 {
		d := true
		if err := out.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &d}); err != nil {
			return 0, err
		}
	}
	written, sheets := 0, 0
	formulas := &copiedFormulas{}
	for _, s := range bk.sheets {
		rows := bySheet[s.name]
		if len(rows) == 0 {
			continue
		}
		name := s.name
		if sheets == 0 {
			if err := out.SetSheetName("Sheet1", name); err != nil {
				return 0, err
			}
		} else if _, err := out.NewSheet(name); err != nil {
			return 0, err
		}
		sheets++
		n, err := copyRejectedSheet(bk, s, out, rows, named[s.name], formulas, counted)
		if err != nil {
			return 0, err
		}
		written += n
	}
	if sheets == 0 {
		return 0, fmt.Errorf("没有未通过的行，不需要导出")
	}
	// Every row copied; the file is being put together.
	counted.done = counted.total
	if err := counted.report(); err != nil {
		return 0, err
	}
	if err := formulas.writeTo(w, out); err != nil {
		return 0, fmt.Errorf("写入问题行文件失败：%w", err)
	}
	return written, nil
}

// copyRejectedSheet copies the header of sheet s and its refused rows.
// nameBranch is the 所在党支部 the sheet's name gave its rows, "" when none.
// formulas hears of each formula written to out (sheetCopy.setFormula);
// counted hears of each refused row copied.
func copyRejectedSheet(bk *book, s bookSheet, out *excelize.File, rows map[int][]model.Rejection, nameBranch string, formulas *copiedFormulas, counted *rowsDone) (int, error) {
	if s.part == nil {
		return 0, fmt.Errorf("%w（工作表“%s”）", ErrNoHeader, s.name)
	}
	shape, err := bk.scanSheet(s)
	if err != nil {
		return 0, err
	}
	if err := counted.report(); err != nil {
		return 0, err
	}
	streamed, err := bk.streamSheet(s.name)
	if err != nil {
		return 0, err
	}
	if err := counted.report(); err != nil {
		return 0, err
	}
	sr := bk.newSheetReader(s, shape)
	grid := headingGridOf(streamed, sr)
	h, _, ok := findRosterHeader(grid)
	if !ok {
		return 0, fmt.Errorf("%w（工作表“%s”，文件可能在导入预览之后改动过）", ErrNoHeader, s.name)
	}
	// The notes naming leavers read as the import read them.
	h = h.withPeople(streamed)
	cp := &sheetCopy{sr: sr, out: out, name: s.name, styles: map[string]int{}, keep: newTextKeeper(out), formulas: formulas}
	last := h.first + h.rows - 1
	width := h.width
	// A workbook of refused rows refused again: its 错误原因 column, last
	// as this writes it, gives way to the new one, not copied as one of
	// the file's columns beside it — a second column of reasons that no
	// longer held (review s13-attack #4).
	if h.reasons == width {
		width--
	}
	// A refusal of a field the sheet has no column for (转为正式党员日期
	// asked of a roster without one) gets the column, before the reasons,
	// so that the red cell can be filled and the copy imported as is
	// (review s8-7 newuser #10).
	added := missingColumns(h, rows)
	// The branch rows of a sheet without the column took from outside
	// them, as the importer gives it (rowMember, then the preview's sheet
	// name): a group row above, else the title, else the sheet's name.
	outside := ""
	if !h.has(model.FieldBranchName) {
		_, outside, _ = titleBranch(grid.text[:h.first-1])
		if outside == "" {
			outside = nameBranch
		}
		if nameBranch != "" && !slices.Contains(added, model.FieldBranchName) {
			added = append(added, model.FieldBranchName)
		}
	}
	reasonCol := width + len(added) + 1

	// The title and header rows, as they are.
	for r := 1; r <= last; r++ {
		kind := headingCell
		if r < h.first {
			kind = titleCell
		}
		for c := 1; c <= width; c++ {
			if err := cp.cell(c, r, c, r, kind); err != nil {
				return 0, err
			}
		}
	}
	for _, m := range sr.merges {
		if m.r2 <= last && m.c1 <= width {
			c2 := min(m.c2, width)
			if m.r2 < h.first && c2 == width {
				c2 = reasonCol // a title across the table spans the reasons too
			}
			from, _ := excelize.CoordinatesToCellName(m.c1, m.r1)
			to, _ := excelize.CoordinatesToCellName(c2, m.r2)
			if err := out.MergeCell(s.name, from, to); err != nil {
				return 0, err
			}
		}
	}
	headings := make([]string, 0, len(added)+1)
	for _, f := range added {
		headings = append(headings, f.Label())
	}
	for i, text := range append(headings, RejectedReasonHeading) {
		heading, _ := excelize.CoordinatesToCellName(width+1+i, h.first)
		if err := out.SetCellStr(s.name, heading, text); err != nil {
			return 0, err
		}
		// Merged down over the heading rows, not over a row of hints
		// or of column numbers under them, which would then read as
		// headings merged down (review s6-7 attack #18).
		if end := last - min(h.hint, 1) - min(h.numbers, 1); end > h.first {
			bottom, _ := excelize.CoordinatesToCellName(width+1+i, end)
			if err := out.MergeCell(s.name, heading, bottom); err != nil {
				return 0, err
			}
		}
		if err := out.SetCellStyle(s.name, heading, heading, cp.style(excelize.Style{
			Font: printFont(11, true), Fill: headingFill, Border: ruled(),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		})); err != nil {
			return 0, err
		}
	}
	// The refused rows, in their order, one under the other, each with
	// the rows that continue it (eachRecord), so that the fixed copy reads
	// as the same records.
	numbers := make([]int, 0, len(rows))
	for n := range rows {
		numbers = append(numbers, n)
	}
	sort.Ints(numbers)
	// The section rows that give the branch or the 人员类别 of refused
	// rows under them (importer.sections, importer.categories): each is
	// written again above the first refused row under it, so that the
	// fixed copy gives them the same.
	var branches, categories []int
	sectionTitles := map[int]string{}
	// So are the rows and notes saying who left (leaverNote), each where
	// it says it: a row or note over the people below it above the first
	// refused row under it (lefts, and the rows ending them), a note over
	// the people above it below the last refused row above it (aboves), a
	// note naming them above the first refused row it names, or above the
	// first refused row if it may mean any (named). Left
	// out, the copy re-imported stored the leavers as current members.
	var lefts []int
	leftEnds := map[int]bool{}
	type aboveNote struct{ from, row int }
	var aboves []aboveNote
	var named []leaverNote
	namedRow := map[int]int{} // index in named → its row
	bound := h.first + h.rows - 1
	for i, r := range streamed {
		if r.n < h.first+h.rows && (r.n >= h.first || !h.noteAboveHeadings(sr, r.n, r.cells)) {
			continue
		}
		switch l := h.leaverNote(sr, r.n, r.cells); l.kind {
		case noteBelow:
			lefts, bound = append(lefts, r.n), r.n
			// The names under it (namesUnder) are the people it means.
			if names, _ := h.namesUnder(streamed, i); len(names) > 0 {
				namedRow[len(named)] = r.n
				named = append(named, leaverNote{kind: noteNamed, title: l.title, word: l.word, names: names})
			}
			continue
		case noteCurrent:
			lefts, bound = append(lefts, r.n), r.n
			leftEnds[r.n] = true
			continue
		case noteAbove:
			aboves, bound = append(aboves, aboveNote{from: bound + 1, row: r.n}), r.n
			continue
		case noteNamed, noteNumbered:
			namedRow[len(named)] = r.n
			named = append(named, l)
			continue
		}
		title, ok := h.sectionRow(sr, r.n, r.cells)
		if !ok {
			continue
		}
		bound = r.n
		if len(lefts) > 0 {
			lefts = append(lefts, r.n)
			leftEnds[r.n] = true
		}
		if h.givesBranch(title) {
			branches = append(branches, r.n)
			sectionTitles[r.n] = title
		} else if _, cat := h.categoryTitle(title); cat {
			categories = append(categories, r.n)
		}
	}
	// A member's 备注 naming others who left (李明's 赵丽华已转出) goes in
	// as a note of its own above the first of them: the copy held their
	// rows without his and stored them (review F29).
	// One a line of the sheet names already is not written twice (look11).
	noteText := map[int]string{} // index in named → the text to write
	said := map[string]bool{}
	for _, l := range named {
		for _, n := range l.names {
			said[n] = true
		}
	}
	for _, r := range h.remarksNaming(streamed) {
		if !slices.ContainsFunc(r.note.names, func(n string) bool { return !said[n] }) {
			continue
		}
		noteText[len(named)], namedRow[len(named)] = "注："+r.note.title, r.row
		named = append(named, r.note)
	}
	sectionOf := func(sections []int, n int) int {
		i := sort.SearchInts(sections, n+1)
		if i == 0 {
			return 0
		}
		return sections[i-1]
	}
	more := map[int][]int{}
	records, lastRecord := 0, 0
	if err := eachRecord(h, sr, streamed, func(rec *record) error {
		if len(rec.more) > 0 && rows[rec.n] != nil {
			more[rec.n] = rec.more
		}
		lastRecord = max(lastRecord, rec.n)
		// Seconds for 20,000 rows: a stop is heard meanwhile.
		if records++; records%(4*progressEvery) == 0 {
			return counted.report()
		}
		return nil
	}); err != nil {
		return 0, err
	}
	if err := counted.report(); err != nil {
		return 0, err
	}

	// Each column as wide as the file had it, or as its longest text needs
	// (up to 30 characters; longer text wraps), the reasons 50.
	widths := make([]float64, reasonCol)
	for c := 1; c <= width; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, _ := bk.f.GetColWidth(s.name, name)
		texts := []string{cell(grid2row(streamed, h.first+h.rows-1), c-1)}
		for _, n := range numbers {
			sc, srow := sr.below(c, n)
			if cells, ok := rowAt(streamed, srow); ok {
				texts = append(texts, cell(cells, sc-1))
			}
		}
		for _, t := range texts {
			w = max(w, min(30, textWidth(t)+2))
		}
		widths[c-1] = w
		_ = out.SetColWidth(s.name, name, name, w)
	}
	for i, f := range added {
		name, _ := excelize.ColumnNumberToName(width + 1 + i)
		widths[width+i] = max(12, textWidth(f.Label())+2)
		_ = out.SetColWidth(s.name, name, name, widths[width+i])
	}
	widths[reasonCol-1] = 50
	reasonName, _ := excelize.ColumnNumberToName(reasonCol)
	_ = out.SetColWidth(s.name, reasonName, reasonName, 50)
	to := last
	hidden := sr.newHiddenSweep(width)
	branch, category, left := 0, 0, 0
	pendingAbove := 0 // the note over the people above it, to write under the last of them
	namedDone := map[int]bool{}
	nameCol, hasName := h.column(model.FieldName)
	// placed is where each row of the sheet copied below the headings
	// went in the copy: a reason naming a row (第14行的说明…) names it
	// there (renumbered).
	placed := map[int]int{}
	// A copied note, group or count line spans the file's columns; the
	// columns added after them are ruled empty beside it, or the table's
	// right edge was open at that row (review look11).
	ruleAdded := func() error {
		from, _ := excelize.CoordinatesToCellName(width+1, to)
		end, _ := excelize.CoordinatesToCellName(reasonCol, to)
		return out.SetCellStyle(s.name, from, end, cp.style(excelize.Style{Border: ruled()}))
	}
	section := func(n int) error {
		to++
		placed[n] = to
		// A note split over cells (注： | 张伟已转出) is written as the
		// importer read it, joined: its first cell alone, 注：, named no
		// one, and the copy stored 张伟 (review ra9 S3).
		cells, _ := rowAt(streamed, n)
		first := slices.IndexFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" })
		if text, ok := h.noteText(sr, n, cells); ok && first >= 0 && text != model.TrimSpace(cells[first]) {
			if err := cp.noteRow(text, to, width); err != nil {
				return err
			}
		} else if err := cp.sectionRow(streamed, n, to, width); err != nil {
			return err
		}
		return ruleAdded()
	}
	type reasonCell struct {
		row   int
		text  string
		texts []string // the row's texts, for its height
	}
	var reasonCells []reasonCell
	for _, n := range numbers {
		if err := counted.step(); err != nil {
			return 0, err
		}
		if pendingAbove > 0 && n > pendingAbove {
			if err := section(pendingAbove); err != nil {
				return 0, err
			}
			pendingAbove = 0
		}
		for _, s := range []struct {
			rows []int
			last *int
		}{{branches, &branch}, {categories, &category}, {lefts, &left}} {
			if sn := sectionOf(s.rows, n); sn != *s.last {
				*s.last = sn
				if leftEnds[sn] && s.last == &left {
					continue
				}
				if err := section(sn); err != nil {
					return 0, err
				}
			}
		}
		for _, a := range aboves {
			if n >= a.from && n < a.row {
				pendingAbove = a.row
			}
		}
		if cells, ok := rowAt(streamed, n); ok && hasName {
			who := spaceless(model.CleanText(cell(cells, nameCol)))
			for i, l := range named {
				// One that may mean any row (李四等2人, 除李四外其余…) goes
				// above the first.
				if !namedDone[i] && (who != "" && slices.Contains(l.names, who) || l.wholeSheet()) {
					namedDone[i] = true
					if text, ok := noteText[i]; ok {
						// Not the member's row: his is not copied, and the
						// reasons name it as the original's.
						to++
						if err := cp.noteRow(text, to, width); err != nil {
							return 0, err
						}
						if err := ruleAdded(); err != nil {
							return 0, err
						}
					} else if err := section(namedRow[i]); err != nil {
						return 0, err
					}
				}
			}
		}
		to++
		placed[n] = to
		faulty := map[int]bool{}
		var reasons []string
		for _, r := range rows[n] {
			for _, c := range r.Cols { // the cell the reason blames
				faulty[c] = true
			}
			// Else every column of the field: each tick column of a field
			// given by them, each part of a date split into 年 | 月.
			for _, c := range append(slices.Clip(h.cols), h.splitParts(r.Field)...) {
				if c.field == r.Field && len(r.Cols) == 0 {
					faulty[c.index+1] = true
				}
			}
			label := ""
			if r.Field != "" {
				label = r.Field.Label() + "："
			}
			reasons = append(reasons, label+r.Reason)
		}
		for c := 1; c <= width; c++ {
			sc, srow := sr.below(c, n)
			kind := dataCell
			if faulty[c] {
				kind = faultyCell
			}
			if hidden.covered(c, n) {
				if kind == faultyCell {
					ref, _ := excelize.CoordinatesToCellName(c, to)
					if err := out.SetCellStyle(s.name, ref, ref, cp.style(excelize.Style{Border: ruled(), Fill: rejectedFill})); err != nil {
						return 0, err
					}
				}
				continue // shown nowhere: not copied into sight
			}
			if err := cp.cell(sc, srow, c, to, kind); err != nil {
				return 0, err
			}
		}
		for i, f := range added {
			st := excelize.Style{Border: ruled(), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, NumFmt: 49}
			for _, r := range rows[n] {
				if r.Field == f {
					st.Fill = rejectedFill
				}
			}
			ref, _ := excelize.CoordinatesToCellName(width+1+i, to)
			if f == model.FieldBranchName {
				b := outside
				if sn := sectionOf(branches, n); sn > 0 {
					// Not a branch said to be no more: the cell is
					// left for the user to fill (refusedGoneBranch).
					if br, gone := groupBranch(sectionTitles[sn]); gone == "" {
						b = br
					} else {
						b = ""
					}
				}
				if err := out.SetCellStr(s.name, ref, BranchText(b)); err != nil {
					return 0, err
				}
			}
			if err := out.SetCellStyle(s.name, ref, ref, cp.style(st)); err != nil {
				return 0, err
			}
		}
		texts := make([]string, reasonCol)
		for c := 1; c <= width; c++ {
			sc, srow := sr.below(c, n)
			if cells, ok := rowAt(streamed, srow); ok {
				texts[c-1] = cell(cells, sc-1)
			}
		}
		reasonCells = append(reasonCells, reasonCell{row: to, text: strings.Join(reasons, "\n"), texts: texts})
		// A continuation row: its own cells only, so that it continues
		// the record again when the copy is imported.
		for _, m := range more[n] {
			to++
			placed[m] = to
			for c := 1; c <= width; c++ {
				if _, srow := sr.below(c, m); srow == m {
					if err := cp.cell(c, m, c, to, dataCell); err != nil {
						return 0, err
					}
				}
			}
		}
	}
	if pendingAbove > 0 {
		if err := section(pendingAbove); err != nil {
			return 0, err
		}
	}
	// A line under the table counting its people (合计：4人) goes under
	// the rows: left out, the copy of six rows it refused imported as it
	// was (look11). Under fewer rows than it counts it refuses nothing.
	for _, r := range streamed {
		if _, _, ok := tableCount(r.cells); ok && r.n > lastRecord {
			if err := section(r.n); err != nil {
				return 0, err
			}
		}
	}
	// The reasons go in once every row has its place: a note over the
	// rows above it is written after them (pendingAbove).
	for _, rc := range reasonCells {
		ref, _ := excelize.CoordinatesToCellName(reasonCol, rc.row)
		reason := renumbered(rc.text, placed, last)
		if err := out.SetCellStr(s.name, ref, reason); err != nil {
			return 0, err
		}
		rc.texts[reasonCol-1] = reason
		if err := out.SetRowHeight(s.name, rc.row, rowHeight(rc.texts, widths)); err != nil {
			return 0, err
		}
		st, err := cp.keep.style(cp.style(excelize.Style{
			Font: &excelize.Font{Family: fontFamily, Size: 10, Color: "9C0006"}, Border: ruled(),
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, NumFmt: 49,
		}), reason)
		if err != nil {
			return 0, err
		}
		if err := out.SetCellStyle(s.name, ref, ref, st); err != nil {
			return 0, err
		}
	}
	if err := setUpPrintPage(out, s.name, h.first, last); err != nil {
		return 0, err
	}
	if to > last {
		return len(numbers), setFreeze(out, s.name, last)
	}
	return 0, nil
}

// rowRef is a row named in a reason: 第14行, or 工作表“二支部”第5行 — a row
// of another sheet, left as it is.
var rowRef = regexp.MustCompile(`(工作表“[^”]*”)?第(\d+)行`)

// renumbered is reason with each row it names below the headings (after
// row last) named where that row is in the copy (placed), or, not copied
// into it, as the original's: 第14行的说明 named the note's row in the
// user's file while the copy had it in row 4 (review look10, nu8 N5).
func renumbered(reason string, placed map[int]int, last int) string {
	return rowRef.ReplaceAllStringFunc(reason, func(ref string) string {
		m := rowRef.FindStringSubmatch(ref)
		n, err := strconv.Atoi(m[2])
		switch {
		case m[1] != "" || err != nil || n <= last:
			return ref
		case placed[n] > 0:
			return "第" + strconv.Itoa(placed[n]) + "行"
		}
		return "原表第" + strconv.Itoa(n) + "行"
	})
}

// missingColumns are the fields refused in rows that the header has no
// column for, in the order first refused, that a heading can name (a
// field the importer reads from a column).
func missingColumns(h header, rows map[int][]model.Rejection) []model.Field {
	numbers := make([]int, 0, len(rows))
	for n := range rows {
		numbers = append(numbers, n)
	}
	sort.Ints(numbers)
	var out []model.Field
	for _, n := range numbers {
		for _, r := range rows[n] {
			if r.Field == "" || h.has(r.Field) || slices.Contains(out, r.Field) {
				continue
			}
			if f, _, ok := matchHeadingHow(r.Field.Label()); ok && f == r.Field {
				out = append(out, r.Field)
			}
		}
	}
	return out
}

// sectionRow copies the section row n of the source (its one text) to
// row to, merged across the table as a printed roster has it.
func (cp *sheetCopy) sectionRow(streamed []streamRow, n, to, width int) error {
	cells, _ := rowAt(streamed, n)
	col := slices.IndexFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" })
	sc, srow := cp.sr.within(col+1, n)
	if err := cp.cell(sc, srow, 1, to, sectionCell); err != nil {
		return err
	}
	from, _ := excelize.CoordinatesToCellName(1, to)
	end, _ := excelize.CoordinatesToCellName(width, to)
	if width > 1 {
		return cp.out.MergeCell(cp.name, from, end)
	}
	return nil
}

// noteRow writes text as a note across the table in row to, as sectionRow
// writes a row of the sheet.
func (cp *sheetCopy) noteRow(text string, to, width int) error {
	from, _ := excelize.CoordinatesToCellName(1, to)
	if err := cp.text(from, text, excelize.Style{Font: printFont(11, true), Border: ruled(),
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}); err != nil {
		return err
	}
	end, _ := excelize.CoordinatesToCellName(width, to)
	if width > 1 {
		return cp.out.MergeCell(cp.name, from, end)
	}
	return nil
}

// sameFile reports whether paths a and b name one file (links, another
// spelling of the path).
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// grid2row is the streamed row numbered n, or none.
func grid2row(rows []streamRow, n int) []string {
	cells, _ := rowAt(rows, n)
	return cells
}

// textWidth is about how many columns of Excel's width text takes: a
// Chinese character two, others one.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			w++
		} else {
			w += 1.9
		}
	}
	return w
}

// setFreeze keeps the header in view while scrolling.
func setFreeze(f *excelize.File, sheet string, rows int) error {
	cell, _ := excelize.CoordinatesToCellName(1, rows+1)
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: rows, TopLeftCell: cell, ActivePane: "bottomLeft"})
}

// sheetCopy copies cells from a loaded sheet into a new workbook.
type sheetCopy struct {
	sr     *sheetReader
	out    *excelize.File
	name   string
	styles map[string]int
	// keep gives text that Excel or WPS would take for a formula when the
	// cell is edited (a name "=1+1", "@x", a phone "+86 139…") the quote
	// prefix the exports use, so that it stays text in the fixed copy.
	keep *textKeeper
	// formulas are the formulas written to the workbook, which is then
	// worked out when opened (setFormula).
	formulas *copiedFormulas
	// rules are the source sheet's conditional formats by range, read
	// once a copied cell needs them (keepRules); rulesRead says they were.
	rules     map[string][]excelize.ConditionalFormatOptions
	rulesRead bool
}

// copyKind is what a copied cell is: it decides the cell's look.
type copyKind int

const (
	titleCell copyKind = iota
	headingCell
	dataCell
	faultyCell
	sectionCell // a row naming the branch of the rows under it
)

// cell copies the cell at (sc, srow) of the source to (c, r) as the
// importer read it, showing what the source showed: a number stays a
// number in its own number format (a date stays a date; 39604.00 and 50%
// show so), TRUE/FALSE stays a logical value, a formula without a saved
// result stays one (copiedFormula), and text is written as text in the
// text format, so that an ID number stays text when the user edits it. A
// faulty cell is filled light red.
func (cp *sheetCopy) cell(sc, srow, c, r int, kind copyKind) error {
	if err := cp.copyCell(sc, srow, c, r, kind); err != nil {
		return err
	}
	return cp.keepRules(sc, srow, c, r)
}

// keepRules gives the copied cell at (c, r) the conditional formats of the
// source cell at (sc, srow) when the import cannot work out what they show
// (a formula rule): dropped, the copy showed the cell in its own format —
// 2003-10-01 where the original showed 2003年10月 —, its 错误原因 asked to
// clear a rule it did not have, and the fixed copy stored the made-up day
// (review s13-reattack #10). Kept, the copy shows what the original showed
// and is refused again for the same rule. A rule's relative references
// keep their distance from the cell; its format is made again in the copy.
func (cp *sheetCopy) keepRules(sc, srow, c, r int) error {
	d, err := cp.sr.display(sc, srow)
	if err != nil || !d.unknown {
		return err
	}
	if !cp.rulesRead {
		cp.rulesRead = true
		if err := cp.sr.load(); err != nil {
			return err
		}
		if cp.rules, err = cp.sr.f.GetConditionalFormats(cp.sr.sheet); err != nil {
			return cp.sr.unreadable(srow, err)
		}
	}
	ref, _ := excelize.CoordinatesToCellName(c, r)
	for sqref, opts := range cp.rules {
		ranges := parseSqref(sqref)
		if !slices.ContainsFunc(ranges, func(m mergeRange) bool { return sc >= m.c1 && sc <= m.c2 && srow >= m.r1 && srow <= m.r2 }) {
			continue
		}
		// Relative references are read from the range's top left cell.
		dc, dr := c-ranges[0].c1, r-ranges[0].r1
		var kept []excelize.ConditionalFormatOptions
		for _, o := range opts {
			if o.Format != nil {
				st, err := cp.sr.f.GetConditionalStyle(*o.Format)
				if err != nil {
					return cp.sr.unreadable(srow, err)
				}
				// excelize looks a differential format's own number
				// format up among the cells' and misses it: the code
				// read with the styles is the one the rule shows.
				if df := cp.sr.bk.pkg.dxfs[*o.Format]; df != nil && st.NumFmt == 0 && st.CustomNumFmt == nil {
					code := df.code
					st.CustomNumFmt = &code
				}
				id, err := cp.out.NewConditionalStyle(st)
				if err != nil {
					return err
				}
				o.Format = &id
			}
			if o.Type == "formula" {
				o.Criteria = shiftRefs(o.Criteria, dc, dr)
			}
			o.Value, o.MinValue, o.MaxValue = shiftRefs(o.Value, dc, dr), shiftRefs(o.MinValue, dc, dr), shiftRefs(o.MaxValue, dc, dr)
			kept = append(kept, o)
		}
		if err := cp.out.SetConditionalFormat(cp.name, ref, kept); err != nil {
			return err
		}
	}
	return nil
}

// cellRefIn is a cell reference in a formula: $A$1, B2, not a function's
// name with digits (LOG10) nor inside a quoted text.
var cellRefIn = regexp.MustCompile(`"[^"]*"|(\$?)([A-Z]{1,3})(\$?)([0-9]+)(\(?)`)

// shiftRefs moves the relative references of formula f by dc columns and
// dr rows, as Excel does when a formula is copied.
func shiftRefs(f string, dc, dr int) string {
	return cellRefIn.ReplaceAllStringFunc(f, func(m string) string {
		p := cellRefIn.FindStringSubmatch(m)
		if p[2] == "" || p[5] != "" {
			return m // a quoted text, or a function
		}
		col, err := excelize.ColumnNameToNumber(p[2])
		row, err2 := strconv.Atoi(p[4])
		if err != nil || err2 != nil {
			return m
		}
		if p[1] == "" {
			col += dc
		}
		if p[3] == "" {
			row += dr
		}
		if col < 1 || row < 1 {
			return m
		}
		name, _ := excelize.ColumnNumberToName(col)
		return p[1] + name + p[3] + strconv.Itoa(row)
	})
}

// copyCell copies the cell at (sc, srow) to (c, r) (see cell).
func (cp *sheetCopy) copyCell(sc, srow, c, r int, kind copyKind) error {
	raw, err := cp.sr.value(sc, srow)
	if err != nil {
		return err
	}
	faulty := kind == faultyCell
	ref, _ := excelize.CoordinatesToCellName(c, r)
	st := excelize.Style{Border: ruled(), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}
	switch kind {
	case titleCell:
		st = excelize.Style{Font: printFont(14, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}
	case headingCell:
		st.Font, st.Fill = printFont(11, true), headingFill
		st.Alignment.Horizontal = "center"
	case faultyCell:
		st.Fill = rejectedFill
	case sectionCell:
		st.Font = printFont(11, true)
	}
	// A struck cell stays struck: the strike is what held its row back
	// (struckRow), and the copy re-imported as it is must hold it back
	// again — without it the person who left went in as a current member
	// (review ra7 F48).
	if (kind == dataCell || kind == faultyCell) && cp.sr.shape != nil && cp.sr.shape.struck[[2]int{sc, srow}] {
		f := excelize.Font{Strike: true}
		if st.Font != nil {
			f = *st.Font
			f.Strike = true
		}
		st.Font = &f
	}
	if err := cp.keepNote(sc, srow, ref); err != nil {
		return err
	}
	unsaved := raw == "" && cp.sr.unsavedFormula(sc, srow)
	stale := false
	if !unsaved {
		// A formula of a workbook calculated again when opened: its saved
		// result is refused (staleFormula), and goes into the copy as it
		// is, with its formula, so that the copy is refused for it again.
		// Written as the value alone, the copy imported it as data (review
		// ra7 F48).
		if stale, err = cp.sr.staleFormula(sc, srow); err != nil {
			return err
		}
		// So does one whose saved result may be a placeholder: as the
		// empty cell or the text 0 alone the copy stored it.
		stale = stale || cp.sr.placeholderFormula(sc, srow)
	}
	if unsaved || stale {
		if err := cp.sourceFormat(sc, srow, &st); err != nil {
			return err
		}
		formula, err := cp.copiedFormula(sc, srow, c, r)
		if err != nil {
			return err
		}
		if err := cp.setFormula(ref, formula, unsaved); err != nil {
			return err
		}
		if stale {
			t, err := cp.sr.cellType(sc, srow)
			if err != nil {
				return err
			}
			cp.formulas.keepResult(cp.name, ref, raw, t)
		}
		return cp.out.SetCellStyle(cp.name, ref, ref, cp.style(st))
	}
	// The sheet is loaded by now (value): its type costs nothing more.
	number, isBool := false, false
	if raw != "" && looksNumeric(raw) {
		t, err := cp.sr.cellType(sc, srow)
		if err != nil {
			return err
		}
		isBool = t == excelize.CellTypeBool
		number = t == excelize.CellTypeUnset || t == excelize.CellTypeNumber || t == excelize.CellTypeDate
	}
	switch {
	case raw == "" && kind == dataCell:
		// Ruled like its row: left bare, the blank cells of a refused row
		// printed as gaps in the table (review nu8 N6).
		return cp.out.SetCellStyle(cp.name, ref, ref, cp.style(st))
	case raw == "" && !faulty:
		return nil
	case isBool:
		// TRUE/FALSE, not the 1/0 it is stored as: the importer refuses a
		// logical value where a name or a date belongs.
		if err := cp.sourceFormat(sc, srow, &st); err != nil {
			return err
		}
		if err := cp.out.SetCellBool(cp.name, ref, raw == "1" || strings.EqualFold(raw, "TRUE")); err != nil {
			return err
		}
	case cp.sr.shape != nil && cp.sr.shape.isoDates[[2]int{sc, srow}]:
		// An ISO 8601 date cell (t="d") as the date serial it stands
		// for, in its own format: as text it would read to the day
		// whatever the format showed.
		fd, _, err := cp.sr.formattedDate(sc, srow)
		if err != nil {
			return err
		}
		if fd.IsZero() {
			return cp.text(ref, raw, st)
		}
		if err := cp.sourceFormat(sc, srow, &st); err != nil {
			return err
		}
		if formatPrecision(numFmtCode(&st)) == notDateFormat {
			// Read as a date to the day whatever its format (General,
			// @: formattedDate); as a number in that format the copy
			// showed 37895 and refused it (review s13-attack #19).
			code := dayFormat
			st.NumFmt, st.CustomNumFmt = 0, &code
		}
		if err := cp.out.SetCellDefault(cp.name, ref, strconv.Itoa(dateSerial(fd, cp.sr.bk.date1904))); err != nil {
			return err
		}
	case number:
		if err := cp.sourceFormat(sc, srow, &st); err != nil {
			return err
		}
		if err := cp.ruleFormat(sc, srow, &st); err != nil {
			return err
		}
		// The faulty number in a number cell (an ID stored as a number,
		// 2003.10 kept as 2003.1; General by id or by code, 0, 0.0 …) is
		// what the row was refused for: in the text format, what the user
		// types over it stays as typed (review s8-7 newuser #1, s8-7
		// recheck #1). Only where the text format shows it as its own
		// format did: 39604.00 or 50% would show as 39604 or 0.5, and a
		// date keeps its own format (review fix13 #3).
		if faulty && formatPrecision(numFmtCode(&st)) == notDateFormat {
			shown, err := cp.sr.f.GetCellValue(cp.sr.sheet, cp.sr.ref(sc, srow))
			if err != nil {
				return cp.sr.unreadable(srow, err)
			}
			general := st.NumFmt == 0 && (st.CustomNumFmt == nil || strings.EqualFold(*st.CustomNumFmt, "General"))
			if general || shown == raw {
				st.NumFmt, st.CustomNumFmt = 49, nil
			}
		}
		if err := cp.out.SetCellDefault(cp.name, ref, raw); err != nil {
			return err
		}
	default:
		st.NumFmt = 49 // @: text
		if raw != "" {
			// Text keeps a format that shows it otherwise (@"党支部");
			// under any other it shows as it is, as in the text format.
			var src excelize.Style
			if err := cp.sourceFormat(sc, srow, &src); err != nil {
				return err
			}
			if code := numFmtCode(&src); code != "@" && strings.Contains(code, "@") {
				st.NumFmt, st.CustomNumFmt = src.NumFmt, src.CustomNumFmt
			}
			if err := cp.ruleFormat(sc, srow, &st); err != nil {
				return err
			}
		}
		_, struck := cp.sr.bk.pkg.struckShared[strings.TrimSpace(raw)]
		if (struck || cp.sr.shape != nil && cp.sr.shape.inlineStrike) && (kind == dataCell || kind == faultyCell) {
			return cp.struckRuns(sc, srow, ref, raw, st)
		}
		return cp.text(ref, raw, st)
	}
	return cp.out.SetCellStyle(cp.name, ref, ref, cp.style(st))
}

// struckRuns writes the text raw of the source cell (sc, srow) at ref with
// its runs struck through as they are (rich text): written as plain text,
// the copy of a name struck so showed an ordinary row that, imported as it
// was, stored the person (review F45).
func (cp *sheetCopy) struckRuns(sc, srow int, ref, raw string, st excelize.Style) error {
	runs, err := cp.sr.f.GetCellRichText(cp.sr.sheet, cp.sr.ref(sc, srow))
	if err != nil || len(runs) == 0 {
		return cp.text(ref, raw, st)
	}

	if err := cp.out.SetCellRichText(cp.name, ref, runs); err != nil {
		return err
	}
	return cp.out.SetCellStyle(cp.name, ref, ref, cp.style(st))
}

// dateSerial is the serial Excel stores for day d (from 1900-03-01 on in
// the 1900 date system, whose serials count Excel's 1900-02-29).
func dateSerial(d model.Date, date1904 bool) int {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return int(time.Date(d.Year, d.Month, max(d.Day, 1), 0, 0, 0, 0, time.UTC).Sub(epoch).Hours() / 24)
}

// text writes raw as text in the style st, kept text when Excel or WPS
// would take it for a formula (textKeeper).
func (cp *sheetCopy) text(ref, raw string, st excelize.Style) error {
	if err := cp.out.SetCellStr(cp.name, ref, raw); err != nil {
		return err
	}
	id, err := cp.keep.style(cp.style(st), raw)
	if err != nil {
		return err
	}
	return cp.out.SetCellStyle(cp.name, ref, ref, id)
}

// dayFormat shows a date to the day, the same in every locale (the
// built-in 14 is m/d/yyyy in some).
const dayFormat = "yyyy-mm-dd"

// ruleFormat sets the number format of st to the one a conditional format
// shows the source cell through, when one does: the copy has no
// conditional formats, and a date the user saw as 2003年10月 through one
// showed 2003-10-01 in the copy, and was stored with that made-up day once
// the row was fixed (review s13-attack #17). A value one hid stays hidden,
// read as the blank it was.
func (cp *sheetCopy) ruleFormat(sc, srow int, st *excelize.Style) error {
	d, err := cp.sr.display(sc, srow)
	if err != nil {
		return err
	}
	if d.ruleCode != "" {
		code := d.ruleCode
		st.NumFmt, st.CustomNumFmt = 0, &code
	}
	return nil
}

// sourceFormat sets the number format of st to the source cell's.
func (cp *sheetCopy) sourceFormat(sc, srow int, st *excelize.Style) error {
	if err := cp.sr.load(); err != nil {
		return err
	}
	idx, err := cp.sr.f.GetCellStyle(cp.sr.sheet, cp.sr.ref(sc, srow))
	if err != nil {
		return cp.sr.unreadable(srow, err)
	}
	if src, err := cp.sr.f.GetStyle(idx); err == nil && src != nil {
		st.NumFmt, st.CustomNumFmt = src.NumFmt, src.CustomNumFmt
	}
	return nil
}

// style returns the index of a style, made once per workbook.
func (cp *sheetCopy) style(st excelize.Style) int {
	key := fmt.Sprintf("%v|%v|%v|%v|%v", st.NumFmt, st.Fill.Color, st.Border != nil, st.Font, st.Alignment)
	if st.CustomNumFmt != nil {
		key += *st.CustomNumFmt
	}
	if st.Font != nil {
		key += fmt.Sprintf("%+v", *st.Font)
	}
	if st.Alignment != nil {
		key += fmt.Sprintf("%+v", *st.Alignment)
	}
	if id, ok := cp.styles[key]; ok {
		return id
	}
	m := styleMaker{f: cp.out}
	id := m.add(st)
	if m.err == nil {
		cp.styles[key] = id
	}
	return id
}
