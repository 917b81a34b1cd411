package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// Every worksheet read is also read once as a stream of XML tokens
// (encoding/xml), alongside excelize's row iterator, for what excelize does
// not give without loading the whole sheet:
//
//   - A read error. excelize's row iterator stops at the first XML error as
//     if the sheet had ended, so a damaged sheet would import as half a
//     roster. Here any error refuses the file, naming the row where reading
//     stopped.
//   - The merged ranges. excelize's GetMergeCells loads the whole sheet
//     (as long again as reading it); the ranges are the <mergeCell> refs,
//     read here (TestScanMergesAgreeWithExcelize).
//   - A bound. Loaded (done only when a cell's type must be asked,
//     sheetReader), a sheet takes about 200 bytes per cell, and excelize
//     fills each row with empty cells up to its last one and allocates
//     every row up to the highest number any row claims: a 1 KB sheet can
//     ask for gigabytes. Here the cost is counted first (reserveLoad).
//
// It also refuses the irregular layouts (rows out of order, a cell whose
// reference names another row) that excelize's reading and Excel's showing
// could disagree on. Cell values, as their number formats show them, are
// read through excelize, and so is a cell's type wherever the value shown
// makes the cell a suspect (sheetReader.cellType: 2003.1 in a date column,
// a phone shown as 1.3712345619E+10, TRUE/FALSE that may be a logical
// value), which a good roster seldom has: asking loads the sheet, within
// the bound counted here. Four facts about cells are still
// taken from the XML as it passes, each because excelize cannot tell it
// from the value it shows, and asking would load the sheet for cells that
// are common in good rosters:
//
//   - A number cell holding a whole number of more than 15 digits
//     (longNumbers): an ID number typed as a number has lost its last
//     digits. excelize shows such a number as 620102199002071000 whatever
//     its format, exactly as an ID typed as text that ends in 000 and
//     passes its check digit — about 1 ID in 1,000 (12 of the 20,000 of
//     the benchmark's roster) — so every roster of a few thousand members
//     would be loaded: asking GetCellType so took a dry run of 20,000 rows
//     from about 2.0 to 4.0 CPU seconds (BenchmarkImportDryRun20000).
//   - A formula without a saved result (no <v>): excelize reads it, and a
//     formula whose saved result is empty text (=IF(A2="","",…), common in
//     templates), as the same empty cell, and GetCellFormula gives the
//     formula of both.
//   - A date of the ISO 8601 date type (t="d", Strict Open XML and other
//     writers): excelize shows 2009-06-15 as text typed so shows, and only
//     the cell's type says its number format decides (every cell of a
//     date column showing an ISO date would be a suspect).
//   - A number format that shows a value otherwise than excelize does
//     (nothing for ;;;, another section of a conditional format,
//     sections.go): excelize shows the value, so any number cell may be
//     one, and its format is known only by its style (GetCellStyle).

// What excelize holds for a loaded sheet, in bytes, measured on excelize
// v2.11 (a cell with its reference and a short value; a row).
const (
	loadedCellBytes = 220
	loadedRowBytes  = 100
	// maxLoadBytes bounds what the worksheets of one import hold together
	// once loaded: with the shared strings, styles and the members read it
	// keeps an import under about 300 MB.
	maxLoadBytes = 128 << 20
	// maxRowNumber is the highest row number a sheet may use: excelize
	// allocates every row up to it.
	maxRowNumber = 300_000
	maxMerges    = 20_000
	maxDepth     = 64
	// maxColumn is the last column of a worksheet (XFD).
	maxColumn = 16384
)

// sheetShape is what scanSheet learnt of a worksheet.
type sheetShape struct {
	lastRow int // highest row number
	// lastValueRow is the highest row number of a cell holding a value
	// or a formula: rows after it are formatting alone.
	lastValueRow int
	merges       []mergeRange
	cells        int // cells excelize will hold once the sheet is loaded
	// longNumbers are the number cells (no type, or t="n") whose value is a
	// whole number of more than 15 digits, by column and row.
	longNumbers map[[2]int]bool
	// unsaved are the formula cells without a saved result (no <v>), by
	// column and row: other programs write formulas so, and only Excel or
	// WPS opening the file works out what the cell shows.
	unsaved map[[2]int]bool
	// placeholders are the formula cells whose saved result is what a
	// program that does not work formulas out writes in its stead — empty
	// text, 0, or the text 0 — by column and row (placeholderResult).
	placeholders map[[2]int]placeholder
	// hiddenCols are the columns hidden (Hide), as ranges: what is
	// imported that the user did not see on screen. excelize says so of
	// a column (GetColVisible) only once the sheet is loaded; the hidden
	// rows come with its rows (streamSheetAfter).
	hiddenCols []mergeRange
	// formatHidden are the cells holding a value that their number format
	// shows as nothing (;;;, or 0 through 0;-0;;@), and sections the number
	// cells a conditional format shows through another section than the
	// first, by column and row (sections.go): excelize shows neither as
	// Excel does.
	formatHidden map[[2]int]bool
	sections     map[[2]int]shownSection
	// struck are the cells holding a value whose font is struck through,
	// by column and row (struck.go).
	struck map[[2]int]bool
	// inlineStrike: an inline string of a cell has a run struck through
	// (<is><r><rPr><strike/>: rich text the workbook keeps in the cell, not
	// in its shared strings; pkgReader.struckShared holds those).
	inlineStrike bool
	// isoDates are the date cells stored as ISO 8601 text (t="d", as
	// Strict Open XML stores dates): excelize shows them to the day
	// whatever their format, which decides instead (cellDate).
	isoDates map[[2]int]bool
	// cfRules are the conditional formatting rules that set a number
	// format, by priority (condfmt.go).
	cfRules []cfRule
}

