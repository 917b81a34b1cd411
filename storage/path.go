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
	return defaultPath(executable(), os.UserConfigDir)
}

// PortableDir is the folder named "data" beside the program when there is
// one (portable mode: the app keeps its data file and its preferences
// there), else "".
func PortableDir() string {
	exe := executable()
	if exe == "" {
		return ""
	}
	data := filepath.Join(filepath.Dir(exe), portableDir)
	if fi, err := os.Stat(data); err == nil && fi.IsDir() {
		return data
	}
	return ""
}

// executable is the program's path, or "" when unknown (no portable mode
// then).
func executable() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	return exe
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
