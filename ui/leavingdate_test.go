package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"branchledger/model"
)

// 死亡 recorded on a day before the member's own later records — a payment
// in this ledger — is said under 日期 when the user leaves it, 登记 stays
// disabled, and the store refuses it too, as 转出 refuses a letter dated
// before them. Before, the death was saved and the register printed five
// payments after it (review s14-attack8 #25).
func TestLeavingDateBeforeOwnRecordsIsSaidOnLeavingTheField(t *testing.T) {
	s, st := newDuesShell(t)
	ms, err := st.Members()
	if err != nil {
		t.Fatal(err)
	}
	early := model.NewDate(2026, 3, 1)
	var m model.Member
	var last model.DatedRecord
	for _, c := range ms {
		if !c.OnRoster {
			continue
		}
		later, err := st.LaterRecords(c.ID, early)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range later {
			if r.Date.After(last.Date) {
				m, last = c, r
			}
		}
	}
	if m.ID == 0 {
		t.Fatal("the demo has no member with a record after 2026-03-01")
	}
	d := showEventDialog(s, m)
	d.kind.SetValue(string(model.EventDeath))
	d.note.SetText("病故")
	s.win.Canvas().Focus(d.date)
	d.date.SetText("2026.3.1")
	if msg := d.dateF.Message(); msg != "" {
		t.Fatalf("while typing 日期 says %q", msg)
	}
	s.win.Canvas().Focus(d.note)
	msg := d.dateF.Message()
	if !strings.Contains(msg, "最后一项记录") || !strings.Contains(msg, last.Date.String()) || !strings.Contains(msg, "死亡") {
		t.Errorf("on leaving 日期 2026-03-01 it says %q, want the record of %s named", msg, last.Date)
	}
	if !d.record.Disabled() {
		t.Error("登记 is enabled for a death before the member's last payment")
	}
	if _, err := st.RecordEvent(model.MembershipEvent{MemberID: m.ID, Kind: model.EventDeath, Date: early, Note: "病故"}); err == nil ||
		!strings.Contains(err.Error(), "最后一项记录") {
		t.Errorf("the store records the death on 2026-03-01: %v", err)
	}
	if after, _ := st.Member(m.ID); !after.OnRoster {
		t.Errorf("%s left the roster on a refused date", m.Name)
	}

	// On the day of the last record it is fine.
	s.win.Canvas().Focus(d.date)
	d.date.SetText(last.Date.String())
	s.win.Canvas().Focus(d.note)
	if msg := d.dateF.Message(); msg != "" {
		t.Errorf("日期 %s (the last record's day) says %q", last.Date, msg)
	}
	if d.record.Disabled() {
		t.Errorf("登记 stays disabled: %q", d.form.Reason.Text)
	}
}

// In English the dialog says the note's hint and the question in English:
// it showed the placeholder "情况" and asked "Record “死亡”?" (s14-attack8 #25).
func TestLeavingDialogIsEnglish(t *testing.T) {
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = useLanguage(Chinese) }()
	f := newFakeStore(testToday, member("张三", validID("19800101", "001")))
	s := newTestShell(t, f)
	var asked string
	s.confirm = func(title, _ string, onYes func()) { asked = title }
	d := showEventDialog(s, f.members[0])
	for _, k := range model.AvailableEvents(&f.members[0]) {
		d.kind.SetValue(string(k))
		if hint := d.note.PlaceHolder; hint != "" && !isASCII(hint) {
			t.Errorf("%s: the note's hint reads %q", k, hint)
		}
	}
	d.kind.SetValue(string(model.EventDeath))
	d.note.SetText("illness")
	d.date.SetDate(model.NewDate(2026, 11, 1))
	d.form.Submit()
	if asked != "Record “Died”?" {
		t.Errorf("the question reads %q", asked)
	}
	_ = fyne.CurrentApp()
}

func isASCII(s string) bool {
	for _, r := range s {
		if r > 127 && r != '“' && r != '”' && r != '’' {
			return false
		}
	}
	return true
}
