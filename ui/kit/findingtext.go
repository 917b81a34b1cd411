package kit

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2/lang"

	"branchledger/model"
)

// FindingText is a finding in the UI language: its Text when it has one,
// else its Message (a finding read back from where only the Chinese
// sentence was kept).
func FindingText(f model.Finding) string {
	if f.Text.IsZero() {
		return f.Message
	}
	return Say(f.Text)
}

// Say is a sentence of the model (model.Text) in the UI language. The
// format is looked up in the translation files (findings.json); a format
// they do not hold is said in Chinese, as the model wrote it. In another
// language each argument is said in it too: dates as 2026-03-05 or
// Mar 2026, money as ¥12.50, the domain's words (categories, meeting kinds,
// severities …) translated, lists joined with commas; names and numbers
// stay as they are. A translated format may reorder the arguments
// (%[2]s) and may give a word's singular and plural as {month|months},
// chosen by the number the nearest verb before it prints.
func Say(t model.Text) string {
	tr := t.Format
	if known()[t.Format] {
		tr = lang.L(t.Format)
	}
	// A format without Chinese ("%s", "%s（%s → %s）" aside) is the same
	// in both languages: in English its arguments still are English (a
	// month alone read 2026年11月 in an English list, review s8-8 #2).
	if tr == t.Format && (!english() || hasHan(tr)) {
		return t.String()
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		args[i] = translatedArg(a)
	}
	tr = pluralWords(tr, t.Args)
	if english() {
		tr = inMonths(tr, t.Args)
	}
	return fmt.Sprintf(tr, args...)
}

// inMonths says "in May 2027" where a translation says "on %s" of a date
// that has no day: the formats are written for a day ("ends on 2027-05-20"),
// and a 任期 entered as a month read "The committee's term ends on May 2027"
// (review s14-newuser #4).
func inMonths(format string, args []any) string {
	vs := Verbs(format)
	for i := len(vs) - 1; i >= 0; i-- {
		v := vs[i]
		if v.Arg >= len(args) || !monthOnly(args[v.Arg]) {
			continue
		}
		start := strings.LastIndex(format[:v.End], "%")
		before := format[:start]
		if !strings.HasSuffix(before, "on ") {
			continue
		}
		if n := len(before) - 3; n == 0 || format[n-1] == ' ' || format[n-1] == '(' {
			format = before[:n] + "in " + format[start:]
		}
	}
	return format
}

// monthOnly reports whether a sentence's argument is a month, not a day.
func monthOnly(a any) bool {
	switch a := a.(type) {
	case model.Date:
		return a.MonthOnly()
	case model.Month:
		return true
	case model.PeriodName:
		return a.Period == model.Monthly
	}
	return false
}

// translatedArg is an argument of a translated sentence in the UI
// language.
func translatedArg(a any) any {
	switch a := a.(type) {
	case model.Date:
		if a.MonthOnly() {
			return monthName(a.Year, a.Month)
		}
		return a.String()
	case model.Month:
		return monthName(a.Year(), a.Mon())
	case model.Money:
		if a < 0 {
			return "-¥" + (-a).String()
		}
		return "¥" + a.String()
	case model.Text:
		return Say(a)
	case model.Texts:
		parts := make([]string, len(a))
		for i, t := range a {
			parts[i] = Say(t)
		}
		return strings.Join(parts, "; ")
	case model.TextList:
		parts := make([]string, len(a))
		for i, t := range a {
			parts[i] = Say(t)
		}
		return strings.Join(parts, ", ")
	case model.Names:
		return strings.Join(a, ", ")
	case model.Terms:
		parts := make([]string, len(a))
		for i, t := range a {
			parts[i] = Word(t)
		}
		return strings.Join(parts, ", ")
	case model.Years:
		parts := make([]string, len(a))
		for i, y := range a {
			parts[i] = strconv.Itoa(y)
		}
		return strings.Join(parts, ", ")
	case model.Months:
		parts := make([]string, len(a))
		for i, m := range a {
			parts[i] = monthName(m.Year(), m.Mon())
		}
		return strings.Join(parts, ", ")
	case model.PeriodName:
		switch a.Period {
		case model.Monthly:
			return monthName(a.Year, time.Month(a.Index))
		case model.Quarterly:
			return fmt.Sprintf("Q%d %d", a.Index, a.Year)
		}
		return strconv.Itoa(a.Year)
	case model.Citation:
		s := Word(a.Document) + " (" + a.Edition + ")"
		switch {
		case a.Local:
			return s + " " + Word("及各地通行做法")
		case a.Article != "":
			if n, ok := articleNumber(a.Article); ok {
				return s + ", art. " + strconv.Itoa(n)
			}
			return s + " " + a.Article
		}
		return s
	case model.ValidationErrors:
		// The fields, not the messages: these are the model's Chinese
		// sentences of the member's form, shown in full on their page.
		parts := make([]string, 0, len(a))
		for _, e := range a {
			if l := Word(e.Field.Label()); !slices.Contains(parts, l) {
				parts = append(parts, l)
			}
		}
		return strings.Join(parts, ", ")
	case string:
		return a
	case fmt.Stringer: // Severity, FindingTopic
		return Word(a.String())
	}
	if v := reflect.ValueOf(a); v.Kind() == reflect.String {
		return Word(v.String()) // Category, ActivityKind, EventKind …
	}
	return a
}

