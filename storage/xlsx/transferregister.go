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

// Sheets of the transfer registers.
const (
	TransferRegisterSheet = "组织关系转接登记簿"
	MobileRegisterSheet   = "流动党员登记表"
	InflowRegisterSheet   = "流入党员登记表"
)

// registerColumn is one column of a printed register.
type registerColumn[T any] struct {
	label string
	width float64
	text  func(x *T, serial int) string
}

// TransferEntry is one line of the 组织关系转接登记簿: a letter this branch
// issued, or an incoming one.
type TransferEntry struct {
	Out *model.TransferLetter
	In  *model.TransferIn
	// Member is the member an incoming letter brought, for the 性别 and
	// 公民身份号码 the letter itself does not record; nil leaves them blank.
	Member *model.Member
}

// TransferRegister is a year of the 登记簿 as printed.
type TransferRegister struct {
	BranchName string
	Year       int
	Entries    []TransferEntry // by date
	Today      model.Date      // the letters' state is told on it
	Rules      model.TransferRules
}

func (r *TransferRegister) columns() []registerColumn[TransferEntry] {
	pick := func(out func(l *model.TransferLetter) string, in func(t *model.TransferIn) string) func(e *TransferEntry, _ int) string {
		return func(e *TransferEntry, _ int) string {
			if e.Out != nil {
				return out(e.Out)
			}
			return in(e.In)
		}
	}
	// person is what a letter out records of the member, or for a letter in
	// what the member's record says (the letter in does not carry it).
	person := func(out func(l *model.TransferLetter) string, in func(m *model.Member) string) func(e *TransferEntry, _ int) string {
		return func(e *TransferEntry, _ int) string {
			switch {
			case e.Out != nil:
				return out(e.Out)
			case e.Member != nil:
				return in(e.Member)
			}
			return ""
		}
	}
	return []registerColumn[TransferEntry]{
		{"序号", 4.5, func(_ *TransferEntry, n int) string { return strconv.Itoa(n) }},
		{"转出\n转入", 5, pick(func(*model.TransferLetter) string { return "转出" }, func(*model.TransferIn) string { return "转入" })},
		{"介绍信编号", 13, pick((*model.TransferLetter).NumberText, func(t *model.TransferIn) string { return t.LetterNumber })},
		{"日期", 10.5, pick(func(l *model.TransferLetter) string { return l.Date.String() }, func(t *model.TransferIn) string { return t.Date.String() })},
		{"姓名", 8, pick(func(l *model.TransferLetter) string { return l.Name }, func(t *model.TransferIn) string { return t.Name })},
		{"性别", 4.5, person(func(l *model.TransferLetter) string { return string(l.Sex) }, func(m *model.Member) string { return string(m.Sex) })},
		{"人员\n类别", 7, pick(func(l *model.TransferLetter) string { return string(l.Category) }, func(t *model.TransferIn) string { return string(t.Category) })},
		{"公民身份号码", 19.5, person(func(l *model.TransferLetter) string { return l.IDNumber }, func(m *model.Member) string { return m.IDNumber })},
		{"转出党组织", 20, pick(func(l *model.TransferLetter) string { return l.FromOrg }, func(t *model.TransferIn) string { return withCommittee(t.FromOrg, t.FromCommittee) })},
		{"接收党组织", 28, pick(func(l *model.TransferLetter) string { return withCommittee(l.ToOrg, l.ToCommittee) },
			func(*model.TransferIn) string { return r.BranchName })},
		{"党费交至", 10, pick(func(l *model.TransferLetter) string { return l.PaidTo.Chinese() }, func(t *model.TransferIn) string { return t.PaidTo.Chinese() })},
		{"有效期", 6, pick(func(l *model.TransferLetter) string { return fmt.Sprintf("%d天", l.ValidDays) }, func(*model.TransferIn) string { return "" })},
		{"办理情况", 18, pick(func(l *model.TransferLetter) string { return letterStatus(l, r.Today, r.Rules) }, func(t *model.TransferIn) string {
			s := "已转入"
			if t.Handler != "" {
				s += "，经办人" + t.Handler
			}
			return s
		})},
		{"备注", 12, pick(func(l *model.TransferLetter) string { return l.Reason }, func(t *model.TransferIn) string { return t.Note })},
	}
}

