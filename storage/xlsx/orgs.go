package xlsx

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"branchledger/model"
)

// OrgFile is an organisation list (单位名录) read from a workbook: the rows
// below its heading row, each with what could not be read.
type OrgFile struct {
	Path  string
	Sheet string
	Rows  []model.OrgRow
}

// ErrNoOrgHeader: no sheet has the headings of an organisation list.
var ErrNoOrgHeader = errors.New("没有找到单位名录的表头：需要至少包含“单位名称”和“党组织覆盖”两列")

// orgHeadingRows is how far down the heading row may be (a title and a
// line of notes above it are common).
const orgHeadingRows = 10

// ReadOrgsFile reads an organisation list: the first sheet with a heading
// row naming at least 单位名称 and the coverage (党组织覆盖) among the
// headings of model.OrgFields or their aliases. Rows with no name and no
// other value are skipped; a row of totals (合计) ends the list. The file is
// opened with the same limits as a roster, since it comes from a USB drive.
func ReadOrgsFile(path string) (*OrgFile, error) {
	of, err := readOrgsFile(path)
	if err != nil {
		return nil, asOrgFileError(err)
	}
	return of, nil
}

func readOrgsFile(path string) (*OrgFile, error) {
	data, err := readFileLimited(path)
	if err != nil {
		return nil, err
	}
	bk, err := openWorkbook(data)
	if err != nil {
		return nil, fmt.Errorf("%w：%s", err, path)
	}
	defer bk.Close()
	var missing []string // sheets the workbook lists whose part is not in the file
	var seen []orgHeadingSeen
	for _, s := range bk.sheets {
		if s.part == nil {
			if s.missing {
				missing = append(missing, s.name)
			}
			continue // a chart sheet: no cells
		}
		// A damaged sheet would read as one that ends early: checked first.
		shape, err := bk.scanSheet(s)
		if err != nil {
			return nil, fmt.Errorf("%w：%s", err, path)
		}
		sheet := s.name
		rows, err := bk.f.GetRows(sheet)
		if err != nil {
			return nil, fmt.Errorf("%w：%s（工作表“%s”：%w）", ErrDamaged, path, sheet, err)
		}
		if len(rows) > MaxDataRows {
			return nil, fmt.Errorf("%w（超过 %d 行）：%s", ErrTooLarge, MaxDataRows, path)
		}
		head, cols := findOrgHeader(rows, bk.newSheetReader(s, shape))
		if head < 0 {
			if h, ok := likelyHeadingRow(sheet, rows); ok {
				seen = append(seen, h)
			}
			continue
		}
		of := &OrgFile{Path: path, Sheet: sheet}
		for i := head + 1; i < len(rows); i++ {
			cells := rows[i]
			if orgRowEmpty(cells) {
				continue
			}
			if first := strings.TrimSpace(cell(cells, 0)); strings.HasPrefix(first, "合计") || strings.HasPrefix(first, "总计") {
				break
			}
			r := model.OrgRow{Row: i + 1}
			for f, c := range cols {
				if e := r.Org.SetText(f, cell(cells, c)); e != nil {
					r.Problems = append(r.Problems, *e)
				}
			}
			of.Rows = append(of.Rows, r)
		}
		return of, nil
	}
	if len(missing) > 0 {
		// The workbook names a sheet the file does not hold: damaged, not
		// mis-headed (review s4-11 attack #6).
		return nil, fmt.Errorf("%w：%s（工作表“%s”不在文件中）", ErrDamaged, path, strings.Join(missing, "”“"))
	}
	return nil, fmt.Errorf("%w：%s%s", ErrNoOrgHeader, path, seenHeadings(seen))
}

// orgHeadingSeen is the row of a sheet that looks most like its heading row
// when no organisation list heading was found: what the message lists.
type orgHeadingSeen struct {
	sheet    string
	row      int // 1-based
	headings []string
}

