package workspace

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/storage/datapkg"
	ws "branchledger/storage/workspace"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// importsTab is 导入数据包: one package or a whole folder (a USB drive),
// with a progress bar and a line per package; a held-back package has the
// buttons that decide it.
type importsTab struct {
	w       *Window
	content fyne.CanvasObject
	bar     *widget.ProgressBar
	status  *kit.WrapLabel
	results []ws.Result
	lines   *fyne.Container // a row per result
	file    *widget.Button
	folder  *widget.Button
	running bool
	// passphrase is the packages' passphrase of the last batch.
	passphrase string
}

func newImportsTab(w *Window) *importsTab {
	t := &importsTab{w: w}
	intro := kit.NewWrapLabel(kit.L("把支部交来的U盘插上，选择其中的数据包（.blpkg）或整个U盘文件夹。较新的快照替换工作台中较旧的；同一数据包再次导入不会有任何改动；比已有的旧的快照不导入。每个数据包单独导入，出问题的不影响其他。"))
	t.file = widget.NewButtonWithIcon(kit.L("导入数据包文件…"), theme.FileIcon(), func() {
		w.files.Open(kit.L("导入数据包"), filedialog.ByExtension(datapkg.Ext), func(path string) { t.start([]string{path}, ws.ImportOptions{}) })
	})
	t.file.Importance = widget.HighImportance
	t.folder = widget.NewButtonWithIcon(kit.L("导入文件夹（U盘）…"), theme.FolderOpenIcon(), func() {
		w.files.Folder(kit.L("选择U盘文件夹"), func(path string) { t.start([]string{path}, ws.ImportOptions{}) })
	})
	t.bar = widget.NewProgressBar()
	t.bar.Hide()
	t.status = kit.NewWrapLabel("")
	// The lines are a box of rows, not a widget.List: a list gives every
	// row the template's height, and a refusal that wraps to three lines
	// would be drawn over the next.
	t.lines = container.NewVBox()
	top := container.NewVBox(intro, container.NewHBox(t.file, t.folder), t.bar, t.status)
	t.content = container.NewBorder(top, nil, nil, nil, kit.NewScroll(t.lines))
	return t
}

// showLines shows a row per result: its line, coloured by what it means,
// and for a held-back package the two buttons that decide it.
func (t *importsTab) showLines() {
	rows := make([]fyne.CanvasObject, len(t.results))
	for i, r := range t.results {
		rows[i] = t.row(i, r)
	}
	t.lines.Objects = rows
	t.lines.Refresh()
}

func (t *importsTab) row(i int, r ws.Result) fyne.CanvasObject {
	l := kit.NewWrapLabel(lineOf(r))
	switch {
	case r.Outcome == ws.Refused && (errors.Is(r.Err, ws.ErrOlder) || leftForNow(r)):
		// Nothing is wrong: the workspace holds a newer snapshot already.
	case r.Outcome == ws.Refused:
		l.Importance = widget.DangerImportance
	case r.Outcome == ws.HeldBack:
		l.Importance = widget.WarningImportance
	}
	if r.Outcome != ws.HeldBack {
		return l
	}
	asNew := widget.NewButton(kit.L("作为新支部导入"), func() { t.redo(i, ws.ImportOptions{AsNew: true}) })
	same := widget.NewButton(kit.L("按同一支部更新"), func() { t.redo(i, ws.ImportOptions{SameBranch: true}) })
	return container.NewBorder(nil, nil, nil, container.NewHBox(asNew, same), l)
}

