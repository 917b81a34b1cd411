package xlsx

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// The member of one row: each cell read into its field, then the record
// checked as the forms check it.

// member builds the member of a record and checks it, and gives each
// cell's text as the sheet shows it. Every problem
// becomes a rejection of its field, naming the person and what the cell
// shows; a field whose cell could not be read is not reported a second
// time by the record's own checks.
func (im *importer) member(rec *record) (model.Member, map[model.Field]string, []model.Rejection, []model.ImportNote, error) {
	n, cells := rec.n, rec.cells
	r := rowMember{im: im, row: n, m: model.Member{OnRoster: true}, shown: make(map[model.Field]string, len(im.h.cols)), from: map[model.Field]string{}}
	if c, ok := im.h.column(model.FieldName); ok {
		r.name = model.CutTyped(cell(cells, c)) // for messages: a paragraph would swamp each one
	}
	if rec.sharedWith > 0 {
		return model.Member{}, nil, []model.Rejection{r.sharedRefusal(rec)}, nil, nil
	}
	for _, c := range im.h.cols {
		v := cell(cells, c.index)
		// Where excelize does not show the cell as Excel does (its format's
		// sections, conditional formatting), what Excel shows is read.
		col, src := im.sr.below(c.index+1, n)
		sc, err := im.sr.shown(col, src, v, dateFields[c.field])
		switch {
		case err != nil:
			return model.Member{}, nil, nil, nil, err
		case sc.unknown:
			r.reject(c.field, model.Textf(conditionalFormatReason))
			continue
		case sc.hidden != nil:
			// Blank on screen, as Excel shows it: said, not dropped
			// silently (hiddenByFormat, hiddenNotes).
			r.hiddenValue(c.field, *sc.hidden)
		}
		v = sc.text
		if why, err := im.sr.unknownFormula(col, src, v); err != nil {
			return model.Member{}, nil, nil, nil, err
		} else if !why.IsZero() {
			r.reject(c.field, why)
			continue
		}
		if v == "" {
			continue
		}
		if c.tick != "" {
			r.tick(c, v)
			continue
		}
		r.shown[c.field] = v
		if im.h.splitParts(c.field) != nil {
			continue // a date's part, read with the others (joinColumns)
		}
		if c.pair && c.field != model.FieldJoinDate {
			continue // read with its 入党 (twoDates)
		}
		// A TRUE/FALSE cell is a yes or a no, not a name, a date or a
		// branch (stored, it made a member named TRUE: review s8-7
		// attack #10); a 是否 column may hold one.
		isBool := false
		if c.field != model.FieldLostContact && c.field != model.FieldMobile {
			if isBool, err = im.sr.boolCell(col, src, v); err != nil {
				return model.Member{}, nil, nil, nil, err
			}
		}
		if isBool {
			r.reject(c.field, model.Textf("单元格是逻辑值 %s（是/否），不是%s", v, model.Term(c.field.Label())))
			continue
		}
		if r.cellSaysLeft(c, v, col, src) {
			continue
		}
		if c.pair {
			if err := r.twoDates(c, v, col, src); err != nil {
				return model.Member{}, nil, nil, nil, err
			}
			continue
		}
		if err := r.set(c.field, v, col, src); err != nil {
			return model.Member{}, nil, nil, nil, err
		}
	}
	r.serialSaysLeft(cells)
	if err := r.joinColumns(cells); err != nil {
		return model.Member{}, nil, nil, nil, err
	}
	if err := r.duplicateColumns(cells); err != nil {
		return model.Member{}, nil, nil, nil, err
	}
	r.settleShortYears()
	r.settleStatus()
	r.saysLeft()
	r.commentSaysLeft()
	r.leavingColumns(cells)
	r.strayLeaving(rec.strays)
	if err := r.settleTicks(); err != nil {
		return model.Member{}, nil, nil, nil, err
	}
	m := &r.m
	// "是（2023-05）" in a 是否 column stands in for the detail column.
	if r.lostDetail != "" && m.LostSince.IsZero() && !r.unreadable(model.FieldLostSince) {
		d, err := model.ParseDate(r.lostDetail)
		if err != nil {
			r.reject(model.FieldLostContact, errText(err))
		} else {
			m.LostSince = model.MonthDate(d.Year, d.Month)
		}
	}
	if r.mobileDetail != "" && m.MobileDestination == "" {
		m.MobileDestination = r.mobileDetail
	}
	// The branch a 同上 on the next row stands for: this row's own, as
	// its cell (or a merged one over it, or a 同上 in it) gives it.
	im.above, im.aboveRow = "", n
	if !r.unreadable(model.FieldBranchName) {
		im.above = m.BranchName
	}
	if m.BranchName == "" {
		m.BranchName = im.sectionBranch(n)
	}
	if m.BranchName == "" && im.sheet.TitleBranch != "" {
		m.BranchName, im.titleUsed = im.sheet.TitleBranch, true
	}
	if m.BranchName == "" && im.sheet.TitleWhy != "" {
		im.titleRefused = true
	}
	m.BranchName = BranchText(m.BranchName)
	// A section row above it may say it (一、正式党员).
	if m.Category == "" && !r.unreadable(model.FieldCategory) {
		m.Category = im.sectionCategory(n)
	}
	r.pairedAlone()
	if m.Category == "" && im.h.has(model.FieldCategory) && !r.unreadable(model.FieldCategory) {
		if v := r.shown[model.FieldCategory]; v != "" {
			// 党员, 中共: a member, not said which kind (review s9-7 #5).
			im.unsaidCategory = append(im.unsaidCategory, model.Textf("第%d行（%s）", n, quote(v)))
		} else {
			im.blankCategory = append(im.blankCategory, model.Textf("第%d行", n))
		}
	}
	// A roster that leaves 人员类别 out still says it by the 转正 date;
	// without one, whether the member is still probationary depends on
	// what the roster holds for them, and is decided when the row is
	// merged with it (storage.PlanImport, model.CategoryFromDates).
	if m.Category == "" && !r.unreadable(model.FieldCategory) && !m.FullDate.IsZero() {
		m.Category = model.CategoryFull
	}
	im.fullDateLater = false
	if (m.Category == "" || m.Category == model.CategoryFull) && !r.unreadable(model.FieldCategory) && m.FullDate.IsZero() && !r.unreadable(model.FieldFullDate) && im.h.probationEnd > 0 {
		if err := r.categoryByProbationEnd(cells); err != nil {
			return model.Member{}, nil, nil, nil, err
		}
	}
	// A sheet without a 转正 column cannot say when its 正式党员 became
	// full members: each is added with the date blank, asked for later
	// (信息待完善), as under 预备期满 — every one was refused for a date
	// the file has no place for (review M7).
	if !im.fullDateLater && im.h.probationEnd == 0 && !im.h.has(model.FieldFullDate) && m.Category == model.CategoryFull && m.FullDate.IsZero() && !r.unreadable(model.FieldCategory) {
		im.fullDateLater = true
	}
	if up, ok := model.UpgradeIDNumber(m.IDNumber); ok && !r.unreadable(model.FieldIDNumber) {
		r.notes = append(r.notes, model.Note(im.sheet.Name, n, model.FieldIDNumber,
			"%s：15位的旧身份证号码 %s 已按国家标准（GB 11643-1999）升级为18位 %s", r.who(), model.NormalizeIDNumber(m.IDNumber), up))
		m.IDNumber = up
	}

	r.birthByID()
	r.sheetSays()
	r.groupSays()
	r.detailSaysYes()
	r.statusByNotes()
	m.Normalize()
	for _, e := range m.Validate(im.rd.today, im.rd.rules) {
		// A field the file has no column for is not this row's fault: a
		// sheet of names, ID numbers and new phone numbers updates members
		// already on the roster. Whether the record is complete is checked
		// when it is merged with what the roster holds (storage.PlanImport),
		// which refuses it by this row's number if it is not; so is a
		// missing 人员类别.
		if r.unreadable(e.Field) || !im.h.has(e.Field) || (e.Field == model.FieldCategory && m.Category == "") {
			continue
		}
		// An empty 性别 or 出生日期 comes from the ID number once that is
		// fixed: beside a refused ID it is no second fault.
		if (e.Field == model.FieldSex || e.Field == model.FieldBirthDate) && r.shown[e.Field] == "" && r.unreadable(model.FieldIDNumber) {
			continue
		}
		if hidden := r.hiddenByFormat(e.Field); !hidden.IsZero() {
			r.reject(e.Field, hidden)
			continue
		}
		if e.Text.IsZero() {
			e.Text = model.Sentence(e.Message)
		}
		// The record holds the upgraded 18 digits, whose 17th gives the
		// sex; the cell shows the old 15, whose 15th does (review
		// s13-attack #7: 第17位 of a number the user never saw).
		if old := model.NormalizeIDNumber(r.shown[model.FieldIDNumber]); e.Field == model.FieldSex && len(old) == 15 && old != m.IDNumber {
			if info, err := model.ParseIDNumber(m.IDNumber); err == nil && m.Sex != info.Sex {
				e.Text = model.Textf("性别与身份证号码不一致（15位号码的第15位表示%s）", info.Sex)
			}
		}
		r.reject(e.Field, e.Text)
	}
	// Paid up to a month before joining is a typo (1990 for 2019), which
	// the ledger would replace by the month before joining without a word.
	if m.DuesPaidTo != 0 && !m.JoinDate.IsZero() && m.DuesPaidTo < model.MonthOfDate(m.JoinDate)-1 && !r.unreadable(model.FieldJoinDate) {
		r.reject(model.FieldDuesPaidTo, model.Textf("党费已交至 %s 早于加入党组织日期 %s（入党前不交党费），请核对年份", m.DuesPaidTo.String(), m.JoinDate.String()))
	}
	r.hiddenNotes()
	if !r.unreadable(model.FieldIDNumber) && m.IDNumber != "" {
		// Every row of an ID number the sheet gives twice is refused once
		// the sheet is read (importer.refuseRepeated).
		im.idRows[m.IDNumber] = append(im.idRows[m.IDNumber], idRow{row: n, name: r.name, shown: r.shown[model.FieldIDNumber]})
	}
	return r.m, r.shown, r.rejected, append(rec.notes(im.sheet.Name, r.who(), &r.m), r.notes...), nil
}

