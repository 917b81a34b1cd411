package atomicfile

import (
	"errors"
	"io/fs"
	"syscall"
)

// Reason says in Chinese why a file operation failed, for the failures a
// secretary can do something about: a full disk, a write-protected drive, a
// folder without permission, a missing folder, a drive pulled out, a file
// held by another program. Anything else is "读写文件出错".
func Reason(err error) string {
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
		return reasonNoFolder
	}
	return "读写文件出错"
}

const (
	reasonFull       = "磁盘空间已满，请删除一些文件或换一个位置"
	reasonReadOnly   = "这个位置是只读的（U盘是否有写保护？），请换一个位置"
	reasonPermission = "没有写入这个位置的权限，请换一个位置（例如“文档”或桌面）"
	reasonNoFolder   = "文件夹不存在（U盘是否已拔出？）"
	reasonIO         = "读写出错（U盘是否已拔出或接触不良？）"
	reasonInUse      = "文件正被别的程序使用，请关闭它后重试"
	reasonTooLong    = "文件名或路径太长，请换一个短一些的名字或位置"
)
