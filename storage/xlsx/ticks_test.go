package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A field given by ticking one of several columns (issue 7, kinds 5 and 6):
// 正式 | 预备 under 党员类别, 男 | 女 under 性别, 是 | 否 under 是否流动党员, and
// 正式党员 | 预备党员 side by side without a group heading. The ticked
// column's heading is the value; two ticks, or a cell that is no tick, are
// refused naming the columns.
func TestKindTickColumns(t *testing.T) {
	full, prob := idNumber("19800101", "011"), idNumber("19820202", "022")
	grouped := func(rows ...[]any) []byte {
		return roster(t, append([][]any{
			{"序号", "姓名", "公民身份号码", "党员类别", nil, "性别", nil, "加入党组织日期", "转为正式党员日期", "是否流动党员", nil},
			{nil, nil, nil, "正式", "预备", "男", "女", nil, nil, "是", "否"},
		}, rows...), [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "C2"}, [2]string{"D1", "E1"},
			[2]string{"F1", "G1"}, [2]string{"H1", "H2"}, [2]string{"I1", "I2"}, [2]string{"J1", "K1"})
	}
	tests := []struct {
		name   string
		data   []byte
		row    int
		cat    model.Category
		sex    model.Sex
		mobile bool
		refuse map[model.Field]string // a word each refusal says
	}{
		{"√ under 正式, 男, 否", grouped([]any{"1", "赵一", full, "√", nil, "√", nil, "2010-07-01", "2011-07-01", nil, "√"}),
			3, model.CategoryFull, model.SexMale, false, nil},
		{"✓ under 预备, 女 with ● , 是", grouped([]any{"1", "钱二", prob, nil, "✓", nil, "●", "2026-03-01", nil, "√", nil}),
			3, model.CategoryProbationary, model.SexFemale, true, nil},
		{"the value written in its own column", grouped([]any{"1", "钱二", prob, nil, "预备党员", nil, "女", "2026-03-01", nil, "是", nil}),
			3, model.CategoryProbationary, model.SexFemale, true, nil},
		{"the other value written in a column", grouped([]any{"1", "钱二", prob, nil, "√", "女", nil, "2026-03-01", nil, "√", nil}),
			3, "", "", false, map[model.Field]string{model.FieldSex: "“男”栏中“女”不是勾选符号"}},
		{"a cross beside the tick", grouped([]any{"1", "赵一", full, "√", "×", "√", "×", "2010-07-01", "2011-07-01", "×", "√"}),
			3, model.CategoryFull, model.SexMale, false, nil},
		{"nothing ticked: category from the dates, sex from the ID", grouped([]any{"1", "赵一", full, nil, nil, nil, nil, "2010-07-01", "2011-07-01", nil, nil}),
			3, model.CategoryFull, model.SexMale, false, nil},
		{"both ticked", grouped([]any{"1", "赵一", full, "√", "√", "√", nil, "2010-07-01", "2011-07-01", nil, "√"}),
			3, "", "", false, map[model.Field]string{model.FieldCategory: "“正式”“预备”都打了勾"}},
		{"not a tick", grouped([]any{"1", "赵一", full, "2011", nil, "√", nil, "2010-07-01", "2011-07-01", nil, "√"}),
			3, "", "", false, map[model.Field]string{model.FieldCategory: "“正式”栏中“2011”不是勾选符号"}},
		{"only crosses", grouped([]any{"1", "赵一", full, "√", nil, "×", "×", "2010-07-01", "2011-07-01", nil, "√"}),
			3, "", "", false, map[model.Field]string{model.FieldSex: "一栏也没有打“√”"}},
		{"正式党员 | 预备党员 without a group heading", roster(t, [][]any{
			{"姓名", "公民身份号码", "正式党员", "预备党员", "加入党组织日期"},
			{"钱二", prob, nil, "√", "2026-03-01"},
		}), 2, model.CategoryProbationary, model.SexFemale, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, tt.data)
			if tt.refuse != nil {
				got := rejections(rf, tt.row)
				for f, word := range tt.refuse {
					if !strings.Contains(got[f], word) {
						t.Errorf("%s refused %q; want %q", f, got[f], word)
					}
				}
				return
			}
			m := member(t, rf, tt.row)
			if m.Category != tt.cat || m.Sex != tt.sex || m.Mobile != tt.mobile {
				t.Errorf("category %q sex %q mobile %v; want %q %q %v", m.Category, m.Sex, m.Mobile, tt.cat, tt.sex, tt.mobile)
			}
			if ig := rf.Sheets[0].Ignored; len(ig) > 0 {
				t.Errorf("columns not imported %q", ig)
			}
		})
	}
}

