package storage

import (
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// holdByAnotherProgram makes opening a file for writing fail the way
// Windows refuses it while a sync client, a backup or an antivirus has it
// open (ERROR_SHARING_VIOLATION; EBUSY stands in for it here, reason maps
// both to the same sentence).
func holdByAnotherProgram(t *testing.T) {
	t.Helper()
	was := openForWrite
	openForWrite = func(path string) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: path, Err: syscall.EBUSY}
	}
	t.Cleanup(func() { openForWrite = was })
}

// A data file another program holds open (review s4-10 attack #3) opens
// read-only and says so: its records can be read, and a save is refused
// naming the other program, not a write-protected USB stick.
func TestFileHeldByAnotherProgramOpensReadOnlyAndSaysWhy(t *testing.T) {
	path := writeRoster(t, 5)
	before := fileHash(t, path)
	holdByAnotherProgram(t)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open of a file another program reads: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() || !s.InUse() {
		t.Errorf("ReadOnly %v, InUse %v; want both", s.ReadOnly(), s.InUse())
	}
	if ms, err := s.Members(); err != nil || len(ms) != 5 {
		t.Errorf("reading: %d members, %v", len(ms), err)
	}
	_, err = s.AddMember(newMember(77), nil)
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("AddMember: %v, want ErrInUse", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "另一个程序占用") || strings.Contains(msg, "写保护") {
		t.Errorf("the save is refused with %q: it must name another program, not write protection", msg)
	}
	s.Close()
	if fileHash(t, path) != before {
		t.Error("the held file changed")
	}
}

// Held so that SQLite cannot even read it (share mode 0, as while the file
// is being copied): the error names the other program, not "文件夹是否存在、
// 是否可以写入". A file of somebody else's is still said as such.
func TestFileHeldExclusivelySaysAnotherProgramHasIt(t *testing.T) {
	// What SQLite says when Windows refuses it the file: it cannot open it.
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(filepath.Join(t.TempDir(), "没有", FileName))+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cantOpen := db.Ping()
	if cantOpen == nil {
		t.Fatal("SQLite opened a file that is not there")
	}
	s := &Store{path: `C:\党建 资料\data\branchledger.db`, readOnly: true, inUse: true}
	got := s.heldOr(s.openError(cantOpen))
	if !errors.Is(got, ErrInUseExclusive) || !strings.Contains(got.Error(), "另一个程序占用") ||
		strings.Contains(got.Error(), "文件夹是否存在") || !strings.Contains(got.Error(), s.path) {
		t.Errorf("a file SQLite cannot open while another program holds it: %q", got)
	}
	notOurs := s.heldOr(ErrNotDatabase)
	if !errors.Is(notOurs, ErrNotDatabase) || errors.Is(notOurs, ErrInUseExclusive) {
		t.Errorf("a file that is not a data file, held: %v", notOurs)
	}
	s.inUse = false
	if got := s.heldOr(s.openError(cantOpen)); errors.Is(got, ErrInUseExclusive) {
		t.Errorf("not held, yet said to be held: %v", got)
	}
}
