package kit

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fakeOpener puts an opener (xdg-open, open) first on PATH that exits with
// status; it records what it was asked to open in the file returned.
func fakeOpener(t *testing.T, status int) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("Windows opens files through the shell, not an opener on PATH")
	}
	dir := t.TempDir()
	asked := filepath.Join(dir, "asked")
	script := "#!/bin/sh\necho \"$1\" > '" + asked + "'\nexit " + string(rune('0'+status)) + "\n"
	for _, name := range []string{"xdg-open", "open"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return asked
}

// overlayText is the text of the dialogs shown on w, once one is shown or
// after a while.
func overlayText(w fyne.Window, wait time.Duration) string {
	for end := time.Now().Add(wait); ; time.Sleep(20 * time.Millisecond) {
		if top := w.Canvas().Overlays().Top(); top != nil || time.Now().After(end) {
			if top == nil {
				return ""
			}
			return test.RenderObjectToMarkup(top)
		}
	}
}

// An opener that runs and fails (xdg-open without a program for folders
// exits 3) is reported in one sentence with the path; one that succeeds
// says nothing (review s13-newuser #3: the failure was silent).
func TestOpenLocalSaysWhenTheOpenerFails(t *testing.T) {
	for _, tc := range []struct {
		status int
		says   bool
	}{{3, true}, {0, false}} {
		test.NewTempApp(t)
		asked := fakeOpener(t, tc.status)
		w := test.NewTempWindow(t, nil)
		w.Resize(fyne.NewSize(1024, 700))
		openLocal(w, "打开文件夹", "/data/exports/花名册.xlsx", "/data/exports", func() error { return nil })
		wait := 3 * time.Second
		if !tc.says {
			wait = 500 * time.Millisecond
		}
		got := overlayText(w, wait)
		if said := strings.Contains(got, "系统未能打开文件夹") && strings.Contains(got, "/data/exports/花名册.xlsx"); said != tc.says {
			t.Errorf("opener exiting %d: the window shows %q", tc.status, got)
		}
		if b, err := os.ReadFile(asked); err != nil || strings.TrimSpace(string(b)) != "/data/exports" {
			t.Errorf("opener exiting %d was asked %q (%v)", tc.status, b, err)
		}
	}
}

// The URL handed to Windows keeps a drive letter's path absolute and a
// Chinese name unescaped: url.URL{Path: "C:/…"} gave file:C:/… with the
// name %-escaped, which the backup and workspace dialogs used to open.
func TestFileURL(t *testing.T) {
	if got := FileURL(`C:\Users\书记\党员花名册.xlsx`).String(); got != "file:///C:/Users/书记/党员花名册.xlsx" && got != `file:///C:\Users\书记\党员花名册.xlsx` {
		t.Errorf("FileURL of a Windows path = %q", got)
	}
	if got := FileURL("C:/Users/书记/备份").String(); got != "file:///C:/Users/书记/备份" {
		t.Errorf("FileURL of a Windows folder = %q", got)
	}
	if got := FileURL("/home/书记/a b.xlsx").String(); got != "file:///home/书记/a b.xlsx" {
		t.Errorf("FileURL of a Linux path = %q", got)
	}
}
