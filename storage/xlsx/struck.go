package xlsx

import (
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
	if !im.struckRow(rec) {
		return false
	}
	who := cell(rec.cells, im.nameIndex())
	why := model.Textf("在表格中划了删除线，未导入；仍在册的请去掉删除线后再导入")
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
