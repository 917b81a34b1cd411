package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

// firstDayDB is a data file as a secretary leaves it after the first hour
// (demo.FirstDay), on today's date.
func firstDayDB(t *testing.T) (string, []model.Member) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "first.db")
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := demo.FirstDay(s, 1, s.Today())
	if err != nil {
		t.Fatal(err)
	}
	return db, ms
}

// workbookText is every cell of every sheet of a workbook, one row a line.
func workbookText(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			b.WriteString(strings.Join(row, "|") + "\n")
		}
	}
	return b.String()
}

// A secretary's first hour (issue 8 §1): `check` lists no serious finding,
// and the dues register and annual summary the upper committee stamps call
// nobody 自行脱党 and mark no month 未交.
func TestFirstDayCheckAndDuesExport(t *testing.T) {
	db, _ := firstDayDB(t)
	r := run(t, "check", "--db", db)
	if r.status != ExitOK {
		t.Fatalf("check: %+v", r)
	}
	for _, line := range strings.Split(strings.TrimRight(r.stdout, "\n"), "\n") {
		if strings.HasPrefix(line, "严重") || strings.Contains(line, "自行脱党") || strings.Contains(line, "第九条") {
			t.Errorf("check on day one: %s", line)
		}
	}
	if !strings.Contains(r.stdout, "12名党员尚未填写") {
		t.Errorf("check does not note the missing bases:\n%s", r.stdout)
	}

	year := strconv.Itoa(model.Today().Year)
	out := filepath.Join(t.TempDir(), "党费.xlsx")
	if r := run(t, "dues", "export", year, out, "--db", db); r.status != ExitOK {
		t.Fatalf("dues export: %+v", r)
	}
	text := workbookText(t, out)
	for _, bad := range []string{"自行脱党", "第九条", "|未交|", "以上未交党费（"} {
		if strings.Contains(text, bad) {
			t.Errorf("the workbook says %q on day one:\n%s", bad, text)
		}
	}
	for _, want := range []string{"建账月份", "党费已交至", "尚未填写计算基数、应交金额未定（不计欠交）的党员12人", "没有连续3个月以上未交党费的党员"} {
		if !strings.Contains(text, want) {
			t.Errorf("the workbook lacks %q:\n%s", want, text)
		}
	}
}

// basesBook writes a bases workbook: a title row, headings, and rows.
func basesBook(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"2026年党费基数"})
	_ = f.SetSheetRow("Sheet1", "A2", &[]any{"姓名", "公民身份号码", "缴纳类别", "计算基数", "党费已交至"})
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, 3+i)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// A bases workbook of headings and no rows imports nothing: exit 1 with the
// roster import's words, not "imported 0" and 0 (review s13-attack8 #15).
func TestDuesBasesImportOfNoRows(t *testing.T) {
	db, _ := firstDayDB(t)
	book := basesBook(t, nil)
	for _, args := range [][]string{nil, {"--dry-run"}, {"--skip-invalid"}} {
		r := run(t, append([]string{"dues", "bases", "import", book, "--db", db}, args...)...)
		if r.status != ExitRejected || !strings.Contains(r.stderr, "没有导入任何基数：文件中没有读到党员的基数（表头下的行都是空的）") {
			t.Errorf("%v: %+v", args, r)
		}
	}
}

