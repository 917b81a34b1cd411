package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"branchledger/ui/cli"
)

func TestTwin(t *testing.T) {
	for self, want := range map[string]string{
		`E:\党建 资料\branchledger.com`: `E:\党建 资料\branchledger.exe`,
		"/opt/bl/branchledger.com":  "/opt/bl/branchledger.exe",
	} {
		if got := twin(self); got != want {
			t.Errorf("twin(%q) = %q, want %q", self, got, want)
		}
	}
}

// TestTheConsoleTwinPassesOnOutputAndStatus builds the app and this program
// (as name.exe and name.com, as on Windows) and runs commands through the
// twin: it must print what the app prints and end with the app's status.
func TestTheConsoleTwinPassesOnOutputAndStatus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "党建 资料")
	com := filepath.Join(dir, "branchledger.com")
	for pkg, out := range map[string]string{"../..": filepath.Join(dir, "branchledger.exe"), ".": com} {
		build := exec.Command("go", "build", "-o", out, pkg)
		if b, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, b)
		}
	}
	env := append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	for _, c := range []struct {
		args       []string
		wantStatus int
		wantOut    string
		wantErr    string
	}{
		{[]string{"version"}, 0, cli.Version, ""},
		{[]string{"dues", "calc", "--category", "在职", "--base", "5400"}, 0, "81.00", ""},
		{[]string{"roster", "import", filepath.Join(dir, "没有这个文件.xlsx"), "--db", filepath.Join(dir, "x.db")}, cli.ExitFailed, "", "没有这个文件.xlsx"},
		{[]string{"no-such-command"}, cli.ExitFailed, "", "未知命令"},
	} {
		cmd := exec.Command(com, c.args...)
		cmd.Env = env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		status := 0
		if e, ok := err.(*exec.ExitError); ok {
			status = e.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if status != c.wantStatus {
			t.Errorf("%q: status %d, want %d; stderr %q", c.args, status, c.wantStatus, stderr.String())
		}
		if !strings.Contains(stdout.String(), c.wantOut) || !strings.Contains(stderr.String(), c.wantErr) {
			t.Errorf("%q: stdout %q, stderr %q; want %q and %q", c.args, stdout.String(), stderr.String(), c.wantOut, c.wantErr)
		}
	}
}

// The program renamed beside its twin, or too deep in folders to start:
// the twin says which and what to do, not "file not found" (review s3-10
// attack #1, #6).
func TestWhyTheProgramCouldNotStart(t *testing.T) {
	dir := t.TempDir()
	self := filepath.Join(dir, "branchledger.com")
	msg := startError(self, filepath.Join(dir, "branchledger.exe"), errors.New("file not found"))
	if !strings.Contains(msg, "改回 branchledger.exe") || !strings.Contains(msg, "branchledger.com 也改成") {
		t.Errorf("renamed program: %q", msg)
	}
	deep := filepath.Join(dir, strings.Repeat("很长的文件夹名称用来测试路径长度限制党建资料/", 13))
	os.MkdirAll(deep, 0o755)
	gui := filepath.Join(deep, "branchledger.exe")
	os.WriteFile(gui, []byte("MZ"), 0o755)
	if msg := startError(filepath.Join(deep, "branchledger.com"), gui, errors.New("file not found")); !strings.Contains(msg, "路径太长") {
		t.Errorf("a path too long: %q", msg)
	}
}

// closedAfter is a console whose reader stops after n bytes, as `more`
// does on q: writes then fail as they do into a closed pipe.
type closedAfter struct{ n int }

func (c *closedAfter) Write(p []byte) (int, error) {
	if c.n <= 0 {
		return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}
	}
	c.n -= len(p)
	return len(p), nil
}

// A reader that stops early (`branchledger check | more`, then q) is
// normal: the twin drops the rest and ends with the program's own status,
// printing nothing about the pipe (review s4-10 attack #5). The program's
// own failure still comes through.
func TestAReaderThatStopsEarlyEndsQuietly(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to stand in for the program")
	}
	for _, want := range []int{0, 3} {
		var errOut bytes.Buffer
		script := "head -c 300000 /dev/zero; exit " + strconv.Itoa(want)
		status := runGUI("branchledger.com", sh, []string{"-c", script}, nil, &closedAfter{n: 4096}, &errOut)
		if status != want || errOut.Len() > 0 {
			t.Errorf("program ending with %d, reader gone after 4 KB: status %d, stderr %q", want, status, errOut.String())
		}
	}
}
