package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// A date of an old roster written with a two-digit year (85.03) is read in
// the century that falls within the member's life, by their ID number's
// birth year or their 出生日期; a year after this one is 19xx; when both
// centuries fit, the cell is refused asking for four digits (review ra7
// M3, nu7 "10.7").
func TestTwoDigitYearsReadByTheBirthYear(t *testing.T) {
	tests := []struct {
		name       string
		birth      string // the 出生日期 column, "" for none
		id         string
		join, full any
		wantJoin   string
		wantFull   string
		refuse     string // the join date's refusal, "" when read
	}{
		{"85.03 born 1960", "", idNumber("19600312", "011"), "85.03", "86.03", "1985-03", "1986-03", ""},
		{"05.07 born 1980", "", idNumber("19800312", "011"), "05.07", "06.07", "2005-07", "2006-07", ""},
		{"49.10 born 1925", "", idNumber("19250312", "011"), "49.10", "50.10", "1949-10", "1950-10", ""},
		{"10.7 born 1985", "", idNumber("19850312", "011"), "10.7", "11.7", "2010-07", "2011-07", ""},
		{"to the day", "", idNumber("19800312", "011"), "05.07.01", "06.07.01日", "2005-07-01", "2006-07-01", ""},
		{"beside a 出生日期 column", "1980-03-12", idNumber("19800312", "011"), "05.07", "06.07", "2005-07", "2006-07", ""},
		{"a 15-digit ID", "", "110105800312011", "05.07", "06.07", "2005-07", "2006-07", ""},
		{"born 1980: 1949 is before, 2049 ahead", "", idNumber("19800312", "011"), "49.10", "2006-07", "", "", "日期“49.10”的年份只有两位：1949 年早于出生（1980 年），2049 年还没到；请写成四位年份"},
		{"born 1920: 1921 or 2021", "", idNumber("19200312", "011"), "21.07", "2022-07", "", "", "分不清是 1921 年还是 2021 年，请写成四位年份，如 1921.07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "出生日期", "入党时间", "转正时间"},
				{"郑国强", tt.id, tt.birth, tt.join, tt.full},
			}))
			if tt.refuse != "" {
				if got := rejections(rf, 2)[model.FieldJoinDate]; !strings.Contains(got, tt.refuse) {
					t.Errorf("refused %q; want %q", got, tt.refuse)
				}
				return
			}
			if got := rejections(rf, 2); len(got) > 0 {
				t.Fatalf("refused: %v", got)
			}
			m := member(t, rf, 2)
			if m.JoinDate.String() != tt.wantJoin || m.FullDate.String() != tt.wantFull {
				t.Errorf("stored %s, %s; want %s, %s", m.JoinDate, m.FullDate, tt.wantJoin, tt.wantFull)
			}
			if !strings.Contains(notesOf(rf), "的年份只有两位，读作 "+tt.wantJoin) {
				t.Errorf("no note saying how %v was read: %s", tt.join, notesOf(rf))
			}
		})
	}
}

// Without a birth year (the ID number refused) a two-digit year is read
// only when 20xx is after this year; 05/07 (a slash) is a month and a day,
// refused as before.
func TestTwoDigitYearsWithoutABirthYear(t *testing.T) {
	tests := []struct {
		join     string
		want     string
		refusing string
	}{
		{"85.03", "1985-03", ""},
		{"05.07", "", "分不清是 1905 年还是 2005 年"},
		{"05/07", "", "只有月和日"},
	}
	for _, tt := range tests {
		t.Run(tt.join, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "入党时间"},
				{"郑国强", "11010519800312", tt.join},
			}))
			got := rejections(rf, 2)[model.FieldJoinDate]
			if tt.refusing != "" {
				if !strings.Contains(got, tt.refusing) {
					t.Errorf("refused %q; want %q", got, tt.refusing)
				}
				return
			}
			if got != "" || !strings.Contains(notesOf(rf), "读作 "+tt.want) {
				t.Errorf("refused %q, notes %q; want it read as %s", got, notesOf(rf), tt.want)
			}
		})
	}
}
