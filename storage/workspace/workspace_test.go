package workspace

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/glebarez/sqlite"
	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/datapkg"
	"branchledger/storage/demo"
	"branchledger/storage/findings"
	"branchledger/storage/xlsx"
)

var day = model.NewDate(2026, 11, 30)

var cst = time.FixedZone("CST", 8*3600)

// at is a fixed clock on d at hh:00 China time.
func at(d model.Date, hh int) func() time.Time {
	t := time.Date(d.Year, d.Month, d.Day, hh, 0, 0, 0, cst)
	return func() time.Time { return t }
}

// testKeyPassphrase opens the test workspaces' keys; scrypt at its default
// work factor takes a second, so each test makes its key once.
const testKeyPassphrase = "指导员2026-key"

// newBranch makes a branch's data file with n members and three years of
// records, as demo fills it, with its clock on d; org names the unit.
func newBranch(t testing.TB, dir string, n int, seed int64, org string, d model.Date) *storage.Store {
	t.Helper()
	s, err := storage.Open(filepath.Join(dir, storage.FileName), storage.WithClock(at(d, 10)))
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Fill(s, n, seed, d); err != nil {
		s.Close()
		t.Fatal(err)
	}
	rename(t, s, org)
	return s
}

func rename(t testing.TB, s *storage.Store, org string) {
	t.Helper()
	p, err := s.Profile()
	if err != nil {
		t.Fatal(err)
	}
	p.OrgName, p.BranchName = org, "中共"+org+"支部"
	if _, err := s.SaveProfileAligning(p); err != nil {
		t.Fatal(err)
	}
}

