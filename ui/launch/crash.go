package launch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// A driver that crashes the program while the window is being made (a
// half-removed or broken driver) leaves no log and no message: the process
// is gone before anything can be said, and every later start would vanish
// the same way. So a normal start leaves a marker beside the data file
// while it talks to the driver (the check in Prepare, the window in Show;
// not while it opens the data file in between, where a start ended by the
// user or a power cut is no sign of the driver), and takes it away once the
// driver has answered or the failure is handled. A start that finds the
// marker of a start that is no longer running goes straight to
// compatibility mode, and keeps doing so for CompatFor, as the note says: a
// file a user can read, and delete to try the normal start again (设置 has
// a button for it). The note names the computer: on a USB stick, it keeps
// that PC in compatibility mode, not every PC the stick goes to.
const (
	// markerPrefix, followed by the process id, names a start's marker.
	markerPrefix = ".branchledger-starting-"
	// CompatNote starts the name of the file beside the data file that
	// keeps a computer's starts in compatibility mode after a crash; the
	// computer's name and ".txt" follow (NoteFor).
	CompatNote = "branchledger-兼容模式"
	// CompatFor is how long the starts stay in compatibility mode after a
	// crash, before the normal start is tried again (a driver updated
	// meanwhile).
	CompatFor = 7 * 24 * time.Hour
	// markerStale is the age past which a marker is a crash whatever its
	// process id: a start ends within CheckTimeout and ShowTimeout.
	markerStale = 2 * time.Minute
)

// errCrashedBefore is why a start goes straight to compatibility mode.
var errCrashedBefore = errors.New("上次以正常模式启动时，程序在打开窗口的过程中意外退出（可能是显卡驱动的问题，也可能是程序被结束或电脑断电），所以直接使用兼容模式")

// earlierCrash returns errCrashedBefore, naming the note, when an earlier
// normal start crashed (within CompatFor), nil otherwise. It only applies to
// a normal start that has compatibility mode to go to.
func (g *Guard) earlierCrash() error {
	if g.software || g.compat == "" || g.logDir == "" {
		return nil
	}
	note := NoteFor(g.logDir, g.host)
	if fi, err := os.Stat(note); err == nil {
		if g.now().Sub(fi.ModTime()) < CompatFor {
			return fmt.Errorf("%w（删除 %s 可以恢复正常模式）", errCrashedBefore, note)
		}
		_ = os.Remove(note)
	}
	entries, _ := os.ReadDir(g.logDir)
	for _, e := range entries {
		pid, err := strconv.Atoi(strings.TrimPrefix(e.Name(), markerPrefix))
		if !strings.HasPrefix(e.Name(), markerPrefix) || err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil || g.alive(pid) && g.now().Sub(info.ModTime()) < markerStale {
			continue // a start going on now (a second double-click)
		}
		_ = os.Remove(filepath.Join(g.logDir, e.Name()))
		until := g.now().Add(CompatFor).Format("2006-01-02 15:04")
		text := "支部台账上次以正常模式启动时，在打开窗口的过程中意外退出，没有留下任何提示（可能是显卡驱动的问题，也可能是程序被结束或电脑断电）。\r\n" +
			"所以在 " + until + " 之前，支部台账在这台电脑上直接以兼容模式（软件渲染）启动：窗口标题会写着“兼容模式”，画面会慢一些。\r\n" +
			"要立即再试正常模式：删除这个文件，或在“设置”→“数据文件”中点“下次启动时先试正常模式”。\r\n"
		if err := os.WriteFile(note, []byte(text), 0o644); err != nil {
			return errCrashedBefore
		}
		return fmt.Errorf("%w（删除 %s 可以恢复正常模式）", errCrashedBefore, note)
	}
	return nil
}

// NoteFor is the path of the note that keeps the computer named host in
// compatibility mode, in the data file's folder dir.
func NoteFor(dir, host string) string {
	host = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, host)
	if host == "" {
		return filepath.Join(dir, CompatNote+".txt")
	}
	return filepath.Join(dir, CompatNote+"（"+host+"）.txt")
}

// Note is the note keeping this computer in compatibility mode beside the
// data file in dir, "" when there is none: what 设置 offers to delete.
func Note(dir string) string {
	if dir == "" {
		return ""
	}
	host, _ := os.Hostname()
	if note := NoteFor(dir, host); fileExists(note) {
		return note
	}
	return ""
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// markStart leaves this start's marker, before a call into the driver.
func (g *Guard) markStart() {
	if g.software || g.compat == "" || g.logDir == "" {
		return
	}
	path := filepath.Join(g.logDir, markerPrefix+strconv.Itoa(os.Getpid()))
	if os.WriteFile(path, nil, 0o644) == nil {
		g.mu.Lock()
		g.marker = path
		g.mu.Unlock()
	}
}

// unmark takes this start's marker away: its window is shown, or its
// failure is being handled.
func (g *Guard) unmark() {
	g.mu.Lock()
	path := g.marker
	g.marker = ""
	g.mu.Unlock()
	if path != "" {
		_ = os.Remove(path)
	}
}
