package xlsx

import (
	"bytes"
	"strings"
	"testing"
)

// A row of hints under the headings (（必填）, （18位）, （年.月）) is part of
// the header, with a note, not a member refused field by field — in the
// roster, under one heading row or a grouped heading, and in the bases
// import (review s6-7 attack #18).
func TestHintRowUnderHeadings(t *testing.T) {
	id1, id2 := idNumber("19800101", "011"), idNumber("19810202", "031")
	simple := roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
		{"（必填）", "（18位）", "（年.月）", "(年.月)", "【必填】"},
		{"辛一", id1, "2008.06", "2009.06", "第一党支部"},
		{"辛二", id2, "2009.06", "2010.06", "第一党支部"}})
	grouped := workbook{sheets: []sheetSpec{{name: "名册", rows: [][]any{
		{"姓名", "公民身份号码", "入党时间", "", "所在党支部"},
		{"", "", "预备", "转正", ""},
		{"（必填）", "（18位）", "（年.月）", "（年.月）", "必填"},
		{"辛一", id1, "2008.06", "2009.06", "第一党支部"},
		{"辛二", id2, "2009.06", "2010.06", "第一党支部"}},
		merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "D1"}, {"E1", "E2"}}}}}.bytes(t)
	for name, c := range map[string]struct {
		data []byte
		hint int
	}{"one heading row": {simple, 2}, "grouped heading": {grouped, 3}} {
		rf := read(t, c.data)
		if len(rf.Rejected) != 0 || len(rf.Members) != 2 {
			t.Errorf("%s: members %d rejected %+v", name, len(rf.Members), rf.Rejected)
			continue
		}
		if m := member(t, rf, c.hint+1); m.Name != "辛一" || m.IDNumber != id1 {
			t.Errorf("%s: first member %+v", name, m)
		}
		found := false
		for _, n := range rf.Notes {
			found = found || n.Row == c.hint && strings.Contains(n.Message, "表头下的填写说明行")
		}
		if !found {
			t.Errorf("%s: no note for the hint row: %+v", name, rf.Notes)
		}
	}
	// The workbook of refused rows keeps the hint row in its header, and
	// re-imports as it is.
	bad := roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
		{"（必填）", "（18位）", "（年.月）", "（年.月）", "（必填）"},
		{"辛一", id1, "2008.06", "2009.06", "第一党支部"},
		{"辛二", id2, "十月", "2010.06", "第一党支部"}})
	rf := read(t, bad)
	var buf bytes.Buffer
	if n, err := WriteRejectedRows(&buf, bad, rf.Rejected, nil); err != nil || n != 1 {
		t.Fatalf("refused rows: %d %v", n, err)
	}
	again := read(t, buf.Bytes())
	if len(again.Members) != 0 || len(again.Rejected) == 0 || again.Rejected[0].Row != 3 || again.Rejected[0].Name != "辛二" {
		t.Errorf("refused rows re-read: %+v %+v", again.Members, again.Rejected)
	}
	// A member's row is never a hint row.
	if hintRow([]string{"辛一", "（18位）"}) || !hintRow([]string{"（必填）", "", "(18位)"}) {
		t.Error("hintRow")
	}

	bf, err := basesFileFor(t, [][]any{{"姓名", "身份证号码", "计算基数"}, {"（必填）", "（18位）", "（元）"}, {"乙一", id1, 5400}}, 2026)
	if err != nil || len(bf.Rejected) != 0 || len(bf.Rows) != 1 || bf.Rows[0].Row != 3 || len(bf.Notes) != 1 || bf.Notes[0].Row != 2 {
		t.Errorf("bases: %+v %v", bf, err)
	}
}

// A template's hints that are no bracketed text — the values to choose
// from (男/女, 正式党员/预备党员), a length with what it is (18位，文本格式,
// 11位手机号) — make a hint row too, skipped with its note, not a member
// refused field by field (review ra7 M4).
func TestHintRowOfChoicesAndLengths(t *testing.T) {
	id1 := idNumber("19800101", "011")
	for _, hint := range [][]any{
		{"（必填）", "男/女", "18位，文本格式", "正式党员/预备党员", "格式：2005-07-01", "11位手机号"},
		{"必填", "男／女", "18位", "正式党员、预备党员", "2005-07-01格式", "11位数字"},
		{"（必填）", "男/女", "18位身份证号", "正式/预备", "", "11位"},
	} {
		t.Run(strings.Join([]string{hint[1].(string), hint[2].(string), hint[3].(string)}, " "), func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "性别", "公民身份号码", "人员类别", "加入党组织日期", "联系电话"},
				hint,
				{"辛一", "男", id1, "预备党员", "2025-07-01", "13900000001"},
			}))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %d, refused %+v", len(rf.Members), rf.Rejected)
			}
			if !strings.Contains(notesOf(rf), "表头下的填写说明行") {
				t.Errorf("no note for the hint row: %s", notesOf(rf))
			}
		})
	}
	// A member's row is never one.
	if hintRow([]string{"辛一", "男/女"}) || hintRow([]string{"男", "18位"}) {
		t.Error("a member's row read as hints")
	}
}
