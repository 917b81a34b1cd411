//go:build !windows

package filedialog

// systemDialogs is nil outside Windows: Fyne's dialog is used.
func systemDialogs() nativeDialogs { return nil }
