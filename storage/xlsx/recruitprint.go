package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// RecruitPrint is one person of the pipeline as printed: the record, what
// the checks found, and the titles of the linked meeting records.
type RecruitPrint struct {
	Recruit  model.Recruit
	Report   model.RecruitReport
	Meetings map[int64]string // activity ID → 2025年第2次支部党员大会
}

// RecruitLedgerSheet is the sheet of the 发展党员工作台账.
const RecruitLedgerSheet = "发展党员工作台账"

// onePage fits a form on one page, wide and tall: a 纪实表 or a notice that
// spilled a line onto a second sheet of paper would be filed wrong.
func onePage(f *excelize.File, sheet string) error {
	portrait, wide, tall := "portrait", 1, 1
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &portrait, FitToWidth: &wide, FitToHeight: &tall})
}

// recordWidths are the 纪实表's columns: 阶段, 序号, 环节, 日期, 有关人员,
// 材料及说明.
var recordWidths = []float64{9, 4.5, 17.5, 11, 13, 33}

// WriteRecruitRecordFile writes a person's 发展党员全程纪实表 to path: A4
// portrait at print size (a second page when the notes are long, the
// table's headings repeated), the person's data, then every step with its date,
// people and document, stage by stage, and what the checks found.
func WriteRecruitRecordFile(path, branchName string, p RecruitPrint, printedOn model.Date) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		return writeBook(w, "发展党员全程纪实表", func(f *excelize.File, st activityStyles) error {
			sheet := "纪实表"
			if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
				return err
			}
			return buildRecord(f, st, sheet, branchName, &p, printedOn)
		})
	})
}

