package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A secretary crosses a person off a paper-like roster by striking the row
// through (Ctrl+5), rather than deleting it: the struck row was imported as
// a current member without a word (review ra7 F13, nu7-5). A row whose
// 姓名 cell, or most of whose filled cells, are struck through is held
// back. Which cells are struck is noted by the sheet's scan
// (sheetShape.struck) from the cell formats whose font strikes
// (withStruck): asking excelize for each cell's style (GetCellStyle) would
// load the sheet, which took a dry run of 20,000 rows from 2.1 to 4.8 CPU
// seconds once any cell of the workbook was struck.

// struckRow reports whether the record's row is struck through: its 姓名
// cell, or more than half of its filled cells in the sheet's columns.
func (im *importer) struckRow(rec *record) bool {
	if im.sr.shape == nil || len(im.sr.shape.struck) == 0 {
		return false
	}
	filled, struck := 0, 0
	for _, c := range im.h.cols {
		if cell(rec.cells, c.index) == "" {
			continue
		}
		col, src := im.sr.below(c.index+1, rec.n)
		s := im.sr.shape.struck[[2]int{col, src}]
		if s && c.field == model.FieldName {
			return true
		}
		filled++
		if s {
			struck++
		}
	}
	return filled > 0 && 2*struck > filled
}

// refusedStruck refuses the record when its row is struck through
// (struckRow), and reports whether it did. Refused, not left out: the
// person is listed, and comes back in the workbook of refused rows with
// the strike, for the user to take off if the person is still here.
func (im *importer) refusedStruck(rec *record) bool {
	why := model.Textf("在表格中划了删除线，未导入；仍在册的请去掉删除线后再导入")
	switch all, some := im.nameRunsStruck(rec); {
	case all:
	case some:
		why = model.Textf("姓名中有部分文字划了删除线，看不出此人是否已被划去，未导入；仍在册的请去掉删除线（改正的字请直接改写）后再导入")
	case !im.struckRow(rec):
		return false
	}
	who := cell(rec.cells, im.nameIndex())
	im.rd.rf.Rejected = append(im.rd.rf.Rejected, model.Rejection{Sheet: im.sheet.Name, Row: rec.n, Field: model.FieldName,
		Reason: why.String(), Text: why, Name: model.CutTyped(who), Value: model.CutTyped(who)})
	return true
}

// keepNote gives the copy at ref of the source cell (sc, srow), in the
// workbook of refused rows, the cell's note (批注): a note saying the
// person left held the row back (commentSaysLeft), and dropped, the copy
// showed an ordinary row that, imported as it was, stored the person as a
// current member. The strike is kept with the cell's style (copyCell).
func (cp *sheetCopy) keepNote(sc, srow int, ref string) error {
	for _, c := range cp.sr.part.comments {
		if c.col == sc && c.row == srow {
			return cp.out.AddComment(cp.name, excelize.Comment{Cell: ref, Paragraph: []excelize.RichTextRun{{Text: c.text}}})
		}
	}
	return nil
}

// nameRunsStruck reports whether the text of the record's 姓名 cell is
// struck through as rich text — the name selected in the cell and struck,
// not the cell's format — all of it, or some of it (review F45: stored as
// a current member). Only a name whose text the workbook holds struck
// (pkgReader.struckShared, nearly always none), or any on a sheet with an
// inline string struck (sheetShape.inlineStrike, look11), is looked up in
// the sheet.
func (im *importer) nameRunsStruck(rec *record) (all, some bool) {
	c := im.nameIndex()
	name := cell(rec.cells, c)
	if c < 0 || name == "" {
		return false, false
	}
	if _, ok := im.rd.bk.pkg.struckShared[strings.TrimSpace(name)]; !ok && (im.sr.shape == nil || !im.sr.shape.inlineStrike) {
		return false, false
	}
	col, row := im.sr.below(c+1, rec.n)
	return runsStruck(im.rd.bk.f, im.sheet.Name, col, row)
}

// runsStruck reports whether the text runs of the cell at (col, row) of
// sheet are struck through, all of them or some (spaces aside).
func runsStruck(f *excelize.File, sheet string, col, row int) (all, some bool) {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return false, false
	}
	runs, err := f.GetCellRichText(sheet, ref)
	if err != nil {
		return false, false
	}
	plain := false
	for _, r := range runs {
		if strings.TrimSpace(r.Text) == "" {
			continue
		}
		if r.Font != nil && r.Font.Strike {
			some = true
		} else {
			plain = true
		}
	}
	return some && !plain, some
}
