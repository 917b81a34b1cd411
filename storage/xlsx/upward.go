package xlsx

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// The instructor's upward report (上报汇总表): one workbook over every
// branch of the workspace, printed like the other forms (A4 landscape, one
// page wide, headings repeated on every page).

// Sheets of the upward report.
const (
	UpwardSummarySheet    = "汇总"
	UpwardOrgsSheet       = "单位名录"
	UpwardMembersSheet    = "党员名册"
	UpwardActivitiesSheet = "组织生活"
	UpwardDuesSheet       = "党费"
)

// UpwardReport is what the report shows.
type UpwardReport struct {
	Area       string // 报送单位: the title starts with it
	Instructor string
	Today      model.Date
	Coverage   model.CoverageReport
	Branches   []UpwardBranch
	Orgs       []UpwardOrg
	Members    []UpwardMember
}

// UpwardBranch is one branch's row on every sheet.
type UpwardBranch struct {
	Name       string // 支部名称
	Orgs       string // the organisations it covers, or its own 单位名称
	SnapshotOn model.Date
	Stale      bool
	Figures    model.BranchFigures
	Slots      []model.Slot    // the compliance calendar of Figures.Year
	DuesMonths [12]model.Money // 实交 by the month paid for (the register's columns)
	Quarters   [4]model.DuesQuarter
	DuesExtra  model.Money // 自愿多交 of the year, in the quarters' collection
}

// Collected is the branch's 全年实收: what it collected in the year, the
// voluntary extra dues included, as its own annual summary's 本年收缴.
func (b UpwardBranch) Collected() model.Money {
	var sum model.Money
	for _, q := range b.Quarters {
		sum += q.Collected
	}
	return sum
}

// UpwardOrg is one organisation of the list.
type UpwardOrg struct {
	Org      model.Organisation
	Branches string // the branches that cover it in the workspace
	Flags    string // what CheckOrganisations found
}

// postWidth is the width of the members sheet's 工作岗位 column: the
// longest post of model.Posts on one line, with the cell's padding.
func postWidth() float64 {
	w := 24.0
	for _, p := range model.Posts {
		w = max(w, math.Ceil(textWidth(p)+1))
	}
	return w
}

// UpwardMember is one member with their branch.
type UpwardMember struct {
	Branch string
	Member model.Member
	// Also are the other branches whose rolls hold the same 公民身份号码
	// (review s5-11 newuser #8), "" for nearly everyone.
	Also string
}

// WriteUpwardReportFile writes the report to path, replacing it whole or
// not at all.
func WriteUpwardReportFile(path string, r *UpwardReport) error {
	return WriteFileAtomic(path, func(w io.Writer) error { return WriteUpwardReport(w, r) })
}

// upStyles are the report's cell styles.
type upStyles struct {
	title, info, heading, center, left, text, money, total, totalMoney, flag int
}

func newUpStyles(f *excelize.File) (upStyles, error) {
	align := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
	}
	m := styleMaker{f: f}
	cell := func(h string, numFmt int, bold bool, fill bool) int {
		s := excelize.Style{Font: printFont(fontSize, bold), Alignment: align(h), Border: ruled(), NumFmt: numFmt}
		if fill {
			s.Fill = headingFill
		}
		return m.add(s)
	}
	st := upStyles{
		title:      m.add(excelize.Style{Font: printFont(16, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}),
		info:       m.add(excelize.Style{Font: printFont(fontSize, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}),
		heading:    cell("center", 0, true, true),
		center:     cell("center", 0, false, false),
		left:       cell("left", 49, false, false), // free text from branches stays text ("@")
		text:       cell("center", 49, false, false),
		money:      cell("right", 4, false, false), // #,##0.00
		total:      cell("center", 0, true, true),
		totalMoney: cell("right", 4, true, true),
		flag:       m.add(excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: fontSize, Color: "C00000"}, Alignment: align("left"), Border: ruled(), NumFmt: 49}),
	}
	return st, m.err
}

// upCol is a column of a report sheet.
type upCol struct {
	head  string
	width float64
}

