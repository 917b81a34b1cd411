package xlsx

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"branchledger/model"
)

// A member's record may take more than one row of a sheet: a long 工作岗位
// or 备注 carried on in the row below, the member's other cells left empty
// or merged down over both rows. The user sees one person; the importer
// reads one. A row is the continuation of the record above it when it has
// no 姓名, 公民身份号码 and 序号 of its own (each empty, or merged down from
// the record's rows), follows the record directly (or is covered by its
// merge), and holds text of its own only in fields that run on
// (continuedFields). Its text is joined to the record's, and the preview
// says so (record.notes). A row sharing the record's merged 姓名 or
// 公民身份号码 that holds anything else of its own is refused naming both
// rows: it cannot be told whether it is the same person.

// continuedFields are the fields whose text may run on into the row below.
var continuedFields = map[model.Field]bool{
	model.FieldPost: true, model.FieldAddress: true, model.FieldNotes: true, model.FieldMobileDestination: true,
}

// record is one member's rows of a sheet.
type record struct {
	n     int      // the row it starts on, as Excel numbers it
	cells []string // its cells, cleaned (model.CleanText), a merged value in each row it covers, continued text joined
	more  []int    // the rows that continue it
	// joined are the fields whose text continued, in column order.
	joined []model.Field
	// sharedWith is, for a row that is not a continuation but shares the
	// 姓名 or 公民身份号码 merged down from the record above, that record's
	// first row; 0 otherwise.
	sharedWith int
	// sharedFields are the fields such a row holds of its own.
	sharedFields []model.Field
	// strays are the values its rows hold in columns without a heading.
	strays []stray
}

// stray is a value in a column without a heading: shown on the sheet,
// read into no field.
type stray struct {
	col   int // 0-based
	value string
}

// strays are the values of row n in columns without a heading that the
// sheet shows (not hidden under a merge across columns).
func (h header) strays(sr *sheetReader, hidden *hiddenSweep, n int, row []string) []stray {
	var out []stray
	for c := range min(len(row), maxColumns) {
		if c < len(h.headed) && h.headed[c] {
			continue
		}
		v := row[c]
		if v == "" {
			continue
		}
		if v = model.CleanText(strings.TrimSpace(v)); v == "" {
			continue
		}
		if c < h.width && hidden.covered(c+1, n) || c >= h.width && sr.coveredAcross(c+1, n) {
			continue
		}
		out = append(out, stray{col: c, value: v})
	}
	return out
}

// coveredAcross reports whether the cell at (col, row) lies under a merge
// spanning columns, not in its first column.
func (sr *sheetReader) coveredAcross(col, row int) bool {
	for _, m := range sr.merges {
		if col > m.c1 && col <= m.c2 && row >= m.r1 && row <= m.r2 {
			return true
		}
	}
	return false
}

// eachRecord calls fn for the records of a sheet's data rows, in order.
// Blank rows, footer lines and the header repeated on a later page are no
// record.
func eachRecord(h header, sr *sheetReader, rows []streamRow, fn func(*record) error) error {
	first := h.first + h.rows
	var cur *record
	last := 0 // the last row of cur
	hidden := sr.newHiddenSweep(h.width)
	for _, row := range rows {
		n := row.n
		if n < first {
			continue
		}
		// A row naming a branch across the table heads the rows below it
		// (importer.sections), a note or row saying who left or who is
		// here speaks of others (leaverNote): no member, and no text of
		// the one above.
		_, section := h.sectionRow(sr, n, row.cells)
		if section || h.nameRows[n] || h.leaverNote(sr, n, row.cells).kind != noteNone {
			if cur != nil {
				if err := fn(cur); err != nil {
					return err
				}
			}
			cur = nil
			continue
		}
		cells := make([]string, h.width)
		for c := 1; c <= h.width; c++ {
			if hidden.covered(c, n) {
				continue
			}
			sc, srow := sr.below(c, n)
			if srow < first {
				continue // a heading merged down into the first row: no value
			}
			src := row.cells
			if srow != n {
				src, _ = rowAt(rows, srow)
			}
			cells[c-1] = model.CleanText(cell(src, sc-1))
		}
		// The 栏次 row under a heading repeated on each printed page is
		// the heading's too: read as a member named 1, it refused the
		// whole roster (review s13-reattack #12); so is one at the foot of
		// the table (s13-hx #6), said by importer.readRows.
		if !h.filled(sr, n, cells) || footerLine(cells) || h.repeatedHeader(cells) || columnNumbersRow(row.cells) || h.spareRow(sr, n, cells) {
			continue
		}
		strays := h.strays(sr, hidden, n, row.cells)
		if cur != nil {
			switch own, shared := h.continues(sr, cur, last, n, cells); {
			case own != nil:
				cur.join(h, n, cells, own)
				cur.strays = append(cur.strays, strays...)
				last = n
				continue
			case shared != nil:
				if err := fn(cur); err != nil {
					return err
				}
				cur = &record{n: n, cells: cells, sharedWith: cur.n, sharedFields: shared, strays: strays}
				last = n
				continue
			}
		}
		if longRemark(cells) {
			continue
		}
		if cur != nil {
			if err := fn(cur); err != nil {
				return err
			}
		}
		cur, last = &record{n: n, cells: cells, strays: strays}, n
	}
	if cur != nil {
		return fn(cur)
	}
	return nil
}

