package main

// These tests drive the real binary on an X display, as a secretary would
// meet it: the window opens on a branch's data, a second copy is turned away
// without harming the file, and the start-up is timed against an empty Fyne
// window. They need $DISPLAY, xdotool and ImageMagick's import; `make test`
// runs them under Xvfb. Screen-level behaviour is tested in ui/ with Fyne's
// test driver; here we check only what that driver cannot: the process, the
// real window and the file lock between two processes.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"branchledger/storage"
)

const (
	appTitle = "支部台账" // the window title before the branch name

	// windowTimeout is how long a window may take to appear or to be drawn;
	// generous for a loaded two-core CI machine, never waited out when things
	// work.
	windowTimeout = 60 * time.Second
	// pollEvery is how often we look for a window: often enough to time a
	// start-up to a frame or so, rarely enough not to load the machine.
	pollEvery = 20 * time.Millisecond
	// exitTimeout is how long a closed window's process may take to end.
	exitTimeout = 30 * time.Second
)

// screenshotDirEnv names a folder that keeps a copy of the screenshots for
// people to look at; the tests' own copies vanish with t.TempDir.
const screenshotDirEnv = "BRANCHLEDGER_SCREENSHOT_DIR"

func TestMain(m *testing.M) {
	code := m.Run()
	benchFiles.remove()
	importBench.remove()
	os.Exit(code)
}

func TestWindowOpensAndSecondInstanceIsTurnedAway(t *testing.T) {
	requireX(t)
	holdDisplay(t)
	dir := t.TempDir()
	bin := buildProgram(t, ".", filepath.Join(dir, "branchledger"))
	env := isolatedEnv(dir)
	db := filepath.Join(dir, "ledger.db")
	runCommand(t, env, bin, "demo", "--members", "30", "--db", db)
	branch := branchName(t, db)

	// The first window is titled with the branch and draws its first screen.
	first := startProgram(t, env, bin, "--db", db)
	win := first.waitWindow(t, isApp)
	want := appTitle + " — " + branch
	if win.title != want {
		t.Errorf("window title = %q, want %q", win.title, want)
	}
	shot := waitDrawn(t, win.id, filepath.Join(dir, "main-window.png"))
	keepScreenshot(t, shot)
	checkPicture(t, shot, win.id, 800, 500)

	// A second copy on the same file gets the small error window and
	// leaves the first alone.
	second := startProgram(t, env, bin, "--db", db)
	errWin := second.waitWindow(t, isApp)
	if errWin.title != appTitle {
		t.Fatalf("second instance opened %q, want the error window titled %q; its output:\n%s", errWin.title, appTitle, tail(second.output()))
	}
	// A window just mapped on Xvfb shows what lies beneath it (here the
	// first window) until its first frame: still and many-coloured, it
	// passes for drawn. Wait for the error window's own 关闭 button.
	errShot := waitDrawn(t, errWin.id, filepath.Join(dir, "second-instance.png"))
	for deadline := time.Now().Add(windowTimeout); blueBox(errShot).Empty() && time.Now().Before(deadline); {
		time.Sleep(5 * pollEvery)
		errShot = waitDrawn(t, errWin.id, filepath.Join(dir, "second-instance.png"))
	}
	keepScreenshot(t, errShot)
	checkPicture(t, errShot, errWin.id, 300, 150)
	if out := second.output(); !strings.Contains(out, storage.ErrLocked.Error()) {
		t.Errorf("second instance did not report %q; its output:\n%s", storage.ErrLocked, tail(out))
	}
	closeButton(t, errWin.id, errShot)
	if code := second.waitExit(t); code == 0 {
		t.Errorf("second instance exited with status 0 after its error window was closed, want non-zero")
	} else {
		t.Logf("second instance exited with status %d", code)
	}

	if first.exited() {
		t.Fatalf("first instance ended while the second was turned away; its output:\n%s", tail(first.output()))
	}
	first.waitWindow(t, func(title string) bool { return title == want })

	// Fyne quits cleanly on SIGTERM, as when the window is closed.
	if err := first.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("stop first instance: %v", err)
	}
	if code := first.waitExit(t); code != 0 {
		t.Errorf("first instance exited with status %d on SIGTERM, want 0; its output:\n%s", code, tail(first.output()))
	}

	// The file is whole and free: it exports, and holds the 30 members.
	xlsx := filepath.Join(dir, "roster.xlsx")
	runCommand(t, env, bin, "roster", "export", xlsx, "--db", db)
	if fi, err := os.Stat(xlsx); err != nil || fi.Size() == 0 {
		t.Errorf("roster export wrote no workbook: %v", err)
	}
	if n := memberCount(t, db); n != 30 {
		t.Errorf("database holds %d members after the run, want 30", n)
	}
}

