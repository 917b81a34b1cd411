// Package uistrings finds the Chinese UI strings a package of the window
// passes to lang.L (directly or through its own helpers) and checks that
// both translation files hold them. Every package under ui/ calls it from a
// test, so that a string added in any screen is never shown untranslated.
package uistrings

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"branchledger/assets"
)

// Spec says where a package's translated strings are.
type Spec struct {
	// Dir is the package folder; "" is the current one (a test's package).
	Dir string
	// Calls are the function and method names whose first argument is a
	// translated string: "L" (lang.L, lang.X's first argument) and the
	// package's own helpers that call lang.L on their first argument.
	Calls []string
	// Columns are composite-literal types whose first field is a translated
	// column title (such as a table's column struct), alone or in a slice.
	Columns []string
	// Extra are strings that reach lang.L through variables.
	Extra []string
}

// Literals returns the sorted, distinct string literals the spec finds in
// the package's non-test files.
func Literals(t testing.TB, sp Spec) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sp.Dir, "*.go"))
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
	calls := map[string]bool{}
	for _, c := range sp.Calls {
		calls[c] = true
	}
	columns := map[string]bool{}
	for _, c := range sp.Columns {
		columns[c] = true
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
				if calls[fn] && len(n.Args) > 0 {
					lit(n.Args[0])
				}
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && columns[id.Name] && len(n.Elts) > 0 {
					if kv, ok := n.Elts[0].(*ast.KeyValueExpr); ok {
						lit(kv.Value)
					} else {
						lit(n.Elts[0])
					}
				}
				if at, ok := n.Type.(*ast.ArrayType); ok && at.Len == nil {
					if id, ok := at.Elt.(*ast.Ident); ok && columns[id.Name] {
						for _, e := range n.Elts {
							if c, ok := e.(*ast.CompositeLit); ok && len(c.Elts) > 0 {
								if kv, ok := c.Elts[0].(*ast.KeyValueExpr); ok {
									lit(kv.Value) // {title: "…", …}
								} else {
									lit(c.Elts[0])
								}
							}
						}
					}
				}
			}
			return true
		})
	}
	for _, s := range sp.Extra {
		add(s)
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

var placeholder = regexp.MustCompile(`{{\s*\.\w+\s*}}`)

// CheckTranslated fails the test for every string missing from either
// language and for every English text that loses a {{.Placeholder}}.
func CheckTranslated(t testing.TB, strs []string) {
	t.Helper()
	zh, err := assets.MessageMap("zh")
	if err != nil {
		t.Fatal(err)
	}
	en, err := assets.MessageMap("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range strs {
		if _, ok := zh[s]; !ok {
			t.Errorf("translations/zh lacks %q", s)
		}
		switch tr := en[s].(type) {
		case nil:
			t.Errorf("translations/en lacks %q", s)
		case string:
			for _, p := range placeholder.FindAllString(s, -1) {
				if !strings.Contains(tr, p) {
					t.Errorf("translations/en: %q → %q loses %s", s, tr, p)
				}
			}
		}
	}
}
