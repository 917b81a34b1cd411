package workspace

import (
	"fmt"
	"path/filepath"
	"testing"

	"branchledger/storage/internal/faultfs"
)

// With a temporary folder that holds one unpacked package but not two,
// packages that import alone were refused because several were unpacked at
// once (review s4-11 attack #5): each is tried again alone, and all import.
func TestSmallTempFolderImportsEveryPackage(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	var files []string
	var size int64
	for i := range 6 {
		s := newBranch(t, filepath.Join(dir, fmt.Sprint("b", i)), 6, int64(40+i), fmt.Sprintf("兰州第%d机械厂", i+1), day)
		out := filepath.Join(dir, fmt.Sprintf("p%d.blpkg", i))
		m := pack(t, s, key, out)
		s.Close()
		size = max(size, m.Database.Size)
		files = append(files, out)
	}
	// checkRoom wants the data file and 1 MB beside it.
	tmp := faultfs.Small(t, 1<<20+size*3/2+64<<10)
	rs := w.ImportAll(files, ImportOptions{TempDir: tmp}, nil)
	for i, r := range rs {
		if r.File != files[i] || r.Outcome != Imported {
			t.Errorf("%s: %s %s", filepath.Base(r.File), r.Outcome, r.Message())
		}
	}
}