// BenchmarkColdStart20000 times a start of the app on a branch of 20,000
// members until its window is visible. The roster is read before the window
// is shown (newShell reads every member and builds the start screen before
// ShowAndRun; the other screens are built from that list when opened), so a
// visible window is a loaded roster. The slow checks — arrears, compliance,
// participation — start once the window is up and are not timed here.
// Should loading the members move to the background, this must wait for a
// sign from the app that the roster is in, not for the window.
func BenchmarkColdStart20000(b *testing.B) {
	requireXForBenchmark(b)
	b.StopTimer()
	holdDisplay(b)
	f := benchFiles.get(b)
	benchStart(b, f.env, func(title string) bool { return strings.HasPrefix(title, appTitle+" — ") }, f.app, "--db", f.db20000)
}

// BenchmarkColdStartEmptyWindow is the baseline: an empty Fyne window built
// the same way and found by the same polling, so that what the polling costs
// cancels out of the difference.
func BenchmarkColdStartEmptyWindow(b *testing.B) {
	requireXForBenchmark(b)
	b.StopTimer()
	holdDisplay(b)
	f := benchFiles.get(b)
	benchStart(b, f.env, func(title string) bool { return title == appTitle }, f.empty)
}

// benchStart starts the program b.N times, timing from exec to the visible
// window whose title matches, and stops it between starts. It reports
// the median too, which a stray slow start on a busy machine does not move.
func benchStart(b *testing.B, env []string, match func(title string) bool, bin string, args ...string) {
	samples := make([]time.Duration, 0, b.N)
	for range b.N {
		t0 := time.Now()
		b.StartTimer()
		p := startProgram(b, env, bin, args...)
		p.waitWindow(b, match)
		b.StopTimer()
		samples = append(samples, time.Since(t0))
		// The next start must not find the file still locked.
		p.stop(b)
	}
	slices.Sort(samples)
	b.ReportMetric(float64(samples[len(samples)/2].Microseconds())/1000, "ms-median")
}

// benchFiles are built and filled once per `go test` run, however often the
// benchmarks are called: the binaries and the 20,000-member file take
// seconds to make.
var benchFiles sharedFiles

type sharedFiles struct {
	once sync.Once
	err  error
	dir  string

	app, empty, db20000 string
	env                 []string
}

func (s *sharedFiles) get(b *testing.B) *sharedFiles {
	s.once.Do(func() {
		if s.dir, s.err = os.MkdirTemp("", "branchledger-bench-"); s.err != nil {
			return
		}
		s.env = isolatedEnv(s.dir)
		s.app = filepath.Join(s.dir, "branchledger")
		s.empty = filepath.Join(s.dir, "emptywindow")
		s.db20000 = filepath.Join(s.dir, "members20000.db")
		if s.err = goBuild(".", s.app); s.err != nil {
			return
		}
		if s.err = goBuild("./testdata/emptywindow", s.empty); s.err != nil {
			return
		}
		var out []byte
		out, s.err = command(s.env, s.app, "demo", "--members", "20000", "--db", s.db20000).CombinedOutput()
		if s.err != nil {
			s.err = fmt.Errorf("demo --members 20000: %w\n%s", s.err, tail(string(out)))
		}
	})
	if s.err != nil {
		b.Fatal(s.err)
	}
	return s
}

func (s *sharedFiles) remove() {
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// requireX stops a test that cannot reach an X display with xdotool and
// import: a skip on a developer's machine, a failure on CI, which always
// provides them.
func requireX(t *testing.T) {
	t.Helper()
	if reason := missingX(); reason != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; CI must provide them (Debian packages xvfb, xdotool, imagemagick)", reason)
		}
		t.Skipf("%s; run `make test` to get an Xvfb display", reason)
	}
}

func requireXForBenchmark(b *testing.B) {
	b.Helper()
	if reason := missingX(); reason != "" {
		b.Skipf("%s; run `make bench` to get an Xvfb display", reason)
	}
}

