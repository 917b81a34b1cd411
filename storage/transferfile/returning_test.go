package transferfile

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

// A member who left by our letter and comes back: a letter whose 党费交至
// is earlier than what this ledger records her paid to is refused naming
// both months, nothing written; with the ledger's month, her return leaves
// the year's register as it was — the months she paid here stay in 应交
// and none of them becomes "before the 建账月份". Before, a letter's July
// turned January–July (paid here) into 建账前 and the summary's 应交 fell
// by 839.51 元; even the right month moved all eight (review s14-attack8
// #20, #20b).
func TestReturningMemberKeepsTheMonthsPaidHere(t *testing.T) {
	at := time.Date(today.Year, today.Month, today.Day, 9, 0, 0, 0, time.Local)
	st, err := storage.Open(filepath.Join(t.TempDir(), storage.FileName), storage.WithClock(func() time.Time { at = at.Add(time.Second); return at }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Fill(st, 30, 1, today); err != nil {
		t.Fatal(err)
	}
	start, err := st.DuesLedgerStart()
	if err != nil {
		t.Fatal(err)
	}
	ms, err := st.Members()
	if err != nil {
		t.Fatal(err)
	}
	var m model.Member
	var paid model.Month
	for _, c := range ms {
		if !c.OnRoster || c.Category != model.CategoryFull {
			continue
		}
		p, err := st.LedgerPaidTo(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p >= model.MonthOf(today.Year, 3) && p < model.MonthOfDate(today) {
			m, paid = c, p
			break
		}
	}
	if m.ID == 0 || paid < start {
		t.Fatalf("the demo has no full member paid to a month of %d inside the ledger (start %s)", today.Year, start)
	}
	before, err := st.DuesRegister(today.Year, today)
	if err != nil {
		t.Fatal(err)
	}
	l, err := st.IssueLetter(model.LetterRequest{MemberID: m.ID, ToOrg: "某某公司第二党支部", ToCommittee: "某某工委", Reason: "工作变动", Date: today, ValidDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if l.PaidTo != paid {
		t.Fatalf("our letter says 党费交至 %s, the ledger %s", l.PaidTo, paid)
	}
	in := model.TransferIn{MemberID: m.ID, LetterNumber: "（2026）7号", FromOrg: "某某公司第二党支部", Date: today,
		PaidTo: paid - 1, Category: model.CategoryFull}
	_, _, err = st.RecordTransferIn(in, nil)
	if err == nil || !strings.Contains(err.Error(), "本账记录"+m.Name+"已交至"+paid.Chinese()+"，晚于介绍信所写的"+(paid-1).Chinese()) {
		t.Errorf("a letter's 党费交至 before the ledger's: %v", err)
	}
	if back, _ := st.Member(m.ID); back.OnRoster {
		t.Fatal("the refused letter put her back on the roster")
	}

	in.PaidTo = paid
	if _, _, err := st.RecordTransferIn(in, nil); err != nil {
		t.Fatal(err)
	}
	after, err := st.DuesRegister(today.Year, today)
	if err != nil {
		t.Fatal(err)
	}
	if after.PaidBeforeLedger != before.PaidBeforeLedger || after.YearDue != before.YearDue || after.YearPaid != before.YearPaid {
		t.Errorf("after her return: 应交 %s → %s, 实交 %s → %s, before the 建账月份 %s → %s",
			before.YearDue, after.YearDue, before.YearPaid, after.YearPaid, before.PaidBeforeLedger, after.PaidBeforeLedger)
	}
}
