package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A member's record over two or more rows of the sheet (issue 7, kind 1):
// the row below that has no 姓名, 公民身份号码 or 序号 of its own and only
// carries on text is joined to the record, and the preview says so; a row
// that shares the record's merged 姓名 and 公民身份号码 but holds other
// values of its own is refused naming both rows.
func TestKindRecordOverSeveralRows(t *testing.T) {
	a, b, c := idNumber("19700101", "011"), idNumber("19710202", "022"), idNumber("19720303", "033")
	head := []any{"序号", "姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "工作岗位", "家庭住址", "备注", "联系电话"}
	tests := []struct {
		name    string
		rows    [][]any
		merges  [][2]string
		row     int    // the record's row
		post    string // 工作岗位 read
		notes   string // 备注 read
		note    string // a word of the preview's note, "" for none
		refuse  string // a word of the refusal of row refused, "" for none
		refRow  int
		members int
	}{
		{"every cell merged down, 备注 goes on in the second row",
			[][]any{
				{"1", "赵一", a, "正式党员", "2010-06-15", "2011-06-15", "管理人员", "武侯区", nil},
				{"2", "钱二", b, "正式党员", "2010-06-15", "2011-06-15", "管理人员", "武侯区", "2019年调入"},
				{nil, nil, nil, nil, nil, nil, nil, nil, "2020年任支部委员"},
				{"3", "孙三", c, "正式党员", "2010-06-15", "2011-06-15", "管理人员", "武侯区", nil},
			},
			[][2]string{{"A3", "A4"}, {"B3", "B4"}, {"C3", "C4"}, {"D3", "D4"}, {"E3", "E4"}, {"F3", "F4"}, {"G3", "G4"}, {"H3", "H4"}},
			3, "管理人员", "2019年调入；2020年任支部委员", "第4行没有自己的姓名和公民身份号码", "", 0, 3},
		{"a long 工作岗位 wrapped onto the next row, other cells empty",
			[][]any{
				{"1", "钱二", b, "正式党员", "2010-06-15", "2011-06-15", "成都市武侯区某某科技", "武侯区", nil},
				{nil, nil, nil, nil, nil, nil, "有限公司 技术部经理", nil, nil},
				{"2", "孙三", c, "正式党员", "2010-06-15", "2011-06-15", "管理人员", "武侯区", nil},
			}, nil,
			2, "成都市武侯区某某科技有限公司 技术部经理", "", "工作岗位为“成都市武侯区某某科技有限公司 技术部经理”", "", 0, 2},
		{"a wrapped text of 15 characters and more is no remark under the table",
			[][]any{
				{"1", "钱二", b, "正式党员", "2010-06-15", "2011-06-15", "成都市", "武侯区", nil},
				{nil, nil, nil, nil, nil, nil, "武侯区某某科技有限公司第三分公司技术部", nil, nil},
			}, nil,
			2, "成都市武侯区某某科技有限公司第三分公司技术部", "", "续行", "", 0, 1},
		{"two rows carried on, Latin words spaced",
			[][]any{
				{"1", "钱二", b, "正式党员", "2010-06-15", "2011-06-15", "ABC", nil, "一"},
				{nil, nil, nil, nil, nil, nil, "Software", nil, "二。"},
				{nil, nil, nil, nil, nil, nil, nil, nil, "三"},
			}, nil,
			2, "ABC Software", "一；二。三", "第3行、第4行", "", 0, 1},
		{"the merged name and ID with a date of the row's own: refused",
			[][]any{
				{"1", "钱二", b, "正式党员", "2010-06-15", "2011-06-15", "管理人员", nil, nil},
				{nil, nil, nil, nil, "2012-01-01", nil, nil, nil, nil},
			},
			[][2]string{{"B2", "B3"}, {"C2", "C3"}},
			2, "管理人员", "", "", "本行的姓名、公民身份号码与第2行是同一个合并单元格，本行却另填了加入党组织日期", 3, 1},
		{"the merged name alone with a phone of the row's own: refused",
			[][]any{
				{"1", "钱二", b, "正式党员", "2010-06-15", "2011-06-15", "管理人员", nil, nil},
				{nil, nil, nil, nil, nil, nil, nil, nil, nil, "13712345678"},
			},
			[][2]string{{"B2", "B3"}},
			2, "管理人员", "", "", "本行的姓名与第2行是同一个合并单元格，本行却另填了联系电话", 3, 1},
		{"a row with its own 序号 is a member of its own",
			[][]any{
				{"1", "钱二", b, "正式党员", "2010-06-15", "2011-06-15", "管理人员", nil, nil},
				{"2", nil, nil, nil, nil, nil, "技术部", nil, nil},
			}, nil,
			2, "管理人员", "", "", "请填写", 3, 1},
		{"a blank row between: a member of its own",
			[][]any{
				{"1", "钱二", b, "正式党员", "2010-06-15", "2011-06-15", "管理人员", nil, nil},
				{nil},
				{nil, nil, nil, nil, nil, nil, "技术部", nil, nil},
			}, nil,
			2, "管理人员", "", "", "请填写", 4, 1},
		{"no name or ID and a date of its own: a member of its own, refused",
			[][]any{
				{"1", "钱二", b, "正式党员", "2010-06-15", "2011-06-15", "管理人员", nil, nil},
				{nil, nil, nil, nil, "2012-01-01", nil, "技术部", nil, nil},
			}, nil,
			2, "管理人员", "", "", "请填写", 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, append([][]any{head}, tt.rows...), tt.merges...))
			m := member(t, rf, tt.row)
			if m.Post != tt.post || m.Notes != tt.notes {
				t.Errorf("post %q notes %q; want %q %q", m.Post, m.Notes, tt.post, tt.notes)
			}
			var notes []string
			for _, n := range rf.Notes {
				if n.Row == 0 {
					continue // the sheet's: fields worked out from the ID
				}
				notes = append(notes, n.Message)
			}
			if got := strings.Join(notes, "\n"); (tt.note == "") != (got == "") || !strings.Contains(got, tt.note) {
				t.Errorf("notes %q; want %q", got, tt.note)
			}
			var reasons []string
			for _, r := range rf.Rejected {
				if r.Row != tt.refRow {
					t.Errorf("row %d refused: %s", r.Row, r.Reason)
				}
				reasons = append(reasons, r.Reason)
			}
			if got := strings.Join(reasons, "\n"); (tt.refuse == "") != (got == "") || !strings.Contains(got, tt.refuse) {
				t.Errorf("refused %q; want %q", got, tt.refuse)
			}
			if rows := len(tt.rows) - blankRows(tt.rows); rf.Sheets[0].Rows != rows {
				t.Errorf("sheet says %d rows read; want %d", rf.Sheets[0].Rows, rows)
			}
			if len(rf.Members) != tt.members {
				t.Errorf("%d members; want %d", len(rf.Members), tt.members)
			}
		})
	}
}