// hiddenByFormat is the refusal of a field that shows blank although its
// cell holds a value: a number format such as ;;; hides it. The user sees
// the value in the formula bar and would be told to fill in what is there
// (review s3-7 attack #6). "" when the cell is truly empty, or cannot be
// asked (the sheet too large to load: the usual refusal stands).
func (r *rowMember) hiddenByFormat(f model.Field) model.Text {
	if h, ok := r.hidden[f]; ok {
		return h.refusal()
	}
	c, ok := r.im.h.column(f)
	if !ok || r.shown[f] != "" {
		return model.Text{}
	}
	col, src := r.im.sr.below(c+1, r.row)
	raw, err := r.im.sr.value(col, src)
	if err != nil {
		return model.Text{}
	}
	raw = model.CleanText(strings.TrimSpace(raw))
	if raw == "" {
		return model.Text{}
	}
	// Under a merge that starts elsewhere the value is hidden by the
	// merge, which shows its first cell's: the cell has no number format
	// to change (review s13-attack #6).
	for _, m := range r.im.sr.merges {
		if col >= m.c1 && col <= m.c2 && src >= m.r1 && src <= m.r2 && (col != m.c1 || src != m.r1) {
			if utf8.RuneCountInString(raw) > 20 {
				raw = string([]rune(raw)[:20]) + "…"
			}
			return model.Textf("单元格%s存有“%s”，但它在合并单元格%s:%s之内，合并后只显示%[3]s的内容；请取消合并，或把内容填到%[3]s后再导入",
				cellRef(col, src), raw, cellRef(m.c1, m.r1), cellRef(m.c2, m.r2))
		}
	}
	return hiddenCell{raw: raw}.refusal()
}

// hiddenCell is a value a cell holds but shows as nothing: raw ("" when it
// could not be read), hidden by the cell's number format or by
// conditional formatting (byRule).
type hiddenCell struct {
	raw    string
	byRule bool
}

func (h hiddenCell) String() string { return h.text().String() }

// text says what the cell holds and what hides it.
func (h hiddenCell) text() model.Text {
	raw := h.raw
	if utf8.RuneCountInString(raw) > 20 {
		raw = string([]rune(raw)[:20]) + "…"
	}
	switch {
	case raw == "" && h.byRule:
		return model.Textf("单元格有内容，但条件格式把内容隐藏了（显示为空白）")
	case raw == "":
		return model.Textf("单元格有内容，但它的数字格式把内容隐藏了（显示为空白）")
	case h.byRule:
		return model.Textf("单元格存有“%s”，但条件格式把内容隐藏了（显示为空白）", raw)
	}
	return model.Textf("单元格存有“%s”，但它的数字格式把内容隐藏了（显示为空白）", raw)
}

// fix says what makes the value show.
func (h hiddenCell) fix() model.Text {
	if h.byRule {
		return model.Textf("请清除该列的条件格式规则（开始 → 条件格式 → 清除规则）")
	}
	return model.Textf("请改为能显示内容的单元格格式（如“常规”或日期格式）")
}

// refusal refuses the field whose cell hides its value.
func (h hiddenCell) refusal() model.Text {
	return model.Textf("%s；%s后再导入", h.text(), h.fix())
}

// hiddenValue keeps what the cell of field f holds that its number format
// or a conditional format hides (sheetReader.shown): the field is read as
// the blank the sheet shows, and the value is named, not dropped without
// a word.
func (r *rowMember) hiddenValue(f model.Field, h hiddenCell) {
	if r.hidden == nil {
		r.hidden = map[model.Field]hiddenCell{}
	}
	if _, seen := r.hidden[f]; !seen {
		r.hiddenOrder = append(r.hiddenOrder, f)
	}
	r.hidden[f] = h
}

// branchDitto reports a 所在党支部 cell that is a ditto mark (dittoMark),
// also with the field's word after it: 同上支部, 同上党支部.
func branchDitto(v string) bool {
	if dittoMark(v) {
		return true
	}
	k := markKey(v)
	for _, w := range []string{"党支部", "支部", "党组织"} {
		if rest, ok := strings.CutSuffix(k, w); ok && dittoKey(rest) {
			return true
		}
	}
	return false
}

// blankable are the fields a roster may fill with a word or a dash for
// "none" (saysBlank): the phone, and the dates the form leaves blank for
// many members (转正 for a probationary one, 失联年月, 到本支部日期, 党费
// 已交至; 出生日期 comes from the ID). 加入党组织日期 is every member's:
// 无 there is refused as no date.
var blankable = map[model.Field]bool{model.FieldPhone: true, model.FieldBirthDate: true, model.FieldFullDate: true,
	model.FieldLostSince: true, model.FieldArrivedOn: true, model.FieldDuesPaidTo: true}

// noneOf are the words after a "none" word that name what there is none
// of: 无电话, 暂无手机号, 没有联系方式.
var noneOf = []string{"联系电话", "联系方式", "手机号码", "手机号", "手机", "电话号码", "电话", "号码"}

// saysBlank reports a cell of field f that only says there is nothing:
// a none mark (noneMark: 无, 暂无, —, /, 不详), or for a phone 无电话 and
// the like.
func saysBlank(f model.Field, v string) bool {
	if noneMark(v) {
		return true
	}
	// 失联年月 否, 未失联 say the member is not lost, as a blank does: they
	// were refused as dates that could not be read (review ra9 L9).
	if f == model.FieldLostSince {
		return slices.Contains([]string{"否", "未失联", "非失联", "没有失联", "未失去联系"}, markKey(v))
	}
	if f != model.FieldPhone {
		return false
	}
	k := markKey(v)
	for _, w := range noneOf {
		if rest, ok := strings.CutSuffix(k, w); ok && rest != "" && noneKey(rest) {
			return true
		}
	}
	return false
}

// nanText reports the NaN (or ±Inf) another program wrote for a number it
// did not have.
func nanText(v string) bool {
	switch strings.ToUpper(strings.TrimSpace(v)) {
	case "NAN", "-NAN", "+NAN", "INF", "-INF", "+INF", "INFINITY", "-INFINITY":
		return true
	}
	return false
}

// cellRef names a cell (column and row numbers from 1) as Excel does: F7.
func cellRef(col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return ""
	}
	return ref
}

// dateFields are the fields read as dates (rowMember.set).
var dateFields = map[model.Field]bool{model.FieldBirthDate: true, model.FieldJoinDate: true, model.FieldFullDate: true,
	model.FieldLostSince: true, model.FieldArrivedOn: true, model.FieldDuesPaidTo: true}

// hiddenNotes tells of each field read as blank because its cell's format
// hides the value, unless the field was refused for it (a required one).
func (r *rowMember) hiddenNotes() {
	for _, f := range r.hiddenOrder {
		if r.unreadable(f) {
			continue
		}
		r.notes = append(r.notes, r.hidden[f].note(r.im.sheet.Name, r.row, r.who(), f))
	}
}

// hiddenDate is a date cell's hidden value as the user knows it: its date,
// not its serial.
func hiddenDate(raw string, date1904 bool) string {
	if serial, err := strconv.ParseFloat(raw, 64); err == nil && serial >= 1 {
		if t, err := excelize.ExcelDateToTime(serial, date1904); err == nil {
			return model.DateOf(t).String()
		}
	}
	return raw
}

// note tells that field f of who (row of sheet) was read as blank because
// its cell hides the value.
func (h hiddenCell) note(sheet string, row int, who any, f model.Field) model.ImportNote {
	return model.Note(sheet, row, f, "%s的%s：%s，按空白导入；如需导入这一项，%s后重新导入", who, model.Term(f.Label()), h.text(), h.fix())
}

// sharedRefusal refuses a row that shares the merged 姓名 or 公民身份号码
// of the record above it and holds values of its own other than text
// carried on (record.sharedWith): the same person, or another one whose
// cells were merged by mistake, cannot be told.
func (r *rowMember) sharedRefusal(rec *record) model.Rejection {
	var merged, own model.Terms
	for _, f := range []model.Field{model.FieldName, model.FieldIDNumber} {
		if c, ok := r.im.h.column(f); ok {
			if _, src := r.im.sr.below(c+1, rec.n); src < rec.n {
				merged = append(merged, f.Label())
			}
		}
	}
	if len(merged) == 0 {
		merged = append(merged, serialHeading)
	}
	for _, f := range rec.sharedFields {
		own = append(own, f.Label())
	}
	r.reject(model.FieldName, model.Textf("本行的%s与第%d行是同一个合并单元格，本行却另填了%s：同一名党员的内容请写在第%d行（接着写的工作岗位、家庭住址、备注等文字可以留在本行）；若是另一名党员，请取消合并，填写其姓名和公民身份号码",
		merged, rec.sharedWith, own, rec.sharedWith))
	return r.rejected[0]
}

// rowMember is the member of one row as its cells are read, with the
// problems found so far.
type rowMember struct {
	im       *importer
	row      int
	name     string // the 姓名 cell, for messages
	m        model.Member
	shown    map[model.Field]string // each cell's text as the sheet shows it, for messages
	rejected []model.Rejection
	notes    []model.ImportNote
	// details typed into a 是否 cell ("是（广东深圳）")
	lostDetail, mobileDetail string
	// hidden are the values of fields whose cells' number formats hide
	// them, in column order (hiddenValue)
	hidden      map[model.Field]hiddenCell
	hiddenOrder []model.Field
	// the tick columns of each field given by them, in column order
	ticks     map[model.Field]*ticks
	tickOrder []model.Field
	// from says where the value of a field is when no one cell holds it
	// (Rejection.From): "D3、E3两格合为" for a date split into 年 and 月.
	from map[model.Field]string
	// birthPointOne is a 出生日期 shown as 1986.1 — January, or October
	// whose 0 a number cell dropped — with its refusal: the row's ID
	// number decides it once read (birthByID).
	birthPointOne *pointOne
	// birthEither is a 出生日期 written year last that may be either of
	// two dates (05/06/1980), with its refusal: the row's ID number
	// decides it once read (birthByID).
	birthEither *eitherDate
	// shortYears are the dates written with a two-digit year (85.03),
	// read by the member's birth year (settleShortYears).
	shortYears []shortYear
	// status is what a 党员类别 cell of 在职党员, 离退休党员 or 流动党员 says
	// (categoryStatus), nil without one.
	status *model.MemberStatus
	// addrParts are the parts of an address split into columns read so
	// far (addressPart).
	addrParts []string
	// pairOne is the one date of a column of both party dates, which the
	// row's 人员类别 decides (pairedAlone), nil without one.
	pairOne *pairDate
}

// eitherDate is a date cell that may be either of two dates and the
// refusal it gets alone.
type eitherDate struct {
	shown   string
	refusal model.Text
	either  [2]model.Date
}

