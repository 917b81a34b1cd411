package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// A 党员类别 column of the dues register's kind (在职党员, 离退休党员, 流动
// 党员) is no 人员类别: no row is refused for it; 人员类别 follows from the
// 转正 date, 离退休 gives the 工作岗位 where the row has none, 流动党员 the
// flag where the row says where the member went (review ra7 F17).
func TestCategoryColumnOfWorkStatus(t *testing.T) {
	tests := []struct {
		name     string
		heading  string
		status   string
		post     string // the 工作岗位 cell
		dest     string // the 外出流向 cell
		wantCat  model.Category
		wantPost string
		wantMob  bool
		wantNote string
	}{
		{"在职党员", "党员类别", "在职党员", "", "", model.CategoryFull, "", false, ""},
		{"离退休党员", "党员类别", "离退休党员", "", "", model.CategoryFull, "离退休人员", false, "张建国：党员类别为“离退休党员”，工作岗位记为“离退休人员”"},
		{"离退休党员 beside a 工作岗位", "党员类别", "退休党员", "其他", "", model.CategoryFull, "其他", false, ""},
		{"流动党员 with a 外出流向", "类别", "流动党员", "", "广东深圳", model.CategoryFull, "", true, "张建国：类别为“流动党员”，记为流动党员"},
		{"流动党员 without", "党员类别", "流动党员", "", "", model.CategoryFull, "", false, "张建国：党员类别为“流动党员”，但文件中没有外出流向，未记为流动党员；请在其页面登记外出流向"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "入党时间", "转正时间", tt.heading, "工作岗位", "外出流向"},
				{"张建国", idNumber("19800312", "011"), "2005-07-01", "2006-07-01", tt.status, tt.post, tt.dest},
			}))
			if got := rejections(rf, 2); len(got) > 0 {
				t.Fatalf("refused: %v", got)
			}
			m := member(t, rf, 2)
			if m.Category != tt.wantCat || m.Post != tt.wantPost || m.Mobile != tt.wantMob {
				t.Errorf("stored %q, 工作岗位 %q, 流动 %v; want %q, %q, %v", m.Category, m.Post, m.Mobile, tt.wantCat, tt.wantPost, tt.wantMob)
			}
			if notes := notesOf(rf); tt.wantNote != "" && !strings.Contains(notes, tt.wantNote) {
				t.Errorf("notes %q; want %q", notes, tt.wantNote)
			}
		})
	}
}

// Without a 转正 date the category is left to the dates, said as for a
// cell saying 党员; a 人员类别 column of 正式/预备 is read as before.
func TestCategoryColumnOfWorkStatusWithoutFullDate(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "党员类别"},
		{"张建国", idNumber("19800312", "011"), "2026-01-01", nil, "在职党员"},
		{"李秀兰", idNumber("19800312", "022"), "2005-07-01", nil, "预备党员"},
	}))
	if got := rejections(rf, 2); len(got) > 0 {
		t.Fatalf("refused: %v", got)
	}
	if m := member(t, rf, 2); m.Category != "" {
		t.Errorf("category %q; want it left to the dates", m.Category)
	}
	if !strings.Contains(notesOf(rf), "第2行（“在职党员”）的人员类别没有说明正式或预备") {
		t.Errorf("notes %q", notesOf(rf))
	}
	if m := member(t, rf, 3); m.Category != model.CategoryProbationary {
		t.Errorf("李秀兰 %q", m.Category)
	}
}