// filled reports a row with a value in one of the header's columns, or a
// formula there without a saved result.
func (h header) filled(sr *sheetReader, n int, cells []string) bool {
	for _, c := range h.cols {
		if cell(cells, c.index) != "" || sr.unsavedFormula(sr.below(c.index+1, n)) {
			return true
		}
	}
	return false
}

// spareRow reports a template's spare numbered row under a merge: no 姓名
// or 公民身份号码, nothing of its own in the header's columns but the
// values merged down from a row above (a 所在党支部 merged over the whole
// block of printed 序号 1…N). Read, each made a "member" to be refused
// for every field and blocked the import (review s8-7 newuser #12); a
// row of its 序号 alone is passed over already (filled).
func (h header) spareRow(sr *sheetReader, n int, cells []string) bool {
	for _, f := range []model.Field{model.FieldName, model.FieldIDNumber} {
		if c, ok := h.column(f); ok && cell(cells, c) != "" {
			return false
		}
	}
	for _, c := range h.cols {
		sc, srow := sr.below(c.index+1, n)
		if srow == n && (cell(cells, c.index) != "" || sr.unsavedFormula(sc, srow)) {
			return false
		}
	}
	return true
}

// continues decides whether row n continues the record cur, whose last
// row is last. It gives the columns (0-based) holding the row's own text,
// joined to the record's, when it does (an empty, non-nil list when the
// row holds nothing of its own but merged values); or, for a row that
// shares the record's merged 姓名 or 公民身份号码 and holds other cells of
// its own, those cells' fields; or neither: a record of its own.
func (h header) continues(sr *sheetReader, cur *record, last, n int, cells []string) (own []int, shared []model.Field) {
	// 姓名, 公民身份号码 and 序号: none of the row's own; merged ones from
	// the record's rows.
	merged := false
	idCols := [3]int{h.serial}
	for i, f := range []model.Field{model.FieldName, model.FieldIDNumber} {
		if c, ok := h.column(f); ok {
			idCols[i+1] = c + 1
		}
	}
	for _, c := range idCols {
		if c == 0 {
			continue
		}
		_, srow := sr.below(c, n)
		switch {
		case srow < n && srow >= cur.n:
			merged = merged || cell(cells, c-1) != ""
		case srow < n:
			return nil, nil // merged from above the record
		case cell(cells, c-1) != "" || sr.unsavedFormula(c, n):
			return nil, nil
		}
	}
	if !merged && n != last+1 {
		return nil, nil
	}
	own = []int{}
	for _, c := range h.cols {
		_, srow := sr.below(c.index+1, n)
		if srow < n || (cell(cells, c.index) == "" && !sr.unsavedFormula(c.index+1, n)) {
			continue
		}
		if !continuedFields[c.field] || c.tick != "" || sr.unsavedFormula(c.index+1, n) {
			shared = append(shared, c.field)
			continue
		}
		own = append(own, c.index)
	}
	switch {
	case len(shared) > 0 && merged:
		return nil, shared
	case len(shared) > 0:
		return nil, nil // a row of its own, refused for what it lacks
	}
	return own, nil
}

