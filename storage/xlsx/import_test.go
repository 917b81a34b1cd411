package xlsx

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

func TestReadRosterSharedSample(t *testing.T) {
	rf, err := ReadRosterFile(samplePath, ReadOptions{Today: today})
	if err != nil {
		t.Fatalf("the shared sample must be readable: %v", err)
	}
	if len(rf.Members) != 11 {
		t.Errorf("imported %d members, want 11; rejected: %v", len(rf.Members), rf.Rejected)
	}
	if got := rf.RejectedRows(); len(got) != 1 || got[0] != 8 {
		t.Fatalf("rejected rows %v, want only row 8: %v", got, rf.Rejected)
	}
	reason := rejections(rf, 8)[model.FieldIDNumber]
	for _, want := range []string{"存成了数字", "第16–18位已丢失", "620503198712143000", "设为文本"} {
		if !strings.Contains(reason, want) {
			t.Errorf("row 8 reason %q does not say %q", reason, want)
		}
	}
	if sh := rf.Sheets[0]; len(rf.Sheets) != 1 || sh.Name != "党员花名册" || sh.HeaderRow != 3 || sh.HeaderRows != 1 {
		t.Errorf("header found on sheets %+v, want 党员花名册 row 3", rf.Sheets)
	}

	tests := []struct {
		name string
		row  int
		got  func(m model.Member) any
		want any
	}{
		{"入党时间 2024.07 is July 2024, month only", 7, func(m model.Member) any { return m.JoinDate }, model.MonthDate(2024, time.July)},
		{"转正时间 20250704", 7, func(m model.Member) any { return m.FullDate }, model.NewDate(2025, time.July, 4)},
		{"入党时间 as an Excel date serial", 4, func(m model.Member) any { return m.JoinDate }, model.NewDate(2026, time.April, 4)},
		{"转正时间 as an Excel date serial", 5, func(m model.Member) any { return m.FullDate }, model.NewDate(2019, time.April, 17)},
		{"出生年月 as an Excel date serial", 6, func(m model.Member) any { return m.BirthDate }, model.NewDate(1972, time.May, 18)},
		{"转正时间 2016年8月", 9, func(m model.Member) any { return m.FullDate }, model.MonthDate(2016, time.August)},
		{"入党时间 2007-2-12", 10, func(m model.Member) any { return m.FullDate }, model.NewDate(2007, time.February, 12)},
		{"转正时间 2026/06/20", 13, func(m model.Member) any { return m.FullDate }, model.NewDate(2026, time.June, 20)},
		{"出生年月 1985.08 completed from the ID number", 9, func(m model.Member) any { return m.BirthDate }, model.NewDate(1985, time.August, 18)},
		{"文化程度 大学本科 is 大学", 5, func(m model.Member) any { return m.Education }, "大学"},
		{"文化程度 高中 is 普通高中", 11, func(m model.Member) any { return m.Education }, "普通高中"},
		{"党员类别 预备党员", 4, func(m model.Member) any { return m.Category }, model.CategoryProbationary},
		{"民族 东乡族", 6, func(m model.Member) any { return m.Ethnicity }, "东乡族"},
		{"工作单位及职务 is 工作岗位", 4, func(m model.Member) any { return m.Post }, "车间主任"},
		{"所在党支部 from the title", 4, func(m model.Member) any { return m.BranchName }, "中共甘肃陇原机械制造有限公司支部委员会"},
		{"ID number", 15, func(m model.Member) any { return m.IDNumber }, "621121197607127119"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.got(member(t, rf, tt.row)); got != tt.want {
				t.Errorf("row %d: got %v, want %v", tt.row, got, tt.want)
			}
		})
	}
}