// sheetWriter writes one sheet of the report row by row.
type sheetWriter struct {
	f      *excelize.File
	sheet  string
	sw     *excelize.StreamWriter
	st     upStyles
	cols   []upCol
	widths []float64
	row    int
	head   int // the heading row, repeated on every printed page
	keep   *textKeeper
}

// newSheet starts a sheet whose column headings will be row headRow,
// frozen for scrolling (the stream writer wants the panes first).
func newSheet(f *excelize.File, st upStyles, sheet string, first bool, cols []upCol, headRow int) (*sheetWriter, error) {
	if first {
		if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(sheet); err != nil {
		return nil, err
	}
	// The page setup is written when the stream starts: set it first.
	if err := setUpPrintPage(f, sheet, headRow, headRow); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	w := &sheetWriter{f: f, sheet: sheet, sw: sw, st: st, cols: cols, row: 1, head: headRow, keep: newTextKeeper(f)}
	for _, c := range cols {
		w.widths = append(w.widths, c.width)
	}
	top, _ := excelize.CoordinatesToCellName(1, headRow+1)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	for i := len(cols) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, cols[i].width); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// line writes text across the whole width in style, height points tall.
func (w *sheetWriter) line(text string, style int, height float64) error {
	first := fmt.Sprintf("A%d", w.row)
	last, _ := excelize.CoordinatesToCellName(len(w.cols), w.row)
	if err := w.sw.SetRow(first, []any{excelize.Cell{StyleID: style, Value: text}}, excelize.RowOpts{Height: height}); err != nil {
		return err
	}
	w.row++
	return w.sw.MergeCell(first, last)
}

// cells writes one row of cells; texts (for the height) are the values as
// text.
func (w *sheetWriter) cells(values []any, styles []int) error {
	row := make([]any, len(values))
	texts := make([]string, len(values))
	for i, v := range values {
		st := styles[i]
		if text, ok := v.(string); ok {
			// An organisation named "=cmd|…" or "+SUM(…)" stays text
			// (the text format and the quote prefix), as in every export.
			var err error
			if st, err = w.keep.style(st, text); err != nil {
				return err
			}
		}
		row[i] = excelize.Cell{StyleID: st, Value: v}
		texts[i] = fmt.Sprint(v)
	}
	widths := w.widths
	if len(values) < len(widths) {
		widths = widths[:len(values)]
	}
	cell, _ := excelize.CoordinatesToCellName(1, w.row)
	w.row++
	return w.sw.SetRow(cell, row, excelize.RowOpts{Height: rowHeight(texts, widths)})
}

// heading writes the column headings and returns their row, which is
// repeated on every printed page.
func (w *sheetWriter) heading() (int, error) {
	vals := make([]any, len(w.cols))
	styles := make([]int, len(w.cols))
	for i, c := range w.cols {
		vals[i], styles[i] = c.head, w.st.heading
	}
	r := w.row
	return r, w.cells(vals, styles)
}

// done flushes the sheet; titles is the heading row written, which must
// be the one the sheet was set up to repeat.
func (w *sheetWriter) done(titles int) error {
	if titles != w.head {
		return fmt.Errorf("%s: headings on row %d, set up for row %d", w.sheet, titles, w.head)
	}
	return w.sw.Flush()
}

// money is an amount in yuan for a money cell (two decimals as a number).
func money(m model.Money) any { return moneyValue(m) }

// WriteUpwardReport writes the report as a workbook to out.
func WriteUpwardReport(out io.Writer, r *UpwardReport) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newUpStyles(f)
	if err != nil {
		return fmt.Errorf("生成上报汇总表失败：%w", err)
	}
	for _, step := range []func(*excelize.File, upStyles, *UpwardReport) error{
		writeUpSummary, writeUpOrgs, writeUpActivities, writeUpDues, writeUpMembers,
	} {
		if err := step(f, st, r); err != nil {
			return fmt.Errorf("生成上报汇总表失败：%w", err)
		}
	}
	// The summary, first, is the active sheet already. (SetActiveSheet
	// would read every streamed sheet back into memory: seconds for a
	// county's members.)
	if _, err := f.WriteTo(out); err != nil {
		return fmt.Errorf("写入上报汇总表失败：%w", err)
	}
	return nil
}

