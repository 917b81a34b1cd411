package xlsx

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// BaseFile is a workbook of dues bases, read and checked: one row per
// member with name, ID number and base, and optionally the category and the
// opening position (党费已交至). Nothing has been written anywhere.
type BaseFile struct {
	// Sheet and HeaderRow are the first sheet read; Sheets every sheet
	// read, in the workbook's order (one per branch, say).
	Sheet     string
	HeaderRow int
	Sheets    []string
	Rows      []BaseRow
	Rejected  []model.Rejection
	// Ignored are the headings of the columns not imported, as the roster
	// import names them.
	Ignored []string
	// Notes tell of what was read other than the sheet shows it: a
	// 党费已交至 whose number format hides it is read as blank.
	Notes []model.ImportNote
}

// BaseRow is a row that passed every check.
type BaseRow struct {
	Sheet    string
	Row      int
	Name     string
	IDNumber string
	Category model.DuesCategory // "" when the file has no category column
	Base     model.Money
	PaidTo   model.Month // 党费已交至; 0 when the file has none for the row
	// Monthly is the row's 月交党费 when the sheet has such a column and
	// the cell is filled (HasMonthly), compared with what the base gives
	// once the member's category is known.
	Monthly    model.Money
	HasMonthly bool
	// Cells are the row's cells as the sheet shows them, by field, for a
	// refusal that quotes them ("0", not the "0.00" read from it).
	Cells map[model.Field]string
}

// maxHeaderRows is how many rows a bases sheet's heading may take: 姓名
// merged down beside a group heading over sub-headings, and perhaps a
// group over that.
const maxHeaderRows = 3

// baseHeadings are how the columns are headed in the workbooks branches keep.
var baseHeadings = []struct {
	field model.Field
	match func(s string) bool
}{
	{model.FieldName, func(s string) bool { return s == "姓名" }},
	{model.FieldIDNumber, func(s string) bool { return strings.Contains(s, "身份") }},
	{model.FieldDuesBase, func(s string) bool { return strings.Contains(s, "基数") || s == "月收入" }},
	{model.FieldDuesCategory, func(s string) bool { return strings.Contains(s, "类别") }},
	{model.FieldDuesYear, func(s string) bool {
		return s == "年度" || s == "年份" || s == "所属年度" || s == "基数年度"
	}},
	{model.FieldDuesMonthly, func(s string) bool {
		return strings.Contains(s, "月交") || strings.Contains(s, "月应交") || strings.Contains(s, "月缴") || s == "应交党费" || s == "每月党费"
	}},
	// The roster import's headings of 党费已交至 (model.DuesPaidToField:
	// 党费缴至, 历史党费缴至 …), and any other with 交至 in it.
	{model.FieldDuesPaidTo, func(s string) bool {
		f, ok := matchHeading(s)
		return ok && f == model.FieldDuesPaidTo || strings.Contains(s, "交至")
	}},
}

// baseField are the fields a bases workbook holds.
var baseField = map[model.Field]bool{model.FieldName: true, model.FieldIDNumber: true, model.FieldDuesBase: true,
	model.FieldDuesCategory: true, model.FieldDuesPaidTo: true, model.FieldDuesYear: true, model.FieldDuesMonthly: true}

// ReadDuesBasesSheets reads the bases workbook at path: every visible
// sheet whose first rows hold headings for 姓名, 身份证号码 and 基数, or
// the hidden ones only when no visible sheet has them (a hidden sheet is
// often last year's; one left out is named in a note). Of two base
// columns ("2025年计算基数", "2026年计算基数") the one naming year is
// read; two that cannot be told apart refuse the file, naming both.
// want, as the roster import's --sheet, names the only sheets to read
// (hidden or not); nil reads every sheet that holds bases. A named sheet
// without bases headings refuses the file, naming it.
func ReadDuesBasesSheets(path string, year int, want []string) (*BaseFile, error) {
	bf, err := readDuesBasesSheets(path, year, want)
	if err != nil {
		// The shared reader speaks of a roster; this is a bases sheet
		// ("文件太大，不像是党员花名册" of a stray cell at XFD1048576:
		// review s14-attack8 #17).
		return nil, sayOfFile(err, "一份党费基数表", "党费基数表")
	}
	return bf, nil
}

func readDuesBasesSheets(path string, year int, want []string) (*BaseFile, error) {
	data, err := readFileLimited(path)
	if err != nil {
		return nil, err
	}
	bk, err := openWorkbook(data)
	if err != nil {
		return nil, fmt.Errorf("%w：%s", err, path)
	}
	defer bk.Close()
	bf, err := readBasesSheets(bk, path, false, year, want)
	if err != nil || want != nil && bf != nil {
		return bf, err
	}
	if bf == nil {
		return readBasesHidden(bk, path, year)
	}
	// A hidden sheet is often last year's: not read beside the visible
	// ones, and said, never dropped without a word (review s6-7 attack #16).
	if hid, err := readBasesSheets(bk, path, true, year, nil); err == nil && hid != nil {
		for _, name := range hid.Sheets {
			bf.Notes = append(bf.Notes, model.Note(name, 0, "", "隐藏的工作表“%s”也有党费基数，未导入（隐藏的工作表常是往年的）；如要导入，请取消隐藏后再导入", name))
		}
	}
	return bf, nil
}

