package xlsx

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// ReadOptions says how to read a roster.
type ReadOptions struct {
	// Today is the date rows are checked against (no date may lie after
	// it); the zero Date means today.
	Today model.Date
	// Sheets names the worksheets to read; nil means every sheet that
	// holds a roster, hidden ones included (Sheet.Hidden says which).
	Sheets []string
	// Rules are the rule tables rows are checked against; nil means
	// model.CurrentRules().
	Rules *model.Rules
}

// RosterFile is what a roster workbook holds, read and checked. Nothing has
// been written anywhere: the caller decides what to do with it.
type RosterFile struct {
	Sheets   []Sheet       // the sheets that hold a roster, in workbook order
	Members  []ImportedRow // rows that passed every check, sheet by sheet, in sheet order
	Rejected []model.Rejection
	Notes    []model.ImportNote
	// Skipped are the sheets looked at and not read as a roster, in
	// workbook order, each with why.
	Skipped []SkippedSheet
	// Repeated are the ID numbers given on more than one row of one sheet,
	// whose rows were all refused: a row of the same person on another
	// sheet is refused with them when the sheets are imported together.
	Repeated []RepeatedID
	// LeftIDs are the ID numbers on sheets of people who left, row by row:
	// the same person on a roster sheet beside them is refused (review ra7
	// F22: copied to 已转出 and not deleted, they were stored as current).
	LeftIDs []LeftID
}

// LeftID is a row of a sheet whose name or title says its people left
// (Sheet.Left): the ID number it gives, read whether the row passed or not.
type LeftID struct {
	Sheet string
	Row   int
	ID    string
}

// RepeatedID is an ID number on several rows of one sheet, all refused.
type RepeatedID struct {
	Sheet string
	ID    string
	Rows  []int
}

// SkippedSheet is a worksheet not read as a roster, and why.
type SkippedSheet struct {
	Name   string
	Reason string // a Chinese phrase: 没有找到花名册的表头（…）
}

// Why a sheet is not read as a roster.
const (
	skipNoCells  = "是图表，没有表格"
	skipEmpty    = "是空的"
	skipNoHeader = "没有找到花名册的表头：需要“姓名”和“公民身份号码”两列"
	// review wd F20, M1: read as rosters, every row of these was refused,
	// and a 团支部's sheet was offered as a party branch.
	skipRecruits = "是入党申请人、入党积极分子或发展对象的名单，他们还不是党员，未导入：请在“发展党员”中登记"
	skipLeague   = "是共青团的名单，不是党员名册，未导入"
)

// notRosterSheet is why a sheet's name says it holds no party members —
// 入党积极分子, 发展对象, 入党申请人 (people on their way in, recorded under
// 发展党员), 团支部, 共青团员 — "" for any other. A name that speaks of
// members too (党员和积极分子) is read as a roster, its rows one by one.
func notRosterSheet(name string) string {
	key := leavingText(headingKey(name, false))
	if strings.Contains(key, "党员") || strings.Contains(key, "党支部") || strings.Contains(key, "党总支") || strings.Contains(key, "党委") {
		return ""
	}
	for _, w := range []string{"积极分子", "发展对象", "入党申请", "申请入党"} {
		if strings.Contains(key, w) {
			return skipRecruits
		}
	}
	// 集团 is no 团: 某集团支部 is a party branch's name.
	for _, w := range []string{"共青团", "团支部", "团总支", "团委", "团员"} {
		for at := range indexesOf(key, w) {
			if w == "共青团" || !strings.HasSuffix(key[:at], "集") {
				return skipLeague
			}
		}
	}
	return ""
}

// Sheet is one worksheet read as a roster.
type Sheet struct {
	Name       string
	Hidden     bool
	Title      string        // the first line above the header, if any
	HeaderRow  int           // first heading row, numbered as Excel shows it
	HeaderRows int           // how many rows the headings take (2 or 3 under group headings)
	Columns    []model.Field // the fields the sheet has, in column order
	// Ignored are the headings of the columns not imported, in order: a
	// heading no field answers to, or a second column for a field.
	Ignored []string
	// IgnoredText are Ignored as Texts, for a screen in another language:
	// the note after a heading (（重复的“学历”列）) is said in it.
	IgnoredText []model.Text
	// TitleBranch is 所在党支部 as the title names it ("中共某某公司支部委员
	// 会党员花名册"), given to every row, when the sheet has no such column.
	TitleBranch string
	// TitleWhy is why a title that mentions a branch gave none
	// (BranchFromHeading: 含有年份, 写了不止一个党支部 …), "" otherwise.
	TitleWhy string
	// NameIsBranch says the sheet has no 所在党支部 column and no title that
	// names one, and its name looks like a branch's ("第一党支部"): the
	// caller may offer the name as every row's 所在党支部.
	NameIsBranch bool
	Rows         int // data rows read: members' (with the rows that continue them) and rows refused
	// Left is the word in the sheet's name that says its people are no
	// longer on the roster ("转出" in 已转出党员, "去世"), "" for most
	// sheets: such a sheet is not taken for current members by default.
	Left string
	// LeftTitle is the title when Left comes from it (第一党支部党员花名册
	// （已转出人员）) rather than from the sheet's name (review s8-7 attack
	// #23: such a sheet was imported onto the roster).
	LeftTitle string
	// Example says the sheet's name is a template's sheet of examples or
	// instructions (填写示例, 填写说明): not taken for members by default.
	Example bool
	// status is what the sheet's name or title says of all its people:
	// 停止党籍, 失联, 流动 (sheetsays.go).
	status sheetStatus
}

// leftWord is the word of leftWords the name holds, "" if none or if one
// is said not done or yet to come (未转出党员, 待转出党员: notLeft — though
// 出党 is in them too), and not a move here (转到本支部人员: towardsHere),
// as a group row reads them (sectionLeftWord).
func leftWord(name string) string {
	key := leavingText(headingKey(name, false))
	said := ""
	for _, w := range leftWords {
		for at := range indexesOf(key, w) {
			if notLeft(key[:at]) {
				return ""
			}
			after := key[at+len(w):]
			here := slices.Contains(towardsHere, w) && towardsUs(after) || notLeftBy(w, after) || annotatesLeavers(key[:at], after)
			if !here && said == "" {
				said = w
			}
		}
	}
	return said
}

// annotatesLeavers reports a name or title saying its people who left are
// marked or taken out, not that it lists them — 党员花名册（含已转出）, 在册
// 及转出党员, 花名册（转出已标注）, 党员名册（去世人员已删除）: the one sheet
// of the workbook was set aside and nothing imported (review ra9 L6); its
// leavers are refused row by row. before and after are the text around the
// word of leaving.
func annotatesLeavers(before, after string) bool {
	if strings.Contains(before, "含") || strings.Contains(before, "包括") || strings.Contains(before, "在册及") || strings.Contains(before, "在册和") {
		return true
	}
	return removedWords.MatchString(after) ||
		slices.ContainsFunc([]string{"已标注", "已标出", "已注明", "已标明"}, func(w string) bool { return strings.Contains(after, w) })
}

// HasBranchColumn reports whether the sheet gives 所在党支部 row by row.
func (s *Sheet) HasBranchColumn() bool {
	for _, f := range s.Columns {
		if f == model.FieldBranchName {
			return true
		}
	}
	return false
}

