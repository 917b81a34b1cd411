package datapkg

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"filippo.io/age"
)

// manyEntries is a package of the fixture's manifest and data file and n
// more empty entries, stored: the shape of the review's 2-million-entry
// package, smaller.
func manyEntries(t *testing.T, f fixture, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range []entry{{name: manifestEntry, data: f.manifestJSON(t, nil)}, {name: databaseEntry, data: f.db}} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	for i := range n {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprint(i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// allocated is the bytes allocated while fn runs.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A package of a few hundred thousand empty entries is refused for its
// directory before the directory is listed in memory (review s5-11 attack
// #9: 2 million entries took 670 MB): one sentence naming the file, the
// file unchanged, nothing left in the temporary folder. Plain or encrypted
// alike, and where a package is to be written (IsPackage).
func TestPackageOfManyEntriesIsRefusedBeforeListingThem(t *testing.T) {
	f := newFixture(t)
	key, _ := age.GenerateX25519Identity()
	many := manyEntries(t, f, 200_000)
	for _, c := range []struct {
		name string
		data []byte
		o    ReadOptions
	}{
		{"plain", many, ReadOptions{}},
		{"encrypted", encrypt(t, many, key.Recipient()), ReadOptions{Identities: []age.Identity{key}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "来自U盘"+Ext)
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			tmp := t.TempDir()
			c.o.TempDir = tmp
			var err error
			spent := allocated(func() {
				var p *Package
				if p, err = Open(path, c.o); err == nil {
					p.Close()
				}
			})
			if !errors.Is(err, ErrUnsafe) {
				t.Fatalf("got %v, want ErrUnsafe", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, "文件目录超过") || strings.Contains(msg, "\n") || english(msg, path) != "" {
				t.Errorf("%q: want one Chinese sentence naming the package and its directory", msg)
			}
			// Listing 200,000 entries takes some 60 MB.
			if spent > 16<<20 {
				t.Errorf("allocated %d MB to refuse it", spent>>20)
			}
			if b, _ := os.ReadFile(path); !bytes.Equal(b, c.data) {
				t.Error("the package was changed")
			}
			if names := dirNames(t, tmp); len(names) != 0 {
				t.Errorf("left %v in the temporary folder", names)
			}
		})
	}
	t.Run("as a target", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "来自U盘"+Ext)
		os.WriteFile(path, many, 0o644)
		var is bool
		spent := allocated(func() { is = IsPackage(path) })
		if is || spent > 16<<20 {
			t.Errorf("IsPackage = %v, allocating %d MB", is, spent>>20)
		}
	})
	// A package's own directory is read as before.
	ok := filepath.Join(t.TempDir(), "ok"+Ext)
	os.WriteFile(ok, f.zip(t, nil, f.db), 0o644)
	p, err := Open(ok, ReadOptions{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
}

// A manifest giving another schema version than its data file's is said
// to differ in that, not in "the branch, names or counts" (review s5-11
// attack #10).
func TestManifestOfAnotherSchemaSaysSo(t *testing.T) {
	f := newFixture(t)
	path := filepath.Join(t.TempDir(), "来自U盘"+Ext)
	os.WriteFile(path, f.zip(t, func(m *Manifest) { m.SchemaVersion-- }, f.db), 0o644)
	_, err := Open(path, ReadOptions{TempDir: t.TempDir()})
	want := fmt.Sprintf("清单所写的数据文件版本为第%d版，其中的数据文件是第%d版", f.manifest.SchemaVersion-1, f.manifest.SchemaVersion)
	if !errors.Is(err, ErrChecksum) || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
		t.Errorf("%v: want ErrChecksum saying %q", err, want)
	}
}

// Another program's archive with its own manifest.json and files is not a
// package, not unsafe (review s6-11 attack #10: "多出了文件 data.db").
func TestAnotherAppsArchiveIsNotAPackage(t *testing.T) {
	key, _ := age.GenerateX25519Identity()
	other := zipOf(t, entry{name: manifestEntry, data: []byte(`{"format":1,"app":"otherapp"}`)}, entry{name: "data.db", data: []byte("x")})
	for name, data := range map[string][]byte{"plain": other, "encrypted": encrypt(t, other, key.Recipient())} {
		path := filepath.Join(t.TempDir(), name+Ext)
		os.WriteFile(path, data, 0o644)
		_, err := Open(path, ReadOptions{Identities: []age.Identity{key}, TempDir: t.TempDir()})
		if !errors.Is(err, ErrNotPackage) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: %v, want ErrNotPackage", name, err)
		}
	}
}

// countingIdentity notes how many of its Unwraps run at once.
type countingIdentity struct {
	mu        sync.Mutex
	now, most int
}

func (c *countingIdentity) Unwrap([]*age.Stanza) ([]byte, error) {
	c.mu.Lock()
	c.now++
	c.most = max(c.most, c.now)
	c.mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	c.mu.Lock()
	c.now--
	c.mu.Unlock()
	return nil, age.ErrIncorrectIdentity
}

// Passphrase keys are derived one at a time: up to 256 MB each, on the
// four workers of an import (review s6-11 attack #7: 1.1 GB).
func TestScryptDerivationsRunOneAtATime(t *testing.T) {
	c := &countingIdentity{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			oneAtATime{c}.Unwrap(nil)
		}()
	}
	wg.Wait()
	if c.most != 1 {
		t.Errorf("%d derivations at once", c.most)
	}
}
