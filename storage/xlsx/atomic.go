package xlsx

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file through write so that a half-written file
// never replaces a good one: it writes a temporary file in the same folder
// (so the rename stays on one drive), flushes it to the disk, then renames
// it over path. On any error the temporary file is removed and path is left
// as it was.
func WriteFileAtomic(path string, write func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("无法在 %s 中创建文件：%w", dir, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("写入 %s 失败：%w", path, err)
	}
	// Sync before rename: after a power cut the name must not point at a
	// file whose data never reached the disk (USB drives pulled early).
	// CreateTemp makes the file private; give it the mode the file it
	// replaces had, or the usual one.
	mode := fs.FileMode(0o644)
	if st, serr := os.Stat(path); serr == nil {
		mode = st.Mode().Perm()
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("写入 %s 失败：%w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("写入 %s 失败：%w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("写入 %s 失败：%w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("%w：%s（%w）", ErrFileInUse, path, err)
		}
		return fmt.Errorf("无法保存 %s：%w", path, err)
	}
	return nil
}