// pointOne is a date cell shown as YYYY.1 and the refusal it gets alone.
type pointOne struct {
	shown   string
	refusal model.Text
}

// birthByID reads a 出生日期 shown as 1986.1 by the row's ID number: its
// birth month, January or October of that year, is the one the cell
// means; the row was refused for a cell the app could read (review
// s14-newuser #1). So is one written year last whose day and month could
// be either (05/04/1980: brief loud #1). Without an ID that settles it
// the refusal stands.
func (r *rowMember) birthByID() {
	if e := r.birthEither; e != nil {
		info, err := model.ParseIDNumber(r.m.IDNumber)
		if err != nil || r.unreadable(model.FieldIDNumber) || !slices.Contains(e.either[:], info.Birth) {
			r.reject(model.FieldBirthDate, e.refusal)
			return
		}
		// 05/04/1980 beside an ID born 1980-04-05: the ID says which
		// number is the day.
		r.m.BirthDate = info.Birth
		r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, model.FieldBirthDate,
			"%s：出生日期%s分不清哪个数是日、哪个是月，按身份证号码中的出生日期读作%s", r.who(), quote(e.shown), info.Birth))
		return
	}
	p := r.birthPointOne
	if p == nil {
		return
	}
	year, _ := strconv.Atoi(p.shown[:4])
	info, err := model.ParseIDNumber(r.m.IDNumber)
	if err != nil || r.unreadable(model.FieldIDNumber) || info.Birth.Year != year ||
		info.Birth.Month != time.January && info.Birth.Month != time.October {
		r.reject(model.FieldBirthDate, p.refusal)
		return
	}
	r.m.BirthDate = model.MonthDate(year, info.Birth.Month)
	r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, model.FieldBirthDate,
		"%s：出生日期%s分不清是1月还是10月，按身份证号码中的出生日期读作%d年%d月", r.who(), quote(p.shown), year, int(info.Birth.Month)))
}

// reject refuses field f of the row for reason.
func (r *rowMember) reject(f model.Field, reason model.Text) {
	r.rejected = append(r.rejected, model.Rejection{
		Sheet: r.im.sheet.Name, Row: r.row, Field: f, Reason: reason.String(), Text: reason, Name: r.name, Value: r.shown[f], From: r.from[f],
	})
}

// who names the row's person for a note.
// A nameless row is a Text, said as "row 5" in English (en7 leftover).
func (r *rowMember) who() any {
	if r.name != "" {
		return r.name
	}
	return model.Textf("第%d行", r.row)
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

// date reads the date cell of field f (see cellDate); ok is false when the
// cell was refused (then err is nil) or the sheet cannot be read on (err).
func (r *rowMember) date(f model.Field, v string, col, src int) (d model.Date, ok bool, err error) {
	d, err = cellDate(r.im.sr, col, src, v)
	if err != nil {
		var de *cellDateError
		if errors.As(err, &de) {
			if short, err := r.shortYearDate(f, v, col, src, de.text); short || err != nil {
				return model.Date{}, false, err // read once the birth year is known
			}
			r.reject(f, de.text)
			return model.Date{}, false, nil
		}
		return model.Date{}, false, err
	}
	return d, true, nil
}

// set reads the text v of field f, as its cell shows it, into the member;
// (col, src) is the cell it comes from, whose type is asked for where it
// decides the meaning. The error is for a sheet that cannot be read on,
// not for the cell.
func (r *rowMember) set(f model.Field, v string, col, src int) error {
	m := &r.m
	if strings.HasPrefix(v, "#") && excelErrors[strings.ToUpper(v)] {
		r.reject(f, model.Textf("%s单元格显示的是公式出错的结果 %s，不是%s", cellRef(col, src), v, model.Term(f.Label())))
		return nil
	}
	// NaN is what another program (pandas, a database export) writes for
	// a value it did not have or could not compute: no name, phone or
	// date, and not the blank it may stand for (the cell did hold
	// something else once).
	if nanText(v) {
		r.reject(f, model.Textf("%s单元格为%s，是别的程序导出时留下的“非数字”记号，不是%s；请填写实际内容或删去后再导入", cellRef(col, src), quote(v), model.Term(f.Label())))
		return nil
	}
	// 无, —, 暂无, 无电话 in a phone or in a date the form may leave blank
	// is the blank itself, written out: read as blank, neither refused
	// nor stored as the phone (issue 7).
	if blankable[f] && saysBlank(f, v) {
		r.shown[f] = "" // a second column for f is read as beside a blank
		return nil
	}
	// 同上, 〃, 同上支部 in 所在党支部: hand-kept rosters write the branch
	// once and ditto it below; it is the branch of the row above, said.
	if f == model.FieldBranchName && branchDitto(v) {
		if r.im.above == "" {
			r.reject(f, model.Textf("是“同上”的记号，但上一行没有所在党支部；请填写实际的党支部名称后再导入"))
			return nil
		}
		r.m.BranchName = r.im.above
		r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, f, "%s：所在党支部为%s，按上一行（第%d行）的%s导入", r.who(), quote(v), r.im.aboveRow, quote(r.im.above)))
		return nil
	}
	// 同上 or a ditto mark under a repeated value is no value: stored, it
	// made branches named “〃” (review s7-7 attack #1).
	if dittoMark(v) {
		r.reject(f, model.Textf("是“同上”的记号，不是实际内容；请填写实际内容（或把上一格合并到这一格）后再导入"))
		return nil
	}
	// A dash or 无 where a form has nothing to say is no branch and no
	// 民族: stored, it made nine "branches" (review s7-7 attack #24).
	if (f == model.FieldBranchName || f == model.FieldEthnicity) && noneMark(v) {
		r.reject(f, model.Textf("是表示“无”的记号，不是%s；不清楚时请留空，否则请填写实际内容后再导入", model.Term(f.Label())))
		return nil
	}
	switch f {
	case model.FieldIDNumber:
		// An ID number in a number cell has lost digits, or will.
		if why := idCellProblem(r.im.sr, col, src, v); !why.IsZero() {
			r.reject(f, why)
			return nil
		}
		m.IDNumber = v
	case model.FieldBirthDate, model.FieldJoinDate, model.FieldFullDate, model.FieldLostSince, model.FieldArrivedOn:
		if f == model.FieldBirthDate && yearPointOne.MatchString(v) {
			d, err := cellDate(r.im.sr, col, src, v)
			var de *cellDateError
			if errors.As(err, &de) {
				r.birthPointOne = &pointOne{shown: v, refusal: de.text}
				return nil
			}
			if err != nil {
				return err
			}
			setDate(m, f, d)
			return nil
		}
		if f == model.FieldBirthDate {
			d, err := cellDate(r.im.sr, col, src, v)
			var de *cellDateError
			if errors.As(err, &de) && !de.either[0].IsZero() {
				r.birthEither = &eitherDate{shown: v, refusal: de.text, either: de.either}
				return nil
			}
			if errors.As(err, &de) {
				r.reject(f, de.text)
				return nil
			}
			if err != nil {
				return err
			}
			setDate(m, f, d)
			return nil
		}
		d, ok, err := r.date(f, v, col, src)
		if !ok {
			return err
		}
		setDate(m, f, d)
	case model.FieldDuesPaidTo:
		// Read as every month cell is (a number cell such as 2026.1 is
		// refused as ambiguous), then checked as the dues forms check it.
		d, ok, err := r.date(f, v, col, src)
		if !ok {
			return err
		}
		if d.IsZero() {
			return nil
		}
		paid := model.MonthOf(d.Year, d.Month)
		if err := model.ValidateOpening(paid, r.im.rd.today, model.CurrentDuesRules()); err != nil {
			r.reject(f, duesText(err))
			return nil
		}
		m.DuesPaidTo = paid
	// The words to write are the sheet's, in Chinese in every language
	// (the importer reads those): plain strings in the sentences.
	case model.FieldSex:
		var ok bool
		// 1 and 2, the codes of GB/T 2261.1, as systems export them.
		if sex, code := model.SexCodes[strings.TrimSpace(v)]; code {
			m.Sex = sex
		} else if m.Sex, ok = model.ParseSex(v); !ok {
			r.reject(f, model.Textf("无法识别性别%s，请填写“%s”或“%s”", quote(v), string(model.SexMale), string(model.SexFemale)))
		}
	case model.FieldCategory:
		if r.categoryStatus(v) {
			return nil
		}
		var ok bool
		switch m.Category, ok = model.ParseCategory(v); {
		case !ok && recruitCategory(v) != "":
			// Not a member yet: their dates are the 发展党员 register's
			// (review ra7 F20: “无法识别人员类别” told the user nothing).
			r.reject(f, model.Textf("人员类别为%s：%s还不是党员，不能导入党员花名册；请在“发展党员”中登记", quote(v), recruitCategory(v)))
		case !ok && model.NotPartyMember(v):
			r.reject(f, model.Textf("%s不是中共党员（正式党员或预备党员），不能导入党员花名册；若填错了，请改为“%s”或“%s”", quote(v), string(model.CategoryFull), string(model.CategoryProbationary)))
		case !ok:
			r.reject(f, model.Textf("无法识别人员类别%s，请填写“%s”或“%s”", quote(v), string(model.CategoryFull), string(model.CategoryProbationary)))
		case m.Category != "" && model.CategoryRemark(v) != "":
			// 预备党员（延长预备期）: the remark is not lost without a word.
			r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, f, "%s：人员类别%s记为%s，括号中的%s没有导入；需要时请写入备注",
				r.who(), quote(v), model.Term(string(m.Category)), quote(model.CategoryRemark(v))))
		}
	case model.FieldStanding:
		var ok bool
		if m.Standing, ok = model.ParseStanding(v); !ok && leftSaying(v) != "" {
			// 已故, 出党, 开除: a leaving, not a standing (review ra7 F15).
			r.reject(f, model.Textf("党籍状态为%s，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请填写“%s”或“%s”后再导入",
				quote(v), string(model.StandingNormal), string(model.StandingSuspended)))
		} else if !ok {
			r.reject(f, model.Textf("无法识别党籍状态%s，请填写“%s”或“%s”", quote(v), string(model.StandingNormal), string(model.StandingSuspended)))
		}
	case model.FieldEducation:
		m.Education = model.NormalizeEducation(v)
	case model.FieldEthnicity:
		// One of the 56 of GB 3304 (or what an ID card may carry
		// besides): 中国, 汉民, 不详 are none (review s8-7 attack #2).
		// 01–56, the codes of GB 3304, as systems export them.
		if e, code := model.EthnicityByCode(v); code {
			v = e
		}
		if m.Ethnicity = model.NormalizeEthnicity(v); m.Ethnicity != "" && !model.KnownEthnicity(m.Ethnicity) {
			r.reject(f, model.Textf("%s不是民族名称，应填写如“汉族”", quote(v)))
		}
	case model.FieldLostContact, model.FieldMobile:
		yes, detail, ok := parseYesNoDetail(v)
		switch {
		case !ok:
			r.reject(f, model.Textf("无法识别%s，请填写“是”或“否”", quote(v)))
		case f == model.FieldMobile:
			m.Mobile, r.mobileDetail = yes, detail
		default:
			m.LostContact, r.lostDetail = yes, detail
		}
	case model.FieldPhone:
		phone, why, sci, err := shownPhone(r.im.sr, col, src, v)
		switch {
		case err != nil:
			return err
		case !why.IsZero():
			r.reject(f, why)
			return nil
		case sci:
			v = phone
		}
		m.Phone = v
	default:
		_ = m.SetText(f, v) // free text: cannot fail
	}
	return nil
}