// withCommittee is an organisation with its 基层党委 under it in brackets,
// as the register names the other side of a transfer.
func withCommittee(org, committee string) string {
	if committee == "" {
		return org
	}
	return org + "\n（" + committee + "）"
}

// letterStatus is a letter's 办理情况 as the register shows it.
func letterStatus(l *model.TransferLetter, today model.Date, r model.TransferRules) string {
	switch st := l.State(today, r); st {
	case model.LetterReceived:
		s := "已回执 " + l.Receipt.Date.String()
		if l.Receipt.Org != "" && l.Receipt.Org != l.ToOrg {
			s += "\n" + l.Receipt.Org
		}
		if l.Receipt.Handler != "" {
			s += "\n经办人" + l.Receipt.Handler
		}
		return s
	case model.LetterWithdrawn:
		return "已作废 " + l.Withdrawal.Date.String() + "\n" + l.Withdrawal.Reason
	case model.LetterReturned:
		return "已转回本支部 " + l.ReturnedOn.String()
	case model.LetterPending:
		return "待回执\n有效期至 " + l.ValidUntil().String()
	default:
		return string(st) + "\n有效期至 " + l.ValidUntil().String()
	}
}

// Counts are the people the 登记簿's heading counts: those who left by a
// letter still in force (a withdrawn letter moved nobody, and a letter
// withdrawn and reissued is one person), those who came in, and the
// withdrawn letters.
func (r *TransferRegister) Counts() (out, in, withdrawn int) {
	outs, ins := map[int64]bool{}, map[int64]bool{}
	for i, e := range r.Entries {
		switch {
		case e.Out != nil && e.Out.Withdrawal != nil:
			withdrawn++
		case e.Out != nil:
			outs[personKey(e.Out.MemberID, i)] = true
		case e.In != nil:
			ins[personKey(e.In.MemberID, i)] = true
		}
	}
	return len(outs), len(ins), withdrawn
}

// personKey is a member's ID, or a key of its own for an entry without one.
func personKey(id int64, entry int) int64 {
	if id != 0 {
		return id
	}
	return -int64(entry) - 1
}

// WriteTransferRegisterFile writes the year's 组织关系转接登记簿 to path:
// every letter issued and received in the year with how it stands; A4
// landscape, one page wide, the headings repeated on every page.
func WriteTransferRegisterFile(path string, r TransferRegister) error {
	out, in, withdrawn := r.Counts()
	counts := fmt.Sprintf("转出 %d 人，转入 %d 人", out, in)
	if withdrawn > 0 {
		counts += fmt.Sprintf("，作废介绍信 %d 封", withdrawn)
	}
	info := fmt.Sprintf("%d年　　%s　　　　填报日期：%s", r.Year, counts, r.Today.Chinese())
	return writeRegisterFile(path, TransferRegisterSheet, r.BranchName, info, r.columns(), r.Entries)
}

// MobileRegister is the 流动党员登记表 as printed.
type MobileRegister struct {
	BranchName string
	Entries    []model.MobileMember
	Today      model.Date
	Rules      model.MobileRules
}

