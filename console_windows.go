package main

import (
	"os"
	"syscall"
)

// useParentConsole gives the command line its output on Windows. The exe is
// built as a GUI program (no console window flashes up when a secretary
// double-clicks it), so a command typed in cmd.exe or PowerShell would print
// nowhere. When the program was started from a console and its output is not
// already redirected to a file or pipe, attach to that console and write there.
func useParentConsole() {
	if _, err := os.Stdout.Stat(); err == nil {
		return // redirected: keep writing where the caller asked
	}
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // not started from a console
	}
	if con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = con, con
	}
}
