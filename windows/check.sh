#!/usr/bin/env bash
# make windows-check: runs the Windows build in dist/ under Wine, as issue 10
# asks, in a fresh Wine prefix with a Chinese locale, from the folder
# C:\党建 资料\ (Chinese characters and a space):
#
#   1. the console twin: `branchledger version`, and a failing command typed
#      in cmd returns its status;
#   2. roster import and export through the twin;
#   3. portable mode: a data folder beside the program takes the data file,
#      the preferences and the font index, and the user's profile stays clean;
#   4. the window on a 1366×768 display with OpenGL (screenshot);
#   5. OpenGL 1.1 only (MESA_GL_VERSION_OVERRIDE=1.1): a window or a message
#      box within 15 s, and no process left once it is closed;
#   6. a display without OpenGL at all: the compatibility-mode window, the
#      time to switch screens and to scroll the roster of 50 members.
#
#   windows/check.sh DIST OUT
#
# Screenshots, logs and the Wine prefix go to OUT. Prints PASS/FAIL lines and
# a summary; exits 1 if anything failed. Needs wine, xvfb, xdotool,
# imagemagick and mingw-w64 (installed when missing, on Debian).
set -uo pipefail

dist=$(cd "${1:?usage: windows/check.sh DIST OUT}" && pwd)
out=$(mkdir -p "${2:?usage: windows/check.sh DIST OUT}" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

need=
for p in wine xvfb xdotool imagemagick gcc-mingw-w64-x86-64 locales; do
	dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || need="$need $p"
done
if [ -n "$need" ]; then
	lock=/work/.apt.lock; [ -w "$(dirname "$lock")" ] || lock=/tmp/branchledger-apt.lock
	flock "$lock" apt-get update -q && flock "$lock" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need
fi
if ! locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$'; then
	localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
fi

rm -rf "$out"/* && mkdir -p "$out/home"
export HOME="$out/home" WINEPREFIX="$out/wineprefix" WINEDEBUG=-all WINEARCH=win64
export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8
# Mono and Gecko are not needed and would ask to be downloaded; our
# bcryptprimitives.dll (native) must win over Wine's. opengl32=n,b makes
# Wine do what Windows does with compat\opengl32.dll loaded by its full
# path (take that file); by default Wine substitutes its own builtin for any
# opengl32.dll. Loaded by name, opengl32 still comes from Wine (system32
# holds only its placeholder), as on Windows from the driver.
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b;opengl32=n,b"

failures=0 passes=0
pass() { echo "PASS $*"; passes=$((passes + 1)); }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

pids=()
cleanup() {
	wineserver -k 2>/dev/null
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
}
trap cleanup EXIT

# start_x NAME ARGS…: an Xvfb server; sets $NAME to its display.
start_x() {
	local var=$1 fifo
	shift
	fifo=$(mktemp -u)
	mkfifo "$fifo"
	Xvfb -displayfd 3 -nolisten tcp "$@" 3>"$fifo" >/dev/null 2>&1 &
	pids+=($!)
	local n
	read -r n <"$fifo"
	rm -f "$fifo"
	printf -v "$var" ':%s' "$n"
}
start_x GL_DISPLAY -screen 0 1366x768x24
start_x NOGL_DISPLAY -screen 0 1366x768x24 -extension GLX
export DISPLAY=$GL_DISPLAY
echo "displays: $GL_DISPLAY (OpenGL), $NOGL_DISPLAY (no GLX)"

echo "== Wine prefix"
wineboot -i >"$out/wineboot.log" 2>&1
wineserver -w
sys32="$WINEPREFIX/drive_c/windows/system32"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" \
	"$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
user_dir=$(ls -d "$WINEPREFIX/drive_c/users/"*/ | grep -v Public | head -1)
appdata="$user_dir/AppData/Roaming"
localappdata="$user_dir/AppData/Local"

winapp='C:\党建 资料'
app="$WINEPREFIX/drive_c/党建 资料"
mkdir -p "$app"
cp -r "$dist"/. "$app/"
# The sample roster is the project's shared one (../shared beside the
# repository, as the Go tests expect it); SHARED points elsewhere.
sample="${SHARED:-$root/../shared}/samples/roster_messy_example.xlsx"
if [ ! -f "$sample" ]; then
  echo "windows-check: the sample roster $sample is missing; set SHARED to the project's shared folder" >&2
  exit 2
fi
cp "$sample" "$app/花名册 样例.xlsx"
mkdir -p "$app/测试 数据"
db="$winapp"'\测试 数据\ledger.db'
echo "program folder: $winapp"
ls -la "$app" | sed 's/^/  /'

# twin ARGS…: the console twin, its output in $twin_out and status in $twin_status.
twin() {
	twin_out=$(cd "$app" && timeout 300 wine "$winapp\\branchledger.com" "$@" 2>&1)
	twin_status=$?
}

