package workspace

import (
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"branchledger/model"
)

// A finding's sentence is kept beside its Chinese message as JSON, so that
// the workspace can say a branch's findings in the UI language as the
// branch's own screens do (model.Text). Each argument keeps its kind under
// a one-letter key:
//
//	{"s":"张三"}  a plain string: a name, a text the user typed
//	{"w":"正式党员"}  a word of the domain (Category, ActivityKind, Term …)
//	{"i":3}       a number
//	{"d":"2026-03-05"} or {"d":"2026-03"}  a Date (a month-only date)
//	{"m":24315}   a Month
//	{"p":[2026,1,3]}  a PeriodName (year, period, index)
//	{"$":1250}    Money in 分
//	{"v":2} {"a":4}  a Severity, a FindingTopic
//	{"t":{…}} {"ts":[…]}  a Text, Texts
//	{"n":["甲","乙"]} {"y":[2025,2026]}  Names, Years
//	{"e":[["field","message"],…]}  ValidationErrors
//
// An argument of another kind is kept as its Chinese words ({"s":…}).
type textJSON struct {
	F string    `json:"f"`
	A []argJSON `json:"a,omitempty"`
}

type argJSON struct {
	S  *string     `json:"s,omitempty"`
	W  *string     `json:"w,omitempty"`
	I  *int        `json:"i,omitempty"`
	D  string      `json:"d,omitempty"`
	M  *int        `json:"m,omitempty"`
	P  []int       `json:"p,omitempty"`
	Y  *int64      `json:"$,omitempty"`
	V  *int        `json:"v,omitempty"`
	T  *textJSON   `json:"t,omitempty"`
	TS []textJSON  `json:"ts,omitempty"`
	N  []string    `json:"n,omitempty"`
	YS []int       `json:"y,omitempty"`
	E  [][2]string `json:"e,omitempty"`
	AB *int        `json:"ab,omitempty"`
}

// encodeText is t as stored; "" for the zero Text.
func encodeText(t model.Text) string {
	if t.IsZero() {
		return ""
	}
	raw, err := json.Marshal(toJSON(t))
	if err != nil {
		return ""
	}
	return string(raw)
}

// decodeText reads what encodeText stored; a text it cannot read is the
// message alone (the Chinese sentence).
func decodeText(s, message string) model.Text {
	var j textJSON
	if s == "" || json.Unmarshal([]byte(s), &j) != nil {
		return model.Text{}
	}
	t := fromJSON(j)
	if t.String() != message {
		return model.Text{} // not the sentence stored beside it: trust the message
	}
	return t
}

func toJSON(t model.Text) textJSON {
	j := textJSON{F: t.Format}
	for _, a := range t.Args {
		j.A = append(j.A, argToJSON(a))
	}
	return j
}

func argToJSON(a any) argJSON {
	switch a := a.(type) {
	case string:
		return argJSON{S: &a}
	case int:
		return argJSON{I: &a}
	case model.Date:
		return argJSON{D: dateText(a)}
	case model.Month:
		m := int(a)
		return argJSON{M: &m}
	case model.PeriodName:
		return argJSON{P: []int{a.Year, int(a.Period), a.Index}}
	case model.Money:
		y := int64(a)
		return argJSON{Y: &y}
	case model.Severity:
		v := int(a)
		return argJSON{V: &v}
	case model.FindingTopic:
		v := int(a)
		return argJSON{AB: &v}
	case model.Text:
		t := toJSON(a)
		return argJSON{T: &t}
	case model.Texts:
		ts := make([]textJSON, len(a))
		for i, t := range a {
			ts[i] = toJSON(t)
		}
		return argJSON{TS: ts}
	case model.Names:
		return argJSON{N: append([]string{}, a...)}
	case model.Years:
		return argJSON{YS: append([]int{}, a...)}
	case model.ValidationErrors:
		e := make([][2]string, len(a))
		for i, x := range a {
			e[i] = [2]string{string(x.Field), x.Message}
		}
		return argJSON{E: e}
	}
	if v := reflect.ValueOf(a); v.Kind() == reflect.String {
		s := v.String()
		return argJSON{W: &s}
	}
	s := model.Textf("%v", a).String()
	return argJSON{S: &s}
}

func dateText(d model.Date) string {
	if d.MonthOnly() {
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return d.String()
}

func fromJSON(j textJSON) model.Text {
	t := model.Text{Format: j.F}
	for _, a := range j.A {
		t.Args = append(t.Args, argFromJSON(a))
	}
	return t
}

func argFromJSON(a argJSON) any {
	switch {
	case a.S != nil:
		return *a.S
	case a.W != nil:
		return model.Term(*a.W)
	case a.I != nil:
		return *a.I
	case a.D != "":
		var y, m int
		if n, _ := fmt.Sscanf(a.D, "%d-%d", &y, &m); n == 2 && len(a.D) == 7 {
			return model.MonthDate(y, time.Month(m))
		}
		d, _ := model.ParseDate(a.D)
		return d
	case a.M != nil:
		return model.Month(*a.M)
	case len(a.P) == 3:
		return model.PeriodName{Year: a.P[0], Period: model.Period(a.P[1]), Index: a.P[2]}
	case a.Y != nil:
		return model.Money(*a.Y)
	case a.V != nil:
		return model.Severity(*a.V)
	case a.AB != nil:
		return model.FindingTopic(*a.AB)
	case a.T != nil:
		return fromJSON(*a.T)
	case a.TS != nil:
		ts := make(model.Texts, len(a.TS))
		for i, t := range a.TS {
			ts[i] = fromJSON(t)
		}
		return ts
	case a.N != nil:
		return model.Names(a.N)
	case a.YS != nil:
		return model.Years(a.YS)
	case a.E != nil:
		v := make(model.ValidationErrors, len(a.E))
		for i, e := range a.E {
			v[i] = model.FieldError{Field: model.Field(e[0]), Message: e[1]}
		}
		return v
	}
	return ""
}