// maxHidden bounds the hidden rows and column ranges kept.
const maxHidden = 200_000

// colHidden reports whether column c is hidden.
func (s *sheetShape) colHidden(c int) bool {
	for _, r := range s.hiddenCols {
		if c >= r.c1 && c <= r.c2 {
			return true
		}
	}
	return false
}

// hidden reports a hidden="1" (or "true") attribute.
func (t *scanTag) hidden() bool {
	v, _ := t.attr("hidden")
	v = bytes.TrimSpace(v)
	return string(v) == "1" || string(v) == "true"
}

// idDigitsInNumber is the length from which a whole number in a number cell
// has lost digits: Excel keeps 15.
const idDigitsInNumber = excelDigits + 1

// maxLongNumbers bounds the cells each of the shape's maps keeps: a sheet
// of more such cells than any branch's pipeline or roster has rows.
const maxLongNumbers = 200_000

// loadBytes estimates what excelize will hold for the loaded sheet.
func (s *sheetShape) loadBytes(partSize uint64) uint64 {
	rows := s.lastRow
	if s.trimmedAfter() > 0 {
		rows = s.lastValueRow
	}
	return uint64(s.cells)*loadedCellBytes + uint64(rows)*loadedRowBytes + partSize
}

// trimmedAfter is the last row of the sheet excelize loads, when the rows
// after it are cut off (sheetReader.load), or 0 when none is: the rows
// after the last one holding a value are, when they reach past
// maxRowNumber, where excelize would make every row up to the last — a
// single formatted cell in row 1,048,576 cost 100 MB and refused a roster
// of ten members as too large (review D8).
func (s *sheetShape) trimmedAfter() int {
	if s.lastRow <= maxRowNumber {
		return 0
	}
	return max(s.lastValueRow, 1)
}

// rowsCutAfter is the sheet XML data without its rows after row keep:
// those are the last of its sheetData, rows being in order (scanSheet).
func rowsCutAfter(data []byte, keep int) ([]byte, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = declaredCharset
	from, n := -1, 0
	for {
		at := d.InputOffset()
		tok, err := d.RawToken()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "row" || from >= 0 {
				continue
			}
			n++
			for _, a := range t.Attr {
				if a.Name.Local == "r" {
					if r, err := strconv.Atoi(strings.TrimSpace(a.Value)); err == nil {
						n = r
					}
				}
			}
			if n > keep {
				from = int(at)
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				if from < 0 {
					return data, nil
				}
				return slices.Concat(data[:from], data[at:]), nil
			}
		}
	}
}