// readBasesHidden reads the hidden sheets that hold bases, when no visible
// one does.
func readBasesHidden(bk *book, path string, year int) (*BaseFile, error) {
	bf, err := readBasesSheets(bk, path, true, year, nil)
	if bf != nil || err != nil {
		return bf, err
	}
	// One requirement, the bases sheet's (ErrNoHeader's says the roster's
	// two columns, which a file with 姓名 and 身份证号码 but no 计算基数
	// has: review s5-8 attack #14).
	return nil, &otherFileError{msg: "没有找到党费基数表的表头：需要“姓名”“身份证号码”“计算基数”三列：" + path, kind: ErrNoHeader}
}

// readBasesSheets reads every one of the visible (or of the hidden)
// sheets that holds bases, as the roster import reads every sheet that
// holds a roster (chooseSheets): a workbook with one sheet per branch
// gives them all (review s6-7 attack #16). nil if none does.
// want, when not nil, are the sheets to read, visible or hidden, and
// each must hold bases.
func readBasesSheets(bk *book, path string, hidden bool, year int, want []string) (*BaseFile, error) {
	sheets, err := chooseSheets(bk, want)
	if err != nil {
		return nil, err
	}
	var all *BaseFile
	seen := map[string][]baseSeen{}
	var examples []string            // template sheets (填写示例) holding bases, not read
	var otherYears []*otherYearError // sheets of another year's bases, not read
	var namedYears [][2]string       // sheets named for another year, and the year
	headerRows := map[string]int{}
	for _, s := range sheets {
		if s.part == nil && want == nil {
			continue
		}
		if visible, err := bk.f.GetSheetVisible(s.name); want == nil && err == nil && visible == hidden {
			continue
		}
		// A template's 填写示例 or 说明 sheet is not read unless named,
		// and said: its 张三 refused blocked the import (review
		// s6-7-late #8). Its rows count for no duplicate.
		if want == nil && ExampleSheetName(s.name) {
			if bf, err := readBasesSheet(bk, s, path, year, map[string][]baseSeen{}); err == nil && bf != nil {
				examples = append(examples, s.name)
			}
			continue
		}
		// A sheet named for another year (2025年 beside 2026年) is that
		// year's bases: left out, and said, when another sheet is read
		// (review s7-8 attack #6).
		// A column headed with another year says more, and is said
		// (otherYearError, below).
		// Alone, it is the wrong file or the wrong year: refused below
		// (review s8-7 attack #8).
		if y := otherYear(s.name, year); want == nil && y != "" && s.part != nil {
			var oy *otherYearError
			switch bf, err := readBasesSheet(bk, s, path, year, map[string][]baseSeen{}); {
			case errors.As(err, &oy):
				otherYears = append(otherYears, oy)
			case err == nil && bf != nil:
				namedYears = append(namedYears, [2]string{s.name, y})
			}
			continue
		}
		var bf *BaseFile
		if s.part != nil {
			var oy *otherYearError
			if bf, err = readBasesSheet(bk, s, path, year, seen); errors.As(err, &oy) && want == nil {
				// Beside this year's sheet, last year's is left out
				// and said; alone it refuses the file.
				otherYears = append(otherYears, oy)
				continue
			} else if err != nil {
				return nil, err
			}
		}
		if bf == nil && want != nil {
			return nil, &otherFileError{msg: fmt.Sprintf("工作表“%s”没有党费基数表的表头：需要“姓名”“身份证号码”“计算基数”三列：%s", s.name, path), kind: ErrNoHeader}
		}
		if bf == nil {
			continue
		}
		if all == nil {
			all = &BaseFile{Sheet: bf.Sheet, HeaderRow: bf.HeaderRow}
		}
		headerRows[bf.Sheet] = bf.HeaderRow
		all.Sheets = append(all.Sheets, bf.Sheet)
		all.Rows = append(all.Rows, bf.Rows...)
		all.Rejected = append(all.Rejected, bf.Rejected...)
		all.Notes = append(all.Notes, bf.Notes...)
		for _, h := range bf.Ignored {
			if !slices.Contains(all.Ignored, h) {
				all.Ignored = append(all.Ignored, h)
			}
		}
	}
	if all == nil && len(namedYears) > 0 {
		var names []string
		for _, o := range namedYears {
			names = append(names, o[0])
		}
		return nil, fmt.Errorf("工作表“%s”的名称写的是别的年份，正在导入 %d 年的基数；请选对文件或年份，确需导入时用 --sheet 指明：%s", strings.Join(names, "”“"), year, path)
	}
	if all == nil && len(examples) > 0 {
		return nil, &otherFileError{msg: fmt.Sprintf("工作表“%s”看来是表格模板的填写示例或说明，没有读取，文件中没有别的党费基数表；确需导入时请给这个工作表改个名称（命令行也可用 --sheet 指明）：%s",
			strings.Join(examples, "”“"), path), kind: ErrNoHeader}
	}
	if all == nil && len(otherYears) > 0 {
		return nil, otherYears[0]
	}
	if all != nil {
		for _, oy := range otherYears {
			if oy.title != "" {
				all.Notes = append(all.Notes, model.Note(oy.sheet, 0, "", "工作表“%s”的标题“%s”是 %d 年的基数，不是正在导入的 %d 年的，未导入", oy.sheet, oy.title, oy.year, oy.want))
				continue
			}
			all.Notes = append(all.Notes, model.Note(oy.sheet, 0, "", "工作表“%s”的“%s”列是 %d 年的基数，不是正在导入的 %d 年的，未导入", oy.sheet, oy.heading, oy.year, oy.want))
		}
		refuseDuplicates(all, seen)
		withData(all, headerRows)
		for _, o := range namedYears {
			all.Notes = append(all.Notes, model.Note(o[0], 0, "", "工作表“%s”的名称写的是 %s 年，看来是那一年的基数，未导入（正在导入 %d 年的基数）；确需导入时用 --sheet 指明", o[0], o[1], year))
		}
		for _, name := range examples {
			all.Notes = append(all.Notes, model.Note(name, 0, "", "工作表“%s”看来是表格模板的填写示例或说明，未导入；确需导入时请给这个工作表改个名称（命令行也可用 --sheet 指明）", name))
		}
	}
	return all, nil
}

