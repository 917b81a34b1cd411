package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
)

func validID(birth string, seq string) string {
	first17 := "620102" + birth + seq
	return first17 + string(model.IDCheckChar(first17))
}

// pipelineBook writes a pipeline workbook with the headings of issue 12:
// 张三 approved in 2025, 李四 an activist since 2024 never reviewed, and
// (when bad) a row whose applicant was 17.
func pipelineBook(t *testing.T, bad bool) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]string{
		{"姓名", "公民身份号码", "性别", "出生日期", "申请入党日期", "谈话日期", "确定入党积极分子日期", "培养联系人",
			"确定发展对象日期", "公示开始日期", "公示结束日期", "政审结论日期", "培训开始日期", "培训结束日期", "培训学时",
			"支委会审查日期", "预审日期", "入党介绍人", "支部大会日期", "审批日期", "入党宣誓日期", "转正大会日期", "转正审批日期", "备注"},
		{"张三", validID("19950312", "123"), "男", "1995-03-12", "2023-03-01", "2023-03-20", "2023-10-10", "王芳、李强",
			"2024-10-20", "2024-10-28", "2024-11-01", "2024-11-20", "2024-11-20", "2024-11-22", "24",
			"2024-12-02", "2024-12-12", "王芳、李强", "2025-01-10", "2025-02-20", "2025-03-01", "", "", ""},
		{"李四", validID("19980101", "246"), "女", "", "2023-12-01", "2023-12-15", "2024-01-10", "王芳",
			"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "车间"},
	}
	if bad {
		rows = append(rows, []string{"王五", validID("20080601", "337"), "男", "", "2026-05-31", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""})
	}
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			_ = f.SetCellStyle("Sheet1", cell, cell, text)
			if err := f.SetCellStr("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "发展党员.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRecruitImportCheckAndExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	if r := run(t, "demo", "--members", "8", "--db", db); r.status != ExitOK {
		t.Fatalf("demo: %s", r.stderr)
	}
	before := memberCount(t, db)

	// A refused row stops the import unless --skip-invalid.
	bad := pipelineBook(t, true)
	r := run(t, "recruit", "import", bad, "--db", db)
	if r.status != ExitRejected || !regexp.MustCompile(`(?m)^row 4: 申请入党日期: .*未满18周岁`).MatchString(r.stdout) ||
		lastLine(r.stdout) != "imported 0, rejected 1" {
		t.Fatalf("import with a bad row: exit %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if r := run(t, "recruit", "import", bad, "--db", db, "--skip-invalid", "--dry-run"); r.status != ExitOK || lastLine(r.stdout) != "would import 2, rejected 1" {
		t.Fatalf("dry run: exit %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if n := memberCount(t, db); n != before {
		t.Fatalf("dry run wrote: %d members, want %d", n, before)
	}
	if r := run(t, "recruit", "import", pipelineBook(t, false), "--db", db); r.status != ExitOK || lastLine(r.stdout) != "imported 2, rejected 0" {
		t.Fatalf("import: exit %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	// 张三 was approved: on the roster as 预备党员 from the admitting meeting.
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members()
	var zhang *model.Member
	for i := range ms {
		if ms[i].Name == "张三" {
			zhang = &ms[i]
		}
	}
	s.Close()
	if zhang == nil || zhang.Category != model.CategoryProbationary || zhang.JoinDate != model.NewDate(2025, 1, 10) {
		t.Fatalf("张三 on the roster: %+v", zhang)
	}
	// Importing the same file again changes nothing.
	if r := run(t, "recruit", "import", pipelineBook(t, false), "--db", db); r.status != ExitOK || !strings.Contains(r.stderr, "新增 0 人，更新 0 人，2 人无变化") {
		t.Errorf("second import: %s", r.stderr)
	}

	r = run(t, "check", "--db", db)
	for _, want := range []string{
		`(?m)^严重: 【发展党员】李四 培养教育考察 应于2024年7月10日前完成，已逾期\d+天`,
		`(?m)^严重: 【发展党员】李四 指定培养联系人 已登记，但此前缺少环节：积极分子备案。`,
		`(?m)^严重: 【发展党员】张三 入党宣誓 已登记，但此前缺少环节：积极分子备案、发展对象备案、填写入党志愿书、上级党委谈话、审批备案、编入支部和党小组`,
		`(?m)^\S+: 【党员信息】张三的预备期已于2026年1月10日届满`,
	} {
		if !regexp.MustCompile(want).MatchString(r.stdout) {
			t.Errorf("check lacks %s:\n%s", want, r.stdout)
		}
	}

	out := filepath.Join(t.TempDir(), "台账.xlsx")
	if r := run(t, "recruit", "export", out, "--db", db); r.status != ExitOK || !strings.Contains(r.stdout, "exported 2 people") {
		t.Fatalf("export: %s %s", r.stdout, r.stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("发展党员工作台账")
	if len(rows) != 5 || rows[3][1] != "张三" || rows[3][4] != "预备党员" || rows[4][4] != "入党积极分子" {
		t.Errorf("ledger rows: %q", rows)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
}

// sheetBook writes a one-sheet workbook of text cells and returns its path.
func sheetBook(t *testing.T, rows [][]string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// `recruit import` says and exits as `roster import` does (README): every
// row refused with --skip-invalid is exit 1 and no backup; the columns not
// imported are named; an old ID number upgraded is shown; a bad ID number
// is one refusal, not a second about 性别; a file with no header or too
// large is one sentence about the pipeline workbook (attack review of
// issue 12 #15).
func TestRecruitImportSaysWhatRosterImportSays(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	if r := run(t, "demo", "--members", "8", "--db", db); r.status != ExitOK {
		t.Fatalf("demo: %s", r.stderr)
	}
	backups := func() int {
		es, _ := os.ReadDir(storage.BackupsDir(db))
		return len(es)
	}
	good := validID("19950312", "123")
	bad := good[:17] + string("0123456789X"[(strings.IndexByte("0123456789X", good[17])+1)%11])
	allBad := sheetBook(t, [][]string{{"姓名", "公民身份号码", "性别", "申请入党日期"}, {"张三", bad, "", "2023-03-01"}, {"李四", validID("19980101", "246"), "", "2027-01-01"}})
	run(t, "recruit", "import", allBad, "--db", db, "--dry-run") // the day's backup, taken by any command
	n := backups()
	r := run(t, "recruit", "import", allBad, "--db", db, "--skip-invalid")
	if r.status != ExitRejected || lastLine(r.stdout) != "imported 0, rejected 2" || backups() != n {
		t.Errorf("every row refused, --skip-invalid: exit %d, %d backups (was %d)\n%s%s", r.status, backups(), n, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, "性别") || strings.Count(r.stdout, "row 2:") != 1 {
		t.Errorf("a bad check digit is one refusal of 公民身份号码:\n%s", r.stdout)
	}
	extra := sheetBook(t, [][]string{{"序号", "姓名", "公民身份号码", "籍贯", "申请入党日期", "工作单位名称"},
		{"1", "王五", "620102800101123", "甘肃兰州", "2023-03-01", "某公司"}})
	r = run(t, "recruit", "import", extra, "--db", db, "--dry-run")
	if r.status != ExitOK || !strings.Contains(r.stdout, "columns not imported: 籍贯, 工作单位名称\n") {
		t.Errorf("unknown columns: exit %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "第2行：王五：15位的旧身份证号码 620102800101123 已按国家标准（GB 11643-1999）升级为18位 62010219800101123") {
		t.Errorf("the 15→18 upgrade is not shown:\n%s", r.stderr)
	}
	r = run(t, "recruit", "import", sheetBook(t, [][]string{{"名单"}}), "--db", db)
	if r.status != ExitFailed || strings.Count(r.stderr, "：") > 3 || strings.Contains(r.stderr, "身份证号码”两列") || !strings.Contains(r.stderr, "发展党员台账") {
		t.Errorf("no header: exit %d %q", r.status, r.stderr)
	}
}