// blankRows counts the rows of no value.
func blankRows(rows [][]any) int {
	n := 0
	for _, r := range rows {
		blank := true
		for _, v := range r {
			blank = blank && v == nil
		}
		if blank {
			n++
		}
	}
	return n
}

// A refused record is handed back with the rows that continue it, so that
// the fixed workbook reads as the same record again.
func TestRejectedRecordKeepsItsContinuation(t *testing.T) {
	b := idNumber("19710202", "022")
	data := roster(t, [][]any{
		{"序号", "姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "备注"},
		{"1", "钱二", b, "正式党员", "2010-13-15", "2011-06-15", "2019年调入"},
		{nil, nil, nil, nil, nil, nil, "2020年任支部委员"},
	}, [2]string{"A2", "A3"}, [2]string{"B2", "B3"}, [2]string{"C2", "C3"})
	rf := read(t, data)
	if len(rf.Rejected) != 1 || rf.Rejected[0].Row != 2 {
		t.Fatalf("rejected %+v", rf.Rejected)
	}
	var buf bytes.Buffer
	n, err := WriteRejectedRows(&buf, data, rf.Rejected, nil)
	if err != nil || n != 1 {
		t.Fatalf("wrote %d: %v", n, err)
	}
	again := read(t, buf.Bytes())
	if len(again.Rejected) != 1 || again.Rejected[0].Row != 2 || again.Rejected[0].Field != model.FieldJoinDate {
		t.Fatalf("read back: %+v", again.Rejected)
	}
	// Fixed, the record comes in whole.
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("名册", "E2"); v != "2010-13-15" {
		t.Fatalf("E2 %q", v)
	}
	if v, _ := f.GetCellValue("名册", "G3"); v != "2020年任支部委员" {
		t.Fatalf("G3 %q", v)
	}
	if err := f.SetCellStr("名册", "E2", "2010-05-15"); err != nil {
		t.Fatal(err)
	}
	fixed, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	if m := member(t, read(t, fixed.Bytes()), 2); m.Notes != "2019年调入；2020年任支部委员" {
		t.Errorf("notes %q", m.Notes)
	}
}
