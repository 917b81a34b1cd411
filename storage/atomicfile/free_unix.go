//go:build !windows

package atomicfile

import "golang.org/x/sys/unix"

// FreeSpace is how many bytes the disk holding dir has free for this user.
func FreeSpace(dir string) (int64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return int64(st.Bavail) * int64(st.Bsize), nil
}
