package recruitfile

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage/activityfile"
)

// pipelineHeadings are the columns of issue 12's pipeline workbook.
var pipelineHeadings = []string{"姓名", "公民身份号码", "申请入党日期", "谈话日期", "确定入党积极分子日期", "培养联系人",
	"确定发展对象日期", "公示开始日期", "公示结束日期", "政审结论日期", "培训开始日期", "培训结束日期", "培训学时", "支委会审查日期",
	"预审日期", "入党介绍人", "支部大会日期", "审批日期", "入党宣誓日期", "转正大会日期", "转正审批日期", "备注"}

// pipelineBook writes a workbook of pipelineHeadings and rows, each a map
// from heading to a cell value (a string is text, a number a number cell,
// a cellFormat a number with its number format), and returns its path.
func pipelineBook(t *testing.T, rows ...map[string]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	col := map[string]int{}
	for i, h := range pipelineHeadings {
		col[h] = i + 1
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		must(t, f.SetCellStr("Sheet1", ref, h))
	}
	for r, row := range rows {
		for h, v := range row {
			c, ok := col[h]
			if !ok {
				c = len(pipelineHeadings) + 1
				ref, _ := excelize.CoordinatesToCellName(c, 1)
				must(t, f.SetCellStr("Sheet1", ref, h))
			}
			ref, _ := excelize.CoordinatesToCellName(c, r+2)
			switch v := v.(type) {
			case string:
				must(t, f.SetCellStr("Sheet1", ref, v))
			case cellFormat:
				code := v.code
				st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
				must(t, err)
				must(t, f.SetCellDefault("Sheet1", ref, v.raw))
				must(t, f.SetCellStyle("Sheet1", ref, ref, st))
			default:
				must(t, f.SetCellValue("Sheet1", ref, v))
			}
		}
	}
	path := filepath.Join(t.TempDir(), "发展党员台账.xlsx")
	must(t, f.SaveAs(path))
	return path
}

// cellFormat is a number cell (raw as stored) shown through a custom
// number format.
type cellFormat struct{ raw, code string }

// admittedRow is a person's whole pipeline as a sheet row, admitted at the
// meeting of 2024-06-20 and, with 转正 dates, a full member.
func admittedRow(name, idNumber string, fullDates bool) map[string]any {
	row := map[string]any{"姓名": name, "公民身份号码": idNumber, "申请入党日期": "2023-01-05", "谈话日期": "2023-01-20",
		"确定入党积极分子日期": "2023-03-01", "培养联系人": "王芳、李强", "确定发展对象日期": "2024-03-10",
		"公示开始日期": "2024-03-12", "公示结束日期": "2024-03-18", "政审结论日期": "2024-04-01", "培训开始日期": "2024-04-08",
		"培训结束日期": "2024-04-10", "支委会审查日期": "2024-05-06", "预审日期": "2024-05-20", "入党介绍人": "赵敏、孙伟",
		"支部大会日期": "2024-06-20", "审批日期": "2024-07-10", "入党宣誓日期": "2024-07-20"}
	if fullDates {
		row["转正大会日期"], row["转正审批日期"] = "2025-06-25", "2025-07-15"
	}
	return row
}

// A row with the 转正 meeting and its approval puts the person on the
// roster as 正式党员 from the end of probation (§3 step 24, 2026 §33), not
// as a 预备党员 whose probation ended long ago.
func TestImportedFullMembershipReachesTheRoster(t *testing.T) {
	s, _ := branch(t)
	svc := New(s)
	full, prob := id("19960101", "121"), id("19970202", "131")
	p, err := svc.PreviewImport(pipelineBook(t, admittedRow("钱多", full, true), admittedRow("孙少", prob, false)))
	if err != nil || len(p.Rejected) > 0 || len(p.Add) != 2 {
		t.Fatalf("preview: %v %+v, %d to add", err, p.Rejected, len(p.Add))
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members()
	want := map[string]struct {
		cat  model.Category
		full model.Date
	}{full: {model.CategoryFull, d(2025, 6, 20)}, prob: {model.CategoryProbationary, model.Date{}}}
	for _, m := range ms {
		if w, ok := want[m.IDNumber]; ok {
			if m.Category != w.cat || m.FullDate != w.full || m.JoinDate != d(2024, 6, 20) {
				t.Errorf("%s: %s, 转正 %s, joined %s; want %s, 转正 %s", m.Name, m.Category, m.FullDate, m.JoinDate, w.cat, w.full)
			}
			delete(want, m.IDNumber)
		}
	}
	if len(want) > 0 {
		t.Errorf("not on the roster: %v", want)
	}
	// The same sheet again, now with 孙少's 转正: merged into the pipeline.
	p, err = svc.PreviewImport(pipelineBook(t, admittedRow("钱多", full, true), admittedRow("孙少", prob, true)))
	if err != nil || len(p.Rejected) > 0 || len(p.Update) != 1 {
		t.Fatalf("second preview: %v %+v %d updates", err, p.Rejected, len(p.Update))
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	ms, _ = s.Members()
	for _, m := range ms {
		if m.IDNumber == prob && (m.Category != model.CategoryFull || m.FullDate != d(2025, 6, 20)) {
			t.Errorf("孙少 after the second import: %s %s", m.Category, m.FullDate)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// People imported with their history come onto the roster the day of the
// import, as the roster import puts them (README): the branch's records of
// organisational life before it cannot name them, so no 自行脱党 gap is
// counted from their admitting meeting (attack review of issue 12 #13).
func TestImportedMembersArriveOnTheImportDay(t *testing.T) {
	s, _ := branch(t) // a general meeting on 2025-06-20 starts the records
	svc := New(s)
	prob := id("19970202", "131")
	p, err := svc.PreviewImport(pipelineBook(t, admittedRow("孙少", prob, false)))
	if err != nil || len(p.Add) != 1 {
		t.Fatalf("preview: %v %+v", err, p.Rejected)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	today := model.DateOf(clock)
	ms, _ := s.Members()
	var m model.Member
	for _, x := range ms {
		if x.IDNumber == prob {
			m = x
		}
	}
	if m.ArrivedOn != today || m.JoinDate != d(2024, 6, 20) {
		t.Errorf("到本支部日期 %s, 加入党组织日期 %s; want the import day %s and the meeting", m.ArrivedOn, m.JoinDate, today)
	}
	held, err := s.HeldActivities(d(1900, 1, 1), d(today.Year, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := activityfile.New(s).MeetingRules()
	if err != nil {
		t.Fatal(err)
	}
	c := model.CurrentRules().Constitution
	gaps := model.Participation(ms, held, today, rules, c)
	for _, f := range model.ParticipationFindings(gaps, c) {
		if f.MemberID == m.ID {
			t.Errorf("false alarm: %s", f.Message)
		}
	}
	for _, pa := range gaps {
		if pa.MemberID == m.ID && pa.Severity != model.Info {
			t.Errorf("participation gap counted from %s: %d months", pa.Since, pa.Months)
		}
	}
}