// lineOf is a result's line in the UI language.
func lineOf(r ws.Result) string {
	at := r.Taken.Local().Format("2006-01-02 15:04")
	switch r.Outcome {
	case ws.Imported, ws.Replaced:
		if r.Unencrypted {
			at += kit.L("；数据包没有加密，请支部在 设置 → 指导员 中载入您的公钥")
		}
		if r.LinkedOrg != "" {
			at += kit.L("；已按单位名称关联单位名录中的“{{.Org}}”", map[string]any{"Org": r.LinkedOrg})
		}
		if r.Outcome == ws.Replaced {
			return kit.L("已更新：{{.Branch}}（快照 {{.At}}）", map[string]any{"Branch": r.Branch, "At": at})
		}
		return kit.L("已导入：{{.Branch}}（快照 {{.At}}）", map[string]any{"Branch": r.Branch, "At": at})
	case ws.Unchanged:
		if r.Err != nil { // older than a package of the same import
			return kit.L("无变化：{{.Branch}}：{{.Why}}", map[string]any{"Branch": r.Branch, "Why": r.Reason()})
		}
		return kit.L("无变化：{{.Branch}}（同一数据包已导入过）", map[string]any{"Branch": r.Branch})
	case ws.HeldBack:
		return kit.L("暂不导入：") + reasonOf(r)
	}
	if leftForNow(r) {
		// The passphrase dialog said such packages are left for now: the
		// line says so in its words, not as a refusal (review s6-11
		// newuser #14: a red "未导入：数据包设有密码，请输入密码").
		return kit.L("先不导入：{{.File}}（设有密码，这次没有输入；请单独导入这个文件并输入它的密码）", map[string]any{"File": r.File})
	}
	if errors.Is(r.Err, datapkg.ErrWrongPassphrase) {
		// Branches set their own passphrases: one batch takes one.
		return kit.L("未导入：") + reasonOf(r) + kit.L("（如这个数据包的密码与其他的不同，请单独导入这个文件并输入它的密码）")
	}
	return kit.L("未导入：") + reasonOf(r)
}

// leftForNow is a package with a passphrase imported with none given: the
// user left the package passphrase empty, as the dialog offers.
func leftForNow(r ws.Result) bool {
	return r.Outcome == ws.Refused && errors.Is(r.Err, datapkg.ErrNeedPassphrase)
}

// reasonOf is why a package was refused or held back, its sentence in the
// UI language and the file (and details) after it as they are (review s4-11
// newuser #12: English lines said "Refused: 密码不对…").
func reasonOf(r ws.Result) string {
	return kit.SayErr(shownErr{msg: r.Message(), err: r.Err})
}

// shownErr is an import result's error as the user reads it (Message): its
// kind is still found in the chain.
type shownErr struct {
	msg string
	err error
}

func (e shownErr) Error() string { return e.msg }
func (e shownErr) Unwrap() error { return e.err }

// start imports files or the packages in folders, asking for the private
// key's passphrase first when a package needs it. The folders are walked
// and each package's first bytes read in the background: on a slow USB
// drive or a share the window stayed frozen meanwhile (read-through s6
// rtws #4).
func (t *importsTab) start(paths []string, o ws.ImportOptions) {
	if t.running {
		return
	}
	t.running = true
	t.file.Disable()
	t.folder.Disable()
	before := t.status.Text
	t.status.SetText(kit.L("正在查找数据包…"))
	var files, locked []string
	var needKey bool
	var err error
	t.w.background(func() {
		if files, err = ws.Packages(paths); err == nil {
			needKey, locked = secretsOf(files)
		}
	}, func() {
		t.running = false
		t.file.Enable()
		t.folder.Enable()
		t.status.SetText(before)
		if err != nil {
			t.w.showError("导入数据包", err)
			return
		}
		if len(files) == 0 {
			kit.Inform(t.w.Win, "导入数据包", kit.L("所选位置没有数据包（.blpkg 文件）。"))
			return
		}
		t.w.askSecrets(needKey, locked, func(passphrase string) {
			o.Passphrase = passphrase
			t.passphrase = passphrase // for a held-back package decided later
			t.run(files, o)
		})
	})
}

// secretsOf says what the packages in files need to be read: the private
// key (needKey), or a passphrase (locked, by file name).
func secretsOf(files []string) (needKey bool, locked []string) {
	for _, f := range files {
		switch k, _ := datapkg.Probe(f); k {
		case datapkg.ForKey:
			needKey = true
		case datapkg.Passphrase:
			locked = append(locked, filepath.Base(f))
		}
	}
	return needKey, locked
}