func reportTitle(r *UpwardReport, what string) string {
	area := strings.TrimSpace(r.Area)
	return area + what
}

func reportInfo(r *UpwardReport) string {
	s := "填报日期：" + r.Today.Chinese()
	if r.Instructor != "" {
		s += "　　　　党建指导员：" + r.Instructor
	}
	return s + "　　　　各支部数据截至其数据包的快照日期"
}

func writeUpSummary(f *excelize.File, st upStyles, r *UpwardReport) error {
	// The months of 党章 art. 9 and the app's warning, from the rule table.
	warn, lapse := model.CurrentRules().Constitution.WarnMonths, model.CurrentRules().Constitution.LapseMonths
	cols := []upCol{
		{"序号", 5}, {"支部名称", 24}, {"所在单位", 20}, {"快照日期", 11}, {"正式党员", 6}, {"预备党员", 6},
		{"组织生活已开展/应开展", 10}, {fmt.Sprintf("%d个月以上未参加组织生活", warn), 9}, {fmt.Sprintf("%d个月以上未参加组织生活", lapse), 9},
		{fmt.Sprintf("%d个月以上未交党费", warn), 9}, {fmt.Sprintf("%d个月以上未交党费", lapse), 9}, {"本年党费应交\n（元）", 12}, {"本年党费实交\n（元）", 12},
		{"换届及支委会设置", 26}, {"严重问题", 6}, {"提醒", 6},
	}
	// title, info, a blank, the coverage block (its line, headings, a row
	// per type, the total, the note), a blank, then the branch headings.
	w, err := newSheet(f, st, UpwardSummarySheet, true, cols, 2+1+1+1+len(r.Coverage.Types)+1+1+1+1)
	if err != nil {
		return err
	}
	if err := w.line(reportTitle(r, "党组织覆盖和基层党支部情况汇总表"), st.title, 30); err != nil {
		return err
	}
	if err := w.line(reportInfo(r), st.info, minRow); err != nil {
		return err
	}
	// The coverage figures first: they print on the first page only, above
	// the branch table whose headings repeat.
	cov := r.Coverage
	covHead := []any{"", "单位类型", "名录内单位", "单独组建", "联合组建", "未建", "其中工作覆盖", "党组织覆盖率", "单独组建率", "工作覆盖率"}
	hs := make([]int, len(covHead))
	for i := range hs {
		hs[i] = st.heading
	}
	hs[0] = st.info
	w.row++
	if err := w.line("党组织覆盖情况（统计口径："+cov.Rules.Name+"；依据："+cov.Rules.Document+"）", st.info, 2*minRow); err != nil {
		return err
	}
	covRow := func(label string, c model.TypeCoverage) []any {
		return []any{"", label, c.InScope, c.Own, c.Joint, c.None, c.Work, c.Organised().String(), c.OwnRate().String(), c.WorkRate().String()}
	}
	if err := w.cells(covHead, hs); err != nil {
		return err
	}
	cs := make([]int, len(covHead))
	for i := range cs {
		cs[i] = st.center
	}
	cs[0] = st.info
	for _, c := range cov.Types {
		if err := w.cells(covRow(string(c.Type), c), cs); err != nil {
			return err
		}
	}
	ts := make([]int, len(covHead))
	for i := range ts {
		ts[i] = st.total
	}
	ts[0] = st.info
	if err := w.cells(covRow("合计", cov.Total), ts); err != nil {
		return err
	}
	note := "党组织覆盖率 =（单独组建 + 联合组建）÷ 名录内单位；单独组建率 = 单独组建 ÷ 名录内单位；工作覆盖率 = 未建党组织单位中实现工作覆盖的比例。" +
		"关联了支部的单位按其支部计（支部只覆盖这一个单位为单独组建，覆盖多个单位或为联合党支部为联合组建），不论名录所写。"
	if cov.Total.Typed > 0 {
		note += fmt.Sprintf("另有 %d 个单位没有支部关联，按名录所写计为已建。", cov.Total.Typed)
	}
	switch {
	case cov.Listed() == 0:
		note += "单位名录还是空的，覆盖率无从算出：先在指导员工作台的“单位名录”中录入或从Excel导入。"
	case cov.OutOfScope > 0:
		note += fmt.Sprintf("名录中另有 %d 个单位不在统计口径内。", cov.OutOfScope)
	}
	if err := w.line(note, st.info, 2*minRow); err != nil {
		return err
	}
	w.row++
	titles, err := w.heading()
	if err != nil {
		return err
	}
	styles := []int{st.center, st.left, st.left, st.center, st.center, st.center, st.center, st.center, st.center,
		st.center, st.center, st.money, st.money, st.left, st.center, st.center}
	var tot model.BranchFigures
	for i, b := range r.Branches {
		g := b.Figures
		taken := b.SnapshotOn.String()
		if b.Stale {
			taken += fmt.Sprintf("\n（超过%d个月）", model.SnapshotStaleMonths)
		}
		setup := strings.Join(g.Setup, "\n")
		if setup == "" {
			setup = "正常"
		}
		if err := w.cells([]any{i + 1, b.Name, b.Orgs, taken, g.Full, g.Probationary,
			fmt.Sprintf("%d/%d", g.SlotsHeld, g.SlotsDue), g.LifeAtWarn(), g.LifeSerious, g.DuesAtWarn(), g.DuesSerious,
			money(g.DuesDue), money(g.DuesPaid), setup, g.Serious, g.Warnings}, styles); err != nil {
			return err
		}
		tot.Full += g.Full
		tot.Probationary += g.Probationary
		tot.SlotsHeld += g.SlotsHeld
		tot.SlotsDue += g.SlotsDue
		tot.LifeWarn += g.LifeWarn
		tot.LifeSerious += g.LifeSerious
		tot.DuesWarn += g.DuesWarn
		tot.DuesSerious += g.DuesSerious
		tot.DuesDue += g.DuesDue
		tot.DuesPaid += g.DuesPaid
		tot.Serious += g.Serious
		tot.Warnings += g.Warnings
	}
	totalStyles := make([]int, len(cols))
	for i := range totalStyles {
		totalStyles[i] = st.total
	}
	totalStyles[11], totalStyles[12] = st.totalMoney, st.totalMoney
	if err := w.cells([]any{"合计", fmt.Sprintf("%d个支部", len(r.Branches)), "", "", tot.Full, tot.Probationary,
		fmt.Sprintf("%d/%d", tot.SlotsHeld, tot.SlotsDue), tot.LifeAtWarn(), tot.LifeSerious, tot.DuesAtWarn(), tot.DuesSerious,
		money(tot.DuesDue), money(tot.DuesPaid), "", tot.Serious, tot.Warnings}, totalStyles); err != nil {
		return err
	}
	return w.done(titles)
}