// Word is a word of the domain — a category, a meeting kind, a severity —
// in the UI language; words the translation files do not hold (a name, a
// text the user typed) as they are.
func Word(zh string) string {
	if zh == "" || !known()[zh] {
		return zh
	}
	return lang.L(zh)
}

// DateText is a date in a sentence of the UI language: 2026年1月14日 in
// Chinese, 2026-01-14 in English; a date known only to the month as
// 2026年1月 or Jan 2026. The translation files give the layout (time.Format)
// of each language.
func DateText(d model.Date) string {
	switch {
	case d.IsZero():
		return ""
	case d.MonthOnly():
		return d.Time().Format(lang.L("2006年1月"))
	}
	return d.Time().Format(lang.L("2006年1月2日"))
}

// Amount is money said alone in the UI language: 35.57元 in Chinese,
// ¥35.57 in English (as Say puts money into a sentence).
func Amount(m model.Money) string {
	if english() {
		return translatedArg(m).(string)
	}
	return m.String() + "元"
}

// MonthList lists months briefly in the UI language: 2026-10、2026-11 in
// Chinese, Oct 2026, Nov 2026 in English.
func MonthList(ms []model.Month) string {
	if english() {
		return translatedArg(model.Months(ms)).(string)
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.String()
	}
	return strings.Join(parts, "、")
}

// Cite is a rule's citation in the UI language: 《…》（2014年）第十三条 in
// Chinese, "Detailed Rules … (2014), art. 13" in English; "" for none.
func Cite(c model.Citation) string {
	if c == (model.Citation{}) {
		return ""
	}
	if Word(c.Document) == c.Document {
		return c.Chinese()
	}
	return translatedArg(c).(string)
}

// articleNumber reads an article as Chinese documents number them: 第九条
// is 9, 第三十五条 35.
func articleNumber(s string) (int, bool) {
	rs := []rune(s)
	if len(rs) < 3 || rs[0] != '第' || rs[len(rs)-1] != '条' {
		return 0, false
	}
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	n, cur := 0, 0
	for _, r := range rs[1 : len(rs)-1] {
		switch {
		case r == '十':
			if cur == 0 {
				cur = 1
			}
			n, cur = n+cur*10, 0
		case r == '百':
			if cur == 0 {
				cur = 1
			}
			n, cur = n+cur*100, 0
		case digits[r] > 0:
			cur = digits[r]
		default:
			return 0, false
		}
	}
	return n + cur, n+cur > 0
}

// monthName is a month in English: Mar 2026.
func monthName(y int, m time.Month) string {
	return fmt.Sprintf("%s %d", m.String()[:3], y)
}

// pluralGroup is {one|other} in a translated format.
var pluralGroup = regexp.MustCompile(`\{([^{}|]*)\|([^{}|]*)\}`)

// pluralWords chooses, in a translated format, each {one|other} by the
// number the nearest verb before it prints: "one" for 1, "other" for any
// other number or a verb that prints no number.
func pluralWords(format string, args []any) string {
	if !strings.Contains(format, "|") {
		return format
	}
	vs := Verbs(format)
	var b strings.Builder
	last := 0
	for _, m := range pluralGroup.FindAllStringSubmatchIndex(format, -1) {
		b.WriteString(format[last:m[0]])
		one, other := format[m[2]:m[3]], format[m[4]:m[5]]
		word := other
		for i := len(vs) - 1; i >= 0; i-- {
			if vs[i].End <= m[0] {
				if a := vs[i].Arg; a < len(args) && isOne(args[a]) {
					word = one
				}
				break
			}
		}
		b.WriteString(strings.ReplaceAll(word, "%", "%%"))
		last = m[1]
	}
	b.WriteString(format[last:])
	return b.String()
}

func isOne(a any) bool {
	v := reflect.ValueOf(a)
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 1
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint() == 1
	}
	return false
}

// Verb is one verb of an fmt format: the argument it prints (0-based), the
// verb letter, and where in the format it ends.
type Verb struct {
	Arg  int
	Verb rune
	End  int
}

// Verbs lists the verbs of an fmt format in order, with the argument each
// prints, following fmt's rules for explicit indexes (%[2]s) and for
// widths and precisions given as * (which take an argument too).
func Verbs(format string) []Verb {
	var out []Verb
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		// flags, width, precision, explicit indexes
		for i < len(format) {
			c := format[i]
			switch {
			case strings.IndexByte("+-# 0.123456789", c) >= 0:
				i++
				continue
			case c == '*':
				arg++
				i++
				continue
			case c == '[':
				j := strings.IndexByte(format[i:], ']')
				if j < 0 {
					return out
				}
				n := 0
				fmt.Sscanf(format[i+1:i+j], "%d", &n)
				arg = n - 1
				i += j + 1
				continue
			}
			break
		}
		if i >= len(format) {
			break
		}
		r := []rune(format[i:])[0]
		out = append(out, Verb{Arg: arg, Verb: r, End: i + len(string(r))})
		arg++
		i += len(string(r)) - 1
	}
	return out
}

// english reports whether the UI speaks English (the list separator is
// not the Chinese one).
func english() bool { return lang.L("、") != "、" }

// English reports whether the UI speaks English, for the few texts whose
// English is built otherwise than by a translated template (a run of
// month names).
func English() bool { return english() }

// Sentences joins whole sentences in the UI's language: Chinese runs them
// on after their 。, English puts a space between them (review nu8 N8: a
// space after 。 in the preview).
func Sentences(s ...string) string {
	if english() {
		return strings.Join(s, " ")
	}
	return strings.Join(s, "")
}

// hasHan reports whether s has a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
