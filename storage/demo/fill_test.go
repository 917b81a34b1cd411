package demo_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

// The demo branch goes through the store's own checks and leaves each dues
// correction screen something to show: a mid-year base change, voluntary
// extra dues and a reversed payment with its reason.
func TestFillLeavesEveryDuesCorrection(t *testing.T) {
	for _, today := range []model.Date{model.NewDate(2026, 11, 25), model.NewDate(2026, 1, 20), model.NewDate(2026, 12, 31)} {
		t.Run(today.String(), func(t *testing.T) {
			now := time.Date(today.Year, today.Month, today.Day, 10, 0, 0, 0, time.Local)
			st, err := storage.Open(filepath.Join(t.TempDir(), "demo.db"), storage.WithClock(func() time.Time { return now }))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := demo.Fill(st, 40, 1, today); err != nil {
				t.Fatal(err)
			}
			reg, err := st.DuesRegister(today.Year, today)
			if err != nil {
				t.Fatal(err)
			}
			var changes, extras, reversed int
			for _, r := range reg.Rows {
				changes += len(r.Changes)
				ps, err := st.DuesPayments(r.MemberID)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range ps {
					if p.Extra > 0 {
						extras++
					}
					if p.Reversal != nil {
						reversed++
						if !strings.Contains(p.Reversal.Reason, "误登记") {
							t.Errorf("reversal without its reason: %+v", p.Reversal)
						}
					}
				}
			}
			if changes != 1 || extras != 1 || reversed != 1 {
				t.Errorf("mid-year changes %d, extra payments %d, reversals %d; want one each", changes, extras, reversed)
			}
			bal, err := st.DuesBalance(today.Year)
			if err != nil {
				t.Fatal(err)
			}
			if bal.Held < 0 {
				t.Errorf("the branch holds %s", bal.Held)
			}
		})
	}
}
