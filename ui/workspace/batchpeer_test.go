package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"branchledger/storage"
	"branchledger/storage/datapkg"
	ws "branchledger/storage/workspace"
)

// Two packages of one identity in one batch, one the copy of the other's
// data file, are both held back ("看不出哪个是原来的"); once one is decided,
// the other's line is told anew against the workspace, which now holds one
// of them (review s6-11 attack #8: it kept the batch sentence, and its
// 按同一支部更新 would have overwritten the branch just imported).
func TestDecidingOneHeldBackPackageRechecksItsBatchPeer(t *testing.T) {
	a := test.NewTempApp(t)
	svc, key := newWorkspace(t)
	_, dbs := drive(t, 1, 6, key, day)
	usb := t.TempDir()
	genuine := filepath.Join(usb, "b001-enc"+datapkg.Ext)
	s, err := storage.Open(dbs[0], storage.WithClock(clockAt(day, 11)))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := datapkg.Export(s, genuine, datapkg.ExportOptions{Key: &key}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	copied := filepath.Join(t.TempDir(), storage.FileName)
	raw, _ := os.ReadFile(dbs[0])
	os.WriteFile(copied, raw, 0o644)
	c, err := storage.Open(copied, storage.WithClock(clockAt(day, 12)))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := c.Profile()
	p.OrgName = "兰州另一家公司"
	c.SaveProfileAligning(p)
	if _, _, err := datapkg.Export(c, filepath.Join(usb, "copy"+datapkg.Ext), datapkg.ExportOptions{Key: &key}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	c.Close()

	w := New(a, svc)
	w.RunInLine()
	w.Import([]string{usb})
	rs := w.ImportResults()
	if len(rs) != 2 || rs[0].Outcome != ws.HeldBack || rs[1].Outcome != ws.HeldBack || !errors.Is(rs[0].Err, ws.ErrLooksCopiedInBatch) {
		t.Fatalf("not both held back in the batch: %+v", rs)
	}
	first := -1
	for i, r := range rs {
		if r.File == genuine {
			first = i
		}
	}
	other := 1 - first
	row := w.imports.lines.Objects[first].(*fyne.Container)
	w.confirmYes()
	test.Tap(buttonAt(row.Objects[1].(*fyne.Container), 1)) // 按同一支部更新
	rs = w.ImportResults()
	if rs[first].Outcome != ws.Imported {
		t.Fatalf("the decided package: %s %s", rs[first].Outcome, rs[first].Message())
	}
	line := lineOf(rs[other])
	if rs[other].Outcome != ws.HeldBack || errors.Is(rs[other].Err, ws.ErrLooksCopiedInBatch) || strings.Contains(line, "看不出哪个是原来的") ||
		!strings.Contains(line, "兰州另一家公司") {
		t.Errorf("the other line after deciding: %s %q", rs[other].Outcome, line)
	}
	if st := w.ImportStatus(); !strings.Contains(st, "暂不导入 1 个") {
		t.Errorf("status: %q", st)
	}
}
