package kit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Ask takes Enter as its last, highlighted choice and Esc as 取消.
func TestAskTakesEnterAndEsc(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		key  fyne.KeyName
		want string
	}{{fyne.KeyReturn, "一并更正"}, {fyne.KeyEnter, "一并更正"}, {fyne.KeyEscape, ""}} {
		w := test.NewWindow(nil)
		w.Resize(fyne.NewSize(1024, 660))
		got := ""
		Ask(w, "所在党支部", "是否一并改为？",
			Choice{Text: "只保存支部信息", Run: func() { got = "只保存支部信息" }},
			Choice{Text: "一并更正", Run: func() { got = "一并更正" }})
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: c.key})
		if got != c.want || len(w.Canvas().Overlays().List()) != 0 {
			t.Errorf("%s: ran %q, %d dialogs left; want %q and none", c.key, got, len(w.Canvas().Overlays().List()), c.want)
		}
		w.Close()
	}
}

// Every dialog of the app with buttons takes Enter and Esc (issue 8: Enter
// confirms a dialog, Esc cancels): the function that makes it with Fyne's
// dialog package also hands it to EnterEsc (or is one of this package's
// constructors, which do). Fyne's own dialogs take neither key; the
// 所在党支部 question of 设置 was missed (review s7-8 newuser #4).
func TestEveryDialogTakesEnterAndEsc(t *testing.T) {
	made := map[string]bool{"NewConfirm": true, "NewCustomConfirm": true, "NewCustom": true,
		"NewCustomWithoutButtons": true, "ShowConfirm": true, "ShowCustom": true, "ShowCustomConfirm": true,
		// The backup's passphrase dialogs were Fyne forms, deaf to Enter
		// and Esc on their buttons (u8's report).
		"NewForm": true, "ShowForm": true}
	// Dialogs without a choice to make.
	exempt := map[string]string{
		"ShowProgress": "a progress bar without buttons, hidden by the work",
	}
	seen := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			var makes []string
			keys := false
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				switch f := call.Fun.(type) {
				case *ast.SelectorExpr:
					if x, ok := f.X.(*ast.Ident); ok && x.Name == "dialog" && made[f.Sel.Name] {
						makes = append(makes, f.Sel.Name)
					}
					keys = keys || f.Sel.Name == "EnterEsc"
				case *ast.Ident:
					keys = keys || f.Name == "keysWhileShown" || f.Name == "EnterEsc"
				}
				return true
			})
			if len(makes) == 0 {
				continue
			}
			seen++
			// Fyne's own buttons take no Enter when Tab has put the
			// focus on them (review s13-attack8 #4): a dialog with
			// buttons is made here, with Button.
			for _, m := range makes {
				if m != "NewCustomWithoutButtons" && filepath.Base(filepath.Dir(path)) != "kit" {
					t.Errorf("%s: %s makes dialog.%s, whose buttons ignore Enter; use kit.NewCustom, NewCustomConfirm, Confirm or ShowForm", path, fn.Name.Name, m)
				}
			}
			if _, ok := exempt[fn.Name.Name]; !ok && !keys {
				t.Errorf("%s: %s makes dialog.%s without EnterEsc", path, fn.Name.Name, makes[0])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 8 {
		t.Errorf("found %d functions making dialogs; the walk missed the ui tree", seen)
	}
}
