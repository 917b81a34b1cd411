package backup

import (
	"branchledger/model"
	"branchledger/storage"
)

// bulkMembers is how many members one save must touch to count as a change
// to many records at once when it does not say so itself: typing the bases
// of a whole branch into the grid and saving them together.
const bulkMembers = 10

// BulkGuard is the data file for the screens that change many records at
// once: those changes are written only after an automatic backup of the
// file as it was (storage.BackupBulk), so that a wrong bulk change can be
// undone with 恢复. Every other method is the store's own. A new kind of
// bulk change in storage gets its method here.
type BulkGuard struct {
	*storage.Store
}

// SaveProfileAligning saves the profile and corrects the 所在党支部 of the
// members that differ (see storage.Store.SaveProfileAligning), after a
// backup.
func (g BulkGuard) SaveProfileAligning(p model.Profile) (int, error) {
	if err := Before(g.Store, storage.BackupBulk); err != nil {
		return 0, err
	}
	return g.Store.SaveProfileAligning(p)
}

// SaveDuesSetup saves bases and opening positions (see
// storage.Store.SaveDuesSetup), after a backup when they are set for the
// ticked members together (model.SourceBulkBases) or touch bulkMembers
// members or more.
func (g BulkGuard) SaveDuesSetup(year int, bases []model.DuesBase, openings []model.DuesOpening, source string) error {
	if source == model.SourceBulkBases || touched(bases, openings) >= bulkMembers {
		if err := Before(g.Store, storage.BackupBulk); err != nil {
			return err
		}
	}
	return g.Store.SaveDuesSetup(year, bases, openings, source)
}

// SaveDuesBases is SaveDuesSetup without opening positions.
func (g BulkGuard) SaveDuesBases(year int, bases []model.DuesBase, source string) error {
	return g.SaveDuesSetup(year, bases, nil, source)
}

// SetDuesOpenings sets opening positions (see
// storage.Store.SetDuesOpenings), after a backup when they touch
// bulkMembers members or more.
func (g BulkGuard) SetDuesOpenings(openings []model.DuesOpening, source string) error {
	if touched(nil, openings) >= bulkMembers {
		if err := Before(g.Store, storage.BackupBulk); err != nil {
			return err
		}
	}
	return g.Store.SetDuesOpenings(openings, source)
}

// touched is how many members a dues setup changes.
func touched(bases []model.DuesBase, openings []model.DuesOpening) int {
	ids := map[int64]bool{}
	for _, b := range bases {
		ids[b.MemberID] = true
	}
	for _, o := range openings {
		ids[o.MemberID] = true
	}
	return len(ids)
}
