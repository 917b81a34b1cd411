package backup

import (
	"path/filepath"

	"branchledger/storage"
	"branchledger/storage/datapkg"
)

// Service is backing up and restoring the one data file a store has open,
// for the window's 设置 and the command line alike.
type Service struct {
	store      Store
	appVersion string
}

// NewService is the backups of the file store has open; appVersion is
// written into the packages it makes.
func NewService(store Store, appVersion string) *Service {
	return &Service{store: store, appVersion: appVersion}
}

// DataPath is the data file's path.
func (v *Service) DataPath() string { return v.store.Path() }

// BackupsDir is where the automatic backups are.
func (v *Service) BackupsDir() string { return storage.BackupsDir(v.store.Path()) }

// Backups lists the automatic backups, newest first.
func (v *Service) Backups() ([]Backup, error) { return List(v.store.Path()) }

// Daily takes the day's automatic backup if it is due (see Daily).
func (v *Service) Daily() (Backup, bool, error) { return Daily(v.store) }

// BackupTo writes a data package of the file to out (备份到…), protected by
// passphrase unless it is "".
func (v *Service) BackupTo(out, passphrase string) (datapkg.Manifest, error) {
	return datapkg.Write(v.store, out, datapkg.Protection{Passphrase: passphrase}, v.appVersion)
}

// Probe says what a file chosen for a restore is, so that the window asks for
// a passphrase only when the file needs one.
func (v *Service) Probe(path string) (datapkg.Kind, error) { return datapkg.Probe(path) }

// Open reads and checks a backup or package for a restore (see Open), into
// a private folder beside the data file.
func (v *Service) Open(path, passphrase string) (*Candidate, error) {
	return Open(path, datapkg.ReadOptions{Passphrase: passphrase, TempDir: filepath.Dir(v.store.Path())})
}

// Current is the open file's summary, shown beside a candidate's.
func (v *Service) Current() (storage.Summary, error) { return v.store.Summary() }

// Stage prepares restoring c over the open file (see Stage).
func (v *Service) Stage(c *Candidate, replaceOther bool) (*Staged, error) {
	return Stage(v.store, c, replaceOther)
}