// ImportedRow is a member read from a row that passed every check.
type ImportedRow struct {
	Sheet  string
	Row    int // as Excel numbers it
	Member model.Member
	// Fields are the fields the row's sheet gives, the ones an import may
	// change on a member already on the roster (model.MergeImported).
	Fields []model.Field
	// Shown is each cell's text as the sheet shows it, for a refusal
	// of the row once merged with the roster (Rejection.Value).
	Shown map[model.Field]string
	// BranchFrom says where the row's 所在党支部 is when no cell of the
	// row holds it (Rejection.From: 标题, 分组行, 工作表名称), and
	// BranchSource what is written there (the title, the group row's
	// text, the sheet's name); both "" for a cell's or none.
	BranchFrom, BranchSource string
	// FullDateLater: the row's 正式党员 has no 转为正式党员日期, and the
	// sheet says their probation ended (预备期满): added without the date
	// (model.ImportRow.FullDateLater).
	FullDateLater bool
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

// Sheet returns the sheet read under that name.
func (rf *RosterFile) Sheet(name string) (*Sheet, bool) {
	for i := range rf.Sheets {
		if rf.Sheets[i].Name == name {
			return &rf.Sheets[i], true
		}
	}
	return nil, false
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
// are reported in Rejected, each problem tied to its sheet, row and field;
// the error is for a file that cannot be read as a roster at all (see the
// Err values of this package).
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
	bk, err := openWorkbook(data)
	if err != nil {
		return nil, err
	}
	data = nil //nolint:ineffassign // the file's bytes are not needed any more
	defer bk.Close()

	rd := &reader{bk: bk, today: opt.Today, rules: model.CurrentRules(), rf: &RosterFile{}}
	if rd.today.IsZero() {
		rd.today = model.Today()
	}
	if opt.Rules != nil {
		rd.rules = *opt.Rules
	}
	sheets, err := chooseSheets(bk, opt.Sheets)
	if err != nil {
		return nil, err
	}
	for _, s := range sheets {
		if err := rd.sheet(s); err != nil {
			return nil, err
		}
	}
	if len(rd.rf.Sheets) == 0 && rd.unread != nil {
		return nil, rd.unread
	}
	if len(rd.rf.Sheets) == 0 {
		return nil, ErrNoHeader
	}
	// Sheets of nothing but 张三 and 李四 beside a roster are a template's
	// examples; alone, they may be a real 张三's roster.
	if len(rd.placeholders) < len(rd.rf.Sheets) {
		for i := range rd.rf.Sheets {
			if slices.Contains(rd.placeholders, rd.rf.Sheets[i].Name) {
				rd.rf.Sheets[i].Example = true
			}
		}
	}
	return rd.rf, nil
}

// chooseSheets is the sheets to look for a roster in: those asked for
// (each once, however often it was named), or all of them.
func chooseSheets(bk *book, want []string) ([]bookSheet, error) {
	if want == nil {
		return bk.sheets, nil
	}
	var out []bookSheet
	names := make([]string, len(bk.sheets))
	for i, s := range bk.sheets {
		names[i] = s.name
	}
	for _, w := range want {
		name, ok := SheetNamed(names, w)
		if !ok {
			var seen []string
			for _, n := range names {
				seen = append(seen, model.CleanLine(n))
			}
			return nil, &otherFileError{msg: fmt.Sprintf("没有名为“%s”的工作表；文件中的工作表：%s", w, strings.Join(seen, "、")), kind: ErrNoSheet}
		}
		// A sheet named twice (--sheet 基数 --sheet 基数, or 基数 and
		// 基数\u200b) is read once: read twice, each of its rows was
		// refused as its own duplicate (review s6-final attack #1).
		if !slices.ContainsFunc(out, func(s bookSheet) bool { return s.name == name }) {
			out = append(out, bk.sheets[slices.Index(names, name)])
		}
	}
	return out, nil
}

// SheetNamed is the name in names that want names as the user sees it:
// the same, or the same once invisible characters are taken out
// ("二支部" names "二支部\u200b": review s6-7 attack #12), or the same
// but for case, as Excel compares sheet names ("a" names "A": review
// s6-final attack #3). ok is false when none is.
func SheetNamed(names []string, want string) (string, bool) {
	if slices.Contains(names, want) {
		return want, true
	}
	for _, same := range []func(a, b string) bool{
		func(a, b string) bool { return model.CleanLine(a) == model.CleanLine(b) },
		func(a, b string) bool { return strings.EqualFold(model.CleanLine(a), model.CleanLine(b)) },
	} {
		for _, n := range names {
			if same(n, want) {
				return n, true
			}
		}
	}
	return "", false
}

// reader reads the roster sheets of one workbook.
type reader struct {
	bk    *book
	today model.Date
	rules model.Rules
	rf    *RosterFile
	rows  int // data rows so far, all sheets
	// placeholders are the sheets whose every person is a template's
	// example name (placeholderSheet)
	placeholders []string
	// unread is the refusal when no sheet is read, for the first sheet
	// whose headings name 姓名 and 公民身份号码 but were not read as a
	// header (unreadHeader); nil when none.
	unread error
}

// sheet reads one worksheet if it holds a roster. Its XML is scanned
// (scanSheet) ahead of excelize's reading (scanRun): a damaged sheet is
// refused naming the row, and what reading it would cost — shared strings
// its cells copy, runs of white space, rows and merges — is bounded
// before excelize reads the rows concerned. Its first rows are streamed
// to see whether it may hold a roster (a sheet of notes or a chart's data
// is not read further), and then the whole sheet, through excelize.
func (rd *reader) sheet(s bookSheet) error {
	skip := func(why string) error {
		rd.rf.Skipped = append(rd.rf.Skipped, SkippedSheet{Name: s.name, Reason: why})
		return nil
	}
	if s.part == nil {
		return skip(skipNoCells)
	}
	if why := notRosterSheet(s.name); why != "" {
		return skip(why)
	}
	// The scan runs beside the reading (scanRun); what it finds wrong
	// comes first, as if it had run before.
	run := rd.bk.startScan(s)
	top, err := rd.peek(s.name, run)
	if err != nil || !mayHoldRoster(top) {
		if _, scanErr := run.wait(); scanErr != nil {
			return scanErr
		}
	}
	if err != nil {
		return fmt.Errorf("%w（工作表“%s”无法读取：%w）", ErrDamaged, s.name, err)
	}
	if !mayHoldRoster(top) {
		if noText(top) {
			return skip(skipEmpty)
		}
		return skip(skipNoHeader)
	}
	rows, hidden, err := rd.bk.streamSheetAfter(s.name, run)
	shape, scanErr := run.wait()
	if scanErr != nil {
		return scanErr
	}
	if err != nil {
		return err
	}
	rows = withUnsavedFormulas(rows, shape)
	sr := rd.bk.newSheetReader(s, shape)
	sr.hiddenRows = hidden
	grid := headingGridOf(rows, sr)
	h, noteLines, ok := findRosterHeader(grid)
	if !ok {
		why, there := unreadHeader(grid)
		if !there {
			return skip(skipNoHeader)
		}
		if rd.unread == nil {
			rd.unread = &otherFileError{msg: fmt.Sprintf("工作表“%s”%s", model.CleanLine(s.name), why), kind: ErrNoHeader}
		}
		return skip(why)
	}
	h = h.withLeavingColumns().withLateHeadings(rows)
	// A person above the headings taken: a second table's headings (one
	// more column than the first's) were taken for the sheet's, and the
	// people of the table above them dropped without a word (review ra9
	// S4). Which headings are the table's cannot be told: not read.
	for _, r := range rows {
		if r.n >= h.first {
			break
		}
		for c, v := range r.cells {
			if _, err := model.ParseIDNumber(v); err == nil && len(model.NormalizeIDNumber(v)) == 18 {
				name, _ := excelize.CoordinatesToCellName(c+1, r.n)
				why := fmt.Sprintf("%s格是公民身份号码，却在表头（第%d行）之上：看来是表头不同的两个表，没有读取；请把它们合成一个表头下的一个表后再导入", name, h.first)
				if rd.unread == nil {
					rd.unread = &otherFileError{msg: fmt.Sprintf("工作表“%s”的%s", model.CleanLine(s.name), why), kind: ErrNoHeader}
				}
				return skip(why)
			}
		}
	}
	// Too many rows is known before any is checked.
	first := h.first + h.rows
	data := len(rows) - sortSearchRow(rows, first)
	if rd.rows+data > MaxDataRows {
		return fmt.Errorf("%w（超过 %d 行）", ErrTooManyRows, MaxDataRows)
	}
	sh := Sheet{Name: s.name, HeaderRow: h.first, HeaderRows: h.rows, IgnoredText: h.ignoredTexts(nil), Left: leftWord(s.name),
		Example: ExampleSheetName(s.name)}
	sh.Ignored = texts(sh.IgnoredText)
	if v, err := rd.bk.f.GetSheetVisible(s.name); err == nil && !v {
		sh.Hidden = true
	}
	sh.Title = titleOf(grid.text[:h.first-1])
	// 党员花名册（已转出党员除外） says its leavers are left out: its
	// people are members (review s14-reattack7 #20: the sheet was set aside).
	except := slices.ContainsFunc([]string{"除外", "以外", "不含", "不包括", "不包含"}, func(w string) bool { return strings.Contains(sh.Title, w) })
	// 停止党籍党员: members on the roster, whose 党籍状态 the name gives
	// (review ra7 F4: the sheet was set aside as people who left).
	if sh.status = sheetStatusOf(s.name, model.Textf("工作表名称“%s”", s.name)); sh.status.suspended {
		sh.Left = ""
	}
	if sh.Left == "" && !except {
		if st := sheetStatusOf(sh.Title, model.Textf("标题“%s”", sh.Title)); !sh.status.any() && st.any() {
			sh.status = st
		}
		// 其中转出2人：李四、王五 counts the sheet's leavers, read as a note
		// (leaverNote): the whole sheet was set aside (review ra8 G12).
		if w := leftWord(sh.Title); w != "" && !sh.status.suspended && !leaverCount(model.CleanLine(sh.Title)) {
			sh.Left, sh.LeftTitle = w, sh.Title
		}
	}
	for _, c := range h.cols {
		if !slices.Contains(sh.Columns, c.field) { // tick columns give one field
			sh.Columns = append(sh.Columns, c.field)
		}
	}
	for _, n := range noteLines {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, n, "", "表头中间的说明行“%s”：不是表头，已跳过，上下两行按一个表头读入", model.CutTyped(grid.noteText(n-1))))
	}
	rd.rf.Notes = append(rd.rf.Notes, h.joinNotes(sh.Name)...)
	if !h.has(model.FieldBranchName) {
		sh.Title, sh.TitleBranch, sh.TitleWhy = titleBranch(grid.text[:h.first-1])
		sh.NameIsBranch = sh.TitleBranch == "" && namesBranch(s.name)
	}
	sr.yearLast, sr.yearLastBy = yearLastOrder(h, rows)
	im := &importer{rd: rd, sr: sr, h: h, sheet: &sh, idRows: make(map[string][]idRow)}
	im.fields = append([]model.Field(nil), sh.Columns...)
	// Without a 人员类别 column a 转正 date says 正式党员; that much an
	// import may set on a member already on the roster.
	if !h.has(model.FieldCategory) && h.has(model.FieldFullDate) {
		im.fields = append(im.fields, model.FieldCategory)
	}
	refusedFrom, membersFrom := len(rd.rf.Rejected), len(rd.rf.Members)
	if err := im.readRows(rows); err != nil {
		return err
	}
	im.refuseOverCount(membersFrom, refusedFrom)
	im.statusNotes()
	if placeholderSheet(rd.rf.Members[membersFrom:], rd.rf.Rejected[refusedFrom:]) {
		rd.placeholders = append(rd.placeholders, sh.Name)
	}
	im.refuseRepeated(refusedFrom)
	im.leftIDs()
	if n := len(sr.settled); n > 10 {
		sr.settled = model.TextList{model.Textf("%s 等 %d 行", sr.settled[:10], n)}
	}
	if len(sr.settled) > 0 {
		if sr.yearLast == dayFirst {
			rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%s的日期把年写在最后，前两个数都不大于12，本身分不清哪个是日：按本表其他日期（如%s）的写法，日在前读入",
				sr.settled, quote(sr.yearLastBy)))
		} else {
			rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%s的日期把年写在最后，前两个数都不大于12，本身分不清哪个是日：按本表其他日期（如%s）的写法，月在前读入",
				sr.settled, quote(sr.yearLastBy)))
		}
	}
	if n := len(im.blankCategory); n > 10 {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%s 等 %d 行的人员类别为空：有转为正式党员日期的记为正式党员；没有的，新党员按加入党组织日期起的预备期记为预备党员，名册中已有的党员不变", im.blankCategory[:10], n))
	} else if n > 0 {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%s的人员类别为空：有转为正式党员日期的记为正式党员；没有的，新党员按加入党组织日期起的预备期记为预备党员，名册中已有的党员不变", im.blankCategory))
	}
	if n := len(im.unsaidCategory); n > 10 {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%s 等 %d 行的人员类别没有说明正式或预备：有转为正式党员日期的记为正式党员；没有的，新党员按加入党组织日期起的预备期记为预备党员，名册中已有的党员不变", im.unsaidCategory[:10], n))
	} else if n > 0 {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%s的人员类别没有说明正式或预备：有转为正式党员日期的记为正式党员；没有的，新党员按加入党组织日期起的预备期记为预备党员，名册中已有的党员不变", im.unsaidCategory))
	}
	if im.laterRows > 0 {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%d名正式党员没有转为正式党员日期，“%s”列已过：按正式党员导入，转为正式党员日期留空（预备期满不一定是转正之日，未作为转正日期），导入后请在名册中补填",
			im.laterRows, h.probationEndHeading()))
	}
	if im.undatedFull > 0 {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%d名正式党员没有转为正式党员日期（表中没有这一列）：新增的按正式党员导入，转为正式党员日期留空，导入后请在名册中补填；名册中已有的党员不变",
			im.undatedFull))
	}
	if im.byProbationEnd > 0 && h.has(model.FieldCategory) {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%d行没有人员类别和转为正式党员日期，由预备期满得出人员类别：预备期满在今天及以后的记为预备党员，预备期连同最长延长期（%d个月）已过的记为正式党员，转为正式党员日期留空（预备期满不一定是转正之日），请在名册中补填",
			im.byProbationEnd, rd.rules.Membership.ProbationMaxExtensionMonths))
	}
	sh.IgnoredText = h.ignoredTexts(im.strays)
	sh.Ignored = texts(sh.IgnoredText)
	rd.rf.Sheets = append(rd.rf.Sheets, sh)
	rd.notes(&sh, h)
	if im.titleUsed {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "没有“所在党支部”列：按表格标题“%s”记为“%s”", sh.Title, sh.TitleBranch))
	}
	switch {
	case im.titleRefused && sh.NameIsBranch:
		// The sheet's name may give the branch instead (the caller
		// decides, and says so): "留空" here contradicted the note that
		// the name was taken (review s13-attack #5).
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "没有“所在党支部”列：表格标题“%s”%s，没有作为所在党支部", sh.Title, model.Term(sh.TitleWhy)))
	case im.titleRefused:
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "没有“所在党支部”列：表格标题“%s”%s，没有作为所在党支部；所在党支部留空", sh.Title, model.Term(sh.TitleWhy)))
	}
	if h.hint > 0 {
		rd.rf.Notes = append(rd.rf.Notes, hintNote(sh.Name, h.hint))
	}
	if h.numbers > 0 {
		rd.rf.Notes = append(rd.rf.Notes, numbersNote(sh.Name, h.numbers))
	}
	rd.hiddenNotes(&sh, h, shape, im.hidden)
	return nil
}

