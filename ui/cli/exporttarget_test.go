package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A package exported under a name that is not .blpkg ("p1.pkg") was
// written, and the next export over it said "不是数据包；备份不会覆盖它"
// even with --replace (review s4-final attack #4): the package gets .blpkg
// added, so that it is found and recognised, and the next export asks for
// --replace as for any package of the branch.
func TestPackageExportAddsItsExtension(t *testing.T) {
	dir := t.TempDir()
	db := demoFile(t, "3")
	pass := filepath.Join(dir, "pw.txt")
	os.WriteFile(pass, []byte("支部的数据包密码2026\n"), 0o600)
	out := filepath.Join(dir, "p1.pkg")
	r := run(t, "package", "export", out, "--db", db, "--passphrase-file", pass)
	if r.status != ExitOK || !strings.Contains(r.stdout, "package "+out+".blpkg:") {
		t.Fatalf("first: %d %s%s", r.status, r.stdout, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("p1.pkg was written")
	}
	r = run(t, "package", "export", out, "--db", db, "--passphrase-file", pass)
	if r.status != ExitFailed || !strings.Contains(r.stderr, "--replace") || strings.Contains(r.stderr, "备份") {
		t.Errorf("second: %d %s", r.status, r.stderr)
	}
	if r = run(t, "package", "export", out, "--db", db, "--passphrase-file", pass, "--replace"); r.status != ExitOK {
		t.Errorf("--replace: %d %s", r.status, r.stderr)
	}
}

// An export over an existing file that is not a workbook of this app — a
// text, a PDF, the workbook just imported — replaced it without a word
// (review s4-final attack #6); a name Windows or a USB drive cannot hold
// was taken as it was; `aggregate report OUT` wrote OUT with no .xlsx.
func TestExportTargetsAreChecked(t *testing.T) {
	dir := t.TempDir()
	db := demoFile(t, "3")
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("important\n"), 0o644)
	pdf := filepath.Join(dir, "report.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o644)
	src := filepath.Join(dir, "src.xlsx")
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "姓名")
	f.SetAppProps(&excelize.AppProperties{Application: "Microsoft Excel"})
	if err := f.SaveAs(src); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before := map[string][]byte{}
	for _, p := range []string{notes, pdf, src} {
		before[p], _ = os.ReadFile(p)
	}
	for _, c := range []struct {
		path, want string
	}{
		{notes, "不是 Excel 工作簿"},
		{pdf, "不是 Excel 工作簿"},
		{src, "是用 Excel、WPS 等做的工作簿"},
		{filepath.Join(dir, "a:b*?.xlsx"), "Windows 和U盘不允许的字符（: * ?）"},
		{filepath.Join(dir, "a\nb.xlsx"), `'\n'`},
		{filepath.Join(dir, "NUL.xlsx"), "设备的名字"},
		{filepath.Join(dir, ".xlsx"), "只有扩展名"},
	} {
		r := run(t, "roster", "export", c.path, "--db", db)
		if r.status != ExitFailed || !strings.Contains(r.stderr, c.want) || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("%q: %d %s%s", c.path, r.status, r.stdout, r.stderr)
		}
	}
	for p, b := range before {
		if now, _ := os.ReadFile(p); string(now) != string(b) {
			t.Errorf("%s was changed", p)
		}
	}
	// This app's own export is replaced, as before.
	own := filepath.Join(dir, "花名册.xlsx")
	for range 2 {
		if r := run(t, "roster", "export", own, "--db", db); r.status != ExitOK {
			t.Fatalf("own workbook: %d %s", r.status, r.stderr)
		}
	}

	ws := filepath.Join(dir, "workspace.blws")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("指导员的密码 2026\n"), 0o600)
	if r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass); r.status != ExitOK {
		t.Fatalf("key: %d %s", r.status, r.stderr)
	}
	r := run(t, "aggregate", "report", filepath.Join(dir, "上报"), "--workspace", ws)
	if r.status != ExitOK || !strings.Contains(r.stdout, "上报.xlsx") {
		t.Errorf("no extension: %d %s%s", r.status, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "上报.xlsx")); err != nil {
		t.Error(err)
	}
	if r := run(t, "aggregate", "report", "-", "--workspace", ws); r.status == ExitOK || !strings.Contains(r.stderr, ".xlsx 文件名") {
		t.Errorf("-: %d %s%s", r.status, r.stdout, r.stderr)
	}
	if r := run(t, "aggregate", "report", filepath.Join(dir, "con"), "--workspace", ws); r.status != ExitFailed || !strings.Contains(r.stderr, "设备的名字") {
		t.Errorf("con: %d %s%s", r.status, r.stdout, r.stderr)
	}
}

