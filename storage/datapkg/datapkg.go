// Package datapkg writes and reads 支部台账 data packages: one file (.blpkg)
// holding a consistent snapshot of a branch's data file and a manifest that
// says what it is. A secretary's 备份到… writes one onto a USB drive, 恢复
// reads it back, and the instructor's workspace imports them, so this package
// is the one place that knows the format.
//
// # Format (version 1)
//
// A package is a zip archive (archive/zip) of exactly two entries:
//
//	manifest.json     the Manifest below, UTF-8 JSON
//	branchledger.db   the data file, as storage.Store.Snapshot writes it
//
// An encrypted package is that zip encrypted with age (filippo.io/age, the
// format of age-encryption.org/v1): to one or more X25519 recipients (an
// instructor's public key, "age1…") or with a passphrase (age's scrypt
// recipient). The age command-line tool opens it:
//
//	age -d -o package.zip FILE.blpkg             (asks for the passphrase)
//	age -d -i instructor.key -o package.zip FILE.blpkg
//
// # Reading
//
// Every package comes from a USB drive and is treated as hostile. Open checks
// the age layer, the zip (entry names, sizes against a zip bomb), the
// manifest (format and schema versions), the database's SHA-256 against the
// manifest, and then the database itself with storage.Inspect (integrity,
// identity, exactly this app's schema), opened read-only; nothing inside is
// executed. Any failure is one sentence naming the package, and nothing but
// Open's own temporary files (removed before it returns) is written.
package datapkg

import (
	"errors"
	"time"

	"branchledger/storage"
)

// Ext is the file extension of a data package.
const Ext = ".blpkg"

// FormatVersion is the version of the package format this app writes; it
// reads this one and refuses newer ones.
const FormatVersion = 1

// MinPassphrase is the fewest characters (not bytes) a passphrase for a
// new package may have, in the window and on the command line alike: the
// package may be lost with the drive, and scrypt only slows a guesser down.
const MinPassphrase = 8

// App is the manifest's app name: packages of other programs are refused.
const App = "branchledger"

// Entry names inside the zip.
const (
	manifestEntry = "manifest.json"
	databaseEntry = "branchledger.db"
)

// Manifest says what a package holds. It is written as manifest.json; the
// JSON names are part of the format.
type Manifest struct {
	Format        int    `json:"format"`         // FormatVersion of the writer
	App           string `json:"app"`            // always App
	AppVersion    string `json:"app_version"`    // the writer's version, e.g. "0.1.0"
	SchemaVersion int    `json:"schema_version"` // the data file's schema version (PRAGMA user_version)
	BranchUUID    string `json:"branch_uuid"`    // the branch's identity, made with the branch
	OrgName       string `json:"org_name"`       // 单位名称
	BranchName    string `json:"branch_name"`    // 支部名称
	// SnapshotAt is when the snapshot was taken, by the branch's clock,
	// with its UTC offset.
	SnapshotAt time.Time `json:"snapshot_at"`
	// Counts is the number of rows of each table of the data file.
	Counts   map[string]int `json:"counts"`
	Database FileInfo       `json:"database"`
}

// FileInfo names an entry of the zip and pins its contents.
type FileInfo struct {
	Name   string `json:"name"`   // entry name
	Size   int64  `json:"size"`   // bytes, uncompressed
	SHA256 string `json:"sha256"` // lower-case hex SHA-256 of the uncompressed bytes
}

// Summary is the manifest as storage describes a data file.
func (m Manifest) Summary() storage.Summary {
	return storage.Summary{BranchUUID: m.BranchUUID, OrgName: m.OrgName, BranchName: m.BranchName,
		SchemaVersion: m.SchemaVersion, Counts: m.Counts}
}

// Limits against hostile packages. A branch's data file with three years of
// photos stays well under them.
const (
	// MaxPackageSize is the largest package file Open reads.
	MaxPackageSize = 4 << 30
	// MaxDatabaseSize is the largest data file a package may hold.
	MaxDatabaseSize = 4 << 30
	// maxManifestSize is the largest manifest.json.
	maxManifestSize = 1 << 20
	// A data file compresses four to thirteen fold (measured on demo
	// branches of 3 to 2,000 members), photos hardly at all; a stream that
	// claims more than maxRatio and is larger than ratioFloor once unpacked
	// is a zip bomb. Below the floor, a new file's empty pages compress
	// further, and unpacking costs little.
	maxRatio   = 40
	ratioFloor = 8 << 20
	// scryptWorkFactor is the scrypt work factor passphrase packages are
	// written with: 2^17, 128 MB and 0.65–0.8 CPU-s for the whole export of
	// a 50-member branch (BenchmarkWrite50Members), not age's default 2^18:
	// 256 MB and 1.35–1.45 CPU-s. Issue 11 wants that export in ≤ 1 s on a
	// 2-core office laptop, and half the memory spares an old one. The
	// instructor's key (设置 → 指导员) stays the protection the app
	// recommends: no passphrase to guess at all. age and the age tool read
	// any factor up to 2^22, so these packages open there as before.
	scryptWorkFactor = 17
	// scryptMaxWorkFactor is the most a package may ask of the reader:
	// 2^18, which packages of earlier versions were written with. 2^22
	// takes 4 GB and over a minute.
	scryptMaxWorkFactor = 18
)

// Errors Open returns, each wrapped in a sentence naming the package. Errors
// about the data file inside come from storage (storage.ErrDamaged,
// storage.ErrNewerSchema, storage.ErrSchemaChanged, storage.ErrNotDatabase).
var (
	ErrNotPackage      = errors.New("不是支部台账的数据包")
	ErrTruncated       = errors.New("数据包不完整或已损坏（可能没有复制完）")
	ErrNeedPassphrase  = errors.New("数据包设有密码，请输入密码")
	ErrWrongPassphrase = errors.New("密码不对，无法打开数据包")
	ErrNoKey           = errors.New("数据包是加密给指导员的，这里没有能打开它的私钥")
	ErrChecksum        = errors.New("数据包的内容与清单不符（已损坏或被改动过）")
	ErrNewerFormat     = errors.New("数据包由更新版本的支部台账生成，请升级软件后再打开")
	ErrUnsafe          = errors.New("数据包含有不安全的内容，软件拒绝打开")
)
