package assets

import (
	"bytes"
	"image/png"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/go-text/typesetting/font"
)

func TestIconIsA512PixelSquarePNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon.Content()))
	if err != nil {
		t.Fatalf("decode icon.png: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("icon.png is %dx%d, want 512x512", b.Dx(), b.Dy())
	}
}

// The font must cover every Chinese character the UI shows, or a secretary
// sees boxes on a PC without Chinese fonts. Parsed with go-text, as Fyne does.
func TestCJKFontCoversUIText(t *testing.T) {
	face, err := font.ParseTTF(bytes.NewReader(CJKFont.Content()))
	if err != nil {
		t.Fatalf("parse %s: %v", CJKFont.Name(), err)
	}
	text := "党员花名册支部台账预备党员正式党员入党转正党费组织生活发展对象积极分子"
	for _, value := range readTranslations(t, "zh") {
		text += strings.Join(texts(value), "")
	}
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			continue // Latin, digits and punctuation come from Fyne's default font
		}
		if _, ok := face.NominalGlyph(r); !ok {
			t.Errorf("%s has no glyph for %q (U+%04X)", CJKFont.Name(), r, r)
		}
	}
}

func TestTranslationsHaveTheSameKeysInEveryLanguage(t *testing.T) {
	en := readTranslations(t, "en")
	zh := readTranslations(t, "zh")
	for _, key := range slices.Sorted(maps.Keys(en)) {
		if _, ok := zh[key]; !ok {
			t.Errorf("zh: missing %q (en: %v)", key, en[key])
		}
	}
	for _, key := range slices.Sorted(maps.Keys(zh)) {
		if _, ok := en[key]; !ok {
			t.Errorf("en: missing %q (zh: %v)", key, zh[key])
		}
	}
	for name, m := range map[string]map[string]any{"en": en, "zh": zh} {
		for key, value := range m {
			if slices.Contains(texts(value), "") {
				t.Errorf("%s: %q has an empty text", name, key)
			}
		}
	}
}

func TestTranslationsLoadIntoFyne(t *testing.T) {
	for _, l := range []string{"zh", "en"} {
		data, err := Messages(l)
		if err != nil {
			t.Fatal(err)
		}
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(l)); err != nil {
			t.Fatalf("lang.AddTranslationsForLocale(%s): %v", l, err)
		}
	}
}

// Every area file exists in both languages, so that an area's strings are
// found where a translator looks for them.
func TestEveryAreaFileIsInBothLanguages(t *testing.T) {
	names := func(l string) []string {
		files, err := fs.Glob(Translations, TranslationsDir+"/"+l+"/*.json")
		if err != nil {
			t.Fatal(err)
		}
		for i := range files {
			files[i] = path.Base(files[i])
		}
		return files
	}
	if zh, en := names("zh"), names("en"); !slices.Equal(zh, en) {
		t.Errorf("area files differ: zh %v, en %v", zh, en)
	}
}

// readTranslations reads one language's merged strings: each key maps to a
// text or, for lang.N, to an object of plural forms ({"one": ..., "other": ...}).
func readTranslations(t *testing.T, language string) map[string]any {
	t.Helper()
	m, err := MessageMap(language)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// texts returns the strings in a translation value, plural forms included.
func texts(value any) []string {
	switch v := value.(type) {
	case string:
		return []string{v}
	case map[string]any:
		var all []string
		for _, form := range v {
			all = append(all, texts(form)...)
		}
		return all
	default:
		return []string{""} // reported as empty: not something Fyne can show
	}
}

// An amount in an English sentence reads ¥35.57, as the dues pages and the
// history lines say it, not "35.57 yuan" (issue 8): every key that puts 元
// after an amount has ¥ before that amount in English.
func TestEnglishAmountsAreWrittenWithTheYenSign(t *testing.T) {
	amount := regexp.MustCompile(`\{\{\.(\w+)\}\} ?元`)
	for key, value := range readTranslations(t, "en") {
		for _, m := range amount.FindAllStringSubmatch(key, -1) {
			for _, text := range texts(value) {
				if !strings.Contains(text, "¥{{."+m[1]+"}}") {
					t.Errorf("%q: English %q does not say {{.%s}} as ¥{{.%s}}", key, text, m[1], m[1])
				}
			}
		}
	}
}
