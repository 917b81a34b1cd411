// Command console is the console twin of the Windows program, shipped as
// branchledger.com beside branchledger.exe. The .exe is a GUI program, so
// that a double-click opens no console window; but cmd and PowerShell do not
// wait for a GUI program, and its exit status is lost. Typed as
// `branchledger …`, the .com runs first (PATHEXT lists .COM before .EXE): it
// runs branchledger.exe with the same arguments, passes on what it prints,
// waits for it and exits with its status. Built as a console program, it is
// waited for like any other.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"unicode/utf16"
)

// exitInterrupted is a console program's status after Ctrl+C on Windows
// (STATUS_CONTROL_C_EXIT).
const exitInterrupted = 0xC000013A

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs the GUI program beside this one with args and returns its exit
// status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(stderr, "错误：找不到程序所在的文件夹：", err)
		return 2
	}
	gui := twin(self)
	return runGUI(self, gui, args, stdin, stdout, stderr)
}

// runGUI runs gui with args, passing on its input and output, and returns
// its exit status.
func runGUI(self, gui string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := exec.Command(gui, args...)
	// Writers that are not files make the program's output come through
	// pipes, which a GUI program can write to; this process then prints it
	// to its console (in UTF-16, so Chinese shows in cmd and PowerShell
	// alike, whatever the code page) or to wherever its output goes.
	cmd.Stdin = stdin
	cmd.Stdout = &untilReaderStops{w: stdout}
	cmd.Stderr = &untilReaderStops{w: stderr}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(stderr, "错误："+startError(self, gui, err))
		return 2
	}
	// Ctrl+C reaches this process but not the GUI program, which has no
	// console: end it too. The data file is safe: every change is one
	// transaction, rolled back if cut short.
	interrupted := make(chan os.Signal, 1)
	signal.Notify(interrupted, os.Interrupt)
	go func() {
		<-interrupted
		_ = cmd.Process.Kill()
		os.Exit(exitInterrupted)
	}()
	err := cmd.Wait()
	if exitErr, ok := err.(*exec.ExitError); ok {
		return exitErr.ExitCode()
	}
	if err != nil {
		fmt.Fprintf(stderr, "错误：%s：%v\n", gui, err)
		return 2
	}
	return 0
}

// untilReaderStops passes the program's output on until whatever reads it
// stops (`branchledger check | more`, then q): the rest is dropped, so that
// the program finishes what it is doing (an import is not cut short) and
// its own status is returned, with no error about a closed pipe (review
// s4-10 attack #5: status 2 and "write /dev/stdout: Pipe not connected").
// Any other failure to write (a full disk under `> out.txt`) is an error.
type untilReaderStops struct {
	w       io.Writer
	stopped bool
}

func (u *untilReaderStops) Write(p []byte) (int, error) {
	if u.stopped {
		return len(p), nil
	}
	n, err := u.w.Write(p)
	if err != nil && readerGone(err) {
		u.stopped = true
		return len(p), nil
	}
	return n, err
}

// readerGone reports whether err is a write to a pipe whose reader has
// closed it: EPIPE, or on Windows ERROR_BROKEN_PIPE (109), ERROR_NO_DATA
// (232) and ERROR_PIPE_NOT_CONNECTED (233).
func readerGone(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	if runtime.GOOS == "windows" {
		return errno == 109 || errno == 232 || errno == 233
	}
	return errno == syscall.EPIPE
}

// startError says why the GUI program gui could not be started for the
// console twin self: renamed (a user gave it a Chinese name), or too deep
// in folders for Windows to start it (MAX_PATH), each with what to do.
func startError(self, gui string, err error) string {
	if _, serr := os.Stat(gui); serr != nil {
		return fmt.Sprintf("找不到 %s（程序是否改过名字？）：请把它改回 %s，或把 %s 也改成与它相同的名字（扩展名仍为 .com）",
			gui, filepath.Base(gui), filepath.Base(self))
	}
	if len(utf16.Encode([]rune(gui)))+1 > maxPath {
		return fmt.Sprintf("无法运行 %s：程序所在的文件夹路径太长（%d 个字符），Windows 无法启动它；请把程序文件夹移到路径较短的位置（例如 D:\\支部台账）",
			gui, len([]rune(gui)))
	}
	return fmt.Sprintf("无法运行 %s：%v", gui, err)
}

// maxPath is MAX_PATH: CreateProcess cannot start a program whose path is
// this long or longer (UTF-16 units, the terminating NUL included).
const maxPath = 260

// twin is the GUI program for this one: the same path ending in .exe.
func twin(self string) string {
	return strings.TrimSuffix(self, filepath.Ext(self)) + ".exe"
}
