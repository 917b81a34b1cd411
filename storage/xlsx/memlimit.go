package xlsx

import (
	"runtime/debug"
	"sync"
)

// importMemoryLimit is the soft limit on the Go heap while a workbook is
// read. The limits of checkSheet keep what a read holds well below it;
// the soft limit keeps the garbage of decoding from piling up above it
// before the collector runs (by default the heap may grow to twice what is
// live), so that an import stays under about 300 MB of memory.
const importMemoryLimit = 224 << 20

var memLimit struct {
	sync.Mutex
	users int
	saved int64
}

// limitMemory lowers the soft memory limit for as long as a read runs and
// returns the function that puts it back. A limit already lower is kept.
func limitMemory() (restore func()) {
	memLimit.Lock()
	defer memLimit.Unlock()
	if memLimit.users == 0 {
		memLimit.saved = debug.SetMemoryLimit(-1)
		if memLimit.saved > importMemoryLimit {
			debug.SetMemoryLimit(importMemoryLimit)
		}
	}
	memLimit.users++
	return func() {
		memLimit.Lock()
		defer memLimit.Unlock()
		if memLimit.users--; memLimit.users == 0 && memLimit.saved > importMemoryLimit {
			debug.SetMemoryLimit(memLimit.saved)
		}
	}
}