// withData keeps in all.Sheets only the sheets that gave a row or a
// refusal (读取了 N 个工作表 named a 说明 or 汇总 sheet of headings alone:
// review s6-7-late #7), unless none did; a note about a row of a sheet
// left out names its sheet itself, as the lines then name no sheet.
func withData(all *BaseFile, headerRows map[string]int) {
	has := map[string]bool{}
	for _, r := range all.Rows {
		has[r.Sheet] = true
	}
	for _, r := range all.Rejected {
		has[r.Sheet] = true
	}
	if len(has) == 0 || len(has) == len(all.Sheets) {
		return
	}
	all.Sheets = slices.DeleteFunc(all.Sheets, func(s string) bool { return !has[s] })
	all.Sheet, all.HeaderRow = all.Sheets[0], headerRows[all.Sheets[0]]
	for i, n := range all.Notes {
		if !has[n.Sheet] && n.Row > 0 {
			t := n.Text
			if t.IsZero() {
				t = model.Sentence(n.Message)
			}
			all.Notes[i].Text = model.Textf("工作表“%s”第%d行：%s", n.Sheet, n.Row, t)
			all.Notes[i].Message = all.Notes[i].Text.String()
			all.Notes[i].Row = 0
		}
	}
}

// yearIn finds a year written in a heading or a sheet's name.
var yearIn = regexp.MustCompile(`(?:19|20)\d\d`)

// otherYear is the year other than year that name names ("2025年"), ""
// when it names none or year itself.
func otherYear(name string, year int) string {
	ys := yearIn.FindAllString(name, -1)
	if year <= 0 || len(ys) != 1 || ys[0] == strconv.Itoa(year) {
		return ""
	}
	return ys[0]
}

// baseSeen is where an ID number was read: its sheet, row and name.
type baseSeen struct {
	sheet string
	row   int
	name  string
}

// refuseDuplicates refuses every row of an ID number read more than once,
// each naming the other rows, so that none is imported and all go to the
// errors workbook: the user decides which base holds, not the file's
// order (review s6-7-late #6; the roster import refuses both alike).
func refuseDuplicates(all *BaseFile, seen map[string][]baseSeen) {
	for id, at := range seen {
		if len(at) < 2 {
			continue
		}
		for i, here := range at {
			var others model.TextList
			for j, o := range at {
				if j == i {
					continue
				}
				if o.sheet == here.sheet {
					others = append(others, model.Textf("第 %d 行", o.row))
				} else {
					others = append(others, model.Textf("工作表“%s”第 %d 行", o.sheet, o.row))
				}
			}
			all.Rows = slices.DeleteFunc(all.Rows, func(r BaseRow) bool { return r.Sheet == here.sheet && r.Row == here.row })
			r := model.Reason(here.sheet, here.row, model.FieldIDNumber, "与%s的身份证号码相同（同一人只能有一个基数，请删去不要的一行）", others)
			r.Name, r.Value = here.name, id
			all.Rejected = append(all.Rejected, r)
		}
	}
	order := func(sheet string) int { return slices.Index(all.Sheets, sheet) }
	slices.SortStableFunc(all.Rejected, func(a, b model.Rejection) int {
		if c := order(a.Sheet) - order(b.Sheet); c != 0 {
			return c
		}
		return a.Row - b.Row
	})
}