// scanSheet reads the worksheet's part once as XML tokens. It fails with
// ErrDamaged naming the row where reading stopped, ErrIrregular for a
// layout excelize would misread, and ErrTooLarge beyond the limits.
func (bk *book) scanSheet(s bookSheet) (*sheetShape, error) {
	if err := bk.pkg.checkSize(s.part); err != nil {
		return nil, err
	}
	if data, ok := bk.unpacked(s.part); ok {
		return scanSheetData(data, s.name, bk.pkg.shared, bk.pkg.formats, bk.pkg.dxfs, nil)
	}
	rc, err := bk.pkg.open(s.part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return scanSheet(&blankLimiter{r: rc}, s.name, bk.pkg.shared, bk.pkg.formats, bk.pkg.dxfs)
}

// scanRun is a sheet's scan (scanSheet) running on its own goroutine
// beside excelize's reading of the same sheet, which the scan would
// otherwise have to finish before: the two take about a third and a half
// of an import's time. The scan stays ahead of the reading wherever it
// matters: excelize reads a row only once the scan has checked every
// byte before the row after it (through), so a row that would cost more
// memory than allowed (shared strings copied into too many cells, a
// nesting bomb) is refused by the scan before excelize unpacks it, as when
// the scan ran first. Its error comes first (wait), so every refusal
// reads as it did.
type scanRun struct {
	mu   sync.Mutex
	cond sync.Cond
	// checked is the row whose every byte, up to the next row's start,
	// the scan has checked: -1 before the first row, math.MaxInt once
	// the whole part is (with failed false).
	checked atomic.Int64
	failed  atomic.Bool
	done    chan struct{}
	shape   *sheetShape
	err     error
}

// startScan scans the sheet: beside excelize's reading when excelize has
// already unpacked the part (unpacked), and right away otherwise.
func (bk *book) startScan(s bookSheet) *scanRun {
	run := &scanRun{done: make(chan struct{})}
	run.cond.L = &run.mu
	run.checked.Store(-1)
	data, ok := []byte(nil), false
	if bk.pkg.checkSize(s.part) == nil {
		data, ok = bk.unpacked(s.part)
	}
	if !ok {
		run.finish(bk.scanSheet(s))
		return run
	}
	go func() {
		run.finish(scanSheetData(data, s.name, bk.pkg.shared, bk.pkg.formats, bk.pkg.dxfs, run.reached))
	}()
	return run
}

// reached says the scan has checked everything before row n+1's start.
func (run *scanRun) reached(n int) {
	if int64(n) <= run.checked.Load() {
		return // a scan begun again (scanSheetData) passing rows checked
	}
	run.mu.Lock()
	run.checked.Store(int64(n))
	run.cond.Broadcast()
	run.mu.Unlock()
}

func (run *scanRun) finish(shape *sheetShape, err error) {
	run.mu.Lock()
	run.shape, run.err = shape, err
	if err != nil {
		run.failed.Store(true)
	} else {
		run.checked.Store(math.MaxInt64)
	}
	close(run.done)
	run.cond.Broadcast()
	run.mu.Unlock()
}

// through waits until the scan has checked row n and everything before
// the next row's start, which is what excelize reads to return row n. It
// is false once the scan has failed: reading stops, and wait gives the
// scan's error.
func (run *scanRun) through(n int) bool {
	if run.failed.Load() {
		return false
	}
	if run.checked.Load() >= int64(n) {
		return true
	}
	run.mu.Lock()
	defer run.mu.Unlock()
	for run.checked.Load() < int64(n) && !run.failed.Load() {
		run.cond.Wait()
	}
	return !run.failed.Load()
}

// wait is the scan's result, once it has ended.
func (run *scanRun) wait() (*sheetShape, error) {
	<-run.done
	return run.shape, run.err
}

// unpacked is a part's bytes as excelize unpacked them when it opened the
// workbook (every part is held in memory: openWorkbook), so that the scan
// need not unpack the part again. ok only when they are the part's own:
// its declared length and checksum (excelize ignores an unpacking error
// and keeps what it read; the part is then read from the package, whose
// reader reports the error).
func (bk *book) unpacked(zf *zip.File) ([]byte, bool) {
	v, ok := bk.f.Pkg.Load(strings.ReplaceAll(zf.Name, "\\", "/"))
	if !ok {
		return nil, false
	}
	data, ok := v.([]byte)
	if !ok || uint64(len(data)) != zf.UncompressedSize64 || crc32.ChecksumIEEE(data) != zf.CRC32 {
		return nil, false
	}
	return data, true
}

// cutRowsAfter hands excelize the sheet part s without its rows after row
// keep (sheetShape.trimmedAfter), before excelize loads the sheet.
func (bk *book) cutRowsAfter(s bookSheet, keep int) error {
	data, ok := bk.unpacked(s.part)
	if !ok {
		rc, err := bk.pkg.open(s.part)
		if err != nil {
			return err
		}
		defer rc.Close()
		if data, err = io.ReadAll(rc); err != nil {
			return err
		}
	}
	cut, err := rowsCutAfter(data, keep)
	if err != nil {
		return err
	}
	bk.f.Pkg.Store(strings.ReplaceAll(s.part.Name, "\\", "/"), cut)
	return nil
}

// reserveLoad counts what loading a scanned sheet will hold, refusing it
// beyond the budget of one import.
func (bk *book) reserveLoad(s bookSheet, shape *sheetShape) error {
	total := bk.loaded + shape.loadBytes(s.part.UncompressedSize64)
	if total > maxLoadBytes {
		return fmt.Errorf("%w（工作表“%s”有约 %d 个单元格，读入需要约 %d MB，超过 %d MB；请只保留花名册所在的行和列后另存）",
			ErrTooLarge, s.name, shape.cells, total>>20, maxLoadBytes>>20)
	}
	bk.loaded = total
	return nil
}

// sheetScan is the state of scanSheet.
type sheetScan struct {
	sheet string
	shape sheetShape

	stack    []string
	inData   bool
	row      int // current row number, 0 before the first
	inRow    bool
	beyond   bool // the row is past maxRowNumber
	rowCells int  // last column of any cell in the row (what excelize fills to)
	col      int  // last cell's column in the row
	inCell   bool
	number   bool   // the cell is a number cell
	inValue  bool   // inside the cell's <v>
	value    []byte // its text, while it may be a long number
	// shared is the length of each shared string (pkgReader.shared);
	// text adds up those the sheet's cells refer to: each such cell is a
	// copy of its string once read.
	shared   []uint32
	isShared bool // the cell refers to a shared string
	isBool   bool // the cell is a TRUE/FALSE cell (t="b")
	isText   bool // the cell holds text (shared, inline or a formula's)
	// formats are the cell formats whose sections matter
	// (pkgReader.formats), and format the current cell's, if it is one.
	formats map[int]*cellFormat
	format  *cellFormat
	// dxfs are the number formats of the differential formats
	// (pkgReader.dxfs), and cf the conditional formatting being read.
	dxfs     map[int]*cellFormat
	cf       *cfScan
	hasValue bool // the cell has a <v>
	formula  bool // the cell has a formula
	result   bool // the cell has a value (<v>): a formula's saved result
	str      bool // the cell's value is a formula's text result (t="str")
	text     uint64
	// reached, if not nil, is told of each row's start (scanRun.reached).
	reached func(int)
}

func scanSheet(r io.Reader, sheet string, shared []uint32, formats, dxfs map[int]*cellFormat) (*sheetShape, error) {
	return scanSheetReporting(r, sheet, shared, formats, dxfs, nil)
}

// scanSheetReporting is scanSheet calling reached(n) at the start of each
// row n+1, once everything before it is checked (scanRun).
func scanSheetReporting(r io.Reader, sheet string, shared []uint32, formats, dxfs map[int]*cellFormat, reached func(int)) (*sheetShape, error) {
	br := bufio.NewReader(r) // a ByteReader: the decoder adds no buffer of its own
	if head, _ := br.Peek(4); utf16Start(head) {
		// The package rules allow it and Excel opens it, but neither
		// excelize nor this scan reads it: refused as damaged, it sent the
		// user to copy the file again (review s13-attack #8).
		return nil, fmt.Errorf("%w（工作表“%s”以 UTF-16 编码保存，本程序只能读 UTF-8 编码的表格）", ErrIrregular, sheet)
	}
	d := xml.NewDecoder(br)
	d.CharsetReader = declaredCharset
	sc := &sheetScan{sheet: sheet, shared: shared, formats: formats, dxfs: dxfs, reached: reached}
	var tag scanTag
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if len(sc.stack) > 0 {
				return nil, sc.damaged(io.ErrUnexpectedEOF)
			}
			break
		}
		if err != nil {
			var blank *blankRunError
			if errors.As(err, &blank) {
				return nil, fmt.Errorf("%w（工作表“%s”在%s有一段超过 %d KB 的空白，不是 Excel/WPS 保存的样子；请在 Excel/WPS 中打开后另存再导入）",
					ErrTooLarge, sheet, sc.where(), maxBlankRun>>10)
			}
			return nil, sc.damaged(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			tag.fromXML(t)
			if err := sc.start(&tag); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if err := sc.end([]byte(t.Name.Local)); err != nil {
				return nil, err
			}
		case xml.CharData:
			sc.chars(t)
		}
	}
	return &sc.shape, nil
}

