//go:build !windows

package reason

import "syscall"

var errnoReasons = map[syscall.Errno]string{
	syscall.ENOSPC:       reasonFull,
	syscall.EDQUOT:       reasonFull,
	syscall.EFBIG:        reasonFull,
	syscall.EROFS:        reasonReadOnly,
	syscall.EACCES:       reasonPermission,
	syscall.EPERM:        reasonPermission,
	syscall.ENOENT:       reasonNotFound,
	syscall.ENOTDIR:      reasonNotFound,
	syscall.EIO:          reasonIO,
	syscall.ENXIO:        reasonIO,
	syscall.ENODEV:       reasonIO,
	syscall.ETXTBSY:      reasonInUse,
	syscall.EBUSY:        reasonInUse,
	syscall.ENAMETOOLONG: reasonTooLong,
	syscall.ELOOP:        reasonLoop,
	syscall.EISDIR:       reasonIsDir,
	syscall.EEXIST:       reasonExists,
	syscall.ENOMEM:       reasonNoMem,
}
