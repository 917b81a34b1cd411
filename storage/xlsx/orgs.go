package xlsx

import (
	"errors"
	"fmt"
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
	data, err := readFileLimited(path)
	if err != nil {
		return nil, err
	}
	bk, err := openWorkbook(data)
	if err != nil {
		return nil, fmt.Errorf("%w：%s", err, path)
	}
	defer bk.Close()
	for _, s := range bk.sheets {
		if s.part == nil {
			continue // a chart sheet: no cells
		}
		// A damaged sheet would read as one that ends early: checked first.
		if _, err := bk.scanSheet(s); err != nil {
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
		head, cols := findOrgHeader(rows)
		if head < 0 {
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
	return nil, fmt.Errorf("%w：%s", ErrNoOrgHeader, path)
}

// findOrgHeader finds the heading row and the column of each field it names.
func findOrgHeader(rows [][]string) (int, map[model.Field]int) {
	for i := 0; i < len(rows) && i < orgHeadingRows; i++ {
		cols := map[model.Field]int{}
		for c, text := range rows[i] {
			if f, ok := matchOrgHeading(text); ok {
				if _, dup := cols[f]; !dup {
					cols[f] = c
				}
			}
		}
		_, name := cols[model.OrgFieldName]
		_, cov := cols[model.OrgFieldCoverage]
		if name && cov {
			return i, cols
		}
	}
	return -1, nil
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
