// Package portable keeps the app's preferences and caches in the data folder
// beside the program in portable mode (a USB drive: see storage.PortableDir),
// so that the PC keeps no trace of it — not the language, not the last folder
// used (a path on the drive), not a font index.
package portable

import (
	"os"
	"path/filepath"
	"runtime"

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
// mode) the preferences are dir/preferences.json, the index of the system's
// fonts (which Fyne falls back on for characters its fonts lack) is kept in
// dir/cache, and the empty folders Fyne makes in the user's profile while
// starting are removed again.
func NewApp(id, dir string) fyne.App {
	if dir == "" {
		return app.NewWithID(id)
	}
	fresh := missingDirs(fyneConfigDir(id))
	a := app.NewWithID(id)
	a.SetCloudProvider(&provider{prefs: Open(filepath.Join(dir, PrefsFile))})
	for _, d := range fresh {
		_ = os.Remove(d) // only if still empty
	}
	// The index is built once per process; building it here first, with a
	// folder, makes Fyne's own later call (with the profile's cache folder)
	// do nothing.
	_ = fontscan.NewFontMap(quiet{}).UseSystemFonts(filepath.Join(dir, CacheDir))
	return a
}

// fyneConfigDir is the folder where Fyne keeps an app's preferences
// (fyne.io/fyne/v2/internal/app, config_*.go) and which it makes, with its
// parents, when the app is made.
func fyneConfigDir(id string) string {
	var root string
	switch runtime.GOOS {
	case "windows":
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		root = filepath.Join(home, "AppData", "Roaming", "fyne")
	case "darwin":
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		root = filepath.Join(home, "Library", "Preferences", "fyne")
	default:
		cfg, err := os.UserConfigDir()
		if err != nil {
			return ""
		}
		root = filepath.Join(cfg, "fyne")
	}
	return filepath.Join(root, id)
}

// missingDirs are dir and those of its parents that do not exist, innermost
// first.
func missingDirs(dir string) []string {
	var missing []string
	for dir != "" && dir != filepath.Dir(dir) {
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			break
		}
		missing = append(missing, dir)
		dir = filepath.Dir(dir)
	}
	return missing
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