echo "== 1. console twin"
twin version
echo "  branchledger.com version → $twin_out (status $twin_status)"
if [ "$twin_status" = 0 ] && grep -q "$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' "$root/FyneApp.toml")" <<<"$twin_out"; then
	pass "version prints the version"
else
	fail "version: status $twin_status, output $twin_out"
fi
# cmd's own words come in the console code page (GBK), ours in UTF-8.
typed=$(cd "$app" && timeout 300 wine cmd /c "branchledger roster import 没有这个文件.xlsx --db x.db & echo 退出码=%ERRORLEVEL%" 2>&1 |
	while IFS= read -r line; do iconv -f UTF-8 -t UTF-8 <<<"$line" 2>/dev/null || iconv -f GB18030 -t UTF-8 -c <<<"$line"; done)
echo "$typed" | sed 's/^/  cmd> /'
if grep -q '退出码=2' <<<"$typed"; then
	pass "typed in cmd, a failing command is waited for and returns status 2"
else
	fail "typed in cmd: no 退出码=2"
fi

echo "== 2. roster import and export"
twin roster import "$winapp\\花名册 样例.xlsx" --db "$db" --skip-invalid
echo "$twin_out" | tail -3 | sed 's/^/  /'
if [ "$twin_status" = 0 ] && grep -q '^imported [1-9]' <<<"$twin_out"; then
	pass "roster import (status 0, $(grep '^imported' <<<"$twin_out"))"
else
	fail "roster import: status $twin_status"
fi
twin demo --members 50 --db "$winapp"'\测试 数据\demo50.db'
mkdir -p "$app/导出 文件"
twin roster export "$winapp"'\导出 文件\花名册 导出.xlsx' --db "$db"
export_file="$app/导出 文件/花名册 导出.xlsx"
if [ "$twin_status" = 0 ] && [ -s "$export_file" ]; then
	pass "roster export ($(stat -c %s "$export_file") bytes)"
	cp "$export_file" "$out/roster-export.xlsx"
else
	fail "roster export: status $twin_status, $twin_out"
fi

# window_of PATTERN SECONDS: the X window whose name matches, waited for.
window_of() {
	local deadline=$(($(date +%s) + $2)) id
	while [ "$(date +%s)" -lt "$deadline" ]; do
		id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1)
		if [ -n "$id" ]; then
			echo "$id"
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# shot NAME: a screenshot of the whole display.
shot() { import -window root "$out/$1.png" && echo "  screenshot $out/$1.png"; }

# settle MS_START REGION BEFORE: waits until the region differs from
# BEFORE and then holds still; prints the ms to the first capture that
# shows a change and to the last (an upper bound: the change happened
# after the capture before it started).
region_hash() { import -window root -crop "$1" -depth 8 rgb:- 2>/dev/null | md5sum | cut -c1-16; }
settle() {
	local start=$1 region=$2 before=$3 h first="" last="" same=0 t
	for _ in $(seq 1 300); do
		# The time a capture starts, not ends: the picture is the screen as
		# it was then, and a capture takes ~85 ms that is not the app's.
		t=$(now_ms)
		h=$(region_hash "$region")
		if [ "$h" != "$before" ]; then
			[ -z "$first" ] && first=$((t - start))
			last=$((t - start))
			before=$h
			same=0
		elif [ -n "$first" ]; then
			same=$((same + 1))
			[ $same -ge 3 ] && break
		fi
	done
	echo "${first:-none} ${last:-none}"
}

# cpu_ticks: the user and system CPU time so far of the program's
# processes (the first start and its 兼容模式 copy), in clock ticks
# (/proc/PID/stat fields 14 and 15, after the name in parentheses).
cpu_ticks() {
	local p
	for p in $(own_programs); do
		sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null
	done | awk '{n += $12 + $13} END {print n + 0}'
}

# own_programs: the process ids of this check's own copies of the program
# (the .exe, the .com and Wine's launcher for them, all in this Wine
# prefix). On a shared machine other sessions' Wine programs and builds
# (cmd/console's test builds a branchledger.exe) match the name too, and
# made "a process is left" fail for processes that were not ours.
own_programs() {
	local p
	for p in $(pgrep -f 'branchledger\.(exe|com)'); do
		tr '\0' '\n' 2>/dev/null <"/proc/$p/environ" | grep -qxF "WINEPREFIX=$WINEPREFIX" && echo "$p"
	done
}