func buildRecord(f *excelize.File, st activityStyles, sheet, branchName string, p *RecruitPrint, printedOn model.Date) error {
	if err := setUpPrintPage(f, sheet, 0, 0); err != nil {
		return err
	}
	// As wide as the page and as long as it takes: shrunk to one page, the
	// 25 steps with their notes came out at 2–7 pt; at print size the
	// table goes on to a second page under its headings repeated.
	portrait, wide, tall := "portrait", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &portrait, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	for i, w := range recordWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	// Long text in a ruled cell, read from the left.
	m := styleMaker{f: f}
	infoRuled := m.add(excelize.Style{Font: printFont(fontSize, false), Border: ruled(),
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	if m.err != nil {
		return m.err
	}
	r := &p.Recruit
	row := 1
	put := func(from, to string, text string, style int) error {
		a, b := fmt.Sprintf("%s%d", from, row), fmt.Sprintf("%s%d", to, row)
		if from != to {
			if err := f.MergeCell(sheet, a, b); err != nil {
				return err
			}
		}
		if err := f.SetCellStr(sheet, a, text); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, a, b, style)
	}
	line := func(text string, style int, height float64) error {
		err := mergedLine(f, sheet, row, "A", "F", text, style, height)
		row++
		return err
	}
	pair := func(l1, v1, l2, v2 string) error {
		for _, c := range []struct {
			from, to, text string
			style          int
		}{{"A", "B", l1, st.label}, {"C", "D", v1, st.center}, {"E", "E", l2, st.label}, {"F", "F", v2, st.center}} {
			if err := put(c.from, c.to, c.text, c.style); err != nil {
				return err
			}
		}
		h := max(24, rowHeight([]string{v1, v2}, []float64{recordWidths[2] + recordWidths[3], recordWidths[5]}))
		err := f.SetRowHeight(sheet, row, h)
		row++
		return err
	}
	if err := line(strings.TrimSpace(branchName), st.subtitle, 20); err != nil {
		return err
	}
	if err := line("发展党员全程纪实表", st.title, 30); err != nil {
		return err
	}
	if err := line(fmt.Sprintf("当前阶段：%s　　　　填表日期：%s", r.Status(), printedOn.Chinese()), st.info, minRow); err != nil {
		return err
	}
	joined := ""
	if m := r.DateOf(model.StepAdmission); !m.IsZero() && r.Record(model.StepApproval).Done() {
		joined = m.Chinese()
	}
	for _, pr := range [][4]string{
		{"姓　　名", r.Name, "性　　别", string(r.Sex)},
		{"出生日期", r.BirthDate.Chinese(), "民　　族", r.Ethnicity},
		{"公民身份号码", r.IDNumber, "学　　历", r.Education},
		{"工作岗位", r.Post, "联系电话", r.Phone},
		{"加入党组织日期", joined, "预备期满", r.ProbationEnd().Chinese()},
	} {
		if err := pair(pr[0], pr[1], pr[2], pr[3]); err != nil {
			return err
		}
	}
	headings := []string{"阶段", "序号", "环节", "日期", "有关人员", "材料及说明"}
	for i, h := range headings {
		cell, _ := excelize.CoordinatesToCellName(i+1, row)
		if err := f.SetCellStr(sheet, cell, h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("F%d", row), st.heading); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, row, minRow); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, row, row), Scope: sheet}); err != nil {
		return err
	}
	row++
	stageStart, stage := row, model.RecruitStage(1)
	closeStage := func() error {
		a, b := fmt.Sprintf("A%d", stageStart), fmt.Sprintf("A%d", row-1)
		if row-1 > stageStart {
			if err := f.MergeCell(sheet, a, b); err != nil {
				return err
			}
		}
		if err := f.SetCellStr(sheet, a, model.RecruitStages[stage]); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, a, b, st.center)
	}
	for i := range model.RecruitSteps {
		info := &model.RecruitSteps[i]
		if info.Stage != stage {
			if err := closeStage(); err != nil {
				return err
			}
			stageStart, stage = row, info.Stage
		}
		date, people, doc := recordCells(r, &p.Report.Timeline[i], p.Meetings)
		texts := []string{strconv.Itoa(int(info.Step)), info.Name, date, people, doc}
		for j, t := range texts {
			cell, _ := excelize.CoordinatesToCellName(j+2, row)
			if err := f.SetCellStr(sheet, cell, t); err != nil {
				return err
			}
			style := st.center
			if j == 4 {
				style = infoRuled
			}
			if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(sheet, row, rowHeight(texts, recordWidths[1:])); err != nil {
			return err
		}
		row++
	}
	if err := closeStage(); err != nil {
		return err
	}
	var notes []string
	for _, fd := range p.Report.Findings {
		if fd.Severity >= model.Warning {
			notes = append(notes, fd.Severity.String()+"："+strings.TrimPrefix(fd.Message, r.Name+" "))
		}
	}
	checked := "经核对，已登记的各环节符合《中国共产党发展党员工作细则》的时限和程序要求。"
	if len(notes) > 0 {
		checked = strings.Join(notes, "\n")
	}
	if err := put("A", "B", "核对情况", st.label); err != nil {
		return err
	}
	if err := put("C", "F", checked, infoRuled); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, row, min(maxRowHeight, max(30, rowHeight([]string{checked}, []float64{recordWidths[2] + recordWidths[3] + recordWidths[4] + recordWidths[5]})+4))); err != nil {
		return err
	}
	row += 2
	if err := line("党支部书记（签字）：＿＿＿＿＿＿＿＿　　　　党支部（盖章）", st.sign, 34); err != nil {
		return err
	}
	return line("打印日期："+printedOn.Chinese(), st.right, minRow)
}

// recordCells are the date, people and document cells of one step on the
// 纪实表: what was recorded, or when it is due.
func recordCells(r *model.Recruit, s *model.StepStatus, meetings map[int64]string) (date, people, doc string) {
	all := r.All(s.Step)
	var docs []string
	for _, x := range all {
		if !x.Done() && x.Start.IsZero() {
			continue
		}
		if s.Step == model.StepTraining {
			docs = append(docs, fmt.Sprintf("第%d次考察 %s", x.Seq, x.Date))
			date = x.Date.String()
			continue
		}
		if x.Seq > 1 {
			docs = append(docs, fmt.Sprintf("第%d次：%s", x.Seq, x.Date))
		} else {
			date = x.Date.String()
		}
		people = x.People
		if x.Method != "" {
			docs = append(docs, x.Method)
		}
		if !x.Start.IsZero() {
			what := "期间"
			switch s.Step {
			case model.StepCandidateRecord:
				what = "公示"
			case model.StepForm:
				what = "拟接收预备党员公示"
			}
			docs = append(docs, fmt.Sprintf("%s %s至%s", what, x.Start, x.End))
		}
		if x.Hours > 0 {
			docs = append(docs, fmt.Sprintf("%d学时", x.Hours))
		}
		if x.Document != "" {
			docs = append(docs, s.Step.Info().Document+"："+x.Document)
		}
		if x.ActivityID != 0 {
			if t, ok := meetings[x.ActivityID]; ok {
				docs = append(docs, "会议记录："+t)
			}
		}
		if x.WrittenYes+x.WrittenNo > 0 {
			docs = append(docs, fmt.Sprintf("未到会党员书面意见：赞成%d份，反对%d份", x.WrittenYes, x.WrittenNo))
		}
		if x.Outcome != "" {
			o := string(x.Outcome)
			if x.Outcome == model.OutcomeExtend {
				o += fmt.Sprintf("%d个月", x.Months)
			}
			docs = append(docs, o)
		}
		if len(x.Archived) > 0 {
			docs = append(docs, "归档："+strings.Join(x.Archived, "、"))
		}
		if len(x.Attachments) > 0 {
			docs = append(docs, fmt.Sprintf("扫描件%d份", len(x.Attachments)))
		}
		if x.Note != "" {
			docs = append(docs, x.Note)
		}
	}
	switch s.State {
	case model.StepDue:
		if !s.Due.IsZero() {
			docs = append(docs, "应于"+s.Due.Chinese()+"前完成")
		}
	case model.StepOverdue:
		docs = append(docs, "已逾期：应于"+s.Due.Chinese()+"前完成")
	}
	if s.Step == model.StepProbation && !r.ProbationEnd().IsZero() {
		date = r.DateOf(model.StepAdmission).String()
		docs = append([]string{"预备期至" + r.ProbationEnd().String()}, docs...)
	}
	return date, people, strings.Join(docs, "；")
}

