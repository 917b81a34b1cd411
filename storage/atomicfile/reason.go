package atomicfile

import "branchledger/storage/reason"

// Reason says in Chinese why a file operation failed (see reason.Of).
func Reason(err error) string { return reason.Of(err) }