// WriteMobileRegisterFile writes the 流动党员登记表 to path: every stay away
// with its destination, card, receiving organisation, reports and return;
// A4 landscape, one page wide, the headings repeated on every page.
func WriteMobileRegisterFile(path string, r MobileRegister) error {
	away := 0
	for i := range r.Entries {
		if r.Entries[i].Open(r.Today) {
			away++
		}
	}
	info := fmt.Sprintf("共 %d 人次，目前外出 %d 人　　　　填报日期：%s", len(r.Entries), away, r.Today.Chinese())
	cols := []registerColumn[model.MobileMember]{
		{"序号", 4.5, func(_ *model.MobileMember, n int) string { return strconv.Itoa(n) }},
		{"姓名", 8, func(m *model.MobileMember, _ int) string { return m.Name }},
		{"外出日期", 10.5, func(m *model.MobileMember, _ int) string { return m.LeftOn.String() }},
		{"外出流向", 16, func(m *model.MobileMember, _ int) string { return m.Destination }},
		{"外出原因", 10, func(m *model.MobileMember, _ int) string { return m.Reason }},
		{"流动党员\n活动证编号", 14, func(m *model.MobileMember, _ int) string {
			s := m.CardNumber
			// The next 年审 due, not one done; past due, it says so.
			if d := m.CardDue(r.Rules); !d.IsZero() {
				s += "\n下次年审 " + d.String()
				if d.Before(r.Today) && m.Open(r.Today) {
					s += "（已逾期）"
				}
			}
			return s
		}},
		{"联系方式", 12.5, func(m *model.MobileMember, _ int) string { return m.Contact }},
		{"流入地党组织", 17, func(m *model.MobileMember, _ int) string { return m.HostOrg }},
		{"向支部报告", 17, func(m *model.MobileMember, _ int) string {
			var parts []string
			for _, rp := range m.Reports {
				s := rp.Date.String()
				if rp.Way != "" {
					s += " " + rp.Way
				}
				parts = append(parts, s)
			}
			return strings.Join(parts, "\n")
		}},
		{"计划\n返回日期", 10.5, func(m *model.MobileMember, _ int) string { return m.PlannedReturn.String() }},
		{"实际\n返回日期", 10.5, func(m *model.MobileMember, _ int) string {
			// A member who left the roster while away (转出 by letter) is
			// away no longer: the stay ends that day.
			if !m.EndedOn.IsZero() && (m.ReturnedOn.IsZero() || m.EndedOn.Before(m.ReturnedOn)) {
				return m.EndedOn.String() + "\n（" + string(m.EndedBy) + "）"
			}
			return m.ReturnedOn.String()
		}},
		{"备注", 16, func(m *model.MobileMember, _ int) string {
			var parts []string
			if !m.EndedOn.IsZero() {
				s := m.EndedOn.String() + " " + string(m.EndedBy)
				if m.EndLetter != "" {
					s += "，" + m.EndLetter + "介绍信"
				}
				parts = append(parts, s+"，外出登记结束")
			}
			if m.NoTransfer != "" {
				parts = append(parts, "暂不转接："+m.NoTransfer)
			}
			if m.Note != "" {
				parts = append(parts, m.Note)
			}
			return strings.Join(parts, "\n")
		}},
	}
	return writeRegisterFile(path, MobileRegisterSheet, r.BranchName, info, cols, r.Entries)
}

// InflowRegister is the 流入党员登记表 as printed.
type InflowRegister struct {
	BranchName string
	Entries    []model.InflowMember
	Attended   map[int64]int // activities each attended as a guest (列席), by ID
	Today      model.Date
}

// WriteInflowRegisterFile writes the 流入党员登记表 to path: the members of
// other organisations taking part here, with their home organisation, card
// and the activities they attended as guests (列席); A4 landscape, one page
// wide, the headings repeated on every page.
func WriteInflowRegisterFile(path string, r InflowRegister) error {
	here := 0
	for i := range r.Entries {
		if r.Entries[i].Here(r.Today) {
			here++
		}
	}
	info := fmt.Sprintf("共 %d 人，目前在本支部参加活动 %d 人　　　　填报日期：%s", len(r.Entries), here, r.Today.Chinese())
	cols := []registerColumn[model.InflowMember]{
		{"序号", 4.5, func(_ *model.InflowMember, n int) string { return strconv.Itoa(n) }},
		{"姓名", 8, func(m *model.InflowMember, _ int) string { return m.Name }},
		{"性别", 4.5, func(m *model.InflowMember, _ int) string { return string(m.Sex) }},
		{"人员\n类别", 7, func(m *model.InflowMember, _ int) string { return string(m.Category) }},
		{"公民身份号码", 19.5, func(m *model.InflowMember, _ int) string { return m.IDNumber }},
		{"组织关系所在党组织", 22, func(m *model.InflowMember, _ int) string { return m.HomeOrg }},
		{"流动党员\n活动证编号", 11, func(m *model.InflowMember, _ int) string { return m.CardNumber }},
		{"工作单位及岗位", 16, func(m *model.InflowMember, _ int) string { return m.Workplace }},
		{"联系电话", 12.5, func(m *model.InflowMember, _ int) string { return m.Phone }},
		{"流入日期", 10.5, func(m *model.InflowMember, _ int) string { return m.ArrivedOn.String() }},
		{"离开日期", 10.5, func(m *model.InflowMember, _ int) string { return m.LeftOn.String() }},
		{"参加\n活动", 5.5, func(m *model.InflowMember, _ int) string { return strconv.Itoa(r.Attended[m.ID]) }},
		{"备注", 14, func(m *model.InflowMember, _ int) string { return m.Note }},
	}
	return writeRegisterFile(path, InflowRegisterSheet, r.BranchName, info, cols, r.Entries)
}

