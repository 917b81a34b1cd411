package launch

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// In 兼容模式 Fyne's widgets (the entry's cursor, a button's ripple, tabs)
// must find animations off through fyne.CurrentApp(), where they look,
// while everything else still reaches the real app. (The test driver runs
// an animation to its end at once, so the cursor itself cannot show the
// difference here; windows-check's idle-CPU figure does.)
func TestStillTurnsAnimationsOffWhereWidgetsLook(t *testing.T) {
	real := test.NewTempApp(t)
	if !fyne.CurrentApp().Settings().ShowAnimations() {
		t.Fatal("animations already off: this test could not fail")
	}
	a := Still(real)
	if fyne.CurrentApp() != a || fyne.CurrentApp().Settings().ShowAnimations() {
		t.Fatal("Fyne's widgets would still see animations on")
	}
	if a.Settings().Theme() != real.Settings().Theme() || a.Driver() != real.Driver() ||
		a.Preferences() != real.Preferences() || a.Lifecycle() != real.Lifecycle() {
		t.Error("the still app does not pass the rest through to the real one")
	}
}