# no_program_left SECONDS: waits up to SECONDS for every copy of the
# program to end and says how long it took. When one is still there it
# names it and watches it 60 s longer, to tell a slow exit (a loaded
# machine) from one that never comes (a process holding the data file).
no_program_left() {
	local limit=$((${1:-10} * 1000)) start left p
	start=$(now_ms)
	while :; do
		left=$(own_programs)
		if [ -z "$left" ]; then
			echo "  every process ended $(($(now_ms) - start)) ms after the window closed (load $(cut -d' ' -f1 /proc/loadavg))"
			return 0
		fi
		[ $(($(now_ms) - start)) -ge "$limit" ] && break
		sleep 0.2
	done
	for p in $left; do
		echo "  left after $((limit / 1000)) s: $p $(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline")(state $(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | cut -d' ' -f1), load $(cut -d' ' -f1 /proc/loadavg))"
	done
	while [ -n "$(own_programs)" ] && [ $(($(now_ms) - start)) -lt $((limit + 60000)) ]; do sleep 0.5; done
	if [ -z "$(own_programs)" ]; then
		echo "  … ended $(($(now_ms) - start)) ms after the window closed"
	else
		echo "  … still running $(($(now_ms) - start)) ms after the window closed"
	fi
	return 1
}

close_window() { xdotool key --window "$1" alt+F4 2>/dev/null; }

echo "== 3. portable mode"
mkdir -p "$app/data"
before=$(find "$appdata" "$localappdata" -type f 2>/dev/null | sort)
(cd "$app" && wine "$winapp\\branchledger.exe" >"$out/portable.log" 2>&1) &
if win=$(window_of '^支部台账' 90); then
	sleep 3
	shot portable-window
	close_window "$win"
	no_program_left 30 || fail "portable: the program did not end when its window was closed"
	after=$(find "$appdata" "$localappdata" -type f 2>/dev/null | sort)
	new=$(comm -13 <(echo "$before") <(echo "$after") | grep -i -e fyne -e font_index -e branchledger)
	[ -f "$app/data/branchledger.db" ] && pass "portable: the data file is data\\branchledger.db" || fail "portable: no data\\branchledger.db"
	[ -d "$app/data/cache" ] && pass "portable: the font index is under data\\cache" || fail "portable: no data\\cache"
	if [ -z "$new" ] && [ ! -e "$appdata/fyne" ]; then
		pass "portable: nothing of the app's in %AppData% or %LocalAppData%"
	else
		fail "portable: traces in the profile: $new $(ls -d "$appdata/fyne" 2>/dev/null)"
	fi
else
	fail "portable: no window within 90 s"
	tail -5 "$out/portable.log"
fi
wineserver -k; wineserver -w
rm -rf "$app/data"

echo "== 4. the window with OpenGL, 1366×768"
start=$(now_ms)
(cd "$app" && wine "$winapp\\branchledger.exe" --db "$winapp"'\测试 数据\demo50.db' >"$out/window.log" 2>&1) &
if win=$(window_of '^支部台账 — ' 90); then
	echo "  window after $(($(now_ms) - start)) ms: $(xdotool getwindowname "$win")"
	sleep 3
	shot window-gl
	pass "window with OpenGL"
	close_window "$win"
	no_program_left 30 && pass "closed: no process left" || fail "window: a process is left after closing"
else
	fail "no window within 90 s"
	tail -5 "$out/window.log"
fi
wineserver -k; wineserver -w

echo "== 5. OpenGL 1.1 only (MESA_GL_VERSION_OVERRIDE=1.1)"
start=$(now_ms)
(cd "$app" && MESA_GL_VERSION_OVERRIDE=1.1 wine "$winapp\\branchledger.exe" --db "$db" >"$out/gl11.log" 2>&1) &
if win=$(window_of '兼容模式|无法打开窗口' 15); then
	took=$(($(now_ms) - start))
	name=$(xdotool getwindowname "$win")
	echo "  after $took ms: «$name»"
	sleep 1
	shot gl11
	pass "OpenGL 1.1: «$name» within 15 s ($took ms)"
	if grep -q 无法打开窗口 <<<"$name"; then
		xdotool key --window "$win" Return
	else
		close_window "$win"
	fi
	no_program_left 10 && pass "OpenGL 1.1: no process left once it is closed" || fail "OpenGL 1.1: a process is left"
	log="$app/测试 数据/branchledger-startup.log"
	[ -f "$log" ] && sed 's/^/  log> /' "$log"
else
	fail "OpenGL 1.1: neither a window nor a message within 15 s"
	tail -5 "$out/gl11.log"
fi
wineserver -k; wineserver -w