// likelyHeadingRow is the row among the first orgHeadingRows with a
// heading of the organisation list, or else with the most filled cells.
func likelyHeadingRow(sheet string, rows [][]string) (orgHeadingSeen, bool) {
	best, bestScore := -1, 0
	for i := 0; i < len(rows) && i < orgHeadingRows; i++ {
		filled, known := 0, 0
		for _, c := range rows[i] {
			if strings.TrimSpace(c) == "" {
				continue
			}
			filled++
			if _, ok := matchOrgHeading(c); ok {
				known++
			}
		}
		if score := known*1000 + filled; filled >= 2 && score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return orgHeadingSeen{}, false
	}
	var hs []string
	for _, c := range rows[best] {
		if c = model.CleanLine(c); c != "" {
			if r := []rune(c); len(r) > 20 {
				c = string(r[:20]) + "…"
			}
			hs = append(hs, c)
		}
	}
	return orgHeadingSeen{sheet: sheet, row: best + 1, headings: hs}, true
}

// seenHeadings says, after ErrNoOrgHeader, what the file's heading row did
// hold and which names each required column may have, so that the user
// knows which heading to rename (review s4-11 newuser #3).
func seenHeadings(seen []orgHeadingSeen) string {
	required := []model.Field{model.OrgFieldName, model.OrgFieldCoverage}
	var b strings.Builder
	lacking := required
	if len(seen) > 0 {
		h := seen[0]
		hs := h.headings
		if len(hs) > 15 {
			hs = append(slices.Clone(hs[:15]), "…")
		}
		fmt.Fprintf(&b, "。工作表“%s”第%d行是：%s", h.sheet, h.row, strings.Join(hs, "、"))
		lacking = slices.DeleteFunc(slices.Clone(required), func(f model.Field) bool {
			return slices.ContainsFunc(h.headings, func(c string) bool { g, ok := matchOrgHeading(c); return ok && g == f })
		})
	}
	for _, f := range lacking {
		fi, _ := model.OrgField(f)
		fmt.Fprintf(&b, "；没有“%s”列（表头也可写作：%s）", fi.Label, strings.Join(fi.Aliases, "、"))
	}
	return b.String()
}

// asOrgFileError says an error of reading an organisation list with the
// list's words where the shared workbook reader speaks of a roster ("不像是
// 党员花名册"), wrapping the same kind (review s4-11 attack #6).
func asOrgFileError(err error) error { return sayOfFile(err, "一份单位名录", "单位名录") }

// orgVocab reads the header of an organisation list: at least 单位名称
// and the coverage, in one row or in two (a county 统计表 groups 组建情况 /
// 未建原因 / 工作覆盖方式 under a merged "党组织覆盖情况", the other
// headings merged down over both rows: review s5-11 newuser #2).
var orgVocab = headingVocab{
	match:     matchOrgPath,
	asWritten: func(string) bool { return true }, // of two columns naming one field, the first
	required:  []model.Field{model.OrgFieldName, model.OrgFieldCoverage},
}

// matchOrgPath finds the field a column's headings name: the lowest
// heading, or it after its group's ("党员" over "数").
func matchOrgPath(path []string) (model.Field, bool) {
	leaf := path[len(path)-1]
	if f, ok := matchOrgHeading(leaf); ok {
		return f, true
	}
	if len(path) < 2 {
		return "", false
	}
	return matchOrgHeading(path[len(path)-2] + leaf)
}

// findOrgHeader finds the header, read as the roster's is (findHeaderIn:
// merged and grouped headings over up to three rows), and returns the
// index of its last row and the column of each field it names; -1 when
// there is none.
func findOrgHeader(rows [][]string, sr *sheetReader) (int, map[model.Field]int) {
	top := make([]streamRow, 0, headerSearchRows)
	for i := 0; i < len(rows) && i < headerSearchRows; i++ {
		top = append(top, streamRow{n: i + 1, cells: rows[i]})
	}
	h, ok := findHeaderIn(headingGridOf(top, sr), orgVocab)
	if !ok {
		return -1, nil
	}
	cols := make(map[model.Field]int, len(h.cols))
	for _, c := range h.cols {
		cols[c.field] = c.index
	}
	return h.first + h.rows - 2, cols
}

func matchOrgHeading(s string) (model.Field, bool) {
	k := headingKey(s, true)
	if k == "" {
		return "", false
	}
	for _, fi := range model.OrgFields {
		if headingKey(fi.Label, true) == k {
			return fi.Field, true
		}
		for _, a := range fi.Aliases {
			if headingKey(a, true) == k {
				return fi.Field, true
			}
		}
	}
	return "", false
}

func orgRowEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