// chars takes in text between tags, where the scan needs it: a cell's
// value, a conditional format's formula or range.
func (sc *sheetScan) chars(t []byte) {
	if sc.inValue && (sc.number || sc.isShared || sc.isBool || sc.format != nil || sc.formula) && len(sc.value) < 64 {
		sc.value = append(sc.value, t...)
	}
	if sc.cf != nil && sc.cf.inText && len(sc.cf.text) < 256 {
		sc.cf.text = append(sc.cf.text, t...)
	}
}

func (sc *sheetScan) start(t *scanTag) error {
	if len(sc.stack) >= maxDepth {
		return sc.damaged(errors.New("elements nested too deep"))
	}
	sc.stack = append(sc.stack, t.name())
	if sc.cf != nil || string(t.local) == "conditionalFormatting" {
		return sc.cfStart(t)
	}
	switch name := string(t.local); {
	case name == "strike" && sc.inRow:
		sc.shape.inlineStrike = true
	case name == "sheetData":
		sc.inData = true
	case name == "row" && !sc.inData:
		// excelize's row iterator reads a row wherever it stands, and a
		// cell between rows as one of the row above: cells Excel does not
		// show would be imported, their text copied uncounted (a cell of
		// 32,767 characters 4,000 times took an import to 600 MB).
		return sc.irregular("表格的数据区之外有一行")
	case name == "row" && sc.inRow:
		return sc.irregular(fmt.Sprintf("第%d行里面又套着一行", sc.row))
	case name == "c" && sc.inData && !sc.inRow:
		return sc.irregular(fmt.Sprintf("%s有一个不在任何一行里的单元格", sc.where()))
	case name == "row":
		n := sc.row + 1
		if v, ok := t.attr("r"); ok {
			r, err := strconv.Atoi(string(bytes.TrimSpace(v)))
			switch {
			case err != nil || r <= 0:
				return sc.irregular(fmt.Sprintf("第%d行之后的行号“%s”不正确", sc.row, v))
			case r <= sc.row:
				return sc.irregular(fmt.Sprintf("第%d行出现在第%d行之后", r, sc.row))
			}
			n = r
		}
		// A row past the bound refuses the sheet once one of its cells
		// holds a value (beyondBound); formatted and empty, as a whole
		// column formatted down to row 1,048,576 leaves it, it is cut
		// off before excelize loads the sheet (trimmedAfter).
		sc.beyond = n > maxRowNumber
		sc.row, sc.inRow = n, true
		if sc.reached != nil {
			sc.reached(n - 1)
		}
		sc.col, sc.rowCells = 0, 0
		sc.shape.lastRow = n
	case name == "c" && sc.inRow && !sc.inCell:
		c := sc.col + 1
		if v, ok := t.attr("r"); ok {
			col, row, ok := parseRef(string(v))
			switch {
			case !ok:
				return sc.irregular(fmt.Sprintf("第%d行有位置不正确的单元格“%s”", sc.row, v))
			case row != sc.row:
				return sc.irregular(fmt.Sprintf("第%d行里有标为“%s”的单元格", sc.row, v))
			case col <= sc.col:
				return sc.irregular(fmt.Sprintf("第%d行的单元格“%s”出现在其左侧单元格之后", sc.row, v))
			}
			c = col
		}
		if c > maxColumn {
			return sc.irregular(fmt.Sprintf("第%d行的单元格超出了最后一列", sc.row))
		}
		sc.col, sc.inCell = c, true
		sc.rowCells = c
		typb, _ := t.attr("t")
		typ := string(typb)
		sc.number, sc.isShared, sc.isBool, sc.value = typ == "" || typ == "n", typ == "s", typ == "b", sc.value[:0]
		sc.formula, sc.result, sc.hasValue = false, typ == "inlineStr", false
		sc.isText, sc.format = typ == "s" || typ == "str" || typ == "inlineStr", nil
		sc.str = typ == "str"
		if typ == "d" {
			if sc.shape.isoDates == nil {
				sc.shape.isoDates = map[[2]int]bool{}
			}
			if len(sc.shape.isoDates) >= maxLongNumbers {
				return fmt.Errorf("%w（工作表“%s”有超过 %d 个日期单元格）", ErrTooLarge, sc.sheet, maxLongNumbers)
			}
			sc.shape.isoDates[[2]int{c, sc.row}] = true
		}
		if sc.formats != nil {
			if v, ok := t.attr("s"); ok {
				if i, err := strconv.Atoi(string(bytes.TrimSpace(v))); err == nil {
					sc.format = sc.formats[i]
				}
			}
		}
	case name == "v" && sc.inCell:
		sc.inValue, sc.result, sc.hasValue = true, true, true
	case name == "f" && sc.inCell:
		sc.formula = true
	case name == "col" && !sc.inData:
		if t.hidden() && len(sc.shape.hiddenCols) < maxHidden {
			lo, _ := t.attr("min")
			hi, _ := t.attr("max")
			c1, err1 := strconv.Atoi(string(bytes.TrimSpace(lo)))
			c2, err2 := strconv.Atoi(string(bytes.TrimSpace(hi)))
			if err1 == nil && err2 == nil && c1 >= 1 && c1 <= c2 {
				sc.shape.hiddenCols = append(sc.shape.hiddenCols, mergeRange{c1: c1, c2: min(c2, maxColumn)})
			}
		}
	case name == "mergeCell":
		if len(sc.shape.merges) >= maxMerges {
			return fmt.Errorf("%w（工作表“%s”有超过 %d 处合并单元格）", ErrTooLarge, sc.sheet, maxMerges)
		}
		if v, ok := t.attr("ref"); ok {
			if m, ok := parseRange(string(v)); ok {
				sc.shape.merges = append(sc.shape.merges, m)
			}
		}
	}
	return nil
}

