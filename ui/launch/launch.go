// Package launch starts the window so that a start is never invisible. On
// PCs without a graphics driver, in virtual machines and over Remote Desktop,
// OpenGL 2.1 is often missing; Fyne then cannot make its window, and a
// double-clicked program has no console to say so. Before the window is
// made, a Guard checks (on Windows) that the driver offers OpenGL 2.1, and
// it watches the steps that touch the driver. When the window cannot be
// made, the program runs again in compatibility mode (兼容模式: Mesa's
// software OpenGL from the compat folder beside the program); when that is
// not possible either, it lets go of the data file, writes what happened to
// a log beside the data file, shows a Windows message box in Chinese and
// exits with status 2.
package launch

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"

	"branchledger/ui/cli"
)

const (
	// CompatDir is the folder beside the program that holds Mesa's
	// software OpenGL (opengl32.dll, libgallium_wgl.dll) for compatibility
	// mode. It is not beside the program itself: there Windows would load it
	// for every start, and every PC would render in software.
	CompatDir = "compat"
	// LogName is the log written beside the data file when the window
	// cannot be shown.
	LogName = "branchledger-startup.log"
	// softwareEnv, set to the first start's process id, tells the copy of
	// the program that the first start runs that it renders in software.
	// The id (checked against the copy's parent) keeps a variable set by
	// hand from being taken for it: obeyed blindly, with a damaged compat
	// folder, it told a PC with a working driver that it lacked OpenGL 2.1.
	softwareEnv = "BRANCHLEDGER_SOFTWARE_GL"
	// CheckTimeout is how long the OpenGL check may take before the driver
	// is taken to hang: loading a driver and making a context takes well
	// under a second, a few on a slow PC starting cold.
	CheckTimeout = 10 * time.Second
	// LoadTimeout is how long loading Mesa's DLLs from the compat folder
	// may take in compatibility mode: a first load from a slow USB stick,
	// scanned by security software, can take longer than the check.
	LoadTimeout = 60 * time.Second
	// ShowTimeout is how long showing the first window may take: besides
	// the driver it lays out and paints the first screen, which a busy
	// two-core laptop may take seconds over. A missing OpenGL is caught
	// at once by the check and by Show, not by this.
	ShowTimeout = 30 * time.Second
	// ExitNoWindow is the exit status when no window could be shown, as
	// for a data file that cannot be opened.
	ExitNoWindow = cli.ExitFailed
	// logLimit bounds the log: past it, the next start begins it anew.
	logLimit = 256 << 10
)

// errNoProbe is probeGL's answer where there is no check (outside Windows).
var errNoProbe = errors.New("no OpenGL check on this system")

// glInfo is what the OpenGL driver says it is.
type glInfo struct {
	Version, Renderer, Vendor string
	// Module is the opengl32.dll the process got: Mesa's in compat (whose
	// renderer is "softpipe"), or the system's when Mesa was blocked.
	Module string
}

func (i glInfo) String() string {
	s := fmt.Sprintf("OpenGL %q, renderer %q, vendor %q", i.Version, i.Renderer, i.Vendor)
	if i.Module != "" {
		s += "，opengl32.dll：" + i.Module
	}
	return s
}

// Guard starts the window of one process. Make it with New, call Prepare
// before the Fyne app is made, Show the first window through it and hand
// every failure to Fail.
type Guard struct {
	logDir   string   // where the log goes: the data file's folder
	args     []string // the command line, for the compatibility-mode run
	software bool     // this process renders with Mesa from compat
	compat   string   // the compat folder, "" when the program has none
	// checkTimeout, loadTimeout and showTimeout are CheckTimeout,
	// LoadTimeout and ShowTimeout; tests shorten them.
	checkTimeout, loadTimeout, showTimeout time.Duration
	gl                                     glInfo

	exe  string // the program's path, "" when unknown
	host string // the computer's name, which the compatibility note names

	// Seams for tests.
	runCopy     func(args []string) (int, error) // run the program in compatibility mode
	alive       func(pid int) bool               // whether a process is running
	useSoftware func(dir string) error           // load Mesa from the compat folder
	now         func() time.Time
	message     func(title, text string)
	exit        func(status int) // end the process (from the watchdog)
	hang        func()           // park a step that came back after the watchdog gave up

	mu      sync.Mutex
	release func() // lets go of the data file
	hung    bool   // a step gave up waiting for the driver (watch)
	marker  string // this start's marker (crash.go), "" when none
}

