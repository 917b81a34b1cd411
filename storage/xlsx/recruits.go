package xlsx

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"branchledger/model"
)

// RecruitFile is a pipeline workbook (发展党员台账 as branches keep it in
// Excel), read and checked: one person per row. Nothing has been written.
type RecruitFile struct {
	Sheet     string
	HeaderRow int
	Columns   []model.Field
	// Ignored are the headings of the columns not imported, as the roster
	// import names them: a heading no column answers to, or a second
	// column for one.
	Ignored  []string
	Rows     []RecruitRow
	Rejected []model.Rejection
	// Notes say what was worked out without refusing anything: an old
	// 15-digit ID number upgraded to 18.
	Notes []model.ImportNote
}

// RecruitRow is a person read from a row that passed every check.
type RecruitRow struct {
	Row     int
	Recruit model.Recruit
}

// recruitHeadings maps a normalised heading to its column of
// model.RecruitColumns.
var recruitHeadings = func() map[string]*model.RecruitColumn {
	m := map[string]*model.RecruitColumn{}
	for i := range model.RecruitColumns {
		c := &model.RecruitColumns[i]
		for _, h := range append([]string{string(c.Field)}, c.Aliases...) {
			m[headingKey(h, false)] = c
		}
	}
	return m
}()

func matchRecruitHeading(s string) (*model.RecruitColumn, bool) {
	if s == "" || len(s) > 200 {
		return nil, false
	}
	if c, ok := recruitHeadings[headingKey(s, false)]; ok {
		return c, true
	}
	c, ok := recruitHeadings[headingKey(s, true)]
	return c, ok
}

type recruitCol struct {
	index int
	col   *model.RecruitColumn
}

// findRecruitHeader picks the row among the first ones that names the most
// columns, with 姓名 and 公民身份号码 among them, and the headings of its
// columns not imported (a heading such as 序号 that no one imports is left
// out, as the roster import leaves it).
func findRecruitHeader(rows [][]string) (int, []recruitCol, []string) {
	best, bestCols, bestIgnored := 0, []recruitCol(nil), []string(nil)
	for i, r := range rows {
		var cols []recruitCol
		var ignored []string
		used := map[model.Field]bool{}
		for c := range r {
			h := cell(r, c)
			rc, ok := matchRecruitHeading(h)
			switch {
			case ok && !used[rc.Field]:
				used[rc.Field] = true
				cols = append(cols, recruitCol{c, rc})
			case ok:
				ignored = append(ignored, h+"（重复的“"+string(rc.Field)+"”列）")
			case h != "" && len(h) <= 200 && !skippedHeadings[headingKey(h, false)]:
				ignored = append(ignored, h)
			}
		}
		if used[model.ColName] && used[model.ColIDNumber] && len(cols) > len(bestCols) {
			best, bestCols, bestIgnored = i+1, cols, ignored
		}
	}
	return best, bestCols, bestIgnored
}

// ReadRecruitFile reads the pipeline workbook at path. Rows that fail a
// check are in Rejected, each problem tied to its row and column; the error
// is for a file that cannot be read as a pipeline at all.
func ReadRecruitFile(path string, today model.Date) (*RecruitFile, error) {
	data, err := readFileLimited(path)
	if err != nil {
		return nil, asRecruitFileError(err)
	}
	rf, err := readRecruits(data, today)
	if err != nil {
		return nil, fmt.Errorf("%w：%s", asRecruitFileError(err), path)
	}
	return rf, nil
}

