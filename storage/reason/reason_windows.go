package reason

import "syscall"

// Windows system error codes (winerror.h); package syscall names only some.
var errnoReasons = map[syscall.Errno]string{
	2:    reasonNotFound,   // ERROR_FILE_NOT_FOUND
	3:    reasonNotFound,   // ERROR_PATH_NOT_FOUND
	5:    reasonPermission, // ERROR_ACCESS_DENIED
	8:    reasonNoMem,      // ERROR_NOT_ENOUGH_MEMORY
	14:   reasonNoMem,      // ERROR_OUTOFMEMORY
	15:   reasonNotFound,   // ERROR_INVALID_DRIVE
	19:   reasonReadOnly,   // ERROR_WRITE_PROTECT
	21:   reasonIO,         // ERROR_NOT_READY
	23:   reasonIO,         // ERROR_CRC
	29:   reasonIO,         // ERROR_WRITE_FAULT
	30:   reasonIO,         // ERROR_READ_FAULT
	32:   reasonInUse,      // ERROR_SHARING_VIOLATION
	33:   reasonInUse,      // ERROR_LOCK_VIOLATION
	39:   reasonFull,       // ERROR_HANDLE_DISK_FULL
	55:   reasonIO,         // ERROR_DEV_NOT_EXIST
	80:   reasonExists,     // ERROR_FILE_EXISTS
	112:  reasonFull,       // ERROR_DISK_FULL
	183:  reasonExists,     // ERROR_ALREADY_EXISTS
	206:  reasonTooLong,    // ERROR_FILENAME_EXCED_RANGE
	1006: reasonIO,         // ERROR_FILE_INVALID (media removed)
	1117: reasonIO,         // ERROR_IO_DEVICE
	1921: reasonLoop,       // ERROR_CANT_RESOLVE_FILENAME (a link loop)
	1295: reasonQuota,      // ERROR_DISK_QUOTA_EXCEEDED
}
