// Command emptywindow is the baseline of the start-up benchmark in
// main_test.go: the least a Fyne program can show, built with the same
// toolchain and flags as branchledger, so that what the app takes beyond it
// is the app's own start-up work. It lives under testdata so that ./... skips
// it; build it with `go build ./testdata/emptywindow`.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("支部台账")
	w.SetContent(widget.NewLabel("empty window: the start-up benchmark's baseline"))
	w.ShowAndRun()
}
