// Package portable keeps the app's preferences and caches in the data folder
// beside the program in portable mode (a USB drive: see storage.PortableDir),
// so that the PC keeps no trace of it — not the language, not the last folder
// used (a path on the drive), not a font index.
package portable

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"github.com/go-text/typesetting/fontscan"
)

// Where, inside the data folder, the app keeps its own files.
const (
	PrefsFile = "preferences.json"
	CacheDir  = "cache"
)

// NewApp makes the Fyne app with id. With dir "" it is Fyne's app as usual,
// its preferences in the user's profile. With a data folder dir (portable
// mode) the preferences are dir/preferences.json and the index of the
// system's fonts (which Fyne falls back on for characters its fonts lack)
// is kept in dir/cache.
//
// Fyne makes and watches a preferences folder in the profile when the app
// is made, whatever provides the preferences, and has no option to move it:
// while the app is made, the profile is pointed into dir/cache. Its
// settings folder is watched only when no theme is set; ui.SetupApp sets
// one.
func NewApp(id, dir string) fyne.App {
	if dir == "" {
		return app.NewWithID(id)
	}
	restore := redirectProfile(filepath.Join(dir, CacheDir, "fyne"))
	a := app.NewWithID(id)
	a.SetCloudProvider(&provider{prefs: Open(filepath.Join(dir, PrefsFile))})
	restore()
	// The index is built once per process; building it here first, with a
	// folder, makes Fyne's own later call (with the profile's cache folder)
	// do nothing.
	_ = fontscan.NewFontMap(quiet{}).UseSystemFonts(filepath.Join(dir, CacheDir))
	return a
}

// Holds says whether the data file at path is in the portable data folder
// dir (PortableDir's): the folder can be there while the user opened
// another file.
func Holds(dir, path string) bool {
	if dir == "" || path == "" {
		return false
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// redirectProfile points the environment variable from which Fyne finds its
// configuration folder (fyne.io/fyne/v2/internal/app, config_*.go) to dir,
// and returns the function that puts it back. Nothing else runs meanwhile:
// main calls NewApp before it starts any work.
func redirectProfile(dir string) (restore func()) {
	key := "XDG_CONFIG_HOME" // Linux and BSD: $XDG_CONFIG_HOME/fyne
	switch runtime.GOOS {
	case "windows":
		key = "USERPROFILE" // %USERPROFILE%\AppData\Roaming\fyne
	case "darwin":
		key = "HOME" // ~/Library/Preferences/fyne
	}
	old, had := os.LookupEnv(key)
	_ = os.Setenv(key, dir)
	return func() {
		if had {
			_ = os.Setenv(key, old)
		} else {
			_ = os.Unsetenv(key)
		}
	}
}

// provider hands Fyne the portable preferences: a "cloud provider" is
// Fyne's way to replace an app's preferences, for fyne.CurrentApp() too.
type provider struct{ prefs *Preferences }

func (p *provider) ProviderDescription() string {
	return "支部台账便携模式：设置保存在 data 文件夹"
}
func (p *provider) ProviderIcon() fyne.Resource { return nil }
func (p *provider) ProviderName() string        { return "portable" }
func (p *provider) Setup(fyne.App) error        { return nil }
func (p *provider) Cleanup(fyne.App)            {}

func (p *provider) CloudPreferences(fyne.App) fyne.Preferences { return p.prefs }

// quiet is a fontscan.Logger that keeps the scan's chatter off the console.
type quiet struct{}

func (quiet) Printf(string, ...any) {}