// A passphrase file saved by Windows Notepad starts with a UTF-8 byte-order
// mark: the passphrase is what follows it (review s3-11 attack #9: the
// instructor's key "wrong passphrase").
func TestPassphraseFileWithByteOrderMark(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "workspace.blws")
	plain := filepath.Join(dir, "pass.txt")
	os.WriteFile(plain, []byte("指导员的密码 2026\r\n"), 0o600)
	if r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", plain); r.status != ExitOK {
		t.Fatalf("key: %d %s", r.status, r.stderr)
	}
	bom := filepath.Join(dir, "bom.txt")
	os.WriteFile(bom, []byte("\ufeff指导员的密码 2026\r\n"), 0o600)
	r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", bom, "--save-private-key", filepath.Join(dir, "key.age"))
	if r.status != ExitOK {
		t.Errorf("BOM: %d %s", r.status, r.stderr)
	}
	db := demoFile(t, "3")
	pub := filepath.Join(dir, "pub.txt")
	os.WriteFile(pub, []byte(r.stdout), 0o600)
	pkg := filepath.Join(dir, "p.blpkg")
	if r := run(t, "package", "export", pkg, "--db", db, "--recipient-file", pub); r.status != ExitOK {
		t.Fatalf("export: %d %s", r.status, r.stderr)
	}
	if r := run(t, "aggregate", "import", pkg, "--workspace", ws, "--passphrase-file", bom); r.status != ExitOK {
		t.Errorf("import with the BOM file: %d %s%s", r.status, r.stdout, r.stderr)
	}
}

// Every workbook export follows one rule for the name (review s5-final
// attack #3): .xlsx is added to a name without an extension, another
// extension (y.pdf, x.txt, "x.xlsx." after aggregate report added .xlsx to
// it) is refused with a sentence, and " .xlsx" is only an extension.
func TestWorkbookExportsShareOneNameRule(t *testing.T) {
	dir := t.TempDir()
	db := demoFile(t, "3")
	ws := filepath.Join(dir, "workspace.blws")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("指导员的密码 2026\n"), 0o600)
	if r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass); r.status != ExitOK {
		t.Fatalf("key: %d %s", r.status, r.stderr)
	}
	exports := map[string]func(out string) []string{
		"roster":   func(out string) []string { return []string{"roster", "export", out, "--db", db} },
		"dues":     func(out string) []string { return []string{"dues", "export", "2026", out, "--db", db} },
		"transfer": func(out string) []string { return []string{"transfer", "export", "2026", out, "--db", db} },
		"activity": func(out string) []string { return []string{"activity", "export", "2026", out, "--db", db} },
		"recruit":  func(out string) []string { return []string{"recruit", "export", out, "--db", db} },
		"report":   func(out string) []string { return []string{"aggregate", "report", out, "--workspace", ws} },
	}
	for name, args := range exports {
		for _, c := range []struct{ file, want string }{
			{name + ".pdf", "扩展名不是 .xlsx"},
			{name + ".txt", "扩展名不是 .xlsx"},
			{name + ".xlsx.", "以点或空格结尾"},
			{" .xlsx", "只有扩展名"},
		} {
			out := filepath.Join(dir, c.file)
			r := run(t, args(out)...)
			if r.status != ExitFailed || !strings.Contains(r.stderr, c.want) {
				t.Errorf("%s to %q: %d %s%s", name, c.file, r.status, r.stdout, r.stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s wrote %q", name, c.file)
			}
			if _, err := os.Stat(out + ".xlsx"); err == nil {
				t.Errorf("%s wrote %q.xlsx", name, c.file)
			}
		}
		out := filepath.Join(dir, name+"-无扩展名")
		if r := run(t, args(out)...); r.status != ExitOK || !strings.Contains(r.stdout, out+".xlsx") {
			t.Errorf("%s without an extension: %d %s%s", name, r.status, r.stdout, r.stderr)
		}
		if _, err := os.Stat(out + ".xlsx"); err != nil {
			t.Errorf("%s without an extension: %v", name, err)
		}
	}
}
