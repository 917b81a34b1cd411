//go:build !windows

package main

// useParentConsole is needed on Windows only (see console_windows.go).
func useParentConsole() {}
