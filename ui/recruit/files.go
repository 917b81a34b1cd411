package recruit

import (
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// exportLedger saves the 发展党员工作台账.
func (s *Screen) exportLedger() {
	s.host.SaveWorkbook("导出发展党员工作台账", kit.L("发展党员工作台账")+".xlsx", func(path string) (string, error) {
		n, err := s.svc.ExportLedger(path)
		return kit.N("已导出 {{.N}} 人，文件保存在：", n, map[string]any{"N": n}), err
	})
}

// printRecord saves the person's 纪实表.
func (p *page) printRecord() {
	id := p.r.ID
	p.s.host.SaveWorkbook("打印发展党员全程纪实表", p.r.Name+kit.L("发展党员全程纪实表")+".xlsx", func(path string) (string, error) {
		return "", p.s.svc.ExportRecord(id, path)
	})
}

// printNotice saves a public notice: of the candidate, or of the person to
// be admitted.
func (p *page) printNotice(admission bool) {
	id := p.r.ID
	if admission {
		p.s.host.SaveWorkbook("打印公示", p.r.Name+kit.L("拟接收预备党员公示")+".xlsx", func(path string) (string, error) {
			return "", p.s.svc.ExportAdmissionNotice(id, path)
		})
		return
	}
	p.s.host.SaveWorkbook("打印公示", p.r.Name+kit.L("发展对象公示")+".xlsx", func(path string) (string, error) {
		return "", p.s.svc.ExportCandidateNotice(id, path)
	})
}

// showHistory lists every edit of the person's record, newest first.
func (p *page) showHistory() {
	id, name := p.r.ID, p.r.Name
	var changes []model.RecruitChange
	var err error
	p.s.host.Background(func() { changes, err = p.s.svc.RecruitChanges(id) }, func() {
		if err != nil {
			p.s.host.ShowError("读取修改记录", err)
			return
		}
		list := widget.NewList(func() int { return len(changes) },
			func() fyne.CanvasObject {
				l := kit.NewWrapLabel("")
				return l
			},
			func(i widget.ListItemID, o fyne.CanvasObject) {
				c := changes[i]
				o.(*kit.WrapLabel).SetText(c.At.Format("2006-01-02 15:04") + "　" + c.Source + "　" + c.Field + "\n" +
					kit.L("原：") + orDash(c.Old) + "\n" + kit.L("新：") + orDash(c.New))
			})
		var body fyne.CanvasObject = list
		if len(changes) == 0 {
			body = widget.NewLabel(kit.L("登记后没有修改过。"))
		}
		d := kit.NewCustom(name+" "+kit.L("修改记录"), kit.L("关闭"), body, p.s.host.Window())
		d.Resize(fyne.NewSize(700, 480))
		d.Show()
	})
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// chooseImport asks for a pipeline workbook and previews its import.
func (s *Screen) chooseImport() {
	s.host.ChooseFile("导入发展党员台账", filedialog.WorkbookExts, func(path string) {
		done := s.host.Progress("正在读取…", filepath.Base(path))
		var p model.RecruitImportPreview
		var err error
		s.host.Background(func() { p, err = s.svc.PreviewImport(path) }, func() {
			done()
			if err != nil {
				s.host.ShowError("读取发展党员台账", err)
				return
			}
			s.showPreview(p)
		})
	})
}

// showPreview shows what the import would do — rows refused and why,
// people to add, changes to people already in the pipeline — and writes
// only when confirmed.
func (s *Screen) showPreview(p model.RecruitImportPreview) *dialog.CustomDialog {
	type change struct {
		name string
		c    model.RecruitChange
	}
	var changes []change
	for _, u := range p.Update {
		for _, c := range u.Changes {
			changes = append(changes, change{u.After.Name, c})
		}
	}
	summary := kit.NewWrapLabel(kit.L("{{.File}}，工作表“{{.Sheet}}”：新增 {{.Add}} 人，更新 {{.Update}} 人，无变化 {{.Same}} 人，{{.Rejected}} 行未通过。", map[string]any{
		"File": filepath.Base(p.File), "Sheet": p.Sheet, "Add": len(p.Add), "Update": len(p.Update),
		"Same": p.Unchanged, "Rejected": p.RejectedRows(),
	}))
	top := fyne.CanvasObject(summary)
	if len(p.Ignored) > 0 {
		ignored := kit.NewWrapLabel(kit.L("未导入的列：{{.Columns}}（发展党员台账没有这些项目）", map[string]any{"Columns": strings.Join(p.Ignored, "、")}))
		top = container.NewVBox(summary, ignored)
	}
	notes := textTable([]string{"行号", "说明"}, []float32{60, 790}, len(p.Notes), func(row, col int) string {
		n := p.Notes[row]
		return [...]string{strconv.Itoa(n.Row), n.Message}[col]
	})
	rejected := textTable([]string{"行号", "项目", "原因"}, []float32{60, 150, 640}, len(p.Rejected), func(row, col int) string {
		x := p.Rejected[row]
		// In the UI language (issue 8, ui13 #7); a Text that no longer
		// says the Reason is not used.
		t := x.Text
		if !t.IsZero() && t.String() != x.Reason {
			t = model.Text{}
		}
		return [...]string{strconv.Itoa(x.Row), kit.L(string(x.Field)), kit.SayProblem(model.FieldError{Message: x.Reason, Text: t})}[col]
	})
	updates := textTable([]string{"姓名", "项目", "原值", "新值"}, []float32{90, 170, 280, 280}, len(changes), func(row, col int) string {
		c := changes[row]
		return [...]string{c.name, c.c.Field, c.c.Old, c.c.New}[col]
	})
	adds := textTable([]string{"姓名", "公民身份号码", "当前阶段", "已登记环节"}, []float32{90, 200, 130, 400}, len(p.Add), func(row, col int) string {
		r := &p.Add[row]
		done := 0
		for _, x := range r.Records {
			if x.Done() {
				done++
			}
		}
		return [...]string{r.Name, r.IDNumber, kit.L(string(r.Status())), strconv.Itoa(done)}[col]
	})
	tabs := container.NewAppTabs(
		container.NewTabItem(kit.L("未通过的行（{{.N}}）", map[string]any{"N": len(p.Rejected)}), rejected),
		container.NewTabItem(kit.L("将更新（{{.N}} 处修改）", map[string]any{"N": len(changes)}), updates),
		container.NewTabItem(kit.L("将新增（{{.N}} 人）", map[string]any{"N": len(p.Add)}), adds),
	)
	if len(p.Notes) > 0 {
		tabs.Append(container.NewTabItem(kit.L("提示（{{.N}}）", map[string]any{"N": len(p.Notes)}), notes))
	}
	switch {
	case len(p.Rejected) > 0:
		tabs.SelectIndex(0)
	case len(p.Update) > 0:
		tabs.SelectIndex(1)
	default:
		tabs.SelectIndex(2)
	}
	text := kit.L("确认导入")
	if len(p.Rejected) > 0 {
		text = kit.L("确认导入（跳过未通过的行）")
	}
	var dlg *dialog.CustomDialog
	confirm := kit.NewButton(text, func() {
		dlg.Hide()
		done := s.host.Progress("正在导入…", filepath.Base(p.File))
		var added, updated int
		var err error
		s.host.Background(func() { added, updated, err = s.svc.CommitImport(p) }, func() {
			done()
			if err != nil {
				s.host.ShowError("导入发展党员台账", err)
				return
			}
			s.host.DataChanged()
			msg := kit.L("已新增 {{.Add}} 人，更新 {{.Update}} 人。", map[string]any{"Add": added, "Update": updated})
			if n := p.RejectedRows(); n > 0 {
				msg += kit.L("有 {{.N}} 行未通过，未导入。", map[string]any{"N": n})
			}
			kit.Inform(s.host.Window(), "导入完成", msg)
		})
	})
	confirm.Importance = widget.HighImportance
	if len(p.Add)+len(p.Update) == 0 {
		confirm.Disable()
	}
	cancel := kit.NewButton(kit.L("取消"), func() { dlg.Hide() })
	note := kit.NewWrapLabel(kit.L("确认之前不会写入任何数据。未通过的行请在 Excel 中改正后重新导入。"))
	body := container.NewBorder(top, container.NewBorder(nil, nil, nil, container.NewHBox(cancel, confirm), note), nil, nil, tabs)
	dlg = dialog.NewCustomWithoutButtons(kit.L("导入预览"), body, s.host.Window())
	dlg.Resize(fyne.NewSize(960, 560))
	kit.EnterEsc(s.host.Window(), dlg, func() {
		if !confirm.Disabled() {
			confirm.OnTapped()
		}
	}, dlg.Hide)
	dlg.Show()
	return dlg
}

// textTable is a read-only table with translated headings and fixed column
// widths.
func textTable(headings []string, widths []float32, rows int, cell func(row, col int) string) *widget.Table {
	t := widget.NewTableWithHeaders(func() (int, int) { return rows, len(headings) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(cell(id.Row, id.Col)) })
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Row < 0 && id.Col >= 0 {
			l.SetText(kit.L(headings[id.Col]))
			l.TextStyle.Bold = true
		}
	}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	return t
}
