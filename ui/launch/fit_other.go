//go:build !windows

package launch

import "fyne.io/fyne/v2"

// fitScreen does nothing here: X11 window managers keep a new window on the
// screen themselves (and asking X11 before the event loop runs keeps the
// window from being painted; see windowMade).
func fitScreen(fyne.Window) {}