// hiddenNotes says which of the rows and columns read are hidden in the
// sheet (by a filter or Hide): they are read like the others, and the user
// did not see them on screen — often rows of people who left, hidden
// rather than deleted.
func (rd *reader) hiddenNotes(sh *Sheet, h header, shape *sheetShape, rows model.TextList) {
	const listed = 10
	if len(rows) > listed {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%s 等 %d 行在表格中是隐藏的，也照常读入了；不应导入的行请删除后再导入", rows[:listed], len(rows)))
	} else if len(rows) > 0 {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%s在表格中是隐藏的，也照常读入了；不应导入的行请删除后再导入", rows))
	}
	var cols model.TextList
	for _, c := range h.cols {
		if c.pair && c.field != model.FieldJoinDate {
			continue // one column, named once
		}
		if shape != nil && shape.colHidden(c.index+1) {
			name, _ := excelize.ColumnNumberToName(c.index + 1)
			cols = append(cols, model.Textf("%s列“%s”", name, c.heading))
		}
	}
	if len(cols) > 0 {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", "%s在表格中是隐藏的，也照常读入了", cols))
	}
}

// noText reports rows without any text.
func noText(rows [][]string) bool {
	for _, r := range rows {
		for _, c := range r {
			if strings.TrimSpace(c) != "" {
				return false
			}
		}
	}
	return true
}

