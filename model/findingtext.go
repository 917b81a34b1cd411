package model

import (
	"fmt"
	"strings"
)

// Text is a finding's sentence kept as an fmt format and its arguments, so
// that a screen can say it in the UI language: the format is the Chinese
// sentence itself and is the message ID of its translations
// (assets/translations/*/findings.json), and each argument keeps its kind
// rather than being formatted in Chinese beforehand. The arguments are of
// these kinds, which the screens know how to say in each language:
//   - int and plain string (a person's or a branch's name, a number, a text
//     the user typed): shown as they are;
//   - Date and Month: 2026年3月5日, 2026年3月 in Chinese;
//   - Money: 12.50 (the format says 元 or ¥ around it);
//   - a named string type of the domain (Category, ActivityKind, EventKind …)
//     and Severity, FindingTopic: the domain's word, translated;
//   - Names: a list of names, 甲、乙、丙;
//   - Text: a part of the sentence that is a sentence of its own;
//   - Texts: such parts, joined by "，".
//
// The zero Text has no format: the finding's Message is all there is.
type Text struct {
	Format string
	Args   []any
}

// Textf keeps a sentence as its format and arguments.
func Textf(format string, args ...any) Text { return Text{Format: format, Args: args} }

// IsZero reports whether the text has no format.
func (t Text) IsZero() bool { return t.Format == "" }

// String is the sentence in Chinese: what Finding.Message, `branchledger
// check` and the exports say.
func (t Text) String() string {
	if len(t.Args) == 0 {
		return t.Format
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		args[i] = chineseArg(a)
	}
	return fmt.Sprintf(t.Format, args...)
}

// chineseArg is an argument of a Text as the Chinese sentence shows it.
func chineseArg(a any) any {
	switch a := a.(type) {
	case Date:
		return a.Chinese()
	case Month:
		return a.Chinese()
	case Money:
		return a.String()
	case Text:
		return a.String()
	case Texts:
		return a.String()
	case Names:
		return a.String()
	}
	return a
}

// Names is a list of names in a sentence: 张三、李四.
type Names []string

// String joins the names the Chinese way, with 、.
func (n Names) String() string { return strings.Join(n, "、") }

// Texts are parts of a sentence that are sentences of their own, joined by
// "，" in Chinese.
type Texts []Text

// String joins the parts in Chinese.
func (ts Texts) String() string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.String()
	}
	return strings.Join(parts, "，")
}

// Says is the finding with its sentence: the Text, and the Chinese Message
// made from it.
func (f Finding) Says(format string, args ...any) Finding {
	f.Text = Textf(format, args...)
	f.Message = f.Text.String()
	return f
}
