package xlsx

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// ReadOptions says how to read a roster.
type ReadOptions struct {
	// Today is the date rows are checked against (no date may lie after
	// it); the zero Date means today.
	Today model.Date
	// Sheet names the worksheet to read; "" means the first sheet, visible
	// ones before hidden ones, that has a recognisable header.
	Sheet string
	// Rules are the rule tables rows are checked against; nil means
	// model.CurrentRules().
	Rules *model.Rules
}

// RosterFile is what a roster file holds, read and checked. Nothing has been
// written anywhere: the caller decides what to do with it.
type RosterFile struct {
	Sheet      string
	Title      string        // the first line above the header, if any
	HeaderRow  int           // first heading row, numbered as Excel shows it
	HeaderRows int           // 1, or 2 when headings are grouped under a merged heading
	Columns    []model.Field // the fields the file has, in column order
	Members    []ImportedRow // rows that passed every check, in sheet order
	Rejected   []model.Rejection
}

// ImportedRow is a member read from a row that passed every check.
type ImportedRow struct {
	Row    int // as Excel numbers it
	Member model.Member
}

// RejectedRows lists the rows that have at least one rejection, in order.
func (rf *RosterFile) RejectedRows() []int {
	var rows []int
	for _, r := range rf.Rejected {
		if len(rows) == 0 || rows[len(rows)-1] != r.Row {
			rows = append(rows, r.Row)
		}
	}
	return rows
}

// ReadRosterFile reads the roster in the .xlsx file at path.
func ReadRosterFile(path string, opt ReadOptions) (*RosterFile, error) {
	data, err := readFileLimited(path)
	if err != nil {
		return nil, err
	}
	rf, err := readRoster(data, opt)
	if err != nil {
		return nil, fmt.Errorf("%w：%s", err, path)
	}
	return rf, nil
}

// ReadRoster reads a roster from an .xlsx workbook. Rows that fail a check
// are reported in Rejected, each problem tied to its row and field; the
// error is for a file that cannot be read as a roster at all (see the Err
// values of this package).
func ReadRoster(r io.Reader, opt ReadOptions) (*RosterFile, error) {
	data, err := readAllLimited(r)
	if err != nil {
		return nil, err
	}
	return readRoster(data, opt)
}

// rawValues asks excelize for cell values as stored: a date cell gives its
// serial, not the text its number format would show (which may have a
// two-digit year), and an ID number cell its digits.
var rawValues = excelize.Options{RawCellValue: true}

func readRoster(data []byte, opt ReadOptions) (*RosterFile, error) {
	f, err := openWorkbook(data)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	im := importer{today: opt.Today, rules: model.CurrentRules(), seen: make(map[string]int)}
	if im.today.IsZero() {
		im.today = model.Today()
	}
	if opt.Rules != nil {
		im.rules = *opt.Rules
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		im.date1904 = *props.Date1904
	}

	sheets, err := sheetOrder(f, opt.Sheet)
	if err != nil {
		return nil, err
	}
	for _, sheet := range sheets {
		rows, err := f.Rows(sheet)
		if err != nil {
			continue // not a worksheet (a chart sheet): it holds no roster
		}
		top, err := firstRows(rows, headerSearchRows)
		if err != nil {
			_ = rows.Close()
			return nil, fmt.Errorf("%w（工作表“%s”：%w）", ErrDamaged, sheet, err)
		}
		h, ok := findHeader(top)
		if !ok {
			_ = rows.Close()
			continue
		}
		im.start(sheet, h, titleOf(top[:h.first-1]), sheetXML(f, sheet))
		err = im.readRows(rows, top)
		if cerr := rows.Close(); err == nil && cerr != nil {
			err = cerr
		}
		if errors.Is(err, excelize.ErrMaxRows) {
			err = fmt.Errorf("%w（超过 %d 行）", ErrTooManyRows, excelize.TotalRows)
		}
		if err != nil {
			return nil, err
		}
		return im.rf, nil
	}
	return nil, ErrNoHeader
}

// sheetOrder is the sheets to look for a header in: the one asked for, or
// all of them, visible ones first, since a hidden sheet is often an old copy.
func sheetOrder(f *excelize.File, want string) ([]string, error) {
	all := f.GetSheetList()
	if want != "" {
		for _, s := range all {
			if s == want {
				return []string{s}, nil
			}
		}
		return nil, fmt.Errorf("%w：%s", ErrNoSheet, want)
	}
	var visible, hidden []string
	for _, s := range all {
		if v, err := f.GetSheetVisible(s); err == nil && !v {
			hidden = append(hidden, s)
		} else {
			visible = append(visible, s)
		}
	}
	return append(visible, hidden...), nil
}

// firstRows reads up to n rows; rows[i] is sheet row i+1.
func firstRows(rows *excelize.Rows, n int) ([][]string, error) {
	var top [][]string
	for len(top) < n && rows.Next() {
		cells, err := rows.Columns(rawValues)
		if err != nil {
			return nil, err
		}
		top = append(top, cells)
	}
	return top, nil
}