// New returns the guard of a start on a data file in logDir, with the
// program's arguments args (without the program name).
func New(logDir string, args []string) *Guard {
	g := &Guard{
		logDir:       logDir,
		args:         args,
		software:     isSoftwareCopy(),
		checkTimeout: CheckTimeout,
		loadTimeout:  LoadTimeout,
		showTimeout:  ShowTimeout,
		useSoftware:  useSoftwareGL,
		message:      showMessage,
		exit:         os.Exit,
		hang:         func() { select {} },
		alive:        alive,
		now:          time.Now,
	}
	g.runCopy = g.runSoftwareCopy
	g.host, _ = os.Hostname()
	keepOutput.Do(func() { log.SetOutput(io.MultiWriter(recentOutput, log.Writer())) })
	if exe, err := os.Executable(); err == nil {
		g.exe = exe
		dir := filepath.Join(filepath.Dir(exe), CompatDir)
		if _, err := os.Stat(filepath.Join(dir, "opengl32.dll")); err == nil {
			g.compat = dir
		}
	}
	return g
}

// isSoftwareCopy reports whether this process is the compatibility-mode
// copy a first start ran, and takes the variable out of the environment:
// what this process starts (Explorer, a viewer) is not such a copy.
func isSoftwareCopy() bool {
	v, ok := os.LookupEnv(softwareEnv)
	if !ok {
		return false
	}
	_ = os.Unsetenv(softwareEnv)
	return v == strconv.Itoa(os.Getppid())
}

// Software reports whether this process renders in software (兼容模式); the
// window's title says so.
func (g *Guard) Software() bool { return g.software }

// Prepare readies OpenGL before the Fyne app is made: in compatibility mode
// it loads Mesa from the compat folder; on Windows it checks that the driver
// makes an OpenGL 2.1 context. It runs under the watchdog (CheckTimeout).
// An error means no
// window can be shown: hand it to Fail.
//
// A normal start after one that crashed while making its window goes
// straight to compatibility mode (see crash.go).
func (g *Guard) Prepare() error {
	if err := g.earlierCrash(); err != nil {
		return err
	}
	g.markStart()
	var err error
	if g.software {
		// Loading Mesa (14 MB, from a USB stick, scanned by security
		// software on first use) is not the driver: timed apart, longer.
		g.watch("加载兼容模式的文件", g.loadTimeout, func() { err = g.loadSoftware() }, nil)
		if err != nil {
			return err
		}
	}
	g.watch("检查显卡驱动", g.checkTimeout, func() { err = g.prepare() }, nil)
	if err == nil {
		// The driver answered. Opening the data file, which comes next, is
		// not the driver: a start ended then (Task Manager, a power cut)
		// is no crash of it (review s7-10 F2). Show marks again.
		g.unmark()
	}
	return err
}

// loadSoftware loads Mesa from the compat folder.
func (g *Guard) loadSoftware() error {
	if g.compat == "" {
		return fmt.Errorf("程序旁边没有 %s 文件夹，无法使用兼容模式", CompatDir)
	}
	if err := g.useSoftware(g.compat); err != nil {
		// Loading our own files is not the driver's doing.
		return compatBroken(g.compat, err)
	}
	return nil
}