// end takes in an end tag, by its local name.
func (sc *sheetScan) end(local []byte) error {
	if len(sc.stack) == 0 || sc.stack[len(sc.stack)-1] != string(local) {
		return sc.damaged(fmt.Errorf("element <%s> closed by </%s>", top(sc.stack), local))
	}
	sc.stack = sc.stack[:len(sc.stack)-1]
	if sc.cf != nil {
		return sc.cfEnd(local)
	}
	switch string(local) {
	case "sheetData":
		sc.inData = false
	case "c":
		sc.inCell = false
		if sc.hasValue || sc.result || sc.formula {
			if sc.beyond {
				return fmt.Errorf("%w（工作表“%s”用到了第%d行，超过 %d 行；请删除表格下方不用的行后另存）", ErrTooLarge, sc.sheet, sc.row, maxRowNumber)
			}
			sc.shape.lastValueRow = sc.row
		}
		if sc.formula && !sc.result {
			if sc.shape.unsaved == nil {
				sc.shape.unsaved = map[[2]int]bool{}
			}
			if len(sc.shape.unsaved) >= maxLongNumbers {
				return fmt.Errorf("%w（工作表“%s”有超过 %d 个没有保存计算结果的公式）", ErrTooLarge, sc.sheet, maxLongNumbers)
			}
			sc.shape.unsaved[[2]int{sc.col, sc.row}] = true
		}
		if p := sc.placeholderResult(); p != 0 {
			if sc.shape.placeholders == nil {
				sc.shape.placeholders = map[[2]int]placeholder{}
			}
			if len(sc.shape.placeholders) >= maxLongNumbers {
				return fmt.Errorf("%w（工作表“%s”有超过 %d 个结果为空白或 0 的公式）", ErrTooLarge, sc.sheet, maxLongNumbers)
			}
			sc.shape.placeholders[[2]int{sc.col, sc.row}] = p
		}
		if sc.isShared && sc.hasValue {
			// excelize reads an index it cannot find as an empty cell, or
			// as the first string ("abc" is 0): never what the cell held.
			i, err := strconv.Atoi(strings.TrimSpace(string(sc.value)))
			switch {
			case err != nil || i < 0:
				return sc.badCell(fmt.Sprintf("的文字编号“%s”不正确", quoteShort(string(sc.value))))
			case i >= len(sc.shared):
				return sc.badCell(fmt.Sprintf("引用了文字表的第%d项，而文字表只有 %d 项", i+1, len(sc.shared)))
			}
			sc.text += uint64(sc.shared[i])
			if sc.text > maxStreamBytes {
				return fmt.Errorf("%w（工作表“%s”读到第%d行时，单元格里的文字已超过 %d MB）", ErrTooLarge, sc.sheet, sc.row, maxStreamBytes>>20)
			}
		}
		// A logical cell's type is asked of excelize (boolCell); what the
		// scan checks is its stored value, which excelize shows as it is
		// when it is not 0 or 1 (a "是" it would import as text).
		if sc.isBool && sc.hasValue {
			if v := strings.TrimSpace(string(sc.value)); v != "0" && v != "1" {
				return sc.badCell(fmt.Sprintf("是“是/否”单元格，却存着“%s”", quoteShort(string(sc.value))))
			}
		}
		if sc.format != nil {
			if err := sc.byFormat(); err != nil {
				return err
			}
		}
		if sc.format != nil && sc.format.struck && (sc.hasValue || sc.result) {
			if sc.shape.struck == nil {
				sc.shape.struck = map[[2]int]bool{}
			}
			if len(sc.shape.struck) >= maxLongNumbers {
				return fmt.Errorf("%w（工作表“%s”有超过 %d 个划了删除线的单元格）", ErrTooLarge, sc.sheet, maxLongNumbers)
			}
			sc.shape.struck[[2]int{sc.col, sc.row}] = true
		}
		if sc.number && longWholeNumber(string(sc.value)) {
			if sc.shape.longNumbers == nil {
				sc.shape.longNumbers = map[[2]int]bool{}
			}
			if len(sc.shape.longNumbers) >= maxLongNumbers {
				return fmt.Errorf("%w（工作表“%s”有超过 %d 个长数字单元格）", ErrTooLarge, sc.sheet, maxLongNumbers)
			}
			sc.shape.longNumbers[[2]int{sc.col, sc.row}] = true
		}
	case "v":
		sc.inValue = false
	case "row":
		if sc.inRow && !sc.beyond {
			sc.shape.cells += sc.rowCells
		}
		sc.inRow = false
	}
	return nil
}