// NoticeKind is which public notice (公示) is printed.
type NoticeKind int

const (
	NoticeCandidate NoticeKind = iota // 发展对象
	NoticeAdmission                   // 拟接收预备党员
)

// RecruitNotice is a public notice as printed.
type RecruitNotice struct {
	Kind        NoticeKind
	Recruit     model.Recruit
	Start, End  model.Date
	WorkingDays int
	Exact       bool // the calendar knows every day of the notice
	Contact     string
	Phone       string
}

// WriteRecruitNoticeFile writes a public notice (公示) to path: A4 portrait on
// one page, with the person's data and the notice's dates in working days.
func WriteRecruitNoticeFile(path, branchName string, n RecruitNotice) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		return writeBook(w, "公示", func(f *excelize.File, st activityStyles) error {
			sheet := "公示"
			if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
				return err
			}
			return buildNotice(f, st, sheet, branchName, &n)
		})
	})
}

func buildNotice(f *excelize.File, st activityStyles, sheet, branchName string, n *RecruitNotice) error {
	if err := setUpPrintPage(f, sheet, 0, 0); err != nil {
		return err
	}
	if err := onePage(f, sheet); err != nil {
		return err
	}
	for i, w := range formWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	r := &n.Recruit
	branch := strings.TrimSpace(branchName)
	if branch == "" {
		branch = "党支部"
	}
	row := 1
	line := func(text string, style int, height float64) error {
		err := mergedLine(f, sheet, row, "A", "D", text, style, height)
		row++
		return err
	}
	pair := func(l1, v1, l2, v2 string) error {
		for i, s := range []string{l1, v1, l2, v2} {
			cell, _ := excelize.CoordinatesToCellName(i+1, row)
			if err := f.SetCellStr(sheet, cell, s); err != nil {
				return err
			}
			style := st.label
			if i%2 == 1 {
				style = st.center
			}
			if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
				return err
			}
		}
		err := f.SetRowHeight(sheet, row, max(36, rowHeight([]string{v1, v2}, []float64{formWidths[1], formWidths[3]})))
		row++
		return err
	}
	title, intro := "", ""
	days := fmt.Sprintf("%d个工作日", n.WorkingDays)
	if !n.Exact {
		days += "，按周一至周五计算"
	}
	switch n.Kind {
	case NoticeCandidate:
		title = "关于拟将" + r.Name + "同志列为发展对象的公示"
		intro = "根据《中国共产党发展党员工作细则》有关规定，经党支部委员会研究并报上级党委，拟将" + r.Name +
			"同志列为发展对象，现将有关情况予以公示。"
	default:
		title = "关于拟接收" + r.Name + "同志为中共预备党员的公示"
		intro = "根据《中国共产党发展党员工作细则》有关规定，" + r.Name +
			"同志已经上级党委预审，拟提交支部党员大会讨论接收为中共预备党员，现将有关情况予以公示。"
	}
	steps := []func() error{
		func() error { return line(title, st.title, 48) },
		func() error { row++; return nil },
		func() error { return line("　　"+intro, st.info, 48) },
		func() error { return pair("姓　　名", r.Name, "性　　别", string(r.Sex)) },
		func() error { return pair("出生年月", yearMonthText(r.BirthDate), "民　　族", r.Ethnicity) },
		func() error { return pair("学　　历", r.Education, "工作岗位", r.Post) },
		func() error {
			return pair("申请入党时间", r.DateOf(model.StepApplication).Chinese(), "确定为入党\n积极分子时间", r.DateOf(model.StepActivist).Chinese())
		},
	}
	if n.Kind == NoticeCandidate {
		steps = append(steps, func() error {
			return pair("培养联系人", peopleOf(r, model.StepMentors), "确定为发展\n对象时间", r.DateOf(model.StepCandidate).Chinese())
		})
	} else {
		steps = append(steps,
			func() error {
				return pair("确定为发展\n对象时间", r.DateOf(model.StepCandidate).Chinese(), "入党介绍人", peopleOf(r, model.StepSponsors))
			},
			func() error {
				return pair("政治审查", orBlank(r.Record(model.StepVetting)), "集中培训", courseText(r))
			})
	}
	steps = append(steps,
		func() error { row++; return nil },
		func() error {
			return line(fmt.Sprintf("　　公示时间：%s至%s（%s）。", n.Start.Chinese(), n.End.Chinese(), days), st.info, 28)
		},
		func() error {
			return line("　　公示期间，党员和群众可通过来信、来电、来访等方式，向党支部或上级党委反映公示对象的情况和问题。"+
				"反映问题应实事求是，以个人名义反映的请署真实姓名，以单位名义反映的请加盖公章。", st.info, 62)
		},
		func() error {
			return line(fmt.Sprintf("　　联系人：%s　　　联系电话：%s", blankLine(n.Contact), blankLine(n.Phone)), st.info, 28)
		},
		func() error { row += 2; return nil },
		func() error { return line(branch, st.right, 24) },
		func() error { return line(n.Start.Chinese(), st.right, 24) },
	)
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func yearMonthText(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月", d.Year, int(d.Month))
}

