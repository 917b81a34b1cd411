package backup

import (
	"bufio"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/datapkg"
	"branchledger/storage/demo"
)

// restoreOnce is the child process of the kill test: the whole restore the
// window and `branchledger restore` do — open the data file, read the
// backup, back the current file up, write the restored one beside it, close,
// rename it into place.
func restoreOnce(dataPath, backupPath string) error {
	s, err := storage.Open(dataPath)
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := Open(backupPath, datapkg.ReadOptions{})
	if err != nil {
		return err
	}
	defer c.Close()
	st, err := Stage(s, c, false)
	if err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	return st.Commit()
}

// A process killed at any point of a restore (as by a power cut) leaves a
// data file that opens, passes the full integrity check and is either the
// file as it was or the backup, whole — never a mix, never missing.
func TestKilledDuringRestoreLeavesOldOrNewFile(t *testing.T) {
	if dataPath := os.Getenv("BRANCHLEDGER_TEST_RESTORE_DATA"); dataPath != "" {
		fmt.Println("READY")
		err := restoreOnce(dataPath, os.Getenv("BRANCHLEDGER_TEST_RESTORE_FROM"))
		fmt.Println("DONE", err)
		time.Sleep(time.Minute) // wait to be killed
		return
	}
	if testing.Short() {
		t.Skip("starts processes and kills them")
	}
	dir := t.TempDir()
	dataPath := filepath.Join(dir, storage.FileName)
	s, err := storage.Open(dataPath)
	if err != nil {
		t.Fatal(err)
	}
	today := model.DateOf(time.Now())
	if err := demo.Fill(s, 20, 3, today); err != nil {
		t.Fatal(err)
	}
	b, err := Take(s, storage.BackupImport)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range demo.Members(5, 11, today, "") {
		if _, err := s.AddMember(m, nil); err != nil {
			t.Fatal(err)
		}
	}
	oldSum, _ := s.Summary()
	s.Close()
	// The backup lives outside the data file's folder, as on a USB drive.
	backupPath := filepath.Join(t.TempDir(), "backup.db")
	os.WriteFile(backupPath, fileBytes(t, b.Path), 0o644)
	newSum, err := storage.Inspect(backupPath)
	if err != nil {
		t.Fatal(err)
	}
	pristine := fileBytes(t, dataPath)

	run := func(delay time.Duration) (finished bool) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledDuringRestoreLeavesOldOrNewFile$")
		cmd.Env = append(os.Environ(), "BRANCHLEDGER_TEST_RESTORE_DATA="+dataPath, "BRANCHLEDGER_TEST_RESTORE_FROM="+backupPath)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer cmd.Wait()
		lines := bufio.NewScanner(out)
		for lines.Scan() && lines.Text() != "READY" {
		}
		done := make(chan string, 1)
		go func() {
			for lines.Scan() {
				if strings.HasPrefix(lines.Text(), "DONE") {
					done <- lines.Text()
				}
			}
		}()
		select {
		case <-time.After(delay):
		case line := <-done:
			if line != "DONE <nil>" {
				t.Fatalf("the restore failed: %s", line)
			}
			finished = true
		}
		cmd.Process.Kill()
		return finished
	}

	// One restore to the end, timed, so that the kills fall all along it.
	start := time.Now()
	if !run(time.Minute) {
		t.Fatal("the restore did not finish")
	}
	full := time.Since(start)
	check(t, dataPath, newSum, newSum)

	const kills = 40
	var old, restored int
	r := rand.New(rand.NewPCG(1, 2))
	for range kills {
		os.WriteFile(dataPath, pristine, 0o644)
		os.Remove(dataPath + "-journal")
		run(time.Duration(r.Int64N(int64(full))))
		switch check(t, dataPath, oldSum, newSum) {
		case "old":
			old++
		case "new":
			restored++
		}
	}
	t.Logf("a restore takes %v; after %d kills the file was the old one %d times and the restored one %d times", full, kills, old, restored)
	if old == 0 || restored == 0 {
		t.Logf("the kills did not fall on both sides of the rename")
	}
}

// check opens the data file as the app would, then checks it whole with
// storage.Inspect, and says whether it is the old file or the restored one.
func check(t *testing.T, path string, old, restored storage.Summary) string {
	t.Helper()
	s, err := storage.Open(path)
	if err != nil {
		t.Fatalf("after the kill the data file does not open: %v", err)
	}
	s.Close()
	got, err := storage.Inspect(path)
	if err != nil {
		t.Fatalf("after the kill: %v", err)
	}
	switch {
	case maps.Equal(got.Counts, restored.Counts):
		return "new"
	case maps.Equal(got.Counts, old.Counts):
		return "old"
	}
	t.Fatalf("after the kill the file holds %v, neither the old %v nor the restored %v", got.Counts, old.Counts, restored.Counts)
	return ""
}
