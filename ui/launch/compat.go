package launch

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
)

// compatFiles are the files of the compat folder that compatibility mode
// loads: Mesa's opengl32.dll and the renderer it loads in turn.
var compatFiles = []string{"opengl32.dll", "libgallium_wgl.dll"}

// errCompatBroken is a compat folder whose DLLs cannot be loaded: cut short
// by an unfinished copy, emptied or blocked by security software. Updating
// the graphics driver does not help; copying the program folder again does.
var errCompatBroken = errors.New("兼容模式的文件无法加载")

// compatBroken is errCompatBroken for the folder dir, whose opengl32.dll
// failed to load with err, naming the file that is missing, empty or not a
// program file (when one is).
func compatBroken(dir string, err error) error {
	var bad []string
	for _, name := range compatFiles {
		path := filepath.Join(dir, name)
		f, oerr := os.Open(path)
		if oerr != nil {
			bad = append(bad, name+" 缺少或无法读取")
			continue
		}
		head := make([]byte, 2)
		n, _ := io.ReadFull(f, head)
		fi, serr := f.Stat()
		f.Close()
		switch {
		case serr == nil && fi.Size() == 0:
			bad = append(bad, name+" 是空的（0 字节）")
		case n < 2 || string(head) != "MZ":
			bad = append(bad, name+" 不是 Windows 程序文件")
		}
	}
	which := "文件看起来完整，可能被安全软件拦截，或复制时不完整"
	if len(bad) > 0 {
		which = strings.Join(bad, "，")
	}
	return fmt.Errorf("%w（%s）：%s：%v", errCompatBroken, dir, which, err)
}

// maxPath is MAX_PATH: CreateProcess cannot start a program whose path is
// this long or longer (UTF-16 units, the terminating NUL included).
const maxPath = 260

// errPathTooLong is a program too deep in folders to be started again.
var errPathTooLong = errors.New("程序所在的文件夹路径太长")

// pathTooLong reports whether Windows cannot start the program at exe.
func pathTooLong(exe string) bool {
	return len(utf16.Encode([]rune(exe)))+1 > maxPath
}