func writeUpOrgs(f *excelize.File, st upStyles, r *UpwardReport) error {
	cols := []upCol{{"序号", 5}}
	for _, fi := range model.OrgFields {
		if fi.Field == model.OrgFieldNotes || fi.Field == model.OrgFieldInstructor {
			continue
		}
		cols = append(cols, upCol{fi.Label, fi.Width})
	}
	cols = append(cols, upCol{"所属党支部", 22}, upCol{"提示", 36})
	w, err := newSheet(f, st, UpwardOrgsSheet, false, cols, 3)
	if err != nil {
		return err
	}
	if err := w.line(reportTitle(r, "非公企业和社会组织名录（党组织覆盖情况）"), st.title, 30); err != nil {
		return err
	}
	if err := w.line(reportInfo(r), st.info, minRow); err != nil {
		return err
	}
	titles, err := w.heading()
	if err != nil {
		return err
	}
	for i, o := range r.Orgs {
		vals := []any{i + 1}
		styles := []int{st.center}
		for _, fi := range model.OrgFields {
			switch fi.Field {
			case model.OrgFieldNotes, model.OrgFieldInstructor:
				continue
			case model.OrgFieldName:
				vals, styles = append(vals, o.Org.Name), append(styles, st.left)
			case model.OrgFieldStaff:
				vals, styles = append(vals, o.Org.Staff), append(styles, st.center)
			case model.OrgFieldFullMembers:
				vals, styles = append(vals, o.Org.FullMembers), append(styles, st.center)
			default:
				vals, styles = append(vals, o.Org.Text(fi.Field)), append(styles, st.text)
			}
		}
		vals, styles = append(vals, o.Branches, o.Flags), append(styles, st.left, st.flag)
		if err := w.cells(vals, styles); err != nil {
			return err
		}
	}
	return w.done(titles)
}