func TestReadRosterTwoRowMergedHeader(t *testing.T) {
	idX := idNumberWithX(t, "19900506", false)
	data := workbook{sheets: []sheetSpec{{
		name: "Sheet1",
		rows: [][]any{
			{"中共某某科技有限公司党支部党员花名册"},
			{"序号", "姓名", "党员信息", nil, nil, nil, "入党\n时间", "转正时间", "人员类别", "是否流动党员", nil, "备注"},
			{nil, nil, "性别", "民族", "身份证\n号码", "出生\n年月", nil, nil, nil, "是否", "流向", nil},
			{numberCell("1"), "张伟", "男", "汉", idNumber("19850312", "011"), "1985.03", "2010年7月", "2011年7月", "正式", "否", nil, nil},
			{numberCell("2"), "李 娜", "女性", "回族", "  " + strings.ToLower(idX) + " ", "1990-5-6", "2020.01", nil, "预备", "是", "广东深圳", "外出务工"},
		},
		merges: [][2]string{{"A1", "L1"}, {"A2", "A3"}, {"B2", "B3"}, {"C2", "F2"}, {"G2", "G3"}, {"H2", "H3"}, {"I2", "I3"}, {"J2", "K2"}, {"L2", "L3"}},
	}}}.bytes(t)
	rf := read(t, data)
	if sh := rf.Sheets[0]; sh.HeaderRow != 2 || sh.HeaderRows != 2 {
		t.Errorf("header at row %d over %d rows, want row 2 over 2", sh.HeaderRow, sh.HeaderRows)
	}
	wantCols := []model.Field{model.FieldName, model.FieldSex, model.FieldEthnicity, model.FieldIDNumber, model.FieldBirthDate,
		model.FieldJoinDate, model.FieldFullDate, model.FieldCategory, model.FieldMobile, model.FieldMobileDestination, model.FieldNotes}
	if strings.Join(fieldNames(rf.Sheets[0].Columns), ",") != strings.Join(fieldNames(wantCols), ",") {
		t.Errorf("columns %v, want %v", rf.Sheets[0].Columns, wantCols)
	}
	zhang := member(t, rf, 4)
	if zhang.Ethnicity != "汉族" || zhang.JoinDate != model.MonthDate(2010, time.July) || zhang.BirthDate != model.NewDate(1985, 3, 12) {
		t.Errorf("row 4: %+v", zhang)
	}
	li := member(t, rf, 5)
	if li.Name != "李娜" || li.IDNumber != idX || li.Sex != model.SexFemale || !li.Mobile || li.MobileDestination != "广东深圳" || li.Category != model.CategoryProbationary {
		t.Errorf("row 5: padded lower-case ID, 女性, 预备 and 是否流动党员 not read right: %+v", li)
	}
}

func TestReadRosterHeadingsAsTyped(t *testing.T) {
	data := workbook{sheets: []sheetSpec{{
		name: "Sheet1",
		rows: [][]any{
			{"序 号", "*姓名", "公民身份号码（18位）", "出 生 日 期", "学　历", "入党时间：", "转正\r\n日期", "党员身份", "联系电话（手机）", "现居住地", "是否失联", "失联时间"},
			{"1", "王芳", idNumber("19880214", "022"), "1988-02-14", "本科", "2012.06", "2013.06", "正式党员", "139 3100 1234", "兰州市城关区", "是（2024-03）", nil},
		},
	}}}.bytes(t)
	rf := read(t, data)
	want := []model.Field{model.FieldName, model.FieldIDNumber, model.FieldBirthDate, model.FieldEducation, model.FieldJoinDate,
		model.FieldFullDate, model.FieldCategory, model.FieldPhone, model.FieldAddress, model.FieldLostContact, model.FieldLostSince}
	if strings.Join(fieldNames(rf.Sheets[0].Columns), ",") != strings.Join(fieldNames(want), ",") {
		t.Errorf("columns %v, want %v", rf.Sheets[0].Columns, want)
	}
	m := member(t, rf, 2)
	if m.Phone != "13931001234" || m.Education != "大学" || !m.LostContact || m.LostSince != model.MonthDate(2024, time.March) {
		t.Errorf("row 2: %+v", m)
	}
}

func TestMatchHeading(t *testing.T) {
	tests := []struct {
		heading string
		want    model.Field
	}{
		{"公民身份号码", model.FieldIDNumber},
		{"身份证号", model.FieldIDNumber},
		{" 身份证\n号码 ", model.FieldIDNumber},
		{"公民身份号码（18位）", model.FieldIDNumber},
		{"身份证号码(必填)", model.FieldIDNumber},
		{"出 生 年 月", model.FieldBirthDate},
		{"姓名*", model.FieldName},
		{"入党时间（预备）", model.FieldJoinDate},
		{"入党时间：", model.FieldJoinDate},
		{"转为正式党员日期", model.FieldFullDate},
		{"正式/预备", model.FieldCategory},
		{"正式／预备", model.FieldCategory},
		{"工作单位及职务", model.FieldPost},
		{"是否流动党员", model.FieldMobile},
		{"流向", model.FieldMobileDestination},
		{"序号", ""},
		{"党员信息", ""},
		{"是否", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.heading, func(t *testing.T) {
			got, _ := matchHeading(tt.heading)
			if got != tt.want {
				t.Errorf("matchHeading(%q) = %q, want %q", tt.heading, got, tt.want)
			}
		})
	}
}