// placeholder is a formula's saved result that may stand for a result not
// worked out (placeholderResult), or 0 if it is none.
type placeholder byte

const (
	// placeholderEmpty is empty text, or 0: what XlsxWriter, openpyxl and
	// other writers save for every formula, none of them working it out.
	// From Excel, WPS or LibreOffice it is the formula's result
	// (=IF(A2="","",…) shows nothing).
	placeholderEmpty placeholder = iota + 1
	// placeholderTextZero is the text 0 (t="str"): what PHPExcel and
	// PhpSpreadsheet save for a formula they could not work out, in a
	// workbook they say Excel saved. A formula whose result is the text 0
	// has no place in a roster.
	placeholderTextZero
)

// placeholderResult is what the cell's saved result may stand for: a
// formula's result that is empty text, 0 or the text 0.
func (sc *sheetScan) placeholderResult() placeholder {
	if !sc.formula || !sc.result {
		return 0
	}
	switch v := strings.TrimSpace(string(sc.value)); {
	case v == "0" && sc.str:
		return placeholderTextZero
	case v == "" && (sc.str || sc.number), v == "0" && sc.number:
		return placeholderEmpty
	}
	return 0
}

// byFormat notes a cell whose number format shows its value otherwise than
// excelize shows it (sections.go): as nothing, or through a section of a
// conditional format other than the first.
func (sc *sheetScan) byFormat() error {
	cf, at := sc.format, [2]int{sc.col, sc.row}
	hidden := false
	switch {
	case sc.number && sc.hasValue:
		v, err := strconv.ParseFloat(strings.TrimSpace(string(sc.value)), 64)
		i := cf.numberSection(v)
		if err != nil || i < 0 {
			return nil
		}
		if showsNothing(cf.sections[i]) {
			hidden = true
			break
		}
		if cf.conditional && i != 0 {
			if sc.shape.sections == nil {
				sc.shape.sections = map[[2]int]shownSection{}
			}
			if len(sc.shape.sections) >= maxLongNumbers {
				return fmt.Errorf("%w（工作表“%s”有超过 %d 个按条件显示的数字单元格）", ErrTooLarge, sc.sheet, maxLongNumbers)
			}
			sc.shape.sections[at] = shownSection{value: v, p: sectionPrecision(cf.sections[i]), code: cf.sectionCode(i)}
		}
	case sc.isText && cf.hidesText():
		// A shared string's text is known by its length (the index was
		// checked above); other text is asked for when read.
		hidden = !sc.isShared
		if i, err := strconv.Atoi(strings.TrimSpace(string(sc.value))); sc.isShared && err == nil && i >= 0 && i < len(sc.shared) {
			hidden = sc.shared[i] > 0
		}
	}
	if hidden {
		if sc.shape.formatHidden == nil {
			sc.shape.formatHidden = map[[2]int]bool{}
		}
		if len(sc.shape.formatHidden) >= maxLongNumbers {
			return fmt.Errorf("%w（工作表“%s”有超过 %d 个被数字格式隐藏了内容的单元格）", ErrTooLarge, sc.sheet, maxLongNumbers)
		}
		sc.shape.formatHidden[at] = true
	}
	return nil
}

