package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage/demo"
)

// duesReport is a year's register of n demo members: bases for all but one,
// January to October paid by most, a few behind.
func duesReport(n int) *DuesReport {
	ms := demo.Members(n, 7, today, branch)
	var bases []model.DuesBase
	var paid []model.PaidMonth
	for i := range ms {
		ms[i].ID = int64(i + 1)
		if i == 3 {
			continue // base missing
		}
		cat := model.DuesCategories[i%8]
		base := model.Money(150000 + i*7919%1500000)
		if !cat.HasBase() {
			base = 0
		}
		b := model.DuesBase{MemberID: ms[i].ID, Year: 2026, Category: cat, Base: base}
		bases = append(bases, b)
		a, _, _ := b.Monthly(model.CurrentDuesRules())
		upTo := 10 - i%9 // some members behind
		for k := 1; k <= upTo; k++ {
			paid = append(paid, model.PaidMonth{MemberID: ms[i].ID, Month: model.MonthOf(2026, time.Month(k)), Amount: a})
		}
	}
	h := model.DuesHistory{Start: model.MonthOf(2026, 1), Bases: bases, Paid: paid}
	reg := model.BuildRegister(2026, ms, h, today, model.CurrentDuesRules())
	ar := model.Arrears(ms, h, today, model.CurrentDuesRules(), model.PartyConstitution2022)
	return &DuesReport{BranchName: branch, Register: reg, Arrears: ar, PrintedOn: today,
		Balance: model.DuesBalance{Year: 2026, Quarters: [4]model.DuesQuarter{{Collected: reg.MonthPaid[0], Remitted: reg.MonthPaid[0]}}, Held: reg.YearPaid - reg.MonthPaid[0]}}
}

