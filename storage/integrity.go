package storage

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"sync"
	"sync/atomic"

	"branchledger/storage/reason"
)

// Opening runs PRAGMA quick_check, which reads every page's structure but
// not whether each index agrees with its table: a few random byte flips in
// an index pass it, and a write into such a file spreads the damage. The
// full PRAGMA integrity_check catches that, at about twice the cost (about
// 0.1–0.2 s for 20,000 members, seconds for years of their dues), too slow
// to stand between a start and the window. So it runs once per open, in the
// background once the window is up (StartCheck), or at the first write if
// nothing started it (a command-line import), and no write reaches the file
// before it has passed.

type checkState int

const (
	checkPending checkState = iota
	checkRunning
	checkDone
)

// fullCheck is the state of one open file's integrity check.
type fullCheck struct {
	mu       sync.Mutex
	state    checkState
	done     chan struct{}
	err      error
	finished atomic.Bool // state == checkDone, read without the lock
	notify   []func(error)
}

// StartCheck runs the full integrity check in the background, unless it has
// run or is running, and calls done (if not nil) with its result once it
// has: nil for a sound file, an ErrDamaged error naming what is wrong. done
// runs on another goroutine. Writes wait for the check and, after a failed
// one, are refused with its error.
func (s *Store) StartCheck(done func(error)) {
	c := &s.check
	c.mu.Lock()
	if c.state == checkDone {
		err := c.err
		c.mu.Unlock()
		if done != nil {
			done(err)
		}
		return
	}
	if done != nil {
		c.notify = append(c.notify, done)
	}
	c.mu.Unlock()
	go func() {
		conn, err := s.sql.Conn(context.Background())
		if err != nil {
			return // the store was closed
		}
		defer conn.Close()
		s.runCheck(conn)
	}()
}

// CheckResult is the full check's result once it has run: done is false
// while it has not.
func (s *Store) CheckResult() (done bool, err error) {
	s.check.mu.Lock()
	defer s.check.mu.Unlock()
	return s.check.state == checkDone, s.check.err
}

// querier is a connection or a transaction holding the store's connection.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// runCheck runs the check on q unless it has run. The caller holds the
// store's only connection (q), so no other check can be running: a check
// sets checkRunning only once it holds the connection.
func (s *Store) runCheck(q querier) error {
	c := &s.check
	c.mu.Lock()
	switch c.state {
	case checkDone:
		c.mu.Unlock()
		return c.err
	case checkRunning:
		done := c.done
		c.mu.Unlock()
		<-done
		return c.err
	}
	c.state, c.done = checkRunning, make(chan struct{})
	c.mu.Unlock()

	err := s.integrityCheck(q)

	c.mu.Lock()
	c.state, c.err = checkDone, err
	c.finished.Store(true)
	close(c.done)
	notify := c.notify
	c.notify = nil
	c.mu.Unlock()
	if err != nil {
		log.Printf("integrity check: %s", reason.Detail(err))
	}
	for _, f := range notify {
		f(err)
	}
	return err
}

// checkBeforeWrite holds a write until the full check has passed, running
// it now if nothing has started it; tx is the transaction the write is in,
// nil for a statement of its own. A read-only store refuses every write
// here, with a sentence rather than SQLite's.
func (s *Store) checkBeforeWrite(ctx context.Context, tx *sql.Tx) error {
	if s.inUse {
		return fmt.Errorf("%w：%s", ErrInUse, s.path)
	}
	if s.readOnly {
		return fmt.Errorf("%w：%s", ErrReadOnly, s.path)
	}
	if s.check.finished.Load() {
		return s.check.err
	}
	if tx != nil {
		return s.runCheck(tx)
	}
	conn, err := s.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return s.runCheck(conn)
}

// integrityCheck runs PRAGMA integrity_check on q.
func (s *Store) integrityCheck(q querier) error {
	return s.checkPragma(q, "integrity_check")
}

// quickCheck reads every page's structure before anything is written, so a
// damaged file is reported instead of being damaged further.
func (s *Store) quickCheck() error {
	return s.checkPragma(s.sql, "quick_check")
}

// checkPragma runs one of SQLite's checks and turns what it found into an
// ErrDamaged error naming the file and the first findings.
func (s *Store) checkPragma(q querier, pragma string) error {
	rows, err := q.QueryContext(context.Background(), "PRAGMA "+pragma)
	if err != nil {
		return s.openError(err)
	}
	var found []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			rows.Close()
			return s.openError(err)
		}
		found = append(found, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s.openError(err)
	}
	if len(found) == 1 && found[0] == "ok" {
		return nil
	}
	return damagedFindings(s.path, found)
}

// settle makes SQLite finish a rollback now. After an I/O error (a full
// disk, a write refused by the drive) SQLite rolls back lazily: it leaves
// the hot journal for the next read to play back, and a store closed first
// leaves a data file that is consistent only together with that journal —
// copied alone, as the README says a closed file may be, it is damaged. A
// read makes SQLite play the journal back at once. If even that fails (the
// drive is gone), the store remembers it and Close says so.
func (s *Store) settle() {
	var v int
	err := s.sql.QueryRow("PRAGMA schema_version").Scan(&v)
	if err == nil && journalHot(s.path) {
		err = fmt.Errorf("回滚后日志文件仍然有效")
	}
	if err != nil {
		s.fault.Store(&err)
		log.Printf("settle after a failed write on %s: %v", s.path, err)
		return
	}
	s.fault.Store(nil)
}

// journalHot reports whether the data file at path has a rollback journal
// SQLite would play back: one whose first byte is not zero. The journal is
// not locked, so reading it does not disturb SQLite's locks.
func journalHot(path string) bool {
	f, err := os.Open(path + "-journal")
	if err != nil {
		return false
	}
	defer f.Close()
	b := make([]byte, 1)
	n, _ := f.Read(b)
	return n == 1 && b[0] != 0
}