// longWholeNumber reports a number cell's value that is a whole number of
// at least idDigitsInNumber digits: 620102199002071000, 6.20102199002071E+17.
func longWholeNumber(v string) bool {
	v = strings.TrimSpace(v)
	if digits, ok := expandScientific(v); ok {
		return len(digits) >= idDigitsInNumber
	}
	v = strings.TrimSuffix(v, ".0")
	return len(v) >= idDigitsInNumber && model.IsDigits(v)
}

func top(stack []string) string {
	if len(stack) == 0 {
		return ""
	}
	return stack[len(stack)-1]
}

// damaged is the error for a sheet that cannot be read on: the file is
// refused, saying in which row reading stopped.
func (sc *sheetScan) damaged(err error) error {
	return fmt.Errorf("%w（工作表“%s”读到%s时出错：%s）", ErrDamaged, sc.sheet, sc.where(), xmlProblem(err))
}

// where says where in the sheet the scan is: 第5行, 第5行之后, 表格开头.
func (sc *sheetScan) where() string {
	switch {
	case sc.inRow:
		return fmt.Sprintf("第%d行", sc.row)
	case sc.row == 0:
		return "表格开头"
	}
	return fmt.Sprintf("第%d行之后", sc.row)
}

// badCell is the error for a cell whose stored value cannot be what the
// sheet shows: the file is refused, naming the cell.
func (sc *sheetScan) badCell(what string) error {
	ref, _ := excelize.CoordinatesToCellName(sc.col, sc.row)
	return fmt.Errorf("%w（工作表“%s”的单元格 %s %s）", ErrDamaged, sc.sheet, ref, what)
}

// quoteShort is a stored value cut for a message.
func quoteShort(v string) string {
	v = strings.TrimSpace(v)
	if len(v) > 20 {
		v = v[:20] + "…"
	}
	return v
}

func (sc *sheetScan) irregular(what string) error {
	return fmt.Errorf("%w（工作表“%s”：%s）", ErrIrregular, sc.sheet, what)
}

// utf16Start reports the first bytes of an XML part written in UTF-16:
// a byte-order mark, or "<" beside a zero byte.
func utf16Start(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) ||
		bytes.HasPrefix(b, []byte{'<', 0}) || bytes.HasPrefix(b, []byte{0, '<'})
}

// xmlProblem says in Chinese what an XML error means for the user, keeping
// the technical text for whoever they send it to.
func xmlProblem(err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum):
		return "压缩内容与文件目录记录的大小或校验值不符，文件不完整或已被改动"
	case errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(msg, "unexpected EOF"):
		return "内容在此处中断，文件不完整"
	case strings.Contains(msg, "invalid UTF-8"):
		return "含有无法识别的字符（不是有效的 UTF-8）"
	case strings.Contains(msg, "entity"):
		return "含有无法识别的符号（如未转义的 & 或 &nbsp; 之类的实体）"
	case strings.Contains(msg, "charset") || strings.Contains(msg, "encoding"):
		return "使用了无法识别的字符编码"
	}
	return "格式不正确（" + msg + "）"
}

// attr returns the value of the attribute with the given local name.
func attr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

// parseRef reads a cell reference such as "AB12" (1-based column and row).
func parseRef(ref string) (col, row int, ok bool) {
	ref = strings.TrimSpace(ref)
	i := 0
	for i < len(ref) && i < 4 {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
		i++
	}
	if i == 0 || col > maxColumn || i == len(ref) || len(ref)-i > 7 {
		return 0, 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
	}
	return col, row, row > 0
}