func readRecruits(data []byte, today model.Date) (*RecruitFile, error) {
	bk, err := openWorkbook(data)
	if err != nil {
		return nil, err
	}
	defer bk.Close()
	// Visible sheets first: a hidden one is often an old copy.
	var visible, hidden []bookSheet
	for _, s := range bk.sheets {
		if v, err := bk.f.GetSheetVisible(s.name); err == nil && !v {
			hidden = append(hidden, s)
		} else {
			visible = append(visible, s)
		}
	}
	for _, s := range append(visible, hidden...) {
		if s.part == nil {
			continue // a chart sheet: no cells
		}
		// As the roster is read (reader.sheet): cells as they show, the
		// sheet's XML scanned for damage and merged ranges.
		shape, err := bk.scanSheet(s)
		if err != nil {
			return nil, err
		}
		rows, err := bk.streamSheet(s.name)
		if err != nil {
			return nil, err
		}
		rows = withUnsavedFormulas(rows, shape)
		var top [][]string
		for _, r := range rows {
			if r.n > headerSearchRows {
				break
			}
			for len(top) < r.n-1 {
				top = append(top, nil)
			}
			top = append(top, r.cells)
		}
		h, cols, ignored := findRecruitHeader(top)
		if h == 0 {
			continue
		}
		rd := recruitReader{today: today, cols: cols, seen: map[string]int{}, sr: bk.newSheetReader(s, shape),
			rf: &RecruitFile{Sheet: s.name, HeaderRow: h, Ignored: ignored}}
		for _, c := range cols {
			rd.rf.Columns = append(rd.rf.Columns, c.col.Field)
		}
		width := 0
		for _, c := range cols {
			width = max(width, c.index+1)
		}
		for _, row := range rows {
			if row.n <= h {
				continue
			}
			// A merged cell's value belongs to every row it covers.
			cells := make([]string, width)
			for c := 1; c <= width; c++ {
				sc, srow := rd.sr.below(c, row.n)
				src := row.cells
				if srow != row.n {
					src, _ = rowAt(rows, srow)
				}
				cells[c-1] = model.CleanText(cell(src, sc-1))
			}
			if err := rd.row(row.n, cells); err != nil {
				return nil, err
			}
		}
		return rd.rf, nil
	}
	return nil, errNoRecruitHeader
}

// errNoRecruitHeader is ErrNoHeader said of the pipeline workbook.
var errNoRecruitHeader = &otherFileError{msg: "没有找到发展党员台账的表头：需要至少包含“姓名”和“公民身份号码”两列", kind: ErrNoHeader}

// asRecruitFileError says an error of reading a file of the pipeline's
// workbook, not of a roster ("不像是党员花名册").
func asRecruitFileError(err error) error {
	return sayOfFile(err, "一个支部的发展党员台账", "发展党员台账")
}

type recruitReader struct {
	today model.Date
	cols  []recruitCol
	sr    *sheetReader
	seen  map[string]int
	rf    *RecruitFile
	count int
	notes []model.ImportNote // the current row's
}

