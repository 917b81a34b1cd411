package launch

import "golang.org/x/sys/windows"

// showMessage shows a Windows message box: drawn by the system with GDI, it
// needs no OpenGL, and it comes to the front though the program has no
// window yet.
func showMessage(title, text string) {
	t, err1 := windows.UTF16PtrFromString(title)
	m, err2 := windows.UTF16PtrFromString(text)
	if err1 != nil || err2 != nil {
		return
	}
	_, _ = windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND|windows.MB_TOPMOST)
}
