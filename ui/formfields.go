package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// datePlaceholder is the hint in every date entry: model.ParseDate reads both.
const datePlaceholder = "如 1985-03-12，或 1985-03"

// formCell is one labelled input of a form with the message shown under it.
type formCell struct {
	label string // Chinese, translated when shown
	input fyne.CanvasObject
	extra fyne.CanvasObject // optional, shown between input and message
	msg   *kit.WrapLabel
}

func newCell(label string, input fyne.CanvasObject) *formCell {
	return &formCell{label: label, input: input, msg: newMessage()}
}

// newMessage is a red, wrapping label that takes no room while empty.
func newMessage() *kit.WrapLabel {
	l := kit.NewWrapLabel("")
	l.Importance = widget.DangerImportance
	l.SizeName = theme.SizeNameCaptionText
	l.Hide()
	return l
}

// setMessage shows text in a message label, or hides the label when empty.
func setMessage(l *kit.WrapLabel, text string) {
	if text == l.Text && l.Visible() == (text != "") {
		return
	}
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// formColumns lays cells out in n columns of label–input pairs, filling the
// first column top to bottom before the next, as a paper form reads.
func formColumns(n int, cells []*formCell) fyne.CanvasObject {
	per := (len(cells) + n - 1) / n
	cols := make([]fyne.CanvasObject, 0, n)
	for start := 0; start < len(cells); start += per {
		end := min(start+per, len(cells))
		var objs []fyne.CanvasObject
		for _, c := range cells[start:end] {
			label := widget.NewLabel(lang.L(c.label))
			label.TextStyle.Bold = true
			right := container.NewVBox(c.input)
			if c.extra != nil {
				right.Add(c.extra)
			}
			right.Add(c.msg)
			objs = append(objs, container.NewVBox(label), right)
		}
		cols = append(cols, container.New(layout.NewFormLayout(), objs...))
	}
	return container.NewGridWithColumns(n, cols...)
}

// fieldLabel is a member field's heading in the UI language: the official
// Chinese form label, translated through the same files as every UI string.
func fieldLabel(f model.Field) string { return lang.L(f.Label()) }

// newDateEntry is a date entry whose calendar opens on the store's today.
func newDateEntry(sh *shell) *kit.DateEntry {
	d := kit.NewDateEntry()
	d.Today = sh.svc.today
	return d
}

// selectOptions turns a list of typed Chinese values into Select options.
func selectOptions[T ~string](vs ...T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// heading is a bold section title; text is Chinese, translated here, or ""
// for a title set later.
func heading(text string) *widget.Label {
	if text != "" {
		text = lang.L(text)
	}
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}
