package model

import (
	"unicode/utf8"
)

// TextLimits are the longest texts, in characters, the app accepts in its
// free-text fields, at entry and at import alike. They are not official
// rules but the app's own: each field must print legibly in its column of
// the printed forms — a 备注 of 200 characters fills one row of the 花名册
// to Excel's limit of 409 points — and a document pasted into a field by
// mistake must not be stored. The minutes of a meeting (会议内容) are long
// by nature; the printed record continues them over as many rows as they
// need.
var TextLimits = map[Field]int{
	FieldName:              30,
	FieldEthnicity:         10,
	FieldBranchName:        100,
	FieldPost:              50,
	FieldPhone:             30,
	FieldAddress:           100,
	FieldMobileDestination: 50,
	FieldNotes:             200,

	ProfileOrgName:    100,
	ProfileBranchName: 100,

	OrgFieldInstructor: 30, // OrgFieldName is ProfileOrgName ("org_name")
	OrgFieldNotes:      200,

	ActivityPlaceField:      50,
	ActivityTopicField:      100,
	ActivityChairField:      30,
	ActivityRecorderField:   30,
	ActivityObserversField:  200,
	ActivityContentField:    20000,
	ActivityResolutionField: 500,
	ActivityReasonField:     50,
}

// EventNoteLimit is the longest note of a membership event (转出 …) accepted.
const EventNoteLimit = 200

// tooLong is the message for text longer than field's limit, or "". The
// message goes next to the field, or after its name, so it does not repeat
// the field's name; what names a part of a field (第2条决议) is given as what.
// contentTooLong is tooLong's "内容过长" as a Text, for a record's field
// named beside its message: the roster import's refusal of a 42-character
// name was Chinese in the English preview (issue 8, ui13 #7).
func contentTooLong(field Field, text string) Text {
	limit, ok := TextLimits[field]
	if n := utf8.RuneCountInString(text); ok && n > limit {
		return Textf("内容过长（%d个字，最多%d个字）", n, limit)
	}
	return Text{}
}

func tooLong(field Field, what, text string) string {
	var w any
	if what != "" {
		w = Term(what)
	}
	return tooLongText(field, w, text).String()
}

// tooLongText is tooLong as a Text, for forms in English (issue 8, ui13:
// "名称过长（…）" stayed Chinese in the English activity, profile,
// organisation and applicant forms). what is a Term (名称) or a Text
// (第2条决议, 冯九 的缺席原因), said in the UI language; nil for none.
func tooLongText(field Field, what any, text string) Text {
	limit, ok := TextLimits[field]
	if !ok {
		return Text{}
	}
	if n := utf8.RuneCountInString(text); n > limit {
		if what == nil {
			return Textf("过长（%d个字，最多%d个字）", n, limit)
		}
		return Textf("%s过长（%d个字，最多%d个字）", what, n, limit)
	}
	return Text{}
}

// tooLongProblem is tooLongText as a record's problem at field, ok false
// when the text is within its limit.
func tooLongProblem(field Field, what any, text string) (FieldError, bool) {
	t := tooLongText(field, what, text)
	return FieldError{Field: field, Message: t.String(), Text: t}, !t.IsZero()
}
