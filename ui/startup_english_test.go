package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/storage"
)

// The start-up error window of the English UI says why in English: the
// store's sentences (in use, damaged, a file named data …) are translated,
// the path stays as it is.
func TestStartupErrorInEnglish(t *testing.T) {
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	a := test.NewTempApp(t)
	path := filepath.Join(`D:\台账`, "branchledger.db")
	for _, cause := range []error{
		fmt.Errorf("%w：%s", storage.ErrLocked, path),
		fmt.Errorf("%w：%s", storage.ErrDamaged, path),
		fmt.Errorf("%w：%s", storage.ErrPortableNotFolder, `D:\支部台账\data`),
	} {
		w, _ := NewStartupErrorWindow(a, cause, path, nil)
		var texts []string
		walk(w.Content(), func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Text != "" {
				texts = append(texts, l.Text)
			}
		})
		w.Close()
		text := strings.Join(texts, "\n")
		for _, p := range []string{path, `D:\支部台账\data`} {
			text = strings.ReplaceAll(text, p, "")
		}
		if han.MatchString(text) || !strings.Contains(text, "Cannot open the data file") {
			t.Errorf("%v: the English window says %q", cause, text)
		}
	}
}
