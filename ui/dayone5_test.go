package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// startCountingDues counts the calls the 建账月份 dialog makes to read what a
// new start would change: each reads the whole ledger.
type startCountingDues struct {
	DuesLedger
	previews, drops int
}

func (c *startCountingDues) DuesStartPreview(m model.Month) ([]model.RecordGap, error) {
	c.previews++
	return c.DuesLedger.DuesStartPreview(m)
}

func (c *startCountingDues) DuesStartDrops(m model.Month) ([]model.DroppedArrear, error) {
	c.drops++
	return c.DuesLedger.DuesStartDrops(m)
}

// Typing a 建账月份 asks the ledger nothing per keystroke; leaving the
// field works out once what the month typed would change (leftover of
// issue 8: two service calls per key made typing "2026年1月" read the
// whole ledger sixteen times).
func TestLedgerStartPreviewOnLeavingNotPerKey(t *testing.T) {
	s, _, _ := firstDayShell(t)
	c := &startCountingDues{DuesLedger: s.svc.Dues}
	s.svc.Dues = c
	b := duesOf(t, s).bases
	test.Tap(b.startButton)
	entry := b.startEntry
	// Reached with the keyboard, the loaded month is selected: typing
	// replaces it.
	s.win.Canvas().Focus(entry)
	c.previews, c.drops = 0, 0
	test.Type(entry, "2026年1月")
	if entry.Text != "2026年1月" {
		t.Fatalf("typed %q", entry.Text)
	}
	if c.previews+c.drops != 0 {
		t.Errorf("typing 2026年1月 made %d preview and %d drops calls", c.previews, c.drops)
	}
	if b.startEffect.Text != "" {
		t.Errorf("while typing the dialog says %q", b.startEffect.Text)
	}
	entry.FocusLost()
	if c.previews != 1 || c.drops != 1 {
		t.Errorf("leaving the field made %d preview and %d drops calls, want 1 and 1", c.previews, c.drops)
	}
	if b.startEffect.Text == "" {
		t.Error("after leaving the field the dialog does not say what the month changes")
	}
	// Typing again takes the effect of the old month away at once.
	test.Type(entry, "x")
	if b.startEffect.Text != "" {
		t.Errorf("the effect of 2026年1月 stays while %q is typed: %q", entry.Text, b.startEffect.Text)
	}
}

// A long refusal of a base is read whole (leftover of issue 8): the grid's
// row shows it on one line, cut, and the whole sentence with the member's
// name under the grid, where it moves no row; the 年中调整, 为所选党员设置
// and 建账月份 dialogs wrap their messages instead of cutting them.
func TestLongBaseRefusalIsReadWhole(t *testing.T) {
	s, _, _ := firstDayShell(t)
	b := duesOf(t, s).bases
	b.showPage()
	entry := b.entries[0]
	entry.SetText("10000000000")
	whole := b.refusal.Text
	if !b.refusal.Visible() || !strings.Contains(whole, b.rows[0].name+"：") || !strings.HasSuffix(whole, "（是否填成了年收入？）") {
		t.Errorf("under the grid: %q (shown %v)", whole, b.refusal.Visible())
	}
	b.entries[1].SetText("20000000000")
	if !strings.Contains(b.refusal.Text, "另有 1 人") {
		t.Errorf("two refused rows: %q", b.refusal.Text)
	}
	b.entries[1].SetText("5400")
	entry.SetText("5400")
	if b.refusal.Visible() {
		t.Errorf("the refusal stays once fixed: %q", b.refusal.Text)
	}

	// 年中调整 on a row with a stored base.
	b.rows[0].stored = true
	b.editChange(0)
	c := b.change
	c.base.SetText("10000000000")
	c.base.FocusLost()
	var msg *widget.Label
	for fd, m := range c.form.Problems() {
		if strings.Contains(m, "是否填成了年收入") {
			msg = fd.MessageLabel()
		}
	}
	if msg == nil {
		t.Fatalf("年中调整 does not refuse 10000000000: %v", c.form.Problems())
	}
	if msg.Truncation != fyne.TextTruncateOff || msg.Wrapping != fyne.TextWrapWord {
		t.Errorf("年中调整's refusal is cut (truncation %v, wrapping %v)", msg.Truncation, msg.Wrapping)
	}
	// 为所选党员设置: a 党费已交至 after this month.
	b.rows[0].selected = true
	b.editSelected()
	bd := b.bulkDlg
	bd.paidTo.SetText("2027-06")
	bd.paidTo.FocusLost()
	for fd, m := range bd.form.Problems() {
		if l := fd.MessageLabel(); l.Truncation != fyne.TextTruncateOff {
			t.Errorf("为所选党员设置 cuts %q", m)
		}
	}
	if len(bd.form.Problems()) == 0 {
		t.Error("为所选党员设置 accepts 2027-06")
	}
}
