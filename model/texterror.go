package model

import "errors"

// TextError is an error whose sentence is kept as a Text, so that a screen
// can say it in the UI language (ui/kit.SayErr); Error is the Chinese
// sentence, after its kind ("党费：…") when Kind is set, so that messages,
// the command line and errors.Is work as with fmt.Errorf("%w：…", Kind).
type TextError struct {
	Kind error
	Text Text
	// Bare: Error is the sentence alone, Kind's text being part of it.
	Bare bool
}

// Errorf returns a TextError of kind (nil for none) saying format with
// args (see Text for the kinds of argument).
func Errorf(kind error, format string, args ...any) error {
	return &TextError{Kind: kind, Text: Textf(format, args...)}
}

func (e *TextError) Error() string {
	if e.Kind == nil || e.Bare {
		return e.Text.String()
	}
	return e.Kind.Error() + "：" + e.Text.String()
}

func (e *TextError) Unwrap() error { return e.Kind }

// errorText is Textf for the sentence of an error, not of a finding.
func errorText(format string, args ...any) Text { return Textf(format, args...) }

// SentenceOf is err's sentence as a Text, without its kind, when err is or
// wraps a TextError or a date that cannot be read; ok is false for any
// other error.
func SentenceOf(err error) (t Text, ok bool) {
	var te *TextError
	if errors.As(err, &te) {
		return te.Text, true
	}
	var de *dateError
	if errors.As(err, &de) && !de.text.IsZero() {
		return de.text, true
	}
	return Text{}, false
}