// readBasesSheet reads sheet s if it holds bases; nil if it does not.
// seen are the ID numbers read so far, from every sheet.
func readBasesSheet(bk *book, s bookSheet, path string, year int, seen map[string][]baseSeen) (*BaseFile, error) {
	// A damaged sheet would read as one that ends early: checked first.
	// The scan also finds the number cells of more than 15 digits: an
	// ID number typed into one has lost its last digits.
	shape, err := bk.scanSheet(s)
	if err != nil {
		return nil, fmt.Errorf("%w：%s", err, path)
	}
	sheet := s.name
	rows, err := bk.f.GetRows(sheet)
	if err != nil {
		return nil, nil
	}
	for h := 0; h < min(len(rows), headerSearchRows); h++ {
		cols := map[model.Field]int{}
		lowest := map[int]string{}      // each column's lowest heading
		var bases []int                 // the columns headed as a base
		dups := map[model.Field][]int{} // second 缴纳类别 columns, compared row by row
		mapRow := func(cells []string) {
			for c, cell := range cells {
				key := strings.Join(strings.Fields(model.CleanText(cell)), "")
				if key == "" {
					continue
				}
				lowest[c] = key
				// A heading the roster import knows names its field and
				// no other: 党员身份 is 人员类别, not the ID number, and
				// 人员类别 is no 缴纳类别 (review s6-7 attack #8).
				if f, ok := matchHeading(key); ok && !baseField[f] {
					continue
				} else if ok {
					if _, seen := cols[f]; !seen {
						cols[f] = c
					}
					continue
				}
				for _, bh := range baseHeadings {
					if !bh.match(key) {
						continue
					}
					if bh.field == model.FieldDuesBase {
						bases = append(bases, c)
					}
					if _, seen := cols[bh.field]; !seen {
						cols[bh.field] = c
					} else if bh.field == model.FieldDuesCategory && cols[bh.field] != c {
						dups[bh.field] = append(dups[bh.field], c)
					}
					break
				}
			}
		}
		mapRow(rows[h])
		if len(cols) < 3 || !hasAll(cols, model.FieldName, model.FieldIDNumber, model.FieldDuesBase) {
			continue
		}
		// A heading of two rows or three (姓名 … merged down, 缴费情况
		// over 党费已交至): a row below whose 姓名, 身份证号码 and 基数
		// cells are empty holds sub-headings, as in the roster.
		first := h + 1
		for k := 1; k < maxHeaderRows && first < len(rows); k++ {
			next := rows[first]
			if cell(next, cols[model.FieldName]) != "" || cell(next, cols[model.FieldIDNumber]) != "" || cell(next, cols[model.FieldDuesBase]) != "" {
				break
			}
			mapRow(next)
			first++
		}
		// Two base columns (last year's and this year's, the base and
		// the adjusted one): the one naming the year, or none taken
		// silently (review s6-7 attack #7).
		if len(bases) > 1 {
			var named, plain []int
			for _, c := range bases {
				if year > 0 && strings.Contains(lowest[c], strconv.Itoa(year)) {
					named = append(named, c)
				}
				if !yearIn.MatchString(lowest[c]) {
					plain = append(plain, c)
				}
			}
			// 计算基数 beside 2025年计算基数: the one naming another year is
			// last year's, the plain one this year's (review s7-8 attack #6).
			if len(named) == 0 && len(plain) == 1 && year > 0 {
				named = plain
			}
			if len(named) != 1 {
				var hs []string
				for _, c := range bases {
					hs = append(hs, "“"+lowest[c]+"”")
				}
				example := ""
				if year > 0 {
					example = fmt.Sprintf("（如“%d年计算基数”）", year)
				}
				return nil, fmt.Errorf("工作表“%s”有 %d 列计算基数（%s），不知导入哪一列：请删去不导入的列，或在列名中写明年份%s后再导入：%s",
					sheet, len(bases), strings.Join(hs, ""), example, path)
			}
			cols[model.FieldDuesBase] = named[0]
		}
		// The one base column naming another year ("2025年计算基数"):
		// last year's sheet picked by mistake, not this year's bases
		// (review s7-7 attack #22).
		// The year may be in brackets after the heading (计算基数(2025年度))
		// or in the title above it (2025年党费计算基数表: review s8-7
		// attack #8); 计算基数（按2025年月平均工资） names the basis, not
		// the year.
		heading := lowest[cols[model.FieldDuesBase]]
		y, title := baseYear(heading), ""
		if y == 0 {
			y = bracketYear(heading)
		}
		if y == 0 {
			title = titleOf(rows[:h])
			y = baseYear(title)
		}
		if year > 0 && y > 0 && y != year {
			return nil, &otherYearError{sheet: sheet, heading: heading, title: title, year: y, want: year, path: path}
		}
		bf := &BaseFile{Sheet: sheet, HeaderRow: h + 1}
		// A row of hints under the headings is part of them, as in the
		// roster (review s6-7 attack #18).
		if first < len(rows) && hintRow(rows[first]) {
			bf.Notes = append(bf.Notes, hintNote(sheet, first+1))
			first++
		}
		taken := map[int]bool{}
		for _, c := range cols {
			taken[c] = true
		}
		for _, c := range slices.Sorted(maps.Keys(lowest)) {
			if t := lowest[c]; !taken[c] && !skippedHeadings[t] {
				bf.Ignored = append(bf.Ignored, t)
			}
		}
		sr := bk.newSheetReader(s, shape)
		// The 序号 column, or a first column without heading: where a
		// template marks its example row (example.go).
		serial := -1
		for _, c := range slices.Sorted(maps.Keys(lowest)) {
			if skippedHeadings[lowest[c]] && lowest[c] != RejectedReasonHeading {
				serial = c
				break
			}
		}
		if _, headed := lowest[0]; serial < 0 && !headed {
			serial = 0
		}
		// Rows and columns hidden in the sheet are read like the others,
		// and said, as the roster import says them: a hidden row is often
		// last year's or a superseded figure (review s14-attack8 #1).
		var hiddenRows, hiddenCols model.TextList
		for i := first; i < len(rows); i++ {
			read := len(bf.Rows)
			if err := readBaseRow(bf, sr, rows, i+1, cols, serial, dups, seen, year); err != nil {
				return nil, fmt.Errorf("%w：%s", err, path)
			}
			if len(bf.Rows) > read {
				if visible, err := bk.f.GetRowVisible(sheet, i+1); err == nil && !visible {
					hiddenRows = append(hiddenRows, model.Textf("第%d行（%s）", i+1, bf.Rows[read].Name))
				}
			}
		}
		for _, c := range slices.Sorted(maps.Values(cols)) {
			if shape != nil && shape.colHidden(c+1) {
				name, _ := excelize.ColumnNumberToName(c + 1)
				hiddenCols = append(hiddenCols, model.Textf("%s列“%s”", name, lowest[c]))
			}
		}
		const listed = 10
		if len(hiddenRows) > listed {
			bf.Notes = append(bf.Notes, model.Note(sheet, 0, "", "%s 等 %d 行在表格中是隐藏的，也照常读入了；不应导入的行请删除后再导入", hiddenRows[:listed], len(hiddenRows)))
		} else if len(hiddenRows) > 0 {
			bf.Notes = append(bf.Notes, model.Note(sheet, 0, "", "%s在表格中是隐藏的，也照常读入了；不应导入的行请删除后再导入", hiddenRows))
		}
		if len(hiddenCols) > 0 {
			bf.Notes = append(bf.Notes, model.Note(sheet, 0, "", "%s在表格中是隐藏的，也照常读入了", hiddenCols))
		}
		return bf, nil
	}
	return nil, nil
}

