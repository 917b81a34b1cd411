package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// reversalDialog asks for the reason of a reversal (冲正) and confirms it:
// the mistaken entry stays on record marked reversed, so the dialog says
// so, and nothing happens without a reason.
type reversalDialog struct {
	dlg    *kit.FormDialog
	form   *kit.Form
	reason *kit.Entry
	ok     *kit.Button
}

// newReversalDialog shows the dialog for the entry described by what;
// reverse does the reversal with the reason typed, and done runs after it
// succeeded.
func newReversalDialog(sh *shell, what, effect string, reverse func(reason string) error, done func()) *reversalDialog {
	rd := &reversalDialog{form: kit.NewForm("确定冲正")}
	rd.ok = rd.form.Save
	rd.ok.Importance = widget.DangerImportance
	rd.form.Ask = sh.confirmDiscard
	rd.reason = kit.NewEntry()
	rd.reason.SetPlaceHolder(lang.L("如：月份选错、金额录错、重复登记"))
	entry := kit.NewWrapLabel(what)
	entry.TextStyle.Bold = true
	explain := kit.NewWrapLabel(lang.L(effect) + lang.L("原记录不会删除，仍保留并标为“已冲正”；冲正后不能撤销。"))
	reasonF := rd.form.Add("冲正原因", rd.reason).Validate(func(s string) string {
		if strings.TrimSpace(s) == "" {
			return lang.L("请填写冲正原因")
		}
		return ""
	})
	rd.form.OnSubmit = func() {
		if err := reverse(strings.TrimSpace(rd.reason.Text)); err != nil {
			rd.form.SetError(kit.SayErr(err))
			return
		}
		rd.dlg.Hide()
		done()
	}
	body := container.NewVBox(entry, explain, rd.form.Grid(1, reasonF))
	rd.dlg = kit.ShowForm(sh.win, "冲正", rd.form, body, fyne.NewSize(560, 320))
	return rd
}

// paymentText is one line of a member's payment history.
func paymentText(p *model.DuesPayment) string {
	text := p.Date.String() + "  " + kit.Amount(p.Amount) + "  " + kit.MonthList(p.Months)
	if p.Extra > 0 {
		text += "  " + lang.L("自愿多交") + " " + kit.Amount(p.Extra)
	}
	if p.Receipt != "" {
		text += "  " + lang.L("收据") + " " + p.Receipt
	}
	if p.Reversal != nil {
		// English brackets and colon in English: "【Reversed：…】" was seen
		// in the English payment dialog (u9's screenshots).
		left, right := "【", "】"
		if kit.English() {
			left, right = "[", "]"
		}
		text += "  " + left + lang.L("已冲正") + lang.L("：") + p.Reversal.Reason + right
	}
	return text
}