func (rd *recruitReader) row(n int, cells []string) error {
	filled := false
	for _, c := range rd.cols {
		if cell(cells, c.index) != "" || rd.sr.unsavedFormula(rd.sr.below(c.index+1, n)) {
			filled = true
			break
		}
	}
	if !filled || isFooter(cells) || rd.repeatedHeader(cells) {
		return nil
	}
	rd.count++
	if rd.count > MaxDataRows {
		return fmt.Errorf("%w（超过 %d 行）", ErrTooManyRows, MaxDataRows)
	}
	var rejected []model.Rejection
	// Each refusal keeps its Text, for the English preview, which showed
	// the Chinese Reason (issue 8, ui13 #7).
	reject := func(f model.Field, reason model.Text) {
		rejected = append(rejected, model.Rejection{Row: n, Field: f, Reason: reason.String(), Text: reason})
	}
	said := func(e model.FieldError) model.Text {
		if e.Text.IsZero() || e.Text.String() != e.Message {
			return model.Sentence(e.Message)
		}
		return e.Text
	}
	bad := map[model.Field]bool{}
	given := map[model.Field]bool{} // the columns this row has a value in
	r := model.Recruit{}
	steps := map[model.RecruitStep]*model.StepRecord{}
	step := func(s model.RecruitStep) *model.StepRecord {
		if x, ok := steps[s]; ok {
			return x
		}
		x := &model.StepRecord{Step: s, Seq: 1}
		steps[s] = x
		return x
	}
	var sheetErr error
	for _, c := range rd.cols {
		v := cell(cells, c.index)
		col, src := rd.sr.below(c.index+1, n)
		if why, err := rd.sr.unknownFormula(col, src, v); err != nil {
			return err
		} else if !why.IsZero() {
			reject(c.col.Field, why)
			bad[c.col.Field] = true
			continue
		}
		if v == "" {
			continue
		}
		f := c.col.Field
		given[f] = true
		date := func() (model.Date, bool) {
			col, src := rd.sr.below(c.index+1, n)
			d, err := cellDate(rd.sr, col, src, v)
			var de *cellDateError
			switch {
			case errors.As(err, &de):
				reject(f, de.text)
				bad[f] = true
				return model.Date{}, false
			case err != nil:
				sheetErr = err
				return model.Date{}, false
			}
			return d, true
		}
		switch {
		case f == model.ColName:
			r.Name = v
		case f == model.ColIDNumber:
			// As the roster reads it: an ID number in a number cell has
			// lost digits, or will.
			col, src := rd.sr.below(c.index+1, n)
			if why := idCellProblem(rd.sr, col, src, v); !why.IsZero() {
				reject(f, why)
				bad[f] = true
				continue
			}
			r.IDNumber = v
		case f == model.ColSex:
			s, ok := model.ParseSex(v)
			if !ok {
				reject(f, model.Textf("无法识别性别%s，请填写“%s”或“%s”", quote(v), string(model.SexMale), string(model.SexFemale)))
				bad[f] = true
			}
			r.Sex = s
		case f == model.ColBirthDate:
			if d, ok := date(); ok {
				r.BirthDate = d
			}
		case f == model.ColRecruitEthnic:
			r.Ethnicity = model.NormalizeEthnicity(v)
		case f == model.ColRecruitEduc:
			r.Education = model.NormalizeEducation(v)
		case f == model.ColRecruitPost:
			r.Post = v
		case f == model.ColRecruitPhone:
			col, src := rd.sr.below(c.index+1, n)
			phone, why, sci, err := shownPhone(rd.sr, col, src, v)
			switch {
			case err != nil:
				sheetErr = err
			case !why.IsZero():
				reject(f, why)
				bad[f] = true
			case sci:
				r.Phone = phone
			default:
				r.Phone = v
			}
		case f == model.ColRecruitNotes:
			r.Notes = v
		case c.col.Part == model.PartPeople:
			step(c.col.Step).People = strings.Join(model.SplitNames(v), "、")
		case c.col.Part == model.PartHours:
			h, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), "学时"), 64)
			if err != nil || h < 0 || h > 1000 {
				reject(f, model.Textf("培训学时%s不是数字", quote(v)))
				bad[f] = true
				continue
			}
			step(c.col.Step).Hours = int(h + 0.5)
		default:
			d, ok := date()
			if !ok {
				continue
			}
			x := step(c.col.Step)
			switch c.col.Part {
			case model.PartStart:
				x.Start = d
			case model.PartEnd:
				x.End = d
			default:
				x.Date = d
			}
		}
	}
	if sheetErr != nil {
		return sheetErr // a type that could not be read: the sheet, not the cell
	}
	// A period is the step's date when no other is given: training ends
	// on its last day.
	if x, ok := steps[model.StepCourse]; ok && x.Date.IsZero() {
		x.Date = x.End
		if x.Date.IsZero() {
			x.Date = x.Start
		}
		if x.Date.IsZero() && x.Hours > 0 {
			reject(model.ColCourseEnd, model.Sentence("填写了培训学时，请同时填写培训日期"))
			bad[model.ColCourseEnd] = true
		}
	}
	// The sheet has no column for what the 转正 meeting decided; a 转正审批
	// date says it: the person became a full member (an extension or a
	// cancellation is not approved as 转正). Without it the roster would keep
	// them 预备党员 past their probation.
	if a, ok := steps[model.StepFullApproval]; ok && !a.Date.IsZero() {
		if m, ok := steps[model.StepFullMeeting]; ok && !m.Date.IsZero() {
			m.Outcome = model.OutcomeFull
		}
	}
	if x, ok := steps[model.StepCandidateRecord]; ok && (x.Start.IsZero() != x.End.IsZero()) {
		reject(model.ColNoticeEnd, model.Sentence("请同时填写公示开始日期和公示结束日期"))
		bad[model.ColNoticeEnd] = true
	}
	for _, x := range steps {
		if x.Date.IsZero() && x.Start.IsZero() && x.Hours == 0 && x.People != "" {
			// Mentors or sponsors named without a date: the step's date is
			// the one of the decision they belong to.
			switch x.Step {
			case model.StepMentors:
				x.Date = dateOf(steps, model.StepActivist)
			case model.StepSponsors:
				x.Date = dateOf(steps, model.StepCandidate)
			}
		}
		if x.Date.IsZero() && !(x.Step == model.StepCandidateRecord && !x.Start.IsZero()) {
			continue
		}
		r.Records = append(r.Records, *x)
	}
	recs := r.Records
	r.Records = nil
	for _, x := range recs {
		r.Put(x) // in step order
	}
	if up, ok := model.UpgradeIDNumber(r.IDNumber); ok && !bad[model.ColIDNumber] {
		who := r.Name
		if who == "" {
			who = fmt.Sprintf("第%d行", n)
		}
		rd.notes = append(rd.notes, model.ImportNote{Sheet: rd.rf.Sheet, Row: n, Field: model.FieldIDNumber,
			Message: fmt.Sprintf("%s：15位的旧身份证号码 %s 已按国家标准（GB 11643-1999）升级为18位 %s", who, model.NormalizeIDNumber(r.IDNumber), up)})
		r.IDNumber = up
	}
	r.Normalize()
	for _, e := range r.ValidatePerson() {
		f := personColumn(e.Field)
		// 性别 and 出生日期 come from the ID number when their cell is
		// empty: a bad ID number is refused once, by its own column.
		if (f == model.ColSex || f == model.ColBirthDate) && !given[f] {
			continue
		}
		if !bad[f] {
			reject(f, said(e))
		}
	}
	for _, x := range r.Records {
		for _, e := range x.Validate(rd.today) {
			f := stepColumn(x.Step, e.Field)
			if !bad[f] {
				reject(f, said(e))
			}
		}
	}
	if r.IDNumber != "" && !bad[model.ColIDNumber] {
		if first, ok := rd.seen[r.IDNumber]; ok {
			reject(model.ColIDNumber, model.Textf("与第%d行身份证号码重复", first))
		} else {
			rd.seen[r.IDNumber] = n
		}
	}
	if len(rejected) > 0 {
		rd.rf.Rejected = append(rd.rf.Rejected, rejected...)
		rd.notes = rd.notes[:0]
		return nil
	}
	rd.rf.Notes = append(rd.rf.Notes, rd.notes...)
	rd.notes = rd.notes[:0]
	rd.rf.Rows = append(rd.rf.Rows, RecruitRow{Row: n, Recruit: r})
	return nil
}

