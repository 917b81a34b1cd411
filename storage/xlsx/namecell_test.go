package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// A 姓名 cell is stored only when it holds a name and nothing else: words
// after the name saying the person left refuse the row as （已转出） does,
// 停止党籍 sets the 党籍状态, any other remark refuses the row; names in
// several parts and names typed with spaces keep their form (review ra7
// F11, F12, F31, F33, F35; nu7-11).
func TestNameCellHoldsTheNameAlone(t *testing.T) {
	for _, tt := range []struct {
		cell    string
		stored  string // the name stored, "" for refused
		refusal string // part of the 姓名 refusal
		stopped bool
	}{
		{"赵丽华*", "", "除姓名外还有“*”", false},
		{"赵丽华 转出", "", "在姓名后写着“转出”", false},
		{"陈伟†", "", "在姓名后写着“†”", false},
		{"赵丽华（故）", "", "姓名中写着“故”", false},
		{"陈伟（殁）", "", "姓名中写着“殁”", false},
		{"刘芳（亡）", "", "姓名中写着“亡”", false},
		{"杨军（转）", "", "姓名中写着“转”", false},
		{"杨军-已故", "", "在姓名后写着“已故”", false},
		{"黄敏/转出", "", "在姓名后写着“转出”", false},
		{"赵丽华 已故", "", "在姓名后写着“已故”", false},
		{"刘芳（病逝）", "", "姓名中写着“病逝”", false},
		{"赵丽华\n已转出", "", "在姓名后写着“已转出”", false},
		{"刘芳\r\n2024.5转出", "", "在姓名后写着“转出”", false},
		{"赵丽华（已转出本支部）", "", "姓名中写着“已转出”", false},
		{"陈伟（已调出本单位）", "", "姓名中写着“调出”", false},
		{"李晨（已退休）", "", "姓名“李晨（已退休）”除姓名外还有“（已退休）”：请把说明移到备注后再导入", false},
		{"李晨 已退休", "", "除姓名外还有“已退休”", false},
		{"赵丽华（停止党籍）", "赵丽华", "", true},
		{"赵丽华（停籍）", "赵丽华", "", true},
		{"陈伟 中止党籍", "陈伟", "", true},
		{"阿依古丽·买买提", "阿依古丽·买买提", "", false},
		{"玛尔哈巴•艾买提", "玛尔哈巴·艾买提", "", false},
		{"John Smith", "JohnSmith", "", false},
		{"赵　丽　华", "赵丽华", "", false},
		{"欧阳 娜娜", "欧阳娜娜", "", false},
		{"张\u200b三", "张三", "", false},
	} {
		t.Run(tt.cell, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"},
				{tt.cell, idNumber("19800101", "011"), "2008.06", "2009.06"},
			}))
			got := rejections(rf, 2)[model.FieldName]
			if tt.stored == "" {
				if len(rf.Members) != 0 || !strings.Contains(got, tt.refusal) {
					t.Fatalf("members %d, refusal %q, want %q", len(rf.Members), got, tt.refusal)
				}
				return
			}
			if len(rf.Members) != 1 {
				t.Fatalf("refused: %v", rf.Rejected)
			}
			m := rf.Members[0].Member
			if m.Name != tt.stored {
				t.Errorf("name %q, want %q", m.Name, tt.stored)
			}
			if stopped := m.Standing == model.StandingSuspended; stopped != tt.stopped {
				t.Errorf("standing %q", m.Standing)
			}
			if tt.stopped && !strings.Contains(noteText(rf), "党籍状态记为“停止党籍”") {
				t.Errorf("no 提示: %v", rf.Notes)
			}
		})
	}
}

// noteText is every 提示 of a read file, one a line.
func noteText(rf *RosterFile) string {
	var b strings.Builder
	for _, n := range rf.Notes {
		b.WriteString(n.Message + "\n")
	}
	return b.String()
}

// A word of leaving in another cell of the member's row — 序号 转出, 所在党
// 支部 已转出 or 转至XX社区党委, 人员类别 正式党员（已故）— refuses the row as
// it does in 姓名 or 备注, naming the column and the cell (review ra7 F23);
// a branch or a category without one imports.
func TestOtherCellsOfTheRowSayTheMemberLeft(t *testing.T) {
	for _, tt := range []struct {
		serial, branch, category string
		refusal                  string // "" for imported
	}{
		{"转出", "第一党支部", "正式党员", "“序号”列（A2）为“转出”，看来此人已不在花名册上"},
		{"已故", "第一党支部", "正式党员", "“序号”列（A2）为“已故”"},
		{"1", "已转出", "正式党员", "“所在党支部”列（D2）为“已转出”，看来此人已不在花名册上"},
		{"1", "转至XX社区党委", "正式党员", "“所在党支部”列（D2）为“转至XX社区党委”"},
		{"1", "第一党支部", "正式党员（已故）", "“人员类别”列（E2）为“正式党员（已故）”"},
		{"1", "离退休党支部", "正式党员", ""},
		{"1", "第一党支部", "正式党员（党小组长）", ""},
	} {
		t.Run(tt.serial+tt.branch+tt.category, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"序号", "姓名", "公民身份号码", "所在党支部", "人员类别", "加入党组织日期", "转为正式党员日期"},
				{tt.serial, "赵丽华", idNumber("19800101", "011"), tt.branch, tt.category, "2008.06", "2009.06"},
			}))
			var got string
			for _, r := range rf.Rejected {
				got += r.Reason
			}
			switch {
			case tt.refusal == "" && len(rf.Members) != 1:
				t.Errorf("refused: %q", got)
			case tt.refusal != "" && (len(rf.Members) != 0 || !strings.Contains(got, tt.refusal)):
				t.Errorf("members %d, refusal %q, want %q", len(rf.Members), got, tt.refusal)
			}
			if tt.refusal != "" && strings.Contains(noteText(rf), "没有导入") {
				t.Errorf("a 提示 drops the word: %s", noteText(rf))
			}
		})
	}
}

// A row whose 人员类别 names a stage of joining — 发展对象, 入党积极分子,
// 入党申请人 — is refused saying they are not members yet and where they
// go (review ra7 F20: “无法识别人员类别”).
func TestRecruitCategoryIsNotAMember(t *testing.T) {
	for _, tt := range []struct{ category, said string }{
		{"发展对象", "人员类别为“发展对象”：发展对象还不是党员，不能导入党员花名册；请在“发展党员”中登记"},
		{"入党积极分子", "积极分子还不是党员"},
		{"入党申请人", "入党申请人还不是党员"},
	} {
		t.Run(tt.category, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "人员类别", "加入党组织日期"},
				{"马超", idNumber("19980101", "011"), tt.category, nil},
			}))
			if got := rejections(rf, 2)[model.FieldCategory]; len(rf.Members) != 0 || !strings.Contains(got, tt.said) {
				t.Errorf("members %d, refusal %q, want %q", len(rf.Members), got, tt.said)
			}
		})
	}
}
