package datapkg

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

var today = model.NewDate(2026, 11, 30)

// branches are the test branches by size, made once for the package's
// tests: filling three years of history takes a while.
var (
	branches   = map[int]*storage.Store{}
	branchDirs []string
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, s := range branches {
		s.Close()
	}
	for _, d := range branchDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// newBranch is a data file of a branch with n members and three years of
// activities and dues, as demo fills it, open for reading and packing.
// Tests must not change it.
func newBranch(t testing.TB, n int) *storage.Store {
	t.Helper()
	if s, ok := branches[n]; ok {
		return s
	}
	dir, err := os.MkdirTemp("", "datapkg-test-")
	if err != nil {
		t.Fatal(err)
	}
	branchDirs = append(branchDirs, dir)
	at := time.Date(2026, 11, 30, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	s, err := storage.Open(filepath.Join(dir, storage.FileName), storage.WithClock(func() time.Time { return at }))
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Fill(s, n, 1, today); err != nil {
		s.Close()
		t.Fatal(err)
	}
	branches[n] = s
	return s
}

const testPassphrase = "支部2026!"

func TestRoundTrip(t *testing.T) {
	s := newBranch(t, 12)
	want, err := s.Summary()
	if err != nil {
		t.Fatal(err)
	}
	key, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		p    Protection
		o    ReadOptions
		kind Kind
	}{
		{"plain", Protection{}, ReadOptions{}, Plain},
		{"passphrase", Protection{Passphrase: testPassphrase}, ReadOptions{Passphrase: testPassphrase}, Passphrase},
		{"instructor key", Protection{Recipients: []age.Recipient{key.Recipient()}}, ReadOptions{Identities: []age.Identity{key}}, ForKey},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "第一支部"+Ext)
			m, err := Write(s, out, c.p, "0.1.0")
			if err != nil {
				t.Fatal(err)
			}
			if m.BranchUUID != want.BranchUUID || m.Counts["members"] != 12 || m.Format != FormatVersion || m.App != App ||
				m.SchemaVersion != storage.SchemaVersion() || m.AppVersion != "0.1.0" || m.BranchName != want.BranchName {
				t.Errorf("manifest %+v", m)
			}
			if k, err := Probe(out); k != c.kind || err != nil {
				t.Errorf("Probe = %v, %v; want %v", k, err, c.kind)
			}
			if c.p.Encrypted() {
				raw, _ := os.ReadFile(out)
				if bytes.Contains(raw, []byte("manifest.json")) || bytes.Contains(raw, []byte(want.BranchUUID)) {
					t.Error("the encrypted package shows its contents")
				}
			}
			tmp := t.TempDir()
			c.o.TempDir = tmp
			p, err := Open(out, c.o)
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind != c.kind || p.Manifest.Database.SHA256 != m.Database.SHA256 || !p.Manifest.SnapshotAt.Equal(m.SnapshotAt) {
				t.Errorf("read back %+v, wrote %+v", p.Manifest, m)
			}
			for table, n := range want.Counts {
				if p.Summary.Counts[table] != n {
					t.Errorf("%s: %d rows read back, %d in the branch", table, p.Summary.Counts[table], n)
				}
			}
			if _, digest := hashOf(t, p.DataFile()); digest != m.Database.SHA256 {
				t.Error("the extracted file is not the one packed")
			}
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
			if names := dirNames(t, tmp); len(names) != 0 {
				t.Errorf("Close left %v", names)
			}
			if names := dirNames(t, filepath.Dir(out)); !slices.Equal(names, []string{filepath.Base(out)}) {
				t.Errorf("Write left %v", names)
			}
		})
	}
}

