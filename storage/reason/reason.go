// Package reason says in Chinese why an operation on a file failed — a full
// disk, a write-protected drive, a pulled USB stick, a damaged database —
// whether the operating system or SQLite said so. It is the one place that
// translates those errors: every file the app writes or opens (data files,
// backups, packages, exports) words its failures through it, so that the
// user reads one Chinese sentence and never the system's English, a Go
// error chain or the name of a hidden temporary file. The detail is not
// lost: an *Error keeps it for errors.Is and for the log (see Detail).
package reason

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"syscall"

	gosqlite "github.com/glebarez/go-sqlite"
)

// Error is a failure told to the user: Error() is the sentence, Unwrap the
// system's or SQLite's error, for errors.Is and the log.
type Error struct {
	Msg string
	Err error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// Wrap is the error "what：why" for a failure err of what the user was
// doing or of which file ("无法保存 D:\花名册.xlsx"), why being Of(err).
func Wrap(what string, err error) error {
	return &Error{Msg: what + "：" + Of(err), Err: err}
}

// InUse reports whether err is the system refusing a file because another
// program has it open (Windows: ERROR_SHARING_VIOLATION 32 and
// ERROR_LOCK_VIOLATION 33, as from a sync client, a backup or an antivirus
// reading the file; elsewhere EBUSY and ETXTBSY).
func InUse(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && errnoReasons[errno] == reasonInUse
}

// Of says in Chinese why a file operation failed, for the failures a
// secretary can do something about: a full disk, a write-protected drive, a
// folder without permission, a missing file or folder, a drive pulled out,
// a file held by another program or window, a damaged database. Anything
// else is "读写文件出错" (or "数据库出错" for SQLite). An error already told
// to the user (an *Error) gives its own sentence.
func Of(err error) string {
	var se *gosqlite.Error
	if errors.As(err, &se) {
		return sqliteReason(se.Code())
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if r, ok := errnoReasons[errno]; ok {
			return r
		}
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return reasonPermission
	case errors.Is(err, fs.ErrNotExist):
		return reasonNotFound
	case errors.Is(err, fs.ErrExist):
		return reasonExists
	}
	var re *Error
	if errors.As(err, &re) {
		return re.Msg
	}
	return reasonOther
}

// SQLite's primary result codes told apart.
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteNoMem    = 7
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

func sqliteReason(code int) string {
	switch code & 0xff {
	case sqliteBusy, sqliteLocked:
		return "文件正由另一个支部台账程序使用（一个窗口，或一条还在运行的命令）"
	case sqliteNoMem:
		return reasonNoMem
	case sqliteReadOnly:
		return reasonReadOnly
	case sqliteIOErr:
		return reasonIO
	case sqliteCorrupt, sqliteNotADB:
		return "文件已损坏"
	case sqliteFull:
		return reasonFull
	case sqliteCantOpen:
		return "无法打开或创建文件（文件夹是否存在、是否可以写入？）"
	}
	return "数据库出错"
}

const (
	reasonFull       = "磁盘空间已满，请删除一些文件或换一个位置"
	reasonReadOnly   = "这个位置是只读的（U盘是否有写保护？），请换一个位置"
	reasonPermission = "没有读写这个位置的权限，请换一个位置（例如“文档”或桌面）"
	reasonNotFound   = "找不到这个文件或文件夹（U盘是否已拔出？）"
	reasonIO         = "读写出错（U盘是否已拔出或接触不良？）"
	reasonInUse      = "文件正被别的程序使用，请关闭它后重试"
	reasonTooLong    = "文件名或路径太长，请换一个短一些的名字或位置"
	reasonLoop       = "路径中的快捷方式（符号链接）互相指向，无法打开"
	reasonIsDir      = "这是一个文件夹，不是文件"
	reasonExists     = "这个位置已经有同名的文件"
	reasonNoMem      = "内存不足，请关闭其他程序后重试"
	reasonQuota      = reasonFull
	reasonOther      = "读写文件出错"
)

// ReadOnly reports whether err is a write-protected drive or a read-only
// place, by the system's or SQLite's word.
func ReadOnly(err error) bool { return Of(err) == reasonReadOnly }

// NoPermission reports whether err is the system refusing access to a
// file or folder.
func NoPermission(err error) bool { return Of(err) == reasonPermission }

// IsFull reports whether err is a full disk (or quota), by the system's or
// SQLite's word.
func IsFull(err error) bool {
	var se *gosqlite.Error
	if errors.As(err, &se) {
		return se.Code()&0xff == sqliteFull
	}
	var errno syscall.Errno
	return errors.As(err, &errno) && errnoReasons[errno] == reasonFull
}

// Detail is err for the log: its sentence followed by the technical detail
// each *Error in its chain keeps out of the sentence.
func Detail(err error) string {
	if err == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(err.Error())
	for e := err; e != nil; e = errors.Unwrap(e) {
		if re, ok := e.(*Error); ok && re.Err != nil {
			fmt.Fprintf(&b, " [%s]", re.Err.Error())
		}
	}
	return b.String()
}

// Integrity turns the lines of SQLite's integrity_check (or quick_check)
// into what they mean for the data file, in Chinese, one line per kind of
// damage and place, with how often it was found: "索引 dues_payments_member
// 与表中的记录不一致（3 处）". SQLite's own words stay in the log.
func Integrity(lines []string) []string {
	var out []string
	count := map[string]int{}
	for _, raw := range lines {
		for l := range strings.SplitSeq(raw, "\n") {
			l = strings.TrimSpace(l)
			if l == "" || l == "ok" || strings.HasPrefix(l, "*** in database") {
				continue
			}
			t := integrityLine(l)
			if count[t] == 0 {
				out = append(out, t)
			}
			count[t]++
		}
	}
	for i, t := range out {
		if n := count[t]; n > 1 {
			out[i] = fmt.Sprintf("%s（%d 处）", t, n)
		}
	}
	return out
}

// constraintLine is a finding of SQLite's integrity or quick check about a
// record against its table's NOT NULL or CHECK constraint, not about the
// file's structure.
var constraintLine = regexp.MustCompile(`^(?:NULL value in \w+\.\w+|CHECK constraint failed in \w+)$`)

// OnlyConstraints reports whether every finding of SQLite's integrity or
// quick check in lines is about a record against its constraints: a
// well-formed file that holds what its schema forbids.
func OnlyConstraints(lines []string) bool {
	n := 0
	for _, raw := range lines {
		for l := range strings.SplitSeq(raw, "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "*** in database") {
				continue
			}
			if !constraintLine.MatchString(l) {
				return false
			}
			n++
		}
	}
	return n > 0
}

