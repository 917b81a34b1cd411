package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// keys is what an input tells the form it belongs to: that the user left
// it, and Enter or Esc. An input outside a form has none.
type keys struct {
	leave  func()
	enter  func()
	escape func()
}

// handle runs the form's Enter or Esc and reports whether the key was one
// of them.
func (k *keys) handle(ev *fyne.KeyEvent) bool {
	if k == nil {
		return false
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if k.enter != nil {
			if k.leave != nil {
				k.leave() // Enter is also leaving the field: check it first
			}
			k.enter()
			return true
		}
	case fyne.KeyEscape:
		if k.escape != nil {
			k.escape()
			return true
		}
	}
	return false
}

// Entry is a one-line text entry that belongs to a form: it tells the form
// when the user leaves it (the moment its value is checked), selects its
// text when the user tabs into it so that typing replaces it, and passes
// Enter (save) and Esc (cancel) to the form.
type Entry struct {
	widget.Entry
	// OnLeft, when set, runs when the user leaves the entry: for an entry
	// that is not a field of a Form (a row of a list) and checks itself then.
	OnLeft  func()
	keys    *keys
	byMouse bool   // focus is arriving from a click, which places the cursor
	filled  string // the text Fill put in last
}

// Fill puts text in the entry unless the user typed something of their
// own: an entry that follows a choice (the phone of the member chosen)
// takes the next choice's text over the last one's, and keeps what was
// typed.
func (e *Entry) Fill(text string) {
	if e.Text == "" || e.Text == e.filled {
		e.SetText(text)
		e.filled = text
	}
}

// NewEntry returns an empty Entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewPasswordEntry returns an entry whose text is hidden, with Fyne's eye
// button to show it: a passphrase field that belongs to a form like any
// Entry (a plain widget.Entry would be invisible to the form).
func NewPasswordEntry() *Entry {
	e := NewEntry()
	e.Password = true // before the renderer exists: Fyne then adds the eye
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	return e
}

// NewMultiLineEntry returns an entry for paragraphs; Enter there starts a
// new line, so only Esc reaches the form.
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// FocusGained selects the text when the entry is reached with the keyboard.
func (e *Entry) FocusGained() {
	e.Entry.FocusGained()
	if !e.byMouse && !e.MultiLine && e.Text != "" {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// FocusLost tells the form the user left the field.
func (e *Entry) FocusLost() {
	e.Entry.FocusLost()
	if e.keys != nil && e.keys.leave != nil {
		e.keys.leave()
	}
	if e.OnLeft != nil {
		e.OnLeft()
	}
}

// MouseDown notes that focus comes from the pointer, which places the cursor
// where the user clicked instead of selecting everything.
func (e *Entry) MouseDown(m *desktop.MouseEvent) {
	e.byMouse = true
	e.Entry.MouseDown(m)
	e.byMouse = false
}

// TypedKey passes Enter and Esc to the form; a multi-line entry keeps Enter
// for new lines.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if e.MultiLine && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) {
		e.Entry.TypedKey(ev)
		return
	}
	if (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && e.keys != nil && e.keys.enter != nil && e.OnLeft != nil {
		e.OnLeft() // Enter saves: it leaves the entry first
	}
	if e.OnSubmitted != nil && e.keys == nil {
		e.Entry.TypedKey(ev) // an entry of its own (a search): Enter is its own
		return
	}
	if !passOn(e, e.keys, ev) {
		e.Entry.TypedKey(ev)
	}
}

// TypedShortcut pastes text without the characters nobody sees (zero-width
// spaces, direction marks, control characters: model.CleanText) that text
// copied from chat apps and web pages carries: pasted into 党支部名称, a
// U+202E printed every title of the dues register backwards.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	e.Entry.TypedShortcut(cleanPaste(s))
}

