//go:build !unix

package datapkg

import "time"

// cpuTime is not measured here (see cpu_unix_test.go): the benchmarks
// report 0 CPU time.
func cpuTime() time.Duration { return 0 }
