package cli

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/storage"
	"branchledger/storage/datapkg"
	"branchledger/storage/xlsx"
)

// The instructor's round on the command line: a key, two branches' packages
// on a drive (one to the key set in the data file, one to a key file), a
// file on the drive that is no package, the list, the organisation list and
// the report.
func TestInstructorCommands(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "指导员", "workspace.blws")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("指导员的密码 2026\n"), 0o600)

	r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass, "--instructor", "王建国")
	if r.status != ExitOK || !strings.Contains(r.stdout, "# 指导员：王建国") || !regexp.MustCompile(`(?m)^age1[0-9a-z]{58}$`).MatchString(r.stdout) {
		t.Fatalf("key: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	keyFile := filepath.Join(dir, "指导员公钥.txt")
	os.WriteFile(keyFile, []byte(r.stdout), 0o644)
	again := run(t, "aggregate", "key", "--workspace", ws)
	if again.status != ExitOK || again.stdout != r.stdout {
		t.Errorf("key again: %d %s", again.status, again.stderr)
	}

	usb := t.TempDir()
	a, b := demoFile(t, "12"), demoFile(t, "7")
	// Branch a loaded the key in 设置; branch b names the key file.
	k, err := datapkg.ReadPublicKeyFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	s, err := storage.Open(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetInstructorKey(storage.InstructorKey{Recipient: k.Recipient, Instructor: k.Instructor}); err != nil {
		t.Fatal(err)
	}
	p, _ := s.Profile()
	p.OrgName, p.BranchName = "兰州恒信商贸有限公司", "中共兰州恒信商贸有限公司支部"
	s.SaveProfileAligning(p)
	s.Close()
	r = run(t, "package", "export", usb, "--db", a)
	if r.status != ExitOK || !strings.Contains(r.stdout, "encrypted to the instructor's key "+k.Fingerprint()) || !strings.Contains(r.stdout, "members 12") {
		t.Fatalf("export a: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	r = run(t, "package", "export", filepath.Join(usb, "b"), "--db", b, "--recipient-file", keyFile)
	if r.status != ExitOK || !strings.Contains(r.stdout, "encrypted to the instructor's key") {
		t.Fatalf("export b: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	plain := filepath.Join(dir, "plain")
	// In the next second: the same data exported within one second is the
	// same snapshot (unchanged, review s4-11 attack #10), not a newer one.
	time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second)))
	if r := run(t, "package", "export", plain, "--db", b); r.status != ExitOK || !strings.Contains(r.stdout, "(unencrypted)") || !strings.Contains(r.stderr, "没有加密") {
		t.Errorf("export without a key: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	os.WriteFile(filepath.Join(usb, "会议照片.blpkg"), []byte("not a package at all"), 0o644)
	// A package cut short on the drive: age's own English must not show.
	bs, _ := filepath.Glob(filepath.Join(usb, "b*"))
	if len(bs) != 1 {
		t.Fatalf("package b: %v", bs)
	}
	whole, err := os.ReadFile(bs[0])
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut")
	os.MkdirAll(cut, 0o755)
	os.WriteFile(filepath.Join(cut, "没拷完.blpkg"), whole[:len(whole)-100], 0o644)

	r = run(t, "aggregate", "import", usb, cut, "--workspace", ws, "--passphrase-file", pass)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.status != ExitRejected || len(lines) != 5 || lastLine(r.stdout) != "packages 4, refused 2" {
		t.Fatalf("import: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "imported 中共兰州恒信商贸有限公司支部\n") || !regexp.MustCompile(`(?m)^refused .*会议照片\.blpkg: 不是支部台账的数据包`).MatchString(r.stdout) {
		t.Errorf("import lines:\n%s", r.stdout)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "refused ") {
			continue
		}
		file, reason, _ := strings.Cut(strings.TrimPrefix(l, "refused "), ": ")
		if strings.Count(l, filepath.Base(file)) != 1 || regexp.MustCompile(`[A-Za-z]{3,}`).MatchString(reason) || !regexp.MustCompile(`\p{Han}`).MatchString(reason) {
			t.Errorf("a refusal should name its file once and say in Chinese why: %q", l)
		}
	}
	if !strings.Contains(r.stdout, "没拷完.blpkg: 数据包不完整或已损坏") {
		t.Errorf("the package cut short:\n%s", r.stdout)
	}
	r = run(t, "aggregate", "import", usb, "--workspace", ws, "--passphrase-file", pass)
	if strings.Count(r.stdout, "unchanged ") != 2 {
		t.Errorf("second import:\n%s", r.stdout)
	}
	wrong := filepath.Join(dir, "wrong.txt")
	os.WriteFile(wrong, []byte("不是这个密码了\n"), 0o600)
	if r := run(t, "aggregate", "import", usb, "--workspace", ws, "--passphrase-file", wrong); r.status != ExitFailed || !strings.Contains(r.stderr, "密码不对") {
		t.Errorf("wrong passphrase: %d %s", r.status, r.stderr)
	}
	// s3-11 newuser #11: an unencrypted package says so on its line.
	if r := run(t, "aggregate", "import", plain+".blpkg", "--workspace", ws, "--passphrase-file", pass); r.status != ExitOK || !strings.Contains(r.stdout, " (unencrypted)\n") {
		t.Errorf("an unencrypted package: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	// s3-11 newuser #9: a package with a passphrase, none given: the line
	// names the option that gives it.
	locked := filepath.Join(dir, "locked.blpkg")
	pp := filepath.Join(dir, "pp.txt")
	os.WriteFile(pp, []byte("支部的数据包密码2026\n"), 0o600)
	if r := run(t, "package", "export", locked, "--db", b, "--passphrase-file", pp); r.status != ExitOK {
		t.Fatalf("export with a passphrase: %d %s", r.status, r.stderr)
	}
	if r := run(t, "aggregate", "import", locked, "--workspace", ws, "--passphrase-file", pass); r.status != ExitRejected || !strings.Contains(r.stdout, "--package-passphrase-file") {
		t.Errorf("a passphrase package without its passphrase: %d\n%s%s", r.status, r.stdout, r.stderr)
	}

	r = run(t, "aggregate", "list", "--workspace", ws)
	if r.status != ExitOK || !regexp.MustCompile(`(?m)^中共兰州恒信商贸有限公司支部\t2026-\d\d-\d\d\t\d+\t`).MatchString(r.stdout) || !strings.Contains(r.stdout, "coverage 合计") {
		t.Errorf("list: %d\n%s%s", r.status, r.stdout, r.stderr)
	}

	orgs := filepath.Join(dir, "名录.xlsx")
	writeOrgsWorkbook(t, orgs, [][]any{
		{"单位名称", "统一社会信用代码", "单位类型", "规模", "从业人员数", "正式党员数", "党组织覆盖", "未建原因", "工作覆盖"},
		{"兰州恒信商贸有限公司", "", "非公企业", "规上", 260, 12, "单独组建", "", ""},
		{"兰州金城物流有限公司", "", "非公企业", "规下", 30, 1, "未建", "有党员不符合条件", "党建指导员"},
		{"安宁区书法家协会", "", "社会团体", "", 9, 3, "联合组建", "", ""},
		{"坏行公司", "123", "企业", "", "很多", 0, "未建", "", ""},
	})
	r = run(t, "aggregate", "orgs", "import", orgs, "--workspace", ws)
	if r.status != ExitRejected || !strings.Contains(r.stdout, "row 7: ") || !strings.Contains(r.stdout, "从业人员数") {
		t.Errorf("orgs import with a bad row: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	r = run(t, "aggregate", "orgs", "import", orgs, "--workspace", ws, "--skip-invalid")
	if r.status != ExitOK || lastLine(r.stdout) != "imported 3, rejected 1" {
		t.Errorf("orgs import: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	out := filepath.Join(dir, "上报汇总表.xlsx")
	r = run(t, "aggregate", "report", out, "--workspace", ws)
	if r.status != ExitOK || !strings.Contains(r.stdout, "branches 2, organisations 3") {
		t.Fatalf("report: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join([]string{xlsx.UpwardSummarySheet, xlsx.UpwardOrgsSheet,
		xlsx.UpwardActivitiesSheet, xlsx.UpwardDuesSheet, xlsx.UpwardMembersSheet}, ",") {
		t.Errorf("sheets %v", got)
	}
	for _, sheet := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sheet)
		if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 {
			t.Errorf("%s is not set up for A4 landscape: %+v %v", sheet, pl, err)
		}
	}
	rows, _ := f.GetRows(xlsx.UpwardMembersSheet)
	if len(rows) < 3+12+7-2 {
		t.Errorf("members sheet has %d rows", len(rows))
	}
	sum, _ := f.GetRows(xlsx.UpwardSummarySheet)
	joined := ""
	for _, row := range sum {
		joined += strings.Join(row, "|") + "\n"
	}
	// 2 of 2 enterprises in scope are… one own branch, one not covered with
	// an instructor: 50% organised, work coverage 100%.
	if !strings.Contains(joined, "|非公企业|2|1|0|1|1|50.0%|50.0%|100.0%") || !strings.Contains(joined, "合计|2个支部") {
		t.Errorf("summary sheet:\n%s", joined)
	}
	// `aggregate list` says the same figures, and which are the list's word
	// alone: 书法家协会 is typed 联合组建 with no branch linked (review
	// s5-11 newuser #3).
	r = run(t, "aggregate", "list", "--workspace", ws)
	if !strings.Contains(r.stdout, "coverage 非公企业: organised 50.0%, own 50.0%, work 100.0% (2 in scope)\n") ||
		!strings.Contains(r.stdout, "coverage 社会组织: organised 100.0%, own 0.0%, work — (1 in scope, 1 of them organised by the list alone (no branch linked))") {
		t.Errorf("list after the organisation list:\n%s", r.stdout)
	}
	// Both demo branches hold the same first people: said, naming both
	// (review s5-11 newuser #8).
	if !regexp.MustCompile(`(?m)^shared members: “.+”、“.+”的名册上有\d+名相同的党员`).MatchString(r.stdout) {
		t.Errorf("no shared members line:\n%s", r.stdout)
	}
}

func writeOrgsWorkbook(t *testing.T, path string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "2026年单位名录")
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		f.SetSheetRow("Sheet1", cell, &row)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// `aggregate key --save-private-key F --replace` wrote the key over the
// --passphrase-file of the same command, and a refused first run left a
// new workspace behind (review s5-final attack #4).
func TestAggregateKeyKeepsItsInputsAndLeavesNothingWhenRefused(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "ws.blws")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("correct horse battery staple\n"), 0o600)
	r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass, "--save-private-key", pass, "--replace")
	if r.status == ExitOK || !strings.Contains(r.stderr, "--passphrase-file") {
		t.Errorf("key over the passphrase file: %d %s", r.status, r.stderr)
	}
	if b, _ := os.ReadFile(pass); string(b) != "correct horse battery staple\n" {
		t.Errorf("the passphrase file now holds %q", b)
	}
	if _, err := os.Stat(ws); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("refused run left %s (%v)", ws, err)
	}
	// No passphrase on a non-terminal: refused, and no workspace made.
	if r := run(t, "aggregate", "key", "--workspace", ws); r.status == ExitOK {
		t.Errorf("no passphrase: %d %s", r.status, r.stderr)
	}
	if _, err := os.Stat(ws); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("refused run left %s (%v)", ws, err)
	}
	if r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass); r.status != ExitOK {
		t.Fatalf("key: %d %s", r.status, r.stderr)
	}
	r = run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass, "--save-private-key", ws, "--replace")
	if r.status == ExitOK || !strings.Contains(r.stderr, "--workspace") {
		t.Errorf("key over the workspace: %d %s", r.status, r.stderr)
	}
	if _, err := os.Stat(ws); err != nil {
		t.Errorf("an existing workspace was removed after a refusal: %v", err)
	}
}
