package xlsx

import (
	"strings"
	"testing"
	"time"

	"branchledger/model"
)

// Both importers read a cell the same way: the roster and the pipeline.
// readBoth reads a one-row sheet of 姓名, 公民身份号码 and a date column
// (入党时间 for the roster, 申请入党日期 for the pipeline) through each, and
// returns what each made of the row: the ID number and date, or the
// refusal of the column named.
func readBoth(t *testing.T, id, date any) (ro, pipeline struct {
	id     string
	date   model.Date
	refuse map[string]string
}) {
	t.Helper()
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "人员类别"},
		{"蒋卫东", id, date, "预备党员"},
	}))
	ro.refuse = map[string]string{}
	for f, why := range rejections(rf, 2) {
		ro.refuse[f.Label()] = why
	}
	if len(rf.Members) == 1 {
		ro.id, ro.date = rf.Members[0].Member.IDNumber, rf.Members[0].Member.JoinDate
	}
	rp := readRecruitBook(t, workbook{sheets: []sheetSpec{{name: "台账", rows: [][]any{
		{"姓名", "公民身份号码", "申请入党日期"},
		{"蒋卫东", id, date},
	}}}})
	pipeline.refuse = map[string]string{}
	for _, r := range rp.Rejected {
		label := map[model.Field]string{model.ColIDNumber: "公民身份号码", model.ColApplication: "加入党组织日期"}[r.Field]
		pipeline.refuse[label] += r.Reason
	}
	if len(rp.Rows) == 1 {
		r := rp.Rows[0].Recruit
		pipeline.id, pipeline.date = r.IDNumber, r.DateOf(model.StepApplication)
	}
	return ro, pipeline
}

// An ID number in a number cell has lost its last digits even when what is
// left passes the check digit (1 in 11 does): refused by both importers
// (RULES.md §4, attack review of issue 12 #4).
func TestIDNumberInANumberCellIsRefused(t *testing.T) {
	// 620102199002071000 passes the check digit: the digits lost were 0, 0
	// and whatever made the check 0.
	if _, err := model.ParseIDNumber("620102199002071000"); err != nil {
		t.Fatalf("the case needs an ID number whose lost digits pass the check: %v", err)
	}
	tests := []struct {
		name   string
		cell   any
		refuse string // "" when read
		want   string
	}{
		{"18 digits passing the check digit", numberCell("620102199002071000"), "存成了数字", ""},
		{"18 digits failing it", numberCell("620102199002072000"), "存成了数字", ""},
		{"scientific notation", numberCell("6.20102199002071E+17"), "存成了数字", ""},
		{"the same as text", "620102199002071000", "", "620102199002071000"},
		{"a 15-digit old number in a number cell is whole", numberCell("110105491231002"), "", "11010519491231002X"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ro, pi := readBoth(t, tt.cell, "2010-07-01")
			for who, got := range map[string]struct {
				id     string
				refuse string
			}{"roster": {ro.id, ro.refuse["公民身份号码"]}, "pipeline": {pi.id, pi.refuse["公民身份号码"]}} {
				switch {
				case tt.refuse != "" && !strings.Contains(got.refuse, tt.refuse):
					t.Errorf("%s: read as %q, refusal %q; want refused saying %q", who, got.id, got.refuse, tt.refuse)
				case tt.refuse == "" && got.id != tt.want:
					t.Errorf("%s: %q (refused: %q), want %q", who, got.id, got.refuse, tt.want)
				}
			}
		})
	}
}

// A real date cell is a date whatever its number format shows; to the day
// when the format shows the day, to the month when it shows only the month
// (attack review of issue 12 #14).
func TestDateCellInAnyFormat(t *testing.T) {
	jan5 := "46027" // 2026-01-05
	day, month := model.NewDate(2026, time.January, 5), model.MonthDate(2026, time.January)
	tests := []struct {
		name   string
		cell   fmtCell
		want   model.Date
		refuse string
	}{
		{"m/d/yyyy", fmtCell{v: jan5, code: "m/d/yyyy"}, day, ""},
		{"dd/mm/yyyy", fmtCell{v: jan5, code: "dd/mm/yyyy"}, day, ""},
		{"built-in 15 d-mmm-yy", fmtCell{v: jan5, numFmt: 15}, day, ""},
		{"weekday and month name", fmtCell{v: jan5, code: "[$-F800]dddd, mmmm dd, yyyy"}, day, ""},
		{"yyyy/m/d", fmtCell{v: jan5, code: "yyyy/m/d"}, day, ""},
		{"with the time", fmtCell{v: jan5 + ".5", code: "yyyy-mm-dd hh:mm"}, day, ""},
		{"built-in 17 mmm-yy is a month", fmtCell{v: jan5, numFmt: 17}, month, ""},
		{"mmmm yyyy is a month", fmtCell{v: jan5, code: "mmmm yyyy"}, month, ""},
		{"built-in 16 d-mmm has no year", fmtCell{v: jan5, numFmt: 16}, model.Date{}, "没有年份"},
		{"a time only is no date", fmtCell{v: jan5, code: "hh:mm:ss"}, model.Date{}, "日期"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ro, pi := readBoth(t, idNumber("19850312", "011"), tt.cell)
			for who, got := range map[string]struct {
				date   model.Date
				refuse string
			}{"roster": {ro.date, ro.refuse["加入党组织日期"]}, "pipeline": {pi.date, pi.refuse["加入党组织日期"]}} {
				switch {
				case who == "pipeline" && tt.refuse == "" && tt.want.MonthOnly():
					// The pipeline's step dates are to the day: a date
					// cell showing a month is read as that month, then
					// refused as not to the day.
					if !strings.Contains(got.refuse, "只到月") {
						t.Errorf("%s: %v (refused: %q), want refused as only to the month", who, got.date, got.refuse)
					}
				case tt.refuse != "" && !strings.Contains(got.refuse, tt.refuse):
					t.Errorf("%s: read as %v, refusal %q; want refused saying %q", who, got.date, got.refuse, tt.refuse)
				case tt.refuse == "" && (got.date != tt.want || got.refuse != ""):
					t.Errorf("%s: %v (refused: %q), want %v", who, got.date, got.refuse, tt.want)
				}
			}
		})
	}
}

func TestDateFormatParts(t *testing.T) {
	tests := []struct {
		code             string
		day, month, year bool
	}{
		{"m/d/yyyy", true, true, true},
		{"mmm-yy", false, true, true},
		{"d-mmm", true, true, false},
		{"dddd", false, false, false},
		{"hh:mm:ss", false, false, false},
		{"[h]:mm", false, false, false},
		{`yyyy"年"m"月"`, false, true, true},
		{`"day "d mmmm yyyy`, true, true, true},
		{"[$-F800]dddd, mmmm dd, yyyy", true, true, true},
		{"yyyy-mm-dd hh:mm;@", true, true, true},
		{"mm:ss", false, false, false},
		{"0.00", false, false, false},
	}
	for _, tt := range tests {
		d, m, y := dateFormatParts(tt.code)
		if d != tt.day || m != tt.month || y != tt.year {
			t.Errorf("%q: day %v month %v year %v, want %v %v %v", tt.code, d, m, y, tt.day, tt.month, tt.year)
		}
	}
}
