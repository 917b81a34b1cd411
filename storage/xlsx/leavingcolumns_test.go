package xlsx

import (
	"fmt"
	"testing"

	"branchledger/model"
)

// A column no field answers to whose heading is about leaving — 状态, 在册,
// 变动情况, 减少原因, 转出时间 … — holds back a row it says has left, as 备注
// does, naming the column, the cell and its value; a value saying the
// person is here imports. 党籍状态 已故 says the person left, not a standing
// unknown (review ra7 F15).
func TestAColumnSayingThePersonLeftHoldsTheRowBack(t *testing.T) {
	const tail = "，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改正这一格后再导入"
	for _, c := range []struct {
		heading, value string
		refused        bool
	}{
		{"状态", "已转出", true},
		{"状态", "在册", false},
		{"状态", "在职", false},
		{"在册情况", "不在册", true},
		{"在册情况", "在册", false},
		{"党员状态", "死亡", true},
		{"党员状态", "正常", false},
		{"人员状态", "已故", true},
		{"变动情况", "转出", true},
		{"变动情况", "转入", false},
		{"减少原因", "组织关系转出", true},
		{"减少原因", "其他", true},
		{"减少原因", "无", false},
		{"转出时间", "2024-05-01", true},
		{"转出时间", "—", false},
		{"转出时间", "未转出", false},
		{"去世时间", "2024.3", true},
		{"离开日期", "2024-05-01", true},
		{"是否转出", "是", true},
		{"是否转出", "否", false},
		{"是否在册", "否", true},
		{"是否在册", "是", false},
		{"在册", "×", true},
		{"在册", "√", false},
		{"在册", "", false},
		{"工作状态", "在岗", false},
	} {
		t.Run(c.heading+"_"+c.value, func(t *testing.T) {
			rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "人员类别", c.heading}}
			for r := 2; r <= 3; r++ {
				v := ""
				if r == 3 {
					v = c.value
				}
				rows = append(rows, []any{fmt.Sprintf("党员%d", r), idNumber(fmt.Sprintf("1980%02d%02d", r, r), fmt.Sprintf("%03d", r)), "2010.07", "正式党员", v})
			}
			rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows}}}.bytes(t))
			got := rejections(rf, 3)
			if !c.refused {
				if len(got) != 0 || len(rf.Members) != 2 {
					t.Errorf("refused %q, imported %d: want both rows imported", got, len(rf.Members))
				}
				return
			}
			want := fmt.Sprintf("“%s”列（E3）为“%s”", c.heading, c.value) + tail
			if got[model.FieldName] != want || len(got) != 1 || len(rf.Members) != 1 || rf.Members[0].Row != 2 {
				t.Errorf("row 3 refused for %q (imported %d), want %q", got, len(rf.Members), want)
			}
			if len(rf.Sheets[0].Ignored) != 1 || rf.Sheets[0].Ignored[0] != c.heading+"（不导入，只用来看是否已离开）" {
				t.Errorf("columns not imported %q", rf.Sheets[0].Ignored)
			}
		})
	}
	for _, v := range []string{"已故", "出党", "开除", "开除党籍"} {
		t.Run("党籍状态_"+v, func(t *testing.T) {
			rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "人员类别", "党籍状态"},
				{"党员2", idNumber("19800202", "002"), "2010.07", "正式党员", v}}
			rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows}}}.bytes(t))
			want := "党籍状态为“" + v + "”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请填写“正常”或“停止党籍”后再导入"
			if got := rejections(rf, 2); got[model.FieldStanding] != want {
				t.Errorf("refused for %q, want %q", got, want)
			}
		})
	}
}

// A 状态 or 在册 column giving a state the record keeps in a field of its
// own — 失联, 流动 — is not imported; the member was stored 否, 否 without
// a word (review ra7 F49). The row is refused naming the column to fill,
// unless the row's own column already says it; 未失联 and the like say
// nothing. 停止党籍 there is read as 党籍状态 (TestStatusWordsInEveryPlace).
func TestAStatusColumnGivingAStateTheRecordKeepsElsewhere(t *testing.T) {
	for _, c := range []struct {
		heading, value string
		extra          []string // another heading and value on the row
		field          model.Field
		fields         string
	}{
		{"状态", "失联", nil, model.FieldLostContact, "“是否失联党员”和“失联年月”"},
		{"人员状态", "流动党员", nil, model.FieldMobile, "“是否流动党员”和“外出流向”"},
		{"党员状态", "停止党籍", []string{"党籍状态", "停止党籍"}, "", ""},
		{"状态", "失去联系", nil, model.FieldLostContact, "“是否失联党员”和“失联年月”"},
		{"状态", "流出", nil, model.FieldMobile, "“是否流动党员”和“外出流向”"},
		{"党员状态", "未失联", nil, "", ""},
		{"党员状态", "非流动党员", nil, "", ""},
	} {
		t.Run(c.heading+"_"+c.value, func(t *testing.T) {
			head := []any{"姓名", "公民身份号码", "加入党组织日期", "人员类别", c.heading}
			row := []any{"党员2", idNumber("19800202", "002"), "2010.07", "正式党员", c.value}
			if c.extra != nil {
				head, row = append(head, c.extra[0]), append(row, c.extra[1])
			}
			rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{head, row}}}}.bytes(t))
			got := rejections(rf, 2)
			if c.field == "" {
				if len(got) != 0 || len(rf.Members) != 1 {
					t.Fatalf("refused %q, imported %d: want the row imported", got, len(rf.Members))
				}
				if c.extra != nil && rf.Members[0].Member.Standing != model.StandingSuspended {
					t.Errorf("党籍状态 %q, want 停止党籍", rf.Members[0].Member.Standing)
				}
				return
			}
			want := fmt.Sprintf("“%s”列（E2）为“%s”，这一列不导入：请把它填入%s列后再导入", c.heading, c.value, c.fields)
			if len(rf.Members) != 0 || got[c.field] != want {
				t.Errorf("imported %d, refused %q; want %s refused: %s", len(rf.Members), got, c.field, want)
			}
			if len(rf.Rejected) != 1 || rf.Rejected[0].Value != c.value {
				t.Errorf("the refusal shows the cell as %+v, want %q", rf.Rejected, c.value)
			}
		})
	}
}
