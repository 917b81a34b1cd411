//go:build !windows

package launch

import "syscall"

// alive reports whether the process pid is running.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
