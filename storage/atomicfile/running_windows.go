package atomicfile

import "os"

// running reports whether a process with this id exists: on Windows
// FindProcess opens the process and fails if there is none.
func running(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
