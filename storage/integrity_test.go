package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// flipIndexDigit changes one digit of an ID number inside a leaf page of the
// members' ID-number index, as a flipped bit on a USB stick might: the page
// stays well-formed (quick_check passes it) but the index no longer agrees
// with the table.
func flipIndexDigit(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(b[16:18]))
	for page := 1; page*pageSize < len(b); page++ { // page 0 is the header page
		p := b[page*pageSize : (page+1)*pageSize]
		if p[0] != 0x0a { // a leaf page of an index
			continue
		}
		// The ID numbers of newMember start with the region code 620102.
		i := bytes.Index(p, []byte("620102"))
		if i < 0 {
			continue
		}
		p[i+10] ^= 0x01 // a digit of the birth year: still a digit
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatal("no index page with ID numbers found")
}

// Damage that quick_check misses is caught by the full check before the
// first write, which is refused; the file is left as it was.
func TestIndexDamageStopsTheFirstWrite(t *testing.T) {
	path := writeRoster(t, 400)
	flipIndexDigit(t, path)
	s, err := Open(path, WithClock(newTestClock().Now))
	if err != nil {
		t.Fatalf("Open: %v (quick_check was expected to miss the index damage)", err)
	}
	defer s.Close()
	before := fileHash(t, path)
	if ms, err := s.Members(); err != nil || len(ms) != 400 {
		t.Errorf("reading the damaged file: %d members, %v; reads are allowed", len(ms), err)
	}
	_, err = s.AddMember(newMember(500), nil)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("AddMember into a file with a damaged index: %v, want ErrDamaged", err)
	}
	t.Logf("refused: %v", err)
	if !strings.HasPrefix(err.Error(), "数据文件已损坏") || !strings.Contains(err.Error(), path) {
		t.Errorf("message %q should say the file is damaged and name it", err)
	}
	if fileHash(t, path) != before {
		t.Error("the refused write changed the file")
	}
	if done, err := s.CheckResult(); !done || !errors.Is(err, ErrDamaged) {
		t.Errorf("CheckResult = %v, %v", done, err)
	}
}

// The window starts the check once it is up and is told the result; writes
// after a failed check are refused at once.
func TestBackgroundCheckReportsDamage(t *testing.T) {
	path := writeRoster(t, 400)
	flipIndexDigit(t, path)
	s := openAt(t, path)
	got := make(chan error, 1)
	s.StartCheck(func(err error) { got <- err })
	select {
	case err := <-got:
		if !errors.Is(err, ErrDamaged) {
			t.Fatalf("check: %v, want ErrDamaged", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the check did not report")
	}
	m, _ := s.Member(1)
	m.Phone = "13712345678"
	if _, err := s.UpdateMember(m); !errors.Is(err, ErrDamaged) {
		t.Errorf("UpdateMember after the failed check: %v, want ErrDamaged", err)
	}
	// A later caller learns the result at once.
	again := make(chan error, 1)
	s.StartCheck(func(err error) { again <- err })
	if err := <-again; !errors.Is(err, ErrDamaged) {
		t.Errorf("second StartCheck: %v", err)
	}
}

// On a sound file the check passes once and writes go on; reads and writes
// made while it runs wait their turn.
func TestCheckOnSoundFile(t *testing.T) {
	path := writeRoster(t, 300)
	s := openAt(t, path)
	got := make(chan error, 1)
	s.StartCheck(func(err error) { got <- err })
	if _, err := s.AddMember(newMember(900), nil); err != nil {
		t.Fatalf("AddMember while the check runs: %v", err)
	}
	if err := <-got; err != nil {
		t.Fatalf("check of a sound file: %v", err)
	}
	if ms, _ := s.Members(); len(ms) != 301 {
		t.Errorf("%d members, want 301", len(ms))
	}
}

// A journal that is not hot — zeroed by a window that was killed, or never
// synced — is removed by the next open, which leaves the data file as it was.
func TestLeftoverJournalIsRemoved(t *testing.T) {
	for name, journal := range map[string][]byte{
		"zeroed":     make([]byte, 16928),
		"not synced": append(make([]byte, 12), bytes.Repeat([]byte{0x5a}, 4000)...),
		"empty":      nil,
	} {
		t.Run(name, func(t *testing.T) {
			path := writeRoster(t, 5)
			if err := os.WriteFile(path+"-journal", journal, 0o644); err != nil {
				t.Fatal(err)
			}
			before := fileHash(t, path)
			s := openAt(t, path)
			if _, err := os.Stat(path + "-journal"); err == nil {
				t.Error("the leftover journal is still there after open")
			}
			if ms, err := s.Members(); err != nil || len(ms) != 5 {
				t.Errorf("%d members, %v", len(ms), err)
			}
			s.Close()
			if fileHash(t, path) != before {
				t.Error("opening changed the data file")
			}
			if names := dirNames(t, filepath.Dir(path)); len(names) != 1 {
				t.Errorf("folder holds %v, want only the data file", names)
			}
		})
	}
}

// 检查数据文件 (in the window, on the store's connection) and VerifyFile
// (read-only, on a file Open might refuse) report index damage line by
// line, with the counts, and change nothing.
func TestVerifyFindsIndexDamage(t *testing.T) {
	path := writeRoster(t, 400)
	s := openAt(t, path)
	v, err := s.Verify(context.Background())
	if err != nil || !v.OK() || len(v.Counts) == 0 || v.Counts[0].N != 400 {
		t.Fatalf("Verify of a sound file: %+v, %v", v, err)
	}
	s.Close()

	flipIndexDigit(t, path)
	before := fileHash(t, path)
	v, err = VerifyFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// SQLite's words ("row 319 missing from index …") are told in Chinese.
	if v.OK() || !strings.Contains(strings.Join(v.Problems, "\n"), "索引 members_id_number 与表中的记录不一致") {
		t.Errorf("VerifyFile of a damaged file found %v", v.Problems)
	}
	for _, p := range v.Problems {
		if strings.Contains(p, "missing") || strings.Contains(p, "non-unique") {
			t.Errorf("problem line in SQLite's English: %q", p)
		}
	}
	s = openAt(t, path)
	if v, err := s.Verify(context.Background()); err != nil || v.OK() {
		t.Errorf("Verify in the window of a damaged file: %+v, %v", v, err)
	}
	s.Close()
	if fileHash(t, path) != before {
		t.Error("verifying changed the file")
	}
}
