package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/activityfile"
	"branchledger/storage/demo"
	"branchledger/storage/duesfile"
	"branchledger/storage/findings"
	"branchledger/storage/recruitfile"
	"branchledger/storage/rosterfile"
	"branchledger/ui/kit"
	"branchledger/ui/recruit"
)

// The long Chinese texts of dialogs and notices are broken into lines by
// the rules of Chinese text, at both window sizes: the rename question
// showed "有 14" alone on its first line and started one with "：", the
// 序号已改变 notice and the 建账月份 dialog started lines with "。" or "印：",
// 发展党员's empty page put "导入支部已有的发展党员台账。" under "…或从 Excel"
// (review s13-newuser #2).
func TestDialogTextsBreakByTheRules(t *testing.T) {
	for _, size := range []fyne.Size{smallWindow, largeWindow} {
		s := firstHourShell(t)
		s.win.Resize(size)
		closeAll := func() {
			for _, o := range s.win.Canvas().Overlays().List() {
				s.win.Canvas().Overlays().Remove(o)
			}
		}
		// check finds want in a kit.WrapLabel drawn now, whose lines
		// follow the rules at whatever width the dialog gets with the
		// user's fonts (a Label wrapped by Fyne broke them only at some
		// widths, not the test font's), and says where its lines break
		// against them here.
		check := func(name, want string) {
			t.Helper()
			found := false
			shown(s, func(o fyne.CanvasObject) {
				l, ok := o.(*kit.WrapLabel)
				if !ok || !strings.Contains(l.Text, want) {
					return
				}
				found = true
				w := wrappedText{l.Text, drawnLinesOf(l)}
				if len(w.lines) < 2 {
					t.Errorf("%s at %v: %q is drawn on one line; the test checks no break", name, size, want)
				}
				for _, b := range badBreaks(w) {
					t.Errorf("%s at %v: %s", name, size, b)
				}
			})
			if !found {
				t.Errorf("%s at %v: no text broken by the rules of Chinese text (kit.WrapLabel) says %q", name, size, want)
			}
		}

		// 设置: renaming the branch asks about the members' 所在党支部.
		s.show(screenSettings)
		p := s.settings.profile
		p.branchName.SetText("中共星辰科技有限公司支部委员会")
		test.Tap(p.save)
		check("更名的提问", "有14名在册党员的“所在党支部”不是")
		closeAll()

		// 党费 → 基数 → 修改建账月份…: the dialog's note and what the
		// month typed does, then the question before moving it back.
		s.confirmAs = func(title, message, yes string, onYes func()) { kit.Confirm(s.win, title, message, yes, onYes) }
		b := duesOf(t, s).bases
		test.Tap(b.startButton)
		check("建账月份", "建账月份是支部开始在本软件中记党费账的月份")
		b.startEntry.SetText("2026年1月")
		b.startEntry.FocusLost()
		check("建账月份的影响", "待补录")
		b.startEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		check("建账月份的确认", "确定修改吗")
		closeAll()

		// 活动: a save that renumbered later records.
		before := map[int64]model.Activity{
			1: {ID: 1, Kind: model.KindCommitteeMeeting, Date: model.NewDate(2026, 11, 20), Seq: 1},
			2: {ID: 2, Kind: model.KindCommitteeMeeting, Date: model.NewDate(2026, 11, 28), Seq: 2},
		}
		after := map[int64]model.Activity{
			1: {ID: 1, Kind: model.KindCommitteeMeeting, Date: model.NewDate(2026, 11, 20), Seq: 2},
			2: {ID: 2, Kind: model.KindCommitteeMeeting, Date: model.NewDate(2026, 11, 28), Seq: 3},
			3: {ID: 3, Kind: model.KindCommitteeMeeting, Date: model.NewDate(2026, 9, 20), Seq: 1},
		}
		sayRenumbered(s.win, renumberedText(before, after, 3))
		check("序号已改变", "已打印或导出的会议记录请重新打印")
		closeAll()

		// Any failure.
		s.showError("导入党员名册", errors.New("第3行“公民身份号码”校验位不正确，请核对是否输错；文件中的其他行没有导入，请改正后重新导入整个文件"))
		check("操作未完成", "校验位不正确")
		closeAll()

		// 发展党员 with nobody in it yet.
		s.show(recruit.Title)
		check("发展党员（空）", "还没有入党申请人")
	}
}

// firstHourShell is firstDayShell (14 members typed in today) with the
// 发展党员 screen.
func firstHourShell(t *testing.T) *shell {
	t.Helper()
	now := time.Date(testToday.Year, testToday.Month, testToday.Day, 10, 0, 0, 0, time.Local)
	st, err := storage.Open(filepath.Join(t.TempDir(), "d.db"), storage.WithClock(func() time.Time { now = now.Add(time.Second); return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := demo.FirstDay(st, 1, testToday); err != nil {
		t.Fatal(err)
	}
	svc := Services{Roster: st, Branch: st, Files: rosterfile.New(st), Activities: activityfile.New(st), Dues: st,
		DuesFiles: duesfile.New(st), Findings: findings.New(st), Recruiting: recruitfile.New(st),
		Today: func() model.Date { return testToday }}
	s := newShell(test.NewTempApp(t), svc, st.Path())
	s.background = func(work func()) { work() }
	s.confirm = func(_, _ string, onYes func()) { onYes() }
	s.confirmDiscard = s.confirm
	t.Cleanup(s.win.Close)
	s.recheck()
	return s
}
