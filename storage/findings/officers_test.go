package findings

import (
	"strings"
	"testing"

	"branchledger/model"
	"branchledger/storage/demo"
)

// A saved 支部党员大会 whose 主持人 and 记录人 its own roll marks 缺席 and
// 请假 is questioned in `check` and on home, naming the record and each of
// them; one whose officers were there, or whose chair is not on the roll
// (a guest), is not (review s14-attack8 #18: saved and printed without a
// word).
func TestAbsentChairAndRecorderAreQuestioned(t *testing.T) {
	s := open(t, firstDay)
	var ids []int64
	var names []string
	for _, m := range demo.Members(4, 31, model.NewDate(2020, 3, 1), "支部") {
		m.Category, m.JoinDate, m.FullDate = model.CategoryFull, model.NewDate(2019, 7, 1), model.NewDate(2020, 7, 1)
		m.ArrivedOn = model.NewDate(2020, 8, 1)
		saved, err := s.AddMember(m, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids, names = append(ids, saved.ID), append(names, saved.Name)
	}
	roll := func(away map[int]model.Attendance) []model.AttendanceRow {
		var rows []model.AttendanceRow
		for i, id := range ids {
			r := model.AttendanceRow{MemberID: id, Status: model.Present}
			if st, ok := away[i]; ok {
				r.Status, r.Reason = st, "出差"
			}
			rows = append(rows, r)
		}
		return rows
	}
	day := model.NewDate(firstDay.Year, 3, 10)
	for _, a := range []model.Activity{
		{Kind: model.KindGeneralMeeting, Date: day, Topic: "学习", Chair: names[0], Recorder: names[1] + "、" + names[2],
			Attendance: roll(map[int]model.Attendance{0: model.Absent, 2: model.OnLeave})},
		{Kind: model.KindGeneralMeeting, Date: day.AddMonths(1), Topic: "学习", Chair: names[0], Recorder: names[1],
			Attendance: roll(map[int]model.Attendance{3: model.Absent})},
		{Kind: model.KindGeneralMeeting, Date: day.AddMonths(2), Topic: "学习", Chair: "上级党委书记", Recorder: names[1],
			Attendance: roll(nil)},
	} {
		if _, err := s.SaveActivity(a); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Collect(s, firstDay, firstDay.Year)
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, f := range r.Findings {
		if strings.Contains(f.Message, "在出席情况中为") {
			said = append(said, f.Message)
		}
	}
	want := []string{
		day.Chinese() + "的" + "2026年第1次支部党员大会：主持人" + names[0] + "在出席情况中为缺席，请核对",
		day.Chinese() + "的" + "2026年第1次支部党员大会：记录人" + names[2] + "在出席情况中为请假，请核对",
	}
	if strings.Join(said, "\n") != strings.Join(want, "\n") {
		t.Errorf("check says\n%s\nwant\n%s", strings.Join(said, "\n"), strings.Join(want, "\n"))
	}
}
