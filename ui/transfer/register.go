package transfer

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// registerList is what the 流动党员 and 流入党员 tabs share: a list of the
// register's entries — those still current (away, here) first, then the
// latest — beside the details of the one selected, under a toolbar with
// the tab's 新增 and 导出 buttons.
type registerList[T any] struct {
	s        *Screen
	list     *widget.List
	empty    *kit.WrapLabel
	detail   *details
	content  fyne.CanvasObject
	shown    []T
	selected int64

	kind registerKind[T]
}

// registerKind is what sets one register apart: its entries and how each
// is told, sorted and shown.
type registerKind[T any] struct {
	entries func() []T                                     // from the screen's data
	id      func(e *T) int64                               //
	current func(e *T, today model.Date) bool              // still away, still here
	since   func(e *T) model.Date                          // the later, the higher
	item    func(e *T) (string, string, widget.Importance) // the list's two lines
	show    func(e *T)                                     // fills the details
}

// newRegisterList makes a register's tab: empty is shown while the register
// is empty, hint in the details before a choice, add is the button that
// enters one and export the one that saves the register.
func newRegisterList[T any](s *Screen, kind registerKind[T], empty *kit.WrapLabel, hint string, add, export *widget.Button) *registerList[T] {
	r := &registerList[T]{s: s, kind: kind}
	r.list = twoLineList(func() int { return len(r.shown) }, func(i int) (string, string, widget.Importance) { return kind.item(&r.shown[i]) },
		func(i int) { r.open(kind.id(&r.shown[i])) })
	r.empty = empty
	r.detail = newDetails(hint)
	add.Importance = widget.HighImportance
	r.content = tabLayout(container.NewHBox(add, export), r.list, r.empty, r.detail.content)
	return r
}

func (r *registerList[T]) refresh() {
	today := r.s.host.Today()
	r.shown = slices.Clone(r.kind.entries())
	slices.SortStableFunc(r.shown, func(a, b T) int {
		if ac, bc := r.kind.current(&a, today), r.kind.current(&b, today); ac != bc {
			if ac {
				return -1
			}
			return 1
		}
		return r.kind.since(&b).Compare(r.kind.since(&a))
	})
	r.empty.Hidden = len(r.shown) > 0
	r.list.UnselectAll()
	r.list.Refresh()
	r.open(r.selected)
}

// selectEntry selects entry id in the list, which opens it.
func (r *registerList[T]) selectEntry(id int64) {
	for i := range r.shown {
		if r.kind.id(&r.shown[i]) == id {
			r.list.Select(i)
		}
	}
}

// open shows entry id in the details, or none.
func (r *registerList[T]) open(id int64) {
	r.selected = id
	for i := range r.shown {
		if r.kind.id(&r.shown[i]) == id {
			r.kind.show(&r.shown[i])
			return
		}
	}
	r.detail.show(nil)
}

// submitWith is a form's 保存: prepare reads the form (on the UI thread)
// and returns the saving, which runs in the background; a refusal is shown
// at its fields (or under the form), else the dialog closes and the
// section reloads.
func submitWith(s *Screen, form *kit.Form, byField map[model.Field]*kit.Field, dlg **kit.FormDialog, prepare func() (save func() error)) func() {
	return func() {
		save := prepare()
		var err error
		s.host.Background(func() { err = save() }, func() {
			if err != nil {
				if !showProblems(form, byField, err) {
					form.SetError(kit.SayErr(err))
				}
				return
			}
			(*dlg).Hide()
			s.saved()
		})
	}
}