echo "== 6. no OpenGL at all: compatibility mode"
export DISPLAY=$NOGL_DISPLAY
start=$(now_ms)
(cd "$app" && wine "$winapp\\branchledger.exe" --db "$winapp"'\测试 数据\demo50.db' >"$out/software.log" 2>&1) &
if win=$(window_of '兼容模式|无法打开窗口' 15); then
	took=$(($(now_ms) - start))
	name=$(xdotool getwindowname "$win")
	echo "  after $took ms: «$name»"
	if grep -q 兼容模式 <<<"$name"; then
		pass "no OpenGL: compatibility-mode window within 15 s ($took ms)"
		sleep 5
		shot software-home
		eval "$(xdotool getwindowgeometry --shell "$win")"
		# The content to the right of the navigation, and the navigation's
		# second row (党员, the roster).
		region="$((WIDTH - 200))x$((HEIGHT - 60))+$((X + 180))+$((Y + 30))"
		before=$(region_hash "$region")
		c0=$(cpu_ticks)
		t0=$(now_ms)
		xdotool mousemove $((X + 60)) $((Y + 62)) click 1
		read -r first last < <(settle "$t0" "$region" "$before")
		c1=$(cpu_ticks)
		echo "  screen switch to the roster: first change after ${first} ms, settled after ${last} ms (app CPU $(((c1 - c0) * 1000 / $(getconf CLK_TCK))) ms, load $(cut -d' ' -f1 /proc/loadavg))"
		shot software-roster
		if [ "$last" != none ] && [ "$last" -le 500 ]; then
			pass "screen switch in software mode ≤ 0.5 s (${last} ms)"
		else
			fail "screen switch in software mode: ${last} ms"
		fi
		xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2))
		before=$(region_hash "$region")
		t0=$(now_ms)
		xdotool click --repeat 10 --delay 50 5
		sent=$(($(now_ms) - t0))
		read -r first last < <(settle "$t0" "$region" "$before")
		echo "  10 wheel steps sent over ${sent} ms: first change after ${first} ms, settled after ${last} ms"
		shot software-scrolled
		if [ "$last" != none ] && [ "$last" -le $((sent + 500)) ]; then
			pass "roster scrolls in step with the wheel (settled $((last - sent)) ms after the last step)"
		else
			fail "roster scrolling lags: settled after ${last} ms for wheel steps sent over ${sent} ms"
		fi
		# A focused field with the user doing nothing: in software
		# rendering every frame is painted on the CPU, so an animated
		# cursor keeps a core busy (launch.Still turns animations off).
		xdotool mousemove $((X + 400)) $((Y + 22)) click 1
		sleep 2
		t0=$(cpu_ticks)
		sleep 5
		t1=$(cpu_ticks)
		busy=$(((t1 - t0) * 100 / (5 * $(getconf CLK_TCK))))
		echo "  a focused search field, nothing typed: ${busy}% of a core over 5 s"
		if [ "$busy" -le 10 ]; then
			pass "idle with a focused field in software mode: ${busy}% of a core (≤ 10%)"
		else
			fail "idle with a focused field in software mode keeps ${busy}% of a core busy"
		fi
		# The first visit to every other screen, down the navigation
		# (window y of each row; 党员 was above): 首页 活动 党费 发展党员
		# 组织关系 设置 帮助.
		worst=0 worst_name=""
		for row in 21:首页 98:活动 136:党费 174:发展党员 213:组织关系 251:设置 289:帮助; do
			y=${row%%:*} name=${row#*:}
			before=$(region_hash "$region")
			c0=$(cpu_ticks)
			t0=$(now_ms)
			xdotool mousemove $((X + 60)) $((Y + y)) click 1
			read -r first last < <(settle "$t0" "$region" "$before")
			c1=$(cpu_ticks)
			# The app's own CPU time over the switch (and the ~0.3 s of
			# captures that saw it hold still): a loaded machine stretches
			# the wall time, not this.
			echo "  screen switch to ${name}: first change after ${first} ms, settled after ${last} ms (app CPU $(((c1 - c0) * 1000 / $(getconf CLK_TCK))) ms, load $(cut -d' ' -f1 /proc/loadavg))"
			[ "$last" = none ] && last=99999
			if [ "$last" -gt "$worst" ]; then
				worst=$last worst_name=$name
			fi
		done
		shot software-last-screen
		if [ "$worst" -le 500 ]; then
			pass "every other screen's first switch in software mode ≤ 0.5 s (slowest ${worst_name} ${worst} ms)"
		else
			fail "screen switch in software mode: ${worst_name} took ${worst} ms"
		fi
	else
		fail "no OpenGL: a message box instead of the compatibility-mode window"
		shot software-message
	fi
	close_window "$win"
	xdotool key --window "$win" Return 2>/dev/null
	no_program_left 10 && pass "no OpenGL: no process left once it is closed" || fail "no OpenGL: a process is left"
else
	fail "no OpenGL: neither a window nor a message within 15 s"
	tail -5 "$out/software.log"
fi

echo
echo "windows-check: $passes passed, $failures failed"
[ "$failures" = 0 ]