func missingX() string {
	if os.Getenv("DISPLAY") == "" {
		return "no X display ($DISPLAY is empty)"
	}
	for _, tool := range []string{"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			return tool + " is not installed"
		}
	}
	return ""
}

// holdDisplay keeps a client connected to the X server until the test ends.
// Xvfb, as xvfb-run starts it, resets whenever its last client leaves and
// refuses connections meanwhile: a program starting just then dies with
// "X11: Failed to open display" (16 starts in 300 of an empty Fyne window,
// none with Xvfb -noreset). The polling xdotool comes and goes, so it cannot
// be that client; an xdotool waiting for a window that never comes can.
func holdDisplay(tb testing.TB) {
	tb.Helper()
	never := fmt.Sprintf("^branchledger-test-keeps-the-display-%d$", os.Getpid())
	for try := 1; ; try++ {
		cmd := exec.Command("xdotool", "search", "--sync", "--name", never)
		done := make(chan struct{})
		if err := cmd.Start(); err != nil {
			tb.Fatal(err)
		}
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-time.After(250 * time.Millisecond): // connected and waiting
			tb.Cleanup(func() { cmd.Process.Kill(); <-done })
			return
		case <-done: // refused, most likely during a reset
			if try == 20 {
				tb.Fatalf("cannot connect to the X display %q", os.Getenv("DISPLAY"))
			}
		}
	}
}

// isolatedEnv is the environment for the programs under test, with Fyne's
// preferences and caches under dir, so that a run neither reads nor changes
// those of the person running the tests. HOME stays, for the X authority.
func isolatedEnv(dir string) []string {
	return append(os.Environ(),
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"XDG_CACHE_HOME="+filepath.Join(dir, "cache"),
		"XDG_DATA_HOME="+filepath.Join(dir, "data"),
	)
}

func buildProgram(t *testing.T, pkg, out string) string {
	t.Helper()
	if err := goBuild(pkg, out); err != nil {
		t.Fatal(err)
	}
	return out
}

// goBuild builds the package into out with the go command running this test
// (go test puts its GOROOT/bin first on PATH), from the module root.
func goBuild(pkg, out string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, b)
	}
	return nil
}

func command(env []string, bin string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.WaitDelay = time.Second
	return cmd
}

// runCommand runs a command-line use of the binary that must succeed.
func runCommand(t *testing.T, env []string, bin string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), windowTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("branchledger %s: %v\n%s", strings.Join(args, " "), err, tail(string(out)))
	}
}

func branchName(t *testing.T, db string) string {
	t.Helper()
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.Profile()
	if err != nil {
		t.Fatal(err)
	}
	if p.BranchName == "" {
		t.Fatal("demo left the branch name empty")
	}
	return p.BranchName
}

func memberCount(t *testing.T, db string) int {
	t.Helper()
	s, err := storage.Open(db)
	if err != nil {
		t.Fatalf("reopen database: %v", err)
	}
	defer s.Close()
	ms, err := s.Members()
	if err != nil {
		t.Fatalf("read members: %v", err)
	}
	return len(ms)
}

// program is a started binary whose output is kept for failure messages.
type program struct {
	cmd  *exec.Cmd
	out  *syncBuffer
	done chan struct{} // closed when the process has ended
}