// A lone heading that is a value ("正式党员" with no 预备党员 beside it) is
// not taken for a tick column: it is named as not imported.
func TestLoneTickHeadingNotImported(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "正式党员", "人员类别", "加入党组织日期", "转为正式党员日期"},
		{"赵一", idNumber("19800101", "011"), "√", "正式党员", "2010-07-01", "2011-07-01"},
	}))
	if m := member(t, rf, 2); m.Category != model.CategoryFull {
		t.Errorf("category %q", m.Category)
	}
	if ig := rf.Sheets[0].Ignored; len(ig) != 1 || ig[0] != "正式党员" {
		t.Errorf("not imported %q", ig)
	}
}

// The workbook of refused rows marks every tick column of the field refused,
// and reads back with the same refusal.
func TestRejectedTickRowMarksEveryColumn(t *testing.T) {
	data := roster(t, [][]any{
		{"姓名", "公民身份号码", "党员类别", nil, "加入党组织日期", "转为正式党员日期"},
		{nil, nil, "正式", "预备", nil, nil},
		{"赵一", idNumber("19800101", "011"), "√", "√", "2010-07-01", "2011-07-01"},
	}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "D1"}, [2]string{"E1", "E2"}, [2]string{"F1", "F2"})
	rf := read(t, data)
	var buf bytes.Buffer
	if _, err := WriteRejectedRows(&buf, data, rf.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, ref := range []string{"C3", "D3"} {
		idx, _ := f.GetCellStyle("名册", ref)
		st, _ := f.GetStyle(idx)
		if st == nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != rejectedFill.Color[0] {
			t.Errorf("%s not marked", ref)
		}
	}
	again := read(t, buf.Bytes())
	if got := rejections(again, 3)[model.FieldCategory]; !strings.Contains(got, "都打了勾") {
		t.Errorf("read back: %q", got)
	}
}

// Sub-headings under a group heading that names someone else (紧急联系人,
// 入党介绍人, 培养联系人, 配偶) are that person's, never the member's: they
// are named as not imported, even where the member has no such column
// (review s3-7 attack #1: every member got the emergency contact's phone).
// The member's own 座机 under 联系方式 is a second number, read where 手机 is
// blank (review s9-7 #9).
func TestOtherPersonsGroupNotImported(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "紧急联系人", nil, "入党介绍人", nil, "培养联系人", nil, "联系方式", nil},
		{nil, nil, "姓名", "联系电话", "姓名", "公民身份号码", "姓名", "所在党支部", "手机", "座机"},
		{"赵一", idNumber("19800101", "011"), "赵二", "13900000000", "钱三", idNumber("19700101", "033"), "孙四", "第二党支部", "13712345678", nil},
	}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "D1"}, [2]string{"E1", "F1"}, [2]string{"G1", "H1"}, [2]string{"I1", "J1"}))
	m := member(t, rf, 3)
	if m.Name != "赵一" || m.IDNumber != idNumber("19800101", "011") || m.Phone != "13712345678" || m.BranchName != "" {
		t.Errorf("member %q %q phone %q branch %q", m.Name, m.IDNumber, m.Phone, m.BranchName)
	}
	want := "紧急联系人/姓名|紧急联系人/联系电话|入党介绍人/姓名|入党介绍人/公民身份号码|培养联系人/姓名|培养联系人/所在党支部"
	if got := strings.Join(rf.Sheets[0].Ignored, "|"); got != want {
		t.Errorf("not imported %q; want %q", got, want)
	}
}

// Every group heading naming someone other than the member sets its
// sub-headings aside, however it is worded: 家庭主要成员 (the 党员登记表's),
// 爱人, 妻子, 丈夫, 紧急联络人, 担保人, 家长 gave the member their father's
// or spouse's phone and employer (review s10-attack7 #11); the member's own
// 家庭住址 over its parts is still read.
func TestFamilyGroupsAreSetAside(t *testing.T) {
	for _, group := range []string{"家庭主要成员", "爱人", "妻子", "丈夫", "紧急联络人", "担保人", "家长", "本人以外联络方式", "家庭情况", "主要家庭成员"} {
		t.Run(group, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "联系电话", group, nil, nil},
				{nil, nil, nil, "称谓", "联系电话", "工作单位"},
				{"赵一", idNumber("19800101", "011"), nil, "父亲", "13900000009", "市医院"},
			}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "C2"}, [2]string{"D1", "F1"}))
			m := member(t, rf, 3)
			if m.Phone != "" || m.Post != "" {
				t.Errorf("the member got phone %q, 工作岗位 %q from %s", m.Phone, m.Post, group)
			}
			want := group + "/称谓|" + group + "/联系电话|" + group + "/工作单位"
			if got := strings.Join(rf.Sheets[0].Ignored, "|"); got != want {
				t.Errorf("not imported %q; want %q", got, want)
			}
		})
	}
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "家庭电话", "家庭住址"},
		{"赵一", idNumber("19800101", "011"), "13900000009", "兰州市城关区"},
	}))
	if m := member(t, rf, 2); m.Phone != "13900000009" {
		t.Errorf("the member's own 家庭电话 was not read: phone %q", m.Phone)
	}
}