func (g *Guard) prepare() error {
	info, err := probeGL()
	if errors.Is(err, errNoProbe) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("无法建立 OpenGL 环境：%w", err)
	}
	g.gl = info
	if !atLeast21(info.Version) {
		return fmt.Errorf("显卡驱动只提供 OpenGL %q（%s），程序需要 2.1 或更高版本", info.Version, info.Renderer)
	}
	return nil
}

// glVersion is the "major.minor" that a GL_VERSION string starts with
// ("4.6.0 NVIDIA 551.86", "1.1.0", "2.1 Mesa 22.3.6").
var glVersion = regexp.MustCompile(`^\s*(\d+)\.(\d+)`)

func atLeast21(version string) bool {
	m := glVersion.FindStringSubmatch(version)
	if m == nil {
		return false
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	return major > 2 || major == 2 && minor >= 1
}

// OnGiveUp registers how to let go of the data file (close the store), for
// when the window cannot be shown after the file was opened.
func (g *Guard) OnGiveUp(release func()) {
	g.mu.Lock()
	g.release = release
	g.mu.Unlock()
}

// watch runs step, which talks to the graphics driver, on the calling
// goroutine (Fyne wants the main one). Should step not return within
// timeout — a driver that hangs — the watchdog gives up on it: it calls Fail
// and ends the process with Fail's status, so that the user is not left with
// an invisible program holding the data file. A step that comes back after
// that is parked until the process ends.
func (g *Guard) watch(what string, timeout time.Duration, step func(), late func()) {
	var mu sync.Mutex
	finished, gaveUp := false, false
	timer := time.AfterFunc(timeout, func() {
		mu.Lock()
		if finished {
			mu.Unlock()
			return
		}
		gaveUp = true
		mu.Unlock()
		g.mu.Lock()
		g.hung = true
		g.mu.Unlock()
		g.exit(g.Fail(fmt.Errorf("%s超过 %v 没有完成：显卡驱动没有响应", what, timeout)))
	})
	step()
	mu.Lock()
	finished = true
	parked := gaveUp
	mu.Unlock()
	timer.Stop()
	if parked {
		// What came back too late (a window shown after 30 s) must not
		// stay on screen, frozen, beside the compatibility-mode window
		// or the message that replaced it.
		if late != nil {
			late()
		}
		g.hang()
	}
}

// Show shows w, under the watchdog (ShowTimeout), and reports whether Fyne
// made a window for it. Fyne logs a window it cannot make ("WGL: Failed to
// create OpenGL context") and carries on without it, never to show
// anything; on false, hand the failure to Fail.
func (g *Guard) Show(w fyne.Window) bool {
	made := false
	g.watch("打开窗口", g.showTimeout, func() {
		logged := recentOutput.count()
		g.markStart() // making the window is the driver's work again
		w.Show()
		made = windowMade(w, recentOutput.since(logged))
		if made {
			g.unmark()
			fitScreen(w)
		}
	}, w.Hide)
	return made
}

// windowMade reports whether the system has a window for w, just shown;
// logged is what the program logged meanwhile. On Windows the window's
// handle says; elsewhere Fyne's log line does, since asking X11 for the
// window before the event loop runs keeps the new window from being painted.
func windowMade(w fyne.Window, logged string) bool {
	if strings.Contains(logged, fyneWindowError) {
		return false
	}
	if runtime.GOOS != "windows" {
		return true
	}
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return true // not a desktop window (tests): nothing to check
	}
	made := true
	nw.RunNative(func(ctx any) {
		if c, ok := ctx.(driver.WindowsWindowContext); ok {
			made = c.HWND != 0
		}
	})
	return made
}

// onWindows is whether the program runs on Windows, where compatibility
// mode exists; tests of the Windows messages set it.
var onWindows = runtime.GOOS == "windows"

// fyneWindowError is what Fyne v2.7.1 logs when it cannot make a window
// (internal/driver/glfw/window_desktop.go).
const fyneWindowError = "window creation error"

