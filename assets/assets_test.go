package assets

import (
	"bytes"
	"encoding/json"
	"image/png"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode"

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
	for _, value := range readTranslations(t, "zh.json") {
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
	en := readTranslations(t, "en.json")
	zh := readTranslations(t, "zh.json")
	for _, key := range slices.Sorted(maps.Keys(en)) {
		if _, ok := zh[key]; !ok {
			t.Errorf("zh.json: missing %q (en: %v)", key, en[key])
		}
	}
	for _, key := range slices.Sorted(maps.Keys(zh)) {
		if _, ok := en[key]; !ok {
			t.Errorf("en.json: missing %q (zh: %v)", key, zh[key])
		}
	}
	for name, m := range map[string]map[string]any{"en.json": en, "zh.json": zh} {
		for key, value := range m {
			if slices.Contains(texts(value), "") {
				t.Errorf("%s: %q has an empty text", name, key)
			}
		}
	}
}

func TestTranslationsLoadIntoFyne(t *testing.T) {
	if err := lang.AddTranslationsFS(Translations, TranslationsDir); err != nil {
		t.Fatalf("lang.AddTranslationsFS: %v", err)
	}
}

// readTranslations reads one go-i18n file: each key maps to a text or, for
// lang.N, to an object of plural forms ({"one": ..., "other": ...}).
func readTranslations(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := Translations.ReadFile(TranslationsDir + "/" + name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s is not a JSON object: %v", name, err)
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