// cleanPaste is s, or for a paste the same paste from a clipboard whose
// text has been through model.CleanText.
func cleanPaste(s fyne.Shortcut) fyne.Shortcut {
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		return &fyne.ShortcutPaste{Clipboard: cleanClipboard{p.Clipboard}}
	}
	return s
}

// cleanClipboard reads the clipboard through model.CleanText.
type cleanClipboard struct{ fyne.Clipboard }

func (c cleanClipboard) Content() string { return model.CleanText(c.Clipboard.Content()) }

// SelectEntry is an entry with a list of usual values to pick from (学历,
// 工作岗位), that behaves in a form like Entry.
type SelectEntry struct {
	widget.SelectEntry
	keys    *keys
	byMouse bool
	// values maps each option as shown, in lower case, to the value it
	// stands for (NewValueEntry); nil when the options are the values.
	values  map[string]string
	shown   map[string]string // value → option, the other way
	offered []string          // the options, which Fyne does not give back
	// OnLeft, when set, runs when the user leaves the entry, before the
	// form hears of it: to write what was typed the usual way.
	OnLeft func()
}

// NewSelectEntry returns an empty SelectEntry offering options.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	e.offered = options
	// Empty, it said nothing, beside selects that say 请选择: the arrow
	// alone did not tell that a value may also be typed (review s9-8 #9).
	e.SetPlaceHolder(L("请选择或填写"))
	return e
}

// NewValueEntry returns an empty SelectEntry offering values that are
// Chinese words of the domain (民族 by GB 3304's names, 学历 …), each shown
// in the UI language: in English 汉族 reads Han, and the record still
// keeps 汉族 (issue 8, ui13 #1). Text the options do not hold (a note such
// as 纳西族（摩梭人）) is kept as typed. Read it with Value, fill it with
// SetValue.
func NewValueEntry(values []string) *SelectEntry {
	opts := make([]string, len(values))
	byShown, shownOf := make(map[string]string, len(values)), make(map[string]string, len(values))
	for i, v := range values {
		opts[i] = Word(v)
		byShown[strings.ToLower(opts[i])] = v
		shownOf[v] = opts[i]
	}
	e := NewSelectEntry(opts)
	e.values, e.shown = byShown, shownOf
	return e
}

// Offered are the options as the list shows them.
func (e *SelectEntry) Offered() []string { return e.offered }

// Value is the value the entry holds: for NewValueEntry the value of an
// option chosen or typed as shown (in any case: "han" is 汉族), else the
// text as typed.
func (e *SelectEntry) Value() string {
	if v, ok := e.values[strings.ToLower(strings.TrimSpace(e.Text))]; ok {
		return v
	}
	return e.Text
}

// SetValue shows value: as its option in the UI language when it is one
// of NewValueEntry's values, as given otherwise.
func (e *SelectEntry) SetValue(value string) {
	if s, ok := e.shown[value]; ok {
		value = s
	}
	e.SetText(value)
}

// TypedShortcut pastes without invisible characters, as Entry does.
func (e *SelectEntry) TypedShortcut(s fyne.Shortcut) {
	e.SelectEntry.TypedShortcut(cleanPaste(s))
}