// nameIndex is the 姓名 column's index, -1 without one.
func (im *importer) nameIndex() int {
	if c, ok := im.h.column(model.FieldName); ok {
		return c
	}
	return -1
}

// peek streams the first rows of a sheet, values only, without loading it.
// Each row is read once the sheet's scan has checked it (scanRun.through).
func (rd *reader) peek(sheet string, run *scanRun) ([][]string, error) {
	rows, err := rd.bk.f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var top [][]string
	for len(top) < headerSearchRows && run.through(len(top)+1) && rows.Next() {
		cells, err := rows.Columns(rawValues)
		if err != nil {
			return nil, err
		}
		if len(cells) > maxColumns {
			cells = cells[:maxColumns]
		}
		top = append(top, cells)
	}
	return top, nil
}

// notes records what the user should know about a sheet beyond its rows:
// fields worked out from others.
func (rd *reader) notes(sh *Sheet, h header) {
	note := func(format string, args ...any) {
		rd.rf.Notes = append(rd.rf.Notes, model.Note(sh.Name, 0, "", format, args...))
	}
	if h.has(model.FieldIDNumber) {
		var derived []any
		for _, f := range []model.Field{model.FieldSex, model.FieldBirthDate} {
			if !h.has(f) {
				derived = append(derived, model.Term(f.Label()))
			}
		}
		switch len(derived) {
		case 1:
			note("没有“%s”列：由公民身份号码得出", derived...)
		case 2:
			note("没有“%s”“%s”列：由公民身份号码得出", derived...)
		}
	}
	// 工作单位 is kept in 工作岗位, the roster's one field for work: said,
	// so that an employer's name in that field is not a surprise (beside
	// 职务 the two are joined, and joinNotes says so).
	for _, c := range h.cols {
		if c.field == model.FieldPost && strings.Contains(headingKey(c.heading, false), "单位") && !slices.ContainsFunc(h.joins, func(j column) bool { return j.join == joinUnitPost }) {
			note("“%s”列记入“%s”（花名册没有单独的“工作单位”项）", c.heading, model.Term(model.FieldPost.Label()))
		}
	}
	// The 支部大会's date read as 加入党组织日期, alone or checked against
	// 入党时间 (header.meetingBeside): said, as the heading does not name
	// the field.
	if c, ok := h.column(model.FieldJoinDate); ok {
		kept := h.dateLabelAt(c)
		for _, d := range h.dups {
			if d.meeting {
				note("“%s”列和“%s”列都是加入党组织日期（入党即支部大会通过为预备党员之日）：按“%s”导入，逐行与“%s”核对，“%s”为空的取“%s”", kept, d.heading, kept, d.heading, kept, d.heading)
			}
		}
		if meetingHeading(kept) {
			note("“%s”列记为加入党组织日期：支部大会通过为预备党员之日即入党之日，预备期从此算起", kept)
		}
	}
	if end := h.probationEndHeading(); end != "" && !h.has(model.FieldCategory) {
		note("没有“人员类别”列：有转为正式党员日期的记为正式党员；没有的，按“%s”列：在今天及以后的记为预备党员，预备期连同最长延长期（%d个月）已过的记为正式党员（转为正式党员日期留空：预备期满不一定是转正之日，请在名册中补填）；其余自加入党组织日期起预备期（%d年，含最长延长期%d个月）未满的记为预备党员，已满的不导入并说明原因",
			end, rd.rules.Membership.ProbationMaxExtensionMonths, rd.rules.Membership.ProbationYears, rd.rules.Membership.ProbationMaxExtensionMonths)
	} else if !h.has(model.FieldCategory) && h.has(model.FieldJoinDate) {
		note("没有“人员类别”列：有转为正式党员日期的记为正式党员；没有的，自加入党组织日期起预备期（%d年，含最长延长期%d个月）未满的记为预备党员，已满的不导入并说明原因",
			rd.rules.Membership.ProbationYears, rd.rules.Membership.ProbationMaxExtensionMonths)
	}
}

// headingGridOf is the first rows of the sheet for findHeader, each merged
// heading's text in every cell it covers.
func headingGridOf(rows []streamRow, sr *sheetReader) headingGrid {
	n := 0
	width := 0
	for _, r := range rows {
		if r.n > headerSearchRows {
			break
		}
		n, width = r.n, max(width, len(r.cells))
	}
	for _, m := range sr.merges {
		if m.r1 <= headerSearchRows {
			n, width = max(n, min(m.r2, headerSearchRows)), max(width, m.c2)
		}
	}
	width = min(width, maxColumns)
	g := headingGrid{text: make([][]string, n), across: make([][]bool, n), fromAbove: make([]bool, n), data: make([]bool, n)}
	for r := 1; r <= n; r++ {
		g.text[r-1] = make([]string, width)
		g.across[r-1] = make([]bool, width)
		for c := 1; c <= width; c++ {
			sc, srow := sr.within(c, r)
			g.fromAbove[r-1] = g.fromAbove[r-1] || srow < r
			if cells, ok := rowAt(rows, srow); ok {
				g.text[r-1][c-1] = model.CleanText(cell(cells, sc-1))
			}
			g.across[r-1][c-1] = sr.mergedAcross(c, r)
			if _, err := model.ParseIDNumber(model.NormalizeIDNumber(g.text[r-1][c-1])); err == nil && srow == r {
				g.data[r-1] = true
			}
		}
	}
	return g
}

// mergedAcross reports a cell covered by a merge spanning columns.
func (sr *sheetReader) mergedAcross(col, row int) bool {
	for _, m := range sr.merges {
		if m.c2 > m.c1 && col >= m.c1 && col <= m.c2 && row >= m.r1 && row <= m.r2 {
			return true
		}
	}
	return false
}