// leadingYear is a 年度 cell: 2026, 2026年, 2026年度.
var leadingYear = regexp.MustCompile(`^((?:19|20)\d{2})\s*(?:年度?)?$`)

// yearBase is a heading that says whose year's base its column holds:
// 2025年计算基数, 2025年度党费计算基数, 2025年基数.
var yearBase = regexp.MustCompile(`((?:19|20)\d{2})\s*年度?\s*(?:党费)?\s*(?:计算|缴纳|缴费)?\s*基数`)

// baseYear is the year a base column's heading names, 0 for none.
func baseYear(heading string) int {
	m := yearBase.FindStringSubmatch(heading)
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[1])
	return y
}

// otherYearError is a sheet whose base column is headed as another
// year's than the one imported.
type otherYearError struct {
	sheet, heading, path string
	title                string // the title that names the year, when the heading does not
	year, want           int
}

func (e *otherYearError) Error() string { return e.text().String() }

// text is the sentence as a Text, so that the window says it in its
// language (review s8-7 attack #11).
func (e *otherYearError) text() model.Text {
	if e.title != "" {
		return model.Textf("工作表“%s”的标题“%s”是 %d 年的基数，正在导入的是 %d 年的基数：请选对文件、工作表或年份后再导入：%s",
			e.sheet, e.title, e.year, e.want, e.path)
	}
	return model.Textf("工作表“%s”的“%s”列是 %d 年的基数，正在导入的是 %d 年的基数：请选对文件、工作表或年份后再导入：%s",
		e.sheet, e.heading, e.year, e.want, e.path)
}

// bracketYear is the year a heading names in brackets after it alone
// (计算基数(2025年度), 基数【2025年】), 0 for none.
func bracketYear(heading string) int {
	m := yearBracket.FindStringSubmatch(heading)
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[1])
	return y
}

var yearBracket = regexp.MustCompile(`基数\s*[（(【\[]\s*((?:19|20)\d{2})\s*年?度?\s*[)）】\]]`)

func (e *otherYearError) Unwrap() []error {
	return []error{ErrNoHeader, &model.TextError{Text: e.text()}}
}

func hasAll(cols map[model.Field]int, fs ...model.Field) bool {
	for _, f := range fs {
		if _, ok := cols[f]; !ok {
			return false
		}
	}
	return true
}

