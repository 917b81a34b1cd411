package model

import (
	"strings"
	"testing"
)

// The payment dialog's date check is the one 登记交纳 applies: one rule,
// said when the field is left and again when saved.
func TestCheckPaymentDate(t *testing.T) {
	today := NewDate(2026, 5, 20)
	joined := &Member{Name: "张三", JoinDate: NewDate(2025, 3, 1)}
	cases := []struct {
		d    Date
		m    *Member
		want string
	}{
		{NewDate(2026, 5, 1), joined, ""},
		{Date{Year: 2026, Month: 5}, joined, "请填写交纳日期"},
		{NewDate(2026, 6, 1), joined, "晚于今天"},
		{NewDate(2025, 2, 28), joined, "早于 张三 被接收为预备党员"},
		{NewDate(2020, 1, 1), &Member{Name: "李四"}, ""}, // join date unknown: not refused here
	}
	for _, c := range cases {
		err := CheckPaymentDate(c.d, today, c.m)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("CheckPaymentDate(%v) = %v, want %q", c.d, err, c.want)
		}
	}
	// Check refuses the same dates with the same sentence.
	_, err := PaymentCheck{Member: *joined, Today: today}.Check(DuesPayment{Date: NewDate(2026, 6, 1)})
	if err == nil || !strings.Contains(err.Error(), "晚于今天") {
		t.Errorf("Check of a future date: %v", err)
	}
}

// A holiday's date is refused by itself, before a kind is chosen, with
// the sentence the whole day's check gives.
func TestValidateHolidayDate(t *testing.T) {
	for _, d := range []Date{{}, {Year: 2026, Month: 5}} {
		err := ValidateHolidayDate(d)
		if err == nil || err.Error() != ValidateHolidayDay(HolidayDay{Date: d, Kind: DayOff}).Error() {
			t.Errorf("ValidateHolidayDate(%v) = %v", d, err)
		}
	}
	if err := ValidateHolidayDate(NewDate(2026, 5, 1)); err != nil {
		t.Errorf("a full date refused: %v", err)
	}
}