// duesText is a dues error's sentence as a Text, without its kind
// ("党费："): the field is named already.
func duesText(err error) model.Text {
	msg := strings.TrimPrefix(err.Error(), model.ErrDues.Error()+"：")
	if t, ok := model.SentenceOf(err); ok && t.String() == msg {
		return t
	}
	return model.Sentence(msg)
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
		if !d.IsZero() {
			d = model.MonthDate(d.Year, d.Month)
		}
		m.LostSince = d
	case model.FieldArrivedOn:
		m.ArrivedOn = d
	}
}

// joinColumns reads the second columns of fields that are read together
// with the first (header.joins, joinHow): the value a user sees in either
// is the field's, not dropped as a duplicate column's.
func (r *rowMember) joinColumns(cells []string) error {
	for _, j := range r.im.h.joins {
		f := j.field
		first, ok := r.im.h.column(f)
		if !ok || r.unreadable(f) {
			continue
		}
		if j.join == joinYearMonth {
			if parts := r.im.h.splitParts(f); parts[len(parts)-1].index == j.index {
				if err := r.splitDate(f, parts, cells); err != nil {
					return err
				}
			}
			continue
		}
		sc, col, src, ok, err := r.joinedCell(j, cells)
		if err != nil {
			return err
		} else if !ok {
			continue
		}
		b := model.CleanLine(sc.text)
		if b == "" || blankable[f] && saysBlank(f, b) {
			continue
		}
		a := model.CleanLine(r.shown[f])
		v := b
		switch {
		case a == "":
		case spaceless(a) == spaceless(b):
			continue
		case j.join == joinUnitPost && unitHeading(j.heading):
			v = b + " " + a
		case j.join == joinUnitPost, j.join == joinMerged && joinsText[f], j.join == joinRemarks:
			v = a + " " + b
		case j.join == joinParts:
			v = r.addressPart(a, b)
		case j.join == joinHighest:
			hi, ok := higherEducation(a, b)
			if !ok {
				// Not both of the form's codes: the 在职 one, taken later,
				// is read, and the other named.
				hi = b
				if inServiceGroup(r.im.h.groupAt(first)) || inServiceGroup(r.im.h.headingAt(first)) {
					hi = a
				}
				r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, f, "%s：全日制教育和在职教育的学历%s、%s分不出高低，导入在职教育的%s", r.who(), quote(a), quote(b), quote(hi)))
			}
			if hi == a {
				continue
			}
		default:
			// Two numbers under one heading: the first is read, the second
			// said.
			ka, _ := excelize.ColumnNumberToName(first + 1)
			kb, _ := excelize.ColumnNumberToName(j.index + 1)
			r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, f, "%s：%s有两个，导入%s列的%s，%s列的%s未导入", r.who(), model.Term(f.Label()), ka, quote(a), kb, quote(b)))
			continue
		}
		r.shown[f] = v
		if err := r.set(f, v, col, src); err != nil {
			return err
		}
	}
	return nil
}

// joinedCell is the cell of the joined column j in this row as the sheet
// shows it, and where it is. ok is false when a conditional format may show
// it otherwise (the field is refused for it); a value its format hides is
// said (hiddenValue).
func (r *rowMember) joinedCell(j column, cells []string) (sc shownCell, col, src int, ok bool, err error) {
	col, src = r.im.sr.below(j.index+1, r.row)
	if sc, err = r.im.sr.shown(col, src, cell(cells, j.index), false); err != nil {
		return sc, col, src, false, err
	}
	switch {
	case sc.unknown:
		r.reject(j.field, model.Textf(conditionalFormatReason))
		return sc, col, src, false, nil
	case sc.hidden != nil:
		r.hiddenValue(j.field, *sc.hidden)
	}
	return sc, col, src, true, nil
}

// splitDate reads a date split into parts (header.splitParts: 年 | 月,
// perhaps | 日, in any order; the first part's text already in r.shown):
// together they are the date, to the month, or to the day when a 日 is
// given, as typed in one cell. A part missing or not a number of its kind
// refuses the field naming every cell, the faulty one marked in the
// workbook of refused rows (Rejection.Cols): the user sees the date across
// them.
func (r *rowMember) splitDate(f model.Field, parts []column, cells []string) error {
	type piece struct {
		part, text, ref string
		col             int // 1-based
	}
	col, src := r.im.sr.below(parts[0].index+1, r.row)
	pieces := []piece{{parts[0].part, model.CleanLine(r.shown[f]), cellRef(col, src), parts[0].index + 1}}
	for _, j := range parts[1:] {
		sc, col, src, ok, err := r.joinedCell(j, cells)
		if err != nil || !ok {
			return err
		}
		pieces = append(pieces, piece{j.part, model.CleanLine(sc.text), cellRef(col, src), j.index + 1})
	}
	slices.SortFunc(pieces, func(a, b piece) int { return partOrder(a.part) - partOrder(b.part) })
	of := map[string]piece{}
	for _, p := range pieces {
		of[p.part] = p
	}
	if !slices.ContainsFunc(pieces, func(p piece) bool { return p.text != "" }) {
		return nil
	}
	y, mo, d := of["年"], of["月"], of["日"]
	year, yok := datePart(y.text, "年", 4)
	month, mok := datePart(mo.text, "月", 2)
	day, dok := datePart(d.text, "日", 2)
	var why model.Text
	var blamed piece
	switch {
	case y.text == "":
		why, blamed = model.Textf("缺少年份"), y
	case mo.text == "":
		why, blamed = model.Textf("缺少月份（日期要写到月）"), mo
	case !yok || year < 1900:
		why, blamed = model.Textf("年份应为四位数字，如 2003"), y
	case !mok || month < 1 || month > 12:
		why, blamed = model.Textf("月份应为 1 到 12 的数字"), mo
	case d.text != "" && (!dok || day < 1 || day > daysIn(year, month)):
		why, blamed = model.Textf("日应为 1 到 %d 的数字", daysIn(year, month)), d
	}
	var refs []string
	for _, p := range pieces {
		refs = append(refs, p.ref)
	}
	if !why.IsZero() {
		said := func(p piece) any {
			if p.text == "" {
				return model.Textf("空")
			}
			return quote(p.text)
		}
		r.shown[f] = "" // every cell is named in the reason
		if len(pieces) == 3 {
			r.reject(f, model.Textf("“%s”分成了年、月、日三列：%s（年）为%s，%s（月）为%s，%s（日）为%s，%s；请改正后再导入", parts[0].group, y.ref, said(y), mo.ref, said(mo), d.ref, said(d), why))
		} else {
			r.reject(f, model.Textf("“%s”分成了年、月两列：%s（年）为%s，%s（月）为%s，%s；请改正后再导入", parts[0].group, y.ref, said(y), mo.ref, said(mo), why))
		}
		if blamed.col > 0 {
			r.rejected[len(r.rejected)-1].Cols = []int{blamed.col}
		}
		return nil
	}
	date := model.MonthDate(year, time.Month(month))
	r.shown[f] = fmt.Sprintf("%d年%d月", year, month)
	if d.text != "" {
		date = model.NewDate(year, time.Month(month), day)
		r.shown[f] += fmt.Sprintf("%d日", day)
	}
	r.from[f] = strings.Join(refs, "、") + "两格合为"
	if len(refs) == 3 {
		r.from[f] = strings.Join(refs, "、") + "三格合为"
	}
	setDate(&r.m, f, date)
	return nil
}

