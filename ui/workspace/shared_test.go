package workspace

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/storage"
	"branchledger/storage/datapkg"
	ws "branchledger/storage/workspace"
)

// 支部一览 says above the list which branches have the same people on
// their rolls, naming them (review s5-11 newuser #8).
func TestBranchListSaysWhoIsOnTwoBranches(t *testing.T) {
	a := test.NewTempApp(t)
	svc, key := newWorkspace(t)
	usb, _ := drive(t, 1, 4, key, day)
	// A copy of the same branch's data under another name: the same people.
	dbs, err := ws.SampleBranches(t.TempDir(), 1, 4, day, clockAt(day, 10))
	if err != nil {
		t.Fatal(err)
	}
	s, err := storage.Open(dbs[0], storage.WithClock(clockAt(day, 10)))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.Profile()
	p.OrgName, p.BranchName = "兰州金百合商贸有限公司", "中共兰州金百合商贸有限公司支部委员会"
	if _, err := s.SaveProfileAligning(p); err != nil {
		t.Fatal(err)
	}
	if _, _, err := datapkg.Export(s, filepath.Join(usb, "copy"+datapkg.Ext), datapkg.ExportOptions{Key: &key}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	w := New(a, svc)
	w.RunInLine()
	w.Import([]string{usb})
	if n := len(w.Shown()); n != 2 {
		t.Fatalf("%d branches", n)
	}
	shown := w.Shown()
	said := w.Shared()
	if len(said) != 1 || !strings.Contains(said[0], "的名册上有4名相同的党员") || !strings.Contains(said[0], shown[0].Label()) || !strings.Contains(said[0], shown[1].Label()) {
		t.Errorf("above the list: %q", said)
	}
}
