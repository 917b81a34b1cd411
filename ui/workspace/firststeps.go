package workspace

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/kit"
)

// firstSteps is what an empty workspace shows in place of the list of
// branches: the order of the first steps, the one to take now marked, with
// a button for it.
type firstSteps struct {
	w       *Window
	content fyne.CanvasObject
	steps   [3]*kit.WrapLabel
	// makeKey, exportKey and importNow are the buttons of the steps.
	makeKey, exportKey, importNow *widget.Button
}

// The first steps of an instructor, in order.
var firstStepTexts = [3]string{
	"第一步：生成指导员密钥（设一个只有您知道的密码）。",
	"第二步：导出公钥，把公钥文件交给各支部书记；他们在“设置 → 指导员”中载入，并打电话与您核对指纹。",
	"第三步：各支部导出数据包（U盘）交给您，在“导入数据包”中导入，支部就会列在这里。",
}

func newFirstSteps(w *Window) *firstSteps {
	f := &firstSteps{w: w}
	title := widget.NewLabelWithStyle(kit.L("工作台里还没有支部。开始使用："), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	box := container.NewVBox(title)
	f.makeKey = widget.NewButtonWithIcon(kit.L("生成指导员密钥…"), theme.ContentAddIcon(), func() {
		w.tabs.SelectIndex(4)
		w.settings.newKey()
	})
	f.exportKey = widget.NewButtonWithIcon(kit.L("导出公钥…"), theme.DocumentSaveIcon(), func() {
		w.tabs.SelectIndex(4)
		w.settings.exportKey()
	})
	f.importNow = widget.NewButtonWithIcon(kit.L("导入数据包"), theme.DownloadIcon(), func() { w.tabs.SelectIndex(1) })
	buttons := []*widget.Button{f.makeKey, f.exportKey, f.importNow}
	for i, text := range firstStepTexts {
		f.steps[i] = kit.NewWrapLabel(kit.L(text))
		// The button under its step, at the left: seen in a window wider
		// than a 1024-pixel screen too.
		box.Add(container.NewVBox(f.steps[i], container.NewHBox(buttons[i])))
	}
	note := kit.NewWrapLabel(kit.L("没有公钥的支部也可以给数据包设密码，把密码另行告诉您；导入时会问这个密码。"))
	note.SizeName = theme.SizeNameCaptionText
	box.Add(note)
	f.content = container.NewPadded(widget.NewCard("", "", box))
	f.content.Hide()
	return f
}

// show marks the step to take now: the key first, then handing it out.
func (f *firstSteps) show() {
	has, err := f.w.svc.HasKey()
	if err != nil {
		has = false
	}
	now := 0
	if has {
		now = 1
	}
	for i, l := range f.steps {
		l.TextStyle.Bold = i == now
		l.Importance = widget.MediumImportance
		if i < now {
			l.Importance = widget.LowImportance
		}
		l.Refresh()
	}
	f.makeKey.Importance, f.exportKey.Importance = widget.HighImportance, widget.MediumImportance
	f.makeKey.Enable()
	f.exportKey.Disable()
	if has {
		f.makeKey.Importance, f.exportKey.Importance = widget.MediumImportance, widget.HighImportance
		f.makeKey.Disable()
		f.exportKey.Enable()
	}
	f.makeKey.Refresh()
	f.exportKey.Refresh()
	f.content.Show()
}
