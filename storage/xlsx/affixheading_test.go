package xlsx

import (
	"testing"

	"branchledger/model"
)

// Headings that are a known one with 现/目前/本人/联系/家庭 before it, or
// another ending (年月日 for 年月, 名称), name its field: a closed list
// left these columns out and then blamed the user for the dates and
// branches they had filled in (review s9-7 #11).
func TestHeadingWithAffixes(t *testing.T) {
	tests := []struct {
		heading string
		want    model.Field
	}{
		{"现所在支部", model.FieldBranchName},
		{"目前所在党支部", model.FieldBranchName},
		{"现所在党支部", model.FieldBranchName},
		{"所属党组织名称", model.FieldBranchName},
		{"党组织", model.FieldBranchName},
		{"入党年月日", model.FieldJoinDate},
		{"转正年月日", model.FieldFullDate},
		{"预备党员时间", model.FieldJoinDate},
		{"正式党员时间", model.FieldFullDate},
		{"发展时间", model.FieldJoinDate},
		{"按期转正时间", model.FieldFullDate},
		{"现家庭住址", model.FieldAddress},
		{"家庭现住址", model.FieldAddress},
		{"居住地", model.FieldAddress},
		{"联系手机", model.FieldPhone},
		{"本人电话", model.FieldPhone},
		{"联系电话号码", model.FieldPhone},
		{"文化", model.FieldEducation},
		{"最高学历学位", model.FieldEducation},
		{"工作职务", model.FieldPost},
		{"从事职业", model.FieldPost},
		{"当前党籍", model.FieldStanding},
		// What is left must still name a field, by at least two characters.
		{"现", ""}, {"日期", ""}, {"联系人", ""}, {"家庭成员", ""}, {"现工作地", ""}, {"本人成分", ""},
		{"入团年月日", ""}, {"参加工作时间", ""},
	}
	for _, tt := range tests {
		if got, _ := matchHeading(tt.heading); got != tt.want {
			t.Errorf("matchHeading(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
	id := idNumber("19870514", "911")
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "现所在支部", "入党年月日", "转正年月日", "联系手机", "家庭现住址", "工作职务"},
		{"孔令辉", id, "第一党支部", "2010.06.01", "2011.06.01", "13512345670", "兰州市城关区", "会计"},
	}))
	m := member(t, rf, 2)
	if m.BranchName != "第一党支部" || m.JoinDate.String() != "2010-06-01" || m.FullDate.String() != "2011-06-01" ||
		m.Phone != "13512345670" || m.Address != "兰州市城关区" || m.Post != "会计" || m.Category != model.CategoryFull {
		t.Errorf("stored %+v", m)
	}
	if got := rf.Sheets[0].Ignored; len(got) != 0 {
		t.Errorf("columns not imported %q, want none", got)
	}
}

// A date heading over the events names each event's date, 出生 too:
// 时间 over 出生 / 入党 / 转正 (review s9-7 #11).
func TestDateGroupOverBirth(t *testing.T) {
	id := idNumber("19870514", "911")
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "时间", nil, nil},
		{nil, nil, "出生", "入党", "转正"},
		{"孔令辉", id, "1987.05", "2010.06", "2011.06"},
	}, [2]string{"C1", "E1"}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}))
	m := member(t, rf, 3)
	if m.BirthDate.String() != "1987-05-14" || m.JoinDate.String() != "2010-06" || m.FullDate.String() != "2011-06" {
		t.Errorf("stored birth %s, join %s, full %s", m.BirthDate, m.JoinDate, m.FullDate)
	}
	if got := rf.Sheets[0].Ignored; len(got) != 0 {
		t.Errorf("columns not imported %q, want none", got)
	}
}
