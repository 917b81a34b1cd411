package filedialog

import (
	"errors"
	"os"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog hands its callback a writer it has opened on the file
// chosen: for the file repository that is os.Create, which empties an
// existing file at once. The callers here write the file themselves, anew
// and atomically, from the path alone — so the emptied file was only ever a
// loss: choosing the roster being imported (or typing the data file's name
// and confirming Fyne's "Overwrite?") emptied it before anything was written,
// and a failed export left it gone (review s3-7 attack #0).
//
// noTruncateRepository is the file repository with a Writer that opens
// nothing: the dialog gets the URI it needs and the file stays as it is
// until the caller replaces it whole.

// fileRepository is what the file repository is to Fyne's dialogs.
type fileRepository interface {
	repository.WritableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
}

type noTruncateRepository struct{ fileRepository }

// Writer returns a writer on u that writes nothing and leaves the file as it
// is; see above.
func (noTruncateRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return pathOnly{u}, nil
}

// saving is true while a save dialog of this package is shown.
var saving atomic.Bool

// Exists is the file repository's, except that a file (not a folder) does
// not exist to a save dialog of this package: Fyne's dialog would ask
// "Overwrite?" in English whatever the UI language, and Save asks in the
// UI's language, or AskReplace decides (review s4-11 newuser #1).
func (r noTruncateRepository) Exists(u fyne.URI) (bool, error) {
	ok, err := r.fileRepository.Exists(u)
	if ok && err == nil && saving.Load() {
		if fi, err := os.Stat(u.Path()); err == nil && !fi.IsDir() {
			return false, nil
		}
	}
	return ok, err
}

// pathOnly is the URIWriteCloser of noTruncateRepository.Writer.
type pathOnly struct{ uri fyne.URI }

func (p pathOnly) URI() fyne.URI { return p.uri }
func (pathOnly) Close() error    { return nil }
func (pathOnly) Write([]byte) (int, error) {
	return 0, errors.New("filedialog: the chosen file is written by the caller, atomically, not through the dialog")
}

// keepFilesWhole puts noTruncateRepository in place of the driver's file
// repository, once; the driver registers its own when the app is made.
func keepFilesWhole() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := r.(noTruncateRepository); done {
		return
	}
	if fr, ok := r.(fileRepository); ok {
		repository.Register("file", noTruncateRepository{fr})
	}
}
