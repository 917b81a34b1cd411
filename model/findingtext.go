package model

import (
	"fmt"
	"strconv"
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
//   - PeriodName: a period of the compliance calendar, 2026年第一季度;
//   - Citation: the rule applied, 《…》（2014年）第十三条;
//   - Money: 12.50 (the format says 元 or ¥ around it);
//   - a named string type of the domain (Category, ActivityKind, EventKind,
//     Term …) and Severity, FindingTopic: the domain's word, translated;
//   - Names: a list of names, 甲、乙、丙; Terms: the domain's words, 谈话、政审;
//     Years: 2025、2026; Months: 2026年9月、2026年11月;
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

// Sentence is a fixed sentence — an error's message, a rule's refusal — as
// a Text: said in another language when the translation files hold it,
// as it stands otherwise. Wrapped as Textf("%s", msg) it was an argument,
// which stays as written, so an import's refusal such as
// 公民身份号码中的出生日期（第7–14位）不存在 was Chinese in the English
// preview (issue 8, ui13 #7). A sentence holding "%" stays an argument:
// as a format it would not print as written.
func Sentence(msg string) Text {
	if strings.Contains(msg, "%") {
		return Textf("%s", msg)
	}
	return Text{Format: msg}
}

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
	case interface{ Chinese() string }: // Date, Month, PeriodName
		return a.Chinese()
	case Money:
		return a.String()
	case Text:
		return a.String()
	case Texts:
		return a.String()
	case TextList:
		return a.String()
	case Names:
		return a.String()
	case Years:
		return a.String()
	case Months:
		return a.String()
	case Terms:
		return a.String()
	}
	return a
}

// Term is a word of the domain put into a sentence (未达法定人数): screens
// say it translated, where a plain string would be a name shown as it is.
type Term string

// PeriodName names a period of a year's compliance calendar: a month, a
// quarter or the whole year.
type PeriodName struct {
	Year   int
	Period Period
	Index  int // the month 1–12 or the quarter 1–4
}

// Chinese is the period as the calendar says it: 2026年3月, 2026年第一季度,
// 2026年全年.
func (p PeriodName) Chinese() string {
	return fmt.Sprintf("%d年", p.Year) + (&Slot{Period: p.Period, Index: p.Index}).Label()
}

// Citation names the rule a finding applies: a document, its edition (a
// year) and an article (第十三条), or with Local the local practice under
// the document.
type Citation struct {
	Document, Edition, Article string
	Local                      bool
}

// Chinese is the citation as findings write it: 《中国共产党发展党员工作细则》
// （2014年）第十三条, or …（2014年）及各地通行做法.
func (c Citation) Chinese() string {
	s := "《" + c.Document + "》（" + c.Edition + "年）"
	if c.Local {
		return s + "及各地通行做法"
	}
	return s + c.Article
}

// Names is a list of names in a sentence: 张三、李四.
type Names []string

// String joins the names the Chinese way, with 、.
func (n Names) String() string { return strings.Join(n, "、") }

// Terms are words of the domain in a sentence (steps, documents): 谈话、
// 政治审查; screens say each translated.
type Terms []string

// String joins the words the Chinese way, with 、.
func (ts Terms) String() string { return strings.Join(ts, "、") }

// Months are months put into a sentence as a list: 2026年9月、2026年11月
// in Chinese.
type Months []Month

// String joins the months the Chinese way, with 、.
func (ms Months) String() string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.Chinese()
	}
	return strings.Join(parts, "、")
}

// Years are years in a sentence: 2025、2026年 (the format says 年).
type Years []int

// String joins the years the Chinese way, with 、.
func (ys Years) String() string {
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, "、")
}

// TextList is a list of parts in a sentence, each a Text (第5行、第7行（张三）),
// joined by 、 in Chinese.
type TextList []Text

// String joins the parts the Chinese way, with 、.
func (ts TextList) String() string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.String()
	}
	return strings.Join(parts, "、")
}

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
func (f Finding) Says(format string, args ...any) Finding { return f.With(Textf(format, args...)) }

// With is the finding with its sentence t: the Text, and the Chinese
// Message made from it.
func (f Finding) With(t Text) Finding {
	f.Text, f.Message = t, t.String()
	return f
}
