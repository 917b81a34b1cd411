package launch

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// A process whose quit hangs (as Fyne's can, waiting on its stopped event
// loop) still ends after SIGTERM, and releases its data file first.
func TestQuitOnSignalEndsAHungProcess(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM to send on Windows")
	}
	if marker := os.Getenv("LAUNCH_HANG_MARKER"); marker != "" {
		QuitOnSignal(200*time.Millisecond, func() { _ = os.WriteFile(marker, []byte("released"), 0o600) })
		os.Stdout.WriteString("ready\n")
		select {} // the hung quit
	}
	marker := filepath.Join(t.TempDir(), "released")
	cmd := exec.Command(os.Args[0], "-test.run=^TestQuitOnSignalEndsAHungProcess$")
	cmd.Env = append(os.Environ(), "LAUNCH_HANG_MARKER="+marker)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	if _, err := out.Read(buf); err != nil || string(buf) != "ready\n" {
		t.Fatalf("helper did not start: %q %v", buf, err)
	}
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("the hung process ended with %v, want status 0", err)
		}
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("the hung process did not end within 20 s of SIGTERM")
	}
	if b, err := os.ReadFile(marker); err != nil || string(b) != "released" {
		t.Errorf("the data file was not released before the exit: %v", err)
	}
	t.Logf("ended %v after SIGTERM", time.Since(start).Round(time.Millisecond))
}