// Fail handles a start that cannot show its window because of cause. It
// lets go of the data file; then, if this is a normal start and the program
// has its compat folder, it runs the program again in compatibility mode
// and returns that run's exit status. Otherwise, or if that run could not
// start, it writes the log beside the data file, shows the message and
// returns ExitNoWindow.
func (g *Guard) Fail(cause error) int {
	g.mu.Lock()
	release := g.release
	g.release = nil
	g.mu.Unlock()
	if release != nil {
		release()
	}
	g.unmark()
	if !g.software && g.compat != "" {
		switched := "正常模式无法显示窗口，改用兼容模式（软件渲染）"
		if errors.Is(cause, errCrashedBefore) {
			switched = "直接使用兼容模式（软件渲染）"
		}
		// Beside the data file only: a start that goes on in
		// compatibility mode must leave no trace on the PC (%TEMP%) in
		// portable mode; the copy writes the log if it fails too.
		g.writeLogBeside(fmt.Sprintf("%s：%v", switched, cause))
		status, err := g.runCopy(g.args)
		if err == nil {
			return status
		}
		if pathTooLong(g.exe) {
			err = fmt.Errorf("%w（%d 个字符，Windows 最多 %d）：%v", errPathTooLong, len([]rune(g.exe)), maxPath-1, err)
		}
		cause = fmt.Errorf("%w；兼容模式也无法启动：%w", cause, err)
	}
	logPath := g.writeLog(fmt.Sprintf("无法显示窗口：%v", cause))
	// Both languages: the UI language is not loaded yet, and a user who
	// chose English must understand it too (review s4-10 attack #6).
	zh, en := g.explain(logPath, cause)
	g.message("支部台账 — 无法打开窗口 / Branch Ledger — cannot open a window", zh+"\n\n――――――――――\n\n"+en)
	return ExitNoWindow
}

