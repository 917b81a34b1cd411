package xlsx

import (
	"archive/zip"
	"io"
)

// declaredReader reads a zip entry's bytes up to the size its directory
// entry declares, then makes sure nothing follows. archive/zip refuses an
// entry longer than declared on the read that passes the size, dropping
// that read's bytes; read this way the XML up to the declared size is
// parsed first, so the refusal names the row where the real content ended.
type declaredReader struct {
	r    io.Reader
	left uint64
	err  error
}

func (d *declaredReader) Read(p []byte) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	if d.left == 0 {
		// At the declared end: the entry must end here too (this read
		// also lets archive/zip check the checksum).
		var one [1]byte
		n, err := d.r.Read(one[:])
		switch {
		case n > 0 || err == nil:
			d.err = zip.ErrFormat
		case err == io.EOF:
			d.err = io.EOF
		default:
			d.err = err
		}
		return 0, d.err
	}
	if uint64(len(p)) > d.left {
		p = p[:d.left]
	}
	n, err := d.r.Read(p)
	d.left -= uint64(n)
	if err == io.EOF && d.left > 0 {
		err = io.ErrUnexpectedEOF
	}
	if err != nil && err != io.EOF {
		d.err = err
	}
	if err == io.EOF {
		err = nil // the check at the declared end says whether it is the end
	}
	return n, err
}
