package xlsx

import (
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// Rosters as branches write them say a member's 失联, 流动 and 停止党籍 in
// many words and places — 备注, a 批注, a 外出流向 or 状态 column used for a
// status, a 减少原因 column — and say a leaving there too (review ra8 G5,
// G6, G7, G8, G11, G13, G14). Each row is read for what a secretary means:
// the flag or 党籍状态 set (with its 提示), the leaver refused, the duty or
// the past (流动党员管理员, 曾流动) leaving the member as is.
func TestStatusWordsInEveryPlace(t *testing.T) {
	const (
		leftRemark = "备注中写着“%s”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改写备注后再导入"
		leftCell   = "“%s”列（E2）为“%s”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改正这一格后再导入"
	)
	type want struct {
		lost, mobile, suspended bool
		note                    string      // the 提示 on the row, "" for none
		field                   model.Field // the field refused, "" for stored
		reason                  string
	}
	// heading is the sheet's columns after 姓名, 公民身份号码, 加入党组织日期,
	// 转为正式党员日期 (so that column E is the first of them); comment is
	// the text of a 批注 on A2.
	for _, c := range []struct {
		name    string
		cell    string // the 姓名 cell, 辛一 if ""
		heading []string
		cells   []string
		comment string
		want    want
	}{
		// G6: 备注 words of 失联 and 流动, on a sheet without their detail
		// columns (set, said) and with them blank (refused naming them).
		{name: "备注 下落不明", heading: []string{"备注"}, cells: []string{"下落不明"}, want: want{lost: true, note: "辛一：备注中写着“下落不明”，是否失联党员记为“是”"}},
		{name: "备注 无法联系", heading: []string{"备注"}, cells: []string{"无法联系"}, want: want{lost: true, note: "辛一：备注中写着“无法联系”，是否失联党员记为“是”"}},
		{name: "备注 联系不到", heading: []string{"备注"}, cells: []string{"2023年起联系不到"}, want: want{lost: true, note: "辛一：备注中写着“联系不到”，是否失联党员记为“是”"}},
		{name: "备注 联系不上", heading: []string{"备注"}, cells: []string{"联系不上"}, want: want{lost: true, note: "辛一：备注中写着“联系不上”，是否失联党员记为“是”"}},
		{name: "备注 失去联系", heading: []string{"备注"}, cells: []string{"已失去联系"}, want: want{lost: true, note: "辛一：备注中写着“失去联系”，是否失联党员记为“是”"}},
		{name: "备注 无法联系, 失联年月 blank", heading: []string{"失联年月", "备注"}, cells: []string{"", "无法联系"},
			want: want{field: model.FieldLostSince, reason: "失联党员请填写失联年月"}},
		{name: "备注 流动", heading: []string{"备注"}, cells: []string{"流动"}, want: want{mobile: true, note: "辛一：备注中写着“流动”，是否流动党员记为“是”"}},
		{name: "备注 外出", heading: []string{"备注"}, cells: []string{"外出，电话13712345678"}, want: want{mobile: true, note: "辛一：备注中写着“外出”，是否流动党员记为“是”"}},
		{name: "备注 人在外地", heading: []string{"备注"}, cells: []string{"人在外地"}, want: want{mobile: true, note: "辛一：备注中写着“人在外地”，是否流动党员记为“是”"}},
		{name: "备注 在外务工", heading: []string{"备注"}, cells: []string{"在外务工"}, want: want{mobile: true, note: "辛一：备注中写着“在外务工”，是否流动党员记为“是”"}},
		{name: "备注 外出经商", heading: []string{"备注"}, cells: []string{"外出经商"}, want: want{mobile: true, note: "辛一：备注中写着“外出经商”，是否流动党员记为“是”"}},
		{name: "备注 长期在外", heading: []string{"备注"}, cells: []string{"长期在外"}, want: want{mobile: true, note: "辛一：备注中写着“长期在外”，是否流动党员记为“是”"}},
		{name: "备注 流动, 外出流向 blank", heading: []string{"外出流向", "备注"}, cells: []string{"", "流动"},
			want: want{field: model.FieldMobileDestination, reason: "流动党员请填写外出流向"}},
		{name: "备注 外出, 是否流动党员 否", heading: []string{"是否流动党员", "备注"}, cells: []string{"否", "外出"},
			want: want{field: model.FieldNotes, reason: "备注中写着“外出”，是否流动党员却为“否”：请改正其中之一后再导入"}},
		{name: "备注 多次联系均联系不上", heading: []string{"备注"}, cells: []string{"多次联系均联系不上"}, want: want{lost: true, note: "辛一：备注中写着“联系不上”，是否失联党员记为“是”"}},
		{name: "备注 失联，未恢复", heading: []string{"备注"}, cells: []string{"2022年失联，至今未恢复联系"}, want: want{lost: true, note: "辛一：备注中写着“失联”，是否失联党员记为“是”"}},
		{name: "备注 流动党员工作地", heading: []string{"备注"}, cells: []string{"流动党员工作地深圳"}, want: want{mobile: true, note: "辛一：备注中写着“流动党员”，是否流动党员记为“是”"}},
		// ra9 S11: more words of 失联 and 流动.
		{name: "备注 不知去向", heading: []string{"备注"}, cells: []string{"不知去向"}, want: want{lost: true, note: "辛一：备注中写着“不知去向”，是否失联党员记为“是”"}},
		{name: "备注 长期未联系", heading: []string{"备注"}, cells: []string{"长期未联系"}, want: want{lost: true, note: "辛一：备注中写着“长期未联系”，是否失联党员记为“是”"}},
		{name: "备注 杳无音信", heading: []string{"备注"}, cells: []string{"杳无音信"}, want: want{lost: true, note: "辛一：备注中写着“杳无音信”，是否失联党员记为“是”"}},
		{name: "备注 音讯全无", heading: []string{"备注"}, cells: []string{"音讯全无"}, want: want{lost: true, note: "辛一：备注中写着“音讯全无”，是否失联党员记为“是”"}},
		{name: "备注 失踪", heading: []string{"备注"}, cells: []string{"失踪"}, want: want{lost: true, note: "辛一：备注中写着“失踪”，是否失联党员记为“是”"}},
		{name: "备注 断联", heading: []string{"备注"}, cells: []string{"断联"}, want: want{lost: true, note: "辛一：备注中写着“断联”，是否失联党员记为“是”"}},
		{name: "备注 外出流动", heading: []string{"备注"}, cells: []string{"外出流动"}, want: want{mobile: true, note: "辛一：备注中写着“外出流动”，是否流动党员记为“是”"}},
		{name: "备注 在外流动", heading: []string{"备注"}, cells: []string{"在外流动"}, want: want{mobile: true, note: "辛一：备注中写着“在外流动”，是否流动党员记为“是”"}},
		{name: "备注 流动人员", heading: []string{"备注"}, cells: []string{"流动人员"}, want: want{mobile: true, note: "辛一：备注中写着“流动人员”，是否流动党员记为“是”"}},
		{name: "备注 外出中", heading: []string{"备注"}, cells: []string{"外出中"}, want: want{mobile: true, note: "辛一：备注中写着“外出中”，是否流动党员记为“是”"}},
		// ra9 S12: 已联系 ends a 失联, not a 流动.
		{name: "备注 流动党员，已联系", heading: []string{"备注"}, cells: []string{"流动党员，已联系"}, want: want{mobile: true, note: "辛一：备注中写着“流动党员”，是否流动党员记为“是”"}},
		{name: "备注 失联，已联系上", heading: []string{"备注"}, cells: []string{"曾失联，已联系上"}},
		// G6, G11: the past, a duty, another person, a return.
		{name: "备注 在外工作多年，现已回乡", heading: []string{"备注"}, cells: []string{"在外工作多年，现已回乡"}},
		{name: "备注 帮扶失联党员", heading: []string{"备注"}, cells: []string{"结对帮扶失联党员"}},
		{name: "备注 外出学习已返回", heading: []string{"备注"}, cells: []string{"外出学习已返回"}},
		{name: "备注 外出务工，已返回", heading: []string{"备注"}, cells: []string{"外出务工，已返回"}},
		{name: "备注 曾流动", heading: []string{"备注"}, cells: []string{"曾流动"}},
		{name: "备注 曾为流动党员", heading: []string{"备注"}, cells: []string{"曾为流动党员"}},
		{name: "备注 流动党员管理员", heading: []string{"备注"}, cells: []string{"流动党员管理员"}},
		{name: "备注 负责流动党员管理", heading: []string{"备注"}, cells: []string{"负责流动党员管理"}},
		{name: "备注 失联党员帮扶责任人", heading: []string{"备注"}, cells: []string{"失联党员帮扶责任人"}},
		{name: "备注 失联（已恢复）", heading: []string{"备注"}, cells: []string{"失联（已恢复）"}},
		{name: "备注 配偶在外地", heading: []string{"备注"}, cells: []string{"配偶在外地务工"}},
		// ra9 L1: 人在外地 inside 爱人在外地, 家人在外地.
		{name: "备注 爱人在外地工作", heading: []string{"备注"}, cells: []string{"爱人在外地工作"}},
		{name: "备注 家人在外地", heading: []string{"备注"}, cells: []string{"家人在外地"}},
		{name: "备注 外出学习", heading: []string{"备注"}, cells: []string{"外出学习三天"}},
		// G11: a change of job, an arrival.
		{name: "备注 调离原岗位", heading: []string{"备注"}, cells: []string{"调离原岗位，现任质检员"}},
		{name: "备注 调离领导岗位", heading: []string{"备注"}, cells: []string{"2022年调离领导岗位"}},
		{name: "备注 从XX支部转入", heading: []string{"备注"}, cells: []string{"从XX支部转入"}},
		{name: "备注 2020年转入", heading: []string{"备注"}, cells: []string{"2020年转入"}},
		{name: "备注 调离本单位", heading: []string{"备注"}, cells: []string{"调离本单位"}, want: want{field: model.FieldNotes, reason: fmt.Sprintf(leftRemark, "调离")}},
		// ra9 L3: a duty, a return, the membership not moved, things moved.
		{name: "备注 负责组织关系转出转入", heading: []string{"备注"}, cells: []string{"负责党员组织关系转出转入"}},
		{name: "备注 转出后转回", heading: []string{"备注"}, cells: []string{"2019年转出，2021年转回"}},
		{name: "备注 调出本单位，关系未转", heading: []string{"备注"}, cells: []string{"已调出本单位，组织关系未转"}},
		{name: "备注 户口已迁出", heading: []string{"备注"}, cells: []string{"户口已迁出"}},
		{name: "备注 社保已转出", heading: []string{"备注"}, cells: []string{"社保已转出"}},
		{name: "备注 已转出，关系未转入新单位", heading: []string{"备注"}, cells: []string{"已转出，组织关系未转入新单位"}, want: want{field: model.FieldNotes, reason: fmt.Sprintf(leftRemark, "已转出")}},
		// ra9 L7: a condition.
		{name: "备注 如联系不到", heading: []string{"备注"}, cells: []string{"如联系不到请联系其女儿"}},
		{name: "备注 若外出", heading: []string{"备注"}, cells: []string{"若外出请提前报告"}},
		// ra9 S6
		{name: "备注 已不在本支部", heading: []string{"备注"}, cells: []string{"已不在本支部"}, want: want{field: model.FieldNotes, reason: fmt.Sprintf(leftRemark, "不在本支部")}},
		{name: "备注 关系不在我支部", heading: []string{"备注"}, cells: []string{"关系不在我支部"}, want: want{field: model.FieldNotes, reason: fmt.Sprintf(leftRemark, "不在我支部")}},
		// G7: the words of 停止党籍, and of leaving.
		{name: "备注 停籍", heading: []string{"备注"}, cells: []string{"停籍"}, want: want{suspended: true, note: "辛一：备注中写着“停籍”，党籍状态记为“停止党籍”"}},
		{name: "备注 暂停党籍", heading: []string{"备注"}, cells: []string{"2024年暂停党籍"}, want: want{suspended: true, note: "辛一：备注中写着“暂停党籍”，党籍状态记为“停止党籍”"}},
		{name: "备注 中止党籍", heading: []string{"备注"}, cells: []string{"已中止党籍"}, want: want{suspended: true, note: "辛一：备注中写着“中止党籍”，党籍状态记为“停止党籍”"}},
		{name: "备注 停籍, 党籍状态 正常", heading: []string{"党籍状态", "备注"}, cells: []string{"正常", "停籍"},
			want: want{field: model.FieldNotes, reason: "备注中写着“停籍”，党籍状态却为“正常”：请改正其中之一后再导入"}},
		{name: "姓名 辛一（停籍）", cell: "辛一（停籍）", heading: []string{"备注"}, cells: []string{""},
			want: want{suspended: true, note: "辛一：姓名“辛一（停籍）”后写着“停籍”，姓名记为“辛一”，党籍状态记为“停止党籍”"}},
		{name: "姓名 辛一（暂停党籍）, 党籍状态 正常", cell: "辛一（暂停党籍）", heading: []string{"党籍状态"}, cells: []string{"正常"},
			want: want{field: model.FieldName, reason: "姓名后写着“暂停党籍”，党籍状态却为“正常”：请改正其中之一后再导入"}},
		{name: "备注 停籍后恢复", heading: []string{"备注"}, cells: []string{"2020年停籍，2022年恢复党籍"}},
		{name: "备注 取消预备资格", heading: []string{"备注"}, cells: []string{"2024年取消预备资格"}, want: want{field: model.FieldNotes, reason: fmt.Sprintf(leftRemark, "取消预备资格")}},
		{name: "备注 介绍信已开出", heading: []string{"备注"}, cells: []string{"介绍信已开出"}, want: want{field: model.FieldNotes, reason: fmt.Sprintf(leftRemark, "介绍信已开出")}},
		{name: "备注 已开具组织关系介绍信", heading: []string{"备注"}, cells: []string{"2025年3月已开具组织关系介绍信"}, want: want{field: model.FieldNotes, reason: fmt.Sprintf(leftRemark, "已开具组织关系介绍信")}},
		{name: "备注 流出", heading: []string{"备注"}, cells: []string{"流出"}, want: want{field: model.FieldNotes, reason: fmt.Sprintf(leftRemark, "流出")}},
		{name: "备注 组织关系流出", heading: []string{"备注"}, cells: []string{"组织关系流出"}, want: want{field: model.FieldNotes, reason: fmt.Sprintf(leftRemark, "关系流出")}},
		{name: "备注 拟开具介绍信", heading: []string{"备注"}, cells: []string{"拟开具介绍信"}},
		{name: "备注 流出党员", heading: []string{"备注"}, cells: []string{"流出党员"}, want: want{mobile: true, note: "辛一：备注中写着“流出党员”，是否流动党员记为“是”"}},
		// G8: a 批注 is read as the 备注 is, its sentence naming it.
		{name: "批注 失联", heading: []string{"备注"}, cells: []string{""}, comment: "组织委员:2023年起失联",
			want: want{lost: true, note: "辛一：A2单元格的批注中写着“失联”，是否失联党员记为“是”"}},
		{name: "批注 流动党员", heading: []string{"备注"}, cells: []string{""}, comment: "流动党员",
			want: want{mobile: true, note: "辛一：A2单元格的批注中写着“流动党员”，是否流动党员记为“是”"}},
		{name: "批注 停止党籍", heading: []string{"备注"}, cells: []string{""}, comment: "已停止党籍",
			want: want{suspended: true, note: "辛一：A2单元格的批注中写着“停止党籍”，党籍状态记为“停止党籍”"}},
		{name: "批注 失联, 失联年月 blank", heading: []string{"失联年月"}, cells: []string{""}, comment: "失联",
			want: want{field: model.FieldLostSince, reason: "失联党员请填写失联年月"}},
		{name: "批注 流动党员, 是否流动党员 否", heading: []string{"是否流动党员"}, cells: []string{"否"}, comment: "流动党员",
			want: want{field: model.FieldMobile, reason: "A2单元格的批注中写着“流动党员”，是否流动党员却为“否”：请改正其中之一后再导入"}},
		{name: "批注 流动党员管理员", heading: []string{"备注"}, cells: []string{""}, comment: "流动党员管理员"},
		{name: "批注 转入本行的支部", heading: []string{"所在党支部"}, cells: []string{"第一党支部"}, comment: "2020年转入第一党支部"},
		{name: "批注 转入另一支部", heading: []string{"所在党支部"}, cells: []string{"第一党支部"}, comment: "2024年转入第二党支部",
			want: want{field: model.FieldName, reason: "A2单元格的批注“2024年转入第二党支部”写着“转入第二党支部”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去或改写批注后再导入"}},
		// G5: a 外出流向 used as a status column.
		{name: "外出流向 转出", heading: []string{"外出流向"}, cells: []string{"转出"}, want: want{field: model.FieldMobileDestination, reason: fmt.Sprintf(leftCell, "外出流向", "转出")}},
		{name: "外出流向 去世", heading: []string{"外出流向"}, cells: []string{"去世"}, want: want{field: model.FieldMobileDestination, reason: fmt.Sprintf(leftCell, "外出流向", "去世")}},
		{name: "外出流向 死亡", heading: []string{"外出流向"}, cells: []string{"死亡"}, want: want{field: model.FieldMobileDestination, reason: fmt.Sprintf(leftCell, "外出流向", "死亡")}},
		{name: "外出流向 已故", heading: []string{"外出流向"}, cells: []string{"已故"}, want: want{field: model.FieldMobileDestination, reason: fmt.Sprintf(leftCell, "外出流向", "已故")}},
		{name: "外出流向 正常", heading: []string{"外出流向"}, cells: []string{"正常"}},
		{name: "外出流向 在册", heading: []string{"外出流向"}, cells: []string{"在册"}},
		{name: "外出流向 无", heading: []string{"外出流向"}, cells: []string{"无"}},
		{name: "外出流向 否", heading: []string{"外出流向"}, cells: []string{"否"}},
		{name: "外出流向 正常 beside 是", heading: []string{"外出流向", "是否流动党员"}, cells: []string{"正常", "是"},
			want: want{field: model.FieldMobileDestination, reason: "是否流动党员为“是”，外出流向“正常”不是地点：请填写外出的地方后再导入"}},
		{name: "外出流向 停止党籍", heading: []string{"外出流向"}, cells: []string{"停止党籍"},
			want: want{field: model.FieldMobileDestination, reason: "外出流向“停止党籍”不是地点：流动党员请填写外出的地方，未外出的请留空后再导入"}},
		{name: "外出流向 调往深圳", heading: []string{"外出流向"}, cells: []string{"调往深圳"}, want: want{mobile: true, note: "辛一：填了外出流向“调往深圳”，记为流动党员"}},
		// G13: no reduction in a column about leaving.
		{name: "减少原因 正常", heading: []string{"减少原因"}, cells: []string{"正常"}},
		{name: "减少原因 在册", heading: []string{"减少原因"}, cells: []string{"在册"}},
		{name: "离开原因 无", heading: []string{"离开原因"}, cells: []string{"无"}},
		{name: "出党原因 正常", heading: []string{"出党原因"}, cells: []string{"正常"}},
		{name: "减少原因 转出", heading: []string{"减少原因"}, cells: []string{"转出"}, want: want{field: model.FieldName, reason: fmt.Sprintf(leftCell, "减少原因", "转出")}},
		// G14: 党籍状态 written as branches write it, in its own column or
		// a 状态 one.
		{name: "党籍状态 在册", heading: []string{"党籍状态"}, cells: []string{"在册"}},
		{name: "党籍状态 停籍", heading: []string{"党籍状态"}, cells: []string{"停籍"}, want: want{suspended: true}},
		{name: "党籍状态 中止党籍", heading: []string{"党籍状态"}, cells: []string{"中止党籍"}, want: want{suspended: true}},
		{name: "党籍状态 暂停党籍", heading: []string{"党籍状态"}, cells: []string{"暂停党籍"}, want: want{suspended: true}},
		{name: "状态 停止党籍", heading: []string{"状态"}, cells: []string{"停止党籍"}, want: want{suspended: true, note: "辛一：“状态”列（E2）为“停止党籍”，党籍状态记为“停止党籍”"}},
		{name: "状态 停籍", heading: []string{"状态"}, cells: []string{"停籍"}, want: want{suspended: true, note: "辛一：“状态”列（E2）为“停籍”，党籍状态记为“停止党籍”"}},
		{name: "党员状态 中止党籍", heading: []string{"党员状态"}, cells: []string{"中止党籍"}, want: want{suspended: true, note: "辛一：“党员状态”列（E2）为“中止党籍”，党籍状态记为“停止党籍”"}},
		{name: "党员状态 党籍停止", heading: []string{"党员状态"}, cells: []string{"党籍停止"}, want: want{suspended: true, note: "辛一：“党员状态”列（E2）为“党籍停止”，党籍状态记为“停止党籍”"}},
		{name: "在册情况 在册（停止党籍）", heading: []string{"在册情况"}, cells: []string{"在册（停止党籍）"}, want: want{suspended: true, note: "辛一：“在册情况”列（E2）为“在册（停止党籍）”，党籍状态记为“停止党籍”"}},
		{name: "状态 在册", heading: []string{"状态"}, cells: []string{"在册"}},
		{name: "党员状态 正常", heading: []string{"党员状态"}, cells: []string{"正常"}},
		// G6 in a column of states: refused naming the columns to fill,
		// as 失联 there is (TestAStatusColumnGivingAStateTheRecordKeepsElsewhere).
		{name: "状态 联系不上", heading: []string{"状态"}, cells: []string{"联系不上"},
			want: want{field: model.FieldLostContact, reason: "“状态”列（E2）为“联系不上”，这一列不导入：请把它填入“是否失联党员”和“失联年月”列后再导入"}},
		{name: "党员状态 无法联系", heading: []string{"党员状态"}, cells: []string{"无法联系"},
			want: want{field: model.FieldLostContact, reason: "“党员状态”列（E2）为“无法联系”，这一列不导入：请把它填入“是否失联党员”和“失联年月”列后再导入"}},
		{name: "状态 下落不明", heading: []string{"状态"}, cells: []string{"下落不明"},
			want: want{field: model.FieldLostContact, reason: "“状态”列（E2）为“下落不明”，这一列不导入：请把它填入“是否失联党员”和“失联年月”列后再导入"}},
		{name: "状态 曾流动", heading: []string{"状态"}, cells: []string{"曾流动，已返回"}},
		{name: "备注 长期外出", heading: []string{"备注"}, cells: []string{"长期外出"}, want: want{mobile: true, note: "辛一：备注中写着“长期外出”，是否流动党员记为“是”"}},
		{name: "状态 停籍, 党籍状态 正常", heading: []string{"状态", "党籍状态"}, cells: []string{"停籍", "正常"},
			want: want{field: model.FieldStanding, reason: "“状态”列（E2）为“停籍”，党籍状态却为“正常”：请改正其中之一后再导入"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"}
			row := []any{"辛一", idNumber("19800101", "011"), "2008.06", "2009.06"}
			if c.cell != "" {
				row[0] = c.cell
			}
			for i, h := range c.heading {
				head, row = append(head, h), append(row, c.cells[i])
			}
			rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{head, row}}}, opts: func(f *excelize.File) {
				if c.comment == "" {
					return
				}
				if err := f.AddComment("Sheet1", excelize.Comment{Cell: "A2", Paragraph: []excelize.RichTextRun{{Text: c.comment}}}); err != nil {
					t.Fatal(err)
				}
			}}.bytes(t))
			got := rejections(rf, 2)
			if c.want.field != "" {
				if got[c.want.field] != c.want.reason || len(rf.Members) != 0 {
					t.Errorf("imported %d, refused %q; want %s refused: %s", len(rf.Members), got, c.want.field, c.want.reason)
				}
				return
			}
			if len(rf.Members) != 1 {
				t.Fatalf("refused %q, want the row stored", got)
			}
			m := rf.Members[0].Member
			if m.LostContact != c.want.lost || m.Mobile != c.want.mobile || (m.Standing == model.StandingSuspended) != c.want.suspended {
				t.Errorf("stored 失联 %v, 流动 %v, 党籍状态 %s; want 失联 %v, 流动 %v, 停止党籍 %v",
					m.LostContact, m.Mobile, m.Standing, c.want.lost, c.want.mobile, c.want.suspended)
			}
			if note := noteOn(rf, 2); note != c.want.note {
				t.Errorf("提示 %q, want %q", note, c.want.note)
			}
		})
	}
}
