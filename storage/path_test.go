package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultPath(t *testing.T) {
	config := t.TempDir()
	userConfig := func() (string, error) { return config, nil }
	installed := filepath.Join(config, "branchledger", FileName)

	for _, c := range []struct {
		name  string
		setup func(progDir string) // what is next to the program
		want  func(progDir string) string
	}{
		{"installed", func(string) {}, func(string) string { return installed }},
		{"portable with a data folder", func(d string) { os.Mkdir(filepath.Join(d, "data"), 0o755) },
			func(d string) string { return filepath.Join(d, "data", FileName) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			progDir := filepath.Join(t.TempDir(), "支部台账 U盘版")
			os.MkdirAll(progDir, 0o755)
			c.setup(progDir)
			got, err := defaultPath(filepath.Join(progDir, "branchledger.exe"), userConfig)
			if err != nil || got != c.want(progDir) {
				t.Errorf("defaultPath = %q, %v; want %q", got, err, c.want(progDir))
			}
		})
	}

	// A file named data (新建 → 文件 by mistake) is said, not passed over
	// for the profile: the records would not travel with the drive.
	progDir := t.TempDir()
	os.WriteFile(filepath.Join(progDir, "data"), []byte("x"), 0o644)
	if got, err := defaultPath(filepath.Join(progDir, "branchledger.exe"), userConfig); !errors.Is(err, ErrPortableNotFolder) ||
		!strings.Contains(err.Error(), "不是文件夹") || !strings.Contains(err.Error(), filepath.Join(progDir, "data")) {
		t.Errorf("a file named data: defaultPath = %q, %v; want the error naming it", got, err)
	}

	if _, err := defaultPath("", func() (string, error) { return "", errors.New("$HOME is not defined") }); err == nil {
		t.Error("no config folder: want an error")
	}
}

// The real one, from the test binary's folder (which has no data folder).
func TestDefaultPathOfThisProgram(t *testing.T) {
	got, err := DefaultPath()
	if err != nil {
		t.Skipf("no user config folder here: %v", err)
	}
	if !filepath.IsAbs(got) || filepath.Base(got) != FileName || filepath.Base(filepath.Dir(got)) != "branchledger" {
		t.Errorf("DefaultPath() = %q", got)
	}
}
