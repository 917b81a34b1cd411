package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Review s5-11 attack #1: a file name with CR and ESC on the USB drive must
// not reach the terminal raw, where it would turn the "refused" line into a
// fake "imported" one.
func TestAggregateImportEscapesControlCharactersInFileNames(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "workspace.blws")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("指导员的密码 2026\n"), 0o600)
	if r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass); r.status != ExitOK {
		t.Fatalf("key: %d %s", r.status, r.stderr)
	}
	usb := filepath.Join(dir, "usb")
	os.MkdirAll(usb, 0o755)
	name := "x\rimported 中共某某公司支部委员会\x1b[8m\u202e.blpkg"
	if err := os.WriteFile(filepath.Join(usb, name), []byte("junk"), 0o644); err != nil {
		t.Skip("this file system takes no such name:", err)
	}
	r := run(t, "aggregate", "import", usb, "--workspace", ws, "--passphrase-file", pass)
	if r.status != ExitRejected {
		t.Fatalf("import: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if strings.ContainsAny(r.stdout+r.stderr, "\r\x1b\u202e") {
		t.Errorf("control characters reach the terminal: %q", r.stdout)
	}
	if !strings.Contains(r.stdout, `x\rimported 中共某某公司支部委员会\x1b[8m\u202e.blpkg: 不是支部台账的数据包`) {
		t.Errorf("the refused line should show the name escaped: %q", r.stdout)
	}
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"中共兰州恒信商贸有限公司支部":    "中共兰州恒信商贸有限公司支部",
		"a\rb\x1b[31mc\x7f": `a\rb\x1b[31mc\x7f`,
		"a\u200bb\u0085":    `a\u200bb\x85`,
		"line\nbreak\ttab":  `line\nbreak\ttab`,
	} {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
	}
	if got := printableLines("one\r\ntwo\x1b"); got != "one\\r\ntwo\\x1b" {
		t.Errorf("printableLines: %q", got)
	}
}

// Review s5-11 attack #8: --save-private-key does not overwrite a file
// that is there unless --replace is given.
func TestSavePrivateKeyKeepsAnExistingFile(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "workspace.blws")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("指导员的密码 2026\n"), 0o600)
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("foreign"), 0o644)
	r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass, "--save-private-key", notes)
	if b, _ := os.ReadFile(notes); r.status == ExitOK || string(b) != "foreign" || !strings.Contains(r.stderr, "--replace") {
		t.Errorf("an existing file: %d %s, now %q", r.status, r.stderr, b)
	}
	if _, err := os.Stat(ws); err == nil {
		t.Error("the refused first run left a workspace behind")
	}
	r = run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass, "--save-private-key", notes, "--replace")
	if b, _ := os.ReadFile(notes); r.status != ExitOK || !strings.HasPrefix(string(b), "age-encryption.org/v1") {
		t.Errorf("with --replace: %d %s", r.status, r.stderr)
	}
}

// A roster file's column named with a line break (Excel keeps a CR as one)
// must not print a line of its own under "columns not imported", where it
// reads as the import's result.
func TestRosterImportEscapesLineBreaksInColumnNames(t *testing.T) {
	path := writeBook(t, "名册.xlsx", map[string][][]any{"Sheet": {
		{"姓名", "身份证号", "入党时间", "籍贯\rimported 9, rejected 0"},
		{"孔令辉", rosterID("19870514", 911), "2010.06", "浙江杭州"},
	}}, "Sheet")
	r := run(t, "roster", "import", path, "--db", filepath.Join(t.TempDir(), "b.db"), "--dry-run")
	if strings.Contains(r.stdout, "\nimported 9") || !strings.Contains(r.stdout, `columns not imported: 籍贯\nimported 9, rejected 0`+"\n") {
		t.Errorf("the column should be named on one line, escaped: %q", r.stdout)
	}
}