// Writing over an older package replaces it whole.
func TestWriteReplaces(t *testing.T) {
	s := newBranch(t, 3)
	out := filepath.Join(t.TempDir(), "backup"+Ext)
	if _, err := Write(s, out, Protection{Passphrase: testPassphrase}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	if exists, err := CheckTarget(out, s.Path()); !exists || err != nil {
		t.Errorf("CheckTarget of an older package: %v, %v", exists, err)
	}
	if _, err := Write(s, out, Protection{}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	p, err := Open(out, ReadOptions{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("the package is %v, want private (0600) as the data file", fi.Mode().Perm())
	}
}

// A backup never takes the place of anything but an older package: the
// data file itself (by its name or a link to it), a workbook, a data file,
// any file. Each is refused with a sentence and left as it was.
func TestWriteRefusesWhatIsNotAPackage(t *testing.T) {
	s := newBranch(t, 3)
	dir := t.TempDir()
	workbook := filepath.Join(dir, "花名册.xlsx")
	os.WriteFile(workbook, zipOf(t, entry{name: "[Content_Types].xml", data: []byte("<Types/>")}), 0o644)
	text := filepath.Join(dir, "说明"+Ext)
	os.WriteFile(text, []byte("不是数据包"), 0o644)
	copied := filepath.Join(dir, "副本.db")
	os.WriteFile(copied, fileBytes(t, s.Path()), 0o644)
	link := filepath.Join(dir, "link"+Ext)
	if err := os.Symlink(s.Path(), link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, out, want string }{
		{"the data file", s.Path(), "正在使用的数据文件本身"},
		{"a link to the data file", link, "正在使用的数据文件本身"},
		{"a workbook", workbook, "不是支部台账的数据包"},
		{"a text file named as a package", text, "不是支部台账的数据包"},
		{"a copy of a data file", copied, "不是支部台账的数据包"},
		{"a folder", dir, "是一个文件夹"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := fileBytes(t, c.out)
			_, err := Write(s, c.out, Protection{}, "0.1.0")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want a refusal saying %q", err, c.want)
			}
			// A package export is no backup (review s4-final attack #4).
			if strings.Contains(err.Error(), "备份") {
				t.Errorf("a package's refusal speaks of a backup: %v", err)
			}
			if !bytes.Equal(fileBytes(t, c.out), before) {
				t.Error("the file was changed")
			}
		})
	}
	if _, err := s.Summary(); err != nil {
		t.Errorf("the data file after the refusals: %v", err)
	}
}

// english is what is left of msg in Latin letters once paths, quoted
// names, the names of schema objects and the format's own terms are taken
// out: "" for a sentence in Chinese.
func english(msg, path string) string {
	msg = strings.ReplaceAll(msg, path, "")
	msg = regexp.MustCompile(`/[^\s（）：，；]+|"[^"]*"|(触发器|视图|表|索引) \w+|SHA-256|manifest\.json|branchledger\.db|\d+ [KMG]B|U盘`).ReplaceAllString(msg, "")
	return strings.Join(regexp.MustCompile(`[A-Za-z][A-Za-z ():.-]*`).FindAllString(msg, -1), " ")
}

// fileBytes is a file's contents; a folder has none.
func fileBytes(t *testing.T, name string) []byte {
	t.Helper()
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A folder that cannot be written says so and leaves nothing.
func TestWriteToMissingFolder(t *testing.T) {
	s := newBranch(t, 3)
	out := filepath.Join(t.TempDir(), "gone", "backup"+Ext)
	_, err := Write(s, out, Protection{}, "0.1.0")
	if err == nil || !strings.Contains(err.Error(), "U盘是否已拔出") || strings.Contains(err.Error(), ".tmp") {
		t.Errorf("got %v", err)
	}
}

func hashOf(t testing.TB, name string) (int64, string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return int64(len(b)), hex.EncodeToString(sum[:])
}

func dirNames(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// fixture is a valid plain package's parts, to be reassembled wrongly.
type fixture struct {
	manifest Manifest
	db       []byte
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	s := newBranch(t, 5)
	out := filepath.Join(t.TempDir(), "ok"+Ext)
	m, err := Write(s, out, Protection{}, "0.1.0")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	rc, err := zr.File[1].Open()
	if err != nil {
		t.Fatal(err)
	}
	db, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return fixture{m, db}
}

// entry is one file of a hand-made zip.
type entry struct {
	name string
	data []byte
	// size, if not 0, is the uncompressed size the headers claim.
	size uint64
}

// zipOf builds a zip of entries, deflated.
func zipOf(t *testing.T, es ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range es {
		if e.size != 0 {
			// CreateRaw writes the headers as given: a lying size.
			deflated := deflate(t, e.data)
			w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate,
				CompressedSize64: uint64(len(deflated)), UncompressedSize64: e.size, CRC32: crc(e.data)})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(deflated)
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func deflate(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func crc(b []byte) uint32 { return crc32.ChecksumIEEE(b) }

func (f fixture) manifestJSON(t *testing.T, change func(m *Manifest)) []byte {
	t.Helper()
	m := f.manifest
	m.Counts = map[string]int{}
	for k, v := range f.manifest.Counts {
		m.Counts[k] = v
	}
	if change != nil {
		change(&m)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (f fixture) zip(t *testing.T, change func(m *Manifest), db []byte) []byte {
	return zipOf(t, entry{name: manifestEntry, data: f.manifestJSON(t, change)}, entry{name: databaseEntry, data: db})
}

func encrypt(t *testing.T, plain []byte, r age.Recipient) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, r)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(plain)
	w.Close()
	return buf.Bytes()
}

// withTrigger is the fixture's database with an extra trigger, and the
// manifest's digest made to match, as someone building a hostile package
// would.
func (f fixture) withTrigger(t *testing.T) ([]byte, func(m *Manifest)) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "evil.db")
	os.WriteFile(path, f.db, 0o644)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TRIGGER steal AFTER INSERT ON members BEGIN UPDATE members SET phone = '110'; END"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	evil, _ := os.ReadFile(path)
	size, digest := hashOf(t, path)
	return evil, func(m *Manifest) { m.Database.Size, m.Database.SHA256 = size, digest }
}

// Every hostile package is refused with one sentence naming the file, of
// the kind the secretary can act on, and nothing is left behind.
func TestHostilePackagesAreRefused(t *testing.T) {
	f := newFixture(t)
	good := f.zip(t, nil, f.db)
	key, _ := age.GenerateX25519Identity()
	otherKey, _ := age.GenerateX25519Identity()
	scrypt, _ := age.NewScryptRecipient(testPassphrase)
	scrypt.SetWorkFactor(10)
	evilDB, evilDigest := f.withTrigger(t)
	flipped := bytes.Clone(f.db)
	flipped[len(flipped)/2] ^= 0xff
	zeros := make([]byte, 64<<20)
	// A bomb under the old ratio of 200: 12 MB of pages with a few random
	// bytes each, as the review's 600 MB one was made, deflates about a
	// hundredfold.
	sparse := make([]byte, 12<<20)
	for i := 0; i < len(sparse); i += 4096 {
		rand.Read(sparse[i : i+24])
	}
	// A passphrase package asking for scrypt work factor 2^22 (4 GB to
	// open): made at 2^10, then the header's factor changed — opening must
	// refuse before deriving anything, so the header's MAC never counts.
	heavy := bytes.Replace(encrypt(t, good, scrypt), []byte(" 10\n"), []byte(" 22\n"), 1)

	// 16 MB, a quarter random: compresses about fourfold, as a data file
	// does; it starts with the real data file's header.
	underRatio := make([]byte, 16<<20)
	rand.Read(underRatio[:4<<20])
	copy(underRatio, f.db[:100])
	cases := []struct {
		name string
		data []byte
		o    ReadOptions
		want error
	}{
		{"text file", []byte("姓名,身份证号\n张三,110101199003070012\n"), ReadOptions{}, ErrNotPackage},
		{"empty file", nil, ReadOptions{}, ErrNotPackage},
		{"a data file", f.db, ReadOptions{}, ErrNotPackage},
		{"a workbook", zipOf(t, entry{name: "[Content_Types].xml", data: []byte("<Types/>")}, entry{name: "xl/workbook.xml", data: []byte("<workbook/>")}), ReadOptions{}, ErrNotPackage},
		{"truncated", good[:len(good)/2], ReadOptions{}, ErrTruncated},
		{"truncated encrypted", func() []byte { b := encrypt(t, good, key.Recipient()); return b[:len(b)-100] }(), ReadOptions{Identities: []age.Identity{key}}, ErrTruncated},
		{"no passphrase", encrypt(t, good, scrypt), ReadOptions{}, ErrNeedPassphrase},
		{"wrong passphrase", encrypt(t, good, scrypt), ReadOptions{Passphrase: "123456"}, ErrWrongPassphrase},
		{"no key", encrypt(t, good, key.Recipient()), ReadOptions{Passphrase: testPassphrase}, ErrNoKey},
		{"wrong key", encrypt(t, good, key.Recipient()), ReadOptions{Identities: []age.Identity{otherKey}}, ErrNoKey},
		{"changed encrypted byte", func() []byte { b := encrypt(t, good, key.Recipient()); b[len(b)/2] ^= 1; return b }(), ReadOptions{Identities: []age.Identity{key}}, ErrTruncated},
		{"content does not match checksum", f.zip(t, nil, flipped), ReadOptions{}, ErrChecksum},
		{"counts do not match", f.zip(t, func(m *Manifest) { m.Counts["members"] = 500 }, f.db), ReadOptions{}, ErrChecksum},
		// s3-11 attack #2 and #4: the manifest's names are the data file's;
		// its version number is a version number.
		{"names in the manifest lie", f.zip(t, func(m *Manifest) {
			m.OrgName, m.BranchName = "兰州市公安局", "中共兰州市公安局第一支部委员会"
		}, f.db), ReadOptions{}, ErrChecksum},
		{"app version of control characters", f.zip(t, func(m *Manifest) { m.AppVersion = "1.0\nimported 伪造\x1b[2J" }, f.db), ReadOptions{}, ErrNotPackage},
		{"newer format", f.zip(t, func(m *Manifest) { m.Format = FormatVersion + 1 }, f.db), ReadOptions{}, ErrNewerFormat},
		{"newer schema", f.zip(t, func(m *Manifest) { m.SchemaVersion = storage.SchemaVersion() + 1 }, f.db), ReadOptions{}, storage.ErrNewerSchema},
		{"another app's manifest", f.zip(t, func(m *Manifest) { m.App = "other" }, f.db), ReadOptions{}, ErrNotPackage},
		{"dot-dot name", zipOf(t, entry{name: manifestEntry, data: f.manifestJSON(t, nil)}, entry{name: "../../branchledger.db", data: f.db}), ReadOptions{}, ErrUnsafe},
		{"absolute name", zipOf(t, entry{name: "/etc/cron.d/x", data: []byte("x")}, entry{name: manifestEntry, data: f.manifestJSON(t, nil)}), ReadOptions{}, ErrUnsafe},
		{"windows name", zipOf(t, entry{name: `C:\Windows\evil.dll`, data: []byte("x")}, entry{name: manifestEntry, data: f.manifestJSON(t, nil)}), ReadOptions{}, ErrUnsafe},
		{"extra entry", zipOf(t, entry{name: manifestEntry, data: f.manifestJSON(t, nil)}, entry{name: databaseEntry, data: f.db}, entry{name: "run.bat", data: []byte("calc")}), ReadOptions{}, ErrUnsafe},
		{"entry twice", zipOf(t, entry{name: manifestEntry, data: f.manifestJSON(t, nil)}, entry{name: databaseEntry, data: f.db}, entry{name: databaseEntry, data: f.db}), ReadOptions{}, ErrUnsafe},
		{"zip bomb", zipOf(t, entry{name: manifestEntry, data: f.manifestJSON(t, func(m *Manifest) {
			m.Database.Size = int64(len(zeros))
		})}, entry{name: databaseEntry, data: zeros}), ReadOptions{}, ErrUnsafe},
		{"zip bomb of ratio 100", zipOf(t, entry{name: manifestEntry, data: f.manifestJSON(t, func(m *Manifest) {
			m.Database.Size = int64(len(sparse))
		})}, entry{name: databaseEntry, data: sparse}), ReadOptions{}, ErrUnsafe},
		{"scrypt work factor 22", heavy, ReadOptions{Passphrase: testPassphrase}, ErrUnsafe},
		{"zip bomb lying about its size", zipOf(t, entry{name: manifestEntry, data: f.manifestJSON(t, nil)},
			entry{name: databaseEntry, data: zeros, size: uint64(len(f.db))}), ReadOptions{}, ErrNotPackage},
		// attack11 #7: under the ratio, with the digest to match, and the
		// data file's own header in front: its page count gives it away
		// after 100 bytes, before a gigabyte is written.
		{"zip bomb under the ratio", zipOf(t, entry{name: manifestEntry, data: f.manifestJSON(t, func(m *Manifest) {
			m.Database.Size = int64(len(underRatio))
			sum := sha256.Sum256(underRatio)
			m.Database.SHA256 = hex.EncodeToString(sum[:])
		})}, entry{name: databaseEntry, data: underRatio}), ReadOptions{}, ErrNotPackage},
		{"database with a trigger", f.zip(t, evilDigest, evilDB), ReadOptions{}, storage.ErrSchemaChanged},
		{"encrypted database with a trigger", encrypt(t, f.zip(t, evilDigest, evilDB), key.Recipient()), ReadOptions{Identities: []age.Identity{key}}, storage.ErrSchemaChanged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "来自U盘"+Ext)
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			tmp := t.TempDir()
			c.o.TempDir = tmp
			p, err := Open(path, c.o)
			if err == nil {
				p.Close()
				t.Fatalf("opened, want %v", c.want)
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || strings.Contains(msg, tmp) || strings.Contains(msg, "\n") {
				t.Errorf("%q: want one line naming the package and not the temporary file", msg)
			}
			if w := english(msg, path); w != "" {
				t.Errorf("%q: the sentence carries %q, not Chinese", msg, w)
			}
			t.Logf("refused: %s", msg)
			if names := dirNames(t, tmp); len(names) != 0 {
				t.Errorf("left %v in the temporary folder", names)
			}
			if names := dirNames(t, dir); len(names) != 1 {
				t.Errorf("left %v beside the package", names)
			}
			if b, _ := os.ReadFile(path); !bytes.Equal(b, c.data) {
				t.Error("the package was changed")
			}
		})
	}
}
