package model

import (
	"errors"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want Money
		err  bool
	}{
		{"5400", 540000, false},
		{"5400.5", 540050, false},
		{"5,400.00", 540000, false},
		{"￥3000.01", 300001, false},
		{"0.2元", 20, false},
		{".5", 50, false},
		{"-12.30", -1230, false},
		{"５４００", 540000, false},
		{"５４００．５０", 540050, false},
		{"\u200e5400\ufeff", 540000, false},
		{"3000.001", 0, true},
		{"三千", 0, true},
		{"", 0, true},
		{"1e5", 0, true},
		{"99999999999999", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in)
		if tt.err {
			if !errors.Is(err, ErrBadMoney) {
				t.Errorf("ParseMoney(%q) = %v, %v; want an error", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseMoney(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestMoneyString(t *testing.T) {
	for m, want := range map[Money]string{8100: "81.00", 20: "0.20", 5: "0.05", -1230: "-12.30", 0: "0.00"} {
		if got := m.String(); got != want {
			t.Errorf("Money(%d).String() = %q, want %q", int64(m), got, want)
		}
	}
}

func TestPercentRoundsHalfUp(t *testing.T) {
	tests := []struct {
		base Money
		bp   int64
		want Money
	}{
		{540000, 150, 8100}, // 5400 × 1.5% = 81.00
		{300001, 100, 3000}, // 3000.01 × 1% = 30.0001 → 30.00
		{100100, 50, 501},   // 1001 × 0.5% = 5.005 → 5.01 (half up)
		{100099, 50, 500},   // 1000.99 × 0.5% = 5.00495 → 5.00
	}
	for _, tt := range tests {
		if got := tt.base.Percent(tt.bp); got != tt.want {
			t.Errorf("%v × %d‱ = %v, want %v", tt.base, tt.bp, got, tt.want)
		}
	}
}