func TestReadRosterSkipsBlankAndFooterRows(t *testing.T) {
	header := []any{"序号", "姓名", "公民身份号码", "出生日期", "入党时间", "转正时间", "人员类别"}
	row := func(n, name, id string) []any {
		return []any{n, name, id, nil, "2015.07", "2016.07", "正式党员"}
	}
	data := workbook{sheets: []sheetSpec{{
		name: "Sheet1",
		rows: [][]any{
			header,
			row("1", "赵强", idNumber("19800101", "013")),
			{},
			row("2", "钱丽", idNumber("19820202", "024")),
			{"合计：2人"},
			{nil, "填表人：张三    审核人：李四"},
			{nil, nil, "注：本表由支部书记填写，每年更新一次，报上级党委备案。"},
			{"3"},
			{nil, nil, nil},
			header,
			row("3", "孙伟", idNumber("19830303", "035")),
			{nil, "制 表 人：王五"},
		},
	}}}.bytes(t)
	rf := read(t, data)
	if len(rf.Rejected) != 0 {
		t.Errorf("blank, footer and repeated header rows were rejected as members: %v", rf.Rejected)
	}
	var rows []int
	for _, m := range rf.Members {
		rows = append(rows, m.Row)
	}
	if len(rows) != 3 || rows[0] != 2 || rows[1] != 4 || rows[2] != 11 {
		t.Errorf("imported rows %v, want [2 4 11]", rows)
	}
}

func TestReadRosterRejectsRow(t *testing.T) {
	valid := idNumber("19850312", "013")
	if valid[17] == 'X' {
		t.Fatal("the test needs an ID number of digits only")
	}
	tests := []struct {
		name   string
		id     any
		birth  any
		join   any
		full   any
		sex    any
		cat    any
		lost   any
		field  model.Field
		reason []string
	}{
		{name: "ID stored as a number in scientific notation", id: numberCell("6.20503198712143E+17"),
			field: model.FieldIDNumber, reason: []string{"存成了数字", "620503198712143000"}},
		{name: "ID pasted as text in scientific notation", id: "6.20503E+17",
			field: model.FieldIDNumber, reason: []string{"存成了数字", "620503000000000000"}},
		{name: "ID with all 18 digits but stored as a number", id: numberCell(valid),
			field: model.FieldIDNumber, reason: []string{"存成了数字", valid[:15] + "000"}},
		{name: "ID number turned back into text after losing digits", id: "620503198712143000",
			field: model.FieldIDNumber, reason: []string{"存成了数字", "620503198712143000"}},
		{name: "ID with a wrong check digit", id: valid[:17] + "0",
			field: model.FieldIDNumber, reason: []string{"校验位"}},
		{name: "ID of 15 digits", id: valid[:15],
			field: model.FieldIDNumber, reason: []string{"18位"}},
		{name: "date not understood", birth: "八五年三月",
			field: model.FieldBirthDate, reason: []string{"无法识别日期", "八五年三月"}},
		{name: "date that does not exist", join: "2010.02.30",
			field: model.FieldJoinDate, reason: []string{"2010.02.30", "不存在"}},
		{name: "year only", join: "2010",
			field: model.FieldJoinDate, reason: []string{"只有年份"}},
		{name: "1985.1 stored as a number may be January or October", join: numberCell("2010.1"),
			field: model.FieldJoinDate, reason: []string{"1月还是10月", "2010.1"}},
		{name: "join date after today", join: "2027.01", full: "", cat: "预备党员",
			field: model.FieldJoinDate, reason: []string{"不能晚于今天"}},
		{name: "sex not 男 or 女", sex: "M",
			field: model.FieldSex, reason: []string{"无法识别性别", "“M”"}},
		{name: "sex against the ID number", sex: "女",
			field: model.FieldSex, reason: []string{"不一致"}},
		{name: "category not known", cat: "老党员",
			field: model.FieldCategory, reason: []string{"无法识别人员类别", "老党员"}},
		{name: "是否失联 not yes or no", lost: "不详",
			field: model.FieldLostContact, reason: []string{"不详", "“是”或“否”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			or := func(v, def any) any {
				if v == nil {
					return def
				}
				return v
			}
			data := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
				{"姓名", "性别", "公民身份号码", "出生日期", "入党时间", "转正时间", "人员类别", "是否失联党员"},
				{"周杰", or(tt.sex, "男"), or(tt.id, valid), or(tt.birth, "1985.03.12"), or(tt.join, "2008.07"), or(tt.full, "2009.07"), or(tt.cat, "正式党员"), or(tt.lost, "否")},
			}}}}.bytes(t)
			rf := read(t, data)
			if len(rf.Members) != 0 {
				t.Fatalf("row imported, want it rejected: %+v", rf.Members[0].Member)
			}
			got := rejections(rf, 2)
			reason, ok := got[tt.field]
			if !ok {
				t.Fatalf("no rejection of %s; got %v", tt.field.Label(), got)
			}
			for _, want := range tt.reason {
				if !strings.Contains(reason, want) {
					t.Errorf("reason %q does not say %q", reason, want)
				}
			}
			if len(got) != 1 {
				t.Errorf("one problem reported as several: %v", got)
			}
		})
	}
}

