package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"branchledger/model"
)

// 外出流向 that is no place is refused as such, beside 是 and beside a
// blank 是否 (where it made a 流动党员 "gone to 在读"); one that says the
// member cannot be reached is refused naming 失联 (在家，已失联 was
// dropped as 在家, beside 否 without a word); a place in the member's own
// county (本县城关镇) is kept, said in a 提示 quoting it (it was refused,
// or dropped beside a blank). The 提示 that a filled 外出流向 made the
// member 流动 quotes the value (issue 7).
func TestDestinationThatIsNoPlace(t *testing.T) {
	type c struct {
		yes, dest string
		refused   string // a word the refusal says, "" when imported
		mobile    bool
		stored    string
		notes     []string // words of the row's 提示, each
	}
	cases := []c{
		{"是", "本县城关镇", "", true, "本县城关镇", []string{"外出流向“本县城关镇”在本地范围内，按外出地点导入"}},
		{"", "本县城关镇", "", true, "本县城关镇", []string{"外出流向“本县城关镇”在本地范围内", "填了外出流向“本县城关镇”，记为流动党员"}},
		{"否", "本县城关镇", "", false, "", []string{"是否流动党员为“否”，外出流向“本县城关镇”在本地范围内，未导入"}},
		{"", "本市城区", "", true, "本市城区", []string{"外出流向“本市城区”在本地范围内", "记为流动党员"}},
		{"是", "无业", "外出流向“无业”不是地点", false, "", nil},
		{"是", "在读", "外出流向“在读”不是地点", false, "", nil},
		{"是", "是", "外出流向“是”不是地点", false, "", nil},
		{"是", "外出", "外出流向“外出”不是地点", false, "", nil},
		{"", "在读", "外出流向“在读”不是地点", false, "", nil},
		{"", "外出务工", "外出流向“外出务工”不是地点", false, "", nil},
		{"", "√", "外出流向“√”不是地点", false, "", nil},
		{"否", "无业", "外出流向“无业”不是地点", false, "", nil},
		{"是", "在家，已失联", "写的是失联", false, "", nil},
		{"否", "在家，已失联", "写的是失联", false, "", nil},
		{"", "联系不上", "写的是失联", false, "", nil},
		{"", "广东省深圳市", "", true, "广东省深圳市", []string{"填了外出流向“广东省深圳市”，记为流动党员"}},
		{"", "本村", "", false, "", nil},
		{"否", "本县", "", false, "", nil},
		{"否", "本村未外出", "", false, "", nil},
	}
	rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "是否流动党员", "外出流向"}}
	for i, x := range cases {
		var yes any
		if x.yes != "" {
			yes = x.yes
		}
		rows = append(rows, []any{fmt.Sprintf("流%d", i), idNumber("19800101", fmt.Sprintf("%03d", 11+2*i)), "2008.06", "2009.06", yes, x.dest})
	}
	rf := read(t, roster(t, rows))
	for i, x := range cases {
		n := i + 2
		t.Run(x.yes+"|"+x.dest, func(t *testing.T) {
			got := rejections(rf, n)
			if x.refused != "" {
				if !strings.Contains(got[model.FieldMobileDestination], x.refused) || !strings.Contains(got[model.FieldMobileDestination], x.dest) {
					t.Errorf("refused %v; want 外出流向 refused saying %q and quoting %q", got, x.refused, x.dest)
				}
				return
			}
			m := member(t, rf, n)
			if m.Mobile != x.mobile || m.MobileDestination != x.stored {
				t.Errorf("mobile %v %q; want %v %q", m.Mobile, m.MobileDestination, x.mobile, x.stored)
			}
			var said []string
			for _, note := range rf.Notes {
				if note.Row == n {
					said = append(said, note.Message)
				}
			}
			if len(said) != len(x.notes) {
				t.Errorf("notes %q; want %q", said, x.notes)
			}
			for _, w := range x.notes {
				if !strings.Contains(strings.Join(said, "\n"), w) {
					t.Errorf("notes %q; want one saying %q", said, w)
				}
			}
		})
	}
}
