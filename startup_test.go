package main

// The start-up guard (ui/launch) end to end: the real binary on an X display
// without OpenGL (Xvfb without its GLX extension), where Fyne cannot make a
// window. The program must say so, write its log beside the data file, let
// go of the file and end with status 2, instead of running on invisibly.

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/storage"
	"branchledger/ui/launch"
)

func TestWithoutOpenGLTheStartEndsWithAMessage(t *testing.T) {
	display := startXvfbWithoutGL(t)
	dir := t.TempDir()
	bin := buildProgram(t, ".", filepath.Join(dir, "branchledger"))
	env := isolatedEnv(dir)
	db := filepath.Join(dir, "党建 资料", "ledger.db")
	if err := os.MkdirAll(filepath.Dir(db), 0o755); err != nil { // --db's folder must exist
		t.Fatal(err)
	}
	runCommand(t, env, bin, "demo", "--members", "5", "--db", db)

	cmd := command(append(env, "DISPLAY="+display), bin, "--db", db)
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(windowTimeout):
		_ = cmd.Process.Kill()
		t.Fatalf("the program still runs %v after a start without OpenGL, showing nothing; its output:\n%s", windowTimeout, tail(out.String()))
	}
	t.Logf("ended after %v", time.Since(start).Round(time.Millisecond))
	if code := cmd.ProcessState.ExitCode(); code != launch.ExitNoWindow {
		t.Errorf("exit status %d, want %d; output:\n%s", code, launch.ExitNoWindow, tail(out.String()))
	}
	if !strings.Contains(out.String(), "更新显卡驱动") {
		t.Errorf("the program did not say what to do; output:\n%s", tail(out.String()))
	}
	logText, err := os.ReadFile(filepath.Join(filepath.Dir(db), launch.LogName))
	if err != nil {
		t.Fatalf("no log beside the data file: %v", err)
	}
	for _, want := range []string{"无法显示窗口", "GLX"} {
		if !strings.Contains(string(logText), want) {
			t.Errorf("the log does not say %q:\n%s", want, logText)
		}
	}
	st, err := storage.Open(db)
	if err != nil {
		t.Fatalf("the data file is not free after the failed start: %v", err)
	}
	st.Close()
}

// startXvfbWithoutGL starts an X server without the GLX extension and
// returns its display name.
func startXvfbWithoutGL(t *testing.T) string {
	t.Helper()
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("Xvfb not found; CI must provide it (Debian package xvfb)")
		}
		t.Skip("Xvfb not found")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(xvfb, "-displayfd", "3", "-screen", "0", "1024x768x24", "-extension", "GLX", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close()
	if err != nil {
		t.Fatalf("Xvfb did not say its display: %v", err)
	}
	return ":" + strings.TrimSpace(line)
}
