// Package assets holds the files compiled into the executable: the CJK font,
// the application icon and the UI translations. Everything is embedded so the
// app runs from a USB stick on a machine with no Chinese fonts installed.
package assets

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sync"

	"fyne.io/fyne/v2"
)

// The font is stored gzip-compressed (4.0 MB → 2.1 MB): the Windows program
// must stay within its size limit (issue 10), and unpacking takes a few
// milliseconds, once, when Fyne first draws text.
//
//go:embed fonts/DroidSansFallbackFull.ttf.gz
var cjkFontGz []byte

//go:embed icon.png
var icon []byte

// CJKFont is Droid Sans Fallback (Apache-2.0, see fonts/NOTICE). Fyne never
// uses system fonts, and its default font has no Chinese glyphs.
var CJKFont fyne.Resource = &gzResource{name: "DroidSansFallbackFull.ttf", gz: cjkFontGz}

// gzResource is a resource embedded gzip-compressed, unpacked on first use.
type gzResource struct {
	name string
	gz   []byte
	once sync.Once
	data []byte
}

func (r *gzResource) Name() string { return r.name }

// Content is the unpacked file. The data is compiled in and checked by the
// tests, so a failure to unpack is a broken build: it panics.
func (r *gzResource) Content() []byte {
	r.once.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(r.gz))
		if err != nil {
			panic(fmt.Sprintf("assets: %s: %v", r.name, err))
		}
		if r.data, err = io.ReadAll(zr); err != nil {
			panic(fmt.Sprintf("assets: %s: %v", r.name, err))
		}
	})
	return r.data
}

// Icon is the 512x512 application icon; FyneApp.toml points at the same file.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", icon)

// Translations holds the UI strings, one folder per language
// (translations/zh, translations/en) and in it one go-i18n file per area of
// the app (base.json for the roster, activities and dues, recruit.json …), so
// that the areas are kept apart. Messages merges a language's files.
//
//go:embed translations
var Translations embed.FS

// TranslationsDir is the directory inside Translations that holds the
// language folders.
const TranslationsDir = "translations"

// Messages returns one language's strings ("zh" or "en") as one go-i18n JSON
// object, merged from the area files of its folder: each key maps to a text
// or, for lang.N, to an object of plural forms. It fails when the folder is
// missing, a file is not a JSON object, or two files give one key different
// texts.
func Messages(language string) ([]byte, error) {
	m, err := MessageMap(language)
	if err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

// MessageMap is Messages decoded: key → text, or key → plural forms.
func MessageMap(language string) (map[string]any, error) {
	dir := path.Join(TranslationsDir, language)
	files, err := fs.Glob(Translations, dir+"/*.json")
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no translations for %q in %s", language, dir)
	}
	slices.Sort(files)
	merged := map[string]any{}
	from := map[string]string{}
	for _, name := range files {
		data, err := Translations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s is not a JSON object: %w", name, err)
		}
		for k, v := range m {
			if old, ok := merged[k]; ok && !sameJSON(old, v) {
				return nil, fmt.Errorf("%s and %s translate %q differently", from[k], name, k)
			}
			merged[k], from[k] = v, name
		}
	}
	return merged, nil
}

func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