// readBaseRow reads row n of a bases sheet, each cell as Excel shows it
// (sheetReader.shown, as the roster import reads it: conditional
// formatting followed, a value its format hides read as blank and named,
// a cell whose display cannot be worked out refused). The error is for a
// sheet that cannot be read on.
// serial is the column (0-based) of the 序号, -1 without one; dups are
// the second columns of a field (缴纳类别), each compared with the one read.
func readBaseRow(bf *BaseFile, sr *sheetReader, rows [][]string, n int, cols map[model.Field]int, serial int, dups map[model.Field][]int, seen map[string][]baseSeen, year int) error {
	cells := rows[n-1]
	shown := map[model.Field]shownCell{}
	src := map[model.Field]int{} // the row each field's value comes from
	for f, c := range cols {
		// A merged 缴纳类别, 计算基数 or 党费已交至 belongs to every row it
		// covers, as in the roster; 姓名 and 身份证号码 are each row's own.
		row, text := n, cell(cells, c)
		if f != model.FieldName && f != model.FieldIDNumber {
			if _, from := sr.below(c+1, n); from != n && from >= 1 && from <= len(rows) {
				row, text = from, cell(rows[from-1], c)
			}
		}
		src[f] = row
		sc, err := sr.shown(c+1, row, text, f == model.FieldDuesPaidTo)
		if err != nil {
			return err
		}
		shown[f] = sc
	}
	get := func(f model.Field) string {
		// Invisible characters pasted with the text go, as in the roster.
		return model.CleanText(shown[f].text)
	}
	name, id, base := get(model.FieldName), get(model.FieldIDNumber), get(model.FieldDuesBase)
	name = model.NormalizeName(name) // as Member.Normalize writes names
	// A value the cell's number format hides reads as the blank the sheet
	// shows; a refusal for it says it is there (as the roster import's).
	hidden := func(f model.Field) *hiddenCell { return shown[f].hidden }
	anything := false
	for _, f := range []model.Field{model.FieldName, model.FieldIDNumber, model.FieldDuesBase} {
		// A merged value alone does not make a row a member's.
		anything = anything || src[f] == n && (get(f) != "" || hidden(f) != nil || shown[f].unknown)
	}
	if !anything {
		return nil // blank or spacer row
	}
	if strings.Contains(name, "合计") || strings.Contains(name, "小计") {
		return nil
	}
	// A 合计 row written in the 序号 column, with no name or ID beside it,
	// is the table's footer too: it was refused as a member without a
	// name (review s14-attack8 #2a).
	if first, _ := firstText(cells); name == "" && id == "" && (strings.HasPrefix(first, "合计") || strings.HasPrefix(first, "小计") || strings.HasPrefix(first, "总计")) {
		return nil
	}
	// A group's title ("第一党小组", "第二党支部") alone in a row heads the
	// rows below it: no member (review s5 final attack #2b).
	if first, count := firstText(cells); count == 1 {
		if title, ok := groupTitleOf(first); ok {
			bf.Notes = append(bf.Notes, model.Note(bf.Sheet, n, "", "分组行“%s”：是分组的标题，不是党员，未导入", title))
			return nil
		}
	}
	// Each refusal names the person and the cell as the sheet shows it,
	// as the roster import's do.
	reject := func(f model.Field, reason model.Text) {
		if h := hidden(f); h != nil {
			reason = h.refusal()
		}
		bf.Rejected = append(bf.Rejected, model.Rejection{Sheet: bf.Sheet, Row: n, Field: f, Reason: reason.String(), Text: reason,
			Name: model.CutTyped(name), Value: get(f)})
	}
	// A template's example row is refused alone (example.go): imported,
	// it would be refused for its placeholder ID anyway, or worse, not.
	serialText := ""
	if serial >= 0 {
		serialText = cell(cells, serial)
	}
	if why := exampleReason(serialText, name, "", cells); !why.IsZero() {
		reject(model.FieldName, why)
		return nil
	}
	// Two 缴纳类别 columns that differ (last year's hidden beside this
	// year's): which holds cannot be told, and the category sets the
	// rate (review s7-7 attack #10).
	for f, cs := range dups {
		for _, c := range cs {
			a, b := get(f), model.CleanText(cell(cells, c))
			if _, from := sr.below(cols[f]+1, n); from != n {
				continue
			}
			if strings.Join(strings.Fields(a), "") == strings.Join(strings.Fields(b), "") {
				continue
			}
			ka, _ := excelize.ColumnNumberToName(cols[f] + 1)
			kb, _ := excelize.ColumnNumberToName(c + 1)
			reject(f, twoColumns(f, ka, a, kb, b))
			return nil
		}
	}
	bad := len(bf.Rejected)
	// A cell conditional formatting may show otherwise, by a rule that
	// cannot be worked out, is refused: its value is not taken on trust.
	for f := range cols {
		if shown[f].unknown {
			reject(f, model.Textf(conditionalFormatReason))
		}
	}
	// A formula saved without its result shows nothing the importer can
	// read, in whichever column: refused as the roster import refuses it.
	// A 党费已交至 of =DATE(2026,5,1) with no result was read as blank and
	// the member's opening position dropped without a word (review
	// s13-attack8 #1); only the base was checked.
	// One of a workbook calculated again when opened holds a placeholder
	// (book.recalc): a base of 0 read from it refused a member for a
	// base that Excel showed.
	for _, f := range []model.Field{model.FieldName, model.FieldIDNumber, model.FieldDuesCategory, model.FieldDuesBase, model.FieldDuesPaidTo} {
		c, ok := cols[f]
		if !ok {
			continue
		}
		if why, err := sr.unknownFormula(c+1, src[f], get(f)); err != nil {
			return err
		} else if !why.IsZero() {
			reject(f, why)
		}
	}
	if len(bf.Rejected) > bad {
		return nil
	}
	if name == "" {
		reject(model.FieldName, model.Textf("请填写姓名"))
	}
	// An ID number in a number cell has lost its last digits even when
	// what is left passes the check digit: refused as the roster refuses it.
	var lostDigits model.Text
	if sr.shape != nil && sr.shape.longNumbers[[2]int{cols[model.FieldIDNumber] + 1, n}] {
		digits, _ := idLostDigits(id, true)
		lostDigits = idStoredAsNumber(digits)
	} else if digits, lost := idLostDigits(id, false); lost {
		lostDigits = idStoredAsNumber(digits)
	}
	id = model.NormalizeIDNumber(id)
	// An old 15-digit number is upgraded by the national rule, as the
	// roster import does, and said.
	if up, ok := model.UpgradeIDNumber(id); ok && lostDigits.IsZero() {
		who := name
		if who == "" {
			who = fmt.Sprintf("第%d行", n)
		}
		bf.Notes = append(bf.Notes, model.Note(bf.Sheet, n, model.FieldIDNumber,
			"%s：15位的旧身份证号码 %s 已按国家标准（GB 11643-1999）升级为18位 %s", who, id, up))
		id = up
	}
	if !lostDigits.IsZero() {
		reject(model.FieldIDNumber, lostDigits)
	} else if id == "" {
		reject(model.FieldIDNumber, model.Textf("请填写公民身份号码"))
	} else if _, err := model.ParseIDNumber(id); err != nil {
		reason := errText(err)
		if storedAsNumber(sr, cols[model.FieldIDNumber]+1, n) {
			reason = model.Textf("%s（身份证号码请设为文本格式，数字格式会丢失末几位）", reason)
		}
		reject(model.FieldIDNumber, reason)
	} else {
		// Every row of an ID met twice is refused once all are read
		// (refuseDuplicates), as the roster import does.
		seen[id] = append(seen[id], baseSeen{sheet: bf.Sheet, row: n, name: model.CutTyped(name)})
	}
	var cat model.DuesCategory
	if s := get(model.FieldDuesCategory); s != "" {
		c, ok := model.ParseDuesCategory(s)
		if !ok {
			reject(model.FieldDuesCategory, model.Textf("“%s”不是缴纳类别，应为 在职、年薪制、个体、离退休、农民、学生、下岗失业、低保/救济 之一", s))
		}
		cat = c
	}
	// The fixed amounts (学生 …) have no base: the cell may stay empty.
	fixed := cat != "" && !cat.HasBase() && cat != model.DuesFarmer
	amount, err := model.ParseMoney(base)
	switch {
	case base == "" && fixed:
		amount = 0
	case base == "" && sr.unsavedFormula(cols[model.FieldDuesBase]+1, src[model.FieldDuesBase]):
		reject(model.FieldDuesBase, model.Textf(unsavedFormulaReason))
	case base == "":
		reject(model.FieldDuesBase, model.Textf("请填写计算基数（元）"))
	case err != nil:
		reject(model.FieldDuesBase, errText(err))
	default:
		// A number shown otherwise than it is stored (0, shows 5400 as
		// 5, a sheet kept in thousands): which one is meant cannot be
		// told, and either taken silently may be a thousand times off.
		if held, ok, err := heldMoney(sr, cols[model.FieldDuesBase]+1, src[model.FieldDuesBase]); err != nil {
			return err
		} else if ok && held != amount {
			reject(model.FieldDuesBase, model.Textf("单元格存有 %s，但它的数字格式把它显示为%s，不知哪个是计算基数；请把单元格格式改为“常规”或“数值”，写上计算基数后再导入", held, quote(base)))
		}
	}
	// A 党费已交至 the cell hides is read as the blank it shows, and said,
	// as the roster import says it.
	if h := hidden(model.FieldDuesPaidTo); h != nil {
		who := name
		if who == "" {
			who = fmt.Sprintf("第%d行", n)
		}
		defer func() {
			if len(bf.Rejected) == bad {
				bf.Notes = append(bf.Notes, h.note(bf.Sheet, n, who, model.FieldDuesPaidTo))
			}
		}()
	}
	p := get(model.FieldDuesPaidTo)
	paidTo, err := model.ParseMonthText(p)
	var dateErr *cellDateError
	if col := cols[model.FieldDuesPaidTo] + 1; (err != nil || shown[model.FieldDuesPaidTo].bySection) && storedAsNumber(sr, col, src[model.FieldDuesPaidTo]) {
		// A date cell whose format shows something else than a month
		// (a year, "Oct-24"), or whose condition picks a section, is
		// read as the roster reads it (cellDate): a section that shows
		// no date is refused.
		d, derr := cellDate(sr, col, src[model.FieldDuesPaidTo], p)
		switch {
		case errors.As(derr, &dateErr):
		case derr != nil && !errors.Is(derr, ErrTooLarge):
			return derr
		case derr == nil && !d.IsZero():
			paidTo, err = model.MonthOf(d.Year, d.Month), nil
		}
	}
	switch {
	case dateErr != nil:
		reject(model.FieldDuesPaidTo, dateErr.text)
	case err != nil:
		// The cell is quoted before the reason already (Rejection.Detail).
		reject(model.FieldDuesPaidTo, paidToText(err, p))
	case yearPointOne.MatchString(p) && storedAsNumber(sr, cols[model.FieldDuesPaidTo]+1, src[model.FieldDuesPaidTo]):
		reject(model.FieldDuesPaidTo, model.Textf("日期%s存成了数字，分不清是 %s年1月还是10月（Excel 会把 %s0 存成 %s），请把单元格设为文本后写成 %s.01 或 %s.10",
			quote(p), p[:4], p, p, p[:4], p[:4]))
	}
	if len(bf.Rejected) > bad {
		return nil
	}
	// A 年度 column naming another year: that row is another year's base,
	// which the import would store as this year's (review s14-attack8 #3).
	if y := get(model.FieldDuesYear); y != "" && year > 0 {
		m := leadingYear.FindStringSubmatch(y)
		switch {
		case m == nil:
			reject(model.FieldDuesYear, model.Textf("不是年份；正在导入 %d 年的基数", year))
		case m[1] != strconv.Itoa(year):
			reject(model.FieldDuesYear, model.Textf("是 %s 年的基数，不是正在导入的 %d 年的；请删去该行，或另行导入 %s 年的基数", m[1], year, m[1]))
		}
	}
	var monthly model.Money
	hasMonthly := false
	if m := get(model.FieldDuesMonthly); m != "" {
		v, err := model.ParseMoney(m)
		if err != nil {
			reject(model.FieldDuesMonthly, errText(err))
		}
		monthly, hasMonthly = v, true
	}
	if len(bf.Rejected) > bad {
		return nil
	}
	// Without a category column the base is checked as 在职: the range
	// that catches a negative or absurd figure is the same.
	check := cat
	if check == "" {
		check = model.DuesEmployed
	}
	if _, _, err := model.CurrentDuesRules().Monthly(check, amount); err != nil {
		reject(model.FieldDuesBase, duesText(err))
		return nil
	}
	cellsShown := map[model.Field]string{}
	for f := range cols {
		cellsShown[f] = get(f)
	}
	bf.Rows = append(bf.Rows, BaseRow{Sheet: bf.Sheet, Row: n, Name: name, IDNumber: id, Category: cat, Base: amount, PaidTo: paidTo, Cells: cellsShown,
		Monthly: monthly, HasMonthly: hasMonthly})
	return nil
}