// titleOf is the text of the first non-blank row above the header: the
// title of the form, merged across the table.
func titleOf(above [][]string) string {
	for _, cells := range above {
		for c := range cells {
			if t := cell(cells, c); t != "" {
				return t
			}
		}
	}
	return ""
}

// branchFromTitle reads the branch from a title such as
// "中共某某有限公司支部委员会党员花名册", the way the national form and
// WriteRoster title a roster with no 所在党支部 column. Titles that do not
// name a branch ("2024年党员花名册") give "".
func branchFromTitle(title string) string {
	title = strings.Join(strings.Fields(title), "")
	name, ok := strings.CutSuffix(title, rosterName)
	if !ok || !strings.Contains(name, "支部") {
		return ""
	}
	return name
}

// importer reads the data rows of one sheet.
type importer struct {
	today    model.Date
	rules    model.Rules
	date1904 bool

	rf      *RosterFile
	h       header
	numeric *numericCells
	branch  string         // 所在党支部 for every row, from the title
	seen    map[string]int // ID number → first row with it
	rows    int            // data rows so far
}

func (im *importer) start(sheet string, h header, title string, sheetXML []byte) {
	im.h = h
	im.rf = &RosterFile{Sheet: sheet, Title: title, HeaderRow: h.first, HeaderRows: h.rows}
	if !h.has(model.FieldBranchName) {
		im.branch = branchFromTitle(title)
	}
	var typed []int
	for _, c := range h.cols {
		im.rf.Columns = append(im.rf.Columns, c.field)
		switch c.field {
		case model.FieldIDNumber, model.FieldBirthDate, model.FieldJoinDate, model.FieldFullDate, model.FieldLostSince:
			typed = append(typed, c.index)
		}
	}
	if sheetXML != nil {
		im.numeric = scanNumericCells(sheetXML, typed)
	}
}

// readRows reads the rows after the header: those already read while
// looking for it, then the rest of the sheet.
func (im *importer) readRows(rows *excelize.Rows, top [][]string) error {
	n := im.h.first + im.h.rows - 1
	for _, cells := range top[n:] {
		n++
		if err := im.row(n, cells); err != nil {
			return err
		}
	}
	for rows.Next() {
		n++
		cells, err := rows.Columns(rawValues)
		if err != nil {
			return fmt.Errorf("%w（第%d行：%w）", ErrDamaged, n, err)
		}
		if err := im.row(n, cells); err != nil {
			return err
		}
	}
	return rows.Error()
}

// footerPrefixes start the lines under a roster's table: who filled it in,
// who checked it, totals and notes. Compared with spaces removed.
var footerPrefixes = []string{
	"填表人", "填报人", "制表人", "制表", "审核人", "审批人", "负责人", "经办人", "联系人",
	"合计", "总计", "小计", "注：", "注:", "说明：", "说明:", "备注：", "备注:",
	"填报单位", "填报日期", "填表日期", "制表日期", "签字", "签名", "盖章",
}

// footerLength is the length from which a row's only text is taken for a
// remark across the table, not a member with everything else missing.
const footerLength = 15

// row reads one data row. Blank rows, footer lines and the header repeated
// on a later page are skipped, never reported as members.
func (im *importer) row(n int, cells []string) error {
	filled := false
	for _, c := range im.h.cols {
		if cell(cells, c.index) != "" {
			filled = true
			break
		}
	}
	if !filled || isFooter(cells) || im.repeatedHeader(cells) {
		return nil
	}
	im.rows++
	if im.rows > MaxDataRows {
		return fmt.Errorf("%w（超过 %d 行）", ErrTooManyRows, MaxDataRows)
	}
	m, rejected := im.member(n, cells)
	if len(rejected) > 0 {
		im.rf.Rejected = append(im.rf.Rejected, rejected...)
		return nil
	}
	im.rf.Members = append(im.rf.Members, ImportedRow{Row: n, Member: m})
	return nil
}

func isFooter(cells []string) bool {
	first, count := "", 0
	for _, c := range cells {
		if t := strings.TrimSpace(c); t != "" {
			if count == 0 {
				first = t
			}
			count++
		}
	}
	if strings.ContainsAny(first, " \u3000\t") {
		first = strings.Join(strings.Fields(first), "")
	}
	for _, p := range footerPrefixes {
		if strings.HasPrefix(first, p) {
			return true
		}
	}
	return count == 1 && utf8.RuneCountInString(first) >= footerLength
}

func (im *importer) repeatedHeader(cells []string) bool {
	id, _ := im.h.column(model.FieldIDNumber)
	name, _ := im.h.column(model.FieldName)
	v := cell(cells, id)
	return v != "" && !isDigits(v[:1]) && isHeading(v, model.FieldIDNumber) && isHeading(cell(cells, name), model.FieldName)
}

