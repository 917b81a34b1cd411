package model

import (
	"strings"
	"testing"
)

// Only a 主持人 or 记录人 the record's own roll marks 请假 or 缺席 is
// questioned; a name off the roll (a guest chairing) or present is not.
func TestOfficerChecks(t *testing.T) {
	roll := []AttendanceRow{{Name: "段旭辉", Status: Absent}, {Name: "尹龙军", Status: OnLeave}, {Name: "陈凯", Status: Present}}
	for _, c := range []struct {
		name, chair, recorder string
		want                  []string
	}{
		{"both_away", "段旭辉", "尹龙军", []string{"主持人段旭辉在出席情况中为缺席，请核对", "记录人尹龙军在出席情况中为请假，请核对"}},
		{"present", "陈凯", "陈凯", nil},
		{"guest_chair", "上级党委书记", "陈凯", nil},
		{"one_of_two_names", "陈凯", "陈凯、段旭辉", []string{"记录人段旭辉在出席情况中为缺席，请核对"}},
		{"name_inside_a_longer_one", "段旭辉辉", "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := Activity{Chair: c.chair, Recorder: c.recorder, Attendance: roll}
			var got []string
			for _, ch := range a.OfficerChecks() {
				got = append(got, ch.Message)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