// daysIn is the number of days of a month.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// datePart is the number of a year or month cell ("2003", "2003年",
// "１０月"): at most n digits, the unit after them allowed.
func datePart(s, unit string, n int) (int, bool) {
	s = model.HalfWidthDigits(strings.TrimSpace(strings.TrimSuffix(s, unit)))
	if !model.IsDigits(s) || len(s) > n {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	return v, err == nil
}

// higherEducation is the higher of two 学历 by the form's codes (model.
// Educations, highest first); ok is false unless both are codes.
func higherEducation(a, b string) (string, bool) {
	ia := slices.Index(model.Educations, model.NormalizeEducation(a))
	ib := slices.Index(model.Educations, model.NormalizeEducation(b))
	if ia < 0 || ib < 0 || model.NormalizeEducation(a) == "其他" || model.NormalizeEducation(b) == "其他" {
		return "", false
	}
	if ib < ia {
		return b, true
	}
	return a, true
}

// duplicateColumns refuses the row when a second column for a field
// (header.dups) says otherwise than the one imported: which one holds
// cannot be told, and the one not imported may be the one on screen.
func (r *rowMember) duplicateColumns(cells []string) error {
	same := func(s string) string { return spaceless(model.CleanLine(s)) }
	for _, d := range r.im.h.dups {
		kept, ok := r.im.h.column(d.field)
		if !ok {
			continue
		}
		// A cell merged down from a row above is read there.
		if _, src := r.im.sr.below(kept+1, r.row); src != r.row {
			continue
		}
		if _, src := r.im.sr.below(d.index+1, r.row); src != r.row {
			continue
		}
		a, b := cell(cells, kept), cell(cells, d.index)
		if v, ok := r.shown[d.field]; ok {
			a = v
		}
		// One of the two blank is nothing to choose between: the value
		// given is read (review s8-7 recheck #6: 政治面貌 left blank beside
		// 人员类别 refused a real member).
		// Only a value on screen is taken so: a hidden column's beside a
		// blank is the stale copy the comparison is for (review s8-7
		// recheck #14), refused below as two that differ.
		hidden := func(c int) bool { return r.im.sr.shape != nil && r.im.sr.shape.colHidden(c+1) }
		if same(b) == "" && !hidden(kept) {
			continue
		}
		if same(a) == "" && same(b) != "" && !hidden(d.index) {
			if !r.unreadable(d.field) {
				col, src := r.im.sr.below(d.index+1, r.row)
				r.shown[d.field] = b
				if err := r.set(d.field, b, col, src); err != nil {
					return err
				}
			}
			continue
		}
		if dateFields[d.field] || d.field == model.FieldIDNumber {
			// A date or an ID number is compared by what it means
			// (2008.06 is 2008-06), read as its own cell shows it
			// (review s8-7 attack #3: a hidden old 加入党组织日期 was
			// stored over the one on screen).
			if r.unreadable(d.field) {
				continue
			}
			col, src := r.im.sr.below(d.index+1, r.row)
			sc, err := r.im.sr.shown(col, src, b, dateFields[d.field])
			if err != nil || sc.unknown {
				continue
			}
			b = sc.text
			if sameMeaning(d.field, r.im.sr, col, src, &r.m, a, b) {
				continue
			}
			if d.meeting && !r.m.JoinDate.IsZero() {
				if err := r.meetingDate(d, kept, b, col, src); err != nil {
					return err
				}
				continue
			}
		} else if same(a) == same(b) || sameValue(d.field, a, b) {
			continue
		}
		ka, _ := excelize.ColumnNumberToName(kept + 1)
		kb, _ := excelize.ColumnNumberToName(d.index + 1)
		r.reject(d.field, twoColumns(d.field, ka, a, kb, b))
	}
	return nil
}

// categoryByProbationEnd reads the day probation ends (预备期满,
// header.probationEnd) of a row without a 转正 date, which is either a
// 正式党员's or says no 人员类别. Where the row says none, the day settles
// it: probation running past today is a 预备党员's; ended, and past even
// the longest extension counted from 加入党组织日期, it is a 正式党员's — a
// probationary member cannot be, and one whose probation was cancelled is
// no longer on the roster. Between the two the member is left to the
// dates, as a roster without the column is (model.CategoryFromDates:
// 预备党员). A 正式党员 whose probation ended is added without a 转正
// date (importer.fullDateLater): 预备期满 is not it (转正 may be voted
// later, or the probation extended), and the sheet gives no other. Every
// such 正式党员 was refused, “正式党员请填写转为正式党员日期” (or without
// 人员类别 “应已转正”), though the sheet said when probation had ended.
func (r *rowMember) categoryByProbationEnd(cells []string) error {
	im, m := r.im, &r.m
	c := im.h.probationEnd - 1
	col, src := im.sr.below(c+1, r.row)
	sc, err := im.sr.shown(col, src, cell(cells, c), true)
	if err != nil {
		return err
	}
	if sc.unknown || sc.text == "" {
		return nil
	}
	heading := im.h.probationEndHeading()
	end, err := cellDate(im.sr, col, src, sc.text)
	var bad *cellDateError
	switch {
	case errors.As(err, &bad):
		r.reject(model.FieldFullDate, model.Textf("“%s”列：%s（没有人员类别和转为正式党员日期，人员类别要由它得出）", heading, bad.text))
		return nil
	case err != nil:
		return err
	}
	rules, today := im.rd.rules.Membership, im.rd.today
	latest := end.AddMonths(rules.ProbationMaxExtensionMonths)
	if !m.JoinDate.IsZero() {
		latest = model.ProbationLatestEnd(m.JoinDate, rules)
	}
	switch {
	case !m.JoinDate.IsZero() && !end.After(m.JoinDate):
		r.reject(model.FieldJoinDate, model.Textf("“%s”为%s，不晚于加入党组织日期%s：请核对后再导入", heading, end, m.JoinDate))
		return nil
	case m.Category != "":
	case !end.Before(today):
		m.Category = model.CategoryProbationary
		im.byProbationEnd++
	case latest.Before(today):
		m.Category = model.CategoryFull
		im.byProbationEnd++
	}
	im.fullDateLater = m.Category == model.CategoryFull && end.Before(today)
	return nil
}

// meetingDate checks the date of the 支部大会 that admitted the member
// (column d, its cell shown as b) against the 入党时间 read from column
// kept, when the two differ. 入党时间 is that day (probation runs from it,
// 发展党员工作细则 step 21): an 入党时间 up to the longest the upper
// committee may take to approve later (model.RecruitRules.ApprovalMaxMonths,
// six months) is most likely that approval and is kept, with a 提示 asking to correct it; any other
// difference leaves nothing to choose by, and the row is refused naming
// both.
func (r *rowMember) meetingDate(d column, kept int, b string, col, src int) error {
	meeting, err := cellDate(r.im.sr, col, src, b)
	var bad *cellDateError
	switch {
	case errors.As(err, &bad):
		r.reject(d.field, model.Textf("“%s”列：%s", d.heading, bad.text))
		return nil
	case err != nil:
		return err
	}
	join := r.m.JoinDate
	heading := r.im.h.dateLabelAt(kept)
	if meeting.Compare(join) == 0 {
		return nil // 2008.06 beside 2008-06-15
	}
	if meeting.Before(join) && !join.After(meeting.AddMonths(model.RecruitRulesOn(meeting).ApprovalMaxMonths.N)) {
		// A 转正 a year after the meeting is on time, and early only for
		// the later 入党时间: said as that, not as 转正日期早于预备期满
		// beside a sheet that gives the day probation ran from.
		years := r.im.rd.rules.Membership.ProbationYears
		if full := r.m.FullDate; !full.IsZero() && full.Before(join.AddYears(years)) && !full.Before(meeting.AddYears(years)) {
			r.reject(model.FieldFullDate, model.Textf("转为正式党员日期%s距“%s”%s满%d年，距“%s”%s不满：加入党组织日期应是支部大会通过为预备党员之日（预备期从此算起），“%s”如是上级党委审批的日期，请改为支部大会通过的日期后再导入",
				full, d.heading, meeting, years, heading, join, heading))
			return nil
		}
		r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, d.field,
			"%s：“%s”为%s，晚于“%s”%s：加入党组织日期按“%s”记为%s；加入党组织日期应是支部大会通过为预备党员之日（预备期从此算起），“%s”如是上级党委审批的日期，请改正",
			r.who(), heading, join, d.heading, meeting, heading, join, heading))
		return nil
	}
	r.reject(d.field, model.Textf("“%s”为%s，“%s”为%s：入党时间应是支部大会通过为预备党员之日，两者不符，请核对改正后再导入", heading, join, d.heading, meeting))
	return nil
}

// leftRelation is where in s 组织关系 (or 关系) is moved somewhere: 关系转
// 社区, 组织关系已迁至…, 关系调往… — not moved here (关系转入, 转来, 转回本
// 支部), not adjusted (关系调整), and not left in place (关系未转:
// leftSaying's negation). The phrase runs to the next punctuation, at most
// twelve characters.
func leftRelation(s string) (at, end int, ok bool) {
	for at = range indexesOf(s, "关系") {
		rest := strings.TrimPrefix(strings.TrimPrefix(s[at+len("关系"):], "已经"), "已")
		verb, size := utf8.DecodeRuneInString(rest)
		// 组织关系流出 (review ra8 G7); 关系流入 is an arrival.
		if !strings.ContainsRune("转迁调流", verb) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(rest[size:])
		if strings.ContainsRune("入进来回本我整正", next) {
			continue
		}
		end = len(s) - len(rest)
		for n, r := range rest {
			if n > 0 && (strings.ContainsRune("，。；、,;（）() ", r) || utf8.RuneCountInString(s[at:end]) >= 12) {
				break
			}
			end += utf8.RuneLen(r)
		}
		return at, end, true
	}
	return 0, 0, false
}

// leftSaying is the words in s that say the person has left the roster
// (rowLeftWords, leftRelation), "" if none: not negated (未转出), and not a
// move to this branch (转至本支部, 由第二党支部转到我支部).
func leftSaying(s string) string {
	// Most cells hold none of the words' first characters (a name, a date,
	// an ID number): checked once, not word by word, for 20,000 rows of
	// cells.
	if !leftSayingStarts.any(s) {
		return ""
	}
	s = leavingText(s)
	// A move that names where to (转至, 调往: towardsHere) followed by 本
	// or 我 is one here (转至本支部); any other word followed by them says
	// out of here (转出本支部, 调出本单位 were stored as current members:
	// review ra7 F31).
	said := func(at, end int, toward bool) bool {
		if notLeft(strings.TrimSuffix(s[:at], "办理")) || pendingLeaving(s[:at], s[end:]) || notLeftBy(s[at:end], s[end:]) {
			return false
		}
		clause := clauseBefore(s, at)
		if saysOfSomeoneElse(clause) || movedOutBeforeArriving(s, clause, s[at:end]) {
			return false
		}
		// A duty (负责党员组织关系转出转入), a return after it (2019年转
		// 出，2021年转回) and a membership said still here (已调出本单位，
		// 组织关系未转) say the member is here (review ra9 L3).
		if strings.Contains(clause, "负责") || slices.ContainsFunc(returnedWords, func(w string) bool { return strings.Contains(s[end:], w) }) ||
			stillHere(s) {
			return false
		}
		return !toward || !towardsUs(s[end:])
	}
	for _, w := range rowLeftWords {
		toward := slices.Contains(towardsHere, w)
		for at := range indexesOf(s, w) {
			if said(at, at+len(w), toward) {
				return w
			}
		}
	}
	for from := 0; from < len(s); {
		at, end, ok := leftRelation(s[from:])
		if !ok {
			break
		}
		// 组织关系转出中: a move in hand (pendingLeaving).
		phrase := s[from+at : from+end]
		if said(from+at, from+end, true) && (!strings.HasSuffix(phrase, "中") || strings.Contains(phrase, "已")) {
			return phrase
		}
		from += end
	}
	return ""
}

// leftSayingStarts are the first characters of rowLeftWords and of 关系
// (leftRelation): leftSaying finds nothing in a text without any of them.
// Their traditional forms (轉出, 關係: leavingText) are among them.
var leftSayingStarts = func() *runeSet {
	var starts runeSet
	starts.add('关')
	for _, w := range rowLeftWords {
		r, _ := utf8.DecodeRuneInString(w)
		starts.add(r)
	}
	for t, r := range traditionalOf {
		if starts.has(r) {
			starts.add(t)
		}
	}
	return &starts
}()

