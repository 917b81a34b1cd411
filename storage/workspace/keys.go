package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"filippo.io/age"

	"branchledger/model"
	"branchledger/storage/atomicfile"
	"branchledger/storage/datapkg"
	"branchledger/storage/reason"
	"branchledger/storage/xlsx"
)

// The instructor's key pair: an age X25519 identity made in the workspace.
// The public key is handed to branches (导出公钥); the private key is kept
// in the workspace encrypted with age's scrypt recipient under the
// instructor's passphrase, so a copy of the workspace file alone opens no
// package. `age -d` with the passphrase opens the stored key too.

// Errors of the key pair.
var (
	ErrNoKey           = errors.New("工作台还没有密钥，请先生成指导员密钥")
	ErrKeyExists       = errors.New("工作台已有密钥；重新生成会使各支部手中的公钥失效，软件不这样做")
	ErrWrongPassphrase = errors.New("密码不对，无法解开指导员私钥")
	ErrLockedKey       = errors.New("指导员私钥尚未解开，请输入密码")
)

// MinPassphrase is the shortest passphrase accepted for the private key, in
// characters.
const MinPassphrase = 8

// Settings are the workspace's own details.
type Settings struct {
	Instructor string // 党建指导员, printed on the report and in the public key file
	Area       string // the area or upper organisation reported for (报送单位), the report's title
	// CoverageRules is the ID of the coverage definition (model.CoverageDefinitions).
	CoverageRules string
}

// Coverage is the coverage definition the settings choose.
func (s Settings) Coverage() model.CoverageRules { return model.CoverageByID(s.CoverageRules) }

// Settings reads the workspace's details.
func (w *Workspace) Settings() (Settings, error) {
	var s Settings
	err := w.sql.QueryRow("SELECT instructor, area, coverage_rules FROM workspace WHERE id = 1").
		Scan(&s.Instructor, &s.Area, &s.CoverageRules)
	if err != nil {
		return Settings{}, fmt.Errorf("读取工作台设置失败：%w", err)
	}
	return s, nil
}

// SaveSettings stores the workspace's details.
func (w *Workspace) SaveSettings(s Settings) error {
	s.Instructor, s.Area = model.CleanLine(s.Instructor), model.CleanLine(s.Area)
	if utf8.RuneCountInString(s.Instructor) > 40 || utf8.RuneCountInString(s.Area) > 80 {
		return errors.New("指导员姓名最多40字，报送单位最多80字")
	}
	if s.CoverageRules != "" && model.CoverageByID(s.CoverageRules).ID != s.CoverageRules {
		return fmt.Errorf("没有统计口径 %q", s.CoverageRules)
	}
	err := w.db.Exec("UPDATE workspace SET instructor = ?, area = ?, coverage_rules = ?, updated_at = ? WHERE id = 1",
		s.Instructor, s.Area, s.CoverageRules, stamp(w.Now())).Error
	if err != nil {
		return fmt.Errorf("保存工作台设置失败：%w", err)
	}
	return nil
}

// HasKey reports whether the workspace has its key pair.
func (w *Workspace) HasKey() (bool, error) {
	k, err := w.publicKey()
	return k != "", err
}

func (w *Workspace) publicKey() (string, error) {
	var k string
	if err := w.sql.QueryRow("SELECT public_key FROM workspace WHERE id = 1").Scan(&k); err != nil {
		return "", fmt.Errorf("读取指导员公钥失败：%w", err)
	}
	return k, nil
}

// PublicKey is the instructor's public key with the instructor's name, as
// the public key file carries it; ErrNoKey before CreateKey.
func (w *Workspace) PublicKey() (datapkg.PublicKey, error) {
	k, err := w.publicKey()
	if err != nil {
		return datapkg.PublicKey{}, err
	}
	if k == "" {
		return datapkg.PublicKey{}, ErrNoKey
	}
	s, err := w.Settings()
	if err != nil {
		return datapkg.PublicKey{}, err
	}
	return datapkg.PublicKey{Recipient: k, Instructor: s.Instructor}, nil
}

// CheckPassphrase says what is wrong with a new passphrase, "" if nothing.
func CheckPassphrase(p string) string {
	switch {
	case strings.TrimSpace(p) == "":
		return "请设置密码"
	case utf8.RuneCountInString(p) < MinPassphrase:
		return fmt.Sprintf("密码至少%d个字符", MinPassphrase)
	}
	return ""
}

// keyWorkFactor is the scrypt work factor the instructor's private key is
// sealed with (see CreateKey).
const keyWorkFactor = 18

