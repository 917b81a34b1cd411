package cli

import (
	"fmt"
	"os"
)

// replacedNote is called before a workbook export writes path and returns
// what to call once it has: when a file was there, a line says it was
// replaced. The export replaces only a workbook this app wrote (xlsx's
// checkReplaced); the window asks first, and a command has no one to ask,
// so a re-export over last month's sheet, or over a generated sheet one
// meant to import, happened without a word (review s14-attack8 #32).
func replacedNote(env Env, path string) func() {
	fi, err := os.Stat(path)
	existed := err == nil && fi.Mode().IsRegular()
	return func() {
		if existed {
			fmt.Fprintf(env.Stderr, "提示：%s 原已存在（本软件导出的工作簿），已用新导出的内容替换\n", path)
		}
	}
}