// clauseBefore is the clause of s that ends at at: from the punctuation
// before it.
func clauseBefore(s string, at int) string {
	from := strings.LastIndexAny(s[:at], "，。；、,;：:（）()")
	if from < 0 {
		return s[:at]
	}
	_, size := utf8.DecodeRuneInString(s[from:])
	return s[from+size : at]
}

// returnedWords, after a word of leaving, bring the member back.
var returnedWords = []string{"转回", "调回", "回到本支部", "回本支部", "重新转入"}

// stillHere reports a 备注 saying the membership has not moved: 组织关系未
// 转, 关系仍在本支部 — not 关系未转入 (it never came).
func stillHere(s string) bool {
	for _, w := range []string{"关系未转", "关系没有转", "关系仍在本", "关系还在本", "关系在本支部"} {
		for at := range indexesOf(s, w) {
			if !strings.HasPrefix(s[at+len(w):], "入") {
				return true
			}
		}
	}
	return false
}

// someoneElse are the people a member's 备注 speaks of besides the member:
// 父亲已故, 其配偶王某已故, 入党介绍人已去世 say nothing of the member, who
// was refused as having died (review M6).
var someoneElse = []string{"父亲", "母亲", "父母", "其父", "其母", "其妻", "其夫", "其子", "其女", "配偶", "妻子", "丈夫", "爱人", "老伴",
	"儿子", "女儿", "子女", "祖父", "祖母", "爷爷", "奶奶", "外公", "外婆", "岳父", "岳母", "公公", "婆婆",
	"哥哥", "弟弟", "姐姐", "妹妹", "兄弟", "姐妹", "家属", "亲属", "家人", "介绍人", "联系人", "培养人",
	// and the member's things moved elsewhere: 户口已迁出, 社保已转出 (review ra9 L3)
	"户口", "户籍", "社保", "医保", "公积金"}

// saysOfSomeoneElse reports a clause before a word of leaving whose
// subject is another person (someoneElse), not the member too (本人与配偶
// 均已转出).
func saysOfSomeoneElse(clause string) bool {
	if strings.Contains(clause, "本人") || strings.Contains(clause, "该同志") || strings.Contains(clause, "该党员") {
		return false
	}
	return slices.ContainsFunc(someoneElse, func(w string) bool { return strings.Contains(clause, w) })
}

// pendingLeaving reports a leaving in hand, not done: 转出手续办理中, 组织关
// 系转出中, 转出手续未办完 — the member stays on the register until the
// move is done (RULES.md §5), and was refused as gone (review M6). One
// said done (已转出，手续办理中) is a leaving.
func pendingLeaving(before, after string) bool {
	if strings.HasSuffix(before, "已") || strings.HasSuffix(before, "已经") {
		return false
	}
	for {
		rest := after
		for _, p := range []string{"（", "(", "手续", "程序", "流程", "正在", "尚在", "在", "办理", "进行", "审批"} {
			rest = strings.TrimPrefix(rest, p)
		}
		if rest == after {
			break
		}
		after = rest
	}
	return strings.HasPrefix(after, "中") || strings.HasPrefix(after, "未") || strings.HasPrefix(after, "尚未")
}

// arrivalsHere are the words of a move to this branch.
var arrivalsHere = []string{"转入本", "转入我", "调入本", "调入我", "迁入本", "迁入我", "转来本", "转来我", "转到本", "转到我", "转至本", "转至我", "转回本", "转回我"}

// movedOutBeforeArriving reports a move out (转出, 调出, 迁出) said of the
// place the member came from — 原单位已转出，2020年转入本支部, 从原单位转
// 出后转入本支部 — by a 备注 that says the member arrived here: the
// member was refused as having left (review D2).
func movedOutBeforeArriving(s, clause, word string) bool {
	if !strings.HasSuffix(word, "出") {
		return false
	}
	if !strings.HasPrefix(clause, "原") && !strings.HasPrefix(clause, "从") && !strings.HasPrefix(clause, "由") && !strings.HasPrefix(clause, "自") &&
		!strings.Contains(clause, "原单位") && !strings.Contains(clause, "原支部") {
		return false
	}
	return slices.ContainsFunc(arrivalsHere, func(w string) bool { return strings.Contains(s, w) })
}

// saysLeft refuses a row whose name (辛四（已转出）) or 备注 (已故,
// 2025年3月已转出, 组织关系转至…, 已调离) says the person has left:
// imported, they were counted as members on the roster. A leaver is
// recorded in the window (转出, 去世 …), and a member still here has the
// words taken out.
func (r *rowMember) saysLeft() {
	r.nameCell()
	w := leftSaying(r.m.Notes)
	if w == "" {
		w = r.movedElsewhere(r.m.Notes)
	}
	if w == "" {
		w = aloneLeaving(r.m.Notes)
	}
	if w != "" && !r.unreadable(model.FieldNotes) {
		switch r.remarkOnOthers(r.m.Notes, w) {
		case remarkOthers, remarkExcepts:
			// About the others: their rows are refused (remarkLeavers,
			// and the rows the merge covers).
			r.suspendedByNotes()
			return
		case remarkUnsure:
			r.reject(model.FieldNotes, model.Textf("备注“%s”说的是除此人外的人已离开（写着“%s”），看不出说的是表中哪几位，这一行未导入：请在那几位的备注中写明，或删去他们的行后再导入", r.m.Notes, w))
			return
		}
		r.reject(model.FieldNotes, model.Textf("备注中写着“%s”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改写备注后再导入", w))
		return
	}
	r.suspendedByNotes()
}

// movingInto are the words of a move into a place: an arrival when the
// place is here (2020年转入本支部, 从XX转入), a leaving when it is another
// (已转入第二党支部, 转入XX社区党委, 移交社区: review D1, F36).
// 调入 is as often an arrival at this unit without its name (2019年调入XX
// 公司), and a place that is only a unit's (转入XX公司) may be this one.
var movingInto = []string{"转入", "移交"}

// placeWords end or make the name of a place a member's 组织关系 is in.
var placeWords = []string{"支部", "总支", "党委", "党组", "党工委", "社区", "街道", "村", "乡", "镇"}

// movedInto is the words of s saying the member's 组织关系 was moved into
// another place (movingInto followed by a place's name), and the place; ""
// if none. A move from somewhere (从XX转入, 由XX转入本支部), into here (转入
// 本支部, 转入我单位), not done (拟转入XX社区), and 档案移交社区 (the file,
// not the membership) are none.
func movedInto(s string) (said, place string) {
	if !strings.ContainsAny(s, "转移轉") {
		return "", ""
	}
	s = leavingText(s)
	for _, w := range movingInto {
		for at := range indexesOf(s, w) {
			end := at + len(w)
			clause := clauseBefore(s, at)
			if notLeft(s[:at]) || pendingLeaving(s[:at], s[end:]) || saysOfSomeoneElse(clause) || strings.Contains(clause, "档案") ||
				strings.ContainsAny(clause, "从由自") {
				continue
			}
			rest := s[end:]
			for _, p := range []string{"至", "到", "给"} {
				rest = strings.TrimPrefix(rest, p)
			}
			if i := strings.IndexAny(rest, "，。；、,;（）() "); i >= 0 {
				rest = rest[:i]
			}
			if rest == "" || towardsUs(rest) {
				continue
			}
			if slices.ContainsFunc(placeWords, func(p string) bool { return strings.Contains(rest, p) }) {
				return s[at : len(s)-len(s[end:])+strings.Index(s[end:], rest)+len(rest)], rest
			}
		}
	}
	return "", ""
}

// movedElsewhere is the words of a member's 备注 saying the member was
// moved into another place than the row's branch or sheet (movedInto),
// "" if none.
func (r *rowMember) movedElsewhere(notes string) string {
	said, place := movedInto(notes)
	if said == "" {
		return ""
	}
	for _, here := range []string{r.m.BranchName, r.im.sheet.Name, r.im.sheet.Title} {
		here = leavingText(model.CleanLine(here))
		if here != "" && (strings.Contains(place, here) || strings.Contains(here, place)) {
			return ""
		}
	}
	return said
}

// suspendedByNotes reads 停止党籍 (and 停籍, 中止党籍: model.SuspendedWords)
// in 备注 or a 批注 as the member's 党籍状态: a field of the record
// (RULES.md §4), which a roster without the column writes there. It was
// passed over and the member stored as 正常 without a word (review
// s14-reattack7 #8, ra8 G7, G8). A 党籍状态 column saying 正常 beside it is
// a contradiction the row is refused for; 未停止党籍, 拟停止党籍 or a 恢复
// 党籍 after it say the standing is not suspended now.
func (r *rowMember) suspendedByNotes() {
	if r.unreadable(model.FieldStanding) {
		return
	}
	for _, rm := range r.remarks() {
		word := suspendedSaying(rm.text)
		if word == "" {
			continue
		}
		switch {
		case r.m.Standing == model.StandingSuspended:
		case r.shown[model.FieldStanding] != "":
			r.reject(rm.field(model.FieldStanding), model.Textf("%s中写着“%s”，%s却为%s：请改正其中之一后再导入", rm.where, word, model.FieldStanding.Label(), quote(r.shown[model.FieldStanding])))
		default:
			r.m.Standing = model.StandingSuspended
			r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, model.FieldStanding, "%s：%s中写着“%s”，党籍状态记为“停止党籍”", r.who(), rm.where, word))
		}
	}
}

// suspendedSaying is the word of model.SuspendedWords (停止党籍, 停籍 …)
// text says of the member now, "" if none: its last, not undone by a 恢复
// after it, nor denied or yet to come (未停止党籍, 拟停止党籍, 建议停止党籍).
func suspendedSaying(text string) string {
	word, at := "", -1
	for _, w := range model.SuspendedWords {
		if i := strings.LastIndex(text, w); i > at {
			word, at = w, i
		}
	}
	if at < 0 || strings.Contains(text[at:], "恢复") {
		return ""
	}
	before := strings.TrimSuffix(strings.TrimSuffix(text[:at], "已"), "被")
	if notLeft(before) || slices.ContainsFunc([]string{"建议", "应", "恢复"}, func(n string) bool { return strings.HasSuffix(before, n) }) {
		return ""
	}
	return word
}

// remark is what a row says of its member in words: its 备注, or a note
// (批注) on one of its cells.
type remark struct {
	text  string // as the words are looked for in it (leavingText)
	where any    // 备注 (a model.Term), A2单元格的批注 (a model.Text)
	note  bool   // a 批注
}