// run imports files in the background (several read at once, written one
// by one in order), the bar and the list following each package.
func (t *importsTab) run(files []string, o ws.ImportOptions) {
	t.running = true
	t.file.Disable()
	t.folder.Disable()
	t.results = nil
	t.showLines()
	t.bar.Max, t.bar.Value = float64(len(files)), 0
	t.bar.Show()
	t.bar.Refresh()
	t.status.SetText(kit.L("正在导入 {{.N}} 个数据包…", map[string]any{"N": len(files)}))
	t.w.background(func() {
		t.w.svc.ImportAll(files, o, func(done, _ int, r ws.Result) {
			fyne.Do(func() {
				t.results = append(t.results, r)
				t.bar.SetValue(float64(done))
				t.lines.Add(t.row(len(t.results)-1, r))
			})
		})
	}, t.finish)
}

func (t *importsTab) finish() {
	t.running = false
	t.file.Enable()
	t.folder.Enable()
	t.summarize()
	t.w.refresh()
}

// summarize puts the counts of the last import's lines under the bar.
func (t *importsTab) summarize() {
	counts := map[ws.Outcome]int{}
	left := 0
	for _, r := range t.results {
		if leftForNow(r) {
			left++
			continue
		}
		counts[r.Outcome]++
	}
	line := kit.L("共 {{.N}} 个数据包：导入 {{.I}} 个，更新 {{.R}} 个，无变化 {{.U}} 个，暂不导入 {{.H}} 个，未导入 {{.F}} 个。", map[string]any{
		"N": len(t.results), "I": counts[ws.Imported], "R": counts[ws.Replaced], "U": counts[ws.Unchanged],
		"H": counts[ws.HeldBack], "F": counts[ws.Refused]})
	if left > 0 {
		line += kit.L("没有输入密码、先不导入 {{.L}} 个。", map[string]any{"L": left})
	}
	t.status.SetText(line)
}

// redo imports the held-back package of line i again as o says.
func (t *importsTab) redo(i int, o ws.ImportOptions) {
	file := t.results[i].File
	o.Passphrase = t.passphrase
	what := kit.L("作为新支部导入")
	if o.SameBranch {
		what = kit.L("按同一支部更新")
	}
	t.w.confirm(what, fmt.Sprintf("%s\n\n%s", reasonOf(t.results[i]), what+kit.L("？")), func() {
		var r ws.Result
		peers := map[int]ws.Result{}
		t.w.background(func() {
			r = t.w.svc.Import(file, o)
			if r.Outcome == ws.HeldBack {
				return
			}
			// The packages held back with this one, "看不出哪个是原来的",
			// are told of anew against the workspace, which now holds one
			// of them (review s6-11 attack #8): each as if imported alone.
			for _, j := range t.batchPeers(i) {
				peers[j] = t.w.svc.Import(t.results[j].File, ws.ImportOptions{Passphrase: t.passphrase})
			}
		}, func() {
			t.results[i] = r
			for j, p := range peers {
				t.results[j] = p
			}
			t.showLines()
			t.summarize()
			t.w.refresh()
		})
	})
}

// batchPeers are the lines held back in one batch with line i's package,
// whose sentences name its file among "同一批中的 …".
func (t *importsTab) batchPeers(i int) []int {
	name := regexp.MustCompile(`(^|[ 、])` + regexp.QuoteMeta(filepath.Base(t.results[i].File)) + `([ 、）]|$)`)
	var out []int
	for j, r := range t.results {
		if j != i && r.Outcome == ws.HeldBack && errors.Is(r.Err, ws.ErrLooksCopiedInBatch) &&
			name.MatchString(strings.ReplaceAll(r.Err.Error(), r.File, "")) {
			out = append(out, j)
		}
	}
	return out
}

// Import imports paths as the tab's buttons do, for tests.
func (w *Window) Import(paths []string) { w.imports.start(paths, ws.ImportOptions{}) }

// ImportResults are the lines of the last import.
func (w *Window) ImportResults() []ws.Result { return w.imports.results }

// ImportStatus is the line under the progress bar.
func (w *Window) ImportStatus() string { return w.imports.status.Text }
