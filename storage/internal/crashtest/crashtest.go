// Package crashtest kills a process in the middle of a write, again and
// again at random moments, as a power cut or a pulled USB stick would from
// the data file's point of view, and checks after every kill that what the
// write was doing happened whole or not at all.
//
// The process killed is the test binary itself, started again to run only
// the work: a test calls Run, and Run in the child does the work where the
// parent does the killing and checking. Use it from storage's packages:
//
//	func TestKilledImport(t *testing.T) {
//		crashtest.Run(t, crashtest.Plan{Kills: 20, Setup: …, Work: …, Check: …})
//	}
package crashtest

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Plan is one write to kill.
type Plan struct {
	// Kills is how many times the work is started and killed.
	Kills int
	// Setup prepares dir (say, a data file with some records) once, in the
	// test's own process, before the first run.
	Setup func(t *testing.T, dir string)
	// Work is the write, run in a child process on dir. round counts the
	// runs from 0 (the first, which is let finish to time the work) so
	// that each may write something new. Its error fails the test when the
	// work is let finish.
	Work func(dir string, round int) error
	// Check runs in the test's process after each run, killed or not
	// (finished says which), and asserts that the data in dir is whole and
	// that the round's write is there entirely or not at all.
	Check func(t *testing.T, dir string, round int, finished bool)
}

const (
	envChild = "CRASHTEST_CHILD"
	envDir   = "CRASHTEST_DIR"
	envRound = "CRASHTEST_ROUND"
)

// Run carries out the plan: in the test's process it sets up, times one
// run of the work, then kills Kills runs at moments spread over that time,
// checking after each; in the child it does the work. After every check
// no SQLite journal may be left in dir: the next open removes a crash's.
// It is skipped with -short.
func Run(t *testing.T, p Plan) {
	if os.Getenv(envChild) == t.Name() {
		child(p)
		return
	}
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	dir := t.TempDir()
	if p.Setup != nil {
		p.Setup(t, dir)
	}
	took, err := runOnce(t, dir, 0, -1)
	if err != nil {
		t.Fatalf("the work, let finish: %v", err)
	}
	p.Check(t, dir, 0, true)
	noJournal(t, dir)

	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	during := 0
	for round := 1; round <= p.Kills && !t.Failed(); round++ {
		// From the start of the work to a little after its usual end, so
		// that the commit and the close are hit too.
		after := time.Duration(r.Int64N(int64(took) * 11 / 10))
		_, err := runOnce(t, dir, round, after)
		finished := err == nil
		if err == errKilled {
			during++
		} else if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		p.Check(t, dir, round, finished)
		noJournal(t, dir)
	}
	t.Logf("%d kills, %d of them during the work (which takes about %v)", p.Kills, during, took.Round(time.Millisecond))
}

// IsChild reports whether this process is a child Run started to do the
// work: a test's own setup before Run (a temporary folder it makes, say)
// must then not be done again.
func IsChild() bool { return os.Getenv(envChild) != "" }

// errKilled is runOnce's result for a child killed before it finished.
var errKilled = fmt.Errorf("killed")

// runOnce starts the child for round and, if after >= 0, kills it that long
// after it said it was ready; it returns how long the work took and nil if
// the work finished, errKilled if the kill came first, or what went wrong.
func runOnce(t *testing.T, dir string, round int, after time.Duration) (time.Duration, error) {
	cmd := exec.Command(os.Args[0], "-test.run="+runPattern(t.Name()), "-test.count=1")
	cmd.Env = append(os.Environ(), envChild+"="+t.Name(), envDir+"="+dir, envRound+"="+strconv.Itoa(round))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var start time.Time
	var kill <-chan time.Time
	for {
		select {
		case line, ok := <-lines:
			switch {
			case !ok:
				cmd.Wait()
				return 0, fmt.Errorf("the child ended without finishing")
			case line == "READY":
				start = time.Now()
				if after >= 0 {
					kill = time.After(after)
				}
			case strings.HasPrefix(line, "DONE"):
				took := time.Since(start)
				cmd.Process.Kill()
				drain(lines)
				cmd.Wait()
				if msg := strings.TrimSpace(strings.TrimPrefix(line, "DONE")); msg != "" {
					return took, fmt.Errorf("%s", msg)
				}
				return took, nil
			}
		case <-kill:
			cmd.Process.Kill()
			drain(lines)
			cmd.Wait()
			return 0, errKilled
		}
	}
}

func drain(lines <-chan string) {
	for range lines {
	}
}

// runPattern is the -test.run pattern that runs exactly the test named.
func runPattern(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// child does the work and says how it ended, then exits at once: the test
// framework's own output would only get in the way.
func child(p Plan) {
	round, _ := strconv.Atoi(os.Getenv(envRound))
	fmt.Println("READY")
	err := p.Work(os.Getenv(envDir), round)
	if err != nil {
		fmt.Println("DONE", strings.ReplaceAll(err.Error(), "\n", " "))
	} else {
		fmt.Println("DONE")
	}
	// Wait to be killed: the parent kills it either way, and a child that
	// exits by itself could still be flushing when the parent checks.
	time.Sleep(time.Minute)
	os.Exit(0)
}

// noJournal fails t if a SQLite journal is left anywhere in dir.
func noJournal(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, "-journal") {
			t.Errorf("journal left after the check: %s", path)
		}
		return nil
	})
}