// newWorkspace opens a workspace in dir with a key pair.
func newWorkspace(t testing.TB, dir string) (*Workspace, datapkg.PublicKey) {
	t.Helper()
	w, err := Open(filepath.Join(dir, FileName), WithClock(at(day, 16)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	k, err := w.CreateKey(testKeyPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	return w, k
}

// pack writes a package of s encrypted to k.
func pack(t testing.TB, s *storage.Store, k datapkg.PublicKey, out string) datapkg.Manifest {
	t.Helper()
	r, err := k.AgeRecipient()
	if err != nil {
		t.Fatal(err)
	}
	m, err := datapkg.Write(s, out, datapkg.Protection{Recipients: []age.Recipient{r}}, "0.1.0")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// packAt packs the data file at path, as its clock reads at, into out.
func packAt(t testing.TB, path string, at time.Time, k datapkg.PublicKey, out string) string {
	t.Helper()
	st, err := storage.Open(path, storage.WithClock(func() time.Time { return at }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pack(t, st, k, out)
	return out
}

// dump is every row of every table of the workspace file, as text: what a
// refused package must leave as it was.
func dump(t testing.TB, w *Workspace) string {
	t.Helper()
	var tables []string
	rows, err := w.sql.Query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, tb := range tables {
		rs, err := w.sql.Query(`SELECT * FROM "` + tb + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		var lines []string
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rs.Scan(ptrs...)
			lines = append(lines, fmt.Sprint(vals...))
		}
		rs.Close()
		sort.Strings(lines)
		fmt.Fprintf(&b, "%s %d\n%s\n", tb, len(lines), strings.Join(lines, "\n"))
	}
	return b.String()
}

// The round trip: a package exported by a branch and imported by the
// instructor shows the same figures and findings as the branch's own check
// on the snapshot's day.
func TestRoundTripMatchesTheBranchsCheck(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 24, 3, "兰州恒信商贸有限公司", day)
	defer s.Close()
	file := filepath.Join(dir, "a.blpkg")
	pack(t, s, key, file)

	// A new session: the key is locked until the passphrase is given.
	w.Close()
	w, err := Open(w.Path(), WithClock(at(day, 16)))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	r := w.Import(file, ImportOptions{})
	if r.Outcome != Refused || !strings.Contains(r.Err.Error(), "私钥尚未解开") {
		t.Fatalf("locked key: %+v", r)
	}
	if err := w.Unlock("wrong passphrase"); err != ErrWrongPassphrase {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if err := w.Unlock(testKeyPassphrase); err != nil {
		t.Fatal(err)
	}
	r = w.Import(file, ImportOptions{})
	if r.Outcome != Imported || r.Err != nil {
		t.Fatalf("import: %+v", r)
	}

	want, err := findings.Collect(s, day, day.Year)
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.Findings(r.BranchID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want.Findings) || len(got) == 0 {
		t.Fatalf("%d findings in the workspace, the branch's check has %d", len(got), len(want.Findings))
	}
	for i := range got {
		wf := want.Findings[i]
		if got[i].Severity != wf.Severity || got[i].About != wf.About || got[i].Message != wf.Message {
			t.Errorf("finding %d: %v %s; check says %v %s", i, got[i].Severity, got[i].Message, wf.Severity, wf.Message)
		}
		// The sentence is kept to be said in the UI language: the same
		// format, and arguments of the same kind of word.
		if got[i].Text.Format != wf.Text.Format || len(got[i].Text.Args) != len(wf.Text.Args) || got[i].Text.String() != wf.Message {
			t.Errorf("finding %d kept as %#v; check has %#v", i, got[i].Text, wf.Text)
			continue
		}
		for j, a := range wf.Text.Args {
			if kindOf(got[i].Text.Args[j]) != kindOf(a) {
				t.Errorf("finding %d argument %d: %T %v, check has %T %v", i, j, got[i].Text.Args[j], got[i].Text.Args[j], a, a)
			}
		}
		if wf.Text.IsZero() {
			t.Errorf("finding %d has no Text in the branch's check: %s", i, wf.Message)
		}
	}
	ms, _ := s.Members()
	reg, _ := s.DuesRegister(day.Year, day)
	wantFig := model.FiguresOf(&want, ms, &reg)
	b, err := w.Branch(r.BranchID)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(b.Figures) != fmt.Sprint(wantFig) {
		t.Errorf("figures\n got %+v\nwant %+v", b.Figures, wantFig)
	}
	if wantFig.Full+wantFig.Probationary == 0 || wantFig.SlotsDue == 0 || wantFig.DuesPaid == 0 {
		t.Errorf("a branch of demo data with nothing to compare: %+v", wantFig)
	}
	if b.SnapshotOn != day || b.OrgName != "兰州恒信商贸有限公司" {
		t.Errorf("branch %+v", b)
	}
	checkAtWarn(t, w, want, b)
	wm, _ := w.Members(r.BranchID)
	if len(wm) != len(ms) || wm[3].IDNumber != ms[3].IDNumber || wm[3].JoinDate != ms[3].JoinDate {
		t.Errorf("roster copied wrong: %d of %d", len(wm), len(ms))
	}
	dues, _ := w.Dues(r.BranchID)
	if len(dues) != len(reg.Rows) || dues[0].Months != reg.Rows[0].Months || dues[0].YearPaid != reg.Rows[0].YearPaid {
		t.Errorf("dues register copied wrong")
	}
	unit, _ := w.UnitDues()
	if unit[r.BranchID].Months != reg.MonthPaid {
		t.Errorf("unit dues %v, register %v", unit[r.BranchID].Months, reg.MonthPaid)
	}

	// The same package twice changes nothing.
	before := dump(t, w)
	if r2 := w.Import(file, ImportOptions{}); r2.Outcome != Unchanged || r2.BranchID != r.BranchID {
		t.Errorf("again: %+v", r2)
	}
	if dump(t, w) != before {
		t.Error("importing the same package again changed the workspace")
	}
}

// A newer snapshot replaces the older; an older one is refused and the
// workspace stays as it was.
func TestNewerReplacesOlderRefused(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 12, 5, "甘肃陇原机械制造有限公司", day.AddMonths(-1))
	old := filepath.Join(dir, "old.blpkg")
	pack(t, s, key, old)
	s.Close()
	s, err := storage.Open(filepath.Join(dir, "a", storage.FileName), storage.WithClock(at(day, 9)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	newer := filepath.Join(dir, "new.blpkg")
	pack(t, s, key, newer)

	if r := w.Import(newer, ImportOptions{}); r.Outcome != Imported {
		t.Fatalf("%+v", r)
	}
	before := dump(t, w)
	r := w.Import(old, ImportOptions{})
	if r.Outcome != Refused || !strings.Contains(r.Err.Error(), "比工作台中已有的快照旧") || !strings.Contains(r.Err.Error(), old) {
		t.Errorf("older: %+v", r)
	}
	if dump(t, w) != before {
		t.Error("an older package changed the workspace")
	}

	w2, _ := newWorkspace(t, filepath.Join(dir, "w2"))
	w2.identity = w.identity
	first := w2.Import(old, ImportOptions{})
	second := w2.Import(newer, ImportOptions{})
	if first.Outcome != Imported || second.Outcome != Replaced || second.BranchID != first.BranchID {
		t.Errorf("old then new: %+v, %+v", first, second)
	}
	bs, _ := w2.Branches()
	if len(bs) != 1 || bs[0].SnapshotOn != day {
		t.Errorf("after replace: %+v", bs)
	}
}

// A data file copied to start a second branch keeps the first branch's
// identity: its package is held back, and taken as a new branch only when
// the instructor says so; its next package then goes to that branch.
func TestCopiedBranchIsHeldBack(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 12, 7, "兰州恒信商贸有限公司", day)
	first := filepath.Join(dir, "first.blpkg")
	pack(t, s, key, first)
	s.Close()
	copyFile(t, filepath.Join(dir, "a", storage.FileName), filepath.Join(dir, "b", storage.FileName))
	c, err := storage.Open(filepath.Join(dir, "b", storage.FileName), storage.WithClock(at(day, 11)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rename(t, c, "兰州金城物流有限公司")
	copied := filepath.Join(dir, "copied.blpkg")
	pack(t, c, key, copied)

	if r := w.Import(first, ImportOptions{}); r.Outcome != Imported {
		t.Fatal(r)
	}
	before := dump(t, w)
	r := w.Import(copied, ImportOptions{})
	if r.Outcome != HeldBack || !strings.Contains(r.Err.Error(), "兰州金城物流有限公司") || !strings.Contains(r.Line(), "作为新支部导入") {
		t.Fatalf("copied: %+v", r)
	}
	if dump(t, w) != before {
		t.Error("a held-back package changed the workspace")
	}
	r = w.Import(copied, ImportOptions{AsNew: true})
	if r.Outcome != Imported {
		t.Fatalf("as new: %+v", r)
	}
	bs, _ := w.Branches()
	if len(bs) != 2 || bs[0].UUID != bs[1].UUID {
		t.Fatalf("two branches of one identity: %+v", bs)
	}
	// The copy's next package goes to the copy, the original's to it.
	c2 := filepath.Join(dir, "copied2.blpkg")
	later := storageAt(t, c, day, 15)
	pack(t, later, key, c2)
	if r2 := w.Import(c2, ImportOptions{}); r2.Outcome != Replaced || r2.BranchID != r.BranchID {
		t.Errorf("the copy's next package: %+v", r2)
	}
}

// storageAt reopens s's file with its clock at hh on d.
func storageAt(t testing.TB, s *storage.Store, d model.Date, hh int) *storage.Store {
	t.Helper()
	path := s.Path()
	s.Close()
	n, err := storage.Open(path, storage.WithClock(at(d, hh)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	return n
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	out.Close()
}

func TestOpenRefusesWhatIsNotAWorkspace(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.blws")
	os.WriteFile(empty, nil, 0o644)
	text := filepath.Join(dir, "notes.blws")
	os.WriteFile(text, []byte(strings.Repeat("这不是数据库\n", 40)), 0o644)
	branch := filepath.Join(dir, "branch", storage.FileName)
	s, err := storage.Open(branch)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	other := filepath.Join(dir, "other.db")
	db, _ := sql.Open(sqlite.DriverName, other)
	db.Exec("CREATE TABLE t (x)")
	db.Close()
	changed := filepath.Join(dir, "changed.blws")
	w, err := Open(changed)
	if err != nil {
		t.Fatal(err)
	}
	w.db.Exec("CREATE TRIGGER orgs_rename AFTER INSERT ON orgs BEGIN UPDATE orgs SET name = 'x'; END")
	w.Close()

	for _, c := range []struct {
		path string
		want error
	}{
		{empty, ErrEmptyFile}, {text, ErrNotWorkspace}, {branch, ErrBranchFile}, {other, ErrNotWorkspace}, {changed, ErrChanged},
	} {
		before, _ := os.ReadFile(c.path)
		_, err := Open(c.path)
		if err == nil || !strings.Contains(err.Error(), c.want.Error()) || !strings.Contains(err.Error(), c.path) {
			t.Errorf("%s: %v; want %v", filepath.Base(c.path), err, c.want)
		}
		after, _ := os.ReadFile(c.path)
		if string(before) != string(after) {
			t.Errorf("%s changed by a refused open", filepath.Base(c.path))
		}
	}
	// A second window is kept out while the first has it.
	w, err = Open(filepath.Join(dir, "one.blws"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := Open(w.Path()); err == nil || !strings.Contains(err.Error(), ErrLocked.Error()) {
		t.Errorf("second open: %v", err)
	}
}

func TestKeyPair(t *testing.T) {
	dir := t.TempDir()
	w, k := newWorkspace(t, dir)
	if !strings.HasPrefix(k.Recipient, "age1") || len(k.Fingerprint()) != 14 {
		t.Errorf("public key %+v", k)
	}
	if _, err := w.CreateKey(testKeyPassphrase); err != ErrKeyExists {
		t.Errorf("second key: %v", err)
	}
	w.SaveSettings(Settings{Instructor: "王建国", Area: "兰州市安宁区"})
	out := filepath.Join(dir, "指导员公钥.txt")
	if _, err := w.ExportPublicKey(out); err != nil {
		t.Fatal(err)
	}
	back, err := datapkg.ReadPublicKeyFile(out)
	if err != nil || back.Recipient != k.Recipient || back.Instructor != "王建国" {
		t.Errorf("key file read back: %+v, %v", back, err)
	}
	raw, _ := os.ReadFile(w.Path())
	if strings.Contains(string(raw), "AGE-SECRET-KEY") {
		t.Error("the private key is stored in the clear")
	}
	if msg := CheckPassphrase("short"); msg == "" {
		t.Error("a 5-character passphrase accepted")
	}
}

// checkAtWarn: "3个月以上" in the report counts every member the branch's
// check lists at 3 months or more, the 6+ included; "6个月以上" those at 6
// or more.
func checkAtWarn(t *testing.T, w *Workspace, want model.BranchReport, b Branch) {
	t.Helper()
	c := model.CurrentRules().Constitution
	var life3, life6, dues3, dues6 int
	for _, p := range want.Participation {
		if p.Months >= c.WarnMonths {
			life3++
		}
		if p.Months >= c.LapseMonths {
			life6++
		}
	}
	for _, a := range want.Arrears {
		if a.Streak >= c.WarnMonths {
			dues3++
		}
		if a.Streak >= c.LapseMonths {
			dues6++
		}
	}
	if life6+dues6 == 0 {
		t.Fatalf("demo branch without anyone at 6 months: nothing to tell the bands from the totals")
	}
	out := filepath.Join(t.TempDir(), "report.xlsx")
	rows := reportRows(t, w, out, xlsx.UpwardSummarySheet)
	var head, row []string
	for _, r := range rows {
		if len(r) > 8 && r[1] == "支部名称" {
			head = r
		}
		if len(r) > 8 && strings.Contains(r[1], b.OrgName) {
			row = r
		}
	}
	if head == nil || row == nil {
		t.Fatalf("summary sheet without the branch's row: %q", rows)
	}
	for i, want := range map[string]int{"3个月以上未参加组织生活": life3, "6个月以上未参加组织生活": life6,
		"3个月以上未交党费": dues3, "6个月以上未交党费": dues6} {
		col := slices.Index(head, i)
		if col < 0 || row[col] != fmt.Sprint(want) {
			t.Errorf("%s: report says %q, the branch's check lists %d", i, row[max(col, 0)], want)
		}
	}
	if b.Figures.LifeAtWarn() != life3 || b.Figures.DuesAtWarn() != dues3 {
		t.Errorf("figures: 3+ months without organisational life %d (check %d), without dues %d (check %d)",
			b.Figures.LifeAtWarn(), life3, b.Figures.DuesAtWarn(), dues3)
	}
}

// kindOf is how a screen says an argument of a Text: a plain string as it
// is, a word of the domain (a named string type) translated, anything else
// by its type.
func kindOf(a any) string {
	if _, ok := a.(string); ok {
		return "string"
	}
	if reflect.ValueOf(a).Kind() == reflect.String {
		return "word"
	}
	return fmt.Sprintf("%T", a)
}

// attack11 #1: with the original and a copy imported as new under one
// identity, 按同一支部更新 of the original's renamed package updates the
// original, never the copy.
func TestSameBranchUpdatesTheBranchThePackageCameFrom(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 12, 7, "兰州恒信商贸有限公司", day)
	first := filepath.Join(dir, "first.blpkg")
	pack(t, s, key, first)
	s.Close()
	copyFile(t, filepath.Join(dir, "a", storage.FileName), filepath.Join(dir, "b", storage.FileName))
	c, err := storage.Open(filepath.Join(dir, "b", storage.FileName), storage.WithClock(at(day, 11)))
	if err != nil {
		t.Fatal(err)
	}
	rename(t, c, "另一家科技有限公司")
	copied := filepath.Join(dir, "copied.blpkg")
	pack(t, c, key, copied)
	c.Close()
	orig := w.Import(first, ImportOptions{})
	cp := w.Import(copied, ImportOptions{AsNew: true})
	if orig.Outcome != Imported || cp.Outcome != Imported {
		t.Fatalf("%+v %+v", orig, cp)
	}
	o := storageAt(t, mustOpen(t, filepath.Join(dir, "a", storage.FileName)), day, 14)
	rename(t, o, "兰州恒信商贸集团有限公司")
	renamed := filepath.Join(dir, "renamed.blpkg")
	pack(t, o, key, renamed)
	if r := w.Import(renamed, ImportOptions{}); r.Outcome != HeldBack {
		t.Fatalf("renamed: %+v", r)
	}
	r := w.Import(renamed, ImportOptions{SameBranch: true})
	if r.Outcome != Replaced || r.BranchID != orig.BranchID {
		t.Fatalf("按同一支部更新 went to branch %d (%s); the original is %d, the copy %d", r.BranchID, r.Outcome, orig.BranchID, cp.BranchID)
	}
	b, _ := w.Branch(cp.BranchID)
	if b.OrgName != "另一家科技有限公司" {
		t.Errorf("the copy's branch now holds %q", b.OrgName)
	}
}

// attack11 #9: a copy whose branch name changed (第二支部 of the same
// organisation) is held back, not taken as the original's newer snapshot.
func TestSecondBranchOfTheSameOrganisationIsHeldBack(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 12, 7, "兰州恒信商贸有限公司", day)
	first := filepath.Join(dir, "first.blpkg")
	pack(t, s, key, first)
	s.Close()
	copyFile(t, filepath.Join(dir, "a", storage.FileName), filepath.Join(dir, "b", storage.FileName))
	c := storageAt(t, mustOpen(t, filepath.Join(dir, "b", storage.FileName)), day, 12)
	p, _ := c.Profile()
	p.BranchName = "中共兰州恒信商贸有限公司第二支部委员会"
	if _, err := c.SaveProfileAligning(p); err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(dir, "second.blpkg")
	pack(t, c, key, second)
	if r := w.Import(first, ImportOptions{}); r.Outcome != Imported {
		t.Fatal(r)
	}
	before := dump(t, w)
	r := w.Import(second, ImportOptions{})
	if r.Outcome != HeldBack || !strings.Contains(r.Message(), "第二支部委员会") {
		t.Fatalf("second branch: %+v", r)
	}
	if dump(t, w) != before {
		t.Error("a held-back package changed the workspace")
	}
}

// attack11 #3: a snapshot dated after this computer's clock is refused,
// and a genuine package afterwards is imported.
func TestFutureSnapshotIsRefused(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir) // its clock: day at 16:00
	s := newBranch(t, filepath.Join(dir, "a"), 8, 3, "兰州恒信商贸有限公司", day)
	future := storageAt(t, s, day.AddDays(3), 10)
	fut := filepath.Join(dir, "future.blpkg")
	pack(t, future, key, fut)
	before := dump(t, w)
	r := w.Import(fut, ImportOptions{})
	if r.Outcome != Refused || !errors.Is(r.Err, ErrFuture) || !strings.Contains(r.Message(), "future.blpkg") {
		t.Fatalf("future snapshot: %+v", r)
	}
	if dump(t, w) != before {
		t.Error("a refused package changed the workspace")
	}
	now := storageAt(t, future, day, 12)
	ok := filepath.Join(dir, "ok.blpkg")
	pack(t, now, key, ok)
	if r := w.Import(ok, ImportOptions{}); r.Outcome != Imported {
		t.Errorf("the genuine package after it: %+v", r)
	}
}

// reportRows writes w's upward report to out and returns the rows of one of
// its sheets.
func reportRows(t *testing.T, w *Workspace, out, sheet string, opts ...excelize.Options) [][]string {
	t.Helper()
	if _, err := w.WriteReport(out); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func mustOpen(t testing.TB, path string) *storage.Store {
	t.Helper()
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// attack11 #13: formula-like names stay text in the upward report: the
// text format and the quote prefix, as in every other export.
func TestReportKeepsFormulaLikeTextText(t *testing.T) {
	w, _ := newWorkspace(t, t.TempDir())
	for _, name := range []string{"=cmd|' /C calc'!A0", "+SUM(1,2)单位"} {
		if _, err := w.SaveOrg(model.Organisation{Name: name, Type: model.OrgEnterprise, Coverage: model.NotCovered, Reason: model.ReasonNoMembers}); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "report.xlsx")
	if _, err := w.WriteReport(out); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := 0
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				if !strings.HasPrefix(v, "=cmd") && !strings.HasPrefix(v, "+SUM") {
					continue
				}
				found++
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				st, _ := f.GetCellStyle(sheet, cell)
				xf := f.Styles.CellXfs.Xf[st]
				if xf.QuotePrefix == nil || !*xf.QuotePrefix || xf.NumFmtID == nil || *xf.NumFmtID != 49 {
					t.Errorf("%s!%s %q is not kept text", sheet, cell, v)
				}
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s!%s became a formula %q", sheet, cell, formula)
				}
			}
		}
	}
	if found < 2 {
		t.Errorf("the names are in the report %d times", found)
	}
}

// attack11 #12: an organisation linked to an imported branch but typed 未建
// in the list is pointed out.
func TestLinkedOrganisationTypedNotCoveredIsFlagged(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 6, 3, "兰州恒信商贸有限公司", day)
	file := filepath.Join(dir, "a.blpkg")
	pack(t, s, key, file)
	s.Close()
	r := w.Import(file, ImportOptions{})
	if r.Outcome != Imported {
		t.Fatal(r)
	}
	// Another name first: not linked, nothing to say.
	o, err := w.SaveOrg(model.Organisation{Name: "兰州恒信商贸", Type: model.OrgEnterprise, Coverage: model.NotCovered, Reason: model.ReasonNoMembers})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := w.Coverage()
	if len(c.Findings) != 0 {
		t.Fatalf("before linking: %+v", c.Findings)
	}
	if err := w.LinkOrgs(r.BranchID, []int64{o.ID}); err != nil {
		t.Fatal(err)
	}
	c, _ = w.Coverage()
	if len(c.Findings) != 1 || c.Findings[0].OrgID != o.ID || !strings.Contains(c.Findings[0].Message, "未建") {
		t.Errorf("linked but typed 未建: %+v", c.Findings)
	}
	if err := w.LinkOrgs(r.BranchID, []int64{o.ID + 99}); err == nil || regexp.MustCompile(`[A-Za-z]{4,}`).MatchString(err.Error()) {
		t.Errorf("an unknown organisation: %v", err)
	}
}

// damageIndex leaves the workspace's index of members' ID numbers out of
// step with the table, as a damaged page would: quick_check finds nothing,
// the full check does.
func damageIndex(t *testing.T, path string) {
	t.Helper()
	exec := func(stmts ...string) {
		db, err := sql.Open(sqlite.DriverName, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.SetMaxOpenConns(1)
		for _, q := range stmts {
			if _, err := db.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
	}
	const real = "CREATE INDEX branch_members_id_number ON branch_members (id_number)"
	exec("PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = 'CREATE INDEX branch_members_id_number ON branch_members (name)' WHERE name = 'branch_members_id_number'")
	exec("UPDATE branch_members SET id_number = id_number || 'X' WHERE rowid % 2 = 0")
	exec("PRAGMA writable_schema = ON", "UPDATE sqlite_schema SET sql = '"+real+"' WHERE name = 'branch_members_id_number'")
	var quick, full string
	db, _ := sql.Open(sqlite.DriverName, path)
	defer db.Close()
	db.QueryRow("PRAGMA quick_check").Scan(&quick)
	db.QueryRow("PRAGMA integrity_check").Scan(&full)
	if quick != "ok" || full == "ok" {
		t.Fatalf("the damage: quick_check %q, integrity_check %q", quick, full)
	}
}

// attack11 #5: a workspace whose index is damaged opens (to read), but the
// full check runs before any write: an import is refused, saying the
// workspace is damaged, and the file is left byte for byte as it was.
func TestDamagedWorkspaceIsNotWritten(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 8, 3, "兰州恒信商贸有限公司", day)
	first := filepath.Join(dir, "first.blpkg")
	pack(t, s, key, first)
	if r := w.Import(first, ImportOptions{}); r.Outcome != Imported {
		t.Fatal(r.Err)
	}
	w.Close()
	path := filepath.Join(dir, FileName)
	damageIndex(t, path)
	before := sha(t, path)

	w, err := Open(path, WithClock(at(day, 16)))
	if err != nil {
		t.Fatalf("a workspace that passes quick_check should open to be read: %v", err)
	}
	defer w.Close()
	if err := w.Unlock(testKeyPassphrase); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "newer.blpkg")
	pack(t, storageAt(t, s, day, 12), key, newer)
	rs := w.ImportAll([]string{newer}, ImportOptions{}, nil)
	if rs[0].Outcome != Refused || !errors.Is(rs[0].Err, ErrDamaged) {
		t.Fatalf("import into a damaged workspace: %+v", rs[0])
	}
	if err := w.RemoveBranch(rs[0].BranchID + 1); !errors.Is(err, ErrDamaged) {
		t.Errorf("another write after the failed check: %v", err)
	}
	w.Close()
	if sha(t, path) != before {
		t.Error("the damaged workspace was written")
	}
}

func sha(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// fix11 #4: the upward report's 全年实收 of a branch is its own summary's
// 本年收缴: the voluntary extra dues (自愿多交) included, shown in a column of
// their own; with 上缴 it gives what the branch holds.
func TestReportCollectedIncludesVoluntaryDues(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 12, 5, "兰州恒信商贸有限公司", day)
	bal, err := s.DuesBalance(day.Year)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := s.DuesRegister(day.Year, day)
	if err != nil {
		t.Fatal(err)
	}
	var collected, remitted model.Money
	for _, q := range bal.Quarters {
		collected += q.Collected
		remitted += q.Remitted
	}
	if reg.Extra == 0 {
		t.Fatal("the sample branch has no voluntary dues this year; the test needs some")
	}
	pkg := filepath.Join(dir, "a.blpkg")
	pack(t, s, key, pkg)
	if r := w.Import(pkg, ImportOptions{}); r.Outcome != Imported {
		t.Fatal(r.Err)
	}
	out := filepath.Join(dir, "report.xlsx")
	rows := reportRows(t, w, out, xlsx.UpwardDuesSheet, excelize.Options{RawCellValue: true})
	col := func(head string) int {
		for _, r := range rows {
			if i := slices.Index(r, head); i >= 0 {
				return i
			}
		}
		t.Fatalf("no column %s", head)
		return 0
	}
	extraCol, yearCol, remCol := col("自愿多交"), col("全年实收"), col("上缴合计")
	var line []string
	for _, r := range rows {
		if len(r) > 1 && strings.Contains(r[1], "兰州恒信") {
			line = r
		}
	}
	if line == nil {
		t.Fatalf("no row of the branch in %v", rows)
	}
	fen := func(cell string) model.Money {
		v, err := strconv.ParseFloat(cell, 64)
		if err != nil {
			t.Fatalf("cell %q: %v", cell, err)
		}
		return model.Money(math.Round(v * 100))
	}
	if got := fen(line[yearCol]); got != collected {
		t.Errorf("全年实收 %s, the branch's 本年收缴 %s", got, collected)
	}
	if got := fen(line[extraCol]); got != reg.Extra {
		t.Errorf("自愿多交 %s, the branch's %s", got, reg.Extra)
	}
	if got := fen(line[remCol]); got != remitted {
		t.Errorf("上缴合计 %s, the branch's %s", got, remitted)
	}
}

// s3-11 newuser #3: two snapshots of the same minute are told apart by
// their seconds in the refusal of the older one.
func TestOlderSnapshotOfTheSameMinuteShowsSeconds(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 6, 5, "甘肃陇原机械制造有限公司", day)
	path := s.Path()
	s.Close()
	snap := func(sec int, name string) string {
		return packAt(t, path, time.Date(2026, 11, 30, 9, 30, sec, 0, cst), key, filepath.Join(dir, name))
	}
	old, newer := snap(5, "old.blpkg"), snap(40, "new.blpkg")
	if r := w.Import(newer, ImportOptions{}); r.Outcome != Imported {
		t.Fatal(r.Err)
	}
	r := w.Import(old, ImportOptions{})
	shown := func(sec int) string {
		return time.Date(2026, 11, 30, 9, 30, sec, 0, cst).Local().Format("2006-01-02 15:04:05")
	}
	if want := "快照 " + shown(5) + "，工作台中已有 " + shown(40) + " 的快照"; r.Outcome != Refused || !strings.Contains(r.Message(), want) {
		t.Errorf("older of the same minute: %q", r.Message())
	}
}

// A workspace whose organisation list is still empty says so under the
// coverage table of the upward report, not "名录中另有 0 个单位不在统计口径内"; and
// the money headings break before "（元）", not leave "）" on a line of its own.
func TestReportOfAnEmptyOrganisationList(t *testing.T) {
	dir := t.TempDir()
	w, _ := newWorkspace(t, dir)
	out := filepath.Join(dir, "report.xlsx")
	rows := reportRows(t, w, out, xlsx.UpwardSummarySheet)
	var empty, zero bool
	var money int
	for _, r := range rows {
		line := strings.Join(r, "|")
		empty = empty || strings.Contains(line, "单位名录还是空的")
		// A form printed for the office names no command (review s6-look #13).
		if strings.Contains(line, "aggregate") {
			t.Errorf("the report names a command: %q", line)
		}
		zero = zero || strings.Contains(line, "另有 0 个")
		for _, c := range r {
			if strings.HasSuffix(c, "（元）") {
				money++
				if !strings.HasSuffix(c, "\n（元）") {
					t.Errorf("heading %q: breaks inside （元）", c)
				}
			}
		}
	}
	if !empty || zero {
		t.Errorf("empty list: says it is empty %v, says 另有 0 个 %v", empty, zero)
	}
	if money == 0 {
		t.Error("no money headings found")
	}
}
