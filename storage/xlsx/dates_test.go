package xlsx

import (
	"strings"
	"testing"
	"time"

	"branchledger/model"
)

func TestParseCellDate(t *testing.T) {
	day := model.NewDate
	month := model.MonthDate
	tests := []struct {
		in      string
		numeric bool
		want    model.Date
	}{
		{"", false, model.Date{}},
		{"  ", false, model.Date{}},
		{"1985.03", false, month(1985, time.March)},
		{"1985.3", false, month(1985, time.March)},
		{"1985.1", false, month(1985, time.January)},
		{"1985.10", false, month(1985, time.October)},
		{"1985.3.12", false, day(1985, time.March, 12)},
		{"1985.03.12", false, day(1985, time.March, 12)},
		{"1985.03.", false, month(1985, time.March)},
		{"1985年3月", false, month(1985, time.March)},
		{"1985年03月", false, month(1985, time.March)},
		{"1985年3月份", false, month(1985, time.March)},
		{"1985年3月12日", false, day(1985, time.March, 12)},
		{"1985年3月12号", false, day(1985, time.March, 12)},
		{"1985 年 3 月 12 日", false, day(1985, time.March, 12)},
		{"2019年9月", false, month(2019, time.September)},
		{"1985-3-12", false, day(1985, time.March, 12)},
		{"1985-03", false, month(1985, time.March)},
		{"1985/03/12", false, day(1985, time.March, 12)},
		{"1985/3", false, month(1985, time.March)},
		{"19850312", false, day(1985, time.March, 12)},
		{"19850312", true, day(1985, time.March, 12)},
		{"198503", false, month(1985, time.March)},
		{"１９８５．０３", false, month(1985, time.March)},
		{"1985－3－12", false, day(1985, time.March, 12)},
		{"2019/4/15 0:00:00", false, day(2019, time.April, 15)},
		{"2019-04-15T00:00:00Z", false, day(2019, time.April, 15)},
		{"31118", true, day(1985, time.March, 12)},
		{"31118", false, day(1985, time.March, 12)},
		{"43572.5", true, day(2019, time.April, 17)},
		{"46116", true, day(2026, time.April, 4)},
		{"1985.03", true, month(1985, time.March)},
		{"1985.12", true, month(1985, time.December)},
		{"1985.2", true, month(1985, time.February)},
		{"1985.0299999999999", true, month(1985, time.March)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseCellDate(tt.in, tt.numeric, false)
			if err != nil || got != tt.want {
				t.Errorf("parseCellDate(%q, numeric=%v) = %v, %v; want %v", tt.in, tt.numeric, got, err, tt.want)
			}
		})
	}
}

func TestParseCellDateRefuses(t *testing.T) {
	tests := []struct {
		in      string
		numeric bool
		says    string
	}{
		{"1985", false, "只有年份"},
		{"1985年", false, "只有年份"},
		{"1985.1", true, "1 月还是 10 月"},
		{"1985.13", false, "没有 13 月"},
		{"1985.13", true, "没有 13 月"},
		{"1985.02.30", false, "不存在"},
		{"19850230", false, "不存在"},
		{"85.03", false, "无法识别"},
		{"三月", false, "无法识别"},
		{"1985.3-12", false, "无法识别"},
		{"1985年3", false, "无法识别"},
		{"1985.03.12.1", false, "无法识别"},
		{"1985.3.0", false, "无法识别"},
		{"1850.03", false, "不存在"},
		{"不详", false, "无法识别"},
		{strings.Repeat("1985.03", 20), false, "…"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseCellDate(tt.in, tt.numeric, false)
			if err == nil {
				t.Fatalf("parseCellDate(%q) = %v, want an error", tt.in, got)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q does not say %q", err, tt.says)
			}
		})
	}
}

// FuzzParseCellDate: whatever a cell holds, the parser returns a calendar
// date or an error, and the dates the app writes read back as themselves.
func FuzzParseCellDate(f *testing.F) {
	for _, s := range []string{"1985.03", "1985年3月12日", "19850312", "198503", "43572.5", "1985/3/12", "2019-04-15T00:00:00Z",
		"1985.1", "１９８５．０３", "1985年", "", "0", "99999", "1985.03.12.", "年月日", "9999-99-99", "1985-02-29", "2000-02-29"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, numeric bool) {
		d, err := parseCellDate(s, numeric, false)
		if err != nil {
			if d != (model.Date{}) {
				t.Errorf("error with a date: %v, %v", d, err)
			}
			return
		}
		if d.IsZero() {
			return
		}
		if verr := d.Validate(); verr != nil {
			t.Fatalf("parseCellDate(%q) = %v, not on the calendar: %v", s, d, verr)
		}
		back, err := parseCellDate(d.String(), false, false)
		if err != nil || back != d {
			t.Fatalf("%v written as %q reads back as %v, %v", d, d.String(), back, err)
		}
	})
}