// field is the field a remark contradicting the column of f is refused
// under: 备注, or f itself for a 批注 — its cell is the one to mark.
func (rm remark) field(f model.Field) model.Field {
	if rm.note {
		return f
	}
	return model.FieldNotes
}

// remarks are the row's 备注, unless it could not be read, and the notes
// on its cells, without their author's name (commentText): a note saying
// 失联 or 停止党籍 is read as the 备注 is (review ra8 G8).
func (r *rowMember) remarks() []remark {
	var out []remark
	if !r.unreadable(model.FieldNotes) && r.m.Notes != "" {
		out = append(out, remark{text: leavingText(r.m.Notes), where: model.Term("备注")})
	}
	for _, c := range commentsOn(r.im.sr.part.comments, r.row) {
		out = append(out, remark{text: leavingText(commentText(c.text)), where: model.Textf("%s单元格的批注", cellRef(c.col, c.row)), note: true})
	}
	return out
}

// groupSays gives the row the 党籍状态 停止党籍 a group row above it or a
// note below it says (importer.suspendedBy); a 党籍状态 cell saying
// otherwise refuses the row, naming both.
func (r *rowMember) groupSays() {
	s := r.im.suspendedBy(r.row)
	if s == nil || r.unreadable(model.FieldStanding) || r.m.Standing == model.StandingSuspended {
		return
	}
	if v := r.shown[model.FieldStanding]; v != "" {
		if s.above {
			r.reject(model.FieldStanding, model.Textf("第%d行的说明“%s”说其上各行已停止党籍，党籍状态却为%s：请改正其中之一后再导入", s.row, s.title, quote(v)))
		} else {
			r.reject(model.FieldStanding, model.Textf("在分组行“%s”之下，党籍状态却为%s：请改正其中之一后再导入", s.title, quote(v)))
		}
		return
	}
	r.m.Standing = model.StandingSuspended
}

// notesStatus are the words of a 备注 or a 批注 saying the member is a 失联
// 党员 or a 流动党员 (RULES.md §4: fields of the record), with the field
// each sets: said anywhere in it (words), or as a clause of its own
// (alone: 流动, 外出 — 外出学习已返回 is none). The member was stored 否
// without a word (review wd D6, ra8 G6).
var notesStatus = []struct {
	words, alone []string
	field        model.Field
}{
	{words: lostWords, field: model.FieldLostContact},
	{words: mobileWords, alone: []string{"流动", "外出", "已外出", "在外", "在外地", "外地"}, field: model.FieldMobile},
}

// lostWords and mobileWords say a member is a 失联党员 or a 流动党员
// wherever they are said (notesStatus, statusStates).
var (
	lostWords = append(slices.Clip(destLostWords), "下落不明", "去向不明", "无法取得联系", "不知去向", "长期未联系", "长期联系不上",
		"杳无音信", "音讯全无", "音信全无", "失踪", "断联", "断了联系")
	mobileWords = []string{"流动党员", "外出务工", "外出打工", "外出经商", "外出就业", "外出工作", "在外务工", "在外地务工", "流动在外",
		"外出流动", "在外流动", "流动人员", "外出中",
		"人在外地", "长期在外", "常年在外", "长期外出", "常年外出", "外出未归", "外出多年", "在外地工作", "在外打工", "在外经商", "在外工作",
		"外地务工", "外地打工", "外地工作", "流出党员"}
)

// notesStatusEnded are words after which a 失联 or 流动 no longer holds:
// 已恢复联系, 已返乡, 已回, 失联（已恢复）; lostEnded end a 失联 only and
// mobileEnded a 流动 only — 流动党员，已联系 is still away (review ra9
// S12: it was stored 否).
var (
	notesStatusEnded = []string{"恢复", "结束"}
	lostEnded        = []string{"取得联系", "联系上", "已联系"}
	mobileEnded      = []string{"返乡", "回乡", "返回", "已回", "回来", "回到本地"}
)

// notesStatusPast end what comes before a word that was so once, not now:
// 曾流动, 曾为流动党员, 原失联 (review ra8 G11).
var notesStatusPast = []string{"曾", "曾经", "原", "以前", "过去", "之前", "先前"}

// notesStatusDuty are words around 失联党员, 流动党员 — people, not a state
// — that make them the member's duty: 流动党员管理员, 负责流动党员管理, 失联
// 党员帮扶责任人 (review ra8 G11). 多次联系均联系不上 is the member's.
var (
	notesStatusDutyBefore = []string{"负责", "分管", "帮扶", "联系", "管理", "结对", "协助"}
	notesStatusDutyAfter  = []string{"管理", "帮扶", "责任", "联络", "联系人", "服务", "专干", "工作站", "工作组", "工作人员", "教育", "台账", "信息员"}
)

// notesStatusWord is the word of words (or of alone, said as a clause)
// that text says of the member now, "" if none: not denied (未失联, 非流动
// 党员, 不是流动党员), not past (曾流动), not ended after it (2023年失联，
// 已恢复联系), not another person's (配偶为流动党员) and not a duty
// (流动党员管理员).
func notesStatusWord(text string, words, alone []string) string {
	// ended: a word of notesStatusEnded after it, not itself denied (失联，
	// 未恢复).
	ended := func(w, after string) bool {
		ends := append(slices.Clip(notesStatusEnded), mobileEnded...)
		if slices.Contains(lostWords, w) {
			ends = append(slices.Clip(notesStatusEnded), lostEnded...)
		}
		for _, e := range ends {
			for at := range indexesOf(after, e) {
				if !notLeft(after[:at]) {
					return true
				}
			}
		}
		return false
	}
	now := func(at, end int) bool {
		before, after, clause := text[:at], text[end:], clauseBefore(text, at)
		people := strings.HasSuffix(text[at:end], "党员") || strings.HasPrefix(after, "党员")
		duty := strings.TrimPrefix(after, "党员") // 失联党员帮扶责任人
		past := strings.TrimSuffix(strings.TrimSuffix(before, "为"), "是")
		// 如联系不到请联系其女儿 says what to do if, not that (review ra9 L7).
		iff := slices.ContainsFunc([]string{"如", "若", "如果", "假如", "万一"}, func(p string) bool { return strings.HasSuffix(before, p) })
		return !notLeft(before) && !strings.HasSuffix(before, "非") && !strings.HasSuffix(before, "无") && !iff &&
			!slices.ContainsFunc(notesStatusPast, func(p string) bool { return strings.HasSuffix(past, p) }) &&
			// The word itself may end another's name: 爱人在外地工作
			// holds 人在外地 (review ra9 L1).
			!ended(text[at:end], after) && !saysOfSomeoneElse(clause+text[at:end]) &&
			!(people && slices.ContainsFunc(notesStatusDutyBefore, func(d string) bool { return strings.Contains(clause, d) })) &&
			!slices.ContainsFunc(notesStatusDutyAfter, func(d string) bool { return strings.HasPrefix(duty, d) })
	}
	for _, w := range words {
		for at := range indexesOf(text, w) {
			if now(at, at+len(w)) {
				return w
			}
		}
	}
	for from := 0; from < len(text); {
		end := strings.IndexAny(text[from:], "，。；、,;：:（）() ")
		if end < 0 {
			end = len(text) - from
		}
		if c := text[from : from+end]; slices.Contains(alone, c) && now(from, from+end) {
			return c
		}
		_, size := utf8.DecodeRuneInString(text[from+end:])
		from += end + size
	}
	return ""
}

// statusByNotes reads 失联 and 流动党员, 外出务工 in 备注 or a 批注 as the
// member's 是否失联党员 and 是否流动党员: set where the row's own column
// does not say otherwise — a 失联党员 needs a 失联年月 and a 流动党员 a 外出
// 流向, which the row is refused for, named, when the sheet has the column
// and it is blank (and when it has not, for a member the roster does not
// hold); a column saying 否 beside it refuses the row naming both.
func (r *rowMember) statusByNotes() {
	for _, rm := range r.remarks() {
		for _, st := range notesStatus {
			w := notesStatusWord(rm.text, st.words, st.alone)
			if w == "" || r.unreadable(st.field) {
				continue
			}
			set := &r.m.LostContact
			if st.field == model.FieldMobile {
				set = &r.m.Mobile
			}
			switch {
			case *set:
			case r.shown[st.field] != "":
				r.reject(rm.field(st.field), model.Textf("%s中写着“%s”，%s却为%s：请改正其中之一后再导入", rm.where, w, st.field.Label(), quote(r.shown[st.field])))
			default:
				*set = true
				r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, st.field, "%s：%s中写着“%s”，%s记为“是”", r.who(), rm.where, w, st.field.Label()))
			}
		}
	}
}

// sameMeaning reports whether the second column's text b (its cell at
// col, row) says what the member read from the first (text a) does: the
// same ID number once normalised and upgraded, the same date (a month
// alone agrees with any day of it).
func sameMeaning(f model.Field, sr *sheetReader, col, row int, m *model.Member, a, b string) bool {
	if strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
		return strings.TrimSpace(a) == strings.TrimSpace(b)
	}
	if f == model.FieldIDNumber {
		norm := func(s string) string {
			s = model.NormalizeIDNumber(model.CleanText(s))
			if up, ok := model.UpgradeIDNumber(s); ok {
				return up
			}
			return s
		}
		return norm(a) == norm(b)
	}
	d, err := cellDate(sr, col, row, b)
	if err != nil {
		return false
	}
	var kept model.Date
	switch f {
	case model.FieldBirthDate:
		kept = m.BirthDate
	case model.FieldJoinDate:
		kept = m.JoinDate
	case model.FieldFullDate:
		kept = m.FullDate
	case model.FieldLostSince:
		kept = m.LostSince
	case model.FieldArrivedOn:
		kept = m.ArrivedOn
	default:
		return strings.TrimSpace(a) == strings.TrimSpace(b)
	}
	return kept.Year == d.Year && kept.Month == d.Month && (kept.Day == 0 || d.Day == 0 || kept.Day == d.Day)
}