func dateOf(steps map[model.RecruitStep]*model.StepRecord, s model.RecruitStep) model.Date {
	if x, ok := steps[s]; ok {
		return x.Date
	}
	return model.Date{}
}

// personColumn is the column of a problem with the person's data.
func personColumn(f model.Field) model.Field {
	switch f {
	case model.RecruitName:
		return model.ColName
	case model.RecruitIDNumber:
		return model.ColIDNumber
	case model.RecruitSex:
		return model.ColSex
	case model.RecruitBirthDate:
		return model.ColBirthDate
	case model.RecruitPhone:
		return model.ColRecruitPhone
	case model.RecruitNotes:
		return model.ColRecruitNotes
	case model.RecruitPost:
		return model.ColRecruitPost
	case model.RecruitEthnicity:
		return model.ColRecruitEthnic
	case model.RecruitEducation:
		return model.ColRecruitEduc
	}
	return model.ColApplication // the age at the application
}

// stepColumn is the column of a problem with a step's record: its date
// column, or for a period its end.
func stepColumn(s model.RecruitStep, f model.Field) model.Field {
	var out model.Field
	for _, c := range model.RecruitColumns {
		if c.Step != s {
			continue
		}
		switch {
		case out == "":
			out = c.Field
		case f == model.StepPeriodField && c.Part == model.PartEnd:
			out = c.Field
		case c.Part == model.PartDate:
			out = c.Field
		}
	}
	if out == "" {
		return model.ColApplication
	}
	return out
}

// repeatedHeader: the header printed again on a later page.
func (rd *recruitReader) repeatedHeader(cells []string) bool {
	var name, id string
	for _, c := range rd.cols {
		switch c.col.Field {
		case model.ColName:
			name = cell(cells, c.index)
		case model.ColIDNumber:
			id = cell(cells, c.index)
		}
	}
	a, ok1 := matchRecruitHeading(name)
	b, ok2 := matchRecruitHeading(id)
	return ok1 && ok2 && a.Field == model.ColName && b.Field == model.ColIDNumber
}