func TestWriteDues(t *testing.T) {
	r := duesReport(30)
	var buf bytes.Buffer
	if err := WriteDues(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != DuesRegisterSheet || got[1] != DuesSummarySheet {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows(DuesRegisterSheet)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rows[0][0], branch+"2026年党费收缴登记表") {
		t.Errorf("title %q", rows[0][0])
	}
	head := strings.Join(rows[2], "|")
	for _, h := range []string{"序号", "姓名", "类别", "月收入基数", "比例", "月应交", "实交", "全年应交", "全年实交", "收款人签名", "备注"} {
		if !strings.Contains(head, h) {
			t.Errorf("heading %q missing from %q", h, head)
		}
	}
	if rows[3][6] != "1月" || rows[3][17] != "12月" {
		t.Errorf("month headings %q", rows[3])
	}
	// The members, the total, and the legend under them.
	if len(rows) != duesFirstRow-1+len(r.Register.Rows)+2 {
		t.Errorf("%d rows for %d members", len(rows), len(r.Register.Rows))
	}
	total := rows[len(rows)-2]
	if total[0] != "合计" || total[19] != r.Register.YearPaid.String() {
		t.Errorf("total row %q, want year paid %s", total, r.Register.YearPaid)
	}
	if legend := rows[len(rows)-1][0]; !strings.HasPrefix(legend, "说明：") || !strings.Contains(legend, "“缺基数”为尚未填写计算基数") {
		t.Errorf("legend %q", legend)
	}
	legendInWholeLines(t, r, rows[len(rows)-1][0])
	// The member without a base: 未填, and 缺基数 — not 未交 — for the past
	// months: the amount is unknown, it is a gap in the set-up.
	for _, row := range rows[duesFirstRow-1 : len(rows)-2] {
		if row[1] == r.Register.Rows[3].Name {
			if row[3] != "未填" || row[6] != "缺基数" {
				t.Errorf("no-base row %q", row)
			}
		}
	}
	// Print set-up: A4 landscape, fit to one page wide, headings repeated.
	for _, s := range []string{DuesRegisterSheet, DuesSummarySheet} {
		pl, err := f.GetPageLayout(s)
		if err != nil || *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 {
			t.Errorf("%s page layout %+v %v", s, pl, err)
		}
	}
	sum, _ := f.GetRows(DuesSummarySheet)
	all := ""
	for _, row := range sum {
		all += strings.Join(row, "|") + "\n"
	}
	for _, want := range []string{"党费收缴情况汇总", "实交金额", "第一季度", "上缴", "结存", "收缴率", "连续"} {
		if !strings.Contains(all, want) {
			t.Errorf("summary lacks %q:\n%s", want, all)
		}
	}
}

func TestReadDuesBases(t *testing.T) {
	ms := demo.Members(3, 3, today, branch)
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	rows := [][]any{
		{"2026年党费基数"},
		{"序号", "姓名", "公民身份号码", "缴纳类别", "月计算基数（元）"},
		{1, ms[0].Name, ms[0].IDNumber, "在职", "5,400.00"},
		{2, ms[1].Name, ms[1].IDNumber, "退休", 3000},
		{3, ms[2].Name, "620102198501011234", "在职", 4000},
		{4, "赵六", idNumber("19900101", "061"), "在职", -5},
		{5, "钱七", idNumber("19910202", "072"), "公务员", 5000},
		{},
		{"合计"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	bf, err := ReadDuesBasesSheets(path, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if bf.HeaderRow != 2 || len(bf.Rows) != 2 {
		t.Fatalf("header %d, rows %+v, rejected %+v", bf.HeaderRow, bf.Rows, bf.Rejected)
	}
	if bf.Rows[0].Base != model.Yuan(5400) || bf.Rows[1].Category != model.DuesRetired || bf.Rows[1].Base != model.Yuan(3000) {
		t.Errorf("rows %+v", bf.Rows)
	}
	want := map[int]string{5: "身份", 6: "负数", 7: "不是缴纳类别"}
	for _, r := range bf.Rejected {
		if w, ok := want[r.Row]; ok && strings.Contains(r.Reason, w) || (ok && r.Row == 6 && strings.Contains(r.Reason, "相同")) {
			delete(want, r.Row)
		}
	}
	if len(want) > 0 {
		t.Errorf("rejections missing %v in %+v", want, bf.Rejected)
	}

	empty := filepath.Join(t.TempDir(), "空.xlsx")
	g := excelize.NewFile()
	_ = g.SetCellStr(g.GetSheetName(0), "A1", "姓名")
	_ = g.SaveAs(empty)
	if _, err := ReadDuesBasesSheets(empty, 0, nil); !errors.Is(err, ErrNoHeader) {
		t.Errorf("no header: %v", err)
	}
}

// Bases pasted from chat apps and web pages: invisible characters and
// full-width digits read as the roster reads them (issue 7 §2).
func TestReadDuesBasesCleansPastedText(t *testing.T) {
	ms := demo.Members(1, 3, today, branch)
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	for i, r := range [][]any{
		{"姓名", "\ufeff公民身份号码", "计算基数"},
		{"\u200b" + ms[0].Name + "\u200e", "\u202d" + ms[0].IDNumber + "\u202c", "５４００．００"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	bf, err := ReadDuesBasesSheets(path, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(bf.Rows) != 1 || bf.Rows[0].Name != ms[0].Name || bf.Rows[0].IDNumber != ms[0].IDNumber || bf.Rows[0].Base != model.Yuan(5400) {
		t.Errorf("rows %+v rejected %+v", bf.Rows, bf.Rejected)
	}
}

// A workbook of bases whose first sheet is hidden (last year's) reads the
// visible one; 党费已交至 typed 2026.10 into a number cell (kept as 2026.1)
// is refused as the roster refuses it, and shown 2026.10 through 0.00 it
// is October (review s3-7 attack #12, #13).
func TestReadDuesBasesSkipsHiddenSheetAndRefusesAmbiguousMonth(t *testing.T) {
	ms := demo.Members(3, 3, today, branch)
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", "2020年"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("2026年"); err != nil {
		t.Fatal(err)
	}
	for _, sh := range []struct {
		name string
		base int
	}{{"2020年", 3000}, {"2026年", 6000}} {
		rows := [][]any{
			{"姓名", "公民身份号码", "计算基数", "党费已交至"},
			{ms[0].Name, ms[0].IDNumber, sh.base, "2026-09"},
			{ms[1].Name, ms[1].IDNumber, sh.base, 2026.1},
			{ms[2].Name, ms[2].IDNumber, sh.base, 2026.1},
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(sh.name, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	st, _ := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00: shows 2026.10
	_ = f.SetCellStyle("2026年", "D4", "D4", st)
	f.SetActiveSheet(1) // Excel keeps the active sheet visible
	if err := f.SetSheetVisible("2020年", false); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	bf, err := ReadDuesBasesSheets(path, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if bf.Sheet != "2026年" || len(bf.Rows) != 2 || bf.Rows[0].Base != model.Yuan(6000) {
		t.Fatalf("sheet %q rows %+v rejected %+v", bf.Sheet, bf.Rows, bf.Rejected)
	}
	if bf.Rows[1].Row != 4 || bf.Rows[1].PaidTo != model.MonthOf(2026, time.October) {
		t.Errorf("row 4 paid to %v", bf.Rows[1].PaidTo)
	}
	if len(bf.Rejected) != 1 || bf.Rejected[0].Row != 3 || !strings.Contains(bf.Rejected[0].Reason, "分不清是 2026年1月还是10月") {
		t.Errorf("rejected %+v", bf.Rejected)
	}
}

// summaryText is the annual summary sheet of r, a line per row.
func summaryText(t *testing.T, r *DuesReport) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDues(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sum, _ := f.GetRows(DuesSummarySheet)
	all := ""
	for _, row := range sum {
		all += strings.Join(row, "|") + "\n"
	}
	return all
}

// The 收缴率 is over the months already over (review s3-8-newuser #8): on
// the day the ledger begins nothing is due yet, which the summary says
// instead of "收缴率 0.0%"; the months paid before the ledger (党费已交至)
// are counted apart, as page 1 shows them 已交.
func TestDuesSummaryRateOnDayOne(t *testing.T) {
	ms := demo.Members(3, 7, today, branch)
	var bases []model.DuesBase
	for i := range ms {
		ms[i].ID = int64(i + 1)
		bases = append(bases, model.DuesBase{MemberID: ms[i].ID, Year: 2026, Category: model.DuesEmployed, Base: model.Yuan(5400)})
	}
	now := model.MonthOfDate(today)
	h := model.DuesHistory{Start: now, SetUp: now, Bases: bases, Openings: map[int64]model.Month{1: now - 1}}
	reg := model.BuildRegister(2026, ms, h, today, model.CurrentDuesRules())
	all := summaryText(t, &DuesReport{BranchName: branch, Register: reg, PrintedOn: today, LedgerStart: now})
	if !strings.Contains(all, "收缴率：尚无到期应交的党费") || strings.Contains(all, "0.0%") {
		t.Errorf("day one summary:\n%s", all)
	}
	if !strings.Contains(all, "本账外已交人次|"+strings.Repeat("1|", int(now.Mon())-1)) {
		t.Errorf("the months paid before the ledger are not counted:\n%s", all)
	}
	// A year under way: the share of what the past months owed.
	r := duesReport(30)
	want := fmt.Sprintf("已到期应交%s元，收缴率", r.Register.DueToDate)
	if all := summaryText(t, r); r.Register.DueToDate == 0 || !strings.Contains(all, want) {
		t.Errorf("summary lacks %q:\n%s", want, all)
	}
}

// The summary names a member who left with arrears, and when they left.
func TestArrearsLineNamesThoseWhoLeft(t *testing.T) {
	c := model.CurrentRules().Constitution
	got := arrearsLine([]model.Arrear{{Name: "向晨阳", Streak: 6, Severity: model.Serious, LeftOn: model.NewDate(2026, 11, 30), LeftBy: model.EventTransferOut}}, c)
	if want := "（党章第九条）：向晨阳（6个月；2026年11月30日转出）。"; !strings.Contains(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}

// A register row is as tall as its 备注 prints: LibreOffice draws a line
// of 10 pt Chinese about 14.8 pt high, and a row estimated at 13.5 pt a
// line printed its first line on the top border and its "）" in the next
// row (review s7-8 newuser #6). Chinese and Latin notes alike.
func TestRegisterRowHoldsItsNote(t *testing.T) {
	r := duesReport(4)
	notes := []string{
		"党费已交至2026年10月（建账前已交）；1个月待补录（开始用本软件记账之前）",
		"转入前党费已交至2026年3月（介绍信，2026年11月转入）；4月至10月待补录（开始用本软件记账之前），请与转出党组织核实",
		"Paid up to Oct 2026 before the ledger; 1 month still to record (before the app was used), see the paper ledger",
	}
	for i, n := range notes {
		r.Register.Rows[i].Note = n
	}
	var buf bytes.Buffer
	if err := WriteDues(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	last := 1 + len(duesLeading) + 12 + len(duesTrailing)
	col, _ := excelize.ColumnNumberToName(last)
	width, err := f.GetColWidth(DuesRegisterSheet, col)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range notes {
		h, err := f.GetRowHeight(DuesRegisterSheet, duesFirstRow+i)
		if err != nil {
			t.Fatal(err)
		}
		lines := textLines(n, width)
		if need := float64(lines)*14.8 + 8; h < need {
			t.Errorf("row %d: %.1f pt for %d lines of %q in a column %.1f wide, want at least %.1f", i+1, h, lines, n, width, need)
		}
		if lines > 4 && i == 0 {
			t.Errorf("the usual note takes %d lines", lines)
		}
	}
}

// firstHourReport is the register of a branch set up today with n members:
// the ledger kept from December, every member's dues paid on paper up to
// September, so that each row has the same 备注 (党费已交至…；N个月待补录…).
func firstHourReport(n int) *DuesReport {
	printed := model.NewDate(2026, 12, 1)
	ms := demo.Members(n, 7, printed, branch)
	h := model.DuesHistory{Start: model.MonthOf(2026, 12), Openings: map[int64]model.Month{}}
	for i := range ms {
		ms[i].ID = int64(i + 1)
		h.Bases = append(h.Bases, model.DuesBase{MemberID: ms[i].ID, Year: 2026, Category: model.DuesCategories[0], Base: model.Money(300000 + 10000*i)})
		h.Openings[ms[i].ID] = model.MonthOf(2026, 9)
	}
	reg := model.BuildRegister(2026, ms, h, printed, model.CurrentDuesRules())
	return &DuesReport{BranchName: branch, Register: reg, PrintedOn: printed, LedgerStart: h.Start}
}

// The 备注 every member has is said once, under the table, not in each row
// (issue 8: 14 rows each three lines tall made the register two pages).
func TestRegisterSaysTheNoteEveryMemberHasOnce(t *testing.T) {
	r := firstHourReport(14)
	note := r.Register.Rows[0].Note
	if !strings.Contains(note, "党费已交至2026年9月") {
		t.Fatalf("the first-hour register's note is %q", note)
	}
	var buf bytes.Buffer
	if err := WriteDues(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(DuesRegisterSheet)
	if err != nil {
		t.Fatal(err)
	}
	noteCol := 1 + len(duesLeading) + 12 + len(duesTrailing) - 1
	for _, row := range rows[duesFirstRow-1 : duesFirstRow-1+len(r.Register.Rows)] {
		if len(row) > noteCol && row[noteCol] != "" {
			t.Errorf("%s's 备注 is %q", row[1], row[noteCol])
		}
	}
	legend := rows[len(rows)-1][0]
	if strings.Count(legend, "党费已交至2026年9月（建账前已交）") != 1 || !strings.Contains(legend, "说明：") {
		t.Errorf("under the table: %q", legend)
	}
	legendInWholeLines(t, r, legend)
}

// legendInWholeLines checks that the 说明 under the register is broken into
// lines by the app, each ending with its "；" and short enough not to be
// wrapped again when printed: wrapped by the spreadsheet, a printed line
// began with "；“缺基数”…" (review s13-look).
func legendInWholeLines(t *testing.T, r *DuesReport, cell string) {
	t.Helper()
	width := 0.0
	for _, w := range duesColumnWidths(r) {
		width += w
	}
	i := strings.Index(cell, "说明：")
	if i < 0 {
		t.Fatalf("no 说明 in %q", cell)
	}
	lines := strings.Split(cell[i:], "\n")
	for n, l := range lines {
		if !strings.HasSuffix(l, "；") && !(n == len(lines)-1 && strings.HasSuffix(l, "。")) || textLines(l, width) > 1 {
			t.Errorf("legend line %d %q: not a whole line ending with ； (width %.0f)", n+1, l, width)
		}
	}
}

// A branch of up to 25 members set up today prints its register on one A4
// page, the legend included: the summary begins the second page.
func TestFirstHourRegisterPrintsOnOnePage(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, n := range []int{14, 25} {
		path := filepath.Join(dir, fmt.Sprintf("register%d.xlsx", n))
		if err := WriteDuesFile(path, firstHourReport(n)); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	printToPDF(t, dir, files...)
	for _, f := range files {
		pdf := strings.TrimSuffix(f, ".xlsx") + ".pdf"
		info, err := exec.Command("pdfinfo", pdf).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", pdf, err)
		}
		first, err := exec.Command("pdftotext", "-f", "1", "-l", "1", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		// No printed line of the legend begins with its "；" (review
		// s13-look: "；“缺基数”…").
		for _, line := range strings.Split(string(first), "\n") {
			if l := strings.TrimSpace(line); strings.HasPrefix(l, "；") {
				t.Errorf("%s: a printed line begins with ；: %q", filepath.Base(pdf), l)
			}
		}
		flat := strings.Join(strings.Fields(string(first)), "")
		if !regexp.MustCompile(`(?m)^Pages:\s+2$`).Match(info) || !strings.Contains(flat, "合计") || !strings.Contains(flat, "“缺基数”为尚未填写计算基数") {
			t.Errorf("%s: the register is not one page (page 1 reads %q)\n%s", filepath.Base(pdf), flat, info)
		}
	}
}

// The printed 收缴率 is over the recorded months, and the months to record
// are said beside it (review s9-8 #3: a ledger set up in October and moved
// back to March, October paid, printed 收缴率 100.0 % over October alone,
// without a word of the seven months unrecorded; review s13-newuser #4:
// counting them as unpaid printed 收缴率0.0 % for a branch whose every past
// month was to record). The year's 应交 stays what the year owes.
func TestDuesSummaryRateSaysMonthsToRecordApart(t *testing.T) {
	ms := demo.Members(1, 7, today, branch)
	ms[0].ID = 1
	for _, tc := range []struct {
		name        string
		setUp       int // month of 2026
		paid        []int
		want, never string
	}{
		// March to October over (648.00), of which March to September to
		// record (567.00); October paid.
		{"october_recorded_and_paid", 10, []int{10}, "已到期应交648.00元，其中待补录567.00元（不计欠交，补录后计入）；其余81.00元收缴率100.0%", "已到期应交648.00元，收缴率"},
		// Set up in November, moved back to March: every month over is to
		// record — no rate, never 0.0 %.
		{"every_month_to_record", 11, nil, "已到期应交648.00元，均为待补录（不计欠交），补录后计算收缴率", "0.0%"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := model.DuesHistory{Start: model.MonthOf(2026, 3), SetUp: model.MonthOf(2026, time.Month(tc.setUp)),
				Bases: []model.DuesBase{{MemberID: 1, Year: 2026, Category: model.DuesEmployed, Base: model.Yuan(5400)}}} // 81.00
			for _, k := range tc.paid {
				h.Paid = append(h.Paid, model.PaidMonth{MemberID: 1, Month: model.MonthOf(2026, time.Month(k)), Amount: model.Yuan(81)})
			}
			reg := model.BuildRegister(2026, ms, h, today, model.CurrentDuesRules())
			all := summaryText(t, &DuesReport{BranchName: branch, Register: reg, PrintedOn: today, LedgerStart: h.Start,
				ToRecord: model.RecordGaps(ms, h, model.CurrentDuesRules())})
			for _, want := range []string{"全年应交810.00元", tc.want} {
				if !strings.Contains(all, want) {
					t.Errorf("summary lacks %q:\n%s", want, all)
				}
			}
			if strings.Contains(all, tc.never) {
				t.Errorf("summary says %q:\n%s", tc.never, all)
			}
		})
	}
}

// A member reminded of an earlier run, paid since, is listed by the run's
// months, not "（0个月）" (review s9-8 #5).
func TestArrearsLineNamesAnEarlierRun(t *testing.T) {
	c := model.CurrentRules().Constitution
	a := model.Arrear{Name: "戴云琴", Months: 3, Earlier: 3, EarlierFrom: model.MonthOf(2026, 6), EarlierTo: model.MonthOf(2026, 8), Severity: model.Warning}
	got := arrearsLine([]model.Arrear{a}, c)
	if want := "连续3个月以上未交：戴云琴（2026年6月至8月，此后已有交纳）。"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// Months paid in the ledger and then put before it (a 建账月份 moved past
// them in an older version, or written by another tool) are 实交 but not
// 应交: the summary says so beside 实交, and the member's note names them
// — review s13-attack8 #17 printed 应交3484.50元，实交6969.00元，收缴率100.0%
// with nothing to reconcile the two.
func TestDuesSummarySaysPaymentsBeforeTheLedgerStart(t *testing.T) {
	ms := demo.Members(1, 7, today, branch)
	ms[0].ID = 1
	h := model.DuesHistory{Start: model.MonthOf(2026, 10), SetUp: model.MonthOf(2026, 6),
		Bases: []model.DuesBase{{MemberID: 1, Year: 2026, Category: model.DuesEmployed, Base: model.Yuan(5400)}}} // 81.00
	for k := 6; k <= 10; k++ { // June to September before the start, October in it
		h.Paid = append(h.Paid, model.PaidMonth{MemberID: 1, Month: model.MonthOf(2026, time.Month(k)), Amount: model.Yuan(81)})
	}
	reg := model.BuildRegister(2026, ms, h, today, model.CurrentDuesRules())
	if reg.PaidBeforeLedger != model.Yuan(324) || reg.PaidBeforeLedgerMonths != 4 {
		t.Errorf("paid before the ledger: %s in %d months, want 324.00 in 4", reg.PaidBeforeLedger, reg.PaidBeforeLedgerMonths)
	}
	all := summaryText(t, &DuesReport{BranchName: branch, Register: reg, PrintedOn: today, LedgerStart: h.Start})
	if want := "全年应交243.00元，实交405.00元（其中324.00元是为建账月份之前的4个月交纳的，不计入应交和收缴率）；已到期应交81.00元，收缴率100.0%"; !strings.Contains(all, want) {
		t.Errorf("summary lacks %q:\n%s", want, all)
	}
	if note := reg.Rows[0].Note; !strings.Contains(note, "4个月的交纳324.00元在建账月份之前，计入实交、不计应交") {
		t.Errorf("the member's note: %q", note)
	}

	// Nothing paid before the start: the line says nothing of it.
	h.Paid = h.Paid[4:]
	reg = model.BuildRegister(2026, ms, h, today, model.CurrentDuesRules())
	if all := summaryText(t, &DuesReport{BranchName: branch, Register: reg, PrintedOn: today, LedgerStart: h.Start}); strings.Contains(all, "建账月份之前的") {
		t.Errorf("summary speaks of payments before the start with none:\n%s", all)
	}
}