// FocusGained selects the text when the entry is reached with the keyboard.
func (e *SelectEntry) FocusGained() {
	e.SelectEntry.FocusGained()
	if !e.byMouse && e.Text != "" {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// FocusLost tells the form the user left the field.
func (e *SelectEntry) FocusLost() {
	e.SelectEntry.FocusLost()
	if e.OnLeft != nil {
		e.OnLeft()
	}
	if e.keys != nil && e.keys.leave != nil {
		e.keys.leave()
	}
}

// MouseDown notes that focus comes from the pointer.
func (e *SelectEntry) MouseDown(m *desktop.MouseEvent) {
	e.byMouse = true
	e.SelectEntry.MouseDown(m)
	e.byMouse = false
}

// TypedKey passes Enter and Esc to the form.
func (e *SelectEntry) TypedKey(ev *fyne.KeyEvent) {
	if !passOn(e, e.keys, ev) {
		e.SelectEntry.TypedKey(ev)
	}
}

// Select is a drop-down choice that passes Enter and Esc to its form when it
// has the keyboard focus. Its placeholder is 请选择 in the UI language, never
// Fyne's English "(Select one)".
type Select struct {
	widget.Select
	keys   *keys
	fit    bool
	values []string // NewChoice's values, in the order of Options
}

// NewSelect returns a Select over options (shown as given: translate them
// first if they are words of the UI).
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.ExtendBaseWidget(s)
	s.Options = options
	s.OnChanged = changed
	s.PlaceHolder = L("请选择")
	return s
}

// NewChoice returns a Select over values that are Chinese words of the
// domain (正式党员, 支部党员大会, 在职 …): each is shown in the UI language,
// and Value gives back the value itself, which is what the model stores.
// changed is called with the value.
func NewChoice(values []string, changed func(value string)) *Select {
	shown := make([]string, len(values))
	for i, v := range values {
		shown[i] = L(v)
	}
	s := NewSelect(shown, nil)
	s.values = values
	if changed != nil {
		s.OnChanged = func(string) { changed(s.Value()) }
	}
	return s
}

// Value is the chosen value: for NewChoice the untranslated value, else the
// option shown; "" when nothing is chosen.
func (s *Select) Value() string {
	i := s.SelectedIndex()
	switch {
	case i < 0:
		return ""
	case s.values != nil:
		return s.values[i]
	}
	return s.Selected
}

// SetValue chooses value (untranslated, for NewChoice); "" or a value not
// offered clears the choice.
func (s *Select) SetValue(value string) {
	list := s.values
	if list == nil {
		list = s.Options
	}
	for i, v := range list {
		if v == value {
			s.SetSelectedIndex(i)
			return
		}
	}
	s.ClearSelected()
}

// FitOptions makes the select as wide as the option it shows (or its
// placeholder), so that a short row of filters shows each choice whole;
// without it the select takes the width its layout gives and cuts a long
// option.
func (s *Select) FitOptions() *Select {
	s.fit = true
	s.Refresh()
	return s
}

// MinSize is Fyne's, widened to the option shown when FitOptions is set.
func (s *Select) MinSize() fyne.Size {
	m := s.Select.MinSize()
	if !s.fit {
		return m
	}
	th := s.Theme()
	w := fyne.MeasureText(s.Selected, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width
	pad := th.Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(max(m.Width, w+4*pad+th.Size(theme.SizeNameInlineIcon)), m.Height)
}

// TypedKey passes Enter and Esc to the form.
func (s *Select) TypedKey(ev *fyne.KeyEvent) {
	if !passOn(s, s.keys, ev) {
		s.Select.TypedKey(ev)
	}
}

// Check is a check box that passes Enter and Esc to its form when it has the
// keyboard focus.
type Check struct {
	widget.Check
	keys *keys
}

// NewCheck returns a check box labelled text (shown as given).
func NewCheck(text string, changed func(bool)) *Check {
	c := &Check{}
	c.ExtendBaseWidget(c)
	c.Text = text
	c.OnChanged = changed
	return c
}

// EnterEsc makes Enter and Esc on c run enter and escape, as the dialog c
// is in does (EnterEsc) while nothing has focus: a ticked box has focus,
// and the window's keys no longer reach the dialog.
func (c *Check) EnterEsc(enter, escape func()) {
	c.keys = &keys{enter: enter, escape: escape}
}

// Join makes Enter and Esc on c, a check box inside a field of f (such as
// a row of months), save and cancel f as they do on its own inputs.
func (f *Form) Join(c *Check) {
	c.keys = &keys{enter: f.Submit, escape: f.TryCancel}
}

// TypedKey passes Enter and Esc to the form.
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	if !passOn(c, c.keys, ev) {
		c.Check.TypedKey(ev)
	}
}
