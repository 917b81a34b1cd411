package kit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// importFormats are the formats of the sentences the imports give for
// refused rows and notes (storage/xlsx, storage/rosterfile, storage/duesfile,
// storage's planner), and of the lines of the bases preview
// (model.BasePreviewTexts): the format of each model.Textf, model.Note, model.Reason and
// dateRefusal call there, a constant's value when the format is one. A
// format that is neither fails the test, so that no sentence escapes it.
func importFormats(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../../storage/xlsx/*.go", "../../storage/rosterfile/*.go", "../../storage/duesfile/*.go", "../../storage/imports.go", "../../model/dues.go", "../../model/category.go"} {
		got, err := filepath.Glob(pattern)
		if err != nil || len(got) == 0 {
			t.Fatalf("%s: %v", pattern, err)
		}
		files = append(files, got...)
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	consts := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		ast.Inspect(f, func(n ast.Node) bool {
			if v, ok := n.(*ast.ValueSpec); ok {
				for i, id := range v.Names {
					if i < len(v.Values) {
						if lit, ok := v.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[id.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			}
			return true
		})
	}
	seen := map[string]bool{}
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var fn string
			switch f := call.Fun.(type) {
			case *ast.Ident:
				fn = f.Name
			case *ast.SelectorExpr:
				if x, ok := f.X.(*ast.Ident); ok && x.Name == "model" {
					fn = "model." + f.Sel.Name
				}
			}
			at, ok := map[string]int{"model.Textf": 0, "model.Note": 3, "model.Reason": 3, "dateRefusal": 0, "note": 0, "previewText": 0}[fn]
			if !ok || len(call.Args) <= at {
				return true
			}
			switch a := call.Args[at].(type) {
			case *ast.BasicLit:
				s, err := strconv.Unquote(a.Value)
				if err != nil {
					t.Fatal(err)
				}
				seen[s] = true
			case *ast.Ident:
				if a.Name == "format" {
					return true // inside a helper: its callers' formats are checked
				}
				s, ok := consts[a.Name]
				if !ok {
					t.Errorf("%s: the format of %s is not a string literal or constant", fset.Position(call.Pos()), fn)
				}
				seen[s] = true
			default:
				t.Errorf("%s: the format of %s is not a string literal or constant", fset.Position(call.Pos()), fn)
			}
			return true
		})
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		if s != "%s" { // a sentence given as it stands
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// Every sentence an import says of a refused row or in a note has its
// English text (review s6-7 attack #21).
func TestEveryImportReasonHasItsEnglishText(t *testing.T) {
	formats := importFormats(t)
	if len(formats) < 30 {
		t.Fatalf("found only %d import formats: %q", len(formats), formats)
	}
	checkTranslated(t, formats)
}
