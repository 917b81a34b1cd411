package filedialog

import "strings"

// The common dialogs' OPENFILENAME flags (commdlg.h) that the system's
// dialogs are shown with on Windows.
const (
	ofnOverwritePrompt = 0x00000002
	ofnHideReadOnly    = 0x00000004 // no 以只读方式打开 box: the file is never opened read-only
	ofnNoChangeDir     = 0x00000008
	ofnPathMustExist   = 0x00000800
	ofnFileMustExist   = 0x00001000
	ofnExplorer        = 0x00080000
	ofnDontAddToRecent = 0x02000000 // no shortcut in the PC's recent documents

	openFlags = ofnExplorer | ofnFileMustExist | ofnPathMustExist | ofnNoChangeDir | ofnHideReadOnly | ofnDontAddToRecent
	saveFlags = ofnExplorer | ofnOverwritePrompt | ofnPathMustExist | ofnNoChangeDir | ofnHideReadOnly | ofnDontAddToRecent
)

// filterString is f in the form of OPENFILENAME's lpstrFilter: the
// description, then the patterns, each ended by NUL, and one more NUL.
func filterString(f Filter) string {
	patterns := make([]string, len(f.Extensions))
	for i, e := range f.Extensions {
		patterns[i] = "*" + e
	}
	return f.Description + "\x00" + strings.Join(patterns, ";") + "\x00\x00"
}