func TestReadRosterAcceptsAsTyped(t *testing.T) {
	tests := []struct {
		name  string
		cells []any // 姓名, 性别, 公民身份号码, 出生日期, 入党时间, 人员类别, 是否失联党员
		check func(m model.Member) bool
	}{
		{"1985.01 typed as text is January", []any{"吴敏", "女", idNumber("19850112", "022"), "1985.01", "2010.01", "预备党员", "否"},
			func(m model.Member) bool { return m.JoinDate == model.MonthDate(2010, time.January) }},
		{"1985.03 stored as a number", []any{"吴敏", "女", idNumber("19850312", "022"), numberCell("1985.03"), numberCell("2010.11"), "预备", nil},
			func(m model.Member) bool {
				return m.BirthDate == model.NewDate(1985, 3, 12) && m.JoinDate == model.MonthDate(2010, time.November)
			}},
		{"2010.2 stored as a number is February", []any{"吴敏", "女", idNumber("19850312", "022"), nil, numberCell("2010.2"), "预备", nil},
			func(m model.Member) bool { return m.JoinDate == model.MonthDate(2010, time.February) }},
		{"date serial", []any{"吴敏", "女", idNumber("19850312", "022"), dateCell(31118), dateCell(40360), "预备", nil},
			func(m model.Member) bool { return m.JoinDate == model.NewDate(2010, 7, 1) }},
		{"sex and birth date from the ID number", []any{"吴敏", nil, idNumber("19850312", "022"), nil, "2010年7月1日", "预备", nil},
			func(m model.Member) bool {
				return m.Sex == model.SexFemale && m.BirthDate == model.NewDate(1985, 3, 12)
			}},
		{"full-width digits in the ID number", []any{"吴敏", "女", toFullWidth(idNumber("19850312", "022")), nil, "2010-07", "预备", nil},
			func(m model.Member) bool { return m.IDNumber == idNumber("19850312", "022") }},
		{"lost contact with its month in the same cell", []any{"吴敏", "女", idNumber("19850312", "022"), nil, "2010-07", "预备", "是（2023-05）"},
			func(m model.Member) bool { return m.LostContact && m.LostSince == model.MonthDate(2023, time.May) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
				{"姓名", "性别", "公民身份号码", "出生日期", "入党时间", "人员类别", "是否失联党员"},
				tt.cells,
			}}}}.bytes(t)
			if m := member(t, read(t, data), 2); !tt.check(m) {
				t.Errorf("read as %+v", m)
			}
		})
	}
}

func TestReadRosterDuplicateIDNumber(t *testing.T) {
	id := idNumber("19791010", "017")
	data := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"姓名", "身份证号", "入党时间", "转正时间"},
		{"郑凯", id, "2001.07", "2002.07"},
		{"郑凯", idNumber("19791011", "017"), "2001.07", "2002.07"},
		{"郑 凯", strings.ToLower(id) + " ", "2001.07", "2002.07"},
	}}}}.bytes(t)
	rf := read(t, data)
	if len(rf.Members) != 1 || rf.Members[0].Row != 3 {
		t.Errorf("imported %+v, want row 3 alone", rf.Members)
	}
	for row, other := range map[int]string{2: "第4行", 4: "第2行"} {
		if got := rejections(rf, row)[model.FieldIDNumber]; !strings.HasPrefix(got, "与"+other+"的身份证号码相同") {
			t.Errorf("row %d: %q, want 与%s的身份证号码相同…", row, got, other)
		}
	}
}