// heldMoney is the amount a number cell holds, to the fen; ok is false
// for a cell that holds no number.
func heldMoney(sr *sheetReader, col, row int) (model.Money, bool, error) {
	if !storedAsNumber(sr, col, row) {
		return 0, false, nil
	}
	raw, err := sr.value(col, row)
	if errors.Is(err, ErrTooLarge) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	v, perr := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if perr != nil || math.IsInf(v, 0) || math.Abs(v) > 1e13 {
		return 0, false, nil
	}
	return model.Money(math.Round(v * 100)), true, nil
}

// storedAsNumber reports a cell of the number type: 2026.1 in one may be
// 2026.10. A cell whose type cannot be asked counts as one: refused as
// ambiguous, not read unchecked.
func storedAsNumber(sr *sheetReader, col, row int) bool {
	number, _, err := sr.numeric(col, row)
	return number || err != nil
}

// paidToText is the sentence of err, an error reading the month p, without
// the month quoted before it ("“2026.13”：…"): the cell is quoted beside it.
func paidToText(err error, p string) model.Text {
	msg := strings.TrimPrefix(err.Error(), "“"+p+"”：")
	t, ok := model.SentenceOf(err)
	switch {
	case ok && t.String() == msg:
		return t
	// The month parser's sentences, without the cell it quotes: kept as
	// Texts, so that the English preview says them in English (review
	// s13-attack8 #9: 日期格式不正确：没有 13 月 beside English reasons).
	case errors.Is(err, model.ErrBadMonth) && msg == monthNotRead:
		return model.Textf(monthNotRead)
	case ok && errors.Is(err, model.ErrBadDate) && msg == model.ErrBadDate.Error()+"："+t.String():
		return model.Textf("日期格式不正确：%s", t)
	}
	return model.Sentence(msg)
}

// monthNotRead is model.ParseMonthText's refusal of what is no month, after
// the text it quotes.
const monthNotRead = "日期格式不正确（年月），应如 2026-10 或 2026年10月"
