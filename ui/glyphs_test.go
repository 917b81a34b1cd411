package ui

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"branchledger/assets"
)

// faces are the fonts text is drawn with, in Fyne's order of preference:
// the theme's font for the style, then Fyne's default for it.
func faces(t *testing.T, style fyne.TextStyle) []*font.Face {
	t.Helper()
	fallback := theme.DefaultTextFont()
	if style.Bold {
		fallback = theme.DefaultTextBoldFont()
	}
	var out []*font.Face
	for _, r := range []fyne.Resource{NewTheme().Font(style), fallback} {
		f, err := font.ParseTTF(bytes.NewReader(r.Content()))
		if err != nil {
			t.Fatalf("font %s: %v", r.Name(), err)
		}
		out = append(out, f)
	}
	return out
}

// TestTheBundledFontsDrawEveryTranslatedString walks every string of every
// translation file, and every string and character literal of the UI's
// code (the roster's ▲ ▼, the ← of a transfer in, the → of a change: text
// put together in code, never translated), and checks that the fonts the app bundles have a glyph
// for each character, in regular and bold text: a character they lack is
// drawn from a system font when the PC has one, and as a box when not.
func TestTheBundledFontsDrawEveryTranslatedString(t *testing.T) {
	var texts []string
	err := fs.WalkDir(assets.Translations, assets.TranslationsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".json" {
			return err
		}
		lang := path.Base(path.Dir(p))
		m, err := assets.MessageMap(lang)
		if err != nil {
			return err
		}
		for k, v := range m {
			texts = append(texts, k)
			switch v := v.(type) {
			case string:
				texts = append(texts, v)
			case map[string]any:
				for _, form := range v {
					texts = append(texts, fmt.Sprint(form))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, codeLiterals(t)...)
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		fs := faces(t, style)
		missing := map[rune][]string{}
		for _, s := range texts {
			for _, r := range s {
				if unicode.IsControl(r) || r == ' ' {
					continue
				}
				found := false
				for _, f := range fs {
					if _, ok := f.NominalGlyph(r); ok {
						found = true
						break
					}
				}
				if !found && len(missing[r]) < 3 {
					missing[r] = append(missing[r], s)
				}
			}
		}
		runes := make([]rune, 0, len(missing))
		for r := range missing {
			runes = append(runes, r)
		}
		sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
		for _, r := range runes {
			t.Errorf("bold=%v: no bundled font has %q (U+%04X), used in %s", style.Bold, r, r, strings.Join(quote(missing[r]), ", "))
		}
	}
}

// codeLiterals are the string and character literals of every non-test Go
// file of the ui packages.
func codeLiterals(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && (lit.Kind == token.STRING || lit.Kind == token.CHAR) {
				if v, err := strconv.Unquote(lit.Value); err == nil {
					out = append(out, v)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 1000 {
		t.Fatalf("only %d literals in the ui packages' code", len(out))
	}
	return out
}

func quote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
