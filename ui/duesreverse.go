package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// reversalDialog asks for the reason of a reversal (冲正) and confirms it:
// the mistaken entry stays on record marked reversed, so the dialog says
// so, and nothing happens without a reason.
type reversalDialog struct {
	dlg    fyneDialog
	reason *widget.Entry
	msg    *widget.Label
	ok     *widget.Button
}

// newReversalDialog shows the dialog for the entry described by what;
// reverse does the reversal with the reason typed, and done runs after it
// succeeded.
func newReversalDialog(sh *shell, what, effect string, reverse func(reason string) error, done func()) *reversalDialog {
	rd := &reversalDialog{}
	rd.reason = widget.NewEntry()
	rd.reason.SetPlaceHolder(lang.L("如：月份选错、金额录错、重复登记"))
	rd.msg = newMessage()
	entry := widget.NewLabel(what)
	entry.TextStyle.Bold = true
	entry.Wrapping = fyne.TextWrapWord
	explain := widget.NewLabel(lang.L(effect) + lang.L("原记录不会删除，仍保留并标为“已冲正”；冲正后不能撤销。"))
	explain.Wrapping = fyne.TextWrapWord
	rd.ok = widget.NewButton(lang.L("确定冲正"), func() {
		if err := reverse(rd.reason.Text); err != nil {
			setMessage(rd.msg, err.Error())
			return
		}
		setMessage(rd.msg, "")
		rd.dlg.Hide()
		done()
	})
	rd.ok.Importance = widget.DangerImportance
	cancel := widget.NewButton(lang.L("取消"), func() { rd.dlg.Hide() })
	form := formColumns(1, []*formCell{newCell("冲正原因", rd.reason)})
	body := container.NewVBox(entry, explain, form, rd.msg, container.NewBorder(nil, nil, nil, container.NewHBox(cancel, rd.ok)))
	rd.dlg = showCustom(sh, lang.L("冲正"), body, fyne.NewSize(520, 0))
	return rd
}

// paymentText is one line of a member's payment history.
func paymentText(p *model.DuesPayment) string {
	text := p.Date.String() + "  " + p.Amount.String() + lang.L("元") + "  " + p.MonthsText()
	if p.Extra > 0 {
		text += "  " + lang.L("自愿多交") + " " + p.Extra.String() + lang.L("元")
	}
	if p.Receipt != "" {
		text += "  " + lang.L("收据") + " " + p.Receipt
	}
	if p.Reversal != nil {
		text += "  【" + lang.L("已冲正") + "：" + p.Reversal.Reason + "】"
	}
	return text
}
