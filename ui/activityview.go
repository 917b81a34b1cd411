package ui

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// activityView is the record dialog last opened, kept for tests.
type activityView struct {
	dialog  dialog.Dialog
	details *kit.WrapLabel
	thumbs  *fyne.Container // one thumbnail per attachment
	history *widget.Table   // nil when the record was never changed
}

// openView shows one record: what it says, the rule checks, thumbnails of
// its attachments, and every change made after it was entered.
func (a *activitiesScreen) openView(id int64) {
	act, err := a.svc.Activity(id)
	if err != nil {
		a.sh.showError("读取活动记录", err)
		return
	}
	changes, err := a.svc.ActivityChanges(id)
	if err != nil {
		a.sh.showError("读取活动记录", err)
		return
	}
	rc, err := a.svc.RuleContext()
	if err != nil {
		a.sh.showError("读取活动记录", err)
		return
	}
	checks := append(rc.Check(&act), act.OfficerChecks()...)
	var d dialog.Dialog
	title := heading("")
	title.SetText(kit.Say(act.TitleText()))
	details := kit.NewWrapLabel(activitySummary(&act, checks))
	details.Selectable = true

	thumbs := container.NewGridWrap(fyne.NewSize(150, 130))
	for _, at := range act.Attachments {
		thumbs.Add(a.thumbnail(at))
	}
	attach := kit.NewButtonWithIcon(lang.L("添加附件"), theme.ContentAddIcon(), func() {
		a.chooseAttachment(func(path string) {
			if _, err := a.svc.AttachFile(id, path); err != nil {
				a.sh.showError("添加附件", err)
				return
			}
			d.Hide()
			a.sh.dataChanged()
			a.openView(id)
		})
	})
	edit := kit.NewButtonWithIcon(lang.L("修改记录"), theme.DocumentCreateIcon(), func() {
		d.Hide()
		a.openForm(act)
	})
	export := kit.NewButtonWithIcon(lang.L("导出会议记录"), theme.DocumentSaveIcon(), func() {
		a.sh.saveWorkbook("导出会议记录", safeName(act.Title())+".xlsx", func(path string) (string, error) {
			return lang.L("会议记录已导出，文件保存在："), a.svc.ExportActivity(id, path)
		})
	})

	histCols := []textColumn{{"修改时间", 9, false}, {"项目", 6, false}, {"原内容", 16, true}, {"新内容", 16, true}}
	histCell := func(row, col int) string {
		c := changes[row]
		return [...]string{formatTime(c.At), lang.L(string(c.Field)), c.Old, c.New}[col]
	}
	hist := newTextTable(histCols, func() int { return len(changes) }, histCell)
	fitRows(hist, histCols, len(changes), histCell)
	entered := lang.L("录入时间：") + formatTime(act.CreatedAt)
	if act.EnteredLate(model.RecordKeeping2018) {
		entered += "　" + lang.L("（补录：活动结束{{.Days}}天后才录入）", map[string]any{"Days": model.RecordKeeping2018.LateEntryDays})
	}
	histBox := container.NewBorder(container.NewVBox(widget.NewLabel(entered), heading("修改历史")), nil, nil, nil, hist)
	if len(changes) == 0 {
		histBox = container.NewBorder(container.NewVBox(widget.NewLabel(entered), heading("修改历史")), nil, nil, nil,
			widget.NewLabel(lang.L("录入后未修改过。")))
	}

	body := container.NewVSplit(
		container.NewVScroll(container.NewVBox(details, heading("附件（照片、签到表）"), thumbs)),
		histBox)
	body.Offset = 0.65
	closeButton := kit.NewButton(lang.L("关闭"), func() { d.Hide() })
	buttons := container.NewHBox(edit, attach, export, closeButton)
	d = dialog.NewCustomWithoutButtons(lang.L("活动记录"), container.NewBorder(title, buttons, nil, nil, body), a.sh.win)
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
	// Esc closes the record as 关闭 does (review s5-8 newuser #5).
	kit.EnterEsc(a.sh.win, d, nil, d.Hide)
	a.view = &activityView{dialog: d, details: details, thumbs: thumbs}
	if len(changes) > 0 {
		a.view.history = hist
	}
}

// activitySummary is the record as text, in the order of the printed form.
func activitySummary(a *model.Activity, checks []model.Check) string {
	c := a.Counts()
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s　%s\n", kit.DateText(a.Date), a.TimeText(), a.Place)
	colon := lang.L("：")
	fmt.Fprintf(&b, "%s%s%s　%s%s%s\n", lang.L("主持人"), colon, a.Chair, lang.L("记录人"), colon, a.Recorder)
	b.WriteString(lang.L("应到 {{.Due}} 人，实到 {{.Present}} 人，请假 {{.Leave}} 人，缺席 {{.Absent}} 人",
		map[string]any{"Due": c.Due, "Present": c.Present, "Leave": c.Leave, "Absent": c.Absent}) + "\n")
	for _, r := range a.Attendance {
		if r.Status != model.Present {
			fmt.Fprintf(&b, "　%s %s（%s）\n", r.Name, valueText(string(r.Status)), r.Reason)
		}
	}
	if a.Observers != "" {
		fmt.Fprintf(&b, "%s%s%s\n", lang.L("列席人员"), colon, a.Observers)
	}
	if len(a.Guests) > 0 {
		fmt.Fprintf(&b, "%s%s%s\n", lang.L("列席（流入党员）"), colon, model.GuestsText(a.Guests))
	}
	fmt.Fprintf(&b, "%s%s%s\n\n%s\n", lang.L("议题"), colon, a.Topic, a.Content)
	if len(a.Resolutions) > 0 {
		b.WriteString("\n" + model.ResolutionsText(a.Resolutions) + "\n")
	}
	for _, ch := range checks {
		b.WriteString(checkLine(ch) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// checkLine is one rule check of a record as the form and the record show
// it: ✔ or ✘ and what the rule found; a rule that could not be applied
// (Unchecked) is a note without a mark.
func checkLine(ch model.Check) string {
	switch {
	case ch.Unchecked:
		return kit.FindingText(ch.Finding)
	case ch.OK:
		return "✔ " + kit.FindingText(ch.Finding)
	}
	return "✘ " + kit.FindingText(ch.Finding)
}

// thumbnail shows a photo scaled into its box; a PDF shows as a document
// icon with its name.
func (a *activitiesScreen) thumbnail(at model.Attachment) fyne.CanvasObject {
	name := widget.NewLabel(at.Name)
	name.Truncation = fyne.TextTruncateEllipsis
	if at.Type == model.AttachPDF {
		icon := widget.NewIcon(theme.FileIcon())
		return container.NewBorder(nil, name, nil, nil, icon)
	}
	data, err := a.svc.AttachmentData(at.ID)
	if err != nil {
		return container.NewBorder(nil, name, nil, nil, widget.NewIcon(theme.BrokenImageIcon()))
	}
	img := canvas.NewImageFromReader(bytes.NewReader(data), at.Name)
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleFastest
	return container.NewBorder(nil, name, nil, nil, img)
}

// chooseAttachment asks for a photo or scan; the service reads the file.
func (a *activitiesScreen) chooseAttachment(then func(path string)) {
	a.sh.chooseFile("选择附件", filedialog.Attachments(), then)
}

// countText formats a vote count for an entry.
func countText(n int) string { return strconv.Itoa(n) }
