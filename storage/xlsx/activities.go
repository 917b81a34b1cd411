package xlsx

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// ActivityPrint is one activity record as printed: the record, whether it
// was entered late (补录), and the outcome of the quorum and vote rules.
type ActivityPrint struct {
	Activity model.Activity
	Late     bool
	Checks   []model.Check
	// Inquorate marks a 支部党员大会 that could not decide for want of its
	// quorum: the ledger says so in 备注 and counts it in its heading, as
	// the activity list, home and check do.
	Inquorate bool
	// Shortfall is how 备注 marks such a meeting: 未达法定人数, or 选举未过80%
	// when only its election lacked the numbers (model.HeldActivity.
	// Shortfall) — the ledger said 未达法定人数 of a meeting that had its
	// quorum, beside a record page saying 可以开会 (review s14-attack8
	// #31). Empty: 未达法定人数.
	Shortfall string
}

// LedgerSheet is the name of the ledger's first sheet.
const LedgerSheet = "活动台账"

// lateMark is how a record entered late is marked in lists and prints.
const lateMark = "补录"

// activityStyles are the cell styles of the ledger and the record form.
type activityStyles struct {
	title, subtitle, info, right, heading, label, center, left, sign int
}

func newActivityStyles(f *excelize.File) (activityStyles, error) {
	align := func(h, v string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: v, WrapText: true}
	}
	m := styleMaker{f: f}
	st := activityStyles{
		title:    m.add(excelize.Style{Font: printFont(18, true), Alignment: align("center", "center")}),
		subtitle: m.add(excelize.Style{Font: printFont(12, false), Alignment: align("center", "center")}),
		info:     m.add(excelize.Style{Font: printFont(fontSize, false), Alignment: align("left", "center")}),
		right:    m.add(excelize.Style{Font: printFont(fontSize, false), Alignment: align("right", "center")}),
		heading:  m.add(excelize.Style{Font: printFont(fontSize, true), Alignment: align("center", "center"), Border: ruled(), Fill: headingFill}),
		label:    m.add(excelize.Style{Font: printFont(fontSize+1, true), Alignment: align("center", "center"), Border: ruled()}),
		center:   m.add(excelize.Style{Font: printFont(fontSize, false), Alignment: align("center", "center"), Border: ruled()}),
		left:     m.add(excelize.Style{Font: printFont(fontSize+1, false), Alignment: align("left", "top"), Border: ruled()}),
		sign:     m.add(excelize.Style{Font: printFont(fontSize+1, false), Alignment: align("left", "bottom")}),
	}
	return st, m.err
}

// WriteActivityLedgerFile writes the year's 活动台账 to path: the ledger,
// one row per activity, then one 会议记录 sheet per activity.
func WriteActivityLedgerFile(path, branchName string, year int, acts []ActivityPrint, printedOn model.Date) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		return writeBook(w, "活动台账", func(f *excelize.File, st activityStyles) error {
			if err := buildLedger(f, st, branchName, year, acts, printedOn); err != nil {
				return err
			}
			for i := range acts {
				name := fmt.Sprintf("%d %s", i+1, strings.TrimPrefix(acts[i].Activity.Title(), strconv.Itoa(year)+"年"))
				if _, err := f.NewSheet(name); err != nil {
					return err
				}
				if err := buildForm(f, st, name, branchName, &acts[i], printedOn); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// WriteActivityFormFile writes one activity's 会议记录 form to path.
func WriteActivityFormFile(path, branchName string, a ActivityPrint, printedOn model.Date) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		return writeBook(w, "会议记录", func(f *excelize.File, st activityStyles) error {
			name := "会议记录"
			if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
				return err
			}
			return buildForm(f, st, name, branchName, &a, printedOn)
		})
	})
}