// `dues bases import` reads name, ID number, category, base and 党费已交至,
// and reports and exits as `roster import` does.
func TestDuesBasesImport(t *testing.T) {
	db, ms := firstDayDB(t)
	// The ledger begins this month (the command line's clock): ms[2] paid
	// on paper to last month, ms[4] to the month before, so last month is
	// his to record. Months relative to today, so the test means the same
	// in any month of the year.
	this := model.MonthOfDate(model.DateOf(time.Now()))
	paid2, paid4, toRecord := this-1, this-2, this-1
	// Paid up to a month still to come: refused as the forms refuse it.
	ahead := this + 2
	book := basesBook(t, [][]any{
		{ms[2].Name, ms[2].IDNumber, "在职", "5400", paid2.Chinese()},
		{ms[3].Name, ms[3].IDNumber, "学生", "", ""},
		{ms[4].Name, ms[4].IDNumber, "离退休", "3000", fmt.Sprintf("%d.%d", paid4.Year(), int(paid4.Mon()))},
		{"某某", ms[5].IDNumber, "在职", "4000", ""},         // not the roster's name
		{ms[6].Name, ms[6].IDNumber, "在职", "4000", "十月"}, // unreadable month
		{"蒋卫东", ms[7].IDNumber, "在职", "abc", ""},         // base not a number
		{"查无此人", "11010519491231002X", "在职", "3000", ""}, // nobody on the roster
		{ms[8].Name, ms[8].IDNumber, "在职", "4000", ahead.Chinese()},
	})
	errs := filepath.Join(t.TempDir(), "问题行.xlsx")
	r := run(t, "dues", "bases", "import", book, "--db", db, "--errors", errs)
	if r.status != ExitRejected || lastLine(r.stdout) != "imported 0, rejected 5" {
		t.Fatalf("with bad rows: %+v", r)
	}
	// Each refused row names the person and the cell (newuser8 problem 4).
	for _, want := range []string{"row 6: 姓名: 某某", "row 7: 党费已交至: " + ms[6].Name + "，单元格为“十月”",
		"row 8: 计算基数: 蒋卫东，单元格为“abc”", "row 9: 公民身份号码: 查无此人，单元格为“11010519491231002X”",
		"row 10: 党费已交至: " + ms[8].Name + "，单元格为“" + ahead.Chinese() + "”：党费已交至 " + ahead.Chinese() + " 晚于本月"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	// The refused rows as a workbook in the file's layout, with reasons.
	if text := workbookText(t, errs); !strings.Contains(text, "蒋卫东|"+ms[7].IDNumber+"|在职|abc") || !strings.Contains(text, "错误原因") ||
		strings.Contains(text, ms[2].Name) {
		t.Errorf("refused rows workbook:\n%s", text)
	}
	openings := func() map[int64]model.Month {
		s, err := storage.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		o, err := s.DuesOpenings()
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	if len(openings()) != 1 { // the first-day member paid on paper
		t.Fatal("refused rows wrote something")
	}
	// A dry run without --skip-invalid says what the rows that pass would
	// write, not only "imported 0" (review s6-8-newuser #8).
	r = run(t, "dues", "bases", "import", book, "--db", db, "--dry-run")
	if r.status != ExitRejected || lastLine(r.stdout) != "would import 0, rejected 5" || len(openings()) != 1 {
		t.Fatalf("dry run with bad rows: %+v", r)
	}
	for _, want := range []string{"加 --skip-invalid 时将跳过 5 行，写入", "基数 3 人", "登记党费已交至 2 人；未写入", "第 3 行 " + ms[2].Name + "："} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("dry run with bad rows lacks %q:\n%s", want, r.stderr)
		}
	}
	r = run(t, "dues", "bases", "import", book, "--db", db, "--skip-invalid", "--dry-run")
	if r.status != ExitOK || lastLine(r.stdout) != "would import 3, rejected 5" || len(openings()) != 1 {
		t.Fatalf("dry run: %+v", r)
	}
	// The dry run says what it would write, a line per member.
	for _, want := range []string{"第 3 行 " + ms[2].Name + "：在职，基数 5400.00 元，月交 81.00 元；党费已交至" + paid2.Chinese(), "第 4 行 " + ms[3].Name + "：学生，月交 0.20 元"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("dry run lacks %q:\n%s", want, r.stderr)
		}
	}
	r = run(t, "dues", "bases", "import", book, "--db", db, "--skip-invalid")
	if r.status != ExitOK || lastLine(r.stdout) != "imported 3, rejected 5" || !strings.Contains(r.stderr, "登记党费已交至 2 人") {
		t.Fatalf("skip invalid: %+v", r)
	}
	o := openings()
	if o[ms[2].ID] != paid2 || o[ms[4].ID] != paid4 {
		t.Errorf("openings %v", o)
	}
	// ms[4] paid on paper to the month before last; the ledger begins this
	// month: last month is 待补录, a 提醒 in `check` and a line of the
	// printed summary, as after moving the 建账月份 back (review
	// s6-8-newuser #8).
	r = run(t, "check", "--db", db)
	if !regexp.MustCompile(`(?m)^提醒: 【党费】` + ms[4].Name + `的党费` + toRecord.Chinese() + `待补录`).MatchString(r.stdout) {
		t.Errorf("check lacks %s's month to record:\n%s", ms[4].Name, r.stdout)
	}
	summary := filepath.Join(t.TempDir(), "党费.xlsx")
	if r := run(t, "dues", "export", strconv.Itoa(toRecord.Year()), summary, "--db", db); r.status != ExitOK {
		t.Fatalf("dues export: %+v", r)
	}
	if text := workbookText(t, summary); !strings.Contains(text, "待补录（不计欠交）的党员1人："+ms[4].Name+"（"+toRecord.Chinese()) {
		t.Errorf("the printed summary lacks the month to record:\n%s", text)
	}
	// --skip-invalid with every row refused imported nothing: exit 1, as
	// roster import (review s6-7 newuser #1: rc 0 and a success line).
	allBad := basesBook(t, [][]any{{"查无此人", "11010519491231002X", "在职", "3000", ""}})
	r = run(t, "dues", "bases", "import", allBad, "--db", db, "--skip-invalid")
	if r.status != ExitRejected || lastLine(r.stdout) != "imported 0, rejected 1" || !strings.Contains(r.stderr, "所有行都未通过检查，没有导入任何基数") {
		t.Errorf("every row refused: %+v", r)
	}
	missing := filepath.Join(t.TempDir(), "没有.xlsx")
	if r := run(t, "dues", "bases", "import", missing, "--db", db); r.status != ExitFailed {
		t.Errorf("missing file: %+v", r)
	}
	junk := filepath.Join(t.TempDir(), "坏.xlsx")
	if err := os.WriteFile(junk, []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, "dues", "bases", "import", junk, "--db", db); r.status != ExitFailed || r.stderr == "" {
		t.Errorf("not a workbook: %+v", r)
	}
	// The same file again: both 党费已交至 are those stored, so none is
	// registered anew, dry run or not (review s13-newuser #9: "登记党费已交至
	// 1 人" for a month that did not change).
	for _, dry := range []bool{true, false} {
		args := []string{"dues", "bases", "import", book, "--db", db, "--skip-invalid"}
		if dry {
			args = append(args, "--dry-run")
		}
		r = run(t, args...)
		if r.status != ExitOK || !strings.Contains(r.stderr, "登记党费已交至 0 人") {
			t.Errorf("imported again (dry run %v): %+v", dry, r)
		}
	}
	if o := openings(); o[ms[2].ID] != paid2 || o[ms[4].ID] != paid4 {
		t.Errorf("imported again: openings %v", o)
	}
}

