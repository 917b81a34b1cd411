package xlsx

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"branchledger/model"
)

func readRecruitBook(t *testing.T, wb workbook) *RecruitFile {
	t.Helper()
	path := filepath.Join(t.TempDir(), "发展党员台账.xlsx")
	if err := os.WriteFile(path, wb.bytes(t), 0o644); err != nil {
		t.Fatal(err)
	}
	rf, err := ReadRecruitFile(path, today)
	if err != nil {
		t.Fatalf("ReadRecruitFile: %v", err)
	}
	return rf
}

// A pipeline sheet as a branch keeps it: a title, headings with aliases and
// brackets, dates typed every way, an ID number Excel turned into a number,
// an applicant under 18, a repeated person and a footer.
func TestReadRecruitFile(t *testing.T) {
	good := idNumber("19950312", "123")
	young := idNumber("20090101", "124")
	rows := [][]any{
		{"某某公司党支部发展党员台账"},
		{"序号", "姓名", "身份证号码", "性别", "申请入党时间", "谈话日期", "确定为入党积极分子日期", "培养联系人",
			"确定发展对象日期", "公示开始日期", "公示结束日期", "培训开始日期", "培训结束日期", "培训学时", "入党介绍人", "支部大会日期（接收）", "备注"},
		{"1", "张三", good, "男", "2023.3.1", "2023年3月20日", dateCell(45200), "王芳，李强",
			"2024-10-10", "2024/10/14", "2024/10/18", "", "", "", "", "", "车间"},
		{"2", "李小", young, "女", "2026.1.5", "", "", "", "", "", "", "", "", "", "", "", ""},
		{"3", "赵六", numberCell("6.20102199503E+17"), "男", "2023.3.1", "", "", "", "", "", "", "", "", "", "", "", ""},
		{"4", "张三", good, "男", "2023.3.1", "", "", "", "", "", "", "", "", "", "", "", ""},
		{"5", "钱七", idNumber("19900101", "135"), "男", "2024.2.1", "", "", "", "", "", "", "2024.5.1", "2024.5.2", "十", "", "", ""},
		{"6", "孙八", idNumber("19900101", "137"), "男", "2024.2.1", "2024.2.10", "2024.3.1", "", "2025.3.5", "2025.3.10", "", "", "", "", "", "2027.1.1", ""},
		{"填表人：王芳"},
	}
	rf := readRecruitBook(t, workbook{sheets: []sheetSpec{{name: "台账", rows: rows}}})
	if rf.HeaderRow != 2 || len(rf.Rows) != 1 {
		t.Fatalf("header row %d, %d rows read, want 2 and 1; rejected %+v", rf.HeaderRow, len(rf.Rows), rf.Rejected)
	}
	r := rf.Rows[0].Recruit
	if r.Name != "张三" || r.Sex != model.SexMale || r.Notes != "车间" {
		t.Errorf("person %+v", r)
	}
	checks := []struct {
		step  model.RecruitStep
		check func(x *model.StepRecord) bool
	}{
		{model.StepApplication, func(x *model.StepRecord) bool { return x.Date == model.NewDate(2023, 3, 1) }},
		{model.StepTalk, func(x *model.StepRecord) bool { return x.Date == model.NewDate(2023, 3, 20) }},
		{model.StepActivist, func(x *model.StepRecord) bool { return x.Date == model.NewDate(2023, 10, 1) }},
		{model.StepMentors, func(x *model.StepRecord) bool {
			return x.People == "王芳、李强" && x.Date == model.NewDate(2023, 10, 1)
		}},
		{model.StepCandidateRecord, func(x *model.StepRecord) bool {
			return x.Start == model.NewDate(2024, 10, 14) && x.End == model.NewDate(2024, 10, 18) && x.Date.IsZero()
		}},
	}
	for _, c := range checks {
		if x := r.Record(c.step); x == nil || !c.check(x) {
			t.Errorf("%s: %+v", c.step, x)
		}
	}
	want := map[int]string{
		4: "未满18周岁",
		5: "存成了数字",
		6: "与第3行身份证号码重复",
		7: "培训学时“十”不是数字",
		8: "晚于今天",
	}
	got := map[int]string{}
	for _, rej := range rf.Rejected {
		got[rej.Row] += string(rej.Field) + ":" + rej.Reason + ";"
	}
	for row, w := range want {
		if !strings.Contains(got[row], w) {
			t.Errorf("row %d: %q, want %q", row, got[row], w)
		}
	}
	if !strings.Contains(got[7], "培训学时") || !strings.Contains(got[8], "支部大会日期") || !strings.Contains(got[8], "公示结束日期") {
		t.Errorf("rejections name their columns: %v", got)
	}
	if len(got) != len(want) {
		t.Errorf("rejected rows %v, want %v", got, want)
	}
	// Each refusal keeps its sentence as a Text, which an English window
	// says in English (issue 8, ui13 #7: they were Reason alone).
	for _, rej := range rf.Rejected {
		if rej.Text.IsZero() || rej.Text.String() != rej.Reason {
			t.Errorf("row %d %s: Text %q for %q", rej.Row, rej.Field, rej.Text.String(), rej.Reason)
		}
	}
}

func TestReadRecruitFileWithoutHeader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.xlsx")
	if err := os.WriteFile(path, workbook{sheets: []sheetSpec{{name: "S", rows: [][]any{{"姓名", "年龄"}}}}}.bytes(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadRecruitFile(path, today); err == nil || !strings.Contains(err.Error(), "公民身份号码") {
		t.Errorf("no header: %v", err)
	}
}

// A file from a USB drive that is not a workbook, or a damaged one, is
// refused in a sentence, never half read.
func TestReadRecruitFileRefusesWhatIsNotAWorkbook(t *testing.T) {
	dir := t.TempDir()
	good := workbook{sheets: []sheetSpec{{name: "S", rows: [][]any{{"姓名", "公民身份号码"}, {"张三", idNumber("19950312", "123")}}}}}.bytes(t)
	cases := map[string][]byte{
		"empty.xlsx":     nil,
		"text.xlsx":      []byte("姓名,公民身份号码\n张三,1\n"),
		"old.xls":        append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...),
		"truncated.xlsx": good[:len(good)/2],
	}
	for name, data := range cases {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		rf, err := ReadRecruitFile(path, today)
		if err == nil || rf != nil {
			t.Errorf("%s: read as a pipeline (%v)", name, err)
			continue
		}
		if !strings.Contains(err.Error(), name) {
			t.Errorf("%s: the message does not name the file: %v", name, err)
		}
	}
}

// A file refused as a whole is refused as a pipeline workbook, in one
// sentence, not as a roster (attack review of issue 12 #15).
func TestRecruitFileRefusalsSpeakOfThePipeline(t *testing.T) {
	for _, err := range []error{ErrTooLarge, ErrTooManyRows, errNoRecruitHeader} {
		got := asRecruitFileError(err)
		if !errors.Is(got, err) || strings.Contains(got.Error(), "花名册") || !strings.Contains(got.Error(), "发展党员台账") {
			t.Errorf("%v → %q", err, got)
		}
	}
	if got := asRecruitFileError(ErrEncrypted); got != ErrEncrypted {
		t.Errorf("a refusal that names no roster is kept: %v", got)
	}
}