// startProgram starts the binary and makes sure it is gone when the test
// ends, however the test ends.
func startProgram(tb testing.TB, env []string, bin string, args ...string) *program {
	tb.Helper()
	p := &program{cmd: command(env, bin, args...), out: &syncBuffer{}, done: make(chan struct{})}
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	tb.Cleanup(func() {
		if !p.exited() {
			p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

func (p *program) pid() int       { return p.cmd.Process.Pid }
func (p *program) output() string { return p.out.String() }

func (p *program) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// stop ends the process and waits for it. Fyne quits on SIGTERM only once
// its event loop runs, a moment after the window is shown, so how the
// process ended is not checked.
func (p *program) stop(tb testing.TB) {
	tb.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(exitTimeout):
		p.cmd.Process.Kill()
		<-p.done
	}
}

// waitExit waits for the process to end and returns its exit status.
func (p *program) waitExit(tb testing.TB) int {
	tb.Helper()
	select {
	case <-p.done:
	case <-time.After(exitTimeout):
		tb.Fatalf("%s did not end within %v; its output:\n%s", p.cmd.Path, exitTimeout, tail(p.output()))
	}
	code := p.cmd.ProcessState.ExitCode()
	if code < 0 {
		tb.Fatalf("%s ended by %v; its output:\n%s", p.cmd.Path, p.cmd.ProcessState, tail(p.output()))
	}
	return code
}

// isApp says whether a title is one of the app's windows: the main window
// (支部台账 — branch name) or the start-up error window (支部台账).
func isApp(title string) bool { return strings.HasPrefix(title, appTitle) }

// waitWindow polls for a visible window of this process whose title matches.
func (p *program) waitWindow(tb testing.TB, match func(title string) bool) window {
	tb.Helper()
	deadline := time.Now().Add(windowTimeout)
	var seen []window
	for {
		seen = visibleWindows(tb, p.pid())
		for _, w := range seen {
			if match(w.title) {
				return w
			}
		}
		if p.exited() {
			tb.Fatalf("%s ended (%v) before showing the window; its output:\n%s", p.cmd.Path, p.cmd.ProcessState, tail(p.output()))
		}
		if time.Now().After(deadline) {
			tb.Fatalf("no such window within %v (visible: %q); the program's output:\n%s", windowTimeout, seen, tail(p.output()))
		}
		time.Sleep(pollEvery)
	}
}

// window is a mapped top-level window.
type window struct{ id, title string }

// visibleWindows lists the mapped windows of a process. Filtering by process
// keeps the tests off other windows on a shared display, another copy of the
// app included. Titles are compared in Go, not by xdotool's --name: its
// regular expressions depend on the C library's locale, and with LANG naming
// a locale that is not installed a pattern with a Chinese title matched
// nothing.
func visibleWindows(tb testing.TB, pid int) []window {
	tb.Helper()
	out, err := exec.Command("xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(pid)).Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 {
		return nil // xdotool's answer for "none found"
	}
	if err != nil {
		tb.Fatalf("xdotool search: %v", err)
	}
	var ws []window
	for _, id := range strings.Fields(string(out)) {
		name, err := exec.Command("xdotool", "getwindowname", id).Output()
		if err != nil {
			continue // closed since the search
		}
		ws = append(ws, window{id, strings.TrimSuffix(string(name), "\n")})
	}
	return ws
}

func windowSize(t *testing.T, id string) (w, h int) {
	t.Helper()
	out, err := exec.Command("xdotool", "getwindowgeometry", "--shell", id).Output()
	if err != nil {
		t.Fatalf("xdotool getwindowgeometry: %v", err)
	}
	for _, line := range strings.Fields(string(out)) {
		k, v, _ := strings.Cut(line, "=")
		switch k {
		case "WIDTH":
			w, _ = strconv.Atoi(v)
		case "HEIGHT":
			h, _ = strconv.Atoi(v)
		}
	}
	return w, h
}

// screenshot is a window's picture, saved as PNG.
type screenshot struct {
	path string
	img  image.Image
}

// waitDrawn screenshots the window until two pictures in a row are alike and
// not blank: a window is mapped before its first frame is painted, and a
// first frame may still be laid out again at the window's final size. A
// window that never keeps still (a blinking cursor) is taken as it is once
// it has shown something for settleLimit.
func waitDrawn(t *testing.T, id, path string) screenshot {
	t.Helper()
	const settleLimit = 5 * time.Second
	deadline := time.Now().Add(windowTimeout)
	var prev []byte
	var drawnSince time.Time // when the window first showed more than one colour
	for {
		out, err := exec.Command("import", "-silent", "-window", id, "png:-").Output()
		if err != nil {
			t.Fatalf("import -window %s: %v", id, err)
		}
		img, err := png.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("screenshot of window %s is not a PNG: %v", id, err)
		}
		if share, _ := dominantColour(img); share < 1 {
			if drawnSince.IsZero() {
				drawnSince = time.Now()
			}
			if bytes.Equal(out, prev) || time.Since(drawnSince) > settleLimit {
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return screenshot{path, img}
			}
		}
		if time.Now().After(deadline) {
			os.WriteFile(path, out, 0o644)
			t.Fatalf("window %s showed nothing but one colour for %v (last picture: %s)", id, windowTimeout, path)
		}
		prev = out
		time.Sleep(5 * pollEvery)
	}
}

// keepScreenshot copies a screenshot to $BRANCHLEDGER_SCREENSHOT_DIR, if set.
func keepScreenshot(t *testing.T, s screenshot) {
	t.Helper()
	dir := os.Getenv(screenshotDirEnv)
	if dir == "" {
		return
	}
	b, err := os.ReadFile(s.path)
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, filepath.Base(s.path)), b, 0o644)
	}
	if err != nil {
		t.Errorf("keep screenshot in %s: %v", dir, err)
		return
	}
	t.Logf("screenshot: %s", filepath.Join(dir, filepath.Base(s.path)))
}

