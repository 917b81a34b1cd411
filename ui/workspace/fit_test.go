package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage/datapkg"
	ws "branchledger/storage/workspace"
	"branchledger/storage/xlsx"
	"branchledger/ui/internal/langtest"
	"branchledger/ui/kit"
)

// On a 1024 px screen (the workspace window made to fit it) a branch's
// read-only window is no wider than the workspace's (review s4-11
// newuser #13: it was 1100 px, its right edge off the screen).
func TestBranchWindowFitsTheScreen(t *testing.T) {
	a := test.NewTempApp(t)
	svc, key := newWorkspace(t)
	usb, _ := drive(t, 1, 5, key, day)
	w := New(a, svc)
	w.RunInLine()
	w.Win.Resize(fyne.NewSize(1024, 680))
	w.Import([]string{usb})
	v := w.openBranch(w.Shown()[0].ID)
	defer v.Win.Close()
	if got := v.Win.Canvas().Size(); got.Width > 1024 || got.Height > 680 {
		t.Errorf("the read-only window is %v on a 1024×680 workspace", got)
	}
	w.Win.Resize(fyne.NewSize(1366, 740))
	v2 := w.openBranch(w.Shown()[0].ID)
	defer v2.Win.Close()
	if got := v2.Win.Canvas().Size(); got.Width != 1100 {
		t.Errorf("on a wide screen the read-only window is %v, want 1100 wide", got)
	}
}

// The organisation's edit dialog is titled in the UI's language (review
// s4-11 newuser #10: 修改单位 over English fields).
func TestEnglishOrgDialogTitle(t *testing.T) {
	a := test.NewTempApp(t)
	langtest.Use(t, "en")
	svc, _ := newWorkspace(t)
	o, err := svc.SaveOrg(model.Organisation{Name: "兰州晨光印务有限公司", Type: model.OrgEnterprise, Coverage: model.CoveredJoint})
	if err != nil {
		t.Fatal(err)
	}
	w := New(a, svc)
	w.RunInLine()
	w.Win.Resize(fyne.NewSize(1024, 700))
	w.orgs.edit(o)
	han := regexp.MustCompile(`\p{Han}`)
	var titles []string
	walk(w.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold {
			titles = append(titles, l.Text)
		}
	})
	found := false
	for _, s := range titles {
		found = found || s == "Edit organisation"
		if han.MatchString(s) {
			t.Errorf("a title in Chinese in the English window: %q", s)
		}
	}
	if !found {
		t.Errorf("the dialog's titles are %q, want Edit organisation", titles)
	}
}

// In English a refused or held-back package's line says why in English,
// the file's name as it is (review s4-11 newuser #12: "Refused: 密码不对，
// 无法打开数据包：…").
func TestEnglishRefusalReasons(t *testing.T) {
	test.NewTempApp(t)
	langtest.Use(t, "en")
	file := "/media/usb/a.blpkg"
	han := regexp.MustCompile(`\p{Han}`)
	refusals := []error{
		datapkg.ErrNotPackage, datapkg.ErrTruncated, datapkg.ErrNeedPassphrase, datapkg.ErrWrongPassphrase,
		datapkg.ErrNoKey, datapkg.ErrChecksum, datapkg.ErrNewerFormat, datapkg.ErrUnsafe,
		ws.ErrOlder, ws.ErrConflict, ws.ErrOlderInBatch, ws.ErrFuture, ws.ErrPackageDamaged,
		ws.ErrLooksCopied, ws.ErrBadRows,
	}
	for _, kind := range refusals {
		r := ws.Result{File: file, Outcome: ws.Refused, Err: fmt.Errorf("%w：%s", kind, file)}
		if kind == ws.ErrLooksCopied {
			r.Outcome = ws.HeldBack
		}
		line := lineOf(r)
		if han.MatchString(line) || !strings.Contains(line, file) {
			t.Errorf("%s: the line is %q", kind, line)
		}
	}
	// A kind with a detail after it: the sentence is translated, the
	// bracketed detail (Chinese from the package) kept as it is.
	r := ws.Result{File: file, Outcome: ws.Refused, Err: fmt.Errorf("%w（快照 2026-11-30 15:03）：%s", ws.ErrOlder, file)}
	if line := lineOf(r); !strings.HasSuffix(line, "（快照 2026-11-30 15:03）: "+file) || strings.Contains(line, ws.ErrOlder.Error()) {
		t.Errorf("older, with a detail: the line is %q", line)
	}
}

// Saving the report over a workbook made in Excel (or a text) is refused
// in the save dialog, not asked about and then refused by the export; a
// workbook this app exported is asked about (review s4-final attack #6).
func TestSaveOverAForeignWorkbookIsRefusedAtOnce(t *testing.T) {
	a := test.NewTempApp(t)
	svc, _ := newWorkspace(t)
	w := New(a, svc)
	w.RunInLine()
	dir := t.TempDir()
	foreign := filepath.Join(dir, "原表.xlsx")
	f := excelize.NewFile()
	f.SetAppProps(&excelize.AppProperties{Application: "Microsoft Excel"})
	f.SaveAs(foreign)
	f.Close()
	text := filepath.Join(dir, "notes.xlsx")
	os.WriteFile(text, []byte("important"), 0o644)
	own := filepath.Join(dir, "上报汇总表.xlsx")
	if _, err := svc.WriteReport(own); err != nil {
		t.Fatal(err)
	}
	asked := 0
	w.confirmFunc = func(_, _ string, onYes func()) { asked++; onYes() }
	w.files.RunInLine()
	for _, p := range []string{foreign, text} {
		replaced := false
		w.files.Replace(p, false, func() { replaced = true })
		if replaced || asked != 0 {
			t.Errorf("%s: replaced %v, asked %d", filepath.Base(p), replaced, asked)
		}
	}
	replaced := false
	w.files.Replace(own, false, func() { replaced = true })
	if !replaced || asked != 1 {
		t.Errorf("own report: replaced %v, asked %d", replaced, asked)
	}
}

// The packages' passphrase may be left empty: the rest of the batch is
// imported (review s5-11 newuser #9).
func TestPackagePassphraseMayBeLeftEmpty(t *testing.T) {
	a := test.NewTempApp(t)
	svc, _ := newWorkspace(t)
	w := New(a, svc)
	w.RunInLine()
	called, with := false, "x"
	w.askSecrets(false, []string{"qa.blpkg"}, func(p string) { called, with = true, p })
	s := w.secrets
	if s == nil || s.form.Save.Disabled() {
		t.Fatalf("确定 is disabled with the passphrase empty: %+v", s)
	}
	test.Tap(s.form.Save)
	if !called || with != "" {
		t.Errorf("called %v with %q", called, with)
	}
}

// In English a 单位名录 with no heading row says so in English, the
// headings it read quoted as they are (review s5-11 newuser #5).
func TestEnglishOrgHeadingError(t *testing.T) {
	test.NewTempApp(t)
	langtest.Use(t, "en")
	path := filepath.Join(t.TempDir(), "名录.xlsx")
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "序号")
	f.SetCellStr("Sheet1", "B1", "名单")
	f.SaveAs(path)
	f.Close()
	_, err := xlsx.ReadOrgsFile(path)
	if !errors.Is(err, xlsx.ErrNoOrgHeader) {
		t.Fatal(err)
	}
	if said := kit.SayErr(err); strings.Contains(said, "没有找到单位名录的表头") || !strings.HasPrefix(said, "No heading row") {
		t.Errorf("said %q", said)
	}
}