func writeBook(w io.Writer, what string, build func(f *excelize.File, st activityStyles) error) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newActivityStyles(f)
	if err == nil {
		err = build(f, st)
	}
	if err == nil {
		// Every sheet of these books is written cell by cell.
		err = newTextKeeper(f).keepWorkbook()
	}
	if err != nil {
		return fmt.Errorf("生成%s失败：%w", what, err)
	}
	f.SetActiveSheet(0)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("写入%s文件失败：%w", what, err)
	}
	return nil
}

// ledgerColumn is one column of the ledger.
type ledgerColumn struct {
	label string
	width float64
	left  bool
	text  func(p *ActivityPrint, serial int) string
}

var ledgerColumns = []ledgerColumn{
	{"序号", serialWide, false, func(_ *ActivityPrint, n int) string { return strconv.Itoa(n) }},
	{"活动类型", 12, false, func(p *ActivityPrint, _ int) string { return string(p.Activity.Kind) }},
	{"次序", 5, false, func(p *ActivityPrint, _ int) string { return "第" + strconv.Itoa(p.Activity.Seq) + "次" }},
	{"日期", 11, false, func(p *ActivityPrint, _ int) string { return p.Activity.Date.String() }},
	{"时间", 11, false, func(p *ActivityPrint, _ int) string { return p.Activity.TimeText() }},
	{"地点", 14, true, func(p *ActivityPrint, _ int) string { return p.Activity.Place }},
	{"议题", 27, true, func(p *ActivityPrint, _ int) string { return p.Activity.Topic }},
	{"主持人", 8, false, func(p *ActivityPrint, _ int) string { return p.Activity.Chair }},
	{"记录人", 8, false, func(p *ActivityPrint, _ int) string { return p.Activity.Recorder }},
	{"应到", 5, false, func(p *ActivityPrint, _ int) string { return strconv.Itoa(p.Activity.Counts().Due) }},
	{"实到", 5, false, func(p *ActivityPrint, _ int) string { return strconv.Itoa(p.Activity.Counts().Present) }},
	{"请假", 5, false, func(p *ActivityPrint, _ int) string { return strconv.Itoa(p.Activity.Counts().Leave) }},
	{"缺席", 5, false, func(p *ActivityPrint, _ int) string { return strconv.Itoa(p.Activity.Counts().Absent) }},
	{"决议", 21, true, func(p *ActivityPrint, _ int) string { return model.ResolutionsText(p.Activity.Resolutions) }},
	{"附件", 5, false, func(p *ActivityPrint, _ int) string { return strconv.Itoa(len(p.Activity.Attachments)) }},
	{"录入时间", 11, false, func(p *ActivityPrint, _ int) string {
		if p.Activity.CreatedAt.IsZero() {
			return ""
		}
		return p.Activity.CreatedAt.Format("2006-01-02")
	}},
	// 备注 holds a mark or two, each on a line of its own and the column
	// wide enough for the longer (未达法定人数): at 7 an inquorate late
	// meeting's note took five lines of three characters, and Calc and
	// Excel break Chinese anywhere ("未达法定人数；补" / "录"; review s9-8
	// #7). That it is not counted as held is said once, in the line above
	// the table.
	{"备注", 12, false, func(p *ActivityPrint, _ int) string {
		var marks []string
		if p.Inquorate {
			mark := p.Shortfall
			if mark == "" {
				mark = model.InquorateText
			}
			marks = append(marks, mark)
		}
		if p.Late {
			marks = append(marks, lateMark)
		}
		return strings.Join(marks, "\n") // a mark a line: 补录 is not split
	}},
}