// checkPicture wants the screenshot to be the whole window, at least minW×minH,
// with something drawn on it: text and widgets give many colours, no one
// colour covering almost everything.
func checkPicture(t *testing.T, s screenshot, id string, minW, minH int) {
	t.Helper()
	w, h := windowSize(t, id)
	size := s.img.Bounds().Size()
	if size.X != w || size.Y != h {
		t.Errorf("%s is %dx%d, the window %dx%d", s.path, size.X, size.Y, w, h)
	}
	if size.X < minW || size.Y < minH {
		t.Errorf("%s is %dx%d, want at least %dx%d", s.path, size.X, size.Y, minW, minH)
	}
	share, colours := dominantColour(s.img)
	if share > 0.98 || colours < 16 {
		t.Errorf("%s looks empty: one colour covers %.1f%% of it, %d colours in all", s.path, 100*share, colours)
	}
}

// dominantColour is the share of the picture covered by its most common
// colour, and the number of colours.
func dominantColour(img image.Image) (share float64, colours int) {
	counts := map[[4]uint32]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			counts[[4]uint32{r, g, bl, a}]++
		}
	}
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	if total := b.Dx() * b.Dy(); total > 0 {
		share = float64(most) / float64(total)
	}
	return share, len(counts)
}

// closeButton clicks the error window's 关闭, found as the one block of the
// theme's primary blue (a HighImportance button) in the screenshot.
func closeButton(t *testing.T, win string, s screenshot) {
	t.Helper()
	box := blueBox(s)
	if box.Empty() {
		t.Fatalf("no 关闭 button (a block of primary blue) in %s", s.path)
	}
	c := box.Min.Add(box.Size().Div(2)).Sub(s.img.Bounds().Min)
	out, err := exec.Command("xdotool", "mousemove", "--window", win, strconv.Itoa(c.X), strconv.Itoa(c.Y), "click", "1").CombinedOutput()
	if err != nil {
		t.Fatalf("xdotool click on 关闭: %v\n%s", err, out)
	}
}

// blueBox is the bounds of the theme's primary blue in a screenshot, empty
// when there is no block of it the size of a button.
func blueBox(s screenshot) image.Rectangle {
	box := image.Rectangle{}
	b := s.img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := s.img.At(x, y).RGBA()
			if bl>>8 > 200 && r>>8 < 100 && g>>8 > 80 && g>>8 < 180 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	if box.Dx() < 20 || box.Dy() < 15 {
		return image.Rectangle{}
	}
	return box
}

// syncBuffer is a bytes.Buffer that a process's output can be written to
// while a test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// tail is the end of a long output, enough to see why a program failed.
func tail(s string) string {
	const keep = 4000
	if len(s) > keep {
		return "…" + s[len(s)-keep:]
	}
	return s
}

// --db naming a folder that does not exist (a typing slip, a USB drive now
// under another letter) is said at start, not made into a new empty ledger
// in new folders; a new file in an existing folder is still made (review
// s3-10 attack #8).
func TestAMissingFolderInDbIsSaid(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "打错的 文件夹", "子目录", "台账.db")
	err := storage.CheckFolder(typo)
	if err == nil || !strings.Contains(err.Error(), "不存在") || !strings.Contains(err.Error(), filepath.Join(dir, "打错的 文件夹", "子目录")) {
		t.Errorf("missing folder: %v", err)
	}
	if _, serr := os.Stat(filepath.Join(dir, "打错的 文件夹")); serr == nil {
		t.Error("the folder was made")
	}
	if err := storage.CheckFolder(filepath.Join(dir, "新台账.db")); err != nil {
		t.Errorf("a new file in an existing folder: %v", err)
	}
}
