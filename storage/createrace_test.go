package storage

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Two windows started at the same moment on a first run both find no data
// file and both make one. Each must end either with the file or with "in
// use" (ErrLocked) — never "这个位置已经有文件" or a permission error (the
// Windows review saw both), and never with one renaming its new file over
// the one the other has open, whose writes would then go to a file that no
// longer has a name. Real processes, since the lock is per process.
func TestFirstStartsAtTheSameMoment(t *testing.T) {
	if path := os.Getenv("STORAGE_RACE_PATH"); path != "" {
		raceChild(path, os.Getenv("STORAGE_RACE_SEQ"))
		return
	}
	const children = 6
	for round := range 3 {
		path := filepath.Join(t.TempDir(), "新数据", "branchledger.db")
		start := time.Now().Add(300 * time.Millisecond)
		var wg sync.WaitGroup
		outs := make([]string, children)
		for i := range children {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(os.Args[0], "-test.run=^TestFirstStartsAtTheSameMoment$")
				cmd.Env = append(os.Environ(), "STORAGE_RACE_PATH="+path,
					"STORAGE_RACE_SEQ="+strconv.Itoa(i), "STORAGE_RACE_AT="+strconv.FormatInt(start.UnixNano(), 10))
				out, _ := cmd.CombinedOutput()
				outs[i] = string(out)
			}()
		}
		wg.Wait()
		added := 0
		for i, out := range outs {
			switch {
			case strings.Contains(out, "ADDED"):
				added++
			case strings.Contains(out, "LOCKED"):
			default:
				t.Errorf("round %d, window %d: neither the file nor \"in use\":\n%s", round, i, out)
			}
		}
		s, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: the file the windows made does not open: %v", round, err)
		}
		ms, err := s.Members()
		s.Close()
		if err != nil || len(ms) != added {
			t.Errorf("round %d: the file holds %d members, but %d windows added one (%v): writes went to a file that lost its name", round, len(ms), added, err)
		}
		if added == 0 {
			t.Errorf("round %d: no window got the file", round)
		}
	}
}

// raceChild waits for the agreed moment, opens path, adds a member and
// holds the file a moment, as a window does.
func raceChild(path, seq string) {
	at, _ := strconv.ParseInt(os.Getenv("STORAGE_RACE_AT"), 10, 64)
	time.Sleep(time.Until(time.Unix(0, at)))
	s, err := Open(path)
	if errors.Is(err, ErrLocked) {
		fmt.Println("LOCKED")
		return
	}
	if err != nil {
		fmt.Println("ERROR", err)
		return
	}
	defer s.Close()
	n, _ := strconv.Atoi(seq)
	if _, err := s.AddMember(newMember(n), nil); err != nil {
		fmt.Println("ERROR add", err)
		return
	}
	time.Sleep(200 * time.Millisecond)
	fmt.Println("ADDED")
}
