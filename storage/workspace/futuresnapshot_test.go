package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/storage/datapkg"
)

// Review s5-11 attack #2: a snapshot dated later than this computer's clock
// (within FutureTolerance) is held; the genuine package taken after it is
// refused as older, and its line says the held time is in the future.
func TestHeldSnapshotInTheFutureIsSaid(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 8, 11, "兰州恒信商贸有限公司", day)
	defer s.Close()
	// The genuine package: taken at a time the computer has reached.
	genuine := filepath.Join(dir, "genuine.blpkg")
	pack(t, s, key, genuine)
	later := storageAt(t, s, day, 18)
	plain := filepath.Join(dir, "plain.blpkg")
	if _, err := datapkg.Write(later, plain, datapkg.Protection{}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	manifest, db := unpack(t, plain)
	manifest["snapshot_at"] = w.Now().Add(20 * time.Hour).UTC().Format(time.RFC3339)
	fast := filepath.Join(dir, "fast.blpkg")
	os.WriteFile(fast, sealTo(t, key, zipOf(t, entry{"manifest.json", repin(manifest, db)}, entry{"branchledger.db", db})), 0o644)
	if r := w.Import(fast, ImportOptions{}); r.Outcome != Imported {
		t.Fatalf("a snapshot 20 hours ahead: %+v", r)
	}
	r := w.Import(genuine, ImportOptions{})
	if r.Outcome != Refused || r.Err == nil || !strings.Contains(r.Err.Error(), "工作台中已有的快照时间晚于本机现在的时间") {
		t.Errorf("the genuine package after it: %+v", r)
	}
}
