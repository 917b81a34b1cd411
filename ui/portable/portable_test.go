package portable

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/theme"
)

func TestPreferencesSurviveARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", PrefsFile)
	p := Open(path)
	changes := 0
	p.AddChangeListener(func() { changes++ })
	p.SetString("language", "en")
	p.SetString("last-folder", `E:\党建 资料\导出`)
	p.SetInt("fyne:fileDialogViewType", 1)
	p.SetBool("b", true)
	p.SetFloat("f", 1.5)
	p.SetIntList("il", []int{3, 4})
	p.SetStringList("sl", []string{"甲", "乙"})
	p.SetBoolList("bl", []bool{true, false})
	p.SetFloatList("fl", []float64{0.5})
	p.SetString("gone", "x")
	p.RemoveValue("gone")
	if changes != 11 {
		t.Errorf("%d change notices, want 11", changes)
	}
	for _, q := range []*Preferences{p, Open(path)} {
		if q.String("language") != "en" || q.String("last-folder") != `E:\党建 资料\导出` {
			t.Errorf("strings: %q %q", q.String("language"), q.String("last-folder"))
		}
		if q.Int("fyne:fileDialogViewType") != 1 || !q.Bool("b") || q.Float("f") != 1.5 {
			t.Errorf("int %d, bool %v, float %v", q.Int("fyne:fileDialogViewType"), q.Bool("b"), q.Float("f"))
		}
		if !slices.Equal(q.IntList("il"), []int{3, 4}) || !slices.Equal(q.StringList("sl"), []string{"甲", "乙"}) ||
			!slices.Equal(q.BoolList("bl"), []bool{true, false}) || !slices.Equal(q.FloatList("fl"), []float64{0.5}) {
			t.Errorf("lists: %v %v %v %v", q.IntList("il"), q.StringList("sl"), q.BoolList("bl"), q.FloatList("fl"))
		}
		if q.StringWithFallback("gone", "default") != "default" || q.IntWithFallback("language", 7) != 7 {
			t.Error("a removed or mistyped key does not give the fallback")
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the data folder holds %d files, want only %s (no temporary files left)", len(entries), PrefsFile)
	}
}

func TestADamagedPreferencesFileStartsAfresh(t *testing.T) {
	path := filepath.Join(t.TempDir(), PrefsFile)
	if err := os.WriteFile(path, []byte(`{"language": "en", `), 0o644); err != nil {
		t.Fatal(err)
	}
	p := Open(path)
	if got := p.StringWithFallback("language", "zh"); got != "zh" {
		t.Errorf("language = %q from a half-written file, want the default", got)
	}
	p.SetString("language", "en")
	if got := Open(path).String("language"); got != "en" {
		t.Errorf("after saving, language = %q", got)
	}
}

// TestPortableModeLeavesNoTraceInTheProfile makes the real Fyne app in
// portable mode, with the user's profile in a temporary folder, and checks
// that the profile stays empty while the data folder gets the preferences
// and the font index.
func TestPortableModeLeavesNoTraceInTheProfile(t *testing.T) {
	profile := t.TempDir()
	t.Setenv("HOME", profile)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(profile, ".config"))
	t.Setenv("XDG_CACHE_HOME", filepath.Join(profile, ".cache"))
	// Not t.TempDir: Fyne's watcher of its preferences folder (now under
	// data/cache) makes it again as the folder is removed, racing the
	// clean-up; remove it until it stays removed.
	top, err := os.MkdirTemp("", "portable")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 20 {
			if os.RemoveAll(top) == nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	data := filepath.Join(top, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	a := NewApp("cn.branchledger.test", data)
	a.Settings().SetTheme(theme.DefaultTheme()) // as ui.SetupApp does
	a.Preferences().SetString("language", "en")
	a.Preferences().SetString("last-folder", "/media/usb/导出")

	if got := Open(filepath.Join(data, PrefsFile)).String("last-folder"); got != "/media/usb/导出" {
		t.Errorf("data/%s holds last-folder %q", PrefsFile, got)
	}
	if _, err := os.Stat(filepath.Join(data, CacheDir)); err != nil {
		t.Errorf("no font index under data/%s: %v", CacheDir, err)
	}
	var traces []string
	_ = filepath.Walk(profile, func(path string, _ os.FileInfo, _ error) error {
		if path != profile {
			traces = append(traces, path)
		}
		return nil
	})
	if len(traces) > 0 {
		t.Errorf("portable mode left traces in the user's profile: %q", traces)
	}
}

// Holds tells the portable folder's data file from one opened elsewhere.
func TestHolds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	for _, c := range []struct {
		dir, path string
		want      bool
	}{
		{dir, filepath.Join(dir, "branchledger.db"), true},
		{dir, filepath.Join(dir, "旧", "a.db"), true},
		{dir, filepath.Join(filepath.Dir(dir), "data2", "a.db"), false},
		{dir, filepath.Join(filepath.Dir(dir), "a.db"), false},
		{"", filepath.Join(dir, "branchledger.db"), false},
		{dir, "", false},
	} {
		if got := Holds(c.dir, c.path); got != c.want {
			t.Errorf("Holds(%q, %q) = %v, want %v", c.dir, c.path, got, c.want)
		}
	}
}