// After every base is entered and the 建账月份 moved back to January
// (newuser8 problem 1), `check` and the annual summary agree with home: the
// months January to October are 待补录, nobody is listed under 党章第九条.
func TestStartMovedBackCheckAndDuesExport(t *testing.T) {
	db, ms := firstDayDB(t)
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var bases []model.DuesBase
	for _, m := range ms {
		bases = append(bases, model.DuesBase{MemberID: m.ID, Category: model.DuesEmployed, Base: model.Yuan(4000)})
	}
	today := s.Today()
	if err := s.SaveDuesBases(today.Year, bases, model.SourceDuesGrid); err != nil {
		t.Fatal(err)
	}
	// Ten months back, as January is from November.
	start := model.MonthOfDate(today) - 10
	if err := s.SetDuesLedgerStart(start); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := run(t, "check", "--db", db)
	if r.status != ExitOK {
		t.Fatalf("check: %+v", r)
	}
	if strings.Contains(r.stdout, "严重") || strings.Contains(r.stdout, "自行脱党") || strings.Contains(r.stdout, "第九条") {
		t.Errorf("check after moving the start back:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "待补录") {
		t.Errorf("check does not name the months to record:\n%s", r.stdout)
	}
	out := filepath.Join(t.TempDir(), "党费.xlsx")
	if r := run(t, "dues", "export", strconv.Itoa(start.Year()), out, "--db", db); r.status != ExitOK {
		t.Fatalf("dues export: %+v", r)
	}
	text := workbookText(t, out)
	for _, bad := range []string{"自行脱党", "第九条", "|未交|"} {
		if strings.Contains(text, bad) {
			t.Errorf("the workbook says %q:\n%s", bad, text)
		}
	}
	if !strings.Contains(text, "|待补录|") || !strings.Contains(text, "待补录（不计欠交）的党员13人") {
		t.Errorf("the workbook does not show the months to record:\n%s", text)
	}
}

// A dry run with --db naming no file writes nothing, not even a new empty
// data file (newuser8 problem 15). A roster's dry run says what it would
// import; a bases import, which matches rows to a roster, refuses the
// path as the exports do (review s14-attack8 #22).
func TestDryRunCreatesNoDataFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "没有.db")
	book := basesBook(t, [][]any{{"张三", "11010519491231002X", "在职", "5400", ""}})
	for _, c := range []struct {
		args   []string
		roster bool
	}{
		{[]string{"roster", "import", book, "--db", db, "--dry-run"}, true},
		{[]string{"dues", "bases", "import", book, "--db", db, "--dry-run"}, false},
	} {
		r := run(t, c.args...)
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%v created %s", c.args, db)
		}
		if c.roster && (r.status == ExitFailed || !strings.HasPrefix(lastLine(r.stdout), "would import ")) {
			t.Errorf("%v: %+v", c.args, r)
		}
		if !c.roster && (r.status == ExitOK || !strings.Contains(r.stderr, "找不到数据文件")) {
			t.Errorf("%v: %+v", c.args, r)
		}
	}
}

