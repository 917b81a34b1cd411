package xlsx

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Bounds on what a sheet's values may hold once read: a cell of a shared
// string of rich text is a new string each time it is read, so a small
// file could otherwise fill memory with copies.
const (
	maxStreamCells = 4_000_000
	maxStreamBytes = 96 << 20
)

// shownOptions make excelize show dates the way a Chinese Excel or WPS
// does: the system short date (number format 14) as 2008-06-15, and the
// locale's date formats (27–36, 50–58) as 2008年6月 and 2008年6月15日.
var shownOptions = excelize.Options{ShortDatePattern: "yyyy-mm-dd", LongDatePattern: `yyyy"年"m"月"d"日"`, CultureInfo: excelize.CultureNameZhCN}

// streamRow is one row of a sheet that holds a value, each cell as its
// number format shows it.
type streamRow struct {
	n     int // row number as Excel shows it
	cells []string
}

// streamSheet reads every row of a sheet holding a value through
// excelize's row iterator, each cell as Excel shows it: a date cell in the
// text its format makes of it ("2008年6月" for yyyy"年"m"月", 2008-06-15 for
// the short date), a number as its format shows it (General: at most 15
// significant digits, as Excel). So a cell means exactly what the person
// saw, and the same text typed by hand reads the same. The iterator stops
// at an XML error as if the sheet had ended; scanSheet, run alongside,
// catches that.
func (bk *book) streamSheet(sheet string) ([]streamRow, error) {
	rows, _, err := bk.streamSheetAfter(sheet, nil)
	return rows, err
}

// errScanFailed stops a reading whose sheet's scan has failed: the
// scan's error is the one reported (scanRun.wait).
var errScanFailed = errors.New("the sheet's scan failed")

// streamSheetAfter is streamSheet behind the sheet's scan, if run is not
// nil: each row is read once the scan has checked it (scanRun.through),
// and reading stops with errScanFailed when the scan fails. hidden are
// the rows hidden in the sheet (a filter, or Hide) that hold a cell, in
// order, as excelize's iterator reads the row (GetRowOpts): what is
// imported that the user did not see on screen.
func (bk *book) streamSheetAfter(sheet string, run *scanRun) (out []streamRow, hidden []int, err error) {
	rows, err := bk.f.Rows(sheet)
	if err != nil {
		return nil, nil, fmt.Errorf("%w（工作表“%s”无法读取：%w）", ErrDamaged, sheet, err)
	}
	defer rows.Close()
	cells, size, n := 0, 0, 0
	for (run == nil || run.through(n+1)) && rows.Next() {
		n++
		cols, err := rows.Columns()
		if err != nil {
			return nil, nil, fmt.Errorf("%w（工作表“%s”第%d行无法读取：%w）", ErrDamaged, sheet, n, err)
		}
		// A row without cells (nil) may be one the iterator fills in up
		// to the next row element, with that row's options.
		if cols != nil && rows.GetRowOpts().Hidden && len(hidden) < maxHidden {
			hidden = append(hidden, n)
		}
		if len(cols) > maxColumns {
			cols = slices.Clone(cols[:maxColumns])
		}
		last := -1
		for i, c := range cols {
			if strings.TrimSpace(c) != "" {
				last = i
			}
			size += len(c)
		}
		if last < 0 {
			continue
		}
		cells += last + 1
		if cells > maxStreamCells || size > maxStreamBytes {
			return nil, nil, fmt.Errorf("%w（工作表“%s”读到第%d行时内容已超过 %d MB）", ErrTooLarge, sheet, n, maxStreamBytes>>20)
		}
		out = append(out, streamRow{n: n, cells: cols[:last+1]})
	}
	if run != nil && !run.through(n+1) {
		return nil, nil, errScanFailed
	}
	if err := rows.Error(); err != nil {
		if errors.Is(err, excelize.ErrMaxRows) {
			return nil, nil, fmt.Errorf("%w（超过 %d 行）", ErrTooManyRows, excelize.TotalRows)
		}
		return nil, nil, fmt.Errorf("%w（工作表“%s”无法读取：%w）", ErrDamaged, sheet, err)
	}
	return out, hidden, nil
}

// rowAt finds the streamed row numbered n.
func rowAt(rows []streamRow, n int) ([]string, bool) {
	i, ok := slices.BinarySearchFunc(rows, n, func(r streamRow, n int) int { return r.n - n })
	if !ok {
		return nil, false
	}
	return rows[i].cells, true
}

// sortSearchRow is the index of the first streamed row numbered n or more.
func sortSearchRow(rows []streamRow, n int) int {
	i, _ := slices.BinarySearchFunc(rows, n, func(r streamRow, n int) int { return r.n - n })
	return i
}

// withUnsavedFormulas adds to the streamed rows, as rows of no value, the
// rows whose only cells are formulas without a saved result (the stream
// leaves them out as blank): they are refused for it, not skipped.
func withUnsavedFormulas(rows []streamRow, shape *sheetShape) []streamRow {
	if shape == nil || len(shape.unsaved) == 0 {
		return rows
	}
	for at := range shape.unsaved {
		if _, ok := rowAt(rows, at[1]); !ok {
			rows = slices.Insert(rows, sortSearchRow(rows, at[1]), streamRow{n: at[1]})
		}
	}
	return rows
}
