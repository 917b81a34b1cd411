package model

import (
	"strings"
	"testing"
)

var testToday = NewDate(2026, 11, 25)

// validMember is a full member born 1971-09-24 who joined at 30.
func validMember() Member {
	m := NewMember()
	m.Name = "廖明"
	m.Sex = SexMale
	m.IDNumber = "622421197109249938"
	m.JoinDate = NewDate(2001, 7, 1)
	m.FullDate = NewDate(2002, 7, 1)
	m.Phone = "17474598897"
	return m
}

// Each row is one rule of RULES.md §4 or the recruiting rules §3 as the form
// applies it; the field named is where the message must appear.
func TestMemberValidate(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(m *Member)
		field  Field // "" = valid
		reason string
	}{
		{"valid", func(m *Member) {}, "", ""},
		{"name_required", func(m *Member) { m.Name = "" }, FieldName, "姓名"},
		{"id_required", func(m *Member) { m.IDNumber = "" }, FieldIDNumber, "公民身份号码"},
		{"id_check_digit", func(m *Member) { m.IDNumber = "622421197109249937" }, FieldIDNumber, "校验位"},
		{"id_lowercase_x_ok", func(m *Member) {
			m.IDNumber, m.Sex = "11010519491231002x", SexFemale
			m.JoinDate, m.FullDate = NewDate(1970, 1, 1), NewDate(1971, 1, 1)
		}, "", ""},
		{"sex_disagrees_with_id", func(m *Member) { m.Sex = SexFemale }, FieldSex, "不一致"},
		{"birth_disagrees_with_id", func(m *Member) { m.BirthDate = NewDate(1971, 9, 25) }, FieldBirthDate, "不一致"},
		{"birth_month_only_agrees", func(m *Member) { m.BirthDate = MonthDate(1971, 9) }, "", ""},
		{"join_before_18th_birthday", func(m *Member) { m.JoinDate = NewDate(1989, 9, 23) }, FieldJoinDate, "18周岁"},
		{"join_on_18th_birthday", func(m *Member) { m.JoinDate, m.FullDate = NewDate(1989, 9, 24), NewDate(1990, 9, 24) }, "", ""},
		{"join_in_future", func(m *Member) { m.JoinDate = NewDate(2026, 11, 26) }, FieldJoinDate, "晚于今天"},
		{"join_required", func(m *Member) { m.JoinDate = Date{} }, FieldJoinDate, "请填写"},
		{"full_before_join", func(m *Member) { m.FullDate = NewDate(2001, 6, 1) }, FieldFullDate, "晚于加入党组织日期"},
		{"full_before_probation_ends", func(m *Member) { m.FullDate = NewDate(2002, 6, 30) }, FieldFullDate, "预备期满"},
		{"full_month_only_same_month_ok", func(m *Member) { m.FullDate = MonthDate(2002, 7) }, "", ""},
		{"full_in_future", func(m *Member) { m.JoinDate, m.FullDate = NewDate(2025, 11, 1), NewDate(2026, 12, 1) }, FieldFullDate, "晚于今天"},
		{"full_member_needs_full_date", func(m *Member) { m.FullDate = Date{} }, FieldFullDate, "转为正式党员日期"},
		{"probationary_has_no_full_date", func(m *Member) { m.Category = CategoryProbationary }, FieldFullDate, "预备党员"},
		{"probationary_ok", func(m *Member) {
			m.Category, m.FullDate, m.JoinDate = CategoryProbationary, Date{}, NewDate(2026, 4, 2)
		}, "", ""},
		{"mobile_phone_ok", func(m *Member) { m.Phone = "138 0013 8000" }, "", ""},
		{"landline_ok", func(m *Member) { m.Phone = "0932-8123456" }, "", ""},
		{"phone_too_short", func(m *Member) { m.Phone = "1380013800" }, FieldPhone, "11位"},
		{"phone_letters", func(m *Member) { m.Phone = "电话待补" }, FieldPhone, "格式"},
		{"lost_contact_needs_month", func(m *Member) { m.LostContact = true }, FieldLostSince, "失联年月"},
		{"mobile_needs_destination", func(m *Member) { m.Mobile = true }, FieldMobileDestination, "外出流向"},
		{"arrived_before_join", func(m *Member) { m.ArrivedOn = NewDate(2000, 1, 1) }, FieldArrivedOn, "早于加入党组织日期"},
		{"arrived_in_join_month_ok", func(m *Member) { m.ArrivedOn = MonthDate(m.JoinDate.Year, m.JoinDate.Month) }, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := validMember()
			tt.edit(&m)
			m.Normalize()
			errs := m.Validate(testToday, CurrentRules())
			if tt.field == "" {
				if len(errs) > 0 {
					t.Fatalf("want valid, got %v", errs)
				}
				return
			}
			msg := errs.For(tt.field)
			if msg == "" {
				t.Fatalf("want a message on %s, got %v", tt.field.Label(), errs)
			}
			if !strings.Contains(msg, tt.reason) {
				t.Errorf("message on %s = %q, want it to mention %q", tt.field.Label(), msg, tt.reason)
			}
		})
	}
}

func TestNormalizeFillsBirthAndSexFromID(t *testing.T) {
	m := NewMember()
	m.Name = " 龙 敏 "
	m.IDNumber = "620421199611179303"
	m.BirthDate = MonthDate(1996, 11) // as hand-typed: 1996年11月
	m.Normalize()
	if m.Name != "龙敏" || m.BirthDate != NewDate(1996, 11, 17) || m.Sex != SexFemale {
		t.Errorf("got name %q birth %v sex %q", m.Name, m.BirthDate, m.Sex)
	}
}

func TestPartyAge(t *testing.T) {
	m := validMember()
	if years, ok := m.PartyAge(testToday); !ok || years != 24 {
		t.Errorf("party age from 2002-07-01 to 2026-11-25 = %d, %v; want 24", years, ok)
	}
	m.Category, m.FullDate = CategoryProbationary, Date{}
	if _, ok := m.PartyAge(testToday); ok {
		t.Error("a probationary member has no party age yet")
	}
}

// A member's 学历 is kept the way the importer keeps it, whoever writes it:
// the form saved 本科 while the import of the same roster stored 大学
// (review s13-newuser #1). Text the table does not know stays as typed.
func TestNormalizeWritesEducationAsTheImportDoes(t *testing.T) {
	for typed, want := range map[string]string{"本科": "大学", "大学本科": "大学", "专科": "大专", "硕士": "硕士研究生", "研究生": "研究生", "函授本科在读": "函授本科在读", "": ""} {
		m := Member{Education: typed}
		m.Normalize()
		if m.Education != want {
			t.Errorf("学历 %q is stored %q, want %q", typed, m.Education, want)
		}
	}
}