// explain is the message box's text for a failure cause — what is wrong,
// what to do, where the detail is — in Chinese and in English (the box
// shows both: the UI language is not loaded yet). Each case says both
// languages together so that they cannot drift apart.
func (g *Guard) explain(logPath string, cause error) (zh, en string) {
	why := [2]string{"这台电脑的显卡驱动不支持支部台账需要的 OpenGL 2.1",
		"the graphics driver of this PC does not support OpenGL 2.1, which Branch Ledger needs"}
	g.mu.Lock()
	hung := g.hung
	g.mu.Unlock()
	if hung {
		// Slow, not missing: saying "does not support 2.1" would send
		// the user after the wrong cause.
		why = [2]string{"这台电脑的显卡驱动没有响应，支部台账的窗口长时间打不开",
			"the graphics driver of this PC did not respond, and Branch Ledger's window would not open"}
	}
	todo := [2]string{"请更新显卡驱动（到电脑或显卡厂商的网站下载，或请单位的电脑管理员帮忙），然后重新打开支部台账。" +
		"在远程桌面或虚拟机中使用时，也可以改在本机上打开。",
		"Update the graphics driver (from the website of the PC's or the graphics card's maker, or ask your IT administrator), then open Branch Ledger again. " +
			"In Remote Desktop or a virtual machine, you can also open it on the local PC instead."}
	switch {
	case errors.Is(cause, errCompatBroken):
		// Our own files, not the driver: the driver advice would not help.
		why[0] += "，而兼容模式（软件渲染）的文件已损坏、不完整或被安全软件拦截"
		why[1] += ", and the files of compatibility mode (software rendering) are damaged, incomplete or blocked by security software"
		todo = [2]string{"请重新复制整个程序文件夹（包括其中的 compat 文件夹），或在安全软件中允许 compat 文件夹里的文件，然后重新打开支部台账。" +
			"更新显卡驱动后，程序也就不需要兼容模式了。",
			"Copy the whole program folder again (with its compat folder), or allow the files in the compat folder in your security software, then open Branch Ledger again. " +
				"With an updated graphics driver the program does not need compatibility mode."}
	case errors.Is(cause, errPathTooLong):
		why[0] += "，而程序所在的文件夹路径太长，Windows 无法以兼容模式（软件渲染）启动它"
		why[1] += ", and the path of the program's folder is too long for Windows to start it in compatibility mode (software rendering)"
		todo = [2]string{"请把程序文件夹移到路径较短的位置（例如 D:\\支部台账），然后重新打开支部台账。",
			"Move the program folder to a shorter path (such as D:\\BranchLedger), then open Branch Ledger again."}
	case g.software:
		why[0] += "，兼容模式（软件渲染）也无法打开窗口"
		why[1] += ", and compatibility mode (software rendering) could not open a window either"
	case g.compat == "" && onWindows:
		why[0] += "；" + g.compatMissing()
		why[1] += "; the compat folder (or its opengl32.dll) is missing beside the program, so compatibility mode cannot be used"
		// Most often the exe was copied alone (to the desktop, a stick):
		// the whole folder is the cure, and the driver is second (review
		// s7-10 F4).
		todo = [2]string{"请把完整的程序文件夹（branchledger.exe、branchledger.com 和 compat 文件夹）一起复制过来，从那里打开支部台账：没有合适的显卡驱动时，程序会自动改用兼容模式。也可以更新显卡驱动。",
			"Copy the whole program folder (branchledger.exe, branchledger.com and the compat folder) and open Branch Ledger from there: without a suitable graphics driver it then switches to compatibility mode by itself. Updating the graphics driver also helps."}
	}
	where := "open a Command Prompt in the program's folder (type cmd in File Explorer's address bar and press Enter) and run:"
	if g.exe != "" {
		where = "open the program's folder (" + filepath.Dir(g.exe) + ") in File Explorer, type cmd in its address bar, press Enter, and run:"
	}
	command := [2]string{"命令行功能仍可使用：" + g.howToCommand() + "\n" + "branchledger roster export 花名册.xlsx",
		"The command line still works: " + where + "\n" + "branchledger roster export roster.xlsx"}
	if g.compat == "" && onWindows && g.exe != "" {
		// The folder is incomplete, which the advice above says first; the
		// box must still fit a 720-px screen (review s7-10 R7: 755 px with
		// the whole command paragraph in both languages).
		command = [2]string{"命令行仍可使用：在程序文件夹的地址栏输入 cmd 并回车。", "The command line still works: type cmd in the program folder's address bar."}
		if !fileExists(filepath.Join(filepath.Dir(g.exe), "branchledger.com")) {
			// Without its console twin, a command typed in cmd is not
			// waited for.
			command = [2]string{"命令行功能在完整的程序文件夹中也可以使用。", "The command line works from the whole program folder too."}
		}
	}
	zh = "支部台账无法打开窗口：" + why[0] + "。\n\n" + todo[0] + "\n\n" + "数据文件没有受到任何影响。" + command[0]
	en = "Branch Ledger cannot open its window: " + why[1] + ".\n\n" + todo[1] + "\n\n" + "The data file is untouched. " + command[1]
	if logPath != "" {
		zh += "\n\n详细情况已记录在：\n" + logPath
		en += "\n\nThe details are in:\n" + logPath
	}
	return zh, en
}

// howToCommand says where to type a command so that Windows finds the
// program: a new 命令提示符 starts in the user's folder, where
// "branchledger" is not a command (the review got 9009 following the old
// text). Typing cmd in Explorer's address bar opens one in the folder.
func (g *Guard) howToCommand() string {
	if g.exe == "" {
		return "在程序所在的文件夹中打开命令提示符（在资源管理器的地址栏输入 cmd 并回车），再运行："
	}
	return "在资源管理器中打开程序所在的文件夹（" + filepath.Dir(g.exe) + "），在地址栏输入 cmd 并回车，再运行："
}

