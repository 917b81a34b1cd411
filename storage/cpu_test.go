package storage

import (
	"syscall"
	"time"
)

// cpuNow is the CPU time (user + system, all threads) the process has used:
// benchmarks report it next to the wall time, which on a machine shared with
// other work swings far more.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
