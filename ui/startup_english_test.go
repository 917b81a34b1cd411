package ui

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

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
		eachLabel(w.Content(), func(_ fyne.CanvasObject, text string) {
			if text != "" {
				texts = append(texts, text)
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

// Files the store refuses on opening — one from a newer version, another
// program's database, an SQLite file without tables, one cut short — are
// said wholly in English in the English window: the detail in brackets
// after the path too (review s8-8 #10: "(文件版本 14，本软件支持到 13)").
func TestRefusedDataFilesAreSaidInEnglish(t *testing.T) {
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	a := test.NewTempApp(t)
	dir := t.TempDir()
	made := func(name string, change func(db *sql.DB)) string {
		path := filepath.Join(dir, name+".db")
		st, err := storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		change(db)
		db.Close()
		return path
	}
	exec := func(stmt string) func(db *sql.DB) {
		return func(db *sql.DB) {
			if _, err := db.Exec(stmt); err != nil {
				t.Fatal(err)
			}
		}
	}
	newer := made("newer", exec("PRAGMA user_version = 999"))
	other := made("other", exec("PRAGMA application_id = 42"))
	bare := filepath.Join(dir, "bare.db")
	db, err := sql.Open("sqlite", bare)
	if err != nil {
		t.Fatal(err)
	}
	exec("PRAGMA user_version = 0")(db) // creates the file: a database with no tables
	db.Close()
	short := made("short", func(*sql.DB) {})
	if err := os.Truncate(short, 60); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{newer, other, bare, short} {
		_, openErr := storage.Open(path)
		_, inspectErr := storage.Inspect(path)
		for _, cause := range []error{openErr, inspectErr} {
			if cause == nil {
				t.Errorf("%s: opened", path)
				continue
			}
			w, _ := NewStartupErrorWindow(a, cause, path, nil)
			var texts []string
			eachLabel(w.Content(), func(_ fyne.CanvasObject, text string) {
				if text != "" {
					texts = append(texts, text)
				}
			})
			w.Close()
			text := strings.Join(texts, "\n")
			if han.MatchString(text) || fullWidth.MatchString(text) {
				t.Errorf("%v: the English window says %q", cause, text)
			}
		}
	}
}
