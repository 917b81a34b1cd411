package datafile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"branchledger/storage"
	"branchledger/storage/backup"
	"branchledger/ui/internal/langtest"
	"branchledger/ui/kit"
)

type fakeFile struct {
	readOnly bool
	inUse    bool // another program holds it
	check    error
	v        storage.Verification
}

func (f *fakeFile) Path() string                { return "/数据/支部台账.db" }
func (f *fakeFile) ReadOnly() bool              { return f.readOnly || f.inUse }
func (f *fakeFile) InUse() bool                 { return f.inUse }
func (f *fakeFile) StartCheck(done func(error)) { done(f.check) }
func (f *fakeFile) Verify(context.Context) (storage.Verification, error) {
	return f.v, nil
}

// host runs background work in line and records errors.
type host struct {
	kit.Host
	win    fyne.Window
	errors []string
}

func (h *host) Window() fyne.Window                   { return h.win }
func (h *host) Background(work func(), then func())   { work(); then() }
func (h *host) Progress(string, string) (done func()) { return func() {} }
func (h *host) ShowError(doing string, err error) {
	h.errors = append(h.errors, doing+"："+err.Error())
}
func (h *host) SwitchFile(string, func() error, func(error)) {
}
func (h *host) SaveFile(string, string, []string, func(string)) {}

func TestBannerSaysReadOnly(t *testing.T) {
	test.NewTempApp(t)
	if b := NewBanner(&fakeFile{}); b.Content.Visible() {
		t.Error("the banner shows for a writable, sound file")
	}
	b := NewBanner(&fakeFile{readOnly: true})
	if !b.Content.Visible() || !strings.HasPrefix(b.text.Text, "只读") {
		t.Errorf("read-only banner: visible %v, %q", b.Content.Visible(), b.text.Text)
	}
	if b := NewBanner(nil); b.Content.Visible() {
		t.Error("a window without a file shows a banner")
	}
	// Held open by a sync client, a backup or an antivirus: that is said,
	// not a write-protected stick (review s4-10 attack #3).
	b = NewBanner(&fakeFile{inUse: true})
	if !b.Content.Visible() || !strings.Contains(b.text.Text, "另一个程序占用") || strings.Contains(b.text.Text, "写保护") {
		t.Errorf("banner for a file another program holds: visible %v, %q", b.Content.Visible(), b.text.Text)
	}
}

func TestDamageFoundByTheCheckShowsInTheBanner(t *testing.T) {
	a := test.NewTempApp(t)
	h := &host{win: a.NewWindow("t")}
	b := NewBanner(&fakeFile{})
	StartCheck(h, b, &fakeFile{check: errors.New("数据文件已损坏：x")})
	if !b.Content.Visible() || !strings.Contains(b.text.Text, "已停止写入") {
		t.Errorf("banner after a failed check: visible %v, %q", b.Content.Visible(), b.text.Text)
	}
	if len(h.errors) != 1 || !strings.Contains(h.errors[0], "数据文件已损坏") {
		t.Errorf("the user was told: %v", h.errors)
	}
	b = NewBanner(&fakeFile{})
	StartCheck(h, b, &fakeFile{})
	if b.Content.Visible() {
		t.Error("the banner shows after a check that passed")
	}
}

func TestCheckDataFileReportsProblemsAndCounts(t *testing.T) {
	a := test.NewTempApp(t)
	h := &host{win: a.NewWindow("t")}
	f := &fakeFile{v: storage.Verification{Problems: []string{"结构被改动：多了触发器 x"},
		Counts: []storage.RecordCount{{Label: "党员（含已离开的）", N: 40}}}}
	s := New(h, f)
	test.Tap(s.Content.(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(interface {
		fyne.Tappable
		fyne.Widget
	}))
	if got := s.result.Text; !strings.Contains(got, "发现 1 个问题") || !strings.Contains(got, "多了触发器 x") || !strings.Contains(got, "党员（含已离开的）：40") {
		t.Errorf("result: %q", got)
	}
	f.v = storage.Verification{Counts: f.v.Counts}
	s.verify()
	if !strings.HasPrefix(s.result.Text, "检查完毕，没有发现问题。") {
		t.Errorf("result for a sound file: %q", s.result.Text)
	}
}

// The day's automatic backup runs as the file opens, in the background; a
// program without a console has nowhere else to say that it failed (review
// s7-10 F3: a full disk left 设置 saying 还没有自动备份 and nothing more).
func TestAFailedDailyBackupIsSaidInTheBanner(t *testing.T) {
	test.NewTempApp(t)
	b := NewBanner(&fakeFile{})
	daily := make(chan error, 1)
	daily <- errors.New("无法写入备份文件：磁盘空间已满，请删除一些文件或换一个位置")
	WatchDailyBackup(b, daily)
	for deadline := time.Now().Add(5 * time.Second); !b.backup.Visible() && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if !b.Content.Visible() || !b.backup.Visible() || !strings.Contains(b.backup.Text, "今天的自动备份没有做成：无法写入备份文件：磁盘空间已满") {
		t.Errorf("banner after a failed daily backup: visible %v, %q", b.Content.Visible(), b.backup.Text)
	}
	if b.text.Visible() {
		t.Errorf("the file's own line shows too: %q", b.text.Text)
	}

	b = NewBanner(&fakeFile{})
	ok := make(chan error, 1)
	ok <- nil
	WatchDailyBackup(b, ok)
	WatchDailyBackup(b, nil)
	time.Sleep(100 * time.Millisecond)
	if b.Content.Visible() {
		t.Errorf("the banner shows after a backup that was made: %q", b.backup.Text)
	}
}

// The banner of a failed daily backup says the reason in the UI language
// and the advice that fits it (review s7-10 R8: the English banner's reason
// was Chinese; R9: it said to free disk space whatever the reason).
func TestFailedBackupBannerInTheUILanguage(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), storage.FileName)
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := os.WriteFile(storage.BackupsDir(path), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The daily backup reads the folder first (backup.List), then writes.
	_, _, daily := backup.Daily(st)
	_, write := st.WriteBackup(storage.BackupDaily)
	if daily == nil || write == nil {
		t.Fatalf("a backup into a file went through: %v, %v", daily, write)
	}
	dir := storage.BackupsDir(path)
	for _, c := range []struct {
		lang   string
		failed error
		want   string
	}{
		{"zh", daily, "无法读取备份文件夹 " + dir + "：那里是一个同名的文件，不是文件夹"},
		{"zh", write, "无法在备份文件夹 " + dir + " 写入自动备份：那里是一个同名的文件，不是文件夹"},
		{"en", daily, "could not read the backups folder " + dir + ": a file of that name is there, not a folder"},
		{"en", write, "could not write the automatic backup to the backups folder " + dir + ": a file of that name is there, not a folder"},
	} {
		langtest.Use(t, c.lang)
		b := NewBanner(&fakeFile{})
		b.BackupFailed(c.failed)
		got := b.backup.Text
		if !strings.Contains(got, c.want) || strings.Contains(got, "腾出磁盘空间") || strings.Contains(got, "free some disk space") {
			t.Errorf("%s banner: %q, want %q", c.lang, got, c.want)
		}
		if c.lang == "en" && strings.IndexFunc(got, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			t.Errorf("English banner has Chinese: %q", got)
		}
	}
}