func peopleOf(r *model.Recruit, s model.RecruitStep) string {
	if x := r.Record(s); x != nil {
		return x.People
	}
	return ""
}

func orBlank(x *model.StepRecord) string {
	if !x.Done() {
		return ""
	}
	if x.Document != "" {
		return x.Document + "（" + x.Date.Chinese() + "）"
	}
	return x.Date.Chinese() + "完成"
}

func courseText(r *model.Recruit) string {
	x := r.Record(model.StepCourse)
	if !x.Done() {
		return ""
	}
	s := x.Date.Chinese() + "结业"
	if x.Hours > 0 {
		s += fmt.Sprintf("（%d学时）", x.Hours)
	}
	return s
}

func blankLine(s string) string {
	if strings.TrimSpace(s) == "" {
		return "＿＿＿＿＿＿"
	}
	return s
}

// ledgerRecruitColumn is one column of the 发展党员工作台账.
type ledgerRecruitColumn struct {
	label string
	width float64
	text  func(p *RecruitPrint, n int) string
}

func stepDate(s model.RecruitStep) func(p *RecruitPrint, _ int) string {
	return func(p *RecruitPrint, _ int) string { return p.Recruit.DateOf(s).String() }
}

var recruitLedgerColumns = []ledgerRecruitColumn{
	{"序号", 4.5, func(_ *RecruitPrint, n int) string { return strconv.Itoa(n) }},
	{"姓名", 8, func(p *RecruitPrint, _ int) string { return p.Recruit.Name }},
	{"性别", 4.5, func(p *RecruitPrint, _ int) string { return string(p.Recruit.Sex) }},
	{"出生日期", 10.5, func(p *RecruitPrint, _ int) string { return p.Recruit.BirthDate.String() }},
	{"当前阶段", 9, func(p *RecruitPrint, _ int) string { return string(p.Recruit.Status()) }},
	{"申请入党", 10.5, stepDate(model.StepApplication)},
	{"确定入党\n积极分子", 10.5, stepDate(model.StepActivist)},
	{"培养联系人", 9, func(p *RecruitPrint, _ int) string { return peopleOf(&p.Recruit, model.StepMentors) }},
	{"确定发展\n对象", 10.5, stepDate(model.StepCandidate)},
	{"公示", 10.5, func(p *RecruitPrint, _ int) string {
		if x := p.Recruit.Record(model.StepCandidateRecord); x != nil && !x.Start.IsZero() {
			return x.Start.String() + "\n至" + x.End.String()
		}
		return ""
	}},
	{"入党介绍人", 9, func(p *RecruitPrint, _ int) string { return peopleOf(&p.Recruit, model.StepSponsors) }},
	{"支部大会\n接收", 10.5, stepDate(model.StepAdmission)},
	{"上级党委\n审批", 10.5, stepDate(model.StepApproval)},
	{"入党宣誓", 10.5, stepDate(model.StepOath)},
	{"转正审批", 10.5, func(p *RecruitPrint, _ int) string {
		var last string
		for _, x := range p.Recruit.All(model.StepFullApproval) {
			last = x.Date.String()
		}
		return last
	}},
	{"下一步", 25, func(p *RecruitPrint, _ int) string {
		n := p.Report.Next()
		if n == nil {
			return ""
		}
		s := n.Step.Info().Name
		switch {
		case n.State == model.StepOverdue:
			s += "\n（已逾期，应于" + n.Due.String() + "前）"
		case !n.Due.IsZero():
			s += "\n（应于" + n.Due.String() + "前）"
		case !n.Earliest.IsZero():
			s += "\n（" + n.Earliest.String() + "起可进行）"
		}
		return s
	}},
	{"备注", 12, func(p *RecruitPrint, _ int) string {
		serious := 0
		for _, fd := range p.Report.Findings {
			if fd.Severity == model.Serious {
				serious++
			}
		}
		s := p.Recruit.Notes
		if serious > 0 {
			if s != "" {
				s += "\n"
			}
			s += fmt.Sprintf("%d项严重问题", serious)
		}
		return s
	}},
}