// `check` on a branch whose 书记 is entered and whose 支部委员会 is not yet
// says it as home does: a 提示 where to fill it in, not a 严重 "目前委员0人"
// (review s6-8 newuser #1).
func TestCheckCommitteeNotEnteredIsAHint(t *testing.T) {
	db, _ := firstDayDB(t)
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Profile()
	if err != nil {
		t.Fatal(err)
	}
	p.Secretary, p.Committee = "王建国", nil
	if err := s.SaveProfile(p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := run(t, "check", "--db", db)
	want := "提示: 【组织设置】正式党员"
	found := false
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.Contains(line, "支部委员会") {
			found = strings.HasPrefix(line, want) && strings.Contains(line, "尚未填写支部委员会成员，请在“设置 → 支部委员会”中填写")
			if strings.Contains(line, "目前委员0人") || strings.HasPrefix(line, "严重") {
				t.Errorf("check: %s", line)
			}
		}
	}
	if !found {
		t.Errorf("check lacks the committee hint:\n%s", r.stdout)
	}
}

// A member who came to this branch this year (到本支部日期 stated, no
// 党费已交至) owes it nothing before (review s5-8 attack #13): `check` asks no
// base of last year for him, and last year's register and 汇总 do not list
// him; this year's months before he came are 不需交.
func TestNoDuesBeforeComingHere(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if r := run(t, "demo", "--members", "20", "--db", db); r.status != ExitOK {
		t.Fatalf("demo: %+v", r)
	}
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	today := s.Today()
	came := today.AddMonths(-2)
	came.Day = 1
	m := demo.Members(1, 91, today, "支部")[0]
	m.Name = "甲六"
	m.Category, m.JoinDate, m.FullDate = model.CategoryFull, m.BirthDate.AddYears(19), m.BirthDate.AddYears(20)
	if !m.FullDate.Before(today.AddYears(-2)) {
		t.Fatalf("seed gives a member born %v, too young for this test", m.BirthDate)
	}
	m.ArrivedOn, m.LostContact, m.LostSince, m.Mobile, m.MobileDestination = came, false, model.Date{}, false, ""
	if _, err := s.AddMember(m, nil); err != nil {
		t.Fatal(err)
	}
	start, _ := s.DuesLedgerStart()
	s.Close()
	if start == 0 || start.Year() >= today.Year {
		t.Fatalf("the demo's ledger starts %v, want last year or earlier", start)
	}
	last := strconv.Itoa(today.Year - 1)
	r := run(t, "check", "--db", db)
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.Contains(line, "甲六") && (strings.Contains(line, last) || strings.Contains(line, "欠缴党费")) {
			t.Errorf("check: %s", line)
		}
	}
	out := filepath.Join(t.TempDir(), "党费.xlsx")
	if r := run(t, "dues", "export", last, out, "--db", db); r.status != ExitOK {
		t.Fatalf("dues export: %+v", r)
	}
	if text := workbookText(t, out); strings.Contains(text, "甲六") {
		t.Errorf("%s register and summary list a member who came in %v:\n%s", last, came, text)
	}
}