// titleBranch is the title of the rows above a header, the 所在党支部 it
// names for a sheet without that column, and why it names none when it
// reads as a branch's but cannot be one (see BranchFromHeading).
func titleBranch(above [][]string) (title, branch, why string) {
	title = titleOf(above)
	branch, why = BranchFromHeading(title, true)
	// The 组织部 layout: 党员花名册 on the first line, 填报单位：…
	// 填报日期：… on the next (review s8-7 newuser #11).
	if line := unitLine(above); branch == "" && line != "" {
		if b, w := BranchFromHeading(line, true); b != "" || why == "" {
			return line, b, w
		}
	}
	return title, branch, why
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

// namesBranch reports a sheet name that reads as a party organisation's
// ("第一党支部", "机关支部", "联合党总支"), not a year or "Sheet1".
// The name must end as one does: 第一党支部花名册, 第二党支部（2026年）,
// 第三党支部 (2) are more than a branch's name, and are offered, not
// taken (review s7-7 attack #2).
//
// Nor is a name taken that a title would not give (BranchFromHeading:
// XX党支部, 第一、二党支部, 2026年第一党支部), one of a former branch
// (原第三党支部, 旧…), or a bare 党支部 naming none (review s8-7 attack #6);
// those are offered.
func namesBranch(name string) bool {
	b, _ := BranchFromHeading(name, true)
	if b == "" || b != BranchText(name) {
		return false
	}
	for _, w := range []string{"原", "旧", "老", "前"} {
		if strings.HasPrefix(b, w) {
			return false
		}
	}
	return !slices.Contains([]string{"党支部", "支部", "党总支", "总支", "党委", "支部委员会", "党组织"}, b)
}

// BranchText is a 所在党支部 as the file writes it, tidied: invisible
// characters and surrounding spaces out (CleanLine), full-width letters
// and digits as ASCII (第３党支部, typed in an input method's full-width
// mode, is 第3党支部), and the spaces that forms pad short names with
// between Chinese characters and digits (第三　党支部 is 第三党支部, 第 3
// 党支部 is 第3党支部: review s7-7 attack #7, s8-7 attack #7); a space
// beside a Latin letter or ASCII punctuation, or between two numbers,
// stays.
func BranchText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r >= 'Ａ' && r <= 'Ｚ':
			return 'A' + (r - 'Ａ')
		case r >= 'ａ' && r <= 'ｚ':
			return 'a' + (r - 'ａ')
		}
		return r
	}, model.CleanLine(s))
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	latin := func(r rune) bool { return r < utf8.RuneSelf && !digit(r) }
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if !unicode.IsSpace(rs[i]) {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			j++
		}
		if i > 0 && j < len(rs) && (latin(rs[i-1]) || latin(rs[j]) || digit(rs[i-1]) && digit(rs[j])) {
			b.WriteRune(' ')
		}
		i = j - 1
	}
	return b.String()
}

// importer reads the data rows of one sheet.
type importer struct {
	rd     *reader
	sr     *sheetReader
	h      header
	sheet  *Sheet
	fields []model.Field // what rows of this sheet may change on a stored member
	// idRows are the rows of each ID number read in this sheet, in order
	// (refuseRepeated)
	idRows map[string][]idRow
	// sections are the rows that name a branch for the rows below them,
	// in order (sectionRow)
	sections []section
	// categories are the section rows that give (or end) the 人员类别 of
	// the rows below them, in order
	categories []categorySection
	// lefts are the rows saying the people under them have left the
	// roster, and the group rows ending them, in order (leaverNote)
	lefts []leftSection
	// aboves are the notes saying the people above them have left (注：
	// 以上党员已转出), named the ones naming who (注：李四已于…转出)
	aboves []leftSection
	named  []namedLeavers
	// numbered are the notes saying who left by 序号 or place (注：序号4-6
	// 为已转出人员)
	numbered []numberedLeavers
	// suspendedAbove are the notes saying the people above them stopped
	// their membership (注：以上党员已停止党籍): rows from..row of the
	// leftSections (suspendedBy).
	suspendedAbove []leftSection
	// titleUsed: a row took its branch from the title (Sheet.TitleBranch)
	titleUsed bool
	// titleRefused: a row's branch is blank and the title, which mentions
	// one, gave none (Sheet.TitleWhy)
	titleRefused bool
	hidden       model.TextList // the hidden data rows read: 第4行（孙立军）
	// blankCategory are the rows whose 人员类别 cell is blank, on a sheet
	// with the column: the category is worked out from the dates, and said
	blankCategory model.TextList
	// unsaidCategory are the rows whose 人员类别 says only that the person
	// is a member (党员, 中共), with what it says.
	unsaidCategory model.TextList
	// byProbationEnd counts the rows given 人员类别 by 预备期满
	// (rowMember.categoryByProbationEnd).
	byProbationEnd int
	// fullDateLater is ImportedRow.FullDateLater of the row member last
	// read; laterRows counts the rows it marked.
	fullDateLater bool
	laterRows     int
	// undatedFull counts the 正式党员 of a sheet without a 转正 column,
	// added with the date blank (ImportedRow.FullDateLater).
	undatedFull int
	strays      map[int]string // columns without a heading that hold a value → the first one
	// above is the 所在党支部 the record above gave (its row: aboveRow), for
	// a 同上 under it (rowMember.set)
	above    string
	aboveRow int
	// counts are the lines that state how many people the table holds
	// (refuseOverCount)
	counts []stateCount
}

