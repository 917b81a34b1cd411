package xlsx

import (
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
