package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

// 党费 → 收缴 opens with 1月 in view beside this month, in November and
// in December, in the window a 1366×768 laptop opens (windowSize) and
// maximised: aimed at the column after this month, with room for 99999.99
// in every month, the grid opened in December on 3月–12月 (issue 8, ui13
// #2). In English twelve months of "Overdue" are wider than 1240 px: there
// this month wins, and January is asked for maximised only.
func TestCollectOpensWithJanuaryInView(t *testing.T) {
	defer func() { _ = useLanguage(Chinese) }()
	for _, tc := range []struct {
		l    Language
		size fyne.Size
	}{{Chinese, windowSize}, {Chinese, largeWindow}, {English, largeWindow}} {
		if err := useLanguage(tc.l); err != nil {
			t.Fatal(err)
		}
		size := tc.size
		for _, today := range []model.Date{model.NewDate(2026, time.November, 25), model.NewDate(2026, time.December, 2)} {
			s, _ := newStoreShellOn(t, today, func(st *storage.Store) {
				if err := demo.Fill(st, 14, 1, today); err != nil {
					t.Fatal(err)
				}
			})
			s.win.Resize(size)
			s.show(screenDues)
			c := s.dues.collect
			for _, m := range []int{1, int(today.Month)} {
				if !wholeInView(c.table, monthName(m)) {
					t.Errorf("%s %s at %v: 收缴 opens without %s in view", tc.l, today, size, monthName(m))
				}
			}
		}
	}
}
