package storage

import (
	"errors"
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

// ErrPortableNotFolder is a "data" beside the program that is a file: the
// user meant portable mode (新建 → 文件 instead of 文件夹) and would find,
// on another PC, that the records stayed in this one's profile.
var ErrPortableNotFolder = errors.New("程序旁边的 data 是一个文件，不是文件夹，所以没有使用便携模式。要在U盘上使用，请删除或改名这个文件，再在程序旁边新建一个名为 data 的文件夹")

func defaultPath(exe string, userConfigDir func() (string, error)) (string, error) {
	if exe != "" {
		data := filepath.Join(filepath.Dir(exe), portableDir)
		if fi, err := os.Stat(data); err == nil {
			if !fi.IsDir() {
				return "", fmt.Errorf("%w：%s", ErrPortableNotFolder, data)
			}
			return filepath.Join(data, FileName), nil
		}
	}
	dir, err := userConfigDir()
	if err != nil {
		return "", fmt.Errorf("找不到存放数据文件的用户文件夹，请用“打开数据文件”选择位置：%w", err)
	}
	return filepath.Join(dir, "branchledger", FileName), nil
}