// join adds row n's own text in the columns own to the record.
func (rec *record) join(h header, n int, cells []string, own []int) {
	rec.more = append(rec.more, n)
	for _, c := range own {
		rec.cells[c] = joinText(rec.cells[c], cells[c], fieldAt(h, c) == model.FieldNotes)
		f := fieldAt(h, c)
		found := false
		for _, g := range rec.joined {
			found = found || g == f
		}
		if !found {
			rec.joined = append(rec.joined, f)
		}
	}
}

// fieldAt is the field of the column (0-based).
func fieldAt(h header, c int) model.Field {
	for _, col := range h.cols {
		if col.index == c {
			return col.field
		}
	}
	return ""
}

// joinText puts the text continued from the row below after the record's:
// a word wrapped onto the next line runs on as it is ("某某科技" +
// "有限公司"), with a space only between two Latin letters or digits;
// remarks (separate), each in its row, are kept apart by "；" unless the
// first already ends a clause.
func joinText(above, below string, remarks bool) string {
	switch {
	case above == "":
		return below
	case below == "":
		return above
	}
	last, _ := utf8.DecodeLastRuneInString(above)
	next, _ := utf8.DecodeRuneInString(below)
	switch {
	case remarks && !strings.ContainsRune("，。；：、,.;:！？!?", last):
		return above + "；" + below
	case latin(last) && latin(next):
		return above + " " + below
	}
	return above + below
}

func latin(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// notes tell the preview how the record's rows were read.
func (rec *record) notes(sheet string, who any, m *model.Member) []model.ImportNote {
	if len(rec.more) == 0 {
		return nil
	}
	rows := make(model.TextList, len(rec.more))
	for i, n := range rec.more {
		rows[i] = model.Textf("第%d行", n)
	}
	var parts model.Texts
	for _, f := range rec.joined {
		parts = append(parts, model.Textf("%s为%s", model.Term(f.Label()), quote(m.Text(f))))
	}
	if len(parts) > 0 {
		return []model.ImportNote{model.Note(sheet, rec.n, "", "%s的记录占%d行：%s没有自己的姓名和公民身份号码，作为续行读入：%s", who, len(rec.more)+1, rows, parts)}
	}
	return []model.ImportNote{model.Note(sheet, rec.n, "", "%s的记录占%d行：%s没有自己的姓名和公民身份号码，作为续行读入", who, len(rec.more)+1, rows)}
}

// hiddenSweep tells, row by row from the top, which cells a merge covers
// to the right of its first column. The sheet shows the merge's value
// across them; what such a cell may still hold in the file (Excel keeps
// it, other tools write it) is shown nowhere, so it is read as empty —
// never as the field of its column. Rows are asked in increasing order.
type hiddenSweep struct {
	ms    []mergeRange // merges across columns, by first row
	next  int
	cover []int // by column: the last row a merge met so far covers there
}

func (sr *sheetReader) newHiddenSweep(width int) *hiddenSweep {
	s := &hiddenSweep{cover: make([]int, width+1)}
	for _, m := range sr.merges {
		if m.c2 > m.c1 && m.c1 < width {
			s.ms = append(s.ms, m)
		}
	}
	slices.SortFunc(s.ms, func(a, b mergeRange) int { return a.r1 - b.r1 })
	return s
}

// covered reports whether the cell at (col, row) lies under a merge, not
// in its first column.
func (s *hiddenSweep) covered(col, row int) bool {
	for ; s.next < len(s.ms) && s.ms[s.next].r1 <= row; s.next++ {
		m := s.ms[s.next]
		for c := m.c1 + 1; c <= min(m.c2, len(s.cover)-1); c++ {
			s.cover[c] = max(s.cover[c], m.r2)
		}
	}
	return col < len(s.cover) && s.cover[col] >= row
}
