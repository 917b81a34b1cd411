package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"branchledger/model"
)

// Fixtures shared by the tests: a ticking clock, a store on a real file under
// t.TempDir(), and valid members with real-looking ID numbers.

var beijing = time.FixedZone("CST", 8*3600)

// testClock starts on testToday and moves one second each time it is read, so
// that records written one after another have distinct times.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2026, 3, 15, 9, 0, 0, 0, beijing)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

var testToday = model.NewDate(2026, 3, 15)

// openTest opens a new store in a fresh folder and closes it at the end of
// the test.
func openTest(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), FileName))
}

func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(path, WithClock(newTestClock().Now))
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")

// idNumber builds a valid 公民身份号码 for a birth date, a sequence number and
// a sex (the 17th digit is odd for men).
func idNumber(birth model.Date, seq int, sex model.Sex) string {
	sexDigit := (seq % 5) * 2
	if sex == model.SexMale {
		sexDigit++
	}
	first17 := fmt.Sprintf("620102%04d%02d%02d%02d%d", birth.Year, int(birth.Month), birth.Day, seq%100, sexDigit)
	return first17 + string(model.IDCheckChar(first17))
}

// newMember returns the n-th of a series of valid full members, each with
// its own ID number.
func newMember(n int) model.Member {
	birth := model.NewDate(1960+n%35, time.Month(1+n/35%12), 1+n/420%28)
	sex := model.SexMale
	if n%3 == 0 {
		sex = model.SexFemale
	}
	m := model.NewMember()
	m.Name = fmt.Sprintf("%c测%d", surnames[n%len(surnames)], n)
	m.Sex = sex
	m.IDNumber = idNumber(birth, n/(35*12*28), sex)
	m.BirthDate = birth
	m.Education = "大学"
	m.BranchName = "兰州示例科技有限公司党支部"
	m.JoinDate = birth.AddYears(25)
	m.FullDate = m.JoinDate.AddYears(1)
	m.Post = "非公有制经济组织专业技术人员"
	m.Phone = fmt.Sprintf("139%08d", n)
	m.Address = fmt.Sprintf("兰州市城关区庆阳路%d号", n+1)
	return m
}

func addMembers(t testing.TB, s *Store, n int) []model.Member {
	t.Helper()
	out := make([]model.Member, n)
	for i := range out {
		m, err := s.AddMember(newMember(i), nil)
		if err != nil {
			t.Fatalf("AddMember(%d): %v", i, err)
		}
		out[i] = m
	}
	return out
}

func fileHash(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// dirNames lists a folder, to see that nothing was left beside a file.
func dirNames(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func allColumns() []model.Field {
	out := make([]model.Field, len(model.MemberFields))
	for i, f := range model.MemberFields {
		out[i] = f.Field
	}
	return out
}