// WriteRecruitLedgerFile writes the branch's 发展党员工作台账 to path:
// everyone in the pipeline, their stage and the dates of the main steps, and
// what is next; A4 landscape, one page wide, the headings repeated on every
// page.
func WriteRecruitLedgerFile(path, branchName string, ps []RecruitPrint, printedOn model.Date) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		return writeBook(w, RecruitLedgerSheet, func(f *excelize.File, st activityStyles) error {
			return buildRecruitLedger(f, st, branchName, ps, printedOn)
		})
	})
}

func buildRecruitLedger(f *excelize.File, st activityStyles, branchName string, ps []RecruitPrint, printedOn model.Date) error {
	sheet := RecruitLedgerSheet
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	if err := setUpPrintPage(f, sheet, headingRow, headingRow); err != nil {
		return err
	}
	widths := make([]float64, len(recruitLedgerColumns))
	for i, c := range recruitLedgerColumns {
		widths[i] = c.width
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, c.width); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(recruitLedgerColumns))
	counts := map[model.RecruitStatus]int{}
	for i := range ps {
		counts[ps[i].Recruit.Status()]++
	}
	var parts []string
	for _, s := range model.RecruitStatuses {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 人", s, counts[s]))
		}
	}
	info := fmt.Sprintf("填报日期：%s　　　　共 %d 人", printedOn.Chinese(), len(ps))
	if len(parts) > 0 {
		info += "：" + strings.Join(parts, "，")
	}
	if err := mergedLine(f, sheet, titleRow, "A", last, strings.TrimSpace(branchName)+RecruitLedgerSheet, st.title, 32); err != nil {
		return err
	}
	if err := mergedLine(f, sheet, infoRow, "A", last, info, st.info, minRow); err != nil {
		return err
	}
	headings := make([]string, len(recruitLedgerColumns))
	for i, c := range recruitLedgerColumns {
		headings[i] = c.label
		cell, _ := excelize.CoordinatesToCellName(i+1, headingRow)
		if err := f.SetCellStr(sheet, cell, c.label); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, fmt.Sprintf("A%d", headingRow), fmt.Sprintf("%s%d", last, headingRow), st.heading); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, headingRow, rowHeight(headings, widths)); err != nil {
		return err
	}
	texts := make([]string, len(recruitLedgerColumns))
	for i := range ps {
		r := firstRow + i
		for j, c := range recruitLedgerColumns {
			texts[j] = c.text(&ps[i], i+1)
			cell, _ := excelize.CoordinatesToCellName(j+1, r)
			if err := f.SetCellStr(sheet, cell, texts[j]); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, cell, cell, st.center); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(sheet, r, rowHeight(texts, widths)); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headingRow, TopLeftCell: fmt.Sprintf("A%d", firstRow), ActivePane: "bottomLeft"})
}
