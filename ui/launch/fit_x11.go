//go:build (linux || freebsd || openbsd || netbsd) && !wayland && !wasm

package launch

import (
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// fitScreen shrinks w, just shown, to the primary monitor's work area when
// its default size (made for a 1366×768 laptop) is larger: on a 1024 px
// screen, or an X server without a window manager to keep it on screen, the
// right edge and its buttons were out of reach. It asks once the event loop
// runs, on its thread (GLFW's rule), since asking X11 before then keeps the
// new window from being painted (see windowMade).
func fitScreen(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return // not a desktop window (tests)
	}
	x11 := false
	nw.RunNative(func(ctx any) { _, x11 = ctx.(driver.X11WindowContext) })
	if !x11 {
		return
	}
	go fyne.Do(func() {
		m := glfw.GetPrimaryMonitor()
		if m == nil {
			return
		}
		_, _, width, height := m.GetWorkarea()
		scale := w.Canvas().Scale()
		if width <= 0 || height <= 0 || scale <= 0 {
			return
		}
		most := fyne.NewSize(float32(width)/scale, float32(height)/scale)
		size := w.Canvas().Size()
		if size.Width <= most.Width && size.Height <= most.Height {
			return
		}
		log.Printf("the window (%v) is larger than the screen's work area (%v): made to fit", size, most)
		w.Resize(fyne.NewSize(min(size.Width, most.Width), min(size.Height, most.Height)))
	})
}
