package launch

import "fyne.io/fyne/v2"

// Still makes a the current Fyne app with animations off, and returns it
// so: the text cursor's fading, a button's ripple and sliding tabs.
//
// Why: in 兼容模式 (software rendering) each frame repaints the whole
// window on the CPU, about 0.1–0.3 s at 1366×768. The text cursor alone
// fades a dozen frames a second while a field has focus, which kept a core
// a quarter busy with the user doing nothing, and made typed characters
// appear seconds late on a busy PC. Fyne has no switch for this but its
// user settings file, which is shared by every Fyne program (and would be
// a trace on the PC in portable mode), or a build tag, which would need a
// second program for 兼容模式. The cursor then shows steadily.
func Still(a fyne.App) fyne.App {
	s := &stillApp{App: a, settings: stillSettings{a.Settings()}}
	fyne.SetCurrentApp(s)
	return s
}

type stillApp struct {
	fyne.App
	settings stillSettings
}

func (a *stillApp) Settings() fyne.Settings { return a.settings }

type stillSettings struct{ fyne.Settings }

func (stillSettings) ShowAnimations() bool { return false }
