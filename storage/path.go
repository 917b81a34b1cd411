package storage

import (
	"fmt"
	"os"
	"path/filepath"
)

// FileName is the data file's name, in whichever folder it lives.
const FileName = "branchledger.db"

// portableDir is the folder that, next to the program, makes it portable:
// copied with the program onto a USB stick, the records travel with it.
const portableDir = "data"

// DefaultPath is where the data file lives unless the user chooses another:
// <program folder>/data/branchledger.db when a folder named "data" is next to
// the program (portable mode), otherwise branchledger/branchledger.db in the
// user's configuration folder (on Windows %AppData%\branchledger).
func DefaultPath() (string, error) {
	exe, err := os.Executable()
	if err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
	} else {
		exe = "" // no portable mode without knowing where the program is
	}
	return defaultPath(exe, os.UserConfigDir)
}

func defaultPath(exe string, userConfigDir func() (string, error)) (string, error) {
	if exe != "" {
		data := filepath.Join(filepath.Dir(exe), portableDir)
		if fi, err := os.Stat(data); err == nil && fi.IsDir() {
			return filepath.Join(data, FileName), nil
		}
	}
	dir, err := userConfigDir()
	if err != nil {
		return "", fmt.Errorf("找不到存放数据文件的用户文件夹，请用“打开数据文件”选择位置：%w", err)
	}
	return filepath.Join(dir, "branchledger", FileName), nil
}
