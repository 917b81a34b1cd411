// Package rosterfile moves the roster between the store and Excel workbooks:
// the import (read, check, plan, then commit on confirmation) and the printed
// 花名册. The window and the command line both call it, so both behave alike.
package rosterfile

import (
	"path/filepath"
	"sort"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/backup"
	"branchledger/storage/xlsx"
)

// Service reads and writes roster workbooks for one store.
type Service struct {
	store *storage.Store
}

// New returns the service for store.
func New(store *storage.Store) *Service {
	return &Service{store: store}
}

// PreviewImport reads the workbook at path, checks every row and works out
// what importing it would change. It writes nothing. The error is a Chinese
// sentence saying why the file cannot be read as a roster.
func (s *Service) PreviewImport(path string) (model.ImportPreview, error) {
	rf, err := xlsx.ReadRosterFile(path, xlsx.ReadOptions{Today: s.store.Today()})
	if err != nil {
		return model.ImportPreview{}, err
	}
	members := make([]model.Member, len(rf.Members))
	for i, r := range rf.Members {
		members[i] = r.Member
	}
	plan, err := s.store.PlanImport(filepath.Base(path), members, rf.Columns)
	if err != nil {
		return model.ImportPreview{}, err
	}
	// Rows the roster cannot take once merged with what it holds are
	// refused like any other row, by their sheet row number.
	rejected := rf.Rejected
	for _, r := range plan.Refused {
		rejected = append(rejected, model.Rejection{Row: rf.Members[r.Index].Row, Field: r.Field, Reason: r.Reason})
	}
	sort.SliceStable(rejected, func(i, j int) bool { return rejected[i].Row < rejected[j].Row })
	return model.ImportPreview{
		File:      path,
		Sheet:     rf.Sheet,
		HeaderRow: rf.HeaderRow,
		Rejected:  rejected,
		Plan:      plan,
	}, nil
}

// CommitImport carries out a previewed import in one transaction.
func (s *Service) CommitImport(p model.ImportPreview) (added, updated int, err error) {
	if err := backup.Before(s.store, storage.BackupImport); err != nil {
		return 0, 0, err
	}
	return s.store.ApplyImport(p.Plan)
}

// ExportRoster writes the printed 花名册 of the members on the active roster
// to path, replacing it only once the new file is complete.
func (s *Service) ExportRoster(path string) (int, error) {
	profile, err := s.store.Profile()
	if err != nil {
		return 0, err
	}
	all, err := s.store.Members()
	if err != nil {
		return 0, err
	}
	active := make([]model.Member, 0, len(all))
	for _, m := range all {
		if m.OnRoster {
			active = append(active, m)
		}
	}
	if err := xlsx.WriteRosterFile(path, profile.BranchName, active, s.store.Today()); err != nil {
		return 0, err
	}
	return len(active), nil
}
