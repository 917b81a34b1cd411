//go:build !windows && !((linux || freebsd || openbsd || netbsd) && !wayland && !wasm)

package launch

import "fyne.io/fyne/v2"

// fitScreen does nothing here: the system keeps a new window on the screen.
func fitScreen(fyne.Window) {}