// writeRegisterFile writes a register of rows under cols to path, titled
// the branch's name and sheet, with info under the title.
func writeRegisterFile[T any](path, sheet, branchName, info string, cols []registerColumn[T], rows []T) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		return writeBook(w, sheet, func(f *excelize.File, st activityStyles) error {
			return buildRegister(f, st, sheet, branchName, info, cols, rows)
		})
	})
}

func buildRegister[T any](f *excelize.File, st activityStyles, sheet, branchName, info string, cols []registerColumn[T], rows []T) error {
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	if err := setUpPrintPage(f, sheet, headingRow, headingRow); err != nil {
		return err
	}
	widths := make([]float64, len(cols))
	headings := make([]string, len(cols))
	for i, c := range cols {
		widths[i], headings[i] = c.width, c.label
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, c.width); err != nil {
			return err
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, headingRow)
		if err := f.SetCellStr(sheet, cell, c.label); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	if err := mergedLine(f, sheet, titleRow, "A", last, strings.TrimSpace(branchName)+sheet, st.title, 32); err != nil {
		return err
	}
	if err := mergedLine(f, sheet, infoRow, "A", last, info, st.info, minRow); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, fmt.Sprintf("A%d", headingRow), fmt.Sprintf("%s%d", last, headingRow), st.heading); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, headingRow, rowHeight(headings, widths)); err != nil {
		return err
	}
	texts := make([]string, len(cols))
	r := firstRow - 1
	for i := range rows {
		r++
		for j, c := range cols {
			texts[j] = c.text(&rows[i], i+1)
			cell, _ := excelize.CoordinatesToCellName(j+1, r)
			if err := f.SetCellStr(sheet, cell, texts[j]); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, fmt.Sprintf("A%d", r), fmt.Sprintf("%s%d", last, r), st.center); err != nil {
			return err
		}
		if err := f.SetRowHeight(sheet, r, rowHeight(texts, widths)); err != nil {
			return err
		}
		// A text taller than a row can be (a long 备注) shows its start in
		// the row and follows in full in 续 rows, rather than being cut.
		for _, j := range overflowing(texts, widths) {
			cell, _ := excelize.CoordinatesToCellName(j+1, r)
			if err := topAlign(f, sheet, cell); err != nil {
				return err
			}
			lead := fmt.Sprintf("第%d行的%s（全文）：", i+1, strings.ReplaceAll(cols[j].label, "\n", ""))
			n, err := continueCells(f, sheet, r+1, widths, lead+texts[j], st.center, st.left)
			if err != nil {
				return err
			}
			if err := roomyContinuation(f, sheet, r+1, n, widths); err != nil {
				return err
			}
			r += n
		}
	}
	if len(rows) == 0 {
		if err := mergedLine(f, sheet, firstRow, "A", last, "（无）", st.center, minRow); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headingRow, TopLeftCell: fmt.Sprintf("A%d", firstRow), ActivePane: "bottomLeft"})
}

// continuationLine is the height of a line of 10 pt text in a 续 row, in
// points: LibreOffice sets such text in its CJK fallback font (Noto Sans
// CJK), whose lines are taller than 宋体's (lineHeight). A 续 row spans the
// page, so its lines have no slack from rounding as narrow cells do, and
// five lines at lineHeight lost the last one to the border.
const continuationLine = 15.0

// roomyContinuation gives the n 续 rows from row first the height of their
// lines at continuationLine.
func roomyContinuation(f *excelize.File, sheet string, first, n int, widths []float64) error {
	width := 0.0
	for _, w := range widths[1:] {
		width += w
	}
	for row := first; row < first+n; row++ {
		text, err := f.GetCellValue(sheet, fmt.Sprintf("B%d", row))
		if err != nil {
			return err
		}
		h := math.Ceil(float64(textLines(text, width))*continuationLine + rowPadding)
		if err := f.SetRowHeight(sheet, row, min(maxRowHeight, max(minRow, h))); err != nil {
			return err
		}
	}
	return nil
}