func TestReadRosterChoosesSheet(t *testing.T) {
	header := []any{"姓名", "公民身份号码", "入党时间", "转正时间"}
	rowA := []any{"冯军", idNumber("19700101", "019"), "1995.07", "1996.07"}
	rowB := []any{"陈红", idNumber("19710101", "028"), "1995.07", "1996.07"}
	data := workbook{sheets: []sheetSpec{
		{name: "填表说明", rows: [][]any{{"请按要求填写下表"}, {"姓名写全名"}}},
		{name: "旧名册", rows: [][]any{header, rowA}, hidden: true},
		{name: "名册", rows: [][]any{{"某支部党员名册"}, header, rowB}},
	}}.bytes(t)
	tests := []struct {
		sheets []string
		want   string // sheet:name of each member, hidden sheets marked
	}{
		{nil, "旧名册(hidden):冯军 名册:陈红"},
		{[]string{"旧名册"}, "旧名册(hidden):冯军"},
		{[]string{"名册"}, "名册:陈红"},
	}
	for _, tt := range tests {
		rf, err := ReadRoster(strings.NewReader(string(data)), ReadOptions{Today: today, Sheets: tt.sheets})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range rf.Members {
			sh, _ := rf.Sheet(m.Sheet)
			mark := ""
			if sh.Hidden {
				mark = "(hidden)"
			}
			got = append(got, m.Sheet+mark+":"+m.Member.Name)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Sheets %q: read %q, want %q", tt.sheets, strings.Join(got, " "), tt.want)
		}
	}
	if _, err := ReadRoster(strings.NewReader(string(data)), ReadOptions{Sheets: []string{"没有"}}); !errors.Is(err, ErrNoSheet) {
		t.Errorf("missing sheet: %v, want ErrNoSheet", err)
	}
}

func TestReadRosterDate1904(t *testing.T) {
	data := workbook{
		sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
			{"姓名", "公民身份号码", "入党时间", "人员类别"},
			{"卫东", idNumber("19850312", "011"), dateCell(38898), "预备党员"}, // 2010-07-01 counted from 1904
		}}},
		opts: func(f *excelize.File) {
			yes := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
				t.Fatal(err)
			}
		},
	}.bytes(t)
	if got := member(t, read(t, data), 2).JoinDate; got != model.NewDate(2010, 7, 1) {
		t.Errorf("1904 date system: %v, want 2010-07-01", got)
	}
}

func fieldNames(fs []model.Field) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f))
	}
	return out
}

// idNumberWithX finds a valid ID number for birth whose check character is X.
func idNumberWithX(t testing.TB, birth string, male bool) string {
	for seq := 0; seq < 1000; seq++ {
		if (seq%2 == 1) != male {
			continue
		}
		s := fmt.Sprintf("620102%s%03d", birth, seq)
		if model.IDCheckChar(s) == 'X' {
			return s + "X"
		}
	}
	t.Fatal("no ID number with check character X")
	return ""
}

func toFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '０' + (r - '0')
		}
		return r
	}, s)
}

func TestParseYesNoDetail(t *testing.T) {
	tests := []struct {
		in     string
		yes    bool
		detail string
		ok     bool
	}{
		{"是", true, "", true},
		{"否", false, "", true},
		{"", false, "", true},
		{"√", true, "", true},
		{"是\n2023-05", true, "2023-05", true},
		{"是（2023-05）", true, "2023-05", true},
		{"是(广东深圳)", true, "广东深圳", true},
		{"是，广东省深圳市（南山区）", true, "广东省深圳市（南山区）", true},
		{"是：浙江杭州", true, "浙江杭州", true},
		{"是（）", false, "", false},
		{"不详", false, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			yes, detail, ok := parseYesNoDetail(tt.in)
			if yes != tt.yes && tt.ok || detail != tt.detail || ok != tt.ok {
				t.Errorf("parseYesNoDetail(%q) = %v, %q, %v; want %v, %q, %v", tt.in, yes, detail, ok, tt.yes, tt.detail, tt.ok)
			}
		})
	}
}
