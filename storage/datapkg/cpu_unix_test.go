//go:build unix

package datapkg

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used so far, on every thread:
// on a machine shared with other work, wall time says more about the
// neighbours than about the code.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
