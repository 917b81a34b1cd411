package datapkg

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"filippo.io/age"

	"branchledger/storage"
)

// ExportOptions say how a branch's 导出数据包 protects the package, when it
// is not simply to the instructor's key kept in the data file.
type ExportOptions struct {
	// Key, if set, is the instructor key to encrypt to instead of the one
	// kept (`package export --recipient-file`).
	Key *PublicKey
	// Passphrase protects the package with a passphrase instead.
	Passphrase string
}

// Export writes a data package of the branch in store to out for its
// instructor: encrypted to o.Key, or with o.Passphrase, or else to the
// instructor's key the branch has set (设置 → 指导员); with none of them it is
// not encrypted, and kind says so (Plain). It returns the manifest and how
// the package is protected (Plain, Passphrase or ForKey).
func Export(store *storage.Store, out string, o ExportOptions, appVersion string) (Manifest, Kind, error) {
	var p Protection
	kind := Plain
	switch {
	case o.Key != nil && o.Passphrase != "":
		return Manifest{}, Plain, errors.New("数据包不能同时加密给指导员和设置密码，请只选一种")
	case o.Key != nil:
		r, err := o.Key.AgeRecipient()
		if err != nil {
			return Manifest{}, Plain, fmt.Errorf("指导员公钥有误：%w", err)
		}
		p.Recipients, kind = []age.Recipient{r}, ForKey
	case o.Passphrase != "":
		p.Passphrase, kind = o.Passphrase, Passphrase
	default:
		k, ok, err := store.InstructorKey()
		if err != nil {
			return Manifest{}, Plain, err
		}
		if ok {
			r, err := age.ParseX25519Recipient(k.Recipient)
			if err != nil {
				return Manifest{}, Plain, fmt.Errorf("设置中的指导员公钥有误，请重新载入：%w", err)
			}
			p.Recipients, kind = []age.Recipient{r}, ForKey
		}
	}
	m, err := Write(store, out, p, appVersion)
	return m, kind, err
}

// ExportName is the name a package for the instructor gets in a folder:
// 支部名称-数据包-20261130-1430.blpkg (FileName, for what it is).
func ExportName(branchName string, at time.Time) string {
	name := FileName(branchName, at)
	i := strings.LastIndex(name, "-备份-")
	return name[:i] + "-数据包-" + name[i+len("-备份-"):]
}

// Exporter is 导出数据包 and the instructor's key for the window (设置 →
// 指导员), over one open data file.
type Exporter struct {
	Store      *storage.Store
	AppVersion string
}

// ProfileInstructor is the 党建指导员 of the branch's 支部基本信息, "" when
// none is written: the name to show for a key that carries none (one
// pasted from a chat message).
func (e Exporter) ProfileInstructor() string {
	p, err := e.Store.Profile()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(p.InstructorName)
}

// InstructorKey is the key set, if any.
func (e Exporter) InstructorKey() (PublicKey, bool, error) {
	k, ok, err := e.Store.InstructorKey()
	return PublicKey{Recipient: k.Recipient, Instructor: k.Instructor}, ok, err
}

// SetInstructorKey keeps k as the key packages are encrypted to.
func (e Exporter) SetInstructorKey(k PublicKey) error {
	return e.Store.SetInstructorKey(storage.InstructorKey{Recipient: k.Recipient, Instructor: k.Instructor})
}

// ClearInstructorKey forgets the key.
func (e Exporter) ClearInstructorKey() error { return e.Store.ClearInstructorKey() }

// Export writes the package to out: to the key set, or with passphrase
// when no key is set ("" for none). See Export.
func (e Exporter) Export(out, passphrase string) (Manifest, Kind, error) {
	return Export(e.Store, out, ExportOptions{Passphrase: passphrase}, e.AppVersion)
}

// DefaultName is the file name a package of the branch gets now.
func (e Exporter) DefaultName() string {
	sum, err := e.Store.Summary()
	if err != nil {
		return ExportName("", e.Store.Now())
	}
	return ExportName(sum.BranchName, e.Store.Now())
}
