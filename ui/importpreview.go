package ui

import (
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/filedialog"
)

// chooseImport asks for a workbook and previews what importing it would do.
func (r *rosterScreen) chooseImport() {
	r.sh.chooseFile("打开文件", filedialog.Workbooks(), r.previewImport)
}

// previewImport reads the workbook and shows what importing it would change.
// Nothing is written until confirmed.
func (r *rosterScreen) previewImport(path string) {
	previewWorkbook(r.sh, path, r.sh.svc.Files.PreviewImport, func(p model.ImportPreview) {
		r.preview = showImportPreview(r.sh, p)
	})
}

// importPreview shows what an import would do — rows refused and why,
// changes to members already on the roster, members to add — and writes only
// when confirmed.
type importPreview struct {
	sh      *shell
	p       model.ImportPreview
	dlg     dialog.Dialog
	summary *widget.Label
	tabs    *container.AppTabs
	confirm *widget.Button
	changes []importChange
}

// importChange is one changed field of one member, a row of the update table.
type importChange struct {
	name, id string
	change   model.FieldChange
}

func showImportPreview(sh *shell, p model.ImportPreview) *importPreview {
	v := &importPreview{sh: sh, p: p}
	for _, u := range p.Plan.Update {
		for _, c := range u.Changes {
			v.changes = append(v.changes, importChange{u.After.Name, u.After.IDNumber, c})
		}
	}
	plan := p.Plan
	v.summary = widget.NewLabel(lang.L("{{.File}}，工作表“{{.Sheet}}”：新增 {{.Add}} 人，更新 {{.Update}} 人，无变化 {{.Same}} 人，{{.Rejected}} 行未通过。", map[string]any{
		"File": filepath.Base(p.File), "Sheet": p.Sheet, "Add": len(plan.Add), "Update": len(plan.Update),
		"Same": plan.Unchanged, "Rejected": rejectedRows(p.Rejected),
	}))
	v.summary.Wrapping = fyne.TextWrapWord

	rejectedCols := []textColumn{{"行号", 4, false}, {"项目", 8, false}, {"原因", 50, true}}
	rejectedCell := func(row, col int) string {
		x := p.Rejected[row]
		label := ""
		if x.Field != "" {
			label = fieldLabel(x.Field)
		}
		return [...]string{strconv.Itoa(x.Row), label, x.Reason}[col]
	}
	rejected := newTextTable(rejectedCols, func() int { return len(p.Rejected) }, rejectedCell)
	fitRows(rejected, rejectedCols, len(p.Rejected), rejectedCell)
	updates := newTextTable([]textColumn{{"姓名", 5, false}, {"公民身份号码", 11, false}, {"项目", 8, false}, {"原值", 14, false}, {"新值", 14, false}},
		func() int { return len(v.changes) },
		func(row, col int) string {
			c := v.changes[row]
			return [...]string{c.name, c.id, fieldLabel(c.change.Field), c.change.Old, c.change.New}[col]
		})
	addFields := []model.Field{model.FieldName, model.FieldSex, model.FieldIDNumber, model.FieldCategory,
		model.FieldJoinDate, model.FieldFullDate, model.FieldPost, model.FieldPhone}
	addCols := make([]textColumn, len(addFields))
	for i, f := range addFields {
		addCols[i] = textColumn{f.Label(), float32(f.Info().Width) * 0.6, false}
	}
	adds := newTextTable(addCols, func() int { return len(plan.Add) },
		func(row, col int) string { return plan.Add[row].Text(addFields[col]) })

	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("未通过的行（{{.N}}）", map[string]any{"N": len(p.Rejected)}), rejected),
		container.NewTabItem(lang.L("将更新（{{.N}} 处修改）", map[string]any{"N": len(v.changes)}), updates),
		container.NewTabItem(lang.L("将新增（{{.N}} 人）", map[string]any{"N": len(plan.Add)}), adds),
	)
	switch {
	case len(p.Rejected) > 0:
		v.tabs.SelectIndex(0)
	case len(plan.Update) > 0:
		v.tabs.SelectIndex(1)
	default:
		v.tabs.SelectIndex(2)
	}

	text := lang.L("确认导入")
	if len(p.Rejected) > 0 {
		text = lang.L("确认导入（跳过未通过的行）")
	}
	v.confirm = widget.NewButton(text, v.commit)
	v.confirm.Importance = widget.HighImportance
	if len(plan.Add)+len(plan.Update) == 0 {
		v.confirm.Disable()
	}
	cancel := widget.NewButton(lang.L("取消"), func() { v.dlg.Hide() })
	note := widget.NewLabel(lang.L("确认之前不会写入任何数据。未通过的行请在 Excel 中改正后重新导入。"))
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, v.confirm), note)
	body := container.NewBorder(v.summary, bottom, nil, nil, v.tabs)
	v.dlg = dialog.NewCustomWithoutButtons(lang.L("导入预览"), body, sh.win)
	v.dlg.Resize(fyne.NewSize(1050, 600))
	v.dlg.Show()
	return v
}

// commit writes the plan in one transaction, off the UI goroutine.
func (v *importPreview) commit() {
	v.dlg.Hide()
	wait := v.sh.progress("正在导入…", filepath.Base(v.p.File))
	v.sh.background(func() {
		added, updated, err := v.sh.svc.Files.CommitImport(v.p)
		fyne.Do(func() {
			wait.Hide()
			if err != nil {
				v.sh.showError("导入花名册", err)
				return
			}
			v.sh.dataChanged()
			msg := lang.L("已新增 {{.Add}} 人，更新 {{.Update}} 人。", map[string]any{"Add": added, "Update": updated})
			if n := rejectedRows(v.p.Rejected); n > 0 {
				msg += lang.N("有 {{.N}} 行未通过，未导入。", n, map[string]any{"N": n})
			}
			dialog.ShowInformation(lang.L("导入完成"), msg, v.sh.win)
		})
	})
}

// rejectedRows counts the rows refused; a row may be refused for several reasons.
func rejectedRows(rs []model.Rejection) int {
	seen := map[int]bool{}
	for _, r := range rs {
		seen[r.Row] = true
	}
	return len(seen)
}