// readRows reads every record below the header (eachRecord): a row that
// holds a value, a merged cell's value in each row it covers, with the
// rows that only continue its text.
func (im *importer) readRows(rows []streamRow) error {
	// One roster row is one member for nearly every row: growing once saves
	// the copies append would make over 20,000 rows.
	im.rd.rf.Members = slices.Grow(im.rd.rf.Members, len(rows))
	// A note naming leavers is read for the sheet's names (leaverNote).
	im.h = im.h.withPeople(rows)
	// bound is the last group row, note or heading row read: a note
	// saying the people above it left covers the rows under it.
	bound := im.h.first + im.h.rows - 1
	for i, r := range rows {
		// A note above the headings (说明：赵丽华、李明已转出) is read as one
		// under them: passed over as a title, the people it names were
		// stored (review F42).
		if r.n < im.h.first+im.h.rows && (r.n >= im.h.first || !im.h.noteAboveHeadings(im.sr, r.n, r.cells)) {
			continue
		}
		if im.h.numbers == 0 && columnNumbersRow(r.cells) {
			im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, r.n, "", "给各列编号的栏次行（如“1 2 3”）：不是党员，未导入"))
			continue
		}
		if text, n, ok := tableCount(r.cells); ok {
			im.counts = append(im.counts, stateCount{row: r.n, text: text, count: n})
		}
		l := im.h.leaverNote(im.sr, r.n, r.cells)
		switch {
		case l.suspends() && l.kind == noteBelow:
			im.lefts = append(im.lefts, leftSection{row: r.n, title: l.title, suspended: true})
			im.categories = append(im.categories, categorySection{row: r.n})
			bound = r.n
			im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, r.n, "", "分组行“%s”：是分组的标题，不是党员，未导入；其下各行（到下一个分组行为止）的党籍状态记为“停止党籍”（停止党籍的党员仍在册）", l.title))
			continue
		case l.suspends() && l.kind == noteAbove:
			im.suspendedAbove = append(im.suspendedAbove, leftSection{row: r.n, title: l.title, above: true, from: bound + 1, suspended: true})
			bound = r.n
			im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, r.n, "", "说明行“%s”：其上各行（到上一个分组行或表头为止）的党籍状态记为“停止党籍”（停止党籍的党员仍在册）", l.title))
			continue
		}
		switch l.kind {
		case noteBelow:
			// 注：以下人员已转出： over a row of names (赵丽华、李明) names who
			// left: the names were read as no one, the rows above stored
			// (review F25).
			names, nameRows := im.h.namesUnder(rows, i)
			if len(names) > 0 {
				im.named = append(im.named, namedLeavers{leaverNote: leaverNote{kind: noteNamed, title: l.title, word: l.word, names: names}, row: r.n, at: len(im.rd.rf.Notes), found: map[string]bool{}})
				if im.h.nameRows == nil {
					im.h.nameRows = map[int]bool{}
				}
				for _, n := range nameRows {
					im.h.nameRows[n] = true
				}
			}
			// It ends the groups above it as any group's title does.
			im.lefts = append(im.lefts, leftSection{row: r.n, title: l.title, word: l.word, at: len(im.rd.rf.Notes), unsure: l.unsure, except: l.except, names: len(names) > 0})
			im.categories = append(im.categories, categorySection{row: r.n})
			bound = r.n
			continue
		case noteAbove:
			im.aboves = append(im.aboves, leftSection{row: r.n, title: l.title, word: l.word, at: len(im.rd.rf.Notes), above: true, from: bound + 1,
				unsure: l.unsure, except: l.except})
			bound = r.n
			continue
		case noteNamed:
			im.named = append(im.named, namedLeavers{leaverNote: l, row: r.n, at: len(im.rd.rf.Notes), found: map[string]bool{}})
			continue
		case noteNumbered:
			im.numbered = append(im.numbered, numberedNote(l, r.n, len(im.rd.rf.Notes), bound, im.h.reasons > 0))
			if l.towards == noteAbove {
				bound = r.n
			}
			continue
		case noteCurrent:
			ended := ""
			if s := im.leftAt(r.n); s != nil && !s.above {
				ended = s.title
			}
			if len(im.lefts) > 0 {
				im.lefts = append(im.lefts, leftSection{row: r.n})
			}
			im.currentNote(r.n, l.title, ended)
			bound = r.n
			continue
		case noteVague:
			// Some left, it does not say who: the rows are read as they
			// are, and the note is not passed over in silence.
			im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, r.n, "", "说明行“%s”：写着“%s”，但没有说是哪些人，表中各行照常导入；已离开的如已在名册中，请在其个人页“登记变动”或“开具介绍信”，或在那一行的备注中写明后再导入", l.title, l.word))
			continue
		case noteRemoved:
			im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, r.n, "", "说明行“%s”：说离开的人已从表中删去，表中各行照常导入", l.title))
			continue
		case noteNotYet:
			im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, r.n, "", "说明行“%s”：说的是还没有发生的离开（写着“%s”），所说的人照常导入；离开后请在其个人页“登记变动”或“开具介绍信”", l.title, l.word))
			continue
		}
		name, ok := im.h.sectionRow(im.sr, r.n, r.cells)
		if !ok {
			continue
		}
		bound = r.n
		if len(im.lefts) > 0 {
			im.lefts = append(im.lefts, leftSection{row: r.n})
		}
		// Each group title ends the group of the one before; what it
		// gives (a branch, a category) holds to the next title that gives
		// the same, a 党小组's title within a branch's changing nothing.
		note := func(format string, args ...any) {
			im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, r.n, "", format, args...))
		}
		cat, catTitle := im.h.categoryTitle(name)
		switch {
		case im.h.givesBranch(name):
			branch, gone := groupBranch(name)
			im.sections = append(im.sections, section{row: r.n, branch: branch, gone: gone})
			// The row as it shows, the branch as it is stored
			// (BranchText): “第二 党支部” was said stored, and 第二党支部
			// was (review s13-attack #15).
			switch {
			case gone != "":
				note("分组行“%s”：写着“%s”，其下各行（到下一个分组行为止）所在党支部为空的未予导入（见未通过的行）：请填写他们现在的所在党支部后再导入", name, gone)
			case im.h.has(model.FieldBranchName):
				note("分组行“%s”：是分组的标题，不是党员，未导入；其下各行（到下一个分组行为止）所在党支部为空的记为“%s”", name, BranchText(branch))
			default:
				note("分组行“%s”：其下各行（到下一个分组行为止）的所在党支部记为“%s”", name, BranchText(branch))
			}
		case cat != "":
			im.categories = append(im.categories, categorySection{row: r.n, category: cat})
			if !slices.Contains(im.fields, model.FieldCategory) {
				im.fields = append(im.fields, model.FieldCategory)
			}
			if im.h.has(model.FieldCategory) {
				note("分组行“%s”：其下各行（到下一个分组行为止）人员类别为空的记为“%s”", name, cat)
			} else {
				note("分组行“%s”：其下各行（到下一个分组行为止）的人员类别记为“%s”", name, cat)
			}
		case catTitle:
			// 离退休党员, 流动党员: the group gives no category, and ends
			// the one of a 正式党员 title above it.
			im.categories = append(im.categories, categorySection{row: r.n})
			im.groupNote(r.n, name)
		default:
			im.groupNote(r.n, name)
		}
	}
	im.remarkLeavers(rows)
	im.unknownExceptions(rows)
	if err := im.countNumbered(rows); err != nil {
		return err
	}
	defer im.leftNotes()
	return eachRecord(im.h, im.sr, rows, func(rec *record) error {
		if im.refusedLeaver(rec) || im.refusedGoneBranch(rec) {
			return nil
		}
		for _, s := range rec.strays {
			if _, ok := im.strays[s.col]; !ok {
				if im.strays == nil {
					im.strays = map[int]string{}
				}
				im.strays[s.col] = s.value
			}
		}
		for _, n := range append([]int{rec.n}, rec.more...) {
			im.rd.rows++
			if im.rd.rows > MaxDataRows {
				return fmt.Errorf("%w（超过 %d 行）", ErrTooManyRows, MaxDataRows)
			}
			if im.sr.rowHidden(n) {
				who := cell(rec.cells, im.nameIndex())
				if who == "" {
					im.hidden = append(im.hidden, model.Textf("第%d行", n))
				} else {
					im.hidden = append(im.hidden, model.Textf("第%d行（%s）", n, who))
				}
			}
		}
		return im.row(rec)
	})
}

// groupNote says of the section row n titled name that it is no member;
// of a group of 流动党员 or 失联党员 on a sheet without the column, that
// the rows under it are not recorded as such (review s7-7 attack #19:
// the file said mobile, the roster did not, without a word).
func (im *importer) groupNote(n int, name string) {
	switch {
	case strings.Contains(name, "流动") && !im.h.has(model.FieldMobile):
		im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, n, "", "分组行“%s”：是分组的标题，不是党员，未导入；其下各行没有记为流动党员，请导入后在窗口中逐人登记", name))
	case strings.Contains(name, "失联") && !im.h.has(model.FieldLostContact):
		im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, n, "", "分组行“%s”：是分组的标题，不是党员，未导入；其下各行没有记为失联党员，请导入后在窗口中逐人登记", name))
	default:
		im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, n, "", "分组行“%s”：是分组的标题，不是党员，未导入", name))
	}
}

// section is a row that names the branch of the rows below it.
type section struct {
	row    int
	branch string
	// gone is what its title says of the branch being no more (已撤销,
	// 已合并至第一党支部): the branch of the rows under it is not known
	gone string
}

// goneWords, in a group title's remark, say its branch is no more.
var goneWords = []string{"撤销", "撤消", "撤并", "合并", "并入", "解散", "注销"}

// countRemark is a group title's remark saying who is in it: 含已转出党员,
// 包括离退休党员 — no part of the branch's name.
var countRemark = regexp.MustCompile(`[（(【\[](?:含|包括|其中)[^（()）【】\[\]]*[)）】\]]$`)

// groupBranch is the branch a group row titled title gives the rows under
// it: its title without a remark on who is in it (第二党支部（含已转出
// 党员）), and gone, the words of a remark saying the branch is no more
// (第二党支部（已撤销）): where its members are now is not said (review
// s13-hx #8).
func groupBranch(title string) (branch, gone string) {
	if r := groupRemark.FindString(title); r != "" {
		for _, w := range goneWords {
			if strings.Contains(r, w) {
				return title, w
			}
		}
	}
	return strings.TrimSpace(countRemark.ReplaceAllString(title, "")), ""
}

