package xlsx

import (
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// 家庭住址 merged over 省 | 市 | 详细地址 (or 省 | 市 | 县 | 详细地址) is one
// address, its parts run together in order; a part that already starts
// with the ones before it is not said twice. Only 浙江省 was stored, the
// city and street named as second 家庭住址 columns (review F43).
func TestAddressSplitIntoParts(t *testing.T) {
	id := idNumber("19800415", "311")
	cases := []struct {
		name   string
		parts  []string
		values [][]any
		want   []string
	}{
		{"省 | 市 | 详细地址", []string{"省", "市", "详细地址"},
			[][]any{
				{"浙江省", "杭州市", "西湖区文三路1号"},
				{"浙江省", "杭州市", "杭州市西湖区文三路1号"},
				{"浙江省", "杭州市", "浙江省杭州市西湖区文三路1号"},
				{"北京市", "北京市", "海淀区中关村大街1号"},
				{nil, "杭州市", "西湖区文三路1号"},
				{"浙江省", "杭州市", "杭州路12号"},
				{"浙江省", nil, nil},
			},
			[]string{"浙江省杭州市西湖区文三路1号", "浙江省杭州市西湖区文三路1号", "浙江省杭州市西湖区文三路1号", "北京市海淀区中关村大街1号",
				"杭州市西湖区文三路1号", "浙江省杭州市杭州路12号", "浙江省"}},
		{"省 | 市 | 县 | 详细", []string{"省", "市", "县（区）", "详细"},
			[][]any{
				{"浙江省", "杭州市", "西湖区", "文三路1号"},
				{"浙江省", "杭州市", "西湖区", "西湖区文三路1号"},
			},
			[]string{"浙江省杭州市西湖区文三路1号", "浙江省杭州市西湖区文三路1号"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			head := []any{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别", "入党时间", "转正时间", "家庭住址"}
			sub := make([]any, 7)
			for range c.parts[1:] {
				head = append(head, nil)
			}
			for _, p := range c.parts {
				sub = append(sub, p)
			}
			rows := [][]any{head, sub}
			for i, v := range c.values {
				rows = append(rows, append([]any{"党员" + string(rune('甲'+i)), "男", idNumber("19800415", "3"+string(rune('0'+i))+"1"), "第一党支部", "正式党员", "2015.03", "2016.03"}, v...))
			}
			last, _ := excelize.ColumnNumberToName(8 + len(c.parts) - 1)
			merges := [][2]string{{"H1", last + "1"}}
			for _, col := range []string{"A", "B", "C", "D", "E", "F", "G"} {
				merges = append(merges, [2]string{col + "1", col + "2"})
			}
			rf := read(t, roster(t, rows, merges...))
			for i, w := range c.want {
				if got := member(t, rf, i+3).Address; got != w {
					t.Errorf("row %d %v: 家庭住址 %q, want %q", i+3, c.values[i], got, w)
				}
			}
			if got := rf.Sheets[0].Ignored; len(got) != 0 {
				t.Errorf("columns not imported %q, want none", got)
			}
		})
	}
	// Two addresses under one heading are not parts of one: 现住址 is
	// read, 户籍地址 named as a second column, as before.
	rf := read(t, roster(t, [][]any{
		{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别", "入党时间", "转正时间", "家庭住址", nil},
		{nil, nil, nil, nil, nil, nil, nil, "现住址", "户籍地址"},
		{"张三", "男", id, "第一党支部", "正式党员", "2015.03", "2016.03", "杭州市西湖区文三路1号", "温州市鹿城区"},
	}, [2]string{"H1", "I1"}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "C2"}, [2]string{"D1", "D2"}, [2]string{"E1", "E2"}, [2]string{"F1", "F2"}, [2]string{"G1", "G2"}))
	if got := member(t, rf, 3).Address; got != "杭州市西湖区文三路1号" {
		t.Errorf("现住址 | 户籍地址: 家庭住址 %q", got)
	}
	if got := rf.Sheets[0].Ignored; !slices.Equal(got, []string{"户籍地址（重复的“家庭住址”列）"}) {
		t.Errorf("现住址 | 户籍地址: columns not imported %q", got)
	}
}
