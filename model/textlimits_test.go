package model

import (
	"fmt"
	"strings"
	"testing"
)

// Every limited member field takes text up to its limit and refuses one
// character more, with a message at the field saying how long it is.
func TestMemberTextLimits(t *testing.T) {
	rules := CurrentRules()
	today := NewDate(2026, 11, 30)
	base := NewMember()
	base.Name, base.Sex, base.IDNumber, base.Category = "张三", SexMale, "62010219850101123"+string(IDCheckChar("62010219850101123")), CategoryFull
	base.JoinDate, base.FullDate = NewDate(2010, 7, 1), NewDate(2011, 7, 1)
	if errs := base.Validate(today, rules); len(errs) > 0 {
		t.Fatalf("the base member is not valid: %v", errs)
	}
	set := map[Field]func(m *Member, s string){
		FieldName: func(m *Member, s string) { m.Name = s },
		// A 民族 with a note (纳西族（摩梭人）) the same length: the name is
		// checked against GB 3304 too.
		FieldEthnicity:         func(m *Member, s string) { m.Ethnicity = "纳西族（" + string([]rune(s)[5:]) + "）" },
		FieldBranchName:        func(m *Member, s string) { m.BranchName = s },
		FieldPost:              func(m *Member, s string) { m.Post = s },
		FieldAddress:           func(m *Member, s string) { m.Address = s },
		FieldMobileDestination: func(m *Member, s string) { m.MobileDestination = s },
		FieldNotes:             func(m *Member, s string) { m.Notes = s },
	}
	for field, setText := range set {
		limit := TextLimits[field]
		t.Run(field.Label(), func(t *testing.T) {
			m := base
			setText(&m, strings.Repeat("党", limit))
			if errs := m.Validate(today, rules); len(errs) > 0 {
				t.Errorf("%d characters refused: %v", limit, errs)
			}
			setText(&m, strings.Repeat("党", limit+1))
			errs := m.Validate(today, rules)
			if len(errs) != 1 || errs[0].Field != field || !strings.Contains(errs[0].Message, "过长") {
				t.Errorf("%d characters: %v, want one message at %s saying it is too long", limit+1, errs, field)
			}
		})
	}
}

func TestActivityAndEventTextLimits(t *testing.T) {
	a := Activity{Topic: strings.Repeat("议", TextLimits[ActivityTopicField]+1), Content: strings.Repeat("容", TextLimits[ActivityContentField]+1),
		Resolutions: []Resolution{{Text: strings.Repeat("决", TextLimits[ActivityResolutionField]+1)}}}
	errs := a.Validate(NewDate(2026, 11, 30), nil)
	for _, f := range []Field{ActivityTopicField, ActivityContentField, ActivityResolutionField} {
		found := false
		for _, e := range errs {
			found = found || e.Field == f && strings.Contains(e.Message, "过长")
		}
		if !found {
			t.Errorf("no too-long message at %s in %v", f, errs)
		}
	}
	// A reason for 缺席 as long as a document is refused naming the member
	// (review s13-attack8 #7); one at the limit is taken.
	m := NewMember()
	m.ID, m.Name, m.OnRoster, m.JoinDate = 7, "冯九", true, NewDate(2010, 1, 1)
	for _, n := range []int{TextLimits[ActivityReasonField], TextLimits[ActivityReasonField] + 1} {
		b := Activity{Kind: KindThemeDay, Date: NewDate(2026, 11, 5), Topic: "主题党日",
			Attendance: []AttendanceRow{{MemberID: 7, Name: "冯九", Status: Absent, Reason: strings.Repeat("差", n)}}}
		var msgs []string
		for _, e := range b.Validate(NewDate(2026, 11, 30), map[int64]*Member{7: &m}) {
			if e.Field == ActivityAttendanceField {
				msgs = append(msgs, e.Message)
			}
		}
		want := fmt.Sprintf("冯九 的缺席原因过长（%d个字，最多%d个字）", n, n-1)
		if n == TextLimits[ActivityReasonField] && len(msgs) != 0 || n > TextLimits[ActivityReasonField] && (len(msgs) != 1 || msgs[0] != want) {
			t.Errorf("a reason of %d characters: %q", n, msgs)
		}
	}
	e := MembershipEvent{Kind: EventTransferOut, Date: NewDate(2026, 1, 1), Note: strings.Repeat("说", EventNoteLimit+1)}
	if err := e.Apply(&m, NewDate(2026, 11, 30)); err == nil || !strings.Contains(err.Error(), "过长") {
		t.Errorf("an event note of %d characters: %v", EventNoteLimit+1, err)
	}
}

// attack11 #10: the organisation list's free texts have limits too, at
// entry and at import (both go through Validate).
func TestOrganisationTextLimits(t *testing.T) {
	o := Organisation{Name: strings.Repeat("名", 40000), Instructor: strings.Repeat("指", 5000), Notes: strings.Repeat("备", 100000),
		Type: OrgEnterprise, Coverage: NotCovered, Reason: ReasonNoMembers}
	got := map[Field]string{}
	for _, e := range o.Validate(CurrentRules().Branch) {
		got[e.Field] = e.Message
	}
	for _, f := range []Field{OrgFieldName, OrgFieldInstructor, OrgFieldNotes} {
		if !strings.Contains(got[f], "过长") {
			t.Errorf("%s: %q", f, got[f])
		}
	}
	o.Name, o.Instructor, o.Notes = strings.Repeat("名", 100), "刘卫东", strings.Repeat("备", 200)
	if errs := o.Validate(CurrentRules().Branch); len(errs) != 0 {
		t.Errorf("texts within the limits: %v", errs)
	}
}

// A plan's topic has the limit of a record's 议题: 300 characters were
// added to 年度计划 without a word (review s14-attack8 #28).
func TestPlanTopicLimit(t *testing.T) {
	limit := TextLimits[ActivityTopicField]
	for _, c := range []struct {
		name  string
		topic string
		want  string
	}{
		{"at_the_limit", strings.Repeat("议", limit), ""},
		{"one_over", strings.Repeat("议", limit+1), Textf("内容过长（%d个字，最多%d个字）", limit+1, limit).String()},
		{"300", strings.Repeat("议", 300), Textf("内容过长（300个字，最多%d个字）", limit).String()},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := Plan{Year: 2026, Month: 3, Kind: ActivityKinds[0], Topic: c.topic}
			errs := p.Validate()
			got := ""
			for _, e := range errs {
				if e.Field == ActivityTopicField {
					got = e.Message
				}
			}
			if got != c.want || c.want == "" && len(errs) > 0 {
				t.Errorf("got %q (all %v), want %q", got, errs, c.want)
			}
		})
	}
}
