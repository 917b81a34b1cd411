package kit

import (
	"os/exec"
	"runtime"

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
// #3). Waiting reaps it and reads its exit status. On Windows, windows
// opens it as before (Explorer's exit status says nothing: it is non-zero
// even when the window opened), and only a failure to start is reported.
func OpenLocal(win fyne.Window, doing, path, target string, windows func() error) {
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