func buildLedger(f *excelize.File, st activityStyles, branchName string, year int, acts []ActivityPrint, printedOn model.Date) error {
	sheet := LedgerSheet
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	if err := setUpPrintPage(f, sheet, headingRow, headingRow); err != nil {
		return err
	}
	widths := make([]float64, len(ledgerColumns))
	for i, c := range ledgerColumns {
		widths[i] = c.width
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, c.width); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(ledgerColumns))
	late, inquorate := 0, 0
	for i := range acts {
		if acts[i].Late {
			late++
		}
		if acts[i].Inquorate {
			inquorate++
		}
	}
	info := fmt.Sprintf("填报日期：%s　　　　共 %d 次活动", printedOn.Chinese(), len(acts))
	if late > 0 {
		info += fmt.Sprintf("，其中 %d 次为活动结束%d天后补录（备注栏标“%s”）", late, model.RecordKeeping2018.LateEntryDays, lateMark)
	}
	if inquorate > 0 {
		info += fmt.Sprintf("；%d 次%s或选举无效，不算作已开展（备注栏注明）", inquorate, model.InquorateText)
	}
	if err := mergedLine(f, sheet, titleRow, "A", last, strings.TrimSpace(branchName)+strconv.Itoa(year)+"年活动台账", st.title, 32); err != nil {
		return err
	}
	if err := mergedLine(f, sheet, infoRow, "A", last, info, st.info, minRow); err != nil {
		return err
	}
	headings := make([]string, len(ledgerColumns))
	for i, c := range ledgerColumns {
		headings[i] = c.label
		cell, _ := excelize.CoordinatesToCellName(i+1, headingRow)
		if err := f.SetCellStr(sheet, cell, c.label); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, "A3", fmt.Sprintf("%s%d", last, headingRow), st.heading); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, headingRow, rowHeight(headings, widths)); err != nil {
		return err
	}
	texts := make([]string, len(ledgerColumns))
	r := firstRow - 1
	for i := range acts {
		r++
		for j, c := range ledgerColumns {
			texts[j] = c.text(&acts[i], i+1)
			cell, _ := excelize.CoordinatesToCellName(j+1, r)
			if err := f.SetCellStr(sheet, cell, texts[j]); err != nil {
				return err
			}
			style := st.center
			if c.left {
				style = st.left
			}
			if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(sheet, r, rowHeight(texts, widths)); err != nil {
			return err
		}
		for _, j := range overflowing(texts, widths) {
			cell, _ := excelize.CoordinatesToCellName(j+1, r)
			if err := topAlign(f, sheet, cell); err != nil {
				return err
			}
			lead := fmt.Sprintf("第%d次活动的%s（全文）：", i+1, ledgerColumns[j].label)
			n, err := continueCells(f, sheet, r+1, widths, lead+texts[j], st.center, st.left)
			if err != nil {
				return err
			}
			r += n
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headingRow, TopLeftCell: "A4", ActivePane: "bottomLeft"})
}

// topAlign aligns a cell's text to its top: text cut off by the row height
// limit then shows its start, and nothing is drawn above the row.
func topAlign(f *excelize.File, sheet, cell string) error {
	base, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return err
	}
	st, err := newTextKeeper(f).top(base)
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, st)
}

// continueCells is continuation for a sheet written cell by cell: text in
// full across the table from row r on; it returns how many rows it wrote.
func continueCells(f *excelize.File, sheet string, r int, widths []float64, text string, center, left int) (int, error) {
	last, _ := excelize.ColumnNumberToName(len(widths))
	width := 0.0
	for _, w := range widths[1:] {
		width += w
	}
	chunks := splitForRows(text, width)
	for k, chunk := range chunks {
		row := r + k
		a := fmt.Sprintf("A%d", row)
		if err := f.SetCellStr(sheet, a, "续"); err != nil {
			return 0, err
		}
		if err := f.SetCellStyle(sheet, a, a, center); err != nil {
			return 0, err
		}
		if err := mergedLine(f, sheet, row, "B", last, chunk, left, rowHeight([]string{chunk}, []float64{width})); err != nil {
			return 0, err
		}
	}
	return len(chunks), nil
}