// CreateKey makes the instructor's key pair, stores the private key
// encrypted with passphrase and keeps it unlocked for this session. It
// refuses when the workspace already has one (ErrKeyExists).
func (w *Workspace) CreateKey(passphrase string) (datapkg.PublicKey, error) {
	if msg := CheckPassphrase(passphrase); msg != "" {
		return datapkg.PublicKey{}, errors.New(msg)
	}
	if has, err := w.HasKey(); err != nil {
		return datapkg.PublicKey{}, err
	} else if has {
		return datapkg.PublicKey{}, ErrKeyExists
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return datapkg.PublicKey{}, fmt.Errorf("生成密钥失败：%w", err)
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return datapkg.PublicKey{}, fmt.Errorf("密码不能使用：%w", err)
	}
	// age's default 2^18 (256 MB, over a second), kept on purpose where
	// passphrase packages went down to 2^17 (datapkg's scryptWorkFactor):
	// this key opens every branch's package and is unlocked once a
	// session, not once an export, and the same sealed bytes are what
	// --save-private-key writes to a USB drive, where a guesser may try
	// passphrases at leisure.
	r.SetWorkFactor(keyWorkFactor)
	var sealed bytes.Buffer
	enc, err := age.Encrypt(&sealed, r)
	if err != nil {
		return datapkg.PublicKey{}, fmt.Errorf("加密私钥失败：%w", err)
	}
	if _, err := io.WriteString(enc, id.String()+"\n"); err != nil {
		return datapkg.PublicKey{}, err
	}
	if err := enc.Close(); err != nil {
		return datapkg.PublicKey{}, err
	}
	now := stamp(w.Now())
	res := w.db.Exec("UPDATE workspace SET public_key = ?, private_key = ?, key_created_at = ?, updated_at = ? WHERE id = 1 AND public_key = ''",
		id.Recipient().String(), sealed.Bytes(), now, now)
	if res.Error != nil {
		return datapkg.PublicKey{}, fmt.Errorf("保存密钥失败：%w", res.Error)
	}
	if res.RowsAffected != 1 {
		return datapkg.PublicKey{}, ErrKeyExists
	}
	w.mu.Lock()
	w.identity = id
	w.mu.Unlock()
	return w.PublicKey()
}

// Unlock opens the private key with the instructor's passphrase and keeps
// it for this session (until Close).
func (w *Workspace) Unlock(passphrase string) error {
	var pub string
	var sealed []byte
	if err := w.sql.QueryRow("SELECT public_key, private_key FROM workspace WHERE id = 1").Scan(&pub, &sealed); err != nil {
		return fmt.Errorf("读取指导员私钥失败：%w", err)
	}
	if pub == "" {
		return ErrNoKey
	}
	sid, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return ErrWrongPassphrase
	}
	// No workspace ever sealed its key harder: a file asking for more (up
	// to age's 2^22, 4 GB) is not one this app made.
	sid.SetMaxWorkFactor(keyWorkFactor)
	r, err := age.Decrypt(bytes.NewReader(sealed), sid)
	if err != nil {
		var nomatch *age.NoIdentityMatchError
		if errors.As(err, &nomatch) {
			return ErrWrongPassphrase
		}
		if strings.Contains(err.Error(), "work factor") {
			return &reason.Error{Msg: "指导员私钥已损坏：其密码保护的强度不是本软件设置的，工作台文件可能被改动过", Err: err}
		}
		return fmt.Errorf("指导员私钥已损坏：%w", err)
	}
	raw, err := io.ReadAll(io.LimitReader(r, 4096))
	if err != nil {
		return fmt.Errorf("指导员私钥已损坏：%w", err)
	}
	id, err := age.ParseX25519Identity(strings.TrimSpace(string(raw)))
	if err != nil || id.Recipient().String() != pub {
		return errors.New("指导员私钥与公钥不匹配，工作台文件可能被改动过")
	}
	w.mu.Lock()
	w.identity = id
	w.mu.Unlock()
	return nil
}

// Unlocked reports whether the private key is open for this session.
func (w *Workspace) Unlocked() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.identity != nil
}

// identities are the keys packages encrypted to the instructor open with.
func (w *Workspace) identities() []age.Identity {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.identity == nil {
		return nil
	}
	return []age.Identity{w.identity}
}

// ExportPublicKey writes the public key file to hand to branches.
func (w *Workspace) ExportPublicKey(path string) (datapkg.PublicKey, error) {
	k, err := w.PublicKey()
	if err != nil {
		return k, err
	}
	return k, datapkg.WritePublicKeyFile(path, k)
}

// SavePrivateKey writes the private key as the workspace keeps it —
// encrypted with the instructor's passphrase, in age's format — to path: a
// backup of the key, without which no package encrypted to it can be
// opened if the workspace file is lost. `age -d FILE` with the passphrase
// gives the age identity back. The file is private (mode 0600): the
// passphrase is all that stands between it and the key.
func (w *Workspace) SavePrivateKey(path string) error {
	var sealed []byte
	if err := w.sql.QueryRow("SELECT private_key FROM workspace WHERE id = 1").Scan(&sealed); err != nil {
		return fmt.Errorf("读取指导员私钥失败：%w", err)
	}
	if len(sealed) == 0 {
		return ErrNoKey
	}
	write := func(out io.Writer) error {
		_, err := out.Write(sealed)
		return err
	}
	if isSavedKey(path) {
		// An earlier backup of a key (this one's or another's): the
		// check below takes every age file for a package and refused
		// it, so a backup could never be saved again where it was
		// (--save-private-key FILE --replace; the window asks first).
		if err := atomicfile.CheckTarget(path); err != nil {
			return err
		}
		return atomicfile.WritePrivate(path, write)
	}
	return xlsx.WritePrivateFileAtomic(path, write)
}

// savedKeyMax is the largest file isSavedKey takes for a saved private
// key: one is some 300 bytes, the smallest package tens of KB.
const savedKeyMax = 4 << 10

// isSavedKey reports whether the file at path is a private key saved by
// SavePrivateKey: a small age file for a passphrase, not named as a
// package.
func isSavedKey(path string) bool {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > savedKeyMax || strings.EqualFold(filepath.Ext(path), datapkg.Ext) {
		return false
	}
	kind, err := datapkg.Probe(path)
	return err == nil && kind == datapkg.Passphrase
}
