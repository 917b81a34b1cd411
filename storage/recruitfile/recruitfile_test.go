package recruitfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/xlsx"
)

var clock = time.Date(2026, 11, 30, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

func d(y int, m time.Month, day int) model.Date { return model.NewDate(y, m, day) }

func id(birth, seq string) string {
	first17 := "620102" + birth + seq
	return first17 + string(model.IDCheckChar(first17))
}

// branch is a store with a profile, five full members and a general
// meeting that admitted someone on 2025-06-20, quorate.
func branch(t *testing.T) (*storage.Store, model.Activity) {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "b.db"), storage.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p := model.Profile{OrgName: "兰州示例科技有限公司", OrgType: model.OrgEnterprise, BranchName: "中共兰州示例科技有限公司支部委员会",
		BranchType: model.BranchOwn, Secretary: "王芳", TermStart: d(2024, 3, 1), TermEnd: d(2027, 3, 1),
		ContactName: "王芳", ContactPhone: "13912345678", EmployeeCount: 80}
	var ms []model.Member
	for i, n := range []string{"王芳", "李强", "赵敏", "孙伟", "周杰"} {
		m := model.NewMember()
		m.Name, m.IDNumber = n, id(fmt.Sprintf("198%d0101", i), fmt.Sprintf("1%d%d", i, 1+2*i%5))
		m.JoinDate, m.FullDate = d(2010, 7, 1), d(2011, 7, 1)
		m.Category = model.CategoryFull
		saved, err := s.AddMember(m, nil)
		if err != nil {
			t.Fatalf("AddMember %s: %v", n, err)
		}
		ms = append(ms, saved)
	}
	p.Committee = []model.CommitteeMember{{Name: "王芳", Role: "书记"}, {Name: "李强", Role: "组织委员"}, {Name: "赵敏", Role: "宣传委员"}}
	if err := s.SaveProfile(p); err != nil {
		t.Fatalf("SaveProfile: %v", err)
	}
	a, err := s.SaveActivity(model.Activity{Kind: model.KindGeneralMeeting, Date: d(2025, 6, 20), Topic: "讨论接收郑新同志为预备党员",
		Chair: "王芳", Recorder: "李强", Place: "公司会议室", Attendance: model.NewAttendance(ms),
		Resolutions: []model.Resolution{{Text: "同意接收郑新同志为中共预备党员", Voted: true, Yes: 5}}})
	if err != nil {
		t.Fatalf("SaveActivity: %v", err)
	}
	return s, a
}

// zheng is a person admitted in 2025 and now waiting for 转正, every step
// recorded; meeting links the admitting meeting.
func zheng(meeting int64) model.Recruit {
	r := model.Recruit{Name: "郑新", IDNumber: id("19980601", "773"), Ethnicity: "汉族", Education: "大学",
		Post: "非公有制经济组织专业技术人员", Phone: "13800138000"}
	for _, x := range []model.StepRecord{
		{Step: model.StepApplication, Date: d(2024, 3, 4)},
		{Step: model.StepTalk, Date: d(2024, 3, 20), People: "王芳"},
		{Step: model.StepActivist, Date: d(2024, 4, 10), Method: string(model.ByMassGroup)},
		{Step: model.StepActivistRecord, Date: d(2024, 4, 15)},
		{Step: model.StepMentors, Date: d(2024, 4, 15), People: "王芳、李强", PeopleIDs: []int64{1, 2}},
		{Step: model.StepTraining, Date: d(2024, 10, 8)},
		{Step: model.StepTraining, Seq: 2, Date: d(2025, 4, 7)},
		{Step: model.StepCandidate, Date: d(2025, 4, 20)},
		{Step: model.StepCandidateRecord, Date: d(2025, 4, 25), Method: string(model.DecisionRecorded), Start: d(2025, 4, 28), End: d(2025, 5, 9)},
		{Step: model.StepSponsors, Date: d(2025, 5, 15), People: "赵敏、孙伟", PeopleIDs: []int64{3, 4}},
		{Step: model.StepVetting, Date: d(2025, 5, 20), Document: "政治审查合格，结论见政审材料"},
		{Step: model.StepCourse, Date: d(2025, 5, 23), Start: d(2025, 5, 21), End: d(2025, 5, 23), Hours: 24},
		{Step: model.StepCommitteeReview, Date: d(2025, 5, 28)},
		{Step: model.StepPreReview, Date: d(2025, 6, 5)},
		{Step: model.StepForm, Date: d(2025, 6, 10), Document: "No.0012345", Start: d(2025, 6, 11), End: d(2025, 6, 17)},
		{Step: model.StepAdmission, Date: d(2025, 6, 20), ActivityID: meeting},
		{Step: model.StepUpperTalk, Date: d(2025, 7, 1), People: "区委组织部 刘明"},
		{Step: model.StepApproval, Date: d(2025, 7, 15), Document: "区两新工委〔2025〕12号"},
		{Step: model.StepApprovalRecord, Date: d(2025, 7, 20)},
		{Step: model.StepAssignment, Date: d(2025, 7, 20), Note: "编入第一党小组"},
		{Step: model.StepOath, Date: d(2025, 7, 1+24)},
	} {
		if x.Seq == 0 {
			x.Seq = 1
		}
		r.Put(x)
	}
	return r
}

