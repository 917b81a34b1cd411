package xlsx

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// Dates written with the day first, as rosters copied from other systems
// and typed by hand have them (brief loud #1): text whose number above 12
// is the day (15/6/2008, 15.06.2008) or the month (6/15/2008), a number
// format that puts the day first (dd/mm/yyyy, d"日"m"月"yyyy"年"), the
// month and year (06/2008). Text such as 05/06/2008 says neither: it is
// read by the cell's own format or the order the sheet's other dates
// settle, and refused asking for the year first when nothing settles it.
// Each text form was refused (无法识别日期“15/6/2008”).
func TestDatesWithTheDayFirst(t *testing.T) {
	id := func(seq string) string { return idNumber("19800415", seq) }
	// textFormat formats a text cell of the sheet with a date format: the
	// cell keeps its text, the format says how it was meant.
	textFormat := func(ref, code string) func(f *excelize.File) {
		return func(f *excelize.File) {
			st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			if err == nil {
				err = f.SetCellStyle("名册", ref, ref, st)
			}
			if err != nil {
				panic(err)
			}
		}
	}
	cases := []struct {
		name    string
		join    []any // 入党时间 of rows 2, 3 …
		opts    func(f *excelize.File)
		want    []model.Date // zero: refused
		refusal string       // of the first refused row
		note    string
	}{
		{"15/6/2008", []any{"15/6/2008"}, nil, []model.Date{model.NewDate(2008, 6, 15)}, "", ""},
		{"15.06.2008", []any{"15.06.2008"}, nil, []model.Date{model.NewDate(2008, 6, 15)}, "", ""},
		{"15-06-2008", []any{"15-06-2008"}, nil, []model.Date{model.NewDate(2008, 6, 15)}, "", ""},
		{"full-width １５／６／２００８", []any{"１５／６／２００８"}, nil, []model.Date{model.NewDate(2008, 6, 15)}, "", ""},
		{"6/15/2008, the month first", []any{"6/15/2008"}, nil, []model.Date{model.NewDate(2008, 6, 15)}, "", ""},
		{"05/05/2008, the same either way", []any{"05/05/2008"}, nil, []model.Date{model.NewDate(2008, 5, 5)}, "", ""},
		{"06/2008, month and year", []any{"06/2008"}, nil, []model.Date{model.MonthDate(2008, 6)}, "", ""},
		{"number format dd/mm/yyyy", []any{fmtCell{v: "39614", code: "dd/mm/yyyy"}}, nil, []model.Date{model.NewDate(2008, 6, 15)}, "", ""},
		{`number format d"日"m"月"yyyy"年"`, []any{fmtCell{v: "39604", code: `d"日"m"月"yyyy"年"`}}, nil, []model.Date{model.NewDate(2008, 6, 5)}, "", ""},
		{"05/06/2008 alone: refused", []any{"05/06/2008"}, nil, []model.Date{{}},
			"日期“05/06/2008”分不清哪个数是日、哪个是月，可能是2008年6月5日，也可能是2008年5月6日：请照实写成年在前的日期（如 2008-06-05）后再导入", ""},
		{"05/06/2008 in a text cell formatted dd/mm/yyyy", []any{"05/06/2008"}, textFormat("E2", "dd/mm/yyyy"), []model.Date{model.NewDate(2008, 6, 5)}, "", ""},
		{"05/06/2008 in a text cell formatted mm/dd/yyyy", []any{"05/06/2008"}, textFormat("E2", "mm/dd/yyyy"), []model.Date{model.NewDate(2008, 5, 6)}, "", ""},
		{"05/06/2008 beside 15/6/2008 on the sheet", []any{"05/06/2008", "15/6/2008"}, nil,
			[]model.Date{model.NewDate(2008, 6, 5), model.NewDate(2008, 6, 15)}, "",
			"第2行（“05/06/2008”）的日期把年写在最后，前两个数都不大于12，本身分不清哪个是日：按本表其他日期（如“15/6/2008”）的写法，日在前读入"},
		{"05/06/2008 beside 6/15/2008 on the sheet", []any{"05/06/2008", "6/15/2008"}, nil,
			[]model.Date{model.NewDate(2008, 5, 6), model.NewDate(2008, 6, 15)}, "", "按本表其他日期（如“6/15/2008”）的写法，月在前读入"},
		{"05/06/2008 where the sheet writes both orders: refused", []any{"05/06/2008", "15/6/2008", "6/15/2008"}, nil,
			[]model.Date{{}, model.NewDate(2008, 6, 15), model.NewDate(2008, 6, 15)}, "分不清哪个数是日、哪个是月", ""},
		{"31/2/2008: no such day", []any{"31/2/2008"}, nil, []model.Date{{}}, "日期“31/2/2008”不存在", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := [][]any{{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", "转正时间"}}
			for i, j := range tc.join {
				rows = append(rows, []any{"1", "甲" + string(rune('一'+i)), id([]string{"311", "322", "333"}[i]), "正式党员", j, "2009.06"})
			}
			wb := workbook{sheets: []sheetSpec{{name: "名册", rows: rows}}, opts: tc.opts}
			rf := read(t, wb.bytes(t))
			refused := false
			for i, want := range tc.want {
				n := i + 2
				if want.IsZero() {
					got := rejections(rf, n)[model.FieldJoinDate]
					if got == "" {
						t.Errorf("row %d imported, want refused; members %+v", n, rf.Members)
					} else if !refused && !strings.Contains(got, tc.refusal) {
						t.Errorf("row %d refused %q, want %q", n, got, tc.refusal)
					}
					refused = true
					continue
				}
				if m := member(t, rf, n); m.JoinDate != want {
					t.Errorf("row %d: 加入党组织日期 %v, want %v", n, m.JoinDate, want)
				}
			}
			if !strings.Contains(notesOf(rf), tc.note) {
				t.Errorf("notes:\n%s\nwant %q", notesOf(rf), tc.note)
			}
			if tc.note == "" && strings.Contains(notesOf(rf), "年写在最后") {
				t.Errorf("notes:\n%s\nwant none about the order", notesOf(rf))
			}
		})
	}
}

// A 出生日期 written year last whose numbers could each be the day
// (05/04/1980) is read by the row's ID number, as 1986.1 is: the birth date
// in the ID is one of the two readings; a row whose ID is neither keeps
// the refusal.
func TestBirthDateWithTheDayFirstSettledByID(t *testing.T) {
	cases := []struct {
		name, birth, id string
		want            model.Date // zero: refused
	}{
		{"05/04/1980, the ID born 5 April", "05/04/1980", idNumber("19800405", "311"), model.NewDate(1980, 4, 5)},
		{"04/05/1980, the ID born 5 April", "04/05/1980", idNumber("19800405", "311"), model.NewDate(1980, 4, 5)},
		{"05/04/1980, the ID born 6 April", "05/04/1980", idNumber("19800406", "311"), model.Date{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"序号", "姓名", "公民身份号码", "出生日期", "人员类别", "入党时间", "转正时间"},
				{"1", "甲一", tc.id, tc.birth, "正式党员", "2008.06", "2009.06"},
			}))
			if tc.want.IsZero() {
				if got := rejections(rf, 2)[model.FieldBirthDate]; !strings.Contains(got, "分不清哪个数是日、哪个是月") {
					t.Errorf("refusal %q, want the date's two readings", got)
				}
				return
			}
			if m := member(t, rf, 2); m.BirthDate != tc.want {
				t.Errorf("出生日期 %v, want %v", m.BirthDate, tc.want)
			}
			if want := "甲一：出生日期“" + tc.birth + "”分不清哪个数是日、哪个是月，按身份证号码中的出生日期读作1980年4月5日"; !strings.Contains(notesOf(rf), want) {
				t.Errorf("notes:\n%s\nwant %q", notesOf(rf), want)
			}
		})
	}
}
