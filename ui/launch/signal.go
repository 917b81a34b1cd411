package launch

import (
	"os"
	"os/signal"
	"syscall"
	"time"
)

// QuitGrace is how long a process asked to end (SIGTERM, Ctrl+C) is given
// to end by itself before QuitOnSignal ends it.
const QuitGrace = 3 * time.Second

// QuitOnSignal makes SIGINT and SIGTERM (a session ending, `kill`, Ctrl+C
// in a terminal) end the process even when Fyne does not. Fyne 2.7.1 stops
// its event loop on these signals, but a lifecycle event queued at that
// moment can wait for the stopped loop for ever: a review saw the window
// gone and the process left holding the data file's lock, so that the next
// start said the file was in use. If the process is still running grace
// after the signal, release (closing the data file, which waits for a
// write under way) runs and the process exits with status 0, as Fyne's own
// quit does.
func QuitOnSignal(grace time.Duration, release func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-c
		time.Sleep(grace)
		release()
		os.Exit(0)
	}()
}
