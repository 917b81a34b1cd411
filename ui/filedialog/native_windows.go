package filedialog

import (
	"fmt"
	"runtime"
	"syscall"
	"unicode/utf16"
	"unsafe"

	"github.com/TheTitanrain/w32"
	"golang.org/x/sys/windows"
)

func systemDialogs() nativeDialogs { return windowsDialogs{} }

// windowsDialogs are the common file dialogs of Windows (GetOpenFileNameW and
// GetSaveFileNameW, which show the Explorer-style dialog). They are called
// here rather than through sqweek/dialog, which shows 以只读方式打开 (it
// cannot pass OFN_HIDEREADONLY) and adds every file to the PC's recent
// documents.
type windowsDialogs struct{}

func (windowsDialogs) open(title, dir string, f Filter) (string, error) {
	return onDialogThread(func() (string, error) {
		d := newFileDialog(openFlags, title, dir, "", f)
		return d.result(w32.GetOpenFileName(&d.ofn))
	})
}

func (windowsDialogs) save(title, dir, name string, f Filter) (string, error) {
	return onDialogThread(func() (string, error) {
		d := newFileDialog(saveFlags, title, dir, name, f)
		return d.result(w32.GetSaveFileName(&d.ofn))
	})
}

// fileDialog is an OPENFILENAMEW with the buffers it points into.
type fileDialog struct {
	ofn     w32.OPENFILENAME
	file    []uint16 // the name typed or chosen
	filters []uint16 // "Excel 工作簿\0*.xlsx\0\0"
}

// fileBuffer is the length of the buffer for the chosen path: with
// OFN_EXPLORER it may exceed MAX_PATH (a long folder on a USB drive).
const fileBuffer = 4096

func newFileDialog(flags uint32, title, dir, name string, f Filter) *fileDialog {
	d := &fileDialog{file: make([]uint16, fileBuffer)}
	copy(d.file[:fileBuffer-1], utf16.Encode([]rune(name)))
	d.ofn = w32.OPENFILENAME{File: &d.file[0], MaxFile: fileBuffer, Flags: flags}
	d.ofn.StructSize = uint32(unsafe.Sizeof(d.ofn))
	if dir != "" {
		d.ofn.InitialDir, _ = syscall.UTF16PtrFromString(dir)
	}
	if title != "" {
		d.ofn.Title, _ = syscall.UTF16PtrFromString(title)
	}
	if len(f.Extensions) > 0 {
		d.filters = utf16.Encode([]rune(filterString(f)))
		d.ofn.Filter = &d.filters[0]
	}
	return d
}

// result is the path chosen, "" and no error when the user cancelled.
func (d *fileDialog) result(ok bool) (string, error) {
	runtime.KeepAlive(d)
	if !ok {
		if code := w32.CommDlgExtendedError(); code != 0 {
			return "", fmt.Errorf("CommDlgExtendedError: %#x", code)
		}
		return "", nil
	}
	return windows.UTF16ToString(d.file), nil
}

// onDialogThread runs a common dialog on a thread of its own with COM set up
// as the shell's folder views want it (single-threaded apartment).
func onDialogThread(show func() (string, error)) (string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED); err == nil {
		defer windows.CoUninitialize()
	}
	return show()
}
