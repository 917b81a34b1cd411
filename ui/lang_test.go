package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"branchledger/assets"
	"branchledger/model"
)

// translated are the calls whose first argument is a Chinese UI string that
// is looked up in the translation files.
var translated = map[string]bool{"L": true, "newCell": true, "cell": true, "heading": true, "showError": true, "progress": true, "saveWorkbook": true, "writeWorkbook": true, "chooseFile": true, "failed": true, "labelled": true}

// uiStrings collects every Chinese string the UI translates: literals passed
// to lang.L and the helpers that call it, column titles, and the tables of
// labels kept in variables.
func uiStrings(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" {
			seen[s] = true
		}
	}
	lit := func(e ast.Expr) {
		if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
			s, err := strconv.Unquote(b.Value)
			if err != nil {
				t.Fatal(err)
			}
			add(s)
		}
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				var fn string
				switch f := n.Fun.(type) {
				case *ast.Ident:
					fn = f.Name
				case *ast.SelectorExpr:
					fn = f.Sel.Name
				}
				if translated[fn] && len(n.Args) > 0 {
					lit(n.Args[0])
				}
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && (id.Name == "column" || id.Name == "textColumn") && len(n.Elts) > 0 {
					if kv, ok := n.Elts[0].(*ast.KeyValueExpr); ok {
						lit(kv.Value)
					} else {
						lit(n.Elts[0])
					}
				}
				if at, ok := n.Type.(*ast.ArrayType); ok && at.Len == nil {
					if id, ok := at.Elt.(*ast.Ident); ok && id.Name == "textColumn" {
						for _, e := range n.Elts {
							if c, ok := e.(*ast.CompositeLit); ok && len(c.Elts) > 0 {
								lit(c.Elts[0])
							}
						}
					}
				}
			}
			return true
		})
	}
	// Strings that reach lang.L through variables.
	for _, s := range []string{screenHome, screenRoster, screenSettings, screenActivities, datePlaceholder} {
		add(s)
	}
	for _, list := range [][]string{categoryChoices, standingChoices, mobileChoices, lostChoices, leftChoices, countTitles} {
		for _, s := range list {
			add(s)
		}
	}
	for _, fi := range model.MemberFields {
		add(fi.Label)
	}
	for _, s := range []model.Severity{model.Info, model.Warning, model.Serious} {
		add(s.String())
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

func readTranslations(t *testing.T, l Language) map[string]any {
	t.Helper()
	data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + string(l) + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", l, err)
	}
	return m
}

var placeholder = regexp.MustCompile(`{{\s*\.\w+\s*}}`)

func TestEveryUIStringIsTranslated(t *testing.T) {
	en, zh := readTranslations(t, English), readTranslations(t, Chinese)
	for _, s := range uiStrings(t) {
		if _, ok := zh[s]; !ok {
			t.Errorf("zh.json lacks %q", s)
		}
		tr, ok := en[s].(string)
		if !ok {
			t.Errorf("en.json lacks %q", s)
			continue
		}
		for _, p := range placeholder.FindAllString(s, -1) {
			if !strings.Contains(tr, p) {
				t.Errorf("en.json: %q → %q loses %s", s, tr, p)
			}
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("%q is in en.json but not in zh.json", k)
		}
	}
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in zh.json but not in en.json", k)
		}
	}
}

func TestChosenLanguageWinsOverTheSystemLocale(t *testing.T) {
	t.Cleanup(func() {
		if err := useLanguage(Chinese); err != nil {
			t.Fatal(err)
		}
	})
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("新增党员"); got != "Add member" {
		t.Errorf("English: 新增党员 → %q", got)
	}
	if got := lang.L("共 {{.N}} 人", map[string]any{"N": 3}); got != "3 members" {
		t.Errorf("English: 共 3 人 → %q", got)
	}
	if err := useLanguage(Chinese); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"新增党员": "新增党员", "Cancel": "取消", "No": "否", "OK": "确定"} {
		if got := lang.L(key); got != want {
			t.Errorf("Chinese: %q → %q, want %q", key, got, want)
		}
	}
}