func writeUpActivities(f *excelize.File, st upStyles, r *UpwardReport) error {
	cols := []upCol{{"序号", 5}, {"支部名称", 26}, {"年度", 6}}
	for _, k := range model.ActivityKinds {
		cols = append(cols, upCol{string(k), 9})
	}
	cols = append(cols, upCol{"合计", 8}, upCol{"未开展", 30})
	w, err := newSheet(f, st, UpwardActivitiesSheet, false, cols, 3)
	if err != nil {
		return err
	}
	if err := w.line(reportTitle(r, "基层党支部组织生活开展情况统计表"), st.title, 30); err != nil {
		return err
	}
	if err := w.line(reportInfo(r)+"　　　　格内为“已开展/应开展”（期数，截至快照日期），空白为不适用", st.info, minRow); err != nil {
		return err
	}
	titles, err := w.heading()
	if err != nil {
		return err
	}
	for i, b := range r.Branches {
		held, due := map[model.ActivityKind]int{}, map[model.ActivityKind]int{}
		var missing []string
		applies := map[model.ActivityKind]bool{}
		for _, s := range b.Slots {
			applies[s.Kind] = true
			switch s.Status {
			case model.SlotHeld:
				held[s.Kind]++
				due[s.Kind]++
			case model.SlotMissing:
				due[s.Kind]++
				missing = append(missing, s.Label()+string(s.Kind))
			}
		}
		vals := []any{i + 1, b.Name, b.Figures.Year}
		styles := []int{st.center, st.left, st.center}
		for _, k := range model.ActivityKinds {
			v := ""
			if applies[k] {
				v = fmt.Sprintf("%d/%d", held[k], due[k])
			}
			vals, styles = append(vals, v), append(styles, st.center)
		}
		vals = append(vals, fmt.Sprintf("%d/%d", b.Figures.SlotsHeld, b.Figures.SlotsDue), strings.Join(missing, "、"))
		styles = append(styles, st.center, st.left)
		if err := w.cells(vals, styles); err != nil {
			return err
		}
	}
	return w.done(titles)
}

func writeUpDues(f *excelize.File, st upStyles, r *UpwardReport) error {
	cols := []upCol{{"序号", 5}, {"支部名称", 22}}
	for k := range 12 {
		cols = append(cols, upCol{model.MonthHeading(k), 9.5})
	}
	cols = append(cols, upCol{"自愿多交", 9.5}, upCol{"全年实收", 11})
	for _, q := range []string{"一", "二", "三", "四"} {
		cols = append(cols, upCol{"第" + q + "季度上缴", 10})
	}
	cols = append(cols, upCol{"上缴合计", 11})
	w, err := newSheet(f, st, UpwardDuesSheet, false, cols, 3)
	if err != nil {
		return err
	}
	if err := w.line(reportTitle(r, "党费收缴情况登记表（按支部）"), st.title, 30); err != nil {
		return err
	}
	if err := w.line(reportInfo(r)+"　　　　单位：元", st.info, minRow); err != nil {
		return err
	}
	titles, err := w.heading()
	if err != nil {
		return err
	}
	var months [12]model.Money
	var quarters [4]model.Money
	var extra, year, remitted model.Money
	styles := []int{st.center, st.left}
	for range 19 {
		styles = append(styles, st.money)
	}
	for i, b := range r.Branches {
		vals := []any{i + 1, b.Name}
		var rem model.Money
		for k, m := range b.DuesMonths {
			vals = append(vals, money(m))
			months[k] += m
		}
		// 全年实收 is the year's collection, as the branch's own summary
		// counts it (本年收缴): the extra dues in, and by the day paid, so
		// that with 上缴 it gives the branch's 结存.
		y := b.Collected()
		vals = append(vals, money(b.DuesExtra), money(y))
		extra += b.DuesExtra
		for q, x := range b.Quarters {
			vals = append(vals, money(x.Remitted))
			rem += x.Remitted
			quarters[q] += x.Remitted
		}
		vals = append(vals, money(rem))
		year += y
		remitted += rem
		if err := w.cells(vals, styles); err != nil {
			return err
		}
	}
	vals := []any{"合计", ""}
	ts := []int{st.total, st.total}
	for _, m := range months {
		vals, ts = append(vals, money(m)), append(ts, st.totalMoney)
	}
	vals, ts = append(vals, money(extra), money(year)), append(ts, st.totalMoney, st.totalMoney)
	for _, q := range quarters {
		vals, ts = append(vals, money(q)), append(ts, st.totalMoney)
	}
	vals, ts = append(vals, money(remitted)), append(ts, st.totalMoney)
	if err := w.cells(vals, ts); err != nil {
		return err
	}
	return w.done(titles)
}

