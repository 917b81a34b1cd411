package storage

import (
	"bufio"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/model"
)

// A process killed in the middle of an import (as by a power cut or a pulled
// stick, from SQLite's point of view) leaves the roster as it was before the
// import: the next Open rolls the journal back.
func TestKilledDuringImportLeavesRosterAsItWas(t *testing.T) {
	if path := os.Getenv("BRANCHLEDGER_TEST_IMPORT"); path != "" {
		// The helper process: import a big roster and get killed doing it.
		s, err := Open(path)
		if err != nil {
			fmt.Println("ERROR", err)
			return
		}
		ms := make([]model.Member, 20000)
		for i := range ms {
			ms[i] = newMember(1000 + i)
		}
		plan, err := s.PlanImport("大名册.xlsx", ms, allColumns())
		if err != nil {
			fmt.Println("ERROR", err)
			return
		}
		fmt.Println("IMPORTING")
		_, _, err = s.ApplyImport(plan)
		fmt.Println("DONE", err)
		time.Sleep(time.Minute) // wait to be killed
		return
	}
	if testing.Short() {
		t.Skip("starts a process and kills it")
	}
	path := writeRoster(t, 10)

	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledDuringImportLeavesRosterAsItWas$")
	cmd.Env = append(os.Environ(), "BRANCHLEDGER_TEST_IMPORT="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	for lines.Scan() && !strings.HasPrefix(lines.Text(), "IMPORTING") {
		if strings.HasPrefix(lines.Text(), "ERROR") {
			t.Fatal(lines.Text())
		}
	}
	time.Sleep(100 * time.Millisecond) // well inside the import's transaction
	cmd.Process.Kill()
	cmd.Wait()
	if fi, err := os.Stat(path + "-journal"); err == nil {
		t.Logf("journal left by the killed process: %d bytes", fi.Size())
	}

	s := openAt(t, path)
	ms, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 10 && len(ms) != 20010 {
		t.Errorf("%d members after the crash, want 10 (import rolled back) or 20010 (finished)", len(ms))
	}
	if len(ms) == 20010 {
		t.Log("the import finished before the kill; nothing was tested")
	}
	var check string
	s.db.Raw("PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Errorf("integrity_check after the crash: %s", check)
	}
}

// The DSN carries the path to SQLite unchanged, whatever characters it has,
// and the pragmas in glebarez's _pragma form.
func TestDSN(t *testing.T) {
	for _, p := range []string{
		"/tmp/branchledger.db",
		"/home/张三/我的 文档/支部 台账.db",
		"/data/#1 100% ?&=+;.db",
	} {
		u, err := url.Parse(dsn(p))
		if err != nil {
			t.Fatalf("dsn(%q) = %q: %v", p, dsn(p), err)
		}
		if u.Scheme != "file" || u.Path != filepath.ToSlash(p) {
			t.Errorf("dsn(%q) = %q, reads back as %q", p, dsn(p), u.Path)
		}
		pragmas := strings.Join(u.Query()["_pragma"], " ")
		for _, want := range []string{"foreign_keys(1)", "journal_mode(DELETE)", "synchronous(FULL)", "locking_mode(EXCLUSIVE)", "busy_timeout("} {
			if !strings.Contains(pragmas, want) {
				t.Errorf("dsn(%q) lacks %s", p, want)
			}
		}
	}
}