// printDir is where the prints go: $RECRUIT_PRINT_DIR to look at them
// (LibreOffice → PDF → PNG), a temporary folder otherwise.
func printDir(t *testing.T) string {
	if dir := os.Getenv("RECRUIT_PRINT_DIR"); dir != "" {
		return dir
	}
	return t.TempDir()
}

func TestPrints(t *testing.T) {
	s, meeting := branch(t)
	svc := New(s)
	saved, err := svc.SaveRecruit(zheng(meeting.ID))
	if err != nil {
		t.Fatalf("SaveRecruit: %v", err)
	}
	for i, n := range []string{"钱七", "孙八", "吴九"} {
		r := model.Recruit{Name: n, IDNumber: id(fmt.Sprintf("199%d0303", i), fmt.Sprintf("30%d", 2*i+1))}
		r.Put(model.StepRecord{Step: model.StepApplication, Seq: 1, Date: d(2026, 10, 8+i)})
		if _, err := svc.SaveRecruit(r); err != nil {
			t.Fatal(err)
		}
	}
	dir := printDir(t)
	record := filepath.Join(dir, "纪实表.xlsx")
	if err := svc.ExportRecord(saved.ID, record); err != nil {
		t.Fatalf("ExportRecord: %v", err)
	}
	for kind, name := range map[xlsx.NoticeKind]string{xlsx.NoticeCandidate: "公示_发展对象.xlsx", xlsx.NoticeAdmission: "公示_拟接收.xlsx"} {
		if err := svc.ExportNotice(saved.ID, kind, filepath.Join(dir, name)); err != nil {
			t.Fatalf("ExportNotice: %v", err)
		}
	}
	ledger := filepath.Join(dir, "台账.xlsx")
	if n, err := svc.ExportLedger(ledger); err != nil || n != 4 {
		t.Fatalf("ExportLedger: %d, %v", n, err)
	}

	f, err := excelize.OpenFile(record)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("纪实表")
	all := fmt.Sprint(rows)
	for _, want := range []string{"发展党员全程纪实表", "郑新", "群团推优", "会议记录：2025年第1次支部党员大会", "公示 2025-04-28至2025-05-09",
		"经核对，已登记的各环节符合", "预备期至2026-06-20"} {
		if !strings.Contains(all, want) {
			t.Errorf("纪实表 lacks %q", want)
		}
	}
	lay, _ := f.GetPageLayout("纪实表")
	// At print size: as wide as the page, as many pages long as it takes
	// (never shrunk to one page until unreadable), the table's headings
	// repeated on each.
	if *lay.Orientation != "portrait" || *lay.FitToHeight != 0 || *lay.FitToWidth != 1 || *lay.Size != 9 {
		t.Errorf("纪实表 page: %s, fit %d wide %d tall, size %d", *lay.Orientation, *lay.FitToWidth, *lay.FitToHeight, *lay.Size)
	}
	if names, _ := f.GetDefinedName(), 0; !strings.Contains(fmt.Sprint(names), "'纪实表'!$9:$9") {
		t.Errorf("print titles: %+v", names)
	}
	f.Close()

	f, err = excelize.OpenFile(filepath.Join(dir, "公示_发展对象.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ = f.GetRows("公示")
	all = fmt.Sprint(rows)
	// 2025-04-28 … 2025-05-09 over 劳动节 (5月1日–5日 off; Sunday 4月27日
	// worked is before the start): 28, 29, 30 April and 6–9 May.
	if !strings.Contains(all, "关于拟将郑新同志列为发展对象的公示") || !strings.Contains(all, "2025年4月28日至2025年5月9日（7个工作日）") {
		t.Errorf("notice: %s", all)
	}
	f.Close()

	f, err = excelize.OpenFile(ledger)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lay, _ = f.GetPageLayout(xlsx.RecruitLedgerSheet)
	if *lay.Orientation != "landscape" {
		t.Errorf("台账 orientation %s", *lay.Orientation)
	}
	if dn := f.GetDefinedName(); len(dn) == 0 || !strings.Contains(dn[0].RefersTo, "$3:$3") {
		t.Errorf("台账 print titles: %+v", dn)
	}
	rows, _ = f.GetRows(xlsx.RecruitLedgerSheet)
	if len(rows) != 7 || rows[3][1] != "郑新" || rows[3][4] != "预备党员" || !strings.Contains(rows[4][15], "党组织派人谈话") {
		t.Errorf("台账 rows: %q", rows)
	}

	if err := svc.ExportNotice(4, xlsx.NoticeCandidate, filepath.Join(dir, "x.xlsx")); err == nil || !strings.Contains(err.Error(), "尚未登记公示") {
		t.Errorf("a notice without dates: %v", err)
	}
}

// The pipeline's findings name the person and the step; a linked meeting
// below quorum is serious.
func TestFindingsOfTheBranch(t *testing.T) {
	s, meeting := branch(t)
	svc := New(s)
	meeting.Attendance[0].Status, meeting.Attendance[0].Reason = model.Absent, "出差"
	meeting.Attendance[1].Status, meeting.Attendance[1].Reason = model.Absent, "出差"
	meeting.Attendance[2].Status, meeting.Attendance[2].Reason = model.OnLeave, "病假"
	meeting.Resolutions[0].Yes = 2
	if _, err := s.SaveActivity(meeting); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveRecruit(zheng(meeting.ID)); err != nil {
		t.Fatal(err)
	}
	fs, err := svc.Findings()
	if err != nil {
		t.Fatal(err)
	}
	var quorum bool
	for _, f := range fs {
		if f.Severity == model.Serious && strings.HasPrefix(f.Message, "郑新 支部大会讨论接收 ") && strings.Contains(f.Message, "未超过半数") {
			quorum = true
		}
		if f.About != model.AboutRecruiting || f.RecruitID == 0 {
			t.Errorf("finding without its person: %+v", f)
		}
	}
	if !quorum {
		t.Errorf("no serious finding for the meeting below quorum: %v", fs)
	}
}

// Text that a spreadsheet would take for a formula stays text in every
// print, and the longest texts the fields take still print.
func TestPrintsKeepHostileText(t *testing.T) {
	s, meeting := branch(t)
	svc := New(s)
	r := zheng(meeting.ID)
	r.Name = "=HYPERLINK(\"x\")"
	r.Notes = strings.Repeat("备注很长", 50)
	r.Record(model.StepVetting).Document = "+" + strings.Repeat("政治审查合格", 33)
	r.Record(model.StepTalk).People = "@SUM(A1)"
	saved, err := svc.SaveRecruit(r)
	if err != nil {
		t.Fatalf("SaveRecruit: %v", err)
	}
	dir := t.TempDir()
	for name, write := range map[string]func(string) error{
		"record.xlsx": func(p string) error { return svc.ExportRecord(saved.ID, p) },
		"notice.xlsx": func(p string) error { return svc.ExportCandidateNotice(saved.ID, p) },
		"ledger.xlsx": func(p string) error { _, err := svc.ExportLedger(p); return err },
	} {
		path := filepath.Join(dir, name)
		if err := write(path); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetName(0)
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				if v == "" || !strings.ContainsAny(v[:1], "=+@") {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s %s is a formula", name, cell)
				}
				st, _ := f.GetCellStyle(sheet, cell)
				if style, _ := f.GetStyle(st); style == nil || style.NumFmt != 49 {
					t.Errorf("%s %s: %q is not kept as text", name, cell, v)
				}
			}
		}
		f.Close()
	}
}

