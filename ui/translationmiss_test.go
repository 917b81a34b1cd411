package ui

import (
	"log"
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

// missWriter takes the log while screens are opened and keeps, for each
// "Translation failure" Fyne logs, the line of ours that asked.
type missWriter struct {
	n     int
	where []string
}

func (w *missWriter) Write(p []byte) (int, error) {
	if !strings.Contains(string(p), "Translation failure") {
		return len(p), nil
	}
	w.n++
	for _, line := range strings.Split(string(debug.Stack()), "\n") {
		if strings.Contains(line, "/ui/") && !strings.Contains(line, "_test.go") && !strings.Contains(line, "fyne.io") {
			line = strings.TrimSpace(line)
			if i := strings.LastIndex(line, " +0x"); i > 0 {
				line = line[:i]
			}
			if !strings.Contains(strings.Join(w.where, "\n"), line) {
				w.where = append(w.where, line)
			}
			break
		}
	}
	return len(p), nil
}

// Opening every screen, tab, member page and dialog of the demo branch asks
// the translations only for texts they have: a miss (lang.L("") for a
// month the member's 党费 grid shows as an amount) logged ~40 lines of
// "Translation failure … message "" not found" per member page, noise
// that pushes the real cause out of the startup log's excerpt of Fyne's
// last lines (review s4-10 attack #8).
func TestNoScreenAsksTheTranslationsForAMissingText(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		t.Run(string(l), func(t *testing.T) {
			s := demoShell(t, l, 40)
			w := &missWriter{}
			log.SetOutput(w)
			t.Cleanup(func() { log.SetOutput(os.Stderr) })
			for _, v := range views(t, s) {
				v.open()
				if v.close != nil {
					v.close()
				}
			}
			log.SetOutput(os.Stderr)
			if w.n > 0 {
				t.Errorf("%d translation failures logged, asked at:\n%s", w.n, strings.Join(w.where, "\n"))
			}
		})
	}
}
