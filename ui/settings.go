package ui

import (
	"errors"
	"io/fs"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/backup"
	"branchledger/ui/datafile"
	"branchledger/ui/instructor"
	"branchledger/ui/kit"
	"branchledger/ui/portable"
	"branchledger/ui/recruit"
)

// settingsScreen is 设置: the branch profile, where the data lives, and the
// UI language.
type settingsScreen struct {
	sh       *shell
	content  fyne.CanvasObject
	profile  *profileForm
	meetings *meetingSetupForm // nil without an activity service
	holidays *recruit.Holidays // nil without a recruiting service
	language *widget.RadioGroup
}

// languages offered, in the order shown; names are in their own language.
var languages = []struct {
	lang Language
	name string
}{{Chinese, "中文"}, {English, "English"}}

func newSettingsScreen(sh *shell) *settingsScreen {
	s := &settingsScreen{sh: sh, profile: newProfileForm(sh)}

	path := kit.NewWrapLabel(sh.dbPath)
	path.Selectable = true
	copyPath := widget.NewButtonWithIcon(lang.L("复制路径"), theme.ContentCopyIcon(), func() {
		sh.app.Clipboard().SetContent(sh.dbPath)
	})
	where := kit.NewWrapLabel(lang.L("全部数据都保存在这一个文件中；备份请用下面的“备份到…”（程序打开时复制这个文件得到的副本可能不完整）。便携使用（U盘）：在程序所在的文件夹里建一个名为 data 的文件夹，程序就把数据保存在那里；把整个文件夹复制到U盘，换一台电脑也能直接使用，不需要网络。"))
	if portable.Holds(sh.svc.PortableDir, sh.dbPath) {
		where.SetText(lang.L("便携模式已开启：数据文件、备份和程序设置都保存在程序旁边的 {{.Dir}} 文件夹中，这台电脑上不留痕迹。备份请用下面的“备份到…”。", map[string]any{"Dir": sh.svc.PortableDir}))
	}

	var names []string
	for _, l := range languages {
		names = append(names, l.name)
	}
	restart := widget.NewLabel("")
	restart.Importance = widget.WarningImportance
	s.language = widget.NewRadioGroup(names, nil)
	s.language.Horizontal = true
	current := sh.prefs.Language()
	for _, l := range languages {
		if l.lang == current {
			s.language.SetSelected(l.name)
		}
	}
	s.language.OnChanged = func(name string) {
		for _, l := range languages {
			if l.name == name {
				sh.prefs.SetLanguage(l.lang)
			}
		}
		// Said in both languages: the screen is still in the old one.
		restart.SetText("将在下次启动程序时生效。 Takes effect the next time the app starts.")
	}

	cards := container.NewVBox(widget.NewCard(lang.L("支部基本信息"), "", s.profile.content))
	if sh.svc.Activities != nil {
		s.meetings = newMeetingSetupForm(sh)
		cards.Add(widget.NewCard(lang.L("组织生活设置"), "", s.meetings.content))
	}
	if sh.svc.Recruiting != nil {
		s.holidays = recruit.NewHolidays(sh, sh.svc.Recruiting)
		cards.Add(widget.NewCard(lang.L("放假安排"), "", s.holidays.Content()))
	}
	fileCard := container.NewVBox(container.NewBorder(nil, nil, nil, copyPath, path), where)
	if sh.svc.SoftwareRendering {
		// The title's （兼容模式） alone does not say what it means or how
		// it ends.
		compat := kit.NewWrapLabel(lang.L("兼容模式：这台电脑的显卡驱动无法显示支部台账的窗口，程序改用软件渲染（画面会慢一些，数据不受影响）。更新显卡驱动后重新打开，就会恢复正常模式。"))
		compat.Importance = widget.WarningImportance
		fileCard.Add(compat)
		if note := sh.svc.CompatNote; note != "" {
			// Not the driver's answer but an earlier start that ended while
			// making its window (ui/launch/crash.go): maybe the driver, maybe
			// the program ended in Task Manager or a power cut.
			compat.SetText(lang.L("兼容模式：上次以正常模式启动时，程序在打开窗口的过程中意外退出（可能是显卡驱动的问题，也可能是程序被结束或电脑断电），所以这台电脑暂时直接以兼容模式启动（画面会慢一些，数据不受影响）。"))
			var retry *widget.Button
			retry = widget.NewButton(lang.L("下次启动时先试正常模式"), func() {
				if err := os.Remove(note); err != nil && !errors.Is(err, fs.ErrNotExist) {
					sh.showError("恢复正常模式", err)
					return
				}
				retry.Disable()
				compat.SetText(lang.L("下次启动支部台账时会先试正常模式；如果窗口又打不开，程序会自动回到兼容模式。"))
			})
			fileCard.Add(container.NewHBox(retry))
		}
	}
	if sh.svc.File != nil {
		fileCard.Add(datafile.New(sh, sh.svc.File).Content)
	}
	cards.Add(widget.NewCard(lang.L("数据文件"), "", fileCard))
	if sh.svc.Backups != nil {
		cards.Add(widget.NewCard(lang.L("备份与恢复"), "", backup.New(sh, sh.svc.Backups).Content))
	}
	if sh.svc.Instructor != nil {
		cards.Add(widget.NewCard(lang.L("指导员"), "", instructor.New(sh, sh.svc.Instructor).Content))
	}
	cards.Add(widget.NewCard(lang.L("界面语言"), "", container.NewVBox(s.language, restart)))
	scroll := kit.NewScroll(container.NewPadded(cards))
	s.content = scroll
	s.profile.onSaved = func() { scroll.Reveal(s.profile.saveRow) }
	if s.meetings != nil {
		s.meetings.onSaved = func() { scroll.Reveal(s.meetings.saveRow) }
	}
	return s
}

// unsaved reports edits not saved in any of the screen's forms: the
// profile, 组织生活设置, or a holiday typed and not added.
func (s *settingsScreen) unsaved() bool {
	return s.profile.dirty() || s.meetings != nil && s.meetings.dirty() || s.holidays != nil && s.holidays.Dirty()
}

// discard throws those edits away.
func (s *settingsScreen) discard() {
	s.profile.load()
	if s.meetings != nil {
		s.meetings.load()
	}
	if s.holidays != nil {
		s.holidays.Discard()
	}
}