// compatMissing says what is missing of compatibility mode: the folder, or
// its opengl32.dll (which security software may have removed).
func (g *Guard) compatMissing() string {
	if g.exe != "" {
		if fi, err := os.Stat(filepath.Join(filepath.Dir(g.exe), CompatDir)); err == nil && fi.IsDir() {
			return "程序旁边的 compat 文件夹中缺少 opengl32.dll（可能被安全软件删除，或复制时遗漏），无法改用兼容模式"
		}
	}
	return "程序旁边缺少 compat 文件夹，无法改用兼容模式"
}

// writeLog appends a dated entry to the log beside the data file (or in the
// temporary folder when that cannot be written) and returns its path, or ""
// when no log could be written.
func (g *Guard) writeLog(what string) string {
	return g.appendEntry(what, true)
}

// writeLogBeside is writeLog without the temporary folder.
func (g *Guard) writeLogBeside(what string) string {
	return g.appendEntry(what, false)
}

func (g *Guard) appendEntry(what string, orTemp bool) string {
	exe := g.exe
	mode := "正常模式"
	if g.software {
		mode = "兼容模式（软件渲染）"
	}
	gl := "（未检查）"
	if g.gl != (glInfo{}) {
		gl = g.gl.String()
	}
	entry := fmt.Sprintf("%s 支部台账 %s（%s/%s，%s）\n  程序：%s\n  兼容模式文件夹：%s\n  显卡驱动：%s\n  %s\n",
		time.Now().Format("2006-01-02 15:04:05"), cli.Version, runtime.GOOS, runtime.GOARCH, mode,
		exe, orNone(g.compat), gl, what)
	if out := recentOutput.String(); out != "" {
		entry += "  程序最后的输出：\n" + indent(out)
	}
	entry += "\n"
	for i, dir := range []string{g.logDir, os.TempDir()} {
		if dir == "" || i == 1 && !orTemp {
			continue
		}
		path := filepath.Join(dir, LogName)
		if appendLog(path, entry) == nil {
			return path
		}
	}
	return ""
}

func appendLog(path, entry string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_APPEND
	if fi, err := os.Stat(path); err == nil && fi.Size() > logLimit {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(entry)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// recentOutput keeps the end of what the program logged (Fyne logs why it
// could not make a window), for the log file: a double-clicked program's
// standard error goes nowhere.
var (
	recentOutput = &tail{limit: 4 << 10}
	keepOutput   sync.Once
)

// tail is an io.Writer that keeps the last limit bytes written to it.
type tail struct {
	mu      sync.Mutex
	limit   int
	buf     []byte
	written int // bytes written in all
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.written += len(p)
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - t.limit; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(p), nil
}

// count is how many bytes were written so far, a mark for since.
func (t *tail) count() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.written
}

// since is what was written after mark, as far as the tail still holds it.
func (t *tail) since(mark int) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := min(t.written-mark, len(t.buf))
	return string(t.buf[len(t.buf)-n:])
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ") + "\n"
}

func orNone(s string) string {
	if s == "" {
		return "（无）"
	}
	return s
}

// runSoftwareCopy runs the program again with args in compatibility mode,
// with this process's console, and returns its exit status once it ends. A
// copy that crashed (a missing DLL, say) is an error: it showed nothing.
func (g *Guard) runSoftwareCopy(args []string) (int, error) {
	if g.exe == "" {
		return 0, errors.New("找不到程序自身的路径")
	}
	cmd := exec.Command(g.exe, args...)
	cmd.Env = append(os.Environ(), softwareEnv+"="+strconv.Itoa(os.Getpid()))
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		switch code := exitErr.ExitCode(); code {
		case cli.ExitRejected, cli.ExitFailed:
			return code, nil
		default:
			return 0, fmt.Errorf("兼容模式的程序异常退出（退出码 %#x）", uint32(code))
		}
	}
	if err != nil {
		return 0, err
	}
	return 0, nil
}
