package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// CheckTarget refuses a target to write that exists and is not a regular
// file (or a link to one): a folder, a FIFO, a device, a socket. It only
// stats path, never opens it — opening a FIFO to look at its first bytes
// waits for a writer for ever, and the rename of a write would put a file
// in the place of a device node (review s4-11 attack #7). A target that
// does not exist, or cannot be looked at, is left to the write to report.
//
// It also refuses a file name that Windows or a USB drive's FAT file
// system cannot hold (CheckName): the file would be unreadable where it is
// meant to go, or — NUL, CON — go nowhere at all.
func CheckTarget(path string) error {
	if err := CheckName(path); err != nil {
		return err
	}
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return nil
	case fi.IsDir():
		return fmt.Errorf("%s 是一个文件夹，不是文件：请在其中写一个文件名，或换一个文件名", path)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s 不是普通文件（是设备、管道或套接字），不能把文件保存到这里，请换一个文件名", path)
	}
	return nil
}

// forbidden are the characters Windows and FAT refuse in a file name
// (besides the control characters).
const forbidden = `<>:"|?*\`

// reserved are the names Windows keeps for devices, whatever extension
// follows: a report saved as NUL.xlsx is thrown away.
var reserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true}

// CheckName refuses the last element of path when Windows or a FAT drive
// cannot hold it as a file name: a control character (a line break pasted
// in), one of < > : " | ? * \, a device name (CON, NUL, COM1 …, with any
// extension), a name ending in a dot or a space (Windows drops them), or a
// name that is only an extension (".xlsx", or " .xlsx" with a space before it). One Chinese sentence naming
// what is wrong.
func CheckName(path string) error {
	base := filepath.Base(path)
	if base == "." || base == string(filepath.Separator) {
		return nil
	}
	var bad []string
	for _, r := range base {
		if r < ' ' || r == 0x7f || strings.ContainsRune(forbidden, r) {
			q := strconv.QuoteRune(r)
			if r >= ' ' && r != 0x7f {
				q = string(r)
			}
			if !slices.Contains(bad, q) {
				bad = append(bad, q)
			}
		}
	}
	shown := strconv.Quote(base)
	shown = shown[1 : len(shown)-1]
	switch {
	case len(bad) > 0:
		return fmt.Errorf("文件名“%s”中有 Windows 和U盘不允许的字符（%s），请换一个文件名", shown, strings.Join(bad, " "))
	case reserved[strings.ToUpper(strings.TrimRight(strings.SplitN(base, ".", 2)[0], " "))]:
		return fmt.Errorf("“%s”在 Windows 中是设备的名字，不能用作文件名，请换一个文件名", base)
	case strings.HasSuffix(base, ".") || strings.HasSuffix(base, " "):
		return fmt.Errorf("文件名“%s”以点或空格结尾，Windows 会去掉它们，请换一个文件名", base)
	case knownExt[strings.ToLower(filepath.Ext(base))] && strings.TrimSpace(strings.TrimSuffix(base, filepath.Ext(base))) == "":
		return fmt.Errorf("文件名“%s”只有扩展名，请在前面写上名字", base)
	}
	return nil
}

// knownExt are the extensions of the files the app writes: a name that is
// only one of them is a name left out.
var knownExt = map[string]bool{".xlsx": true, ".blpkg": true, ".db": true, ".txt": true, ".age": true, ".blws": true}

// isRegular reports whether path is an existing regular file (or a link to
// one): what may be opened to look at its first bytes without blocking.
func isRegular(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
