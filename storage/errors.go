package storage

import (
	"errors"
	"fmt"

	"branchledger/model"
)

// Errors the store returns, each wrapped with the file or record it concerns.
// The UI shows err.Error() as is, so every message starts with a sentence a
// branch secretary can act on; technical detail, if any, comes after it.
var (
	ErrLocked            = errors.New("数据文件正由另一个支部台账窗口使用，请先关闭它")
	ErrDamaged           = errors.New("数据文件已损坏，软件没有改动它。请用备份恢复，或把文件交给技术人员检查")
	ErrNotDatabase       = errors.New("不是支部台账的数据文件，软件没有改动它")
	ErrNewerSchema       = errors.New("数据文件由更新版本的支部台账创建，请升级软件后再打开，软件没有改动它")
	ErrNotFound          = errors.New("找不到该记录")
	ErrDuplicateIDNumber = errors.New("公民身份号码已登记")
)

// DuplicateIDError says which member already has an ID number, so that the
// message names them and a form can offer to open their record. It matches
// ErrDuplicateIDNumber with errors.Is.
type DuplicateIDError struct {
	IDNumber string
	Existing model.Member // the member who holds the number
}

func (e *DuplicateIDError) Error() string {
	m := &e.Existing
	if m.OnRoster {
		return "公民身份号码已属于在册党员 " + m.Name
	}
	return fmt.Sprintf("公民身份号码已属于曾在册党员 %s（%s %s）", m.Name, m.LeftOn, m.LeftBy)
}

func (e *DuplicateIDError) Unwrap() error { return ErrDuplicateIDNumber }

// Field names the form field the message belongs next to.
func (e *DuplicateIDError) Field() model.Field { return model.FieldIDNumber }

// notFound is the error for a member id that is not in the file.
func notFound(memberID int64) error {
	return fmt.Errorf("%w：没有编号为 %d 的党员", ErrNotFound, memberID)
}

// userError is a message for the user that needs no sentinel of its own; kind,
// if set, is what it matches with errors.Is.
type userError struct {
	msg  string
	kind error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.kind }
