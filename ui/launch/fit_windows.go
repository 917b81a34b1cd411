package launch

/*
#cgo LDFLAGS: -luser32
#define WIN32_LEAN_AND_MEAN 1
#define UNICODE 1
#include <windows.h>
#include <stdint.h>

// fitWorkArea maximizes w when it is larger than the work area of the
// monitor it is on (the screen less the taskbar), and says whether it did.
static int fitWorkArea(uintptr_t h) {
	HWND w = (HWND)h;
	RECT r;
	MONITORINFO mi;
	HMONITOR m;
	if (!GetWindowRect(w, &r)) {
		return 0;
	}
	m = MonitorFromWindow(w, MONITOR_DEFAULTTONEAREST);
	mi.cbSize = sizeof(mi);
	if (!m || !GetMonitorInfoW(m, &mi)) {
		return 0;
	}
	if (r.right - r.left <= mi.rcWork.right - mi.rcWork.left &&
	    r.bottom - r.top <= mi.rcWork.bottom - mi.rcWork.top) {
		return 0;
	}
	ShowWindow(w, SW_MAXIMIZE);
	return 1;
}
*/
import "C"

import (
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// fitScreen maximizes w, just shown, when its size does not fit the screen:
// the default size suits a 1366×768 laptop, and Windows would leave a
// larger window running off a 1024×768 screen with its right edge out of
// reach.
func fitScreen(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		if c, ok := ctx.(driver.WindowsWindowContext); ok && c.HWND != 0 {
			if C.fitWorkArea(C.uintptr_t(c.HWND)) != 0 {
				log.Printf("the window is larger than the screen: maximized")
			}
		}
	})
}