// RULES.md §20: the 纪实表 shows the written opinions of absent voting
// members with the admitting meeting, and a vote that passes only with
// them (2 yes at the meeting + 1 in writing of 5 due) is not a finding.
func TestRule20RecordShowsWrittenOpinions(t *testing.T) {
	s, meeting := branch(t)
	meeting.Attendance[3].Status, meeting.Attendance[3].Reason = model.Absent, "出差"
	meeting.Attendance[4].Status, meeting.Attendance[4].Reason = model.Absent, "出差"
	meeting.Resolutions[0].Yes, meeting.Resolutions[0].No = 2, 1
	meeting, err := s.SaveActivity(meeting)
	if err != nil {
		t.Fatalf("SaveActivity: %v", err)
	}
	svc := New(s)
	r := zheng(meeting.ID)
	r.Record(model.StepAdmission).WrittenYes = 1
	saved, err := svc.SaveRecruit(r)
	if err != nil {
		t.Fatalf("SaveRecruit: %v", err)
	}
	record := filepath.Join(printDir(t), "纪实表_书面意见.xlsx")
	if err := svc.ExportRecord(saved.ID, record); err != nil {
		t.Fatalf("ExportRecord: %v", err)
	}
	f, err := excelize.OpenFile(record)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("纪实表")
	all := fmt.Sprint(rows)
	for _, want := range []string{"未到会党员书面意见：赞成1份，反对0份", "经核对，已登记的各环节符合"} {
		if !strings.Contains(all, want) {
			t.Errorf("纪实表 lacks %q:\n%s", want, all)
		}
	}
}
