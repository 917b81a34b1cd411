package workspace

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/storage"
	"branchledger/storage/datapkg"
	ws "branchledger/storage/workspace"
	"branchledger/ui/internal/langtest"
)

// A package of the same second as the one held but with other contents is
// refused as a conflict; in English its line says the snapshot time in
// English too (review s5-11 attack #11: "…not imported: FILE（快照时间 …）").
func TestEnglishConflictLine(t *testing.T) {
	test.NewTempApp(t)
	svc, key := newWorkspace(t)
	dbs, err := ws.SampleBranches(t.TempDir(), 1, 4, day, clockAt(day, 10))
	if err != nil {
		t.Fatal(err)
	}
	s, err := storage.Open(dbs[0], storage.WithClock(clockAt(day, 11)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	usb := t.TempDir()
	first, second := filepath.Join(usb, "a"+datapkg.Ext), filepath.Join(usb, "b"+datapkg.Ext)
	if _, _, err := datapkg.Export(s, first, datapkg.ExportOptions{Key: &key}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	p, _ := s.Profile()
	p.Secretary = "另一位书记"
	if err := s.SaveProfile(p); err != nil {
		t.Fatal(err)
	}
	if _, _, err := datapkg.Export(s, second, datapkg.ExportOptions{Key: &key}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	if r := svc.Import(first, ws.ImportOptions{}); r.Outcome != ws.Imported {
		t.Fatalf("%s %s", r.Outcome, r.Message())
	}
	r := svc.Import(second, ws.ImportOptions{})
	langtest.Use(t, "en")
	line := lineOf(r)
	if !strings.Contains(line, "snapshot time") || regexp.MustCompile(`\p{Han}`).MatchString(strings.ReplaceAll(line, second, "")) {
		t.Errorf("the line is %q", line)
	}
}