// member builds the member of row n and checks it. Every problem becomes a
// rejection of its field; a field whose text could not be read is not
// reported a second time by the record's own checks.
func (im *importer) member(n int, cells []string) (model.Member, []model.Rejection) {
	r := rowMember{row: n, m: model.Member{OnRoster: true}}
	for _, c := range im.h.cols {
		if v := cell(cells, c.index); v != "" {
			numeric, _ := im.numeric.numeric(n, c.index)
			r.set(c.field, v, numeric, im.date1904)
		}
	}
	m := &r.m
	// "是（2023-05）" in a 是否 column stands in for the detail column.
	if r.lostDetail != "" && m.LostSince.IsZero() && !r.unreadable(model.FieldLostSince) {
		r.set(model.FieldLostSince, r.lostDetail, false, false)
	}
	if r.mobileDetail != "" && m.MobileDestination == "" {
		m.MobileDestination = r.mobileDetail
	}
	if m.BranchName == "" {
		m.BranchName = im.branch
	}
	// A roster that leaves 人员类别 blank still says it by the 转正 date.
	if m.Category == "" && !r.unreadable(model.FieldCategory) && !m.FullDate.IsZero() {
		m.Category = model.CategoryFull
	}

	m.Normalize()
	for _, e := range m.Validate(im.today, im.rules) {
		// A field the file has no column for is not this row's fault: a
		// sheet of names, ID numbers and new phone numbers updates members
		// already on the roster. Whether the record is complete is checked
		// when it is merged with what the roster holds (storage.PlanImport),
		// which refuses it by this row's number if it is not.
		if !r.unreadable(e.Field) && im.h.has(e.Field) {
			r.reject(e.Field, e.Message)
		}
	}
	if !r.unreadable(model.FieldIDNumber) && m.IDNumber != "" {
		if first, ok := im.seen[m.IDNumber]; ok {
			r.reject(model.FieldIDNumber, fmt.Sprintf("与第%d行身份证号码重复", first))
		} else {
			im.seen[m.IDNumber] = n
		}
	}
	return r.m, r.rejected
}

// rowMember is the member of one row as its cells are read, with the
// problems found so far.
type rowMember struct {
	row      int
	m        model.Member
	rejected []model.Rejection
	// details typed into a 是否 cell ("是（广东深圳）")
	lostDetail, mobileDetail string
}

func (r *rowMember) reject(f model.Field, reason string) {
	r.rejected = append(r.rejected, model.Rejection{Row: r.row, Field: f, Reason: reason})
}

// unreadable reports whether f already has a problem.
func (r *rowMember) unreadable(f model.Field) bool {
	for _, x := range r.rejected {
		if x.Field == f {
			return true
		}
	}
	return false
}

// set reads the text v of field f into the member. numeric says the cell
// was stored as a number.
func (r *rowMember) set(f model.Field, v string, numeric, date1904 bool) {
	m := &r.m
	switch f {
	case model.FieldIDNumber:
		if shown, lost := idLostDigits(v, numeric); lost {
			r.reject(f, idStoredAsNumber(shown))
			return
		}
		m.IDNumber = v
	case model.FieldBirthDate, model.FieldJoinDate, model.FieldFullDate, model.FieldLostSince:
		d, err := parseCellDate(v, numeric, date1904)
		if err != nil {
			r.reject(f, err.Error())
			return
		}
		setDate(m, f, d)
	case model.FieldSex:
		var ok bool
		if m.Sex, ok = model.ParseSex(v); !ok {
			r.reject(f, fmt.Sprintf("无法识别性别%s，请填写“%s”或“%s”", quote(v), model.SexMale, model.SexFemale))
		}
	case model.FieldCategory:
		var ok bool
		if m.Category, ok = model.ParseCategory(v); !ok {
			r.reject(f, fmt.Sprintf("无法识别人员类别%s，请填写“%s”或“%s”", quote(v), model.CategoryFull, model.CategoryProbationary))
		}
	case model.FieldStanding:
		var ok bool
		if m.Standing, ok = model.ParseStanding(v); !ok {
			r.reject(f, fmt.Sprintf("无法识别党籍状态%s，请填写“%s”或“%s”", quote(v), model.StandingNormal, model.StandingSuspended))
		}
	case model.FieldEducation:
		m.Education = model.NormalizeEducation(v)
	case model.FieldEthnicity:
		m.Ethnicity = model.NormalizeEthnicity(v)
	case model.FieldLostContact, model.FieldMobile:
		yes, detail, ok := parseYesNoDetail(v)
		switch {
		case !ok:
			r.reject(f, fmt.Sprintf("无法识别%s，请填写“是”或“否”", quote(v)))
		case f == model.FieldMobile:
			m.Mobile, r.mobileDetail = yes, detail
		default:
			m.LostContact, r.lostDetail = yes, detail
		}
	case model.FieldPhone:
		if digits, ok := expandScientific(v); ok {
			v = digits // a phone number stored as a number keeps its 11 digits
		}
		m.Phone = v
	default:
		_ = m.SetText(f, v) // free text: cannot fail
	}
}

// setDate sets a date field; 失联年月 keeps only the month.
func setDate(m *model.Member, f model.Field, d model.Date) {
	switch f {
	case model.FieldBirthDate:
		m.BirthDate = d
	case model.FieldJoinDate:
		m.JoinDate = d
	case model.FieldFullDate:
		m.FullDate = d
	case model.FieldLostSince:
		m.LostSince = model.MonthDate(d.Year, d.Month)
	}
}
