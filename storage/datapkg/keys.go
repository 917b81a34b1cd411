package datapkg

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"filippo.io/age"

	"branchledger/storage/atomicfile"
	"branchledger/storage/reason"
)

// An instructor's public key travels as a small text file the instructor
// hands to each branch (导出公钥) or as text pasted from a message: age's
// recipients-file format, comment lines starting with "#" and one line
// "age1…". The age tool reads the same file (age -R FILE).

// PublicKeyExt is the extension of a public key file.
const PublicKeyExt = ".txt"

// maxKeyFile is the largest public key file read: a key is 62 characters.
const maxKeyFile = 16 << 10

// ErrNoPublicKey: the text holds no instructor's public key.
var ErrNoPublicKey = errors.New("没有找到指导员公钥：公钥是以 age1 开头的一串字母和数字，请把指导员发来的整条消息或公钥文件的内容粘贴进来")

// ageToken is what may be an age public key in any text: age1 and the
// bech32 characters after it. Its checksum makes a token found in a chat
// message (公钥：age1…（指纹 …）) safe to take.
var ageToken = regexp.MustCompile(`(?i)age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+`)

// PublicKey is an instructor's public key as a branch keeps it.
type PublicKey struct {
	Recipient  string // "age1…", the X25519 recipient
	Instructor string // the instructor's name from the key file's comment, "" if none
}

// Fingerprint is the key's short fingerprint, to compare by phone.
func (k PublicKey) Fingerprint() string { return Fingerprint(k.Recipient) }

// AgeRecipient is the key as age encrypts to it.
func (k PublicKey) AgeRecipient() (age.Recipient, error) {
	return age.ParseX25519Recipient(k.Recipient)
}

// Fingerprint is twelve digits in groups of four (“4821 0937 5512”) taken
// from the SHA-256 of the public key: short enough to read out on the phone,
// long enough that a key swapped on the way does not match by chance.
func Fingerprint(recipient string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(recipient)))
	n := binary.BigEndian.Uint64(sum[:8]) % 1_000_000_000_000
	s := fmt.Sprintf("%012d", n)
	return s[:4] + " " + s[4:8] + " " + s[8:]
}

// instructorComment starts the comment line that names the instructor.
const instructorComment = "# 指导员："

// ParsePublicKey reads an instructor's public key from text: a key file's
// contents or a pasted line. Comment lines are skipped; exactly one key must
// be there, and it must be an age X25519 public key.
func ParsePublicKey(text string) (PublicKey, error) {
	var k PublicKey
	var found []string
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 4096), maxKeyFile)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		switch {
		case strings.HasPrefix(line, instructorComment):
			k.Instructor = strings.TrimSpace(strings.TrimPrefix(line, instructorComment))
		case line == "" || strings.HasPrefix(line, "#"):
		default:
			// Anywhere on the line: a key pasted from a chat message has
			// words around it (review s4-11 newuser #8). The same key
			// twice is one key.
			for _, f := range ageToken.FindAllString(line, -1) {
				f = strings.ToLower(f)
				if !slices.Contains(found, f) {
					found = append(found, f)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return PublicKey{}, fmt.Errorf("%w：%v", ErrNoPublicKey, err)
	}
	switch len(found) {
	case 0:
		if strings.Contains(text, "AGE-SECRET-KEY-") {
			return PublicKey{}, errors.New("这是私钥，不是公钥：私钥只能留在指导员自己的电脑上，请让指导员重新导出公钥")
		}
		return PublicKey{}, ErrNoPublicKey
	case 1:
	default:
		return PublicKey{}, fmt.Errorf("文字中有 %d 个不同的公钥（%s…、%s…），应只有一个：请只粘贴指导员发来的那一个", len(found), cut(found[0], 12), cut(found[1], 12))
	}
	if _, err := age.ParseX25519Recipient(found[0]); err != nil {
		return PublicKey{}, fmt.Errorf("公钥不完整或有误（%s…）：请重新复制或让指导员重新导出", cut(found[0], 12))
	}
	k.Recipient = found[0]
	return k, nil
}

// ReadPublicKeyFile reads a public key file.
func ReadPublicKeyFile(path string) (PublicKey, error) {
	f, err := os.Open(path)
	if err != nil {
		return PublicKey{}, reason.Wrap("无法读取公钥文件 "+path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return PublicKey{}, reason.Wrap("无法读取公钥文件 "+path, err)
	}
	if len(b) > maxKeyFile {
		return PublicKey{}, fmt.Errorf("%s 不是公钥文件（文件太大）", path)
	}
	k, err := ParsePublicKey(string(b))
	if err != nil {
		return PublicKey{}, fmt.Errorf("%s：%w", path, err)
	}
	return k, nil
}

// PublicKeyText is the contents of a public key file for k: comments that
// say what it is, whose it is and its fingerprint, then the key.
func PublicKeyText(k PublicKey) string {
	var b strings.Builder
	b.WriteString("# 支部台账 · 指导员公钥（branchledger instructor public key, age X25519）\n")
	b.WriteString("# 支部在“设置 → 指导员”中载入本文件，此后导出的数据包只有该指导员能打开。\n")
	if k.Instructor != "" {
		b.WriteString(instructorComment + k.Instructor + "\n")
	}
	b.WriteString("# 指纹：" + k.Fingerprint() + "（请电话核对）\n")
	b.WriteString(k.Recipient + "\n")
	return b.String()
}

// WritePublicKeyFile writes k's public key file at path, replacing it whole
// or not at all.
func WritePublicKeyFile(path string, k PublicKey) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := io.WriteString(w, PublicKeyText(k))
		return err
	})
}

func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
