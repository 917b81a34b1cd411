package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// A phone as the sheet shows it, grouped with dashes — typed so, or a
// number cell shown through 000-0000-0000 — is read and stored as its
// digits, as one grouped with spaces is (attack7 #10).
func TestPhoneGroupedWithDashes(t *testing.T) {
	tests := []struct {
		name string
		cell any
		want string
	}{
		{"typed with dashes", "137-1234-5610", "13712345610"},
		{"typed with spaces", "137 1234 5611", "13712345611"},
		{"number shown through 000-0000-0000", fmtCell{v: "13712345679", code: "000-0000-0000"}, "13712345679"},
		{"number shown through 000 0000 0000", fmtCell{v: "13712345678", code: "000 0000 0000"}, "13712345678"},
		{"number in General", numberCell("13712345677"), "13712345677"},
		{"landline keeps its dash", "0931-8123456", "0931-8123456"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "入党时间", "人员类别", "联系电话"},
				{"褚卫平", idNumber("19850312", "011"), "2010-07-01", "预备党员", tt.cell},
			}))
			if got := rejections(rf, 2)[model.FieldPhone]; got != "" {
				t.Fatalf("refused: %s", got)
			}
			if got := member(t, rf, 2).Phone; got != tt.want {
				t.Errorf("stored %q, want %q", got, tt.want)
			}
		})
	}
}

// A phone number shown in scientific notation is taken only when the cell
// holds just the digits shown; 1.4E+10 for 13712345619 (a format such as
// 0.0E+00) or such text is refused with what the cell holds, never stored
// as 14000000000 (review s3-7 attack #2).
func TestPhoneShownInScientificNotation(t *testing.T) {
	tests := []struct {
		name   string
		cell   any
		phone  string
		refuse string
	}{
		{"0.0E+00 shows 1.4E+10", fmtCell{v: "13712345619", code: "0.0E+00"}, "", "没有显示全（单元格里存的是 13712345619）"},
		{"0.0000000000E+00 shows every digit", fmtCell{v: "13712345619", code: "0.0000000000E+00"}, "13712345619", ""},
		{"General", numberCell("13712345619"), "13712345619", ""},
		{"text in scientific notation", "1.37123E+10", "", "科学计数法"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "联系电话"},
				{"蒋卫东", idNumber("19850312", "011"), tt.cell},
			}))
			if tt.refuse != "" {
				if got := rejections(rf, 2)[model.FieldPhone]; !strings.Contains(got, tt.refuse) {
					t.Errorf("refused %q; want %q", got, tt.refuse)
				}
				return
			}
			if m := member(t, rf, 2); m.Phone != tt.phone {
				t.Errorf("phone %q; want %q", m.Phone, tt.phone)
			}
		})
	}
}

// A phone number cell shown through a format that only dresses the number
// (0.00, #,##0) is the number the user typed and is stored; text written
// so, or a number with real decimals, is still refused. A mobile with a
// digit too many is refused saying how many it has — full-width digits are
// hard to count (review ra7 K4-b/M2, nu7-12).
func TestPhoneShownWithDecimalsOrSeparators(t *testing.T) {
	tests := []struct {
		name   string
		cell   any
		phone  string
		refuse string
	}{
		{"0.00", fmtCell{v: "13900000003", code: "0.00"}, "13900000003", ""},
		{"#,##0", fmtCell{v: "13900000004", code: "#,##0"}, "13900000004", ""},
		{"#,##0.00", fmtCell{v: "13900000005", code: "#,##0.00"}, "13900000005", ""},
		{"0.00 on a number with decimals", fmtCell{v: "13900000003.5", code: "0.00"}, "", "手机号应为11位"},
		{"text 13900000003.00", "13900000003.00", "", "手机号应为11位"},
		{"full-width, 11 digits", "１３８０００００１０３", "13800000103", ""},
		{"full-width, 12 digits", "１３８００００００１０３", "", "手机号应为11位（现为12位）"},
		{"10 digits", "1390000000", "", "（现为10位）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "联系电话"},
				{"蒋卫东", idNumber("19850312", "011"), tt.cell},
			}))
			if tt.refuse != "" {
				if got := rejections(rf, 2)[model.FieldPhone]; !strings.Contains(got, tt.refuse) {
					t.Errorf("refused %q; want %q", got, tt.refuse)
				}
				return
			}
			if got := rejections(rf, 2)[model.FieldPhone]; got != "" {
				t.Fatalf("refused: %s", got)
			}
			if m := member(t, rf, 2); m.Phone != tt.phone {
				t.Errorf("phone %q; want %q", m.Phone, tt.phone)
			}
		})
	}
}
