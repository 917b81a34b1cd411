package datapkg

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/storage"
	"branchledger/storage/demo"
	"branchledger/storage/internal/faultfs"
)

// checkSentence fails t unless err is one Chinese sentence naming want's
// file and saying why, without a hidden temporary file or the system's
// English.
func checkSentence(t *testing.T, err error, file, why string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	t.Logf("refused: %s", msg)
	if !strings.Contains(msg, file) || !strings.Contains(msg, why) {
		t.Errorf("%q: want it to name %s and say %q", msg, file, why)
	}
	if strings.Contains(msg, ".tmp") || strings.Contains(msg, storage.WorkTempBase) {
		t.Errorf("%q names a temporary file", msg)
	}
	if w := english(msg, file); w != "" {
		t.Errorf("%q carries %q", msg, w)
	}
}

// A backup onto a full or write-protected USB drive says so of the package
// the user chose, and leaves nothing on the drive.
func TestWriteToFullOrReadOnlyDrive(t *testing.T) {
	s := newBranch(t, 50)
	t.Run("full", func(t *testing.T) {
		usb := faultfs.Small(t, 1<<20)
		faultfs.Fill(t, usb, 16<<10)
		out := filepath.Join(usb, "第一支部"+Ext)
		_, err := Write(s, out, Protection{Passphrase: testPassphrase}, "0.1.0")
		checkSentence(t, err, out, "磁盘空间已满")
		if names := dirNames(t, usb); len(names) != 1 {
			t.Errorf("left on the drive: %v", names)
		}
	})
	t.Run("read-only", func(t *testing.T) {
		usb := faultfs.ReadOnly(t, t.TempDir())
		out := filepath.Join(usb, "第一支部"+Ext)
		_, err := Write(s, out, Protection{}, "0.1.0")
		checkSentence(t, err, out, "只读")
	})
}

// The snapshot a package is made from is taken beside the data file, never
// in the system's temporary folder; when the data file's disk is full the
// message says so of that folder, not of a hidden snapshot.
func TestWriteSnapshotsBesideTheDataFile(t *testing.T) {
	small := faultfs.Small(t, 4<<20)
	s, err := storage.Open(filepath.Join(small, storage.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Fill(s, 30, 1, today); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	out := filepath.Join(t.TempDir(), "包"+Ext)
	if _, err := Write(s, out, Protection{}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	if names := dirNames(t, tmp); len(names) != 0 {
		t.Errorf("the system's temporary folder holds %v", names)
	}
	for _, name := range dirNames(t, small) {
		if name != storage.FileName && name != storage.FileName+"-journal" { // the open store's
			t.Errorf("left beside the data file: %s", name)
		}
	}

	faultfs.Fill(t, small, 16<<10)
	out = filepath.Join(t.TempDir(), "包"+Ext)
	_, err = Write(s, out, Protection{}, "0.1.0")
	checkSentence(t, err, out, "磁盘空间已满")
	if !strings.Contains(err.Error(), small) {
		t.Errorf("%q should name the data file's folder, whose disk is full", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Error("a package was left")
	}
	if names := dirNames(t, tmp); len(names) != 0 {
		t.Errorf("the system's temporary folder holds %v", names)
	}
}

// A package is unpacked only where there is room for the data file it
// declares: a full temporary folder is the disk's fault, said of the
// folder, never the package's ("不完整或已损坏").
func TestOpenIntoAFullFolder(t *testing.T) {
	s := newBranch(t, 50)
	pkg := filepath.Join(t.TempDir(), "包"+Ext)
	if _, err := Write(s, pkg, Protection{Passphrase: testPassphrase}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	full := faultfs.Small(t, 2<<20)
	faultfs.Fill(t, full, 64<<10)
	_, err := Open(pkg, ReadOptions{Passphrase: testPassphrase, TempDir: full})
	checkSentence(t, err, pkg, "磁盘")
	if errors.Is(err, ErrTruncated) || !strings.Contains(err.Error(), full) {
		t.Errorf("%q blames the package, or does not name the folder", err)
	}
	if names := dirNames(t, full); len(names) != 1 {
		t.Errorf("left in the folder: %v", names)
	}
}

// A package whose temporary folder a killed program left behind in the
// system's temporary folder is removed by the next Open there.
func TestOpenRemovesWhatAKilledOpenLeft(t *testing.T) {
	s := newBranch(t, 3) // a shared branch, made in the real temporary folder
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// As a killed process's would be: its id is not running.
	stale := filepath.Join(tmp, "."+storage.WorkTempBase+".999999999-123.tmp")
	os.Mkdir(stale, 0o700)
	os.WriteFile(filepath.Join(stale, storage.FileName), []byte("branch records"), 0o600)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	pkg := filepath.Join(t.TempDir(), "包"+Ext)
	if _, err := Write(s, pkg, Protection{}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	p, err := Open(pkg, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	if names := dirNames(t, tmp); len(names) != 0 {
		t.Errorf("left in the temporary folder: %v", names)
	}
}

// A package an earlier version was stopped writing on the drive
// (".branchledger-tmp-N.blpkg") is removed by the next backup there, once
// it is old; a fresh one stays.
func TestWriteRemovesWhatEarlierVersionsLeftOnTheDrive(t *testing.T) {
	s := newBranch(t, 3)
	usb := t.TempDir()
	old := filepath.Join(usb, storage.TempPrefix+"3367994342"+Ext)
	fresh := filepath.Join(usb, storage.TempPrefix+"1234"+Ext)
	for _, name := range []string{old, fresh} {
		os.WriteFile(name, []byte("half a package"), 0o600)
	}
	hour := time.Now().Add(-time.Hour)
	os.Chtimes(old, hour, hour)
	if _, err := Write(s, filepath.Join(usb, "包"+Ext), Protection{}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the old half-written package is still there: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a fresh one was removed: %v", err)
	}
}

// A folder with room for the data file but not for the margin beside it
// is told the room needed, not only the data file's size (review s5-11
// attack #4: "680 KB, 1.0 MB left, free some space").
func TestOpenSaysTheRoomNeeded(t *testing.T) {
	s := newBranch(t, 50)
	pkg := filepath.Join(t.TempDir(), "包"+Ext)
	m, err := Write(s, pkg, Protection{}, "0.1.0")
	if err != nil {
		t.Fatal(err)
	}
	small := faultfs.Small(t, 4<<20)
	faultfs.Fill(t, small, m.Database.Size+300<<10)
	if free := faultfs.Free(t, small); free < m.Database.Size || free >= m.Database.Size+roomMargin {
		t.Fatalf("free %d, want between %d and %d", free, m.Database.Size, m.Database.Size+roomMargin)
	}
	_, err = Open(pkg, ReadOptions{TempDir: small})
	checkSentence(t, err, pkg, "需要约 "+sizeText(m.Database.Size+roomMargin))
	if !strings.Contains(err.Error(), "只剩") || !errors.Is(err, ErrNoRoom) {
		t.Errorf("%q: want the room left and ErrNoRoom", err)
	}
}
