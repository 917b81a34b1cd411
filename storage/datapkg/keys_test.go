package datapkg

import (
	"errors"
	"strings"
	"testing"

	"filippo.io/age"
)

// A key pasted from a chat message has words around it: the one age1 key
// anywhere in the text is taken; none, or two different ones, is refused
// with a sentence (review s4-11 newuser #8).
func TestParsePublicKeyFindsTheKeyInAMessage(t *testing.T) {
	id, _ := age.GenerateX25519Identity()
	other, _ := age.GenerateX25519Identity()
	key, key2 := id.Recipient().String(), other.Recipient().String()
	for _, c := range []struct {
		name, text string
		want       string // the error's words, "" when key is taken
	}{
		{"一行公钥", key, ""},
		{"公钥冒号", "公钥：" + key, ""},
		{"微信消息", "王指导员的公钥：" + key + "（指纹 4508 2390 1164）", ""},
		{"多行消息", "您好，\n这是我的公钥，请在设置→指导员里粘贴：\n" + key + "。\n谢谢", ""},
		{"同一个公钥两次", key + "\n公钥：" + key, ""},
		{"大写", strings.ToUpper(key), ""},
		{"没有公钥", "王指导员：公钥明天发给您", "没有找到指导员公钥"},
		{"两个公钥", "旧的：" + key2 + "\n新的：" + key, "2 个不同的公钥"},
		{"公钥不完整", "公钥：" + key[:40], "公钥不完整或有误"},
	} {
		t.Run(c.name, func(t *testing.T) {
			k, err := ParsePublicKey(c.text)
			if c.want == "" {
				if err != nil || k.Recipient != key {
					t.Errorf("ParsePublicKey = %q, %v; want %s", k.Recipient, err, key)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("ParsePublicKey = %q, %v; want an error with %q", k.Recipient, err, c.want)
			}
		})
	}
	if _, err := ParsePublicKey("没有"); !errors.Is(err, ErrNoPublicKey) {
		t.Errorf("no key: %v", err)
	}
}
