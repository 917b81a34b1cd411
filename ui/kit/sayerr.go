package kit

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"

	"branchledger/model"
)

// SayErr is a model error's sentence in the UI language, without its kind
// ("党费：" is left out, as the screens leave it out in Chinese): a
// model.TextError or unreadable date is said through its Text (Say); a
// sentence of the translation files as it stands (the ID number's
// errors.New sentences) is translated whole; anything else is shown as it
// is.
func SayErr(err error) string {
	if err == nil {
		return ""
	}
	if t, ok := model.SentenceOf(err); ok {
		var te *model.TextError
		if errors.As(err, &te) && te.Kind != nil && !te.Bare && !errors.Is(te.Kind, model.ErrDues) {
			// 日期格式不正确：没有 13 月
			return shown(te.Kind.Error()) + shown("：") + Say(t)
		}
		return Say(t)
	}
	msg := err.Error()
	for _, kind := range []error{model.ErrDues} {
		if errors.Is(err, kind) {
			msg = strings.TrimPrefix(msg, kind.Error()+"：")
		}
	}
	if known()[msg] {
		return lang.L(msg)
	}
	if said, ok := sayCause(err, msg); ok {
		return said
	}
	return sayParts(msg)
}

// sayCause is a message that begins with the sentence of an error it wraps
// (a refusal's kind: "比工作台中已有的快照旧，没有导入（快照 …）：X.blpkg") with
// that sentence translated and the rest — details, file names — as it is,
// but for parts after "：" that are sentences themselves.
func sayCause(err error, msg string) (string, bool) {
	var found string
	var walk func(error)
	walk = func(e error) {
		for e != nil && found == "" {
			if k := e.Error(); k != msg && known()[k] && strings.HasPrefix(msg, k) {
				found = k
				return
			}
			switch u := e.(type) {
			case interface{ Unwrap() []error }:
				for _, x := range u.Unwrap() {
					walk(x)
				}
				return
			case interface{ Unwrap() error }:
				e = u.Unwrap()
			default:
				return
			}
		}
	}
	walk(err)
	if found == "" {
		return "", false
	}
	parts := strings.Split(strings.TrimPrefix(msg, found), "：")
	for i, p := range parts {
		parts[i] = shown(p)
	}
	return lang.L(found) + strings.Join(parts, shown("：")), true
}

// sayParts is a message put together as "sentence：detail" (a store's
// "数据文件已损坏…：D:\台账.db") with each part that is a sentence of the
// translation files translated, the others (paths, names) as they are.
func sayParts(msg string) string {
	parts := strings.Split(msg, "：")
	if len(parts) < 2 {
		return msg
	}
	said := false
	for i, p := range parts {
		if known()[p] {
			parts[i], said = lang.L(p), true
		}
	}
	if !said {
		return msg
	}
	return strings.Join(parts, shown("："))
}

// SayProblem is a record's problem (model.FieldError) in the UI language.
func SayProblem(e model.FieldError) string {
	if !e.Text.IsZero() {
		return Say(e.Text)
	}
	if known()[e.Message] {
		return lang.L(e.Message)
	}
	return e.Message
}