var integrityPatterns = []struct {
	re   *regexp.Regexp
	text func(m []string) string
}{
	{regexp.MustCompile(`(?:row \d+ missing from|wrong # of entries in) index (\S+)`),
		func(m []string) string { return "索引 " + m[1] + " 与表中的记录不一致" }},
	{regexp.MustCompile(`non-unique entry in index (\S+)`),
		func(m []string) string { return "索引 " + m[1] + " 中有重复的条目" }},
	{regexp.MustCompile(`NULL value in (\w+)\.(\w+)`),
		func(m []string) string { return "表 " + m[1] + " 的 " + m[2] + " 列有不应为空的空值" }},
	{regexp.MustCompile(`CHECK constraint failed in (\w+)`),
		func(m []string) string { return "表 " + m[1] + " 中有不符合约束的记录" }},
	{regexp.MustCompile(`(?i)freelist`),
		func([]string) string { return "空闲页列表损坏" }},
	{regexp.MustCompile(`(?i)(?:page|tree) (\d+)`),
		func(m []string) string { return "第 " + m[1] + " 页的结构损坏" }},
}

func integrityLine(l string) string {
	for _, p := range integrityPatterns {
		if m := p.re.FindStringSubmatch(l); m != nil {
			return p.text(m)
		}
	}
	return "数据文件的内部结构损坏"
}
