package xlsx

import (
	"fmt"
	"testing"
)

// A template's example sheets under the names templates give them (范本,
// 样本, 填表须知, Example), or under any name when every person on them is
// a placeholder (模板 with 张三 and 李四), are left out like 填写示例; a
// filled-in 模板 sheet with real names is a roster (review s8-7 attack #4).
func TestMoreExampleSheets(t *testing.T) {
	head := []any{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"}
	sheet := func(name string, people ...string) sheetSpec {
		rows := [][]any{head}
		for i, p := range people {
			rows = append(rows, []any{fmt.Sprint(i + 1), p, idNumber("19800101", []string{"011", "022", "033"}[i]), "2015.06", "2016.06", "第一党支部"})
		}
		return sheetSpec{name: name, rows: rows}
	}
	rf := read(t, workbook{sheets: []sheetSpec{
		sheet("模板", "张三", "李四"), sheet("范本", "王五"), sheet("样本", "癸一"), sheet("Example", "赵六"),
		sheet("填表须知", "癸二"), sheet("党员花名册", "酉一"), sheet("填写模板", "酉二", "张三"),
	}}.bytes(t))
	want := map[string]bool{"模板": true, "范本": true, "样本": true, "Example": true, "填表须知": true, "党员花名册": false, "填写模板": false}
	for _, s := range rf.Sheets {
		if s.Example != want[s.Name] {
			t.Errorf("sheet %s: Example %v, want %v", s.Name, s.Example, want[s.Name])
		}
	}
	if len(rf.Sheets) != len(want) {
		t.Errorf("sheets %+v", rf.Sheets)
	}
}

// A roster whose only sheet names 张三 and 李四 is theirs: nothing else
// in the file says it is a template's.
func TestPlaceholderNamesAloneAreARoster(t *testing.T) {
	rf := read(t, workbook{sheets: []sheetSpec{{name: "模板", rows: [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"},
		{"张三", idNumber("19800101", "011"), "2015.06", "2016.06"},
	}}}}.bytes(t))
	if len(rf.Sheets) != 1 || rf.Sheets[0].Example {
		t.Errorf("sheets %+v", rf.Sheets)
	}
}
