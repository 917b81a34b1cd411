package xlsx

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// A file that is not there: one Chinese sentence naming it, without the
// system's English ("open …: no such file or directory") after it.
func TestMissingFileIsOneChineseSentence(t *testing.T) {
	name := filepath.Join(t.TempDir(), "不存在.xlsx")
	_, err := readFileLimited(name)
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if !strings.Contains(msg, name) || strings.Contains(msg, "open ") || strings.Contains(msg, "no such file") || strings.Count(msg, name) != 1 {
		t.Errorf("%q", msg)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%v does not keep the cause", err)
	}
}
