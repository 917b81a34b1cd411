package atomicfile

import (
	"fmt"
	"os"
)

// CheckTarget refuses a target to write that exists and is not a regular
// file (or a link to one): a folder, a FIFO, a device, a socket. It only
// stats path, never opens it — opening a FIFO to look at its first bytes
// waits for a writer for ever, and the rename of a write would put a file
// in the place of a device node (review s4-11 attack #7). A target that
// does not exist, or cannot be looked at, is left to the write to report.
func CheckTarget(path string) error {
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

// isRegular reports whether path is an existing regular file (or a link to
// one): what may be opened to look at its first bytes without blocking.
func isRegular(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
