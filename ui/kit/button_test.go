package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// press types key on whatever has the keyboard focus, as the window does.
func press(t *testing.T, w fyne.Window, key fyne.KeyName) {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the focus")
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
}

// tabTo moves the focus with Tab until it is on o.
func tabTo(t *testing.T, w fyne.Window, o fyne.Focusable) {
	t.Helper()
	for range 20 {
		if w.Canvas().Focused() == o {
			return
		}
		w.Canvas().FocusNext()
	}
	t.Fatalf("Tab never reached %T", o)
}

// In a form's dialog, Tab onto 取消 then Enter cancels and Tab onto 保存
// then Enter saves; Esc on either cancels. Enter there did nothing (review
// s13-attack8 #4: the 建账月份 dialog after Tab).
func TestEnterAndEscOnAFormsFocusedButtons(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("背景"))
	w.Resize(fyne.NewSize(1024, 700))
	open := func() (*Form, *int, *int) {
		f := NewForm("保存")
		saved, cancelled := 0, 0
		e := NewEntry()
		fd := f.Add("姓名", e)
		d := ShowForm(w, "新增", f, f.Grid(1, fd), fyne.NewSize(600, 400))
		f.OnSubmit = func() { saved++; d.Hide() }
		f.OnCancel = func() { cancelled++; d.Hide() }
		test.Type(e, "张三")
		return f, &saved, &cancelled
	}

	f, saved, cancelled := open()
	f.Ask = func(_, _ string, onYes func()) { onYes() }
	tabTo(t, w, f.Cancel)
	press(t, w, fyne.KeyReturn)
	if *cancelled != 1 || *saved != 0 || len(w.Canvas().Overlays().List()) != 0 {
		t.Errorf("Enter on 取消: cancelled %d, saved %d, %d dialogs open", *cancelled, *saved, len(w.Canvas().Overlays().List()))
	}

	f, saved, cancelled = open()
	tabTo(t, w, f.Save)
	press(t, w, fyne.KeyEnter)
	if *saved != 1 || *cancelled != 0 {
		t.Errorf("Enter on 保存: saved %d, cancelled %d", *saved, *cancelled)
	}

	f, _, _ = open()
	asked := 0
	f.Ask = func(_, _ string, _ func()) { asked++ }
	tabTo(t, w, f.Save)
	press(t, w, fyne.KeyEscape)
	if asked != 1 {
		t.Errorf("Esc on 保存 of a half-filled form asked %d times, want once (放弃修改？)", asked)
	}
}

// A question's focused 取消 takes Enter as 取消, not as the highlighted
// answer; a focused answer takes Enter as itself; Esc on either is 取消.
func TestEnterOnAQuestionsFocusedButton(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("背景"))
	w.Resize(fyne.NewSize(1024, 700))
	for _, tt := range []struct {
		focus string
		key   fyne.KeyName
		yes   int
	}{
		{"取消", fyne.KeyReturn, 0},
		{"删除", fyne.KeyReturn, 1},
		{"删除", fyne.KeyEscape, 0},
		{"取消", fyne.KeyEscape, 0},
	} {
		yes := 0
		Confirm(w, "删除记录", "确定删除？", "删除", func() { yes++ })
		tabTo(t, w, buttonOf(t, w, tt.focus))
		press(t, w, tt.key)
		if yes != tt.yes || len(w.Canvas().Overlays().List()) != 0 {
			t.Errorf("%s on a focused %s: yes ran %d times (want %d), %d dialogs open",
				tt.key, tt.focus, yes, tt.yes, len(w.Canvas().Overlays().List()))
		}
	}
}

// A dialog that is not a form (a preview with a check box) takes Enter and
// Esc on its focused check box and buttons as it does with nothing focused.
func TestEnterAndEscInACustomDialog(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("背景"))
	w.Resize(fyne.NewSize(1024, 700))
	for _, tt := range []struct {
		name  string
		focus func(*Check) fyne.Focusable
		key   fyne.KeyName
		want  string
	}{
		{"check Enter", func(c *Check) fyne.Focusable { return c }, fyne.KeyReturn, "yes"},
		{"check Esc", func(c *Check) fyne.Focusable { return c }, fyne.KeyEscape, "no"},
		{"取消 Enter", func(*Check) fyne.Focusable { return buttonOf(t, w, "取消") }, fyne.KeyReturn, "no"},
		{"导入 Enter", func(*Check) fyne.Focusable { return buttonOf(t, w, "导入") }, fyne.KeyReturn, "yes"},
		{"导入 Esc", func(*Check) fyne.Focusable { return buttonOf(t, w, "导入") }, fyne.KeyEscape, "no"},
	} {
		got := ""
		check := NewCheck("同时更新党员的所在党支部", nil)
		d := NewCustomConfirm("导入预览", "导入", "取消", container.NewVBox(check), func(ok bool) {
			got = map[bool]string{true: "yes", false: "no"}[ok]
		}, w)
		d.Show()
		tabTo(t, w, tt.focus(check))
		press(t, w, tt.key)
		if got != tt.want || len(w.Canvas().Overlays().List()) != 0 {
			t.Errorf("%s: answered %q, want %q; %d dialogs open", tt.name, got, tt.want, len(w.Canvas().Overlays().List()))
		}
	}

	closed := 0
	d := NewCustom("导出完成", "关闭", widget.NewLabel("已导出"), w)
	d.SetOnClosed(func() { closed++ })
	d.Show()
	tabTo(t, w, buttonOf(t, w, "关闭"))
	press(t, w, fyne.KeyReturn)
	if len(w.Canvas().Overlays().List()) != 0 {
		t.Error("Enter on a focused 关闭 left the dialog open")
	}
}

// buttonOf is the button reading text in the top dialog.
func buttonOf(t *testing.T, w fyne.Window, text string) *Button {
	t.Helper()
	var found *Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *Button:
			if v.Text == text {
				found = v
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(w.Canvas().Overlays().Top())
	if found == nil {
		t.Fatalf("no %s button in the dialog", text)
	}
	return found
}
