package datapkg

import (
	"archive/zip"
	"errors"
	"path/filepath"
	"strings"
	"time"

	"branchledger/model"
	"branchledger/storage"
)

// ErrOtherBranch is a package of another branch where this branch's package
// would be written: a USB drive goes round many branches, and replacing
// another branch's package loses its snapshot under its own name (review
// s4-11 newuser #1).
var ErrOtherBranch = errors.New("另一个支部的数据包")

// Replacing says what the package already at out is, before this branch's
// package (or backup) replaces it: an error wrapping ErrOtherBranch, one
// sentence naming that branch, when it is another branch's; otherwise the
// question to ask (in Chinese) — for this branch's own package, or for an
// encrypted one whose branch cannot be read. The manifest of an unencrypted
// package says whose it is; an encrypted one only its file name does.
func Replacing(out string, own storage.Summary) (question model.Text, err error) {
	base := filepath.Base(out)
	other := func(name string) error {
		return &model.TextError{Kind: ErrOtherBranch, Bare: true,
			Text: model.Textf("U盘上的 %s 是“%s”的数据包，不能用本支部的数据覆盖；请换一个文件名", base, name)}
	}
	kind, err := Probe(out)
	if err != nil {
		return model.Text{}, err
	}
	if kind == Plain {
		if m, ok := plainManifest(out); ok {
			if m.BranchUUID != own.BranchUUID {
				name := strings.TrimSpace(m.BranchName)
				if name == "" {
					name = strings.TrimSpace(m.OrgName)
				}
				if name == "" {
					name = "另一个支部"
				}
				if name == strings.TrimSpace(own.BranchName) {
					// Two branches called 第一党支部 in different units: "是
					// “第一党支部”的数据包" read as this branch's own (review
					// s5-final attack #9).
					return model.Text{}, &model.TextError{Kind: ErrOtherBranch, Bare: true,
						Text: model.Textf("U盘上的 %s 是另一个同名支部（%s，%s 导出）的数据包，不能用本支部的数据覆盖；请换一个文件名",
							base, strings.TrimSpace(m.OrgName), m.SnapshotAt.Local().Format("2006-01-02 15:04"))}
				}
				return model.Text{}, other(name)
			}
			return model.Textf("U盘上已有本支部的数据包 %s（%s 的数据）。要用现在的数据替换它吗？",
				base, m.SnapshotAt.Local().Format("2006-01-02 15:04")), nil
		}
	}
	if name, ok := namedBranch(base); ok && name != safeName(own.BranchName) {
		return model.Text{}, other(name)
	}
	if kind == Plain {
		return model.Textf("U盘上已有数据包 %s。要用本支部现在的数据替换它吗？", base), nil
	}
	return model.Textf("U盘上的 %s 是加密的数据包，看不出是哪个支部的（文件名也没有写支部名称）。确定是本支部的、要用现在的数据替换它吗？", base), nil
}

// plainManifest reads the manifest of an unencrypted package, if it can.
func plainManifest(path string) (Manifest, bool) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return Manifest{}, false
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == manifestEntry {
			m, err := readManifest(f, path)
			return m, err == nil
		}
	}
	return Manifest{}, false
}

// namedBranch is the branch name a package's file name starts with when it
// is one this app gives (支部名称-数据包-20261130-1430.blpkg, or -备份-).
func namedBranch(base string) (string, bool) {
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	for _, mark := range []string{"-数据包-", "-备份-"} {
		if i := strings.LastIndex(stem, mark); i > 0 {
			return stem[:i], true
		}
	}
	return "", false
}

// safeName is a branch name as FileName writes it into a file name.
func safeName(branchName string) string {
	name := FileName(branchName, time.Time{})
	return name[:strings.LastIndex(name, "-备份-")]
}

// Replacing is Replacing for this branch's package at out.
func (e Exporter) Replacing(out string) (model.Text, error) {
	sum, err := e.Store.Summary()
	if err != nil {
		return model.Text{}, err
	}
	return Replacing(out, sum)
}
