package filedialog

import (
	"errors"
	"runtime"
	"strings"

	"github.com/sqweek/dialog"
	"golang.org/x/sys/windows"
)

func systemDialogs() nativeDialogs { return windowsDialogs{} }

// windowsDialogs are the common file dialogs of Windows (GetOpenFileNameW and
// GetSaveFileNameW, which show the Explorer-style dialog).
type windowsDialogs struct{}

func (windowsDialogs) open(title, dir string, f Filter) (string, error) {
	return onDialogThread(func() (string, error) {
		return builder(title, dir, f).Load()
	})
}

func (windowsDialogs) save(title, dir, name string, f Filter) (string, error) {
	return onDialogThread(func() (string, error) {
		return builder(title, dir, f).SetStartFile(name).Save()
	})
}

func builder(title, dir string, f Filter) *dialog.FileBuilder {
	exts := make([]string, len(f.Extensions))
	for i, e := range f.Extensions {
		exts[i] = strings.TrimPrefix(e, ".")
	}
	return dialog.File().Title(title).SetStartDir(dir).Filter(f.Description, exts...)
}

// onDialogThread runs a common dialog on a thread of its own with COM set up
// as the shell's folder views want it (single-threaded apartment); a
// cancelled dialog comes back as "" and no error.
func onDialogThread(show func() (string, error)) (string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED); err == nil {
		defer windows.CoUninitialize()
	}
	path, err := show()
	if errors.Is(err, dialog.ErrCancelled) {
		return "", nil
	}
	return path, err
}
