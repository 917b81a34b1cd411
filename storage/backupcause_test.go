package storage

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"branchledger/model"
	"branchledger/storage/reason"
)

// A backup that cannot be written says what to do about its own reason,
// not "free disk space" whatever happened (review s7-10 R9), and keeps its
// sentence as a Text for the English window (R8) and the system's error
// for errors.Is.
func TestBackupFailureAdviceFollowsTheReason(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		errno     syscall.Errno
		want, not string
	}{
		{syscall.ENOSPC, "磁盘空间已满；请删除", "写保护"},
		{syscall.EROFS, "只读的（U盘是否有写保护？）", "磁盘空间"},
		{syscall.EACCES, "没有写入备份文件夹的权限", "磁盘空间"},
		{syscall.EBUSY, "正被别的程序使用", "磁盘空间"},
	} {
		sys := &fs.PathError{Op: "open", Path: filepath.Join(dir, "x"), Err: c.errno}
		err := backupError(dir, sys)
		msg := err.Error()
		if !strings.HasPrefix(msg, "无法在备份文件夹 "+dir+" 写入自动备份：") || !strings.Contains(msg, c.want) || strings.Contains(msg, c.not) {
			t.Errorf("%v: %q, want %q", c.errno, msg, c.want)
		}
		if text, ok := model.SentenceOf(err); !ok || text.Format != "无法在备份文件夹 %s 写入自动备份：%s" {
			t.Errorf("%v: no Text to translate: %#v", c.errno, text)
		}
		if (c.errno == syscall.ENOSPC) != reason.IsFull(err) {
			t.Errorf("%v: the system's error is not kept in the chain", c.errno)
		}
	}
}

// A file where the backups folder should be (R9's case) is named as such,
// not as a missing folder or a pulled USB drive.
func TestBackupIntoAFileSaysItIsAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := os.WriteFile(BackupsDir(path), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = s.WriteBackup(BackupDaily)
	if err == nil || !strings.Contains(err.Error(), "同名的文件，不是文件夹") || strings.Contains(err.Error(), "U盘是否已拔出") {
		t.Errorf("backup into a file: %v", err)
	}
}
