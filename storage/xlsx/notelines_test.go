package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"branchledger/model"
)

// A note line inside the heading block — 填报说明：日期格式为… in column A
// between 入党时间 and its 预备 | 转正, merged across the table or across
// some columns, or a long sentence over the group's columns, or a blank
// row there — is skipped, and the heading rows around it read as one
// grouped heading (brief loud #3). The note was read as a member and the
// sub-headings as another, and every member refused for two
// 加入党组织日期 columns (or 预备 taken for 人员类别 and the date dropped).
func TestNoteLineInsideTheHeadingBlock(t *testing.T) {
	id := idNumber("19800415", "311")
	long := "填报说明：日期格式为2008.06或2008-06-15，身份证号请以文本格式填写"
	head := []any{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", nil}
	sub := []any{nil, nil, nil, nil, "预备", "转正"}
	data := []any{"1", "层四", id, "正式党员", "2003.05", "2004.05"}
	downs := [][2]string{{"A2", "A4"}, {"B2", "B4"}, {"C2", "C4"}, {"D2", "D4"}}
	cases := []struct {
		name   string
		rows   [][]any
		merges [][2]string
		note   string
	}{
		{"填报说明 in A3", [][]any{{"中共示例党支部党员名册"}, head, {long}, sub, data}, [][2]string{{"A1", "F1"}, {"E2", "F2"}},
			"表头中间的说明行“填报说明：日期格式为2008.06或2008-0…”：不是表头，已跳过，上下两行按一个表头读入"},
		{"填报说明 merged A3:F3", [][]any{{"中共示例党支部党员名册"}, head, {long}, sub, data}, [][2]string{{"E2", "F2"}, {"A3", "F3"}},
			"表头中间的说明行“填报说明"},
		{"注： in A2, no title", [][]any{head, {"注：日期写到月"}, sub, data}, [][2]string{{"E1", "F1"}}, "说明行“注：日期写到月”"},
		{"说明： merged A3:D3", [][]any{{"中共示例党支部党员名册"}, head, {"说明：日期写到月，身份证号以文本填写"}, sub, data}, [][2]string{{"E2", "F2"}, {"A3", "D3"}},
			"说明行“说明：日期写到月，身份证号以文本填写”"},
		{"备注： in A3, the group centred over an empty cell", [][]any{{"中共示例党支部党员名册"}, head, {"备注：本表由支部书记填写"}, sub, data}, nil,
			"说明行“备注：本表由支部书记填写”"},
		{"long note over the group's columns, the others merged down", [][]any{{"中共示例党支部党员名册"}, head, {nil, nil, nil, nil, long}, sub, data},
			append([][2]string{{"E2", "F2"}, {"E3", "F3"}}, downs...), "说明行“填报说明"},
		{"填表日期 in A3", [][]any{{"中共示例党支部党员名册"}, head, {"填表日期：2026年11月"}, sub, data}, [][2]string{{"E2", "F2"}}, "说明行“填表日期：2026年11月”"},
		{"（按姓氏笔画排序） in C3, a hint under its heading", [][]any{{"中共示例党支部党员名册"}, head, {nil, nil, "（按姓氏笔画排序）"}, sub, data}, [][2]string{{"E2", "F2"}}, ""},
		{"blank row over the group's columns, the others merged down", [][]any{{"中共示例党支部党员名册"}, head, {}, sub, data},
			append([][2]string{{"E2", "F2"}}, downs...), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := roster(t, tc.rows, tc.merges...)
			rf := read(t, data)
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			if ig := rf.Sheets[0].Ignored; len(ig) != 0 {
				t.Errorf("columns not imported %v, want none", ig)
			}
			m := rf.Members[0].Member
			if m.Name != "层四" || m.JoinDate != model.MonthDate(2003, 5) || m.FullDate != model.MonthDate(2004, 5) || m.Category != model.CategoryFull {
				t.Errorf("stored %s 加入 %v 转正 %v %s, want 层四 2003-05 2004-05 正式党员", m.Name, m.JoinDate, m.FullDate, m.Category)
			}
			if !strings.Contains(notesOf(rf), tc.note) {
				t.Errorf("notes:\n%s\nwant %q", notesOf(rf), tc.note)
			}
			if tc.note == "" && strings.Contains(notesOf(rf), "说明行") {
				t.Errorf("notes:\n%s\nwant none of a note line", notesOf(rf))
			}
		})
	}
}

// The workbook of refused rows keeps the note line in its heading block
// and reads back with the same refusal: the header it copies is the one
// the import read.
func TestNoteLineInsideTheHeadingBlockRefusedRowsReadBack(t *testing.T) {
	data := roster(t, [][]any{
		{"中共示例党支部党员名册"},
		{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", nil},
		{"填报说明：日期格式为2008.06或2008-06-15，身份证号请以文本格式填写"},
		{nil, nil, nil, nil, "预备", "转正"},
		{"1", "层四", idNumber("19800415", "311"), "正式党员", "2003.05", "2004.05"},
		{"2", "层五", idNumber("19800415", "322"), "正式党员", "2003.13", "2004.05"},
	}, [2]string{"E2", "F2"})
	rf := read(t, data)
	if len(rf.Members) != 1 || len(rf.Rejected) != 1 || rf.Rejected[0].Row != 6 || rf.Rejected[0].Field != model.FieldJoinDate {
		t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
	}
	var out bytes.Buffer
	if _, err := WriteRejectedRows(&out, data, rf.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	again := read(t, out.Bytes())
	if len(again.Members) != 0 || len(again.Rejected) != 1 || again.Rejected[0].Field != model.FieldJoinDate || again.Rejected[0].Reason != rf.Rejected[0].Reason {
		t.Errorf("the copy read back: members %+v rejected %v; want %q alone", again.Members, refusals(again), rf.Rejected[0].Reason)
	}
}

// A note line between 出生日期 and its 日 | 月 | 年: the original reading
// names as many fields (出生日期 from its first column), and sets the 月 and
// 年 aside as second 出生日期 columns; the reading past the note, which
// joins them, is the one taken (readsMore).
func TestNoteLineAboveTheDayFirstParts(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"序号", "姓名", "公民身份号码", "出生日期", nil, nil, "人员类别", "入党时间", "转正时间"},
		{"注：出生日期按日、月、年分三栏填写"},
		{nil, nil, nil, "日", "月", "年", nil, nil, nil},
		{"1", "张一", idNumber("19800415", "311"), "15", "4", "1980", "正式党员", "2008.06", "2009.06"},
	}, [2]string{"D1", "F1"}))
	if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
		t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
	}
	if ig := rf.Sheets[0].Ignored; len(ig) != 0 {
		t.Errorf("columns not imported %v, want none", ig)
	}
	if m := rf.Members[0].Member; m.BirthDate != model.NewDate(1980, 4, 15) || m.JoinDate != model.MonthDate(2008, 6) {
		t.Errorf("出生 %v 加入 %v, want 1980-04-15 2008-06", m.BirthDate, m.JoinDate)
	}
}