// detailSaysYes reads a filled 外出流向 as 流动 and a filled 失联年月 as
// 失联 when the 是否 cell is blank or the sheet has no such column; beside a
// 否 the detail is refused. Normalize drops a detail without its yes, and
// the file's 外出流向 went unsaid (review s8-7 newuser #3).
func (r *rowMember) detailSaysYes() {
	m := &r.m
	for _, d := range []struct {
		yes, detail model.Field
		set         *bool
		filled      bool
	}{
		{model.FieldMobile, model.FieldMobileDestination, &m.Mobile, m.MobileDestination != ""},
		{model.FieldLostContact, model.FieldLostSince, &m.LostContact, !m.LostSince.IsZero()},
	} {
		if !d.filled || r.unreadable(d.yes) {
			continue
		}
		kind := destPlace
		if d.yes == model.FieldMobile {
			kind = destinationKind(m.MobileDestination)
		}
		said := r.shown[d.yes]
		dest := quote(r.shown[d.detail])
		switch {
		case kind == destLeft:
			// 转出, 去世 in a 外出流向 used as a status column: the person
			// left, as the word says in any other cell (cellSaysLeft); it
			// was stored as a 流动党员 gone to 转出 (review ra8 G5).
			heading, ref := model.FieldMobileDestination.Label(), ""
			if c, ok := r.im.h.column(d.detail); ok {
				heading, ref = r.im.h.headingAt(c), cellRef(c+1, r.row)
			}
			r.reject(d.detail, model.Textf("“%s”列（%s）为%s，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改正这一格后再导入",
				heading, ref, dest))
		case kind == destLost:
			// 在家，已失联: the member cannot be reached, which is 是否失联
			// with its month, not a place (stored, it was dropped as 在家).
			r.reject(d.detail, model.Textf("外出流向%s写的是失联，不是外出的地方：失联党员请在“是否失联党员”填“是”并填写失联年月，外出流向只填外出的地方（不知道时留空）后再导入", dest))
		case kind == destNoPlace && !*d.set:
			// 无业, 在读, 外出, 是: what the member does, or a yes, not where
			// the member went — beside a blank it made a 流动党员 without
			// a place, beside 否 it says nothing the form asks.
			r.reject(d.detail, model.Textf("外出流向%s不是地点：流动党员请填写外出的地方，未外出的请留空后再导入", dest))
		case kind == destLocal && said != "" && !*d.set:
			// 否 beside 本县城关镇: the member lives there.
			m.MobileDestination = ""
			r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, d.detail, "%s：是否流动党员为“否”，外出流向%s在本地范围内，未导入", r.who(), dest))
		case kind == destLocal:
			// 本县城关镇 is a place, if a near one: kept, and said, for a
			// member who moved to the county town may not count as 流动.
			r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, d.detail, "%s：外出流向%s在本地范围内，按外出地点导入；如未外出，请把是否流动党员改为“否”", r.who(), dest))
			if !*d.set {
				*d.set = true
				r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, d.yes, "%s：填了外出流向%s，记为流动党员", r.who(), dest))
			}
		case *d.set && kind != destPlace:
			// 是 beside 无 or 不详: a 流动党员 needs a place (as beside a
			// blank), and 无 is none (review s8-7 recheck #2).
			r.reject(d.detail, model.Textf("%s为“%s”，%s%s不是地点：请填写外出的地方后再导入",
				model.Term(d.yes.Label()), said, model.Term(d.detail.Label()), quote(r.shown[d.detail])))
		case *d.set:
		case kind == destStays:
			// 无, —, 0, 本地, 未外出, 在家务农 … in a form's 外出流向 for
			// those who have not gone out say no, not a place, beside 否
			// or alone (review s8-7 attack #25, recheck #3, #7).
			m.MobileDestination = ""
		case kind == destUnknown && said == "":
			m.MobileDestination = ""
			r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, d.detail, "%s：外出流向为%s，没有记为流动党员；确已外出的，请在窗口中登记", r.who(), quote(r.shown[d.detail])))
		case kind == destUnknown:
			m.MobileDestination = ""
		case said != "":
			r.reject(d.detail, model.Textf("%s为“%s”，却填了%s%s：请改正其中一格后再导入",
				model.Term(d.yes.Label()), said, model.Term(d.detail.Label()), quote(r.shown[d.detail])))
		default:
			*d.set = true
			if d.yes == model.FieldMobile {
				r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, d.yes, "%s：填了外出流向%s，记为流动党员", r.who(), dest))
			} else {
				r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, d.yes, "%s：填了失联年月%s，记为失联党员", r.who(), dest))
			}
		}
	}
}

// destKind is what a 外出流向 cell says.
type destKind int

const (
	destPlace   destKind = iota // a place: the member has gone there
	destStays                   // the member has not gone out: 无, —, 本地, 未外出, 在家务农 …
	destUnknown                 // where is not known: 不详, 去向不明
	destLocal                   // a place near home: 本县城关镇, 本市城区
	destNoPlace                 // what the member does, or a yes, not where: 无业, 在读, 外出, 是
	destLost                    // the member cannot be reached: 在家，已失联
	destLeft                    // the person left the roster: 转出, 去世, 已故
)

// Words of a 外出流向 for a member who has not gone out, or whose
// whereabouts are not known (review s8-7 recheck #3: a class, not a
// list of cells). A place that begins like one (本溪市, 无锡市, 当涂县,
// 在本溪工作) is a place.
var (
	destUnknownWords = []string{"未知", "不详", "不明", "去向不明", "下落不明", "不清楚", "不知道", "待查"}
	// 正常, 在册, 在职: a 外出流向 used as a status column says the
	// member is here (review ra8 G5).
	destStayWords    = []string{"否", "不是", "非流动党员", "无外出", "正常", "在册", "在职", "在岗", "正常在册"}
	destStayPrefixes = []string{"在家", "居家", "留守", "本地", "本村", "本乡", "本镇", "本县", "本市", "本区", "本单位", "本公司",
		"在本地", "在本村", "在本乡", "在本镇", "在本县", "在本市", "在本区", "在本单位", "在本公司", "当地"}
	destStayInfixes = []string{"未外出", "未出去", "没出去", "没有外出", "不外出", "未流动", "不流动", "未离开", "没离开", "没有离开",
		"已返乡", "已回本", "已返回本"}
)

// destNoPlaceWords say what a member does, or only that the member went
// out, not where (a 流动党员's 外出流向 is a place); a yes mark says no
// more.
var destNoPlaceWords = []string{"外出", "已外出", "外地", "流动", "流动党员", "务工", "打工", "经商", "就业", "工作", "学习", "上学", "读书", "求学",
	"外出务工", "外出打工", "外出经商", "外出就业", "外出工作", "外出学习", "外出上学", "外出求学", "外出读书",
	"在读", "在校", "学生", "在校学生", "在读学生", "无业", "待业", "失业", "退休", "已退休", "离退休"}

// destLostWords say the member cannot be reached.
var destLostWords = []string{"失联", "失去联系", "联系不上", "无法联系", "联系不到"}

// destAreaRunes end the names of places (省, 市, 县, 区, 镇, 乡, 村, 街道,
// 社区): after 本县 they name a place in it.
const destAreaRunes = "省市县区镇乡村街道社"

// destinationKind reads a 外出流向 cell.
func destinationKind(v string) destKind {
	k := strings.TrimRight(markKey(v), "。.")
	for _, w := range destLostWords {
		if strings.Contains(k, w) {
			return destLost
		}
	}
	// 转至深圳, 调往广州 name where the member went; 转出, 去世, 已故 that
	// the person left (review ra8 G5).
	if w := leftSaying(k); w != "" && !slices.Contains(towardsHere, w) {
		return destLeft
	}
	if yes, ok := model.ParseMark(k); ok && yes || slices.Contains(destNoPlaceWords, k) {
		return destNoPlace
	}
	// 停止党籍 is the member's standing, not a place.
	if st, ok := model.ParseStanding(k); ok && st == model.StandingSuspended {
		return destNoPlace
	}
	switch {
	case slices.Contains(destUnknownWords, k):
		return destUnknown
	case noneKey(k), slices.Contains(destStayWords, k), strings.Trim(k, "无〇") == "":
		return destStays
	}
	// 无（在本地） stays and 无（在深圳） is a place: what the brackets
	// hold decides (atk9 #1).
	for _, o := range []string{"无（", "无("} {
		if rest, ok := strings.CutPrefix(k, o); ok {
			return destinationKind(strings.TrimRight(rest, "）)"))
		}
	}
	for _, w := range destStayPrefixes {
		// 在家务农 stays; 本市以外, 本村外出（广州）, 本村→广州, 在家（深圳）,
		// 本单位派驻北京 say where the member went (review s8-7 recheck
		// #13, atk9 #1).
		if rest, ok := strings.CutPrefix(k, w); ok && !strings.ContainsAny(rest, "外去派赴到往至出离调迁→>（(") {
			// 本县城关镇, 本市城区: a place in it, unless it says the
			// member stayed (本村未外出).
			if strings.ContainsAny(rest, destAreaRunes) && !stayInfix(k) {
				return destLocal
			}
			return destStays
		}
	}
	if stayInfix(k) {
		return destStays
	}
	return destPlace
}

// stayInfix reports a 外出流向 that says somewhere in it that the member
// has not gone out (未外出, 已返乡).
func stayInfix(k string) bool {
	for _, w := range destStayInfixes {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// sameValue reports two cells of field f that read as one value: 中共党员
// in a 政治面貌 column beside 正式党员 under 人员类别, 男 and 男性 (review
// s8-7 newuser #4).
func sameValue(f model.Field, a, b string) bool {
	switch f {
	case model.FieldCategory:
		x, okx := model.ParseCategory(a)
		y, oky := model.ParseCategory(b)
		return okx && oky && x == y
	case model.FieldSex:
		x, okx := model.ParseSex(a)
		y, oky := model.ParseSex(b)
		return okx && oky && x == y
	case model.FieldStanding:
		x, okx := model.ParseStanding(a)
		y, oky := model.ParseStanding(b)
		return okx && oky && x == y
	case model.FieldEthnicity:
		return model.NormalizeEthnicity(a) == model.NormalizeEthnicity(b)
	case model.FieldEducation:
		return model.NormalizeEducation(a) == model.NormalizeEducation(b)
	case model.FieldBranchName:
		return BranchText(a) == BranchText(b)
	}
	return false
}

// twoColumns is the refusal of a row whose two columns for f (letters
// ka and kb) say a and b.
func twoColumns(f model.Field, ka, a, kb, b string) model.Text {
	quote := func(s string) any {
		if strings.TrimSpace(s) == "" {
			return model.Term("空")
		}
		return "“" + model.CutTyped(s) + "”"
	}
	return model.Textf("有两列“%s”，%s列为%s，%s列为%s，不知用哪一列；请删去不用的一列（隐藏的列也会读入）后再导入",
		model.Term(f.Label()), ka, quote(a), kb, quote(b))
}