// sectionRow reads row n, whose only text is the title of a group of
// members merged across the table or in its first column: the name of a
// party organisation ("第一党支部", "机关党总支") or of a 党小组, perhaps
// numbered or with a count ("一、第一党小组", "第二党小组（3人）"), which it
// gives without them. A printed roster groups its members under such
// rows; without a 所在党支部 column an organisation's name is their branch
// (importer.sections). A row of other text (a remark carried on in 备注)
// is no section. A title is never a member (review s5 final attack #2).
func (h header) sectionRow(sr *sheetReader, n int, cells []string) (string, bool) {
	first, count := firstText(cells)
	if count != 1 || footerLine(cells) {
		return "", false
	}
	title, ok := groupTitleOf(first)
	if !ok {
		return "", false
	}
	col := slices.IndexFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" })
	if col > 0 && !sr.mergedAcross(col+1, n) {
		return "", false
	}
	return title, true
}

// categoryTitle reads a section row's title (on a sheet with a 人员类别
// column, for the rows whose cell is blank: review s7-7 attack #23) as
// the title of a group of members by their kind (memberGroup):
// ok, and the 人员类别 it gives the rows under it ("正式党员", "一、预备党员
// （1人）"), or "" for a kind that is none (离退休党员), which ends the
// category of the group above.
func (h header) categoryTitle(title string) (model.Category, bool) {
	if !memberGroup(title) {
		return "", false
	}
	if c, ok := model.ParseCategory(title); ok && (c == model.CategoryFull || c == model.CategoryProbationary) {
		return c, true
	}
	return "", true
}

// categorySection is a section row that gives the 人员类别 of the rows
// under it ("" for a group title that ends the one above).
type categorySection struct {
	row      int
	category model.Category
}

// sectionCategory is the 人员类别 the section rows above row n give; ""
// when none.
func (im *importer) sectionCategory(n int) model.Category {
	var c model.Category
	for _, s := range im.categories {
		if s.row > n {
			break
		}
		c = s.category
	}
	return c
}

// givesBranch reports whether the section row titled title gives the
// branch of the rows under it: an organisation's title. On a sheet with a
// 所在党支部 column it gives it to the rows whose cell is empty (review
// s13-hx #8: they were stored without a branch, the group row above
// naming it).
func (h header) givesBranch(title string) bool {
	return orgName(groupRemark.ReplaceAllString(title, ""))
}

// groupNumber and groupCount are what a group's title may have before and
// after its name: "一、", "（二）", "3." and "（3人）", "(共5名)"; a
// remark in brackets ("第一党支部（机关）") is part of the name.
var (
	groupNumber = regexp.MustCompile(`^(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十\d]+\s*[、.．])\s*`)
	groupCount  = regexp.MustCompile(`\s*[（(【\[]\s*(?:共|计|合计)?\s*[一二三四五六七八九十\d]+\s*(?:人|名|位)?\s*[)）】\]]$`)
	// 【】 and [] too: 第二党支部【已撤销】 was read as a member (review
	// s13-hx #8).
	groupRemark = regexp.MustCompile(`\s*[（(【\[][^（()）【】\[\]]*[)）】\]]$`)
	// groupNumbered is a group named by its number alone: 第一组, 第3组.
	groupNumbered = regexp.MustCompile(`^第[一二三四五六七八九十\d]+组$`)
)

// groupTitleOf reads text as the title of a group of members: the name
// of a party organisation ("第一党支部", "机关党总支") or of a 党小组
// ("第一党小组", "第三组"), perhaps numbered or with a count ("一、第一党
// 小组", "第二党小组（3人）"), which it gives without them. ok is false for
// other text, and for text too long for a title.
func groupTitleOf(text string) (string, bool) {
	text = model.CleanLine(text)
	if utf8.RuneCountInString(text) > 40 {
		return "", false
	}
	title := strings.TrimSpace(groupCount.ReplaceAllString(groupNumber.ReplaceAllString(text, ""), ""))
	bare := groupRemark.ReplaceAllString(title, "")
	if title == "" || !orgName(bare) && !strings.HasSuffix(bare, "小组") && !groupNumbered.MatchString(bare) && !memberGroup(bare) {
		return "", false
	}
	return title, true
}

// memberGroup reports the title of a group of members by their kind:
// 正式党员, 预备党员, 离退休党员, 在职党员, 流动党员 — short, ending 党员.
func memberGroup(s string) bool {
	return strings.HasSuffix(s, "党员") && utf8.RuneCountInString(s) <= 8
}

