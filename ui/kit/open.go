package kit

import (
	"net/url"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
)

// opener is the program that opens a file or folder with the user's
// default application, looked up on PATH: macOS's open, the freedesktop
// xdg-open on Linux and the BSDs.
func opener() string {
	if runtime.GOOS == "darwin" {
		return "open"
	}
	return "xdg-open"
}

// OpenLocal opens target, a file or a folder, with the system's default
// application, and when the system says it could not, tells the user so
// with OpenFailed (doing, path). It returns at once.
//
// Outside Windows it runs the opener itself and waits for it in the
// background: xdg-open that finds no program for a folder exits 3 ("no
// method available") after starting fine, and Fyne's OpenURL, which only
// starts it, said nothing and left the child a zombie (review s13-newuser
// #3). Waiting reaps it and reads its exit status. On Windows it hands
// FileURL(target) to Fyne's OpenURL (Explorer's exit status says nothing:
// it is non-zero even when the window opened), and only a failure to start
// is reported.
func OpenLocal(win fyne.Window, doing, path, target string) {
	openLocal(win, doing, path, target, func() error { return fyne.CurrentApp().OpenURL(FileURL(target)) })
}

// RevealLocal opens the folder that holds path in the system's file
// manager: Explorer with the file selected on Windows, the folder
// elsewhere; when the system cannot, it says so, as OpenLocal.
func RevealLocal(win fyne.Window, path string) {
	openLocal(win, "打开文件夹", path, filepath.Dir(path), func() error {
		// Explorer reports failure through its exit status even when it
		// opened the window, so only failing to start it is an error.
		return exec.Command("explorer", "/select,", filepath.Clean(path)).Start()
	})
}

// FileURL is a file:// URL for OpenURL, which hands it to the system
// (rundll32 FileProtocolHandler on Windows, xdg-open on Linux). The path is
// left unescaped: Windows may decode %-escapes in file URLs in the ANSI code
// page, which would garble a Chinese file name; and a drive letter gets its
// leading slash (file:///C:/…), which url.URL{Path: "C:/…"} does not give.
func FileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/… → /C:/Users/…
	}
	return &url.URL{Scheme: "file", Opaque: "//" + p}
}

// openLocal is OpenLocal with what to do on Windows given; tests give it
// a stub.
func openLocal(win fyne.Window, doing, path, target string, windows func() error) {
	if runtime.GOOS == "windows" {
		if err := windows(); err != nil {
			OpenFailed(win, doing, path, err)
		}
		return
	}
	cmd := exec.Command(opener(), target)
	if err := cmd.Start(); err != nil {
		OpenFailed(win, doing, path, err)
		return
	}
	go func() {
		if err := cmd.Wait(); err != nil {
			fyne.Do(func() { OpenFailed(win, doing, path, err) })
		}
	}()
}