func writeUpMembers(f *excelize.File, st upStyles, r *UpwardReport) error {
	fields := []model.Field{model.FieldName, model.FieldSex, model.FieldEthnicity, model.FieldIDNumber, model.FieldBirthDate,
		model.FieldEducation, model.FieldCategory, model.FieldJoinDate, model.FieldFullDate, model.FieldPost}
	cols := []upCol{{"序号", 6}, {"所在党支部", 32}}
	for _, fd := range fields {
		w := fd.Info().Width
		if fd == model.FieldPost {
			// Every post of the list on one line, so that the rows of
			// 非公有制经济组织专业技术人员 are not twice as tall as the
			// others (review s6-11 newuser #7).
			w = postWidth()
		}
		cols = append(cols, upCol{fd.Label(), w})
	}
	// People on the rolls of two branches are counted once per branch; a
	// column says so beside them, when there are any (review s5-11
	// newuser #8).
	shared, people := 0, map[string]bool{}
	for i := range r.Members {
		if r.Members[i].Also != "" {
			shared++
		}
		people[model.StoredIDNumber(r.Members[i].Member.IDNumber)] = true
	}
	if shared > 0 {
		cols = append(cols, upCol{"同时在其他支部名册上", 30})
	}
	w, err := newSheet(f, st, UpwardMembersSheet, false, cols, 3)
	if err != nil {
		return err
	}
	if err := w.line(reportTitle(r, "党员名册（各支部汇总）"), st.title, 30); err != nil {
		return err
	}
	info := fmt.Sprintf("%s　　　　党员 %d 名", reportInfo(r), len(r.Members))
	if shared > 0 {
		info += fmt.Sprintf("（其中 %d 行的公民身份号码也在其他支部的名册上，按公民身份号码计 %d 人：一名党员只能编入一个支部，请核实）", shared, len(people))
	}
	if err := w.line(info, st.info, minRow); err != nil {
		return err
	}
	titles, err := w.heading()
	if err != nil {
		return err
	}
	styles := []int{st.center, st.left}
	for _, fd := range fields {
		switch fd {
		case model.FieldIDNumber:
			styles = append(styles, st.text)
		case model.FieldPost:
			styles = append(styles, st.left)
		default:
			styles = append(styles, st.text)
		}
	}
	if shared > 0 {
		styles = append(styles, st.flag)
	}
	vals := make([]any, len(cols))
	for i := range r.Members {
		m := &r.Members[i].Member
		vals[0], vals[1] = i+1, r.Members[i].Branch
		for j, fd := range fields {
			vals[j+2] = m.Text(fd)
		}
		if shared > 0 {
			vals[len(vals)-1] = r.Members[i].Also
		}
		if err := w.cells(vals, styles); err != nil {
			return err
		}
	}
	return w.done(titles)
}