func mergedLine(f *excelize.File, sheet string, row int, from, to, text string, style int, height float64) error {
	a, b := fmt.Sprintf("%s%d", from, row), fmt.Sprintf("%s%d", to, row)
	if from != to {
		if err := f.MergeCell(sheet, a, b); err != nil {
			return err
		}
	}
	if err := f.SetCellStr(sheet, a, text); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, a, b, style); err != nil {
		return err
	}
	return f.SetRowHeight(sheet, row, height)
}

// The record form has four columns: label, value, label, value. Long items
// take a label and the three columns after it.
var formWidths = []float64{14, 30, 14, 30}

// maxFormRow is the tallest row Excel allows (409 pt), less a margin; longer
// text is split over several rows, since Excel cuts a taller one.
const maxFormRow = 400

// buildForm lays out one 会议记录 on sheet: A4 portrait, a title, the header
// block, attendance, content, resolutions, and signature lines.
func buildForm(f *excelize.File, st activityStyles, sheet, branchName string, p *ActivityPrint, printedOn model.Date) error {
	if err := setUpPrintPage(f, sheet, 0, 0); err != nil {
		return err
	}
	// The form is a page of text, read top to bottom: portrait.
	portrait := "portrait"
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &portrait}); err != nil {
		return err
	}
	for i, w := range formWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	a := &p.Activity
	c := a.Counts()
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
		h := max(26, rowHeight([]string{v1, v2}, []float64{formWidths[1], formWidths[3]}))
		err := f.SetRowHeight(sheet, row, h)
		row++
		return err
	}
	// wide writes a label over the lines of text; the text is split over as
	// many rows as Excel's height limit needs and the label merged down them.
	wide := func(label, text string, minHeight float64) error {
		width := formWidths[1] + formWidths[2] + formWidths[3]
		chunks := splitForRows(text, width)
		first := row
		for _, chunk := range chunks {
			if err := f.MergeCell(sheet, fmt.Sprintf("B%d", row), fmt.Sprintf("D%d", row)); err != nil {
				return err
			}
			if err := f.SetCellStr(sheet, fmt.Sprintf("B%d", row), chunk); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, fmt.Sprintf("B%d", row), fmt.Sprintf("D%d", row), st.left); err != nil {
				return err
			}
			h := max(minHeight, rowHeight([]string{chunk}, []float64{width})+lineHeight)
			if len(chunks) > 1 {
				minHeight = minRow
			}
			if err := f.SetRowHeight(sheet, row, h); err != nil {
				return err
			}
			row++
		}
		if row-1 > first {
			if err := f.MergeCell(sheet, fmt.Sprintf("A%d", first), fmt.Sprintf("A%d", row-1)); err != nil {
				return err
			}
		}
		if err := f.SetCellStr(sheet, fmt.Sprintf("A%d", first), label); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, fmt.Sprintf("A%d", first), fmt.Sprintf("A%d", row-1), st.label)
	}

	entered := ""
	if !a.CreatedAt.IsZero() {
		entered = "录入时间：" + a.CreatedAt.Format("2006-01-02 15:04")
		if p.Late {
			entered += fmt.Sprintf("（%s：录入晚于活动日期%d天以上）", lateMark, model.RecordKeeping2018.LateEntryDays)
		}
		if a.UpdatedAt.After(a.CreatedAt) {
			entered += "　最后修改：" + a.UpdatedAt.Format("2006-01-02 15:04")
		}
	}
	var leave, absent, present []string
	for _, r := range a.Attendance {
		switch r.Status {
		case model.Present:
			present = append(present, r.Name)
		case model.OnLeave:
			leave = append(leave, r.Name+"（"+r.Reason+"）")
		case model.Absent:
			absent = append(absent, r.Name+"（"+r.Reason+"）")
		}
	}
	var res []string
	for i, r := range a.Resolutions {
		s := strconv.Itoa(i+1) + ". " + r.Text
		if r.Election {
			s += "（选举）"
		}
		if r.Voted {
			s += fmt.Sprintf("\n　　表决结果：赞成 %d 票，反对 %d 票，弃权 %d 票", r.Yes, r.No, r.Abstain)
		}
		res = append(res, s)
	}
	var checks []string
	for _, ch := range p.Checks {
		if ch.Unchecked {
			// A set-up gap of the app's, not a fact of the meeting: the
			// archive's record says nothing rather than something false.
			continue
		}
		checks = append(checks, ch.Message)
	}
	var files []string
	for _, at := range a.Attachments {
		files = append(files, fmt.Sprintf("%s（%s，%.1f MB）", at.Name, strings.ToUpper(string(at.Type)), float64(at.Size)/(1<<20)))
	}
	orNone := func(ss []string, sep string) string {
		if len(ss) == 0 {
			return "无"
		}
		return strings.Join(ss, sep)
	}
	// 列席人员: those typed, then the members from elsewhere chosen as
	// guests, marked as such (they are not on the roster).
	var seated []string
	if a.Observers != "" {
		seated = append(seated, a.Observers)
	}
	if len(a.Guests) > 0 {
		seated = append(seated, model.GuestsText(a.Guests)+"（流入党员）")
	}
	observers := orNone(seated, "；")

	steps := []func() error{
		func() error { return line(strings.TrimSpace(branchName), st.subtitle, 22) },
		func() error { return line(a.Title()+"记录", st.title, 34) },
		func() error { return line(entered, st.info, minRow) },
		func() error { return pair("会议时间", a.Date.Chinese()+" "+a.TimeText(), "会议地点", a.Place) },
		func() error { return pair("主持人", a.Chair, "记录人", a.Recorder) },
		func() error {
			return pair("应到人数", strconv.Itoa(c.Due), "实到人数", strconv.Itoa(c.Present))
		},
		func() error {
			return pair("请假人数", strconv.Itoa(c.Leave), "缺席人数", strconv.Itoa(c.Absent))
		},
		func() error { return wide("出席人员", orNone(present, "、"), 30) },
		func() error { return wide("请假人员\n及原因", orNone(leave, "；"), 24) },
		func() error { return wide("缺席人员\n及原因", orNone(absent, "；"), 24) },
		func() error { return wide("列席人员", observers, 24) },
		func() error { return wide("议题", a.Topic, 30) },
		func() error { return wide("会议内容", a.Content, 240) },
		func() error { return wide("决议及\n表决情况", orNone(res, "\n"), 60) },
	}
	if len(checks) > 0 {
		steps = append(steps, func() error { return wide("人数核对", strings.Join(checks, "\n"), 30) })
	}
	steps = append(steps,
		func() error { return wide("附件", orNone(files, "\n"), 24) },
		func() error { row++; return nil },
		func() error {
			return line("主持人（签字）：＿＿＿＿＿＿＿＿　　　　记录人（签字）：＿＿＿＿＿＿＿＿", st.sign, 40)
		},
		func() error {
			return line("打印日期："+printedOn.Chinese(), st.right, minRow)
		},
	)
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// splitForRows cuts text into pieces each short enough for one row of
// maxFormRow points at width; it splits at line breaks, and within a very
// long line by characters.
func splitForRows(text string, width float64) []string {
	maxLines := int(math.Floor((maxFormRow - rowPadding - lineHeight) / lineHeight))
	var chunks []string
	var cur []string
	curLines := 0
	flush := func() {
		if len(cur) > 0 {
			chunks = append(chunks, strings.Join(cur, "\n"))
			cur, curLines = nil, 0
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		for textLines(line, width) > maxLines {
			// A paragraph taller than a row: cut it by characters.
			runes := []rune(line)
			cut := len(runes) * maxLines / textLines(line, width)
			flush()
			chunks = append(chunks, string(runes[:cut]))
			line = string(runes[cut:])
		}
		n := textLines(line, width)
		if curLines+n > maxLines {
			flush()
		}
		cur = append(cur, line)
		curLines += n
	}
	flush()
	if len(chunks) == 0 {
		chunks = []string{""}
	}
	return chunks
}