// orgName reports text that ends as a party organisation's name does.
func orgName(s string) bool {
	for _, w := range []string{"支部", "总支", "党委", "委员会", "党组织", "党组"} {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// sectionBranch is the branch of the section row above row n; "" when none
// or when it says its branch is no more (refusedGoneBranch).
func (im *importer) sectionBranch(n int) string {
	if s := im.sectionAt(n); s != nil && s.gone == "" {
		return s.branch
	}
	return ""
}

// sectionAt is the section row above row n, nil when none.
func (im *importer) sectionAt(n int) *section {
	var at *section
	for i := range im.sections {
		if im.sections[i].row > n {
			break
		}
		at = &im.sections[i]
	}
	return at
}

// refusedGoneBranch refuses the record rec whose 所在党支部 would come
// from a group row saying its branch is no more, and reports whether it
// did: stored, the member's branch was a dissolved one (or empty).
func (im *importer) refusedGoneBranch(rec *record) bool {
	s := im.sectionAt(rec.n)
	if s == nil || s.gone == "" {
		return false
	}
	if c, ok := im.h.column(model.FieldBranchName); ok && cell(rec.cells, c) != "" {
		return false
	}
	who := cell(rec.cells, im.nameIndex())
	why := model.Textf("所在党支部为空，其上的分组行“%s”写着“%s”：请填写此人现在的所在党支部后再导入", s.branch, s.gone)
	im.rd.rf.Rejected = append(im.rd.rf.Rejected, model.Rejection{Sheet: im.sheet.Name, Row: rec.n, Field: model.FieldBranchName,
		Reason: why.String(), Text: why, Name: model.CutTyped(who)})
	return true
}

// footerPrefixes start the lines under a roster's table: who filled it in,
// who checked it, totals and notes. Compared with spaces removed.
var footerPrefixes = []string{
	"填表人", "填报人", "制表人", "制表", "审核人", "审批人", "负责人", "经办人", "联系人",
	"合计", "总计", "小计", "党员总数", "党员人数", "总人数", "注：", "注:", "说明：", "说明:", "备注：", "备注:",
	"填报单位", "填报日期", "填表日期", "制表日期", "签字", "签名", "盖章",
	// The mark under a printed form's last entry (review s7-7 attack #17).
	"以下空白", "以下无内容", "此页无正文", "本页以下空白",
}

// signEnds end the texts of a row of places to sign: 支部书记签字：,
// 单位（盖章）.
var signEnds = []string{"签字：", "签字:", "签名：", "签名:", "签字", "签名", "（盖章）", "(盖章)", "盖章", "（签章）", "签章"}

// footerLength is the length from which a row's only text is taken for a
// remark across the table, not a member with everything else missing.
const footerLength = 15

// row reads one record into a member, or its refusals.
// idRow is a row of the sheet that gives an ID number, and its name.
type idRow struct {
	row  int
	name string
	// shown is the ID number as its cell shows it: an old 15-digit one is
	// quoted so, not as the 18 digits it was upgraded to, which the user
	// cannot find in the sheet (review fix13 #2).
	shown string
}

// refuseRepeated refuses every row of an ID number the sheet gives more
// than once, each naming the others: which row is right cannot be told
// (a mistyped number is often another member's), and keeping the first
// renamed a member to the other's name (review s7-7 attack #16). The
// bases import (refuseDuplicates) and the rule for several sheets
// (rosterfile.heldBackTwice) refuse alike. The sheet's refusals, from
// index from of the file's, stay in row order.
// leftIDs keeps the ID numbers of a sheet of people who left
// (RosterFile.LeftIDs), in row order.
func (im *importer) leftIDs() {
	if im.sheet.Left == "" {
		return
	}
	from := len(im.rd.rf.LeftIDs)
	for id, at := range im.idRows {
		for _, a := range at {
			im.rd.rf.LeftIDs = append(im.rd.rf.LeftIDs, LeftID{Sheet: im.sheet.Name, Row: a.row, ID: id})
		}
	}
	slices.SortFunc(im.rd.rf.LeftIDs[from:], func(a, b LeftID) int { return a.Row - b.Row })
}

func (im *importer) refuseRepeated(from int) {
	rf := im.rd.rf
	added := false
	// The rows to take out of Members, taken out in one pass: one pass a
	// row took 8.3 s of a 9.5 s read of 20,000 rows whose every ID number
	// was given 20 times (review wd2).
	out := map[int]bool{}
	for id, at := range im.idRows {
		if len(at) < 2 {
			continue
		}
		added = true
		rep := RepeatedID{Sheet: im.sheet.Name, ID: id}
		for _, a := range at {
			rep.Rows = append(rep.Rows, a.row)
		}
		rf.Repeated = append(rf.Repeated, rep)
		for i, here := range at {
			var others model.TextList
			for j, o := range at {
				switch {
				case j == i:
				case o.name != "" && strings.Join(strings.Fields(o.name), "") != strings.Join(strings.Fields(here.name), ""):
					others = append(others, model.Textf("第%d行（%s）", o.row, o.name))
				default:
					others = append(others, model.Textf("第%d行", o.row))
				}
			}
			out[here.row] = true
			why := model.Textf("与%s的身份证号码相同，分不清哪一行是对的，这几行都没有导入；请改正或删去不对的一行", others)
			value := here.shown
			if value == "" {
				value = id
			}
			if model.NormalizeIDNumber(value) != id {
				why = model.Textf("升级为18位 %s 后%s", id, why)
			}
			rf.Rejected = append(rf.Rejected, model.Rejection{Sheet: im.sheet.Name, Row: here.row, Field: model.FieldIDNumber,
				Reason: why.String(), Text: why, Name: here.name, Value: value})
		}
	}
	if added {
		rf.Members = slices.DeleteFunc(rf.Members, func(m ImportedRow) bool { return m.Sheet == im.sheet.Name && out[m.Row] })
		slices.SortStableFunc(rf.Rejected[from:], func(a, b model.Rejection) int { return a.Row - b.Row })
	}
}

func (im *importer) row(rec *record) error {
	n := rec.n
	im.sheet.Rows += 1 + len(rec.more)
	// A template's example row is refused alone, not field by field: it
	// is no member unless the user says so (example.go).
	name, branch := "", ""
	if c, ok := im.h.column(model.FieldName); ok {
		name = cell(rec.cells, c)
	}
	if c, ok := im.h.column(model.FieldBranchName); ok {
		branch = cell(rec.cells, c)
	}
	if why := exampleReason(im.h.serialCell(rec.cells), name, branch, rec.cells); !why.IsZero() {
		im.rd.rf.Rejected = append(im.rd.rf.Rejected, model.Rejection{Sheet: im.sheet.Name, Row: n, Field: model.FieldName,
			Reason: why.String(), Text: why, Name: model.CutTyped(name), Value: model.CutTyped(name)})
		return nil
	}
	if im.refusedStruck(rec) {
		return nil
	}
	m, shown, rejected, notes, err := im.member(rec)
	if err != nil {
		return err
	}
	im.rd.rf.Notes = append(im.rd.rf.Notes, notes...)
	if len(rejected) > 0 {
		im.rd.rf.Rejected = append(im.rd.rf.Rejected, rejected...)
		return nil
	}
	// A filled 外出流向 or 失联年月 on a sheet without the 是否 column said
	// yes (detailSaysYes): that much the row may set on a stored member.
	// So does a 外出流向 saying the member has not gone out (在家, 未外
	// 出) say no: a stored 流动党员 is cleared, in the record's history,
	// not kept as 流动 by a file that says otherwise.
	fields := im.fields
	// A branch a sheet without the column gives its rows (its title, a
	// group row) is given as a column's would be: compared with the same
	// person's row on another sheet, and set on a member already on the
	// roster, as a sheet's name given as the branch is. The same person
	// under two titles (第一党支部, 第二党支部) was joined into one member
	// of the first branch without a word.
	if m.BranchName != "" && !slices.Contains(fields, model.FieldBranchName) {
		fields = append(slices.Clip(fields), model.FieldBranchName)
	}
	// 停止党籍 in 备注 gave the standing (suspendedByNotes): set on a
	// member already on the roster too.
	if m.Standing == model.StandingSuspended && !slices.Contains(fields, model.FieldStanding) {
		fields = append(slices.Clip(fields), model.FieldStanding)
	}
	dest := shown[model.FieldMobileDestination]
	for _, f := range []model.Field{model.FieldMobile, model.FieldLostContact} {
		says := f == model.FieldMobile && (m.Mobile || dest != "" && destinationKind(dest) == destStays) ||
			f == model.FieldLostContact && m.LostContact
		if says && !slices.Contains(fields, f) {
			fields = append(slices.Clip(fields), f)
		}
	}
	row := ImportedRow{Sheet: im.sheet.Name, Row: n, Member: m, Fields: fields, Shown: shown, FullDateLater: im.fullDateLater}
	switch {
	case im.fullDateLater && im.h.probationEnd > 0:
		im.laterRows++
	case im.fullDateLater:
		im.undatedFull++
	}
	if m.BranchName != "" && shown[model.FieldBranchName] == "" {
		if b := im.sectionBranch(n); b != "" {
			row.BranchFrom, row.BranchSource = "分组行", b
		} else if im.titleUsed {
			row.BranchFrom, row.BranchSource = "标题", im.sheet.Title
		}
	}
	im.rd.rf.Members = append(im.rd.rf.Members, row)
	return nil
}

func isFooter(cells []string) bool {
	return footerLine(cells) || longRemark(cells)
}

// footerLine reports a row whose first text starts as the lines under a
// table do (footerPrefixes).
func footerLine(cells []string) bool {
	first, _ := firstText(cells)
	for _, p := range footerPrefixes {
		if strings.HasPrefix(first, p) {
			return true
		}
	}
	// A row whose every text is a place to sign (支部书记签字：, 单位（盖章）).
	signs := 0
	for _, c := range cells {
		t := spaceless(c)
		if t == "" {
			continue
		}
		if !slices.ContainsFunc(signEnds, func(e string) bool { return strings.HasSuffix(t, e) }) {
			return false
		}
		signs++
	}
	return signs > 0
}

// longRemark reports a row whose only text is long: a remark across the
// table (footerLength).
func longRemark(cells []string) bool {
	first, count := firstText(cells)
	return count == 1 && utf8.RuneCountInString(first) >= footerLength
}

// firstText is a row's first text, spaces removed, and how many cells
// hold text.
func firstText(cells []string) (first string, count int) {
	for _, c := range cells {
		if t := model.TrimSpace(c); t != "" {
			if count == 0 {
				first = t
			}
			count++
		}
	}
	if strings.ContainsAny(first, " \u3000\t") {
		first = strings.Join(strings.Fields(first), "")
	}
	return first, count
}

// repeatedHeader reports the header printed again on a later page.
func (h header) repeatedHeader(cells []string) bool {
	id, _ := h.column(model.FieldIDNumber)
	name, _ := h.column(model.FieldName)
	v := cell(cells, id)
	return v != "" && !model.IsDigits(v[:1]) && isHeading(v, model.FieldIDNumber) && isHeading(cell(cells, name), model.FieldName)
}
