package xlsx

import (
	"syscall"
	"testing"
	"time"
)

// cpuTimer reports, next to the wall time, the CPU time (user + system, all
// threads) each operation took: on a machine shared with other work the wall
// time swings, the CPU time much less.
type cpuTimer struct{ start time.Duration }

func startCPU() cpuTimer { return cpuTimer{cpuNow()} }

func (c cpuTimer) report(b *testing.B) {
	b.ReportMetric(float64(cpuNow()-c.start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
