//go:build !windows

package atomicfile

import "syscall"

var errnoReasons = map[syscall.Errno]string{
	syscall.ENOSPC:       reasonFull,
	syscall.EDQUOT:       reasonFull,
	syscall.EFBIG:        reasonFull,
	syscall.EROFS:        reasonReadOnly,
	syscall.EACCES:       reasonPermission,
	syscall.EPERM:        reasonPermission,
	syscall.ENOENT:       reasonNoFolder,
	syscall.ENOTDIR:      reasonNoFolder,
	syscall.EIO:          reasonIO,
	syscall.ENXIO:        reasonIO,
	syscall.ENODEV:       reasonIO,
	syscall.ETXTBSY:      reasonInUse,
	syscall.ENAMETOOLONG: reasonTooLong,
}
