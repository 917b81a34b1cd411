package model

import (
	"fmt"
	"strings"
)

// SetText sets field f from its text form, the inverse of Text: what a form
// entry or a spreadsheet cell holds. Dates are read with ParseDate, yes/no
// with ParseYesNo. It does not validate the record; on error the field is
// left as it was.
func (m *Member) SetText(f Field, s string) error {
	switch f {
	case FieldName:
		m.Name = s
	case FieldSex:
		m.Sex = Sex(strings.TrimSpace(s))
	case FieldEthnicity:
		m.Ethnicity = s
	case FieldIDNumber:
		m.IDNumber = s
	case FieldEducation:
		m.Education = s
	case FieldCategory:
		m.Category = Category(strings.TrimSpace(s))
	case FieldBranchName:
		m.BranchName = s
	case FieldPost:
		m.Post = s
	case FieldPhone:
		m.Phone = s
	case FieldAddress:
		m.Address = s
	case FieldStanding:
		m.Standing = Standing(strings.TrimSpace(s))
	case FieldMobileDestination:
		m.MobileDestination = s
	case FieldNotes:
		m.Notes = s
	case FieldBirthDate, FieldJoinDate, FieldFullDate, FieldLostSince, FieldArrivedOn:
		d, err := ParseDate(s)
		if err != nil {
			return err
		}
		*m.dateField(f) = d
	case FieldLostContact, FieldMobile:
		b, ok := ParseYesNo(s)
		if !ok {
			return fmt.Errorf("%q：请填写“是”或“否”", s)
		}
		if f == FieldMobile {
			m.Mobile = b
		} else {
			m.LostContact = b
		}
	default:
		return fmt.Errorf("未知字段 %q", string(f))
	}
	return nil
}

func (m *Member) dateField(f Field) *Date {
	switch f {
	case FieldBirthDate:
		return &m.BirthDate
	case FieldJoinDate:
		return &m.JoinDate
	case FieldFullDate:
		return &m.FullDate
	case FieldArrivedOn:
		return &m.ArrivedOn
	}
	return &m.LostSince
}