// parseRange reads a merged range such as "B3:B5"; one cell alone is a
// range of one.
func parseRange(ref string) (mergeRange, bool) {
	from, to, found := strings.Cut(ref, ":")
	if !found {
		to = from
	}
	c1, r1, ok1 := parseRef(from)
	c2, r2, ok2 := parseRef(to)
	if !ok1 || !ok2 {
		return mergeRange{}, false
	}
	return mergeRange{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
}

// sharedStringBytes is what excelize holds per shared string once it has
// decoded the table, whatever the string's length (measured on v2.11).
const sharedStringBytes = 170

// checkSharedStrings bounds the shared-string table before excelize
// decodes it whole: a table of millions of empty strings takes far more
// memory decoded than on disk, and one long string referred to by many
// cells is copied for each (measureSharedStrings). Reading the part to its
// end also checks it against its checksum. What each string costs is kept
// for the sheets' scans (sheetScan.shared).
func (p *pkgReader) checkSharedStrings(zf *zip.File) error {
	if zf == nil {
		return nil
	}
	rc, err := p.open(zf)
	if err != nil {
		return err
	}
	defer rc.Close()
	p.shared, p.struckShared, err = measureSharedStrings(rc, zf.Name)
	return err
}

// maxStyleRecords bounds the formats, fonts, fills and borders of the styles
// part. Excel itself allows 64,000 cell formats; excelize decodes each into
// a struct of several hundred bytes, so a 7.5 MB part of 1,500,000 empty
// <xf/> took an import to 650 MB (review s3-7 attack #8).
const maxStyleRecords = 200_000

// checkStyles counts the records of the styles part before excelize decodes
// it, and refuses a part that holds more than maxStyleRecords.
func (p *pkgReader) checkStyles(zf *zip.File) error {
	if zf == nil {
		return nil
	}
	rc, err := p.open(zf)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	n := 0
	// The custom number formats by id, and the number format of each cell
	// format (cellXfs, by index): cellFormats below.
	codes := map[int]string{}
	var xfs []int
	// Whether each font is struck through, and each cell format's font.
	var fonts []bool
	var xfFonts []int
	var inNumFmts, inFonts, inCellXfs, inDxfs bool
	dxf := -1 // index of the differential format being read (conditional formatting's)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			p.formats = withStruck(cellFormats(codes, xfs), fonts, xfFonts)
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w（工作簿的格式表：%w）", ErrDamaged, err)
		}
		switch se := tok.(type) {
		case xml.StartElement:
			switch se.Name.Local {
			case "xf", "numFmt", "font", "fill", "border", "dxf", "cellStyle":
				if n++; n > maxStyleRecords {
					return fmt.Errorf("%w（工作簿的格式表有 %d 条以上的格式，超过 %d 条；请在 Excel 或 WPS 中清除多余的格式后另存）", ErrTooLarge, maxStyleRecords, maxStyleRecords)
				}
			}
			switch se.Name.Local {
			case "numFmts":
				inNumFmts = true
			case "fonts":
				inFonts = true
			case "cellXfs":
				inCellXfs = true
			case "dxfs":
				inDxfs = true
			case "dxf":
				if inDxfs {
					dxf++
				}
			case "numFmt":
				id, err := strconv.Atoi(strings.TrimSpace(attrOf(se, "numFmtId")))
				if inNumFmts && err == nil {
					codes[id] = attrOf(se, "formatCode")
				}
				if inDxfs && dxf >= 0 {
					if p.dxfs == nil {
						p.dxfs = map[int]*cellFormat{}
					}
					p.dxfs[dxf] = newCellFormat(attrOf(se, "formatCode"))
				}
			case "font":
				if inFonts {
					fonts = append(fonts, false)
				}
			case "strike":
				// <strike/> or <strike val="1"/> in a cell's font; a
				// run's (<rPr>) is rich text, and a dxf's conditional.
				if v := attrOf(se, "val"); inFonts && len(fonts) > 0 && v != "0" && v != "false" {
					fonts[len(fonts)-1] = true
				}
			case "xf":
				if inCellXfs {
					id, err := strconv.Atoi(strings.TrimSpace(attrOf(se, "numFmtId")))
					if err != nil {
						id = -1
					}
					xfs = append(xfs, id)
					font, err := strconv.Atoi(strings.TrimSpace(attrOf(se, "fontId")))
					if err != nil {
						font = -1
					}
					xfFonts = append(xfFonts, font)
				}
			}
		case xml.EndElement:
			switch se.Name.Local {
			case "numFmts":
				inNumFmts = false
			case "fonts":
				inFonts = false
			case "cellXfs":
				inCellXfs = false
			case "dxfs":
				inDxfs = false
			}
		}
	}
}

// withStruck adds to formats the cell formats whose font is struck
// through (cellFormat.struck), by index: the scan notes each cell of one
// that holds a value (sheetShape.struck). A format there for its number
// format is copied, as one number format serves several cell formats.
func withStruck(formats map[int]*cellFormat, fonts []bool, xfFonts []int) map[int]*cellFormat {
	for i, font := range xfFonts {
		if font < 0 || font >= len(fonts) || !fonts[font] {
			continue
		}
		cf := &cellFormat{}
		if had := formats[i]; had != nil {
			*cf = *had
		}
		cf.struck = true
		if formats == nil {
			formats = map[int]*cellFormat{}
		}
		formats[i] = cf
	}
	return formats
}

func attrOf(t xml.StartElement, local string) string {
	v, _ := attr(t, local)
	return v
}

// cellFormats are the cell formats (by index, as cells name them in s="…")
// whose number format shows a value otherwise than excelize shows it
// (parseCellFormat).
func cellFormats(codes map[int]string, xfs []int) map[int]*cellFormat {
	parsed := map[int]*cellFormat{}
	var out map[int]*cellFormat
	for i, id := range xfs {
		code, ok := codes[id]
		if !ok {
			continue
		}
		cf, seen := parsed[id]
		if !seen {
			var special bool
			if cf, special = parseCellFormat(code); !special {
				cf = nil
			}
			parsed[id] = cf
		}
		if cf != nil {
			if out == nil {
				out = map[int]*cellFormat{}
			}
			out[i] = cf
		}
	}
	return out
}
